import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { BinaryValue } from '../../values/binary.js';
import { TYPE, type TypeFacets, type TypeValue } from '../../values/type.js';
import { asBinary, asLogical, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { CODE_PAGE, codePageOf, decodeText, encodeText } from '../encoding.js';
import { cultureOf, isWhiteSpace, toLower, toProper, toUpper } from './unicode.js';

/**
 * Text functions that convert: case (`Text.Lower`, `Upper`, `Proper`, culture-aware), text to and
 * from binary in a text encoding, `Text.NewGuid` and `Text.InferNumberType`.
 */

function numberFacetType(typeName: string, facets: TypeFacets): TypeValue {
  return TYPE.number.withFacets({ ...facets, typeName });
}

/** The separators of numbers in a culture: decimal point and digit grouping. */
function numberSeparators(culture: string): { decimal: string; group: string } {
  let decimal = '.';
  let group = ',';
  if (culture !== '') {
    for (const part of new Intl.NumberFormat(culture).formatToParts(1234567.5)) {
      if (part.type === 'decimal') decimal = part.value;
      if (part.type === 'group') group = part.value;
    }
  }
  return { decimal, group };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * `Text.InferNumberType`: `Percentage.Type` for a percentage, `Int64.Type` for a whole number that
 * fits 64 bits, `Double.Type` for any other number written in the culture; `DataFormat.Error` for
 * text that is not a number.
 */
function inferNumberType(text: string, culture: string): TypeValue {
  const { decimal, group } = numberSeparators(culture);
  let body = text.trim();
  let percent = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1).trimEnd();
  } else if (body.startsWith('%')) {
    percent = true;
    body = body.slice(1).trimStart();
  }
  // Group separators that are spaces (fr-FR) also accept the other kinds of space.
  const groupPattern = isWhiteSpace(group.charCodeAt(0))
    ? '[\\s\\u00a0\\u202f]'
    : escapeRegExp(group);
  const pattern = new RegExp(
    `^([+-]?)((?:\\d{1,3}(?:${groupPattern}\\d{3})+)|\\d*)(?:${escapeRegExp(decimal)}(\\d*))?(?:[eE]([+-]?\\d+))?$`,
  );
  const match = pattern.exec(body);
  const whole = match?.[2] ?? '';
  const fraction = match?.[3];
  if (match === null || (whole === '' && (fraction === undefined || fraction === ''))) {
    throw MError.dataFormat("We couldn't convert to Number.", text);
  }
  if (percent) return numberFacetType('Percentage.Type', {});
  const digits = whole.replace(/\D/g, '');
  if (fraction === undefined && match[4] === undefined) {
    const value = BigInt(`${match[1] === '-' ? '-' : ''}${digits}`);
    if (value >= INT64_MIN && value <= INT64_MAX) {
      return numberFacetType('Int64.Type', {
        numericPrecisionBase: 2,
        numericPrecision: 64,
        numericScale: 0,
      });
    }
  }
  return numberFacetType('Double.Type', { numericPrecisionBase: 2, numericPrecision: 53 });
}

/** A version 4 GUID from the evaluation's seeded random numbers, in lower-case `D` format. */
function newGuid(ctx: Context): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(ctx.random() * 256));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Case, encoding, GUID and number-type functions of the Text namespace. */
export const TEXT_CONVERT_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Text.Lower',
    '(text as nullable text, optional culture as nullable text) as nullable text',
    (ctx, [text, culture]) =>
      text === null ? null : toLower(asText(text), cultureOf(ctx, culture)),
  ),
  defineFunction(
    'Text.Upper',
    '(text as nullable text, optional culture as nullable text) as nullable text',
    (ctx, [text, culture]) =>
      text === null ? null : toUpper(asText(text), cultureOf(ctx, culture)),
  ),
  defineFunction(
    'Text.Proper',
    '(text as nullable text, optional culture as nullable text) as nullable text',
    (ctx, [text, culture]) =>
      text === null ? null : toProper(asText(text), cultureOf(ctx, culture)),
  ),
  defineFunction('Text.NewGuid', '() as text', (ctx) => newGuid(ctx)),
  defineFunction(
    'Text.InferNumberType',
    '(text as text, optional culture as nullable text) as type',
    (ctx, [text, culture]) => inferNumberType(asText(text), cultureOf(ctx, culture)),
  ),
  defineFunction(
    'Text.ToBinary',
    '(text as nullable text, optional encoding as nullable number, optional includeByteOrderMark as nullable logical) as nullable binary',
    (_ctx, [text, encoding, includeByteOrderMark]) => {
      if (text === null) return null;
      const codePage = codePageOf(encoding, CODE_PAGE.utf8);
      const mark = includeByteOrderMark === null ? false : asLogical(includeByteOrderMark);
      return new BinaryValue(encodeText(asText(text), codePage, mark));
    },
  ),
  defineFunction(
    'Text.FromBinary',
    '(binary as nullable binary, optional encoding as nullable number) as nullable text',
    (_ctx, [binary, encoding]) => {
      if (binary === null) return null;
      return decodeText(asBinary(binary).bytes, codePageOf(encoding, null));
    },
  ),
];

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { BinaryValue } from '../../values/binary.js';
import { ListValue } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { TypeValue } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asInteger, asLogical, typeError } from '../arguments.js';
import { CODE_PAGE, codePageOf } from '../encoding.js';
import { CSV_STYLE, quoteStyleOf } from '../quote-style.js';
import type { CsvDelimiter, CsvSyntax } from './csv-reader.js';

/**
 * The arguments of `Csv.Document`: the delimiter, the columns, what to do with extra values, the
 * encoding of a binary source and the quoting, given one by one or as an options record in place
 * of `columns`.
 */

/** `ExtraValues.List`, `ExtraValues.Error` and `ExtraValues.Ignore`. */
export const EXTRA_VALUES = { list: 0, error: 1, ignore: 2 } as const;

/** What to do with the fields of a record beyond the table's last column. */
export type ExtraValues = (typeof EXTRA_VALUES)[keyof typeof EXTRA_VALUES];

/** The columns asked for. */
export type CsvColumns =
  /** As many as the longest record has, named `Column1`, `Column2`, … */
  | { readonly kind: 'detect' }
  /** A number of columns named `Column1`, `Column2`, … */
  | { readonly kind: 'count'; readonly count: number }
  /** Named columns of type `any`. */
  | { readonly kind: 'names'; readonly names: readonly string[] }
  /** The columns (names and types) of a table type. */
  | { readonly kind: 'type'; readonly type: TypeValue };

/** Everything `Csv.Document` needs to read its source. */
export interface CsvOptions {
  readonly syntax: CsvSyntax;
  readonly columns: CsvColumns;
  readonly extraValues: ExtraValues;
  /** The code page of a binary source. */
  readonly codePage: number;
}

/** The fields of the options record (`IncludeByteOrderMark` only matters when writing CSV). */
const OPTION_FIELDS: readonly string[] = [
  'Delimiter',
  'Columns',
  'Encoding',
  'CsvStyle',
  'QuoteStyle',
  'IncludeByteOrderMark',
];

/** A `delimiter` argument: a character, a text, `""` for whitespace, or a list of texts. */
export function delimiterOf(ctx: Context, value: Value): CsvDelimiter {
  const plain = strip(value);
  if (plain === null) return { kind: 'character', code: 0x2c };
  if (typeof plain === 'string') {
    if (plain === '') return { kind: 'whitespace' };
    if (plain.length === 1) return { kind: 'character', code: plain.charCodeAt(0) };
    return { kind: 'text', text: plain };
  }
  if (plain instanceof ListValue) {
    const texts = plain.toArray(ctx).map((item) => {
      const text = strip(item);
      if (typeof text !== 'string') throw typeError(text, 'text');
      if (text === '') throw MError.expression('A delimiter in the list cannot be empty.', plain);
      return text;
    });
    if (texts.length === 0) throw MError.expression('The list of delimiters is empty.', plain);
    const [only] = texts;
    if (texts.length === 1 && only?.length === 1)
      return { kind: 'character', code: only.charCodeAt(0) };
    return { kind: 'any', texts };
  }
  throw MError.expression('The delimiter must be a text or a list of texts.', plain);
}

/** A `columns` argument (or the `Columns` option) other than an options record. */
export function columnsOf(ctx: Context, value: Value): CsvColumns {
  const plain = strip(value);
  if (plain === null) return { kind: 'detect' };
  if (typeof plain === 'number')
    return { kind: 'count', count: asCount(plain, 'The column count') };
  if (plain instanceof ListValue) {
    const names = plain.toArray(ctx).map((item) => {
      const name = strip(item);
      if (typeof name !== 'string') throw typeError(name, 'text');
      return name;
    });
    return { kind: 'names', names };
  }
  if (plain instanceof TypeValue && plain.shape.kind === 'table')
    return { kind: 'type', type: plain };
  throw MError.expression(
    'The columns must be null, a number of columns, a list of column names, a table type or an options record.',
    plain,
  );
}

/** An `extraValues` argument; `ExtraValues.Ignore` when it is null. */
export function extraValuesOf(value: Value): ExtraValues {
  const plain = strip(value);
  if (plain === null) return EXTRA_VALUES.ignore;
  const extraValues = asInteger(plain, 'The extraValues argument');
  switch (extraValues) {
    case EXTRA_VALUES.list:
    case EXTRA_VALUES.error:
    case EXTRA_VALUES.ignore:
      return extraValues;
    default:
      throw MError.expression(
        'The extraValues argument must be ExtraValues.List, ExtraValues.Error or ExtraValues.Ignore.',
        extraValues,
      );
  }
}

/** A `CsvStyle` option: whether quotes are significant anywhere in a field. */
function quoteAnywhereOf(value: Value): boolean {
  const plain = strip(value);
  if (plain === null) return false;
  const style = asInteger(plain, 'The CSV style');
  if (style === CSV_STYLE.quoteAfterDelimiter) return false;
  if (style === CSV_STYLE.quoteAlways) return true;
  throw MError.expression(
    'The CSV style must be CsvStyle.QuoteAfterDelimiter or CsvStyle.QuoteAlways.',
    style,
  );
}

/**
 * The options of a call: the separate arguments, or the options record given as `columns` (then
 * `delimiter`, `extraValues` and `encoding` must be null).
 */
export function csvOptionsOf(
  ctx: Context,
  columns: Value,
  delimiter: Value,
  extraValues: Value,
  encoding: Value,
): CsvOptions {
  const record = strip(columns);
  if (!(record instanceof RecordValue)) {
    return {
      syntax: {
        delimiter: delimiterOf(ctx, delimiter),
        quoteAnywhere: false,
        quotedLineBreaks: true,
      },
      columns: columnsOf(ctx, record),
      extraValues: extraValuesOf(extraValues),
      codePage: codePageOf(encoding, CODE_PAGE.utf8),
    };
  }
  if (strip(delimiter) !== null || strip(extraValues) !== null || strip(encoding) !== null) {
    throw MError.expression(
      'When the columns argument is an options record, the delimiter, extraValues and encoding arguments must be null.',
      record,
    );
  }
  for (const name of record.names) {
    if (!OPTION_FIELDS.includes(name)) {
      throw MError.expression(`The option '${name}' is not recognized.`, record);
    }
  }
  const field = (name: string): Value => record.fieldOrUndefined(name) ?? null;
  const includeByteOrderMark = field('IncludeByteOrderMark');
  if (includeByteOrderMark !== null) asLogical(includeByteOrderMark);
  return {
    syntax: {
      delimiter: delimiterOf(ctx, field('Delimiter')),
      quoteAnywhere: quoteAnywhereOf(field('CsvStyle')),
      quotedLineBreaks: quoteStyleOf(field('QuoteStyle'), true),
    },
    columns: columnsOf(ctx, field('Columns')),
    extraValues: EXTRA_VALUES.ignore,
    codePage: codePageOf(field('Encoding'), CODE_PAGE.utf8),
  };
}

/** The source of `Csv.Document` as a way to get its text (decoding a binary when first asked). */
export function sourceBytesOrText(value: Value): string | Uint8Array {
  const plain = strip(value);
  if (typeof plain === 'string') return plain;
  if (plain instanceof BinaryValue) return plain.bytes;
  throw typeError(plain, 'binary');
}

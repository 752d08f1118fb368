import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { strip, type Value } from '../values/value.js';
import { asText, typeError } from './arguments.js';
import { valueToText } from './conversion.js';
import { cultureArgument } from './conversion-parse.js';
import type { CultureInfo } from './culture.js';
import { defineFunction, type LibraryEntry } from './define.js';

/**
 * `Text.From` and `Text.Format`: they write numbers, dates and times by culture, so they live with
 * the formatting functions.
 */

/** The index of a `#{…}` placeholder. */
const INDEX = /^\d+$/;

/** The text of an argument of `Text.Format`: null is written as nothing. */
function argumentText(ctx: Context, value: Value, culture: CultureInfo): string {
  return valueToText(ctx, value, culture) ?? '';
}

/**
 * `Text.Format`: `#{0}` is the first item of a list of arguments, `#[name]` a field of a record of
 * arguments; any other `#` is written as it is.
 */
export function formatText(
  ctx: Context,
  format: string,
  args: Value,
  culture: CultureInfo,
): string {
  const plain = strip(args);
  let out = '';
  let index = 0;
  while (index < format.length) {
    const hash = format.indexOf('#', index);
    if (hash < 0) {
      out += format.slice(index);
      break;
    }
    out += format.slice(index, hash);
    const open = format[hash + 1];
    const close = open === '{' ? '}' : open === '[' ? ']' : undefined;
    const end = close === undefined ? -1 : format.indexOf(close, hash + 2);
    if (close === undefined || end < 0) {
      out += '#';
      index = hash + 1;
      continue;
    }
    const key = format.slice(hash + 2, end);
    if (open === '{') {
      if (!(plain instanceof ListValue)) throw typeError(plain, 'list');
      const position = Number(key);
      const item = INDEX.test(key) ? plain.item(ctx, position) : undefined;
      if (item === undefined) {
        throw MError.expression(
          `The format refers to argument ${key}, which the list of arguments doesn't have.`,
          key,
        );
      }
      out += argumentText(ctx, item, culture);
    } else {
      if (!(plain instanceof RecordValue)) throw typeError(plain, 'record');
      out += argumentText(ctx, plain.field(key), culture);
    }
    index = end + 1;
  }
  return out;
}

/** `Text.From` and `Text.Format`. */
export const TEXT_FROM_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Text.From',
    '(value as any, optional culture as nullable text) as nullable text',
    (ctx, [value, culture]) => valueToText(ctx, value, cultureArgument(ctx, culture)),
  ),
  defineFunction(
    'Text.Format',
    '(formatString as text, arguments as any, optional culture as nullable text) as text',
    (ctx, [formatString, args, culture]) =>
      formatText(ctx, asText(formatString), args, cultureArgument(ctx, culture)),
  ),
];

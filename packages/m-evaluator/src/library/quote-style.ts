import { MError } from '../errors.js';
import { TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asInteger } from './arguments.js';
import { defineConstant, type LibraryEntry } from './define.js';

/**
 * `QuoteStyle.None` and `QuoteStyle.Csv`, and the reading and writing of delimited fields that
 * splitters, combiners, `Lines.*` and CSV reading share. With quoting, a `"` opens a quoted section
 * in which delimiters and line breaks are data and `""` is one quote; the quotes are removed from
 * the field.
 */

export const QUOTE_STYLE = { none: 0, csv: 1 } as const;

/** `CsvStyle.QuoteAfterDelimiter` and `CsvStyle.QuoteAlways` (the Csv namespace defines them). */
export const CSV_STYLE = { quoteAfterDelimiter: 0, quoteAlways: 1 } as const;

/** How quotes are read. */
export type Quoting =
  /** Quotes are ordinary characters. */
  | 'none'
  /** A quote anywhere in a field opens a quoted section (`CsvStyle.QuoteAlways`). */
  | 'always'
  /** Only a quote at the start of a field opens one (`CsvStyle.QuoteAfterDelimiter`). */
  | 'afterDelimiter';

/** Whether a `QuoteStyle` argument asks for quoting; `fallback` when it is null. */
export function quoteStyleOf(value: Value, fallback: boolean): boolean {
  const plain = strip(value);
  if (plain === null) return fallback;
  const style = asInteger(plain, 'The quote style');
  if (style === QUOTE_STYLE.none) return false;
  if (style === QUOTE_STYLE.csv) return true;
  throw MError.expression('The quote style must be QuoteStyle.None or QuoteStyle.Csv.', style);
}

/** The quoting of a `QuoteStyle` and an optional `CsvStyle` argument. */
export function quotingOf(quoteStyle: Value, csvStyle: Value, fallback: boolean): Quoting {
  if (!quoteStyleOf(quoteStyle, fallback)) return 'none';
  const plain = strip(csvStyle);
  if (plain === null) return 'always';
  const style = asInteger(plain, 'The CSV style');
  if (style === CSV_STYLE.quoteAlways) return 'always';
  if (style === CSV_STYLE.quoteAfterDelimiter) return 'afterDelimiter';
  throw MError.expression(
    'The CSV style must be CsvStyle.QuoteAfterDelimiter or CsvStyle.QuoteAlways.',
    style,
  );
}

/** The end of the quoted section that opens at `start` (just past its closing quote, or the end). */
export function skipQuoted(text: string, start: number, end = text.length): number {
  let index = start + 1;
  while (index < end) {
    if (text.charCodeAt(index) === 0x22) {
      if (index + 1 < end && text.charCodeAt(index + 1) === 0x22) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index++;
  }
  return end;
}

/** The value of a field with its quoted sections decoded. */
export function decodeField(text: string, start: number, end: number, quoting: Quoting): string {
  if (quoting === 'none') return text.slice(start, end);
  if (quoting === 'afterDelimiter' && text.charCodeAt(start) !== 0x22)
    return text.slice(start, end);
  let out = '';
  let index = start;
  while (index < end) {
    const opens = text.charCodeAt(index) === 0x22 && (quoting === 'always' || index === start);
    if (!opens) {
      out += text[index] as string;
      index++;
      continue;
    }
    index++;
    while (index < end) {
      if (text.charCodeAt(index) === 0x22) {
        index++;
        if (index < end && text.charCodeAt(index) === 0x22) {
          out += '"';
          index++;
          continue;
        }
        break;
      }
      out += text[index] as string;
      index++;
    }
  }
  return out;
}

/**
 * Finds a delimiter at a position: its length (at least 1), or 0 when there is none. `field` is
 * the number of fields read so far (`Splitter.SplitTextByEachDelimiter` uses a delimiter per field).
 */
export type DelimiterMatcher = (text: string, index: number, field: number) => number;

/**
 * Splits one line (or any text) into fields at the delimiters `matcher` finds, outside quoted
 * sections. A text with no delimiter is one field; a delimiter at the end leaves an empty last
 * field.
 */
export function splitFields(text: string, matcher: DelimiterMatcher, quoting: Quoting): string[] {
  const fields: string[] = [];
  let start = 0;
  let index = 0;
  const end = text.length;
  while (index < end) {
    if (
      quoting !== 'none' &&
      text.charCodeAt(index) === 0x22 &&
      (quoting === 'always' || index === start)
    ) {
      index = skipQuoted(text, index, end);
      continue;
    }
    const length = matcher(text, index, fields.length);
    if (length > 0) {
      fields.push(decodeField(text, start, index, quoting));
      index += length;
      start = index;
      continue;
    }
    index++;
  }
  fields.push(decodeField(text, start, end, quoting));
  return fields;
}

/**
 * Writes fields joined by delimiters (`delimiterAfter(i)` follows field `i`; an empty delimiter
 * joins directly). With quoting, a field holding a delimiter, a quote or a line break is quoted.
 */
export function joinFields(
  fields: readonly string[],
  delimiterAfter: (index: number) => string,
  quoting: boolean,
  delimiters: readonly string[],
): string {
  let out = '';
  fields.forEach((field, index) => {
    if (index > 0) out += delimiterAfter(index - 1);
    out += quoting && needsQuotes(field, delimiters) ? `"${field.replaceAll('"', '""')}"` : field;
  });
  return out;
}

function needsQuotes(field: string, delimiters: readonly string[]): boolean {
  if (/["\r\n]/.test(field)) return true;
  return delimiters.some((delimiter) => delimiter !== '' && field.includes(delimiter));
}

/** The `QuoteStyle.*` constants. */
export const QUOTE_STYLE_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('QuoteStyle.Type', TYPE.number),
  defineConstant('QuoteStyle.None', QUOTE_STYLE.none),
  defineConstant('QuoteStyle.Csv', QUOTE_STYLE.csv),
];

import type { Context } from '../../context.js';
import { isWhiteSpace } from '../text/unicode.js';

/**
 * Reads the records of a CSV text in one pass: a record ends at `#(cr,lf)`, `#(lf)` or `#(cr)`
 * outside quotes, fields end at the delimiter. A final line break does not start another record; an
 * empty line is a record of one empty field.
 */

/** What separates fields. */
export type CsvDelimiter =
  /** One character (the common case, read without a function call). */
  | { readonly kind: 'character'; readonly code: number }
  /** A text of several characters, such as `#|#`. */
  | { readonly kind: 'text'; readonly text: string }
  /** Any of several texts (the first that matches, in list order). */
  | { readonly kind: 'any'; readonly texts: readonly string[] }
  /** A run of whitespace other than line breaks (the delimiter `""`). */
  | { readonly kind: 'whitespace' };

/** How a CSV text is written. */
export interface CsvSyntax {
  readonly delimiter: CsvDelimiter;
  /**
   * Whether a quote anywhere in a field opens a quoted section (`CsvStyle.QuoteAlways`); otherwise
   * only a quote that starts a field does (`CsvStyle.QuoteAfterDelimiter`).
   */
  readonly quoteAnywhere: boolean;
  /**
   * Whether line breaks inside quotes are data (`QuoteStyle.Csv`); otherwise every line break ends
   * the record, inside quotes or not (`QuoteStyle.None`).
   */
  readonly quotedLineBreaks: boolean;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Walks the records of a text. */
export class CsvReader {
  #position = 0;
  readonly #text: string;
  readonly #syntax: CsvSyntax;
  /** The delimiter's character code, or -1 when it is not a single character. */
  readonly #delimiterCode: number;

  constructor(text: string, syntax: CsvSyntax) {
    this.#text = text;
    this.#syntax = syntax;
    this.#delimiterCode = syntax.delimiter.kind === 'character' ? syntax.delimiter.code : -1;
  }

  /** The fields of the next record, or undefined at the end of the text. */
  next(): string[] | undefined {
    const text = this.#text;
    const end = text.length;
    if (this.#position >= end) return undefined;
    const delimiterCode = this.#delimiterCode;
    const { quoteAnywhere, quotedLineBreaks } = this.#syntax;
    const fields: string[] = [];
    let position = this.#position;
    for (;;) {
      // One field: `value` collects what is before `segment`, which starts the part still unread.
      let value = '';
      let segment = position;
      let atStart = true;
      let endsRecord = true;
      for (;;) {
        if (position >= end) {
          value += text.slice(segment, position);
          break;
        }
        const code = text.charCodeAt(position);
        if (code === QUOTE && (atStart || quoteAnywhere)) {
          value += text.slice(segment, position);
          position++;
          let quoted = position;
          while (position < end) {
            const inner = text.charCodeAt(position);
            if (inner === QUOTE) {
              value += text.slice(quoted, position);
              if (text.charCodeAt(position + 1) === QUOTE) {
                value += '"';
                position += 2;
                quoted = position;
                continue;
              }
              position++;
              quoted = -1;
              break;
            }
            if (!quotedLineBreaks && (inner === CR || inner === LF)) break;
            position++;
          }
          // An unterminated quote keeps what it holds (up to the line break or the end).
          if (quoted >= 0) value += text.slice(quoted, position);
          segment = position;
          atStart = false;
          continue;
        }
        if (code === CR || code === LF) {
          value += text.slice(segment, position);
          position += code === CR && text.charCodeAt(position + 1) === LF ? 2 : 1;
          break;
        }
        const length =
          delimiterCode >= 0 ? (code === delimiterCode ? 1 : 0) : this.#delimiterAt(position);
        if (length > 0) {
          value += text.slice(segment, position);
          position += length;
          endsRecord = false;
          break;
        }
        atStart = false;
        position++;
      }
      fields.push(value);
      if (endsRecord) break;
    }
    this.#position = position;
    return fields;
  }

  /** The length of the delimiter at a position (not a single character), or 0. */
  #delimiterAt(position: number): number {
    const text = this.#text;
    const delimiter = this.#syntax.delimiter;
    switch (delimiter.kind) {
      case 'character':
        return text.charCodeAt(position) === delimiter.code ? 1 : 0;
      case 'text':
        return text.startsWith(delimiter.text, position) ? delimiter.text.length : 0;
      case 'any':
        for (const candidate of delimiter.texts) {
          if (text.startsWith(candidate, position)) return candidate.length;
        }
        return 0;
      case 'whitespace': {
        let index = position;
        while (index < text.length) {
          const code = text.charCodeAt(index);
          if (code === CR || code === LF || !isWhiteSpace(code)) break;
          index++;
        }
        return index - position;
      }
    }
  }
}

/** Every record of a text, in order (one `ctx.tick()` a record). */
export function readRecords(ctx: Context, text: string, syntax: CsvSyntax): string[][] {
  const reader = new CsvReader(text, syntax);
  const records: string[][] = [];
  for (let record = reader.next(); record !== undefined; record = reader.next()) {
    records.push(record);
    ctx.tick();
  }
  return records;
}

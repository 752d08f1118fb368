import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { BinaryValue } from '../values/binary.js';
import { StreamList, type ListCursor } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { strip, type Value } from '../values/value.js';
import { asBinary, asList, asLogical, asText, asTextOrNull, typeError } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { CODE_PAGE, codePageOf, decodeText, encodeText } from './encoding.js';
import { quoteStyleOf, quotingOf, type Quoting } from './quote-style.js';

/**
 * `Lines.*`: text split into lines (at `#(cr,lf)`, `#(cr)` or `#(lf)`), and lines joined back. With
 * `QuoteStyle.Csv`, line breaks inside quotes belong to the line. The lists stream: a line is found
 * when it is read.
 */

/** How to read lines. */
export interface LineOptions {
  readonly quoting: Quoting;
  /** The field delimiter, for `CsvStyle.QuoteAfterDelimiter` (a quote opens only after it). */
  readonly delimiter: string;
  readonly includeLineSeparators: boolean;
  /** The code page of a binary source, or null to detect it (UTF-8 without a byte order mark). */
  readonly encoding: number | null;
}

const CR = 13;
const LF = 10;
const QUOTE = 0x22;

/** Walks the lines of a text, one at a time. */
export class LineCursor implements ListCursor {
  current: Value = null;
  #position = 0;

  constructor(
    private readonly text: string,
    private readonly options: LineOptions,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    const text = this.text;
    const start = this.#position;
    if (start >= text.length) return false;
    const { quoting, delimiter } = this.options;
    let index = start;
    let inQuotes = false;
    let atFieldStart = true;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      if (inQuotes) {
        if (code === QUOTE) {
          if (text.charCodeAt(index + 1) === QUOTE) {
            index += 2;
            continue;
          }
          inQuotes = false;
        }
        index++;
        continue;
      }
      if (code === CR || code === LF) break;
      if (
        code === QUOTE &&
        (quoting === 'always' || (quoting === 'afterDelimiter' && atFieldStart))
      ) {
        inQuotes = true;
        atFieldStart = false;
        index++;
        continue;
      }
      if (quoting === 'afterDelimiter' && delimiter !== '' && text.startsWith(delimiter, index)) {
        atFieldStart = true;
        index += delimiter.length;
        continue;
      }
      atFieldStart = false;
      index++;
    }
    let separator = 0;
    if (index < text.length) {
      separator = text.charCodeAt(index) === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
    }
    this.current = text.slice(
      start,
      this.options.includeLineSeparators ? index + separator : index,
    );
    this.#position = index + separator;
    this.ctx.tick();
    return true;
  }
}

/** The lines of a text, as a streaming list; `source` is read once, when the list is first walked. */
export function linesOf(source: () => string, options: LineOptions): StreamList {
  let text: string | undefined;
  return new StreamList((ctx) => {
    text ??= source();
    return new LineCursor(text, options, ctx);
  });
}

const OPTION_FIELDS = ['QuoteStyle', 'CsvStyle', 'Delimiter', 'IncludeLineSeparators', 'Encoding'];

/**
 * The options of `Lines.FromText` and `Lines.FromBinary`: separate arguments, or a record in place
 * of the quote style (`[QuoteStyle, CsvStyle, Delimiter, IncludeLineSeparators, Encoding]`).
 */
export function lineOptions(
  quoteStyle: Value,
  includeLineSeparators: Value,
  encoding: Value,
  allowEncoding: boolean,
): LineOptions {
  const plain = strip(quoteStyle);
  if (!(plain instanceof RecordValue)) {
    return {
      quoting: quoteStyleOf(plain, false) ? 'always' : 'none',
      delimiter: ',',
      includeLineSeparators:
        includeLineSeparators === null ? false : asLogical(includeLineSeparators),
      encoding: codePageOf(encoding, null),
    };
  }
  if (includeLineSeparators !== null || encoding !== null) {
    throw MError.expression(
      'When the options are a record, the other optional arguments must be null.',
      plain,
    );
  }
  for (const name of plain.names) {
    if (!OPTION_FIELDS.includes(name) || (name === 'Encoding' && !allowEncoding)) {
      throw MError.expression(`The option '${name}' is not recognized.`, plain);
    }
  }
  const field = (name: string): Value => plain.fieldOrUndefined(name) ?? null;
  const csvStyle = field('CsvStyle');
  // Quotes matter by default once a CsvStyle says how.
  const quoting = quotingOf(field('QuoteStyle'), csvStyle, csvStyle !== null);
  const include = field('IncludeLineSeparators');
  return {
    quoting,
    delimiter: asTextOrNull(field('Delimiter')) ?? ',',
    includeLineSeparators: include === null ? false : asLogical(include),
    encoding: codePageOf(field('Encoding'), null),
  };
}

/** `Lines.ToText`: each line followed by the separator (`#(cr,lf)` by default). */
function joinLines(ctx: Context, lines: Value, lineSeparator: Value): string {
  const separator = lineSeparator === null ? '\r\n' : asText(lineSeparator);
  let out = '';
  const cursor = asList(lines).cursor(ctx);
  while (cursor.next()) {
    const line = strip(cursor.current);
    if (typeof line !== 'string') throw typeError(line, 'text');
    out += line + separator;
  }
  return out;
}

/** The Lines namespace. */
export const LINES_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Lines.FromText',
    '(text as text, optional quoteStyle as any, optional includeLineSeparators as nullable logical) as list',
    (_ctx, [text, quoteStyle, includeLineSeparators]) => {
      const value = asText(text);
      return linesOf(() => value, lineOptions(quoteStyle, includeLineSeparators, null, false));
    },
  ),
  defineFunction(
    'Lines.FromBinary',
    '(binary as binary, optional quoteStyle as any, optional includeLineSeparators as nullable logical, optional encoding as nullable number) as list',
    (_ctx, [binary, quoteStyle, includeLineSeparators, encoding]) => {
      const bytes = asBinary(binary).bytes;
      const options = lineOptions(quoteStyle, includeLineSeparators, encoding, true);
      return linesOf(() => decodeText(bytes, options.encoding), options);
    },
  ),
  defineFunction(
    'Lines.ToText',
    '(lines as list, optional lineSeparator as nullable text) as text',
    (ctx, [lines, lineSeparator]) => joinLines(ctx, lines, lineSeparator),
  ),
  defineFunction(
    'Lines.ToBinary',
    '(lines as list, optional lineSeparator as nullable text, optional encoding as nullable number, optional includeByteOrderMark as nullable logical) as binary',
    (ctx, [lines, lineSeparator, encoding, includeByteOrderMark]) =>
      new BinaryValue(
        encodeText(
          joinLines(ctx, lines, lineSeparator),
          codePageOf(encoding, CODE_PAGE.utf8),
          includeByteOrderMark === null ? false : asLogical(includeByteOrderMark),
        ),
      ),
  ),
];

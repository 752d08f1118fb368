/**
 * Decoding of the content of text literals, quoted identifiers and verbatim literals: `""` stands for
 * one quote, and `#(…)` holds a comma-separated list of escapes (`cr`, `lf`, `tab`, `#`, four or eight
 * hex digits).
 */

/** A malformed escape, as an offset and length in the source text. */
export interface EscapeProblem {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

const CONTROL_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['cr', '\r'],
  ['lf', '\n'],
  ['tab', '\t'],
  ['#', '#'],
]);

/**
 * Decodes `source.slice(start, end)`, the characters between the quotes. Malformed escapes are kept
 * as written and reported in `problems`.
 */
export function decodeTextContent(
  source: string,
  start: number,
  end: number,
  problems: EscapeProblem[],
): string {
  let out = '';
  let runStart = start;
  let index = start;
  while (index < end) {
    const code = source.charCodeAt(index);
    if (code === 0x22 || (code === 0x23 && source.charCodeAt(index + 1) === 0x28)) break;
    index++;
  }
  if (index === end) return source.slice(start, end);
  while (index < end) {
    const code = source.charCodeAt(index);
    if (code === 0x22) {
      // `""` inside a literal; the lexer guarantees quotes come in pairs here
      out += source.slice(runStart, index + 1);
      index += 2;
      runStart = index;
    } else if (code === 0x23 && source.charCodeAt(index + 1) === 0x28) {
      out += source.slice(runStart, index);
      const close = indexOfCloseParen(source, index + 2, end);
      const decoded = close === -1 ? undefined : decodeEscapeList(source.slice(index + 2, close));
      if (decoded === undefined) {
        const length = close === -1 ? 2 : close + 1 - index;
        problems.push({
          offset: index,
          length,
          message:
            close === -1
              ? 'unterminated escape sequence: `#(` needs a closing `)`; write `#(#)(` for a literal `#(`'
              : `invalid escape sequence \`${source.slice(index, close + 1)}\`; use cr, lf, tab, #, or 4 or 8 hex digits`,
        });
        out += source.slice(index, index + length);
        index += length;
      } else {
        out += decoded;
        index = close + 1;
      }
      runStart = index;
    } else {
      index++;
    }
  }
  return out + source.slice(runStart, end);
}

/** The `)` that ends an escape list starting at `from`; scanning stops at any character an escape list cannot hold. */
function indexOfCloseParen(source: string, from: number, end: number): number {
  for (let index = from; index < end; index++) {
    const code = source.charCodeAt(index);
    if (code === 0x29) return index;
    const isListCharacter =
      (code >= 48 && code <= 57) ||
      (code >= 65 && code <= 90) ||
      (code >= 97 && code <= 122) ||
      code === 0x23 ||
      code === 0x2c;
    if (!isListCharacter) return -1;
  }
  return -1;
}

function decodeEscapeList(list: string): string | undefined {
  let out = '';
  for (const item of list.split(',')) {
    const control = CONTROL_ESCAPES.get(item);
    if (control !== undefined) {
      out += control;
    } else if (/^[0-9a-fA-F]{4}$/.test(item)) {
      out += String.fromCharCode(Number.parseInt(item, 16));
    } else if (/^[0-9a-fA-F]{8}$/.test(item)) {
      const codePoint = Number.parseInt(item, 16);
      if (codePoint > 0x10ffff) return undefined;
      out += String.fromCodePoint(codePoint);
    } else {
      return undefined;
    }
  }
  return out;
}

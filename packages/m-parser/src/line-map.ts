import type { Span } from '@pqsdk/m-ast';

/**
 * Maps offsets of a text to 1-based lines and columns, with the line terminators of M: CR LF, CR, LF,
 * NEL (U+0085), LS (U+2028) and PS (U+2029). A byte-order mark at offset 0 takes no column.
 */
export class LineMap {
  readonly #text: string;
  #lineStarts: number[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** The length of the text. */
  get textLength(): number {
    return this.#text.length;
  }

  /** The span from `offset` to `end`. */
  span(offset: number, end: number): Span {
    const start = this.position(offset);
    const stop = end === offset ? start : this.position(end);
    return {
      offset,
      end,
      line: start.line,
      column: start.column,
      endLine: stop.line,
      endColumn: stop.column,
    };
  }

  /** The line and column of `offset` (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const starts = this.#starts();
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= clamped) low = middle;
      else high = middle - 1;
    }
    const lineStart = starts[low] as number;
    const bom = low === 0 && this.#text.charCodeAt(0) === 0xfeff && clamped > 0 ? 1 : 0;
    return { line: low + 1, column: clamped - lineStart + 1 - bom };
  }

  #starts(): number[] {
    if (this.#lineStarts !== undefined) return this.#lineStarts;
    const text = this.#text;
    const starts = [0];
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x0d) {
        if (text.charCodeAt(index + 1) === 0x0a) index++;
        starts.push(index + 1);
      } else if (code === 0x0a || code === 0x85 || code === 0x2028 || code === 0x2029) {
        starts.push(index + 1);
      }
    }
    this.#lineStarts = starts;
    return starts;
  }
}

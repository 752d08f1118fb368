/**
 * Where a node or diagnostic sits in the source text.
 *
 * Offsets count UTF-16 code units from the start of the text given to the parser (a leading byte-order
 * mark included). Lines and columns are 1-based; columns count UTF-16 code units from the start of the
 * line, and a byte-order mark at the very start of the text is not counted as a column.
 */
export interface Span {
  /** Offset of the first character. */
  readonly offset: number;
  /** Offset just past the last character (`end - offset` is the length). */
  readonly end: number;
  /** Line of the first character. */
  readonly line: number;
  /** Column of the first character. */
  readonly column: number;
  /** Line of the position just past the last character. */
  readonly endLine: number;
  /** Column of the position just past the last character. */
  readonly endColumn: number;
}

/** A span of zero length at the very start of a text. */
export const EMPTY_SPAN: Span = Object.freeze({
  offset: 0,
  end: 0,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
});

/** The span that starts where `first` starts and ends where `last` ends. */
export function spanFromTo(first: Span, last: Span): Span {
  return {
    offset: first.offset,
    end: last.end,
    line: first.line,
    column: first.column,
    endLine: last.endLine,
    endColumn: last.endColumn,
  };
}

/** A zero-length span at the end of `span`. */
export function spanAtEnd(span: Span): Span {
  return {
    offset: span.end,
    end: span.end,
    line: span.endLine,
    column: span.endColumn,
    endLine: span.endLine,
    endColumn: span.endColumn,
  };
}

/** Formats the start of a span as `line:column`. */
export function formatPosition(span: Span): string {
  return `${String(span.line)}:${String(span.column)}`;
}

import { walk, type Node, type Span } from '@pqsdk/m-ast';
import { LineMap } from '../src/line-map.js';
import type { ParseResult } from '../src/parse.js';

/**
 * Checks what must hold for every parse result, valid or not: spans lie inside the text, their lines
 * and columns agree with their offsets, and children lie inside their parents. Returns the problems.
 */
export function spanProblems(text: string, result: ParseResult): string[] {
  const lines = new LineMap(text);
  const problems: string[] = [];
  const check = (what: string, span: Span): void => {
    if (!(span.offset >= 0 && span.offset <= span.end && span.end <= text.length)) {
      problems.push(
        `${what}: span ${String(span.offset)}..${String(span.end)} is outside 0..${String(text.length)}`,
      );
      return;
    }
    const start = lines.position(span.offset);
    const end = lines.position(span.end);
    if (start.line !== span.line || start.column !== span.column) {
      problems.push(
        `${what}: start ${String(span.line)}:${String(span.column)} should be ${String(start.line)}:${String(start.column)}`,
      );
    }
    if (end.line !== span.endLine || end.column !== span.endColumn) {
      problems.push(
        `${what}: end ${String(span.endLine)}:${String(span.endColumn)} should be ${String(end.line)}:${String(end.column)}`,
      );
    }
  };
  for (const diagnostic of result.diagnostics)
    check(`diagnostic ${diagnostic.code}`, diagnostic.span);
  for (const comment of result.comments) check('comment', comment.span);
  if (result.ast !== undefined && result.ok) {
    walk(result.ast, (node: Node, parent: Node | undefined) => {
      check(node.kind, node.span);
      if (
        parent !== undefined &&
        (node.span.offset < parent.span.offset || node.span.end > parent.span.end)
      ) {
        problems.push(
          `${node.kind} ${String(node.span.offset)}..${String(node.span.end)} is outside its parent ${parent.kind} ${String(parent.span.offset)}..${String(parent.span.end)}`,
        );
      }
    });
  }
  return problems;
}

/** The tree without spans, for comparing trees read from different texts. */
export function withoutSpans(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) => {
      if (key === 'span') return undefined;
      if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
      return value;
    }),
  );
}

import type { Span } from '@pqsdk/m-ast';
import { describe, expect, it } from 'vitest';
import { spanProblems } from '../test/invariants.js';
import { parse } from './parse.js';

function at(span: Span | undefined): string {
  if (span === undefined) return '<none>';
  return `${String(span.line)}:${String(span.column)}-${String(span.endLine)}:${String(span.endColumn)} [${String(span.offset)},${String(span.end)})`;
}

describe('spans', () => {
  it('cover each node from its first to its last character', () => {
    const text = 'let\n  total = a + b * 2,\n  #"x y" = f(1)\nin\n  total';
    const result = parse(text);
    const ast = result.ast;
    if (ast?.kind !== 'ExpressionDocument' || ast.expression.kind !== 'LetExpression') {
      throw new Error('expected a let expression');
    }
    const [total, quoted] = ast.expression.variables;
    expect(at(ast.span)).toBe('1:1-5:8 [0,51)');
    expect(at(ast.expression.span)).toBe('1:1-5:8 [0,51)');
    expect(at(total?.span)).toBe('2:3-2:20 [6,23)');
    expect(at(total?.name.span)).toBe('2:3-2:8 [6,11)');
    expect(at(total?.value.span)).toBe('2:11-2:20 [14,23)');
    expect(at(quoted?.name.span)).toBe('3:3-3:9 [27,33)');
    expect(at(quoted?.value.span)).toBe('3:12-3:16 [36,40)');
    expect(at(ast.expression.body.span)).toBe('5:3-5:8 [46,51)');
  });

  it('agree with offsets for every node, diagnostic and comment', () => {
    const texts = [
      'section A;\r\n// c\r\nshared x = [a = {1..2}, b = type table [A = number]];\r\nshared y = (x) => try x otherwise null;',
      '\ufefflet x = "multi\nline" in x /* trailing */',
      'each [Content Type] & [#"A B"]{0}?[[c]]?',
      'let a = 1 +,\n b = (2,\n c = [x = ] in a',
      'f(1, 2',
      '"unterminated\nline two',
    ];
    for (const text of texts) {
      expect(spanProblems(text, parse(text))).toEqual([]);
    }
  });

  it('put diagnostics at the end of the input at the last position', () => {
    const result = parse('let a = 1\n');
    expect(result.diagnostics.map((d) => at(d.span))).toEqual(['2:1-2:1 [10,10)']);
  });
});

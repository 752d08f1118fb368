import type { Expression, Identifier, Span, TypeNode } from '@pqsdk/m-ast';
import { EMPTY_SPAN } from '@pqsdk/m-ast';
import { describe, expect, it } from 'vitest';
import { shape } from '../test/shape.js';
import { withoutSpans } from '../test/invariants.js';
import { parse } from './parse.js';
import { formatNumber, print } from './printer.js';

const span: Span = EMPTY_SPAN;

function roundTrip(text: string): { printed: string; same: boolean } {
  const first = parse(text);
  if (!first.ok || first.ast === undefined) throw new Error(`${text} did not parse`);
  const printed = print(first.ast);
  const second = parse(printed);
  if (!second.ok) {
    throw new Error(
      `printed text did not parse:\n${printed}\n${second.diagnostics.map((d) => d.message).join('\n')}`,
    );
  }
  return {
    printed,
    same: JSON.stringify(withoutSpans(first.ast)) === JSON.stringify(withoutSpans(second.ast)),
  };
}

const SOURCES = [
  '1 - 2 - 3',
  '1 - (2 - 3)',
  '0xFF + .05 * 1e-3 / #infinity - #nan',
  '"a""b#(cr,lf)#(tab)#(#)(" & "\u2028\u0000"',
  '#!"verbatim ""text"""',
  'not not -(-x) + +y',
  '- -1',
  'x as nullable number is logical and true or false ?? 1',
  '(x as number) + 1',
  '1 meta [a = 1] meta [b = 2]',
  'each [Content Type] & [#"A B"] & [Date.From] & [1st] & [type]',
  'x{0}? & x{[k = 1]} & x[[a], [b]]? & [[a]] & [a]?',
  '(x as number, optional y as nullable text) as number => x',
  '(#"a b", optional optional) => #"a b"',
  'try try x otherwise 1',
  'try x catch (e) => e[Message]',
  'try x catch () => 1',
  '@fib(x - 1) + #shared[x]',
  'Section1!#"Member 1"',
  '#table(type table [A = number, optional B = nullable text], {{1, "x"}})',
  'type function (x as (type text meta [Documentation.FieldCaption = "X"]), optional y as text) as list',
  'type [a = number, optional b, ...]',
  'type {{Int64.Type}}',
  'type table Foo.RowType',
  'type table (Row)',
  'type nullable [a = (number)]',
  '{1..10, 20, "a".."z"}',
  'let a = 1, b = let c = 2 in c in if a then b else error [Reason = "R"]',
  '...',
  'f(each _, () => 1, [], {})',
  '[type = 1, if = each _, #"with ""quotes""" = null]',
  'let #"let" = 1 in #"let"',
  'Größe + 名前',
  '[a b  c = 1]',
];

describe('print', () => {
  it.each(SOURCES)('round-trips %s', (text) => {
    expect(roundTrip(text).same).toBe(true);
  });

  it('round-trips section documents', () => {
    const text =
      '[Version = "1.0.0", List = {1, "a", [b = true]}]\r\nsection A;\r\n[DataSource.Kind = "A"] shared A.Contents = (url as text) => Web.Contents(url);\r\nA = [Authentication = [Key = []]];';
    expect(roundTrip(text).same).toBe(true);
    expect(print(parse(text).ast!)).toMatchInlineSnapshot(`
      "[Version = "1.0.0", List = {1, "a", [b = true]}]
      section A;

      [DataSource.Kind = "A"]
      shared A.Contents = (url as text) => Web.Contents(url);

      A = [Authentication = [Key = []]];
      "
    `);
  });

  it('writes let expressions over several lines, or on one', () => {
    const ast = parse('let a = 1, b = let c = 2 in c in a + b').ast!;
    expect(print(ast)).toMatchInlineSnapshot(`
      "let
          a = 1,
          b = let
              c = 2
          in
              c
      in
          a + b"
    `);
    expect(print(ast, { multiline: false })).toMatchInlineSnapshot(
      `"let a = 1, b = let c = 2 in c in a + b"`,
    );
    expect(print(ast, { indent: '\t' })).toContain('\ta = 1');
  });

  it('keeps number spellings and name quoting', () => {
    expect(print(parse('0xFF + .5 + #"x" + x').ast!)).toBe('0xFF + .5 + #"x" + x');
  });
});

describe('print on trees built by hand', () => {
  const number = (value: number): Expression => ({ kind: 'NumberLiteral', value, text: '', span });
  const name = (value: string, quoted = false): Identifier => ({
    kind: 'Identifier',
    name: value,
    quoted,
    span,
  });
  const ref = (value: string): Expression => ({
    kind: 'IdentifierExpression',
    name: value,
    quoted: false,
    inclusive: false,
    span,
  });
  const binary = (
    operator: '+' | '*' | '-' | 'and' | 'meta',
    left: Expression,
    right: Expression,
  ): Expression => ({
    kind: 'BinaryExpression',
    operator,
    left,
    right,
    span,
  });

  it('adds parentheses only where the tree needs them', () => {
    expect(print(binary('*', binary('+', number(1), number(2)), number(3)))).toBe('(1 + 2) * 3');
    expect(print(binary('-', number(1), binary('-', number(2), number(3))))).toBe('1 - (2 - 3)');
    expect(print(binary('-', binary('-', number(1), number(2)), number(3)))).toBe('1 - 2 - 3');
    expect(
      print({
        kind: 'UnaryExpression',
        operator: '-',
        operand: binary('+', ref('a'), ref('b')),
        span,
      }),
    ).toBe('-(a + b)');
    expect(
      print({
        kind: 'InvokeExpression',
        target: { kind: 'EachExpression', body: ref('_'), span },
        arguments: [number(1)],
        span,
      }),
    ).toBe('(each _)(1)');
    expect(
      print(
        binary(
          'and',
          {
            kind: 'AsExpression',
            expression: ref('x'),
            type: { kind: 'PrimitiveType', name: 'number', span },
            span,
          },
          ref('y'),
        ),
      ),
    ).toBe('x as number and y');
    expect(
      print(
        binary(
          '+',
          {
            kind: 'AsExpression',
            expression: ref('x'),
            type: { kind: 'PrimitiveType', name: 'number', span },
            span,
          },
          ref('y'),
        ),
      ),
    ).toBe('(x as number) + y');
  });

  it('keeps a try without a handler from taking the outer handler', () => {
    const inner: Expression = {
      kind: 'ErrorHandlingExpression',
      protectedExpression: ref('x'),
      span,
    };
    const outer: Expression = {
      kind: 'ErrorHandlingExpression',
      protectedExpression: { kind: 'EachExpression', body: inner, span },
      handler: { kind: 'OtherwiseClause', expression: number(0), span },
      span,
    };
    const printed = print(outer);
    expect(printed).toBe('try (each try x) otherwise 0');
    expect(shape(parse(printed).ast)).toBe('(try (paren (each (try x))) (otherwise 0))');
  });

  it('keeps expressions in type positions from reading as types', () => {
    const listOf = (itemType: TypeNode): Expression => ({
      kind: 'TypeExpression',
      type: { kind: 'ListType', itemType, span },
      span,
    });
    expect(print(listOf(ref('number')))).toBe('type {(number)}');
    expect(print(listOf(ref('Int64.Type')))).toBe('type {Int64.Type}');
    expect(print(listOf({ kind: 'NullLiteral', span }))).toBe('type {(null)}');
    expect(print(listOf({ kind: 'RecordExpression', fields: [], span }))).toBe('type {([])}');
    expect(print(listOf(binary('meta', ref('T'), ref('m'))))).toBe('type {(T meta m)}');
    expect(
      print({
        kind: 'TypeExpression',
        type: {
          kind: 'TableType',
          rowType: { kind: 'InvokeExpression', target: ref('#shared'), arguments: [], span },
          span,
        },
        span,
      }),
    ).toBe('type table (#shared())');
  });

  it('quotes names that need it', () => {
    expect(print(ref('A B'))).toBe('#"A B"');
    expect(print(ref('let'))).toBe('#"let"');
    expect(
      print({ kind: 'IdentifierExpression', name: 'x', quoted: true, inclusive: true, span }),
    ).toBe('@#"x"');
    expect(
      print({
        kind: 'RecordExpression',
        fields: [
          { kind: 'FieldDefinition', name: name('Content-Type'), value: number(1), span },
          { kind: 'FieldDefinition', name: name('Content Type'), value: number(2), span },
          { kind: 'FieldDefinition', name: name(''), value: number(3), span },
          { kind: 'FieldDefinition', name: name('a\nb'), value: number(4), span },
        ],
        span,
      }),
    ).toBe('[#"Content-Type" = 1, Content Type = 2, #"" = 3, #"a#(lf)b" = 4]');
  });

  it('writes numbers that have no source text', () => {
    expect(
      [1, 1.5, 1e21, 0.000001, Number.NaN, Number.POSITIVE_INFINITY].map(formatNumber),
    ).toEqual(['1', '1.5', '1e+21', '0.000001', '#nan', '#infinity']);
  });

  it('prints a long chain of operators without deep recursion', () => {
    let chain: Expression = number(0);
    for (let index = 1; index <= 100_000; index++) chain = binary('+', chain, number(index));
    const printed = print(chain);
    expect(printed.startsWith('0 + 1 + 2')).toBe(true);
    expect(printed.endsWith('+ 100000')).toBe(true);
  });
});

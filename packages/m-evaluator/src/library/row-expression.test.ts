import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const ROW = '[Kind = "Row"]';
const column = (name: string): string =>
  `[Kind = "FieldAccess", Expression = ${ROW}, MemberName = "${name}"]`;
const constant = (value: string): string => `[Kind = "Constant", Value = ${value}]`;
const binary = (operator: string, left: string, right: string): string =>
  `[Kind = "Binary", Operator = "${operator}", Left = ${left}, Right = ${right}]`;
const invocation = (fn: string, ...args: string[]): string =>
  `[Kind = "Invocation", Function = ${constant(fn)}, Arguments = {${args.join(', ')}}]`;

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

describe('RowExpression.Row, ItemExpression.Item, RowExpression.Column', () => {
  cases([
    ['RowExpression.Row', ROW],
    ['ItemExpression.Item = RowExpression.Row', 'true'],
    ['RowExpression.Column("CustomerName")', column('CustomerName')],
    ['RowExpression.Column("A")[Expression] = RowExpression.Row', 'true'],
    [
      'RowExpression.Column(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
  ]);
});

describe('RowExpression.From: the documented examples', () => {
  cases([
    [
      'RowExpression.From(each [CustomerName] = "ALFKI")',
      binary('Equals', column('CustomerName'), constant('"ALFKI"')),
    ],
    [
      'RowExpression.From(each [CustomerName] = "ALFKI") = [Kind = "Binary", Operator = "Equals", Left = RowExpression.Column("CustomerName"), Right = [Kind = "Constant", Value = "ALFKI"]]',
      'true',
    ],
    ['ItemExpression.From(each _ <> null)', binary('NotEquals', ROW, constant('null'))],
  ]);
});

describe('RowExpression.From: node kinds', () => {
  cases([
    ['RowExpression.From(each _)', ROW],
    ['RowExpression.From(each [A])', column('A')],
    ['RowExpression.From(each _[A])', column('A')],
    ['RowExpression.From((row) => row[A])', column('A')],
    ['RowExpression.From((row as record) as logical => row[A])', column('A')],
    ['RowExpression.From(each ([A]))', column('A')],
    ['RowExpression.From(each 1)', constant('1')],
    ['RowExpression.From(each true)', constant('true')],
    ['RowExpression.From(each null)', constant('null')],
    [
      'RowExpression.From(each [A][B])',
      `[Kind = "FieldAccess", Expression = ${column('A')}, MemberName = "B"]`,
    ],
    [
      'RowExpression.From(each [A]{0})',
      `[Kind = "ElementAccess", Collection = ${column('A')}, Key = ${constant('0')}]`,
    ],
    [
      'RowExpression.From(each -[A])',
      `[Kind = "Unary", Operator = "Negative", Expression = ${column('A')}]`,
    ],
    [
      'RowExpression.From(each +[A])',
      `[Kind = "Unary", Operator = "Positive", Expression = ${column('A')}]`,
    ],
    [
      'RowExpression.From(each not [A])',
      `[Kind = "Unary", Operator = "Not", Expression = ${column('A')}]`,
    ],
    [
      'RowExpression.From(each if [A] > 0 then "up" else "down")',
      `[Kind = "If", Condition = ${binary('GreaterThan', column('A'), constant('0'))}, TrueCase = ${constant('"up"')}, FalseCase = ${constant('"down"')}]`,
    ],
    [
      'RowExpression.From(each Text.StartsWith([Name], "B"))',
      invocation('Text.StartsWith', column('Name'), constant('"B"')),
    ],
    [
      'RowExpression.From(each [F]([A]))',
      `[Kind = "Invocation", Function = ${column('F')}, Arguments = {${column('A')}}]`,
    ],
    ['RowExpression.From(each List.Sum([Level]))', invocation('List.Sum', column('Level'))],
  ]);

  it.each([
    ['+', 'Add'],
    ['-', 'Subtract'],
    ['*', 'Multiply'],
    ['/', 'Divide'],
    ['&', 'Concatenate'],
    ['=', 'Equals'],
    ['<>', 'NotEquals'],
    ['<', 'LessThan'],
    ['<=', 'LessThanOrEquals'],
    ['>', 'GreaterThan'],
    ['>=', 'GreaterThanOrEquals'],
    ['and', 'And'],
    ['or', 'Or'],
  ])('the operator %s is %s', (operator, name) => {
    expect(m(`RowExpression.From(each [A] ${operator} [B])`)).toBe(
      binary(name, column('A'), column('B')),
    );
  });

  it('keeps the structure of nested operators', () => {
    expect(m('RowExpression.From(each [Level] > 2.5 and ([Quality] >= 1 or not [Flag]))')).toBe(
      binary(
        'And',
        binary('GreaterThan', column('Level'), constant('2.5')),
        binary(
          'Or',
          binary('GreaterThanOrEquals', column('Quality'), constant('1')),
          `[Kind = "Unary", Operator = "Not", Expression = ${column('Flag')}]`,
        ),
      ),
    );
  });
});

describe('RowExpression.From: constants', () => {
  cases([
    [
      'let limit = 10 in RowExpression.From(each [A] < limit)',
      binary('LessThan', column('A'), constant('10')),
    ],
    [
      'let f = (limit) => each [A] < limit * 2 in RowExpression.From(f(4))',
      binary('LessThan', column('A'), constant('8')),
    ],
    ['RowExpression.From(each [A] * -2)', binary('Multiply', column('A'), constant('-2'))],
    [
      'RowExpression.From(each [A] > 1 + 2 and [B])',
      binary('And', binary('GreaterThan', column('A'), constant('3')), column('B')),
    ],
    [
      'RowExpression.From(each if 1 > 2 then [A] else [B])',
      `[Kind = "If", Condition = ${constant('false')}, TrueCase = ${column('A')}, FalseCase = ${column('B')}]`,
    ],
    [
      'RowExpression.From(each [A] = Text.Upper("b"))',
      binary('Equals', column('A'), constant('"B"')),
    ],
    [
      'let names = {"a", "b"} in RowExpression.From(each List.Contains(names, [S]))',
      invocation('List.Contains', constant('{"a", "b"}'), column('S')),
    ],
    [
      'RowExpression.From(each List.Contains({"a", "b"}, [S]))',
      invocation('List.Contains', constant('{"a", "b"}'), column('S')),
    ],
    ['RowExpression.From(each [A] = [x = 1])', binary('Equals', column('A'), constant('[x = 1]'))],
    [
      'RowExpression.From(each [A] = (let y = 2 in y + 1))',
      binary('Equals', column('A'), constant('3')),
    ],
    [
      'RowExpression.From(each [D] > #date(2024, 1, 31))',
      binary('GreaterThan', column('D'), constant('#date(2024, 1, 31)')),
    ],
    [
      'RowExpression.From(each [T] = type text)',
      binary('Equals', column('T'), constant('type text')),
    ],
    ['RowExpression.From(each List.Select([L], each _ > 1))[Arguments]{1}[Kind]', '"Constant"'],
    ['RowExpression.From(each [A] = Text.From)[Right][Value] = Text.From', 'true'],
    ['let x = error "boom" in RowExpression.From(each [A] = x)', 'error [Expression.Error] boom'],
    [
      'RowExpression.From(each if [A] then Number.FromText("x") else 0)[TrueCase]',
      invocation('Number.FromText', constant('"x"')),
    ],
    ['RowExpression.From(each if [A] then error "x" else 0)', 'error [Expression.Error] x'],
  ]);
});

describe('RowExpression.From: what is not a row expression', () => {
  const cannot = (why: string): string =>
    `error [Expression.Error] RowExpression.From cannot make a row expression of this function: ${why}.`;
  cases([
    [
      'RowExpression.From(Text.From)',
      cannot('it is not a function written in M (such as each [A] > 1)'),
    ],
    [
      'RowExpression.From((a, b) => a = b)',
      cannot('it has 2 parameters, and a row expression needs exactly one'),
    ],
    [
      'RowExpression.From(() => 1)',
      cannot('it has 0 parameters, and a row expression needs exactly one'),
    ],
    [
      'RowExpression.From(each [A] ?? 0)',
      cannot('its operator ?? depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each [A]?)',
      cannot('its optional access (?) depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each [A]{0}?)',
      cannot('its optional access (?) depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each let a = [A] in a)',
      cannot('its let depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each try [A] otherwise 0)',
      cannot('its error handling depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each [A] is number)',
      cannot('its type test (is) depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each [A] as number)',
      cannot('its type assertion (as) depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each [A] meta [x = 1])',
      cannot('its operator meta depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(each List.Select([L], (x) => x = [A]))',
      cannot('its function depends on the row and has no row expression form'),
    ],
    [
      'RowExpression.From(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
    [
      'ItemExpression.From((a, b) => a)',
      'error [Expression.Error] ItemExpression.From cannot make a row expression of this function: it has 2 parameters, and a row expression needs exactly one.',
    ],
  ]);
});

describe('RowExpression.From: functions with metadata or another type', () => {
  cases([
    [
      'RowExpression.From(Value.ReplaceType(each [A] > 1, type function (row as record) as logical))',
      binary('GreaterThan', column('A'), constant('1')),
    ],
    ['RowExpression.From((each [A]) meta [Documentation.Name = "f"])', column('A')],
  ]);
});

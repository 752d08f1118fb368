import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

/**
 * The operators chapter of the M language specification, second part: the arithmetic operators
 * (every cell of their operand-kind tables and of their IEEE 754 tables), structure combination, the
 * unary operators, `is`, `as` and `??`.
 */

const cannot = (operator: string, left: string, right: string): string =>
  `error [Expression.Error] We cannot apply operator ${operator} to types ${left} and ${right}.`;

/**
 * Rows for an IEEE 754 table: `x` and `y` are finite non-zero operands (3 and 2), `z` is the finite
 * result; a zero result is checked through `1 / result`, which shows its sign.
 */
function ieeeRows(
  operator: string,
  z: number,
  columns: readonly string[],
  table: readonly (readonly [string, readonly string[]])[],
): [string, string][] {
  const operand: Record<string, string> = {
    x: '3',
    '+x': '3',
    '-x': '-3',
    y: '2',
    '+y': '2',
    '-y': '-2',
    '+0': '0',
    '-0': '-0',
    '+∞': '#infinity',
    '-∞': '-#infinity',
    NaN: '#nan',
  };
  const result: Record<string, string> = {
    x: '3',
    y: '2',
    '-y': '-2',
    z: String(z),
    '+z': String(z),
    '-z': String(-z),
    '+∞': '#infinity',
    '-∞': '-#infinity',
    NaN: '#nan',
  };
  return table.flatMap(([left, results]) =>
    results.map((expected, index): [string, string] => {
      const text = `${operand[left] ?? left} ${operator} ${operand[columns[index] ?? ''] ?? ''}`;
      if (expected === '+0') return [`1 / (${text})`, '#infinity'];
      if (expected === '-0') return [`1 / (${text})`, '-#infinity'];
      return [text, result[expected] ?? expected];
    }),
  );
}

describe('addition', () => {
  it.each([
    ['1 + 1', '2'],
    ['#nan + #infinity', '#nan'],
    ['1 + null', 'null'],
    ['null + 1', 'null'],
    ['#duration(2, 1, 0, 15.1) + #duration(0, 1, 30, 45.3)', '#duration(2, 2, 31, 0.4)'],
    ['#duration(0, 1, 0, 0) + null', 'null'],
    ['null + #duration(0, 1, 0, 0)', 'null'],
    // A datetime (date, datetime, datetimezone or time) moved by a duration keeps its kind.
    ['#date(2010, 5, 20) + #duration(0, 8, 0, 0)', '#date(2010, 5, 20)'],
    ['#date(2010, 1, 31) + #duration(30, 8, 0, 0)', '#date(2010, 3, 2)'],
    [
      '#datetime(2010, 5, 20, 12, 0, 0) + #duration(0, 4, 30, 0)',
      '#datetime(2010, 5, 20, 16, 30, 0)',
    ],
    [
      '#datetimezone(2010, 5, 20, 12, 0, 0, -8, 0) + #duration(0, 4, 30, 0)',
      '#datetimezone(2010, 5, 20, 16, 30, 0, -8, 0)',
    ],
    [
      '#datetimezone(2010, 10, 10, 0, 0, 0, 0, 0) + #duration(1, 0, 0, 0)',
      '#datetimezone(2010, 10, 11, 0, 0, 0, 0, 0)',
    ],
    ['#time(8, 0, 0) + #duration(30, 5, 0, 0)', '#time(13, 0, 0)'],
    ['#duration(1, 0, 0, 0) + #date(2024, 2, 28)', '#date(2024, 2, 29)'],
    ['#duration(0, 1, 0, 0) + #datetime(2024, 1, 1, 23, 30, 0)', '#datetime(2024, 1, 2, 0, 30, 0)'],
    ['#duration(0, 1, 0, 0) + #time(23, 30, 0)', '#time(0, 30, 0)'],
    [
      '#duration(0, 1, 0, 0) + #datetimezone(2024, 1, 1, 0, 0, 0, 5, 0)',
      '#datetimezone(2024, 1, 1, 1, 0, 0, 5, 0)',
    ],
    ['#date(2024, 1, 1) + null', 'null'],
    ['null + #datetime(2024, 1, 1, 0, 0, 0)', 'null'],
    ['#datetimezone(2024, 1, 1, 0, 0, 0, 0, 0) + null', 'null'],
    ['null + #time(1, 0, 0)', 'null'],
    ['(error "l") + 1', 'error [Expression.Error] l'],
    ['1 + (error "r")', 'error [Expression.Error] r'],
    ['null + null', 'null'],
    // Any other combination is an error.
    ['"a" + "b"', cannot('+', 'Text', 'Text')],
    ['1 + #duration(1, 0, 0, 0)', cannot('+', 'Number', 'Duration')],
    ['#date(2024, 1, 1) + 1', cannot('+', 'Date', 'Number')],
    ['#date(2024, 1, 1) + #date(2024, 1, 1)', cannot('+', 'Date', 'Date')],
    ['true + true', cannot('+', 'Logical', 'Logical')],
    ['{1} + {2}', cannot('+', 'List', 'List')],
    ['[a = 1] + [b = 1]', cannot('+', 'Record', 'Record')],
    ['1e308 + 1e308', '#infinity'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each(
    ieeeRows(
      '+',
      5,
      ['y', '+0', '-0', '+∞', '-∞', 'NaN'],
      [
        ['x', ['z', 'x', 'x', '+∞', '-∞', 'NaN']],
        ['+0', ['y', '+0', '+0', '+∞', '-∞', 'NaN']],
        ['-0', ['y', '+0', '-0', '+∞', '-∞', 'NaN']],
        ['+∞', ['+∞', '+∞', '+∞', '+∞', 'NaN', 'NaN']],
        ['-∞', ['-∞', '-∞', '-∞', 'NaN', '-∞', 'NaN']],
        ['NaN', ['NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN']],
      ],
    ),
  )('IEEE 754: %s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('subtraction', () => {
  it.each([
    ['1 - 1', '0'],
    ['#nan - #infinity', '#nan'],
    ['1 - null', 'null'],
    ['null - 1', 'null'],
    ['#duration(1, 2, 30, 0) - #duration(0, 0, 0, 30.45)', '#duration(1, 2, 29, 29.55)'],
    ['#duration(0, 1, 0, 0) - null', 'null'],
    ['null - #duration(0, 1, 0, 0)', 'null'],
    ['#date(2010, 5, 20) - #duration(0, 8, 0, 0)', '#date(2010, 5, 19)'],
    ['#date(2010, 1, 31) - #duration(30, 8, 0, 0)', '#date(2009, 12, 31)'],
    [
      '#datetime(2010, 5, 20, 12, 0, 0) - #duration(0, 16, 0, 0)',
      '#datetime(2010, 5, 19, 20, 0, 0)',
    ],
    [
      '#datetimezone(2010, 5, 20, 12, 0, 0, 2, 0) - #duration(1, 0, 0, 0)',
      '#datetimezone(2010, 5, 19, 12, 0, 0, 2, 0)',
    ],
    ['#time(1, 0, 0) - #duration(0, 2, 0, 0)', '#time(23, 0, 0)'],
    // Negative durations move forwards.
    ['#date(2010, 1, 31) - #duration(-1, 0, 0, 0)', '#date(2010, 2, 1)'],
    ['#date(2010, 1, 31) - #date(2010, 1, 15)', '#duration(16, 0, 0, 0)'],
    ['#date(2010, 1, 15) - #date(2010, 1, 31)', '#duration(-16, 0, 0, 0)'],
    [
      '#datetime(2010, 5, 20, 16, 6, 0) - #datetime(2008, 12, 15, 4, 19, 19)',
      '#duration(521, 11, 46, 41)',
    ],
    [
      '#datetimezone(2010, 5, 20, 16, 6, 0, -8, 0) - #datetimezone(2008, 12, 15, 4, 19, 19, 3, 0)',
      '#duration(521, 22, 46, 41)',
    ],
    ['#time(1, 30, 0) - #time(8, 0, 0)', '#duration(0, -6, -30, 0)'],
    // u + (t - u) = t
    ['let t = #date(2024, 3, 1), u = #date(2023, 12, 25) in u + (t - u) = t', 'true'],
    [
      'let t = #datetime(2024, 3, 1, 5, 0, 0), u = #datetime(2023, 12, 25, 22, 15, 0) in u + (t - u) = t',
      'true',
    ],
    [
      'let t = #datetimezone(2024, 3, 1, 5, 0, 0, 1, 0), u = #datetimezone(2023, 12, 25, 22, 15, 0, -5, 0) in u + (t - u) = t',
      'true',
    ],
    ['let t = #time(1, 0, 0), u = #time(23, 0, 0) in u + (t - u) = t', 'true'],
    ['#date(2024, 1, 1) - null', 'null'],
    ['null - #date(2024, 1, 1)', 'null'],
    ['#time(1, 0, 0) - null', 'null'],
    ['null - #datetimezone(2024, 1, 1, 0, 0, 0, 0, 0)', 'null'],
    ['(error "l") - 1', 'error [Expression.Error] l'],
    ['#date(2024, 1, 1) - #time(1, 0, 0)', cannot('-', 'Date', 'Time')],
    ['#date(2024, 1, 1) - #datetime(2024, 1, 1, 0, 0, 0)', cannot('-', 'Date', 'DateTime')],
    ['#duration(1, 0, 0, 0) - #date(2024, 1, 1)', cannot('-', 'Duration', 'Date')],
    ['"b" - "a"', cannot('-', 'Text', 'Text')],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each(
    ieeeRows(
      '-',
      1,
      ['y', '+0', '-0', '+∞', '-∞', 'NaN'],
      [
        ['x', ['z', 'x', 'x', '-∞', '+∞', 'NaN']],
        ['+0', ['-y', '+0', '+0', '-∞', '+∞', 'NaN']],
        ['-0', ['-y', '-0', '+0', '-∞', '+∞', 'NaN']],
        ['+∞', ['+∞', '+∞', '+∞', 'NaN', '+∞', 'NaN']],
        ['-∞', ['-∞', '-∞', '-∞', '-∞', 'NaN', 'NaN']],
        ['NaN', ['NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN']],
      ],
    ),
  )('IEEE 754: %s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('multiplication', () => {
  it.each([
    ['2 * 4', '8'],
    ['6 * null', 'null'],
    ['null * 6', 'null'],
    ['#nan * #infinity', '#nan'],
    ['#duration(2, 1, 0, 15.1) * 2', '#duration(4, 2, 0, 30.2)'],
    ['2 * #duration(0, 0, 1, 0)', '#duration(0, 0, 2, 0)'],
    ['#duration(0, 0, 0, 1) * 0.5', '#duration(0, 0, 0, 0.5)'],
    ['#duration(0, 1, 0, 0) * null', 'null'],
    ['null * #duration(0, 1, 0, 0)', 'null'],
    ['(error "l") * 1', 'error [Expression.Error] l'],
    ['#duration(0, 1, 0, 0) * #duration(0, 1, 0, 0)', cannot('*', 'Duration', 'Duration')],
    ['"a" * 2', cannot('*', 'Text', 'Number')],
    ['1e200 * 1e200', '#infinity'],
    ['1e-200 * 1e-200', '0'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each(
    ieeeRows(
      '*',
      6,
      ['+y', '-y', '+0', '-0', '+∞', '-∞', 'NaN'],
      [
        ['+x', ['+z', '-z', '+0', '-0', '+∞', '-∞', 'NaN']],
        ['-x', ['-z', '+z', '-0', '+0', '-∞', '+∞', 'NaN']],
        ['+0', ['+0', '-0', '+0', '-0', 'NaN', 'NaN', 'NaN']],
        ['-0', ['-0', '+0', '-0', '+0', 'NaN', 'NaN', 'NaN']],
        ['+∞', ['+∞', '-∞', 'NaN', 'NaN', '+∞', '-∞', 'NaN']],
        ['-∞', ['-∞', '+∞', 'NaN', 'NaN', '-∞', '+∞', 'NaN']],
        ['NaN', ['NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN']],
      ],
    ),
  )('IEEE 754: %s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('division', () => {
  it.each([
    ['8 / 2', '4'],
    ['8 / 0', '#infinity'],
    ['0 / 0', '#nan'],
    ['0 / null', 'null'],
    ['null / 0', 'null'],
    ['#nan / #infinity', '#nan'],
    ['#duration(2, 0, 0, 0) / #duration(0, 1, 30, 0)', '32'],
    ['#duration(2, 0, 0, 0) / 32', '#duration(0, 1, 30, 0)'],
    ['#duration(0, 1, 0, 0) / null', 'null'],
    ['null / #duration(0, 1, 0, 0)', 'null'],
    ['1 / (error "r")', 'error [Expression.Error] r'],
    ['2 / #duration(0, 1, 0, 0)', cannot('/', 'Number', 'Duration')],
    ['"a" / 1', cannot('/', 'Text', 'Number')],
    ['1e300 / 1e-300', '#infinity'],
    ['1e-300 / 1e300', '0'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each(
    ieeeRows(
      '/',
      1.5,
      ['+y', '-y', '+0', '-0', '+∞', '-∞', 'NaN'],
      [
        ['+x', ['+z', '-z', '+∞', '-∞', '+0', '-0', 'NaN']],
        ['-x', ['-z', '+z', '-∞', '+∞', '-0', '+0', 'NaN']],
        ['+0', ['+0', '-0', 'NaN', 'NaN', '+0', '-0', 'NaN']],
        ['-0', ['-0', '+0', 'NaN', 'NaN', '-0', '+0', 'NaN']],
        ['+∞', ['+∞', '-∞', '+∞', '-∞', 'NaN', 'NaN', 'NaN']],
        ['-∞', ['-∞', '+∞', '-∞', '+∞', 'NaN', 'NaN', 'NaN']],
        ['NaN', ['NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN', 'NaN']],
      ],
    ),
  )('IEEE 754: %s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('structure combination', () => {
  const caught = (message: string): string =>
    `error [Reason = "Expression.Error", Message = "${message}", Detail = null, Message.Format = null, Message.Parameters = null]`;
  it.each([
    ['"AB" & "CDE"', '"ABCDE"'],
    ['"a" & null', 'null'],
    ['null & "a"', 'null'],
    ['#date(2013, 2, 26) & #time(9, 17, 0)', '#datetime(2013, 2, 26, 9, 17, 0)'],
    ['#date(2013, 2, 26) & null', 'null'],
    ['null & #time(9, 17, 0)', 'null'],
    ['{1, 2} & {3}', '{1, 2, 3}'],
    ['[x = 1] & [y = 2]', '[x = 1, y = 2]'],
    ['[x = 1, y = 2] & [x = 3, z = 4]', '[x = 3, y = 2, z = 4]'],
    [
      '#table({"A", "B"}, {{1, 2}}) & #table({"A", "B"}, {{3, 4}})',
      '#table(type table [A = any, B = any], {{1, 2}, {3, 4}})',
    ],
    // The left table's columns first, then the right one's new columns; null fills the gaps.
    [
      '#table({"A", "B"}, {{1, 2}}) & #table({"B", "C"}, {{3, 4}})',
      '#table(type table [A = any, B = any, C = any], {{1, 2, null}, {null, 3, 4}})',
    ],
    [
      '#table({"B", "A"}, {{1, 2}}) & #table({"A", "B"}, {{3, 4}})',
      '#table(type table [B = any, A = any], {{1, 2}, {4, 3}})',
    ],
    ['(error "l") & "a"', 'error [Expression.Error] l'],
    ['{1} & (error "r")', 'error [Expression.Error] r'],
    // An error inside an item, field or cell is not raised by combining.
    ['{error "a"} & {1}', `{${caught('a')}, 1}`],
    ['List.Count({error "a"} & {error "b"})', '2'],
    ['[a = error "bad"] & [b = 1]', `[a = ${caught('bad')}, b = 1]`],
    ['([a = error "bad"] & [b = 1])[b]', '1'],
    ['([a = error "bad"] & [a = 1])[a]', '1'],
    ['Table.RowCount(#table({"A"}, {{error "e"}}) & #table({"A"}, {{2}}))', '2'],
    // Other combinations are errors.
    ['#time(9, 17, 0) & #date(2013, 2, 26)', cannot('&', 'Time', 'Date')],
    ['null & null', cannot('&', 'Null', 'Null')],
    ['{1} & null', cannot('&', 'List', 'Null')],
    ['[a = 1] & null', cannot('&', 'Record', 'Null')],
    ['#table({"A"}, {{1}}) & null', cannot('&', 'Table', 'Null')],
    ['1 & 2', cannot('&', 'Number', 'Number')],
    ['"a" & 1', cannot('&', 'Text', 'Number')],
    ['{1} & "a"', cannot('&', 'List', 'Text')],
    ['[a = 1] & {1}', cannot('&', 'Record', 'List')],
    ['#table({"A"}, {{1}}) & {1}', cannot('&', 'Table', 'List')],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('unary operators', () => {
  it.each([
    ['+ - 1', '-1'],
    ['+ + 1', '1'],
    ['+ #nan', '#nan'],
    ['+ #duration(0, 1, 30, 0)', '#duration(0, 1, 30, 0)'],
    ['+ null', 'null'],
    ['+ "a"', 'error [Expression.Error] We cannot apply operator + to type Text.'],
    ['+ #date(2024, 1, 1)', 'error [Expression.Error] We cannot apply operator + to type Date.'],
    ['+ (error "e")', 'error [Expression.Error] e'],
    ['- (1 + 1)', '-2'],
    ['- - 1', '1'],
    ['- - - 1', '-1'],
    ['- #nan', '#nan'],
    ['- #infinity', '-#infinity'],
    ['1 / - 0', '-#infinity'],
    ['- #duration(1, 0, 0, 0)', '#duration(-1, 0, 0, 0)'],
    ['- #duration(0, 1, 30, 0)', '#duration(0, -1, -30, 0)'],
    ['- null', 'null'],
    ['- "a"', 'error [Expression.Error] We cannot apply operator - to type Text.'],
    ['- #time(1, 0, 0)', 'error [Expression.Error] We cannot apply operator - to type Time.'],
    ['- (error "e")', 'error [Expression.Error] e'],
    ['not true', 'false'],
    ['not false', 'true'],
    ['not (true and true)', 'false'],
    ['not null', 'null'],
    ['not 1', 'error [Expression.Error] We cannot apply operator not to type Number.'],
    ['not "true"', 'error [Expression.Error] We cannot apply operator not to type Text.'],
    ['not (error "e")', 'error [Expression.Error] e'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('type operators and coalesce', () => {
  it.each([
    // null is compatible with any, null and every nullable primitive type.
    ['null is any', 'true'],
    ['null is null', 'true'],
    ['null is nullable text', 'true'],
    ['null is text', 'false'],
    ['null is anynonnull', 'false'],
    // Another value only with its own primitive type (and any, anynonnull).
    ['1 is number', 'true'],
    ['1 is nullable number', 'true'],
    ['1 is nullable text', 'false'],
    ['"a" is nullable text', 'true'],
    ['1 is any', 'true'],
    ['1 is anynonnull', 'true'],
    ['1 is none', 'false'],
    ['Value.ReplaceType(1, Int64.Type) is number', 'true'],
    ['(error "x") is number', 'error [Expression.Error] x'],
    ['1 as number', '1'],
    ['"A" as number', 'error [Expression.Error] We cannot convert the value "A" to type Number.'],
    ['null as nullable number', 'null'],
    ['null as number', 'error [Expression.Error] We cannot convert the value null to type Number.'],
    ['null as any', 'null'],
    ['1 as nullable number', '1'],
    ['[a = 1] as record', '[a = 1]'],
    ['Value.Metadata((1 meta [a = 1]) as number)', '[a = 1]'],
    ['(error "x") as number', 'error [Expression.Error] x'],
    // ?? reads its right operand only when the left one is null.
    ['null ?? 1', '1'],
    ['1 ?? 2', '1'],
    ['null ?? null', 'null'],
    ['false ?? true', 'false'],
    ['{} ?? 1', '{}'],
    ['1 ?? (error "r")', '1'],
    ['null ?? (error "r")', 'error [Expression.Error] r'],
    ['(error "l") ?? 1', 'error [Expression.Error] l'],
    ['null ?? null ?? 3', '3'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

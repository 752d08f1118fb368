import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

describe('Expression.Evaluate', () => {
  cases([
    ['Expression.Evaluate("1 + 1")', '2'],
    [
      'Expression.Evaluate("Record.FieldCount([a = 1])", [Record.FieldCount = Record.FieldCount])',
      '1',
    ],
    [
      'Expression.Evaluate(Expression.Constant("""abc") & " & " & Expression.Identifier("x"), [x = "def"""])',
      '"""abcdef"""',
    ],
    ['Expression.Evaluate("x * y", [x = 6, y = 7])', '42'],
    ['Expression.Evaluate("#date(2035, 1, 2)")', '#date(2035, 1, 2)'],
    [
      'Expression.Evaluate("#date(2020, 1, 2) & t", [t = #time(1, 0, 0)])',
      '#datetime(2020, 1, 2, 1, 0, 0)',
    ],
    ['Expression.Evaluate("#""My Name"" + 1", [My Name = 1])', '2'],
    ['Expression.Evaluate("a", [a = 1, b = error "never read"])', '1'],
    ['Expression.Evaluate("Record.FieldCount([a = 1])", #shared)', '1'],
    ['Expression.Evaluate("let f = (n) => n * 2 in f(21)")', '42'],
    [
      'Expression.Evaluate("Record.FieldCount([])")',
      "error [Expression.Error] The name 'Record.FieldCount' wasn't recognized. Make sure it's spelled correctly.",
    ],
    [
      'Expression.Evaluate("x", [y = 1])',
      "error [Expression.Error] The name 'x' wasn't recognized. Make sure it's spelled correctly.",
    ],
    ['Expression.Evaluate("error ""inside""")', 'error [Expression.Error] inside'],
    [
      'Expression.Evaluate("1 +")',
      'error [Expression.SyntaxError] expected an expression, found the end of the input (1,4)',
    ],
    [
      'Expression.Evaluate(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Expression.Evaluate("1", 2)',
      'error [Expression.Error] We cannot convert the value 2 to type Record.',
    ],
  ]);
});

describe('Expression.Constant', () => {
  cases([
    ['Expression.Constant(123)', '"123"'],
    ['Expression.Constant(-1.5)', '"-1.5"'],
    ['Expression.Constant(#date(2035, 01, 02))', '"#date(2035, 1, 2)"'],
    ['Expression.Constant("abc")', '"""abc"""'],
    ['Expression.Constant("a""b")', '"""a""""b"""'],
    ['Expression.Constant(null)', '"null"'],
    ['Expression.Constant(true)', '"true"'],
    ['Expression.Constant(#nan)', '"#nan"'],
    ['Expression.Constant(#duration(1, 2, 3, 4))', '"#duration(1, 2, 3, 4)"'],
    ['Expression.Constant({1, "a"})', '"{1, ""a""}"'],
    ['Expression.Constant([a = 1])', '"[a = 1]"'],
    ['Expression.Constant(type nullable text)', '"type nullable text"'],
    ['Expression.Constant("x" meta [a = 1])', '"""x"""'],
    [
      'Expression.Constant((x) => x)',
      'error [Expression.Error] A function has no constant form: Expression.Constant cannot write it.',
    ],
    [
      'Expression.Evaluate(Expression.Constant(#datetime(2024, 2, 29, 23, 59, 59.5)))',
      '#datetime(2024, 2, 29, 23, 59, 59.5)',
    ],
  ]);
});

describe('Expression.Identifier', () => {
  cases([
    ['Expression.Identifier("MyIdentifier")', '"MyIdentifier"'],
    ['Expression.Identifier("My Identifier")', '"#""My Identifier"""'],
    ['Expression.Identifier("Table.AddColumn")', '"Table.AddColumn"'],
    ['Expression.Identifier("let")', '"#""let"""'],
    ['Expression.Identifier("1st")', '"#""1st"""'],
    ['Expression.Identifier("")', '"#"""""'],
    [
      'Expression.Identifier(null)',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
  ]);
});

import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

/** The functions chapter of the M language specification. */

const argumentCount = (passed: number, expects: string): string =>
  `error [Expression.Error] ${String(passed)} arguments were passed to a function which expects ${expects}.`;

describe('writing functions', () => {
  it.each([
    // A function expression makes a function value without evaluating its body.
    ['(x, y) => x + y', '(x, y) => ...'],
    ['() => error "not yet"', '() => ...'],
    ['Value.Type((x, y) => x + y)', 'type function (x as any, y as any) as any'],
    [
      'Value.Type((x as number, optional y as nullable text) as logical => true)',
      'type function (x as number, optional y as nullable text) as logical',
    ],
    ['let f = (x) => x in f = f', 'true'],
    ['let f = (x) => x in f <> f', 'false'],
    ['((x) => x) = ((x) => x)', 'false'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('invoking functions', () => {
  it.each([
    ['[MyFunction = (x, y, z) => x + y + z, Result1 = MyFunction(1, 2, 3)][Result1]', '6'],
    ['((x, y) => x + y)(1, 2)', '3'],
    // Every argument is evaluated before the body, even one the body ignores.
    ['((x, y) => x)(1, error "evaluated first")', 'error [Expression.Error] evaluated first'],
    ['(() => error "body")()', 'error [Expression.Error] body'],
    ['(error "target")(1)', 'error [Expression.Error] target'],
    ['1(2)', 'error [Expression.Error] We cannot convert a value of type Number to type Function.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('required and optional parameters', () => {
  it.each([
    [
      '[MyFunction = (x, y) => x + y, Result1 = MyFunction(1, 1), Result2 = MyFunction(2, 2)]',
      '[MyFunction = (x, y) => ..., Result1 = 2, Result2 = 4]',
    ],
    [
      '[MyFunction = (x, optional y) => if (y = null) then x else x + y, Result1 = MyFunction(1), Result2 = MyFunction(1, null), Result3 = MyFunction(2, 2)]',
      '[MyFunction = (x, optional y) => ..., Result1 = 1, Result2 = 1, Result3 = 4]',
    ],
    // N counts the arguments written, null or not.
    ['(() => "N = 0")()', '"N = 0"'],
    ['((x) => x)(null)', 'null'],
    ['((x, y) => y)(null, 2)', '2'],
    ['((x, y, z) => z)(1, 2, null)', 'null'],
    ['((x, y, z) => List.Count(z))(1, 2, {3, 4})', '2'],
    // Required and Optional, as the function type shows them.
    ['Type.FunctionRequiredParameters(Value.Type(() => 1))', '0'],
    ['Type.FunctionRequiredParameters(Value.Type((x) => 1))', '1'],
    ['Type.FunctionRequiredParameters(Value.Type((optional x) => 1))', '0'],
    ['Record.FieldCount(Type.FunctionParameters(Value.Type((optional x) => 1)))', '1'],
    ['Type.FunctionRequiredParameters(Value.Type((x, optional y) => 1))', '1'],
    ['Record.FieldCount(Type.FunctionParameters(Value.Type((x, optional y) => 1)))', '2'],
    // Required <= N <= Required + Optional.
    ['(() => 1)()', '1'],
    ['(() => 1)(1)', argumentCount(1, '0')],
    ['((x) => x)()', argumentCount(0, '1')],
    ['((optional x) => x)()', 'null'],
    ['((x, optional y) => x)()', argumentCount(0, 'between 1 and 2')],
    ['((x, optional y) => x)(1, 2, 3)', argumentCount(3, 'between 1 and 2')],
    // The argument types must be compatible with the parameter types.
    [
      '((x as number) => x)("a")',
      'error [Expression.Error] We cannot convert the value "a" to type Number.',
    ],
    [
      '((x as number) => x)(null)',
      'error [Expression.Error] We cannot convert the value null to type Number.',
    ],
    ['((x as nullable number) => x)(null)', 'null'],
    ['((optional x as number) => x)()', 'null'],
    ['((optional x as number) => x)(null)', 'null'],
    [
      '((x as text, optional y as number) => x)(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    // The body's value must be compatible with the return type.
    ['(() as text => "a")()', '"a"'],
    [
      '(() as number => "a")()',
      'error [Expression.Error] We cannot convert the value "a" to type Number.',
    ],
    ['(() as nullable number => null)()', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('recursion, closures and environments', () => {
  it.each([
    [
      '[Factorial = (x) => if x = 0 then 1 else x * @Factorial(x - 1), Result = Factorial(3)][Result]',
      '6',
    ],
    // Without @, the function's own name is not in scope in its body.
    [
      '[Factorial = (x) => if x = 0 then 1 else x * Factorial(x - 1), Result = Factorial(3)][Result]',
      "error [Expression.Error] The name 'Factorial' wasn't recognized. Make sure it's spelled correctly.",
    ],
    // Mutually recursive functions just use each other's names.
    [
      '[Factorial = (x) => if x = 0 then 1 else Factorial2(x), Factorial2 = (x) => x * Factorial(x - 1), Result = Factorial(3)][Result]',
      '6',
    ],
    [
      '[MyFunction = (x) => () => x, MyFunction1 = MyFunction(1), MyFunction2 = MyFunction(2), Result = MyFunction1() + MyFunction2()][Result]',
      '3',
    ],
    // A function reads the variables of where it was written, not of where it is called.
    ['[A = [MyFunction = () => C, C = 1], B = A[MyFunction]()][B]', '1'],
    ['let C = 2, f = [g = () => C, C = 1][g] in f()', '1'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('each', () => {
  const table = '#table({"Weight"}, {{10}, {15}})';
  it.each([
    ['(each _ + 1)(1)', '2'],
    ['((_) => _ + 1)(1)', '2'],
    ['(each [A])([A = 7])', '7'],
    ['((_) => _[A])([A = 7])', '7'],
    ['Value.Type(each _)', 'type function (_ as any) as any'],
    [`Table.SelectRows(${table}, each [Weight] > 12)`, '#table(type table [Weight = any], {{15}})'],
    [
      `Table.SelectRows(${table}, (_) => _[Weight] > 12)`,
      '#table(type table [Weight = any], {{15}})',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

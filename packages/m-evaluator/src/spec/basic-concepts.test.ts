import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../context.js';
import { m } from '../../test/evaluate.js';

/** The basic-concepts chapter of the M language specification. */

/** Evaluates `text` and returns its printed value with the messages `Diagnostics.Trace` wrote. */
function traced(text: string): { value: string; messages: string[] } {
  const messages: string[] = [];
  const value = m(text, { trace: { trace: (entry: TraceEntry) => messages.push(entry.message) } });
  return { value, messages };
}

describe('primitive and structured values', () => {
  it.each([
    ['1', '1'],
    ['true', 'true'],
    ['3.14159', '3.14159'],
    ['"abc"', '"abc"'],
    ['{1, 2, 3}', '{1, 2, 3}'],
    ['[A = {1}, B = {2}, C = {3}]', '[A = {1}, B = {2}, C = {3}]'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('kinds of expressions', () => {
  it.each([
    ['"Hello World"', '"Hello World"'],
    ['123', '123'],
    ['1 + 2', '3'],
    ['{1, 2, 3}', '{1, 2, 3}'],
    ['[x = 1, y = 2 + 3]', '[x = 1, y = 5]'],
    ['(x, y) => x + y', '(x, y) => ...'],
    ['if 2 > 1 then 2 else 1', '2'],
    ['let x = 1 + 1 in x * 2', '4'],
    ['error "A"', 'error [Expression.Error] A'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('environments of record and let initializers', () => {
  it.each([
    ['[x = 1, y = 2, z = x + y]', '[x = 1, y = 2, z = 3]'],
    ['let x = 1, y = 2, z = x + y in x + y + z', '6'],
    ['[a = [x = 1, y = 2, z = x + y], b = 3]', '[a = [x = 1, y = 2, z = 3], b = 3]'],
    ['let a = [x = 1, y = 2, z = x + y], b = 3 in a[z] + b', '6'],
    // The inner x wins over the outer one inside the nested record.
    ['[a = [x = 1, y = 2, z = x + y], b = 3, x = 4]', '[a = [x = 1, y = 2, z = 3], b = 3, x = 4]'],
    // A nested record sees the outer fields it does not define itself.
    ['[a = [y = x + b], b = 3, x = 4][a][y]', '7'],
    ['let x = 1 in let x = 2 in x', '2'],
    ['let x = 1, f = (x) => x * 10 in f(5)', '50'],
    ['[x = 1, y = [x = 2, z = x]][y][z]', '2'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('identifier references', () => {
  it.each([
    [
      '[x = undefinedName][x]',
      "error [Expression.Error] The name 'undefinedName' wasn't recognized. Make sure it's spelled correctly.",
    ],
    // An exclusive reference to the field being initialized is not in scope.
    [
      '[x = x][x]',
      "error [Expression.Error] The name 'x' wasn't recognized. Make sure it's spelled correctly.",
    ],
    [
      'let x = x in x',
      "error [Expression.Error] The name 'x' wasn't recognized. Make sure it's spelled correctly.",
    ],
    // An exclusive reference to the same name reaches the enclosing scope instead.
    ['let x = 1 in [x = x + 1][x]', '2'],
    ['let x = 1 in let x = x + 1 in x', '2'],
    // The inclusive reference @x sees the variable being initialized.
    [
      '[Factorial = (n) => if n <= 1 then 1 else n * @Factorial(n - 1), x = Factorial(5)]',
      '[Factorial = (n) => ..., x = 120]',
    ],
    ['let f = (n) => if n = 0 then 0 else n + @f(n - 1) in f(4)', '10'],
    ['let l = {1, @l} in l{1}{1}{0}', '1'],
    // Anywhere else @x is the same as x.
    ['let x = 5 in @x', '5'],
    ['((y) => @y + 1)(1)', '2'],
    // Needing its own value to compute it is a cycle.
    [
      'let x = @x + 1 in x',
      'error [Expression.Error] A cyclic reference was encountered during evaluation.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('order of evaluation', () => {
  it.each([
    ['[C = A + B, A = 1 + 1, B = 2 + 2]', '[C = 6, A = 2, B = 4]'],
    ['[C = A + B, A = 1 + 1, B = 2 + 2] = [A = 2, B = 4, C = 6]', 'true'],
    // Only the dependencies are ordered: a field nobody reads is never computed.
    ['[C = A, A = 1, B = error "not needed"][C]', '1'],
    ['List.Sum({1, 2, 3})', '6'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('immutability of computed values', () => {
  it('computes a field once, however often it is read', () => {
    const { value, messages } = traced(`let r = [
        a = Diagnostics.Trace(TraceLevel.Information, "a", () => 10, true),
        b = Diagnostics.Trace(TraceLevel.Information, "b", () => 20, true)
      ] in r[a] + r[a] + r[a]`);
    expect(value).toBe('30');
    expect(messages).toEqual(['a']);
  });

  it('raises the same error on every read of a field that failed, without computing it again', () => {
    const { value, messages } = traced(`let r = [
        a = Diagnostics.Trace(TraceLevel.Information, "a", () => error "boom", true)
      ] in {try r[a], try r[a]}`);
    const caught =
      '[HasError = true, Error = [Reason = "Expression.Error", Message = "boom", Detail = null, Message.Format = null, Message.Parameters = null]]';
    expect(value).toBe(`{${caught}, ${caught}}`);
    expect(messages).toEqual(['a']);
  });

  it.each([
    ['let r = [a = error "boom"], x = try r[a], y = try r[a] in x = y', 'true'],
    ['let r = [a = 1 + 1] in r[a] = r[a]', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

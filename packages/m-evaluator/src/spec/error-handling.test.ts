import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

/** The error-handling chapter of the M language specification. */

/** The record `try` gives for an error, with its five fields. */
const errorRecord = (
  message: string,
  reason = 'Expression.Error',
  detail = 'null',
  format = 'null',
  parameters = 'null',
): string =>
  `[Reason = ${reason === 'null' ? 'null' : `"${reason}"`}, Message = ${message === 'null' ? 'null' : `"${message}"`}, Detail = ${detail}, Message.Format = ${format}, Message.Parameters = ${parameters}]`;

const caught = (record: string): string => `[HasError = true, Error = ${record}]`;

describe('raising errors', () => {
  const format = `"Unexpected value '#{0}' in field #{1}"`;
  it.each([
    [
      `error [Message.Format = ${format}, Message.Parameters = {"???", "Customer"}]`,
      "error Unexpected value '???' in field Customer",
    ],
    // A text is short for an error with that message.
    ['error "Hello, world"', 'error [Expression.Error] Hello, world'],
    ['try error "Hello, world"', caught(errorRecord('Hello, world'))],
    [
      'error Error.Record("FileNotFound", "File my.txt not found", "my.txt")',
      'error [FileNotFound] File my.txt not found',
    ],
    [
      'try error Error.Record("FileNotFound", "File my.txt not found", "my.txt")',
      caught(errorRecord('File my.txt not found', 'FileNotFound', '"my.txt"')),
    ],
    [
      '(try error Error.Record("FileNotFound", "File my.txt not found", "my.txt")) = (try error [Reason = "FileNotFound", Message = "File my.txt not found", Detail = "my.txt"])',
      'true',
    ],
    // Every field may be left out; fields that are not error fields are dropped.
    ['try error [Reason = "R"]', caught(errorRecord('null', 'R'))],
    ['try error [Reason = "R", Extra = 1]', caught(errorRecord('null', 'R'))],
    // A record without Reason raises an error whose Reason is null (the spec's example).
    ['try error [Detail = [a = 1]]', caught(errorRecord('null', 'null', '[a = 1]'))],
    [
      'try error [Message.Format = "#{0} and #{1}", Message.Parameters = {1, "two"}]',
      caught(errorRecord('1 and two', 'null', 'null', '"#{0} and #{1}"', '{1, "two"}')),
    ],
    // Raising stops the evaluation up to the nearest try.
    ['1 + (error "stop")', 'error [Expression.Error] stop'],
    ['try (1 + (error "stop")) otherwise "caught"', '"caught"'],
    ['try error (error "inner")', caught(errorRecord('inner'))],
    [
      'error 1',
      'error [Expression.Error] The value given to error must be a text or an error record.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('leaves Reason null when the error record has none', () => {
    expect(
      m(`try error [Message.Format = ${format}, Message.Parameters = {"???", "Customer"}]`),
    ).toBe(
      caught(
        errorRecord(
          "Unexpected value '???' in field Customer",
          'null',
          'null',
          `"Unexpected value '#{0}' in field #{1}"`,
          '{"???", "Customer"}',
        ),
      ),
    );
  });

  it('makes the message from Message.Format even when Message is given', () => {
    expect(
      m(
        '(try error [Message = "given", Message.Format = "made #{0}", Message.Parameters = {1}])[Error][Message]',
      ),
    ).toBe('"made 1"');
  });
});

describe('handling errors', () => {
  it.each([
    ['try 1', '[HasError = false, Value = 1]'],
    ['let x = try "A" in if x[HasError] then x[Error] else x[Value]', '"A"'],
    ['let x = try error "A" in if x[HasError] then x[Error] else x[Value]', errorRecord('A')],
    ['let x = try error "A" catch (e) => e in x', errorRecord('A')],
    ['try error "A" otherwise 1', '1'],
    ['try error "A" catch () => 1', '1'],
    ['try error "A" otherwise error "B"', 'error [Expression.Error] B'],
    ['try error "A" catch () => error "B"', 'error [Expression.Error] B'],
    ['try error "A" catch (e) => error "B"', 'error [Expression.Error] B'],
    ['try error "A" catch (e) => e[Message] & "!"', '"A!"'],
    // The handler runs only when the protected expression raises.
    ['try 1 otherwise error "never"', '1'],
    ['try 1 catch (e) => error "never"', '1'],
    ['try (try error "inner" otherwise error "outer") otherwise "recovered"', '"recovered"'],
    // A value is not an error, even one holding errors inside.
    ['try (1 / 0)', '[HasError = false, Value = #infinity]'],
    ['(try {error "a"})[HasError]', 'false'],
    ['(try {error "a"})[Value]{0}', 'error [Expression.Error] a'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('errors in record and let initializers', () => {
  const record = `[
      A = error "A",
      B = A + 1,
      C = let x = try A in if not x[HasError] then x[Value] else x[Error],
      D = 1 + 1
    ]`;
  it.each([
    [
      record,
      `[A = error ${errorRecord('A')}, B = error ${errorRecord('A')}, C = ${errorRecord('A')}, D = 2]`,
    ],
    [`${record}[B]`, 'error [Expression.Error] A'],
    [`${record}[C][Message]`, '"A"'],
    [`${record}[D]`, '2'],
    // The error of a let variable is kept, and raised again on every read.
    ['let x = error [Reason = "R", Message = "M"], a = try x, b = try x in a = b', 'true'],
    // try only sees errors raised while its expression is evaluated: a field is evaluated later.
    [
      'let f = (x) => [a = error "bad", b = x], g = try f(42) otherwise 123 in g[a]',
      'error [Expression.Error] bad',
    ],
    ['let f = (x) => [a = error "bad", b = x], g = try f(42) otherwise 123 in g[b]', '42'],
    ['let f = (x) => [a = error "bad", b = x], g = try f(42)[a] otherwise 123 in g', '123'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('not implemented', () => {
  const subtract = (tail: string): string => `(x, y) => if x > y then x - y else ${tail}`;
  it.each([
    ['...', 'error [Expression.Error] Not Implemented'],
    ['try ...', caught(errorRecord('Not Implemented'))],
    [subtract('...'), '(x, y) => ...'],
    [`(${subtract('...')})(5, 3)`, '2'],
    [`(${subtract('...')})(3, 5)`, 'error [Expression.Error] Not Implemented'],
    [
      `(${subtract('error Error.Record("Expression.Error", "Not Implemented")')})(3, 5)`,
      'error [Expression.Error] Not Implemented',
    ],
    [
      `(try (${subtract('...')})(3, 5)) = (try (${subtract('error Error.Record("Expression.Error", "Not Implemented")')})(3, 5))`,
      'true',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

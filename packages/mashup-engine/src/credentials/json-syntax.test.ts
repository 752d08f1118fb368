import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax.js';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ',
    '"text"',
    '0',
  ])('accepts %j', (text) => {
    expect(findJsonSyntaxError(text)).toBeUndefined();
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  it.each([
    ['', 1, 1],
    ['{', 1, 2],
    ['{"a": secret}', 1, 7],
    ['{"a": 1,}', 1, 9],
    ['{"a" 1}', 1, 6],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3],
    ['[1, 2', 1, 6],
    ['{"a": "unterminated', 1, 20],
    ['{"a": "bad \\x escape"}', 1, 12],
    ['{"a": 01}', 1, 8],
    ['{"a": tru}', 1, 7],
    ['{} extra', 1, 4],
    ["{'a': 1}", 1, 2],
  ])('locates the error in %j at line %i, column %i', (text, line, column) => {
    expect(findJsonSyntaxError(text)).toEqual({ line, column });
    expect(() => JSON.parse(text) as unknown).toThrow();
  });
});

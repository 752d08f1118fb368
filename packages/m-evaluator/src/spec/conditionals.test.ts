import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

/** The conditionals chapter of the M language specification. */

describe('if expressions', () => {
  it.each([
    ['if 2 > 1 then 2 else 1', '2'],
    ['if 1 = 1 then "yes" else "no"', '"yes"'],
    ['if 1 = 2 then "yes" else "no"', '"no"'],
    // The condition must be a logical value (null is not one).
    [
      'if null then 1 else 2',
      'error [Expression.Error] We cannot convert the value null to type Logical.',
    ],
    [
      'if 1 then 1 else 2',
      'error [Expression.Error] We cannot convert the value of type Number to type Logical.',
    ],
    [
      'if "true" then 1 else 2',
      'error [Expression.Error] We cannot convert the value of type Text to type Logical.',
    ],
    ['if true meta [a = 1] then 1 else 2', '1'],
    // Only the selected branch is evaluated.
    ['if true then 1 else error "not selected"', '1'],
    ['if false then error "not selected" else 2', '2'],
    ['if true then 1 else ...', '1'],
    // Errors of the condition and of the selected branch pass through.
    ['if (error "condition") then 1 else 2', 'error [Expression.Error] condition'],
    ['if true then error "then" else 2', 'error [Expression.Error] then'],
    ['if false then 1 else error "else"', 'error [Expression.Error] else'],
    ['if 1 > 2 then "a" else if 2 > 1 then "b" else "c"', '"b"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

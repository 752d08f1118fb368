import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Replacer', () => {
  it.each([
    ['Replacer.ReplaceText("hEllo world", "hE", "He")', '"Hello world"'],
    ['Replacer.ReplaceText("abab", "b", "")', '"aa"'],
    ['Replacer.ReplaceText("abc", "", "x")', '"abc"'],
    ['Replacer.ReplaceText(null, "a", "b")', 'null'],
    [
      'Replacer.ReplaceText(1, "a", "b")',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    ['Replacer.ReplaceValue(11, 11, 10)', '10'],
    ['Replacer.ReplaceValue(12, 11, 10)', '12'],
    ['Replacer.ReplaceValue(null, null, "x")', '"x"'],
    ['Replacer.ReplaceValue("a", "A", "b")', '"a"'],
    ['Replacer.ReplaceValue({1, 2}, {1, 2}, {3})', '{3}'],
    [
      'Replacer.ReplaceValue(1, 11)',
      'error [Expression.Error] 2 arguments were passed to a function which expects 3.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

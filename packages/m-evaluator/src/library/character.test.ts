import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Character.FromNumber, Character.ToNumber', () => {
  it.each([
    ['Character.FromNumber(9)', '"#(tab)"'],
    ['Character.FromNumber(65)', '"A"'],
    ['Character.FromNumber(Character.ToNumber("A"))', '"A"'],
    ['Character.FromNumber(0x1F600) = "#(0001F600)"', 'true'],
    ['Text.Length(Character.FromNumber(0x1F600))', '2'],
    ['Character.FromNumber(null)', 'null'],
    [
      'Character.FromNumber(0x110000)',
      'error [Expression.Error] The number is not a Unicode code point: it must be from 0 to 0x10FFFF, outside the surrogates 0xD800 to 0xDFFF.',
    ],
    [
      'Character.FromNumber(0xD800)',
      'error [Expression.Error] The number is not a Unicode code point: it must be from 0 to 0x10FFFF, outside the surrogates 0xD800 to 0xDFFF.',
    ],
    [
      'Character.FromNumber(65.5)',
      'error [Expression.Error] The code point must be a whole number.',
    ],
    [
      'Character.FromNumber("A")',
      'error [Expression.Error] We cannot convert the value "A" to type Number.',
    ],
    ['Character.ToNumber("#(tab)")', '9'],
    ['Character.ToNumber("A")', '65'],
    ['Character.ToNumber("#(0001F600)")', '128512'],
    ['Character.ToNumber(null)', 'null'],
    [
      'Character.ToNumber("AB")',
      'error [Expression.Error] The text must be a single character (or a surrogate pair of one character).',
    ],
    [
      'Character.ToNumber("")',
      'error [Expression.Error] The text must be a single character (or a surrogate pair of one character).',
    ],
    [
      'Character.ToNumber(Text.Start("#(0001F600)", 1))',
      'error [Expression.Error] A lone surrogate is not a character.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { getCulture } from '../culture.js';
import { parseNumber } from './number-parse.js';

describe('parseNumber', () => {
  it.each([
    ['11.28', 'en-US', 11.28],
    ['-5', 'en-US', -5],
    ['0', 'en-US', 0],
    ['.5', 'en-US', 0.5],
    ['1.', 'en-US', 1],
    ['1,234,567.5', 'en-US', 1234567.5],
    ['1e3', 'en-US', 1000],
    ['-1.5E-2', 'en-US', -0.015],
    ['12.3%', 'en-US', 0.123],
    ['%50', 'en-US', 0.5],
    ['(12)', 'en-US', -12],
    ['12-', 'en-US', -12],
    ['$ 12', 'en-US', 12],
    ['12,5', 'de-DE', 12.5],
    ['1.234,5', 'de-DE', 1234.5],
    ['-1.234,5 €', 'de-DE', -1234.5],
    ['1 234,5', 'fr-FR', 1234.5],
    ['1\u202f234,5', 'fr-FR', 1234.5],
    ['12,5', '', 125],
    ['NaN', 'en-US', Number.NaN],
    ['-Infinity', 'en-US', Number.NEGATIVE_INFINITY],
  ])('parseNumber(%j, %s) = %s', (text, culture, expected) => {
    expect(parseNumber(text, getCulture(culture))).toBe(expected);
  });

  it.each([[''], ['abc'], ['1.2.3'], ['--1'], ['1e'], ['12 34 x'], ['$'], ['1,5x']])(
    'parseNumber(%j) is not a number',
    (text) => {
      expect(parseNumber(text, getCulture('en-US'))).toBeUndefined();
    },
  );
});

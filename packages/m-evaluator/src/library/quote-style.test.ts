import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';
import { decodeField, splitFields } from './quote-style.js';

describe('QuoteStyle', () => {
  it.each([
    ['QuoteStyle.None', '0'],
    ['QuoteStyle.Csv', '1'],
    ['QuoteStyle.Type', 'type number'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['"a,b"', 'always', 'a,b'],
    ['x"a,b"y', 'always', 'xa,by'],
    ['x"a,b"y', 'afterDelimiter', 'x"a,b"y'],
    ['"a""b"c', 'afterDelimiter', 'a"bc'],
    ['"a""b', 'always', 'a"b'],
    ['"a"', 'none', '"a"'],
  ] as const)('decodes %s with %s quoting to %s', (field, quoting, expected) => {
    expect(decodeField(field, 0, field.length, quoting)).toBe(expected);
  });

  it('splits fields outside quoted sections', () => {
    const comma = (text: string, index: number): number => (text[index] === ',' ? 1 : 0);
    expect(splitFields('a,"b,c",d', comma, 'always')).toEqual(['a', 'b,c', 'd']);
    expect(splitFields('a,"b,c",d', comma, 'none')).toEqual(['a', '"b', 'c"', 'd']);
    expect(splitFields('', comma, 'always')).toEqual(['']);
  });
});

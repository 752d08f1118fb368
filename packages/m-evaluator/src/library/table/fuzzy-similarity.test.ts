import { describe, expect, it } from 'vitest';
import { MError } from '../../errors.js';
import type { MatchOptions, Transformation } from './fuzzy-options.js';
import { FuzzyMatcher } from './fuzzy-similarity.js';

const DEFAULTS: MatchOptions = { culture: '', ignoreCase: true, ignoreSpace: true, threshold: 0 };

/** The score of two one-column keys (undefined: below the threshold). */
function score(
  left: string | null,
  right: string | null,
  options: Partial<MatchOptions> = {},
  transformations: readonly Transformation[] = [],
): number | undefined {
  const matcher = new FuzzyMatcher({ ...DEFAULTS, ...options }, transformations);
  return matcher.score(matcher.key([left]), matcher.key([right]));
}

describe('FuzzyMatcher', () => {
  it.each([
    // The reference pages' examples.
    ['Bob', 'bOB', 1],
    ['Bob', 'Robert', 0.33],
    ['Seattle', 'seattl', 0.85],
    ['Seattle', 'Seatle', 0.85],
    ['Vancouver', 'vancover', 0.88],
    ['Seattle', 'Vancouver', 0.11],
    ['Grapes', 'Graes', 0.83],
    ['Grapes', 'grapes', 1],
    ['Gra pes', 'Grapes', 1],
    ['M 365', 'M365', 0.37],
    // Word order and punctuation do not count; every word does.
    ['Apples, Bananas!', 'bananas apples', 1],
    ['Micro soft Office', 'Office Microsoft', 1],
    ['Blue berries are simply the best', 'Blueberries', 0.2],
    ['fav fruit is bananas', 'Bananas', 0.25],
    ['John Smith', 'Jon Smith', 0.87],
    ['listen', 'silent', 0.33],
    ['', '', 1],
    ['!!', '', 1],
    ['', 'a', 0],
  ] as const)('%j and %j score %j', (left, right, expected) => {
    expect(score(left, right)).toBe(expected);
    expect(score(right, left)).toBe(expected);
  });

  it('compares case when IgnoreCase is false', () => {
    expect(score('Grapes', 'grapes', { ignoreCase: false })).toBe(0.83);
    expect(score('Bob', 'bOB', { ignoreCase: false })).toBe(0);
  });

  it('keeps words apart when IgnoreSpace is false', () => {
    expect(score('Gra pes', 'Grapes', { ignoreSpace: false })).toBe(0.25);
    expect(score('grapes', 'Grapes', { ignoreSpace: false })).toBe(1);
  });

  it('combines up to four words separated by white space between letters', () => {
    expect(score('a b c d', 'abcd')).toBe(1);
    expect(score('ab\tcd', 'abcd')).toBe(1);
    expect(score('ab-cd', 'abcd')).toBe(0.25);
    expect(score('a b c d e', 'abcde')).toBeLessThan(1);
  });

  it('folds case in the culture', () => {
    expect(score('KIRMIZI', 'kırmızı')).toBe(0.57);
    expect(score('KIRMIZI', 'kırmızı', { culture: 'tr-TR' })).toBe(1);
  });

  it('gives undefined below the threshold, and 1 only for equal words', () => {
    expect(score('Grapes', 'Graes', { threshold: 0.9 })).toBeUndefined();
    expect(score('Grapes', 'Graes', { threshold: 0.83 })).toBe(0.83);
    expect(score('Seattle', 'seattle', { threshold: 1 })).toBe(1);
    expect(score('Seattle', 'Seattl', { threshold: 1 })).toBeUndefined();
    expect(score('x'.repeat(300), `${'x'.repeat(299)}y`, { threshold: 1 })).toBeUndefined();
    expect(score('', 'a', { threshold: 0 })).toBe(0);
  });

  it('matches null only with null', () => {
    expect(score(null, null, { threshold: 0 })).toBe(1);
    expect(score(null, '', { threshold: 0 })).toBeUndefined();
    expect(score('a', null, { threshold: 0 })).toBeUndefined();
  });

  it('scores through the transformation table at most 0.95, on both sides', () => {
    const grapes = [{ from: 'Grapes', to: 'Raisins' }];
    expect(score('Grapes', 'Raisins', {}, grapes)).toBe(0.95);
    expect(score('raisins', 'GRAPES', {}, grapes)).toBe(0.95);
    expect(score('Grapes are sweet', 'Raisins are sweet', {}, grapes)).toBe(0.95);
    expect(score('Grapes', 'Grapes', {}, grapes)).toBe(1);
    expect(score('Grapefruit', 'Raisins', {}, grapes)).toBe(0.2);
    const longest = [
      { from: 'New', to: 'Old' },
      { from: 'New York', to: 'NYC' },
    ];
    expect(score('new york city', 'nyc city', {}, longest)).toBe(0.95);
    expect(score('gone', '', {}, [{ from: 'gone', to: '' }])).toBe(0.95);
  });

  it('pools the words of several key columns, pairing words of the same column only', () => {
    const matcher = new FuzzyMatcher(DEFAULTS);
    const key = (...texts: (string | null)[]) => matcher.key(texts);
    expect(matcher.score(key('John', 'Smith'), key('john', 'smith'))).toBe(1);
    expect(matcher.score(key('John', 'Smith'), key('Smith', 'John'))).toBe(0);
    expect(matcher.score(key('John', 'Smith'), key('Jon', 'Smith'))).toBe(0.87);
    expect(matcher.score(key('John', null), key('John', 'Smith'))).toBe(0.5);
    expect(matcher.score(key(null, null), key(null, null))).toBe(1);
  });

  it('gives equal texts one key, and rejects values that are not text', () => {
    const matcher = new FuzzyMatcher(DEFAULTS);
    expect(matcher.key(['Seattle'])).toBe(matcher.key(['SEATTLE']));
    expect(() => matcher.key([1])).toThrow(MError);
    expect(() => matcher.key([1])).toThrow('We cannot convert the value 1 to type Text.');
  });
});

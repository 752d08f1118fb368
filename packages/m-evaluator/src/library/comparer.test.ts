import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Comparer.Ordinal, Comparer.OrdinalIgnoreCase', () => {
  it.each([
    ['Comparer.Equals(Comparer.Ordinal, "encyclopædia", "encyclopaedia")', 'false'],
    ['Comparer.Ordinal("Abc", "abc")', '-1'],
    ['Comparer.Ordinal("abc", "Abc")', '1'],
    ['Comparer.Ordinal("abc", "abc")', '0'],
    ['Comparer.Ordinal("Z", "a")', '-1'],
    ['Comparer.Ordinal(1, 2)', '-1'],
    ['Comparer.Ordinal(null, 1)', '-1'],
    ['Comparer.Ordinal(#date(2024, 1, 2), #date(2024, 1, 1))', '1'],
    ['Comparer.OrdinalIgnoreCase("Abc", "abc")', '0'],
    ['Comparer.OrdinalIgnoreCase("a", "B")', '-1'],
    ['Comparer.OrdinalIgnoreCase("É", "é")', '0'],
    ['Comparer.OrdinalIgnoreCase("ß", "SS")', '1'],
    ['Comparer.OrdinalIgnoreCase(2, 1)', '1'],
    ['Value.Type(Comparer.Ordinal)', 'type function (x as any, y as any) as number'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Comparer.FromCulture, Comparer.Equals', () => {
  it.each([
    ['Comparer.FromCulture("en-US")("a", "A")', '-1'],
    ['Comparer.FromCulture("en-US", true)("a", "A")', '0'],
    ['Comparer.FromCulture("en-US")("a", "B")', '-1'],
    ['Comparer.Ordinal("a", "B")', '1'],
    ['Comparer.FromCulture("en-US", true)("é", "E")', '1'],
    ['Comparer.FromCulture("de-DE")("ä", "b")', '-1'],
    ['Comparer.FromCulture("sv-SE")("ä", "z")', '1'],
    ['Comparer.FromCulture("fr-FR", true)("côte", "CÔTE")', '0'],
    ['Comparer.FromCulture("fr-FR")("cote", "côte")', '-1'],
    ['Comparer.FromCulture("tr-TR", true)("ı", "I")', '0'],
    ['Comparer.FromCulture("en-US")(1, 2)', '-1'],
    ['Comparer.FromCulture("")("a", "b")', '-1'],
    ['Comparer.FromCulture("en-US", null)("a", "A")', '-1'],
    [
      'Comparer.FromCulture("@@@")',
      "error [Expression.Error] The culture '@@@' is not a valid culture name.",
    ],
    [
      'Comparer.FromCulture(null)',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    ['Value.Type(Comparer.FromCulture("en-US"))', 'type function (x as any, y as any) as number'],
    ['Comparer.Equals(Comparer.FromCulture("en-US"), "1", "A")', 'false'],
    ['Comparer.Equals(Comparer.FromCulture("en-US", true), "Straße", "STRASSE")', 'false'],
    ['Comparer.Equals(Comparer.OrdinalIgnoreCase, "Abc", "aBC")', 'true'],
    ['Comparer.Equals((x, y) => 0, 1, 2)', 'true'],
    [
      'Comparer.Equals((x, y) => "no", 1, 2)',
      'error [Expression.Error] A comparer must return a number.',
    ],
    [
      'Comparer.Equals(1, 1, 2)',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

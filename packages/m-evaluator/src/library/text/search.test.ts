import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

describe('Text.Contains, Text.StartsWith, Text.EndsWith', () => {
  it.each([
    ['Text.Contains("Hello World", "Hello")', 'true'],
    ['Text.Contains("Hello World", "hello")', 'false'],
    ['Text.Contains("Hello World", "hello", Comparer.OrdinalIgnoreCase)', 'true'],
    ['Text.Contains("Hello World", "hello", Comparer.Ordinal)', 'false'],
    ['Text.Contains("Hello World", "")', 'true'],
    ['Text.Contains(" DR ", "DR ")', 'true'],
    ['Text.Contains("DR", " DR")', 'false'],
    ['Text.Contains(null, "a")', 'null'],
    [
      'Text.Contains("a", null)',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    ['Text.Contains("Straße", "STRASSE", Comparer.OrdinalIgnoreCase)', 'false'],
    ['Text.Contains("Große Straße", "STRAßE", Comparer.OrdinalIgnoreCase)', 'true'],
    ['Text.Contains("Hello World", "WORLD", Comparer.FromCulture("en-US", true))', 'true'],
    ['Text.Contains("Hello World", "WORLD", Comparer.FromCulture("en-US"))', 'false'],
    ['Text.Contains("Hello World", "wor", (x, y) => Comparer.OrdinalIgnoreCase(x, y))', 'true'],
    [
      'Text.Contains("Hello", "l", "x")',
      'error [Expression.Error] We cannot convert the value "x" to type Function.',
    ],
    ['Text.StartsWith("Hello, World", "hello")', 'false'],
    ['Text.StartsWith("Hello, World", "Hello")', 'true'],
    ['Text.StartsWith("Hello, World", "hello", Comparer.OrdinalIgnoreCase)', 'true'],
    ['Text.StartsWith("Hello, World", "")', 'true'],
    ['Text.StartsWith("Hi", "Hello")', 'false'],
    ['Text.StartsWith(null, "a")', 'null'],
    ['Text.StartsWith("Äpfel", "äp", Comparer.FromCulture("de-DE", true))', 'true'],
    ['Text.StartsWith("Äpfel", "ap", Comparer.FromCulture("de-DE", true))', 'false'],
    ['Text.EndsWith("Hello, World", "world")', 'false'],
    ['Text.EndsWith("Hello, World", "World")', 'true'],
    ['Text.EndsWith("Hello, World", "WORLD", Comparer.OrdinalIgnoreCase)', 'true'],
    ['Text.EndsWith("d", "World")', 'false'],
    ['Text.EndsWith(null, "a")', 'null'],
    ['Text.EndsWith("Élève", "ÈVE", Comparer.FromCulture("fr-FR", true))', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.PositionOf, Text.PositionOfAny', () => {
  it.each([
    ['Text.PositionOf("Hello, World! Hello, World!", "World")', '7'],
    ['Text.PositionOf("Hello, World! Hello, World!", "World", Occurrence.Last)', '21'],
    ['Text.PositionOf("Hello, World! Hello, World!", "World", Occurrence.All)', '{7, 21}'],
    ['Text.PositionOf("Hello, World! Hello, World!", "World", Occurrence.First)', '7'],
    ['Text.PositionOf("Hello", "x")', '-1'],
    ['Text.PositionOf("Hello", "x", Occurrence.Last)', '-1'],
    ['Text.PositionOf("Hello", "x", Occurrence.All)', '{}'],
    ['Text.PositionOf("aaaa", "aa", Occurrence.All)', '{0, 2}'],
    ['Text.PositionOf("abc", "")', '0'],
    ['Text.PositionOf("abc", "", Occurrence.Last)', '3'],
    ['Text.PositionOf("Hello, WORLD", "world", null, Comparer.OrdinalIgnoreCase)', '7'],
    ['Text.PositionOf("abcabc", "c", 1)', '5'],
    ['Text.PositionOf("a-A-a", "A", Occurrence.All, Comparer.OrdinalIgnoreCase)', '{0, 2, 4}'],
    ['Text.PositionOf("a-A-a", "A", Occurrence.Last, Comparer.FromCulture("en-US", true))', '4'],
    ['Text.PositionOf("a-A-a", "A", Occurrence.All, Comparer.FromCulture("en-US"))', '{2}'],
    [
      'Text.PositionOf("abc", "b", 3)',
      'error [Expression.Error] The occurrence must be Occurrence.First, Occurrence.Last or Occurrence.All.',
    ],
    [
      'Text.PositionOf(null, "b")',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    ['Text.PositionOfAny("Hello, World!", {"H", "W"})', '0'],
    ['Text.PositionOfAny("Hello, World!", {"H", "W"}, Occurrence.All)', '{0, 7}'],
    ['Text.PositionOfAny("Hello, World!", {"o"}, Occurrence.Last)', '8'],
    ['Text.PositionOfAny("Hello, World!", {"x"})', '-1'],
    ['Text.PositionOfAny("Hello, World!", {"x"}, Occurrence.All)', '{}'],
    [
      'Text.PositionOfAny("Hello", {"He"})',
      'error [Expression.Error] Each item of the characters must be a single character.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.BeforeDelimiter, Text.AfterDelimiter, Text.BetweenDelimiters', () => {
  it.each([
    ['Text.AfterDelimiter("111-222-333", "-")', '"222-333"'],
    ['Text.AfterDelimiter("111-222-333", "-", 1)', '"333"'],
    ['Text.AfterDelimiter("111-222-333", "-", {1, RelativePosition.FromEnd})', '"222-333"'],
    ['Text.AfterDelimiter("111-222-333", "-", {0, RelativePosition.FromEnd})', '"333"'],
    ['Text.AfterDelimiter("111-222-333", "-", {0, RelativePosition.FromStart})', '"222-333"'],
    ['Text.AfterDelimiter("111-222-333", "-", 5)', '""'],
    ['Text.AfterDelimiter("111", "-")', '""'],
    ['Text.AfterDelimiter("a::b::c", "::")', '"b::c"'],
    ['Text.AfterDelimiter(null, "-")', '""'],
    ['Text.BeforeDelimiter("111-222-333", "-")', '"111"'],
    ['Text.BeforeDelimiter("111-222-333", "-", 1)', '"111-222"'],
    ['Text.BeforeDelimiter("111-222-333", "-", {1, RelativePosition.FromEnd})', '"111"'],
    ['Text.BeforeDelimiter("111-222-333", "-", {0, RelativePosition.FromEnd})', '"111-222"'],
    ['Text.BeforeDelimiter("111-222-333", "-", {5, RelativePosition.FromEnd})', '""'],
    ['Text.BeforeDelimiter("111", "-")', '"111"'],
    ['Text.BetweenDelimiters("111 (222) 333 (444)", "(", ")")', '"222"'],
    ['Text.BetweenDelimiters("111 (222) 333 (444)", "(", ")", 1, 0)', '"444"'],
    [
      'Text.BetweenDelimiters("111 (222) 333 (444)", "(", ")", {1, RelativePosition.FromEnd}, {1, RelativePosition.FromStart})',
      '"222) 333 (444"',
    ],
    [
      'Text.BetweenDelimiters("a[b]c[d]e", "[", "]", {0, RelativePosition.FromEnd}, {0, RelativePosition.FromEnd})',
      '"c"',
    ],
    ['Text.BetweenDelimiters("no delimiters", "(", ")")', '""'],
    [
      'Text.AfterDelimiter("a-b", "-", "x")',
      'error [Expression.Error] The delimiter index must be a number, or a list of a number and a RelativePosition value.',
    ],
    [
      'Text.AfterDelimiter("a-b", "-", {0, 2})',
      'error [Expression.Error] The delimiter index must be a number, or a list of a number and a RelativePosition value.',
    ],
    [
      'Text.AfterDelimiter("a-b", "-", -1)',
      'error [Expression.Error] The delimiter index must be a whole number, 0 or more.',
    ],
    ['Text.BeforeDelimiter("a-b", "")', 'error [Expression.Error] The delimiter cannot be empty.'],
    ['RelativePosition.FromStart', '0'],
    ['RelativePosition.FromEnd', '1'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

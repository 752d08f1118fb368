import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Value.FromText', () => {
  it.each([
    ['Value.FromText("12345.6789")', '12345.6789'],
    ['Value.FromText("25.4%")', '0.254'],
    ['Value.FromText("€1,190", "fr-FR")', '1.19'],
    ['Value.FromText("24 Dez 2024 14:33:20", "de-DE")', '#datetime(2024, 12, 24, 14, 33, 20)'],
    ['Value.FromText("")', 'null'],
    ['Value.FromText(null)', 'null'],
    ['Value.FromText("true")', 'true'],
    ['Value.FromText("FALSE")', 'false'],
    ['Value.FromText("hello")', '"hello"'],
    ['Value.FromText("1,234")', '1234'],
    ['Value.FromText("1,234", "de-DE")', '1.234'],
    ['Value.FromText("2024-01-31")', '#datetime(2024, 1, 31, 0, 0, 0)'],
    ['Value.FromText("2024-01-31T10:00:00+02:00")', '#datetimezone(2024, 1, 31, 10, 0, 0, 2, 0)'],
    ['Value.FromText("1/31/2024 10:00 PM")', '#datetime(2024, 1, 31, 22, 0, 0)'],
    ['Value.FromText("1.02:03:04")', '#duration(1, 2, 3, 4)'],
    ['Value.FromText("10:30")', '#duration(0, 10, 30, 0)'],
    ['Value.FromText(" 42 ")', '42'],
    ['Value.FromText(42)', 'error [Expression.Error] We cannot convert the value 42 to type Text.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Value.FromText("2,5")', 'de-DE', '2.5'],
    ['Value.FromText("2,5")', 'fr-FR', '2.5'],
    ['Value.FromText("31/12/2024")', 'fr-FR', '#datetime(2024, 12, 31, 0, 0, 0)'],
    ['Value.FromText("31.12.2024 08:00")', 'de-DE', '#datetime(2024, 12, 31, 8, 0, 0)'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('integer conversions', () => {
  it.each([
    ['Int64.From("4")', '4'],
    ['Int64.From("4.5", null, RoundingMode.AwayFromZero)', '5'],
    ['Int64.From(4.5)', '4'],
    ['Int64.From(5.5)', '6'],
    ['Int64.From(-4.5)', '-4'],
    ['Int64.From(4.5, null, RoundingMode.Up)', '5'],
    ['Int64.From(-4.5, null, RoundingMode.Down)', '-5'],
    ['Int64.From(4.5, null, RoundingMode.TowardZero)', '4'],
    ['Int64.From(4.4, null, RoundingMode.AwayFromZero)', '4'],
    ['Int64.From(null)', 'null'],
    ['Int64.From("")', 'null'],
    ['Int64.From(true)', '1'],
    ['Int64.From("1,5", "de-DE")', '2'],
    ['Int64.From(#date(1900, 1, 1))', '2'],
    ['Int64.From("abc")', "error [DataFormat.Error] We couldn't convert to Number."],
    [
      'Int64.From(1e19)',
      'error [Expression.Error] Value was either too large or too small for an Int64.',
    ],
    [
      'Int64.From(#nan)',
      'error [Expression.Error] Value was either too large or too small for an Int64.',
    ],
    ['Int32.From("4")', '4'],
    ['Int32.From("4.5", null, RoundingMode.AwayFromZero)', '5'],
    ['Int32.From(2147483647)', '2147483647'],
    [
      'Int32.From(2147483648)',
      'error [Expression.Error] Value was either too large or too small for an Int32.',
    ],
    ['Int16.From("4.5", null, RoundingMode.AwayFromZero)', '5'],
    ['Int16.From(-32768)', '-32768'],
    [
      'Int16.From(32768)',
      'error [Expression.Error] Value was either too large or too small for an Int16.',
    ],
    ['Int8.From("4")', '4'],
    ['Int8.From("4.5", null, RoundingMode.AwayFromZero)', '5'],
    [
      'Int8.From(-129)',
      'error [Expression.Error] Value was either too large or too small for a signed byte.',
    ],
    ['Byte.From("4")', '4'],
    ['Byte.From("4.5", null, RoundingMode.AwayFromZero)', '5'],
    ['Byte.From(255.4)', '255'],
    [
      'Byte.From(256)',
      'error [Expression.Error] Value was either too large or too small for an unsigned byte.',
    ],
    [
      'Byte.From(-1)',
      'error [Expression.Error] Value was either too large or too small for an unsigned byte.',
    ],
    [
      'Byte.From({})',
      'error [Expression.Error] We cannot convert the value of type List to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('other number conversions', () => {
  it.each([
    ['Single.From("1.5")', '1.5'],
    [
      'Single.From(1e39)',
      'error [Expression.Error] Value was either too large or too small for a Single.',
    ],
    ['Single.From(1/0)', '#infinity'],
    ['Double.From("4.5")', '4.5'],
    ['Double.From(1e300)', '1e+300'],
    ['Double.From(null)', 'null'],
    ['Decimal.From("4.5")', '4.5'],
    [
      'Decimal.From(1e30)',
      'error [Expression.Error] Value was either too large or too small for a Decimal.',
    ],
    [
      'Decimal.From(#nan)',
      'error [Expression.Error] Value was either too large or too small for a Decimal.',
    ],
    ['Currency.From("1.23455")', '1.2346'],
    ['Currency.From("1.23455", "en-US", RoundingMode.Down)', '1.2345'],
    ['Currency.From(1.23445)', '1.2344'],
    ['Currency.From(-1.23445, null, RoundingMode.AwayFromZero)', '-1.2345'],
    ['Currency.From("1,5", "de-DE")', '1.5'],
    [
      'Currency.From(1e16)',
      'error [Expression.Error] Value was either too large or too small for a Currency.',
    ],
    ['Percentage.From("12.3%")', '0.123'],
    ['Percentage.From("12,5 %", "fr-FR")', '0.125'],
    ['Percentage.From(0.5)', '0.5'],
    ['Percentage.From(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('number facet types and enumerations', () => {
  it.each([
    ['Int64.Type', 'Int64.Type'],
    ['Int32.Type', 'Int32.Type'],
    ['Int16.Type', 'Int16.Type'],
    ['Int8.Type', 'Int8.Type'],
    ['Byte.Type', 'Byte.Type'],
    ['Single.Type', 'Single.Type'],
    ['Double.Type', 'Double.Type'],
    ['Decimal.Type', 'Decimal.Type'],
    ['Currency.Type', 'Currency.Type'],
    ['Percentage.Type', 'Percentage.Type'],
    ['Guid.Type', 'Guid.Type'],
    ['Int64.Type = type number', 'true'],
    ['Guid.Type = type text', 'true'],
    ['Value.Is(1, Int64.Type)', 'true'],
    ['Value.Is(1.5, Int64.Type)', 'true'],
    ['Value.Is("a", Int64.Type)', 'false'],
    ['type nullable Int64.Type', 'type nullable Int64.Type'],
    ['Value.Type(Int64.From(1))', 'type number'],
    ['RoundingMode.Up', '0'],
    ['RoundingMode.Down', '1'],
    ['RoundingMode.AwayFromZero', '2'],
    ['RoundingMode.TowardZero', '3'],
    ['RoundingMode.ToEven', '4'],
    ['RoundingMode.Type', 'type number'],
    ['Precision.Double', '0'],
    ['Precision.Decimal', '1'],
    ['Precision.Type', 'type number'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('gives each facet type its documented function type', () => {
    expect(m('Type.FunctionParameters(Value.Type(Int64.From))')).toBe(
      '[value = type any, culture = type nullable text, roundingMode = type nullable number]',
    );
    expect(m('Type.FunctionParameters(Value.Type(Double.From))')).toBe(
      '[value = type any, culture = type nullable text]',
    );
  });
});

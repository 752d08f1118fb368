import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Time parts and boundaries', () => {
  it.each([
    ['Time.Hour(#datetime(2011, 12, 31, 9, 15, 36))', '9'],
    ['Time.Hour(#time(23, 0, 0))', '23'],
    ['Time.Hour(#datetimezone(2011, 12, 31, 9, 15, 36, -7, 0))', '9'],
    ['Time.Minute(#datetime(2011, 12, 31, 9, 15, 36))', '15'],
    ['Time.Second(#datetime(2011, 12, 31, 9, 15, 36.5))', '36.5'],
    ['Time.Second(#time(0, 0, 0.0000001))', '1e-7'],
    ['Time.Hour(null)', 'null'],
    [
      'Time.Hour(#date(2011, 1, 1))',
      'error [Expression.Error] We cannot convert the value of type Date to type Time.',
    ],
    ['Time.StartOfHour(#datetime(2011, 10, 10, 8, 10, 32))', '#datetime(2011, 10, 10, 8, 0, 0)'],
    ['Time.StartOfHour(#time(8, 10, 32))', '#time(8, 0, 0)'],
    [
      'Time.StartOfHour(#datetimezone(2011, 10, 10, 8, 10, 32, 5, 30))',
      '#datetimezone(2011, 10, 10, 8, 0, 0, 5, 30)',
    ],
    [
      'Time.EndOfHour(#datetime(2011, 5, 14, 17, 0, 0))',
      '#datetime(2011, 5, 14, 17, 59, 59.9999999)',
    ],
    [
      'Time.EndOfHour(#datetimezone(2011, 5, 17, 5, 0, 0, -7, 0))',
      '#datetimezone(2011, 5, 17, 5, 59, 59.9999999, -7, 0)',
    ],
    ['Time.EndOfHour(#time(5, 30, 0))', '#time(5, 59, 59.9999999)'],
    ['Time.EndOfHour(null)', 'null'],
    ['Time.ToRecord(#time(11, 56, 2))', '[Hour = 11, Minute = 56, Second = 2]'],
    ['Time.ToRecord(#time(11, 56, 2.25))', '[Hour = 11, Minute = 56, Second = 2.25]'],
    [
      'Time.ToRecord(null)',
      'error [Expression.Error] We cannot convert the value null to type Time.',
    ],
    ['Time.Type', 'type time'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Time conversion', () => {
  it.each([
    ['Time.From(0.7575)', '#time(18, 10, 48)'],
    ['Time.From(0)', '#time(0, 0, 0)'],
    ['Time.From(0.5)', '#time(12, 0, 0)'],
    ['Time.From(#datetime(1899, 12, 30, 06, 45, 12))', '#time(6, 45, 12)'],
    ['Time.From(#datetimezone(2020, 1, 1, 6, 45, 12, 2, 0))', '#time(4, 45, 12)'],
    ['Time.From("10:12:31")', '#time(10, 12, 31)'],
    ['Time.From(#time(1, 2, 3))', '#time(1, 2, 3)'],
    ['Time.From(null)', 'null'],
    [
      'Time.From(1)',
      'error [Expression.Error] The number must be from 0 to less than 1 to be a time of day.',
    ],
    [
      'Time.From(-0.5)',
      'error [Expression.Error] The number must be from 0 to less than 1 to be a time of day.',
    ],
    [
      'Time.From(#date(2020, 1, 1))',
      'error [Expression.Error] We cannot convert the value of type Date to type Time.',
    ],
    ['Time.FromText("10:12:31am")', '#time(10, 12, 31)'],
    ['Time.FromText("10:12:31 PM")', '#time(22, 12, 31)'],
    ['Time.FromText("12:00 AM")', '#time(0, 0, 0)'],
    ['Time.FromText("12:30 PM")', '#time(12, 30, 0)'],
    ['Time.FromText("10am")', '#time(10, 0, 0)'],
    ['Time.FromText("1012")', '#time(10, 12, 0)'],
    ['Time.FromText("10")', '#time(10, 0, 0)'],
    ['Time.FromText("101231")', '#time(10, 12, 31)'],
    ['Time.FromText("23:59:59.9999999")', '#time(23, 59, 59.9999999)'],
    ['Time.FromText("2010-12-31T01:30:00")', '#time(1, 30, 0)'],
    ['Time.FromText(null)', 'null'],
    [
      'Time.FromText("25:00")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Time value.",
    ],
    [
      'Time.FromText("13:00 PM")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Time value.",
    ],
    [
      'Time.FromText("2460")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Time value.",
    ],
    [
      'Time.FromText("later")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Time value.",
    ],
    ['Time.FromText("1030", [Format = "HHmm"])', '#time(10, 30, 0)'],
    ['Time.FromText("10.30.15", [Format = "HH.mm.ss"])', '#time(10, 30, 15)'],
    ['Time.FromText("07:05 PM", [Format = "hh:mm tt"])', '#time(19, 5, 0)'],
    ['Time.FromText("7:05 P", [Format = "h:mm t"])', '#time(19, 5, 0)'],
    ['Time.FromText("14:30", [Format = "t", Culture = "de-DE"])', '#time(14, 30, 0)'],
    ['Time.FromText("2:30 PM", [Format = "t", Culture = "en-US"])', '#time(14, 30, 0)'],
    [
      'Time.FromText("14:30:05,25", [Format = "HH:mm:ss,ff", Culture = "fr-FR"])',
      '#time(14, 30, 5.25)',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Time.FromText("14:30:15")', 'de-DE', '#time(14, 30, 15)'],
    ['Time.FromText("14:30:15,5")', 'fr-FR', '#time(14, 30, 15.5)'],
    ['Time.From("2:30 PM")', 'en-US', '#time(14, 30, 0)'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('Time.ToText', () => {
  it.each([
    ['Time.ToText(#time(11, 56, 2))', '"11:56 AM"'],
    ['Time.ToText(#time(23, 5, 0))', '"11:05 PM"'],
    ['Time.ToText(#time(0, 5, 0))', '"12:05 AM"'],
    ['Time.ToText(#time(11, 56, 2), [Format="hh:mm", Culture="de-DE"])', '"11:56"'],
    ['Time.ToText(#time(11, 56, 2), [Format="T", Culture="de-DE"])', '"11:56:02"'],
    ['Time.ToText(#time(11, 56, 2), [Format="T"])', '"11:56:02 AM"'],
    ['Time.ToText(#time(13, 56, 2), [Format="t", Culture=""])', '"13:56"'],
    ['Time.ToText(#time(13, 56, 2), [Format="h:m:s t"])', '"1:56:2 P"'],
    ['Time.ToText(#time(13, 56, 2.1234567), "HH:mm:ss.fffffff")', '"13:56:02.1234567"'],
    ['Time.ToText(#time(13, 56, 2.1234567), "ss.ff")', '"02.12"'],
    ['Time.ToText(#time(13, 56, 2.5), "ss.FFF")', '"02.5"'],
    ['Time.ToText(#time(13, 56, 2), "ss.FFF")', '"02"'],
    [
      'Time.ToText(#time(13, 56, 2), "ss.ffffffff")',
      'error [Expression.Error] Format specifier was invalid.',
    ],
    ['Time.ToText(#time(13, 56, 2), "HH:mm", "fr-FR")', '"13:56"'],
    ['Time.ToText(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Time.ToText(#time(13, 5, 0))', 'de-DE', '"13:05"'],
    ['Time.ToText(#time(13, 5, 0))', 'fr-FR', '"13:05"'],
    ['Time.ToText(#time(13, 5, 0), "T")', 'en-GB', '"13:05:00"'],
    ['Time.ToText(#time(13, 5, 0), "hh:mm tt")', 'de-DE', '"01:05 "'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

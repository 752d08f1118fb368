import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('DateTime clock, parts and zones', () => {
  it.each([
    ['DateTime.LocalNow()', '#datetime(2024, 1, 31, 13, 5, 0)'],
    ['DateTime.FixedLocalNow()', '#datetime(2024, 1, 31, 13, 5, 0)'],
    ['DateTime.LocalNow() = DateTime.FixedLocalNow()', 'true'],
    ['DateTime.Date(#datetime(2010, 12, 31, 11, 56, 02))', '#date(2010, 12, 31)'],
    ['DateTime.Date(#datetimezone(2010, 12, 31, 23, 56, 02, -8, 0))', '#date(2010, 12, 31)'],
    ['DateTime.Date(#date(2010, 12, 31))', '#date(2010, 12, 31)'],
    ['DateTime.Date(null)', 'null'],
    [
      'DateTime.Date(1)',
      'error [Expression.Error] We cannot convert the value 1 to type DateTime.',
    ],
    ['DateTime.Time(#datetime(2010, 12, 31, 11, 56, 02))', '#time(11, 56, 2)'],
    ['DateTime.Time(#datetimezone(2010, 12, 31, 11, 56, 02, 3, 0))', '#time(11, 56, 2)'],
    ['DateTime.Time(null)', 'null'],
    [
      'DateTime.AddZone(#datetime(2010, 12, 31, 11, 56, 02), 7, 30)',
      '#datetimezone(2010, 12, 31, 11, 56, 2, 7, 30)',
    ],
    [
      'DateTime.AddZone(#datetime(2010, 12, 31, 11, 56, 02), -8)',
      '#datetimezone(2010, 12, 31, 11, 56, 2, -8, 0)',
    ],
    ['DateTime.AddZone(null, 1)', 'null'],
    [
      'DateTime.AddZone(#datetime(2010, 12, 31, 11, 56, 02), 15)',
      'error [Expression.Error] The offset must be whole minutes within 14 hours of UTC.',
    ],
    [
      'DateTime.ToRecord(#datetime(2011, 12, 31, 11, 56, 2))',
      '[Year = 2011, Month = 12, Day = 31, Hour = 11, Minute = 56, Second = 2]',
    ],
    [
      'DateTime.ToRecord(#datetime(2011, 12, 31, 11, 56, 2.5))',
      '[Year = 2011, Month = 12, Day = 31, Hour = 11, Minute = 56, Second = 2.5]',
    ],
    ['DateTime.FromFileTime(129876402529842240)', '#datetime(2012, 7, 24, 21, 50, 52.984224)'],
    ['DateTime.FromFileTime(0)', '#datetime(1601, 1, 1, 0, 0, 0)'],
    ['DateTime.FromFileTime(null)', 'null'],
    [
      'DateTime.FromFileTime(-1)',
      'error [Expression.Error] The file time must be a whole number that is not negative.',
    ],
    ['DateTime.Type', 'type datetime'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('reads the local time zone of the evaluation', () => {
    const pacific = { timeZoneOffsetMinutes: -7 * 60 };
    expect(m('DateTime.LocalNow()', pacific)).toBe('#datetime(2024, 1, 31, 6, 5, 0)');
    expect(m('DateTime.FromFileTime(129876402529842240)', pacific)).toBe(
      '#datetime(2012, 7, 24, 14, 50, 52.984224)',
    );
    expect(m('DateTime.From(#datetimezone(2024, 1, 31, 13, 5, 0, 0, 0))', pacific)).toBe(
      '#datetime(2024, 1, 31, 6, 5, 0)',
    );
  });
});

describe('DateTime conversion', () => {
  it.each([
    ['DateTime.From(#time(06, 45, 12))', '#datetime(1899, 12, 30, 6, 45, 12)'],
    ['DateTime.From(#date(1975, 4, 4))', '#datetime(1975, 4, 4, 0, 0, 0)'],
    ['DateTime.From(43910.25)', '#datetime(2020, 3, 20, 6, 0, 0)'],
    ['DateTime.From(-1.25)', '#datetime(1899, 12, 29, 6, 0, 0)'],
    ['DateTime.From(2.25)', '#datetime(1900, 1, 1, 6, 0, 0)'],
    ['DateTime.From(#datetimezone(2020, 3, 20, 6, 0, 0, 2, 0))', '#datetime(2020, 3, 20, 4, 0, 0)'],
    ['DateTime.From("2010-12-31T01:30:25")', '#datetime(2010, 12, 31, 1, 30, 25)'],
    ['DateTime.From(null)', 'null'],
    ['DateTime.From("")', 'null'],
    [
      'DateTime.From(true)',
      'error [Expression.Error] We cannot convert the value true to type DateTime.',
    ],
    ['DateTime.From(3e6)', 'error [Expression.Error] Not a legal OleAut date.'],
    ['DateTime.FromText("2010-12-31T01:30:25")', '#datetime(2010, 12, 31, 1, 30, 25)'],
    ['DateTime.FromText("2023-02-26 18:57")', '#datetime(2023, 2, 26, 18, 57, 0)'],
    ['DateTime.FromText("2023-02-02 0:06")', '#datetime(2023, 2, 2, 0, 6, 0)'],
    ['DateTime.FromText("2010-12-31")', '#datetime(2010, 12, 31, 0, 0, 0)'],
    [
      'DateTime.FromText("2010-12-31T01:30:25.1234567")',
      '#datetime(2010, 12, 31, 1, 30, 25.1234567)',
    ],
    ['DateTime.FromText("2010-12-31T01:30:25Z")', '#datetime(2010, 12, 31, 1, 30, 25)'],
    ['DateTime.FromText("2010-12-31T01:30:00-08:00")', '#datetime(2010, 12, 31, 9, 30, 0)'],
    ['DateTime.FromText("12/31/2010 1:30:25 PM")', '#datetime(2010, 12, 31, 13, 30, 25)'],
    ['DateTime.FromText("12/31/2010 13:30")', '#datetime(2010, 12, 31, 13, 30, 0)'],
    ['DateTime.FromText("Dec 31, 2010 1:30 am")', '#datetime(2010, 12, 31, 1, 30, 0)'],
    ['DateTime.FromText("13:30")', '#datetime(2024, 1, 31, 13, 30, 0)'],
    ['DateTime.FromText(null)', 'null'],
    [
      'DateTime.FromText("2010-12-31 25:00")',
      "error [DataFormat.Error] We couldn't parse the input provided as a DateTime value.",
    ],
    [
      'DateTime.FromText("30 Dez 2010 02:04:50.369730", [Format="dd MMM yyyy HH:mm:ss.ffffff", Culture="de-DE"])',
      '#datetime(2010, 12, 30, 2, 4, 50.36973)',
    ],
    [
      'DateTime.FromText("2000-02-08T03:45:12Z", [Format="yyyy-MM-dd\'T\'HH:mm:ss\'Z\'", Culture="en-US"])',
      '#datetime(2000, 2, 8, 3, 45, 12)',
    ],
    [
      'DateTime.FromText("20101231T013000", [Format="yyyyMMdd\'T\'HHmmss", Culture="en-US"])',
      '#datetime(2010, 12, 31, 1, 30, 0)',
    ],
    [
      'DateTime.FromText("2024-04-10T06:30:00", [Format = "s"])',
      '#datetime(2024, 4, 10, 6, 30, 0)',
    ],
    [
      'DateTime.FromText("2024-04-10T06:30:00.5000000", [Format = "o"])',
      '#datetime(2024, 4, 10, 6, 30, 0.5)',
    ],
    [
      'DateTime.FromText("4/10/2024 6:30:00 AM", [Format = "G"])',
      '#datetime(2024, 4, 10, 6, 30, 0)',
    ],
    [
      'DateTime.FromText("10.04.2024 06:30", [Format = "g", Culture = "de-DE"])',
      '#datetime(2024, 4, 10, 6, 30, 0)',
    ],
    [
      'DateTime.FromText("10/04/2024 06:30", [Format = "g", Culture = "de-DE"])',
      "error [DataFormat.Error] We couldn't parse the input provided as a DateTime value.",
    ],
    [
      'DateTime.FromText("2024-04-10", [Format = "yyyy-MM-dd HH:mm"])',
      "error [DataFormat.Error] We couldn't parse the input provided as a DateTime value.",
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['DateTime.FromText("31.12.2010 14:30")', 'de-DE', '#datetime(2010, 12, 31, 14, 30, 0)'],
    [
      'DateTime.FromText("31/12/2010 14:30:15,5")',
      'fr-FR',
      '#datetime(2010, 12, 31, 14, 30, 15.5)',
    ],
    ['DateTime.FromText("31 décembre 2010 08:00")', 'fr-FR', '#datetime(2010, 12, 31, 8, 0, 0)'],
    ['DateTime.From("24 Dez 2024 14:33:20")', 'de-DE', '#datetime(2024, 12, 24, 14, 33, 20)'],
    ['DateTime.FromText("12/31/2010 1:30 PM")', 'en-US', '#datetime(2010, 12, 31, 13, 30, 0)'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('DateTime.ToText', () => {
  it.each([
    ['DateTime.ToText(#datetime(2010, 12, 31, 01, 30, 25))', '"12/31/2010 1:30:25 AM"'],
    [
      'DateTime.ToText(#datetime(2010, 12, 30, 2, 4, 50.36973), [Format="dd MMM yyyy HH:mm:ss.ffffff", Culture="de-DE"])',
      '"30 Dez 2010 02:04:50.369730"',
    ],
    [
      'DateTime.ToText(#datetime(2000, 2, 8, 3, 45, 12),[Format="yyyy-MM-dd\'T\'HH:mm:ss\'Z\'", Culture="en-US"])',
      '"2000-02-08T03:45:12Z"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "f", Culture = "en-US"])',
      '"Wednesday, April 10, 2024 6:30 AM"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "f", Culture = "fr-FR"])',
      '"mercredi 10 avril 2024 06:30"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "F", Culture = ""])',
      '"Wednesday, 10 April 2024 06:30:00"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "F", Culture = "en-US"])',
      '"Wednesday, April 10, 2024 6:30:00 AM"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "F", Culture = "de-DE"])',
      '"Mittwoch, 10. April 2024 06:30:00"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "g", Culture = ""])',
      '"04/10/2024 06:30"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "g", Culture = "en-US"])',
      '"4/10/2024 6:30 AM"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "G", Culture = ""])',
      '"04/10/2024 06:30:00"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "G", Culture = "en-US"])',
      '"4/10/2024 6:30:00 AM"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "m", Culture = ""])',
      '"April 10"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "M", Culture = "de-DE"])',
      '"10. April"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "Y", Culture = ""])',
      '"2024 April"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "Y", Culture = "en-US"])',
      '"April 2024"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "y", Culture = "fr-FR"])',
      '"avril 2024"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "s", Culture = "en-US"])',
      '"2024-04-10T06:30:00"',
    ],
    ['DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "u"])', '"2024-04-10 06:30:00Z"'],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "r"])',
      '"Wed, 10 Apr 2024 06:30:00 GMT"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "o"])',
      '"2024-04-10T06:30:00.0000000"',
    ],
    ['DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "t", Culture = ""])', '"06:30"'],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), [Format = "T", Culture = "en-US"])',
      '"6:30:00 AM"',
    ],
    [
      'DateTime.ToText(#datetime(2024, 4, 10, 6, 30, 0), "yyyy-MM-ddThh:mm:ss.fff")',
      '"2024-04-10T06:30:00.000"',
    ],
    ['DateTime.ToText(#datetime(2024, 4, 10, 18, 30, 0), "h ""h"" mm \'m\'")', '"6 h 30 m"'],
    ['DateTime.ToText(#datetime(2024, 4, 10, 18, 30, 0), "zzz|K")', '"+00:00|"'],
    ['DateTime.ToText(#datetime(2024, 4, 10, 18, 30, 0), "dd/MM/yyyy", "de-DE")', '"10.04.2024"'],
    ['DateTime.ToText(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['DateTime.ToText(#datetime(2010, 12, 31, 13, 5, 0))', 'de-DE', '"31.12.2010 13:05:00"'],
    ['DateTime.ToText(#datetime(2010, 12, 31, 13, 5, 0))', 'fr-FR', '"31/12/2010 13:05:00"'],
    ['DateTime.ToText(#datetime(2010, 12, 31, 13, 5, 0))', 'en-GB', '"31/12/2010 13:05:00"'],
    ['DateTime.ToText(#datetime(2010, 12, 31, 13, 5, 0), "zz")', 'en-US', '"+00"'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });

  it('writes z for a datetime with the local offset', () => {
    expect(
      m('DateTime.ToText(#datetime(2010, 12, 31, 13, 5, 0), "z zz zzz")', {
        timeZoneOffsetMinutes: -450,
      }),
    ).toBe('"-7 -07 -07:30"');
  });
});

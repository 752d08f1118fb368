import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('DateTimeZone clock and zones', () => {
  it.each([
    ['DateTimeZone.UtcNow()', '#datetimezone(2024, 1, 31, 13, 5, 0, 0, 0)'],
    ['DateTimeZone.FixedUtcNow()', '#datetimezone(2024, 1, 31, 13, 5, 0, 0, 0)'],
    ['DateTimeZone.LocalNow()', '#datetimezone(2024, 1, 31, 13, 5, 0, 0, 0)'],
    ['DateTimeZone.FixedLocalNow()', '#datetimezone(2024, 1, 31, 13, 5, 0, 0, 0)'],
    [
      'DateTimeZone.RemoveZone(#datetimezone(2011, 12, 31, 9, 15, 36, -7, 0))',
      '#datetime(2011, 12, 31, 9, 15, 36)',
    ],
    ['DateTimeZone.RemoveZone(null)', 'null'],
    [
      'DateTimeZone.SwitchZone(#datetimezone(2010, 12, 31, 11, 56, 02, 7, 30), 8)',
      '#datetimezone(2010, 12, 31, 12, 26, 2, 8, 0)',
    ],
    [
      'DateTimeZone.SwitchZone(#datetimezone(2010, 12, 31, 11, 56, 02, 7, 30), 0, -30)',
      '#datetimezone(2010, 12, 31, 3, 56, 2, 0, -30)',
    ],
    [
      'DateTimeZone.SwitchZone(#datetimezone(2010, 12, 31, 23, 0, 0, 0, 0), 2)',
      '#datetimezone(2011, 1, 1, 1, 0, 0, 2, 0)',
    ],
    ['DateTimeZone.SwitchZone(null, 1)', 'null'],
    [
      'DateTimeZone.SwitchZone(#datetime(2010, 12, 31, 23, 0, 0), 2)',
      'error [Expression.Error] We cannot convert the value of type DateTime to type DateTimeZone.',
    ],
    [
      'DateTimeZone.ToUtc(#datetimezone(2010, 12, 31, 11, 56, 02, 7, 30))',
      '#datetimezone(2010, 12, 31, 4, 26, 2, 0, 0)',
    ],
    [
      'DateTimeZone.ToLocal(#datetimezone(2010, 12, 31, 11, 56, 02, 7, 30))',
      '#datetimezone(2010, 12, 31, 4, 26, 2, 0, 0)',
    ],
    ['DateTimeZone.ZoneHours(#datetimezone(2024, 4, 28, 13, 24, 22, 7, 30))', '7'],
    ['DateTimeZone.ZoneMinutes(#datetimezone(2024, 4, 28, 13, 24, 22, 7, 30))', '30'],
    ['DateTimeZone.ZoneHours(#datetimezone(2024, 4, 28, 13, 24, 22, -3, -30))', '-3'],
    ['DateTimeZone.ZoneMinutes(#datetimezone(2024, 4, 28, 13, 24, 22, -3, -30))', '-30'],
    ['DateTimeZone.ZoneHours(null)', 'null'],
    [
      'DateTimeZone.ToRecord(#datetimezone(2011, 12, 31, 11, 56, 2, 8, 0))',
      '[Year = 2011, Month = 12, Day = 31, Hour = 11, Minute = 56, Second = 2, ZoneHours = 8, ZoneMinutes = 0]',
    ],
    [
      'DateTimeZone.FromFileTime(129876402529842240)',
      '#datetimezone(2012, 7, 24, 21, 50, 52.984224, 0, 0)',
    ],
    ['DateTimeZone.FromFileTime(null)', 'null'],
    ['DateTimeZone.Type', 'type datetimezone'],
    ['TimeZone.Current', '"UTC"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('names the time zone of the evaluation in TimeZone.Current', () => {
    expect(m('TimeZone.Current', { timeZoneOffsetMinutes: 330 })).toBe('"UTC+05:30"');
    expect(m('TimeZone.Current', { timeZoneOffsetMinutes: -480 })).toBe('"UTC-08:00"');
  });

  it('uses the local offset of the evaluation', () => {
    const pacific = { timeZoneOffsetMinutes: -8 * 60 };
    expect(m('DateTimeZone.LocalNow()', pacific)).toBe(
      '#datetimezone(2024, 1, 31, 5, 5, 0, -8, 0)',
    );
    expect(m('DateTimeZone.UtcNow()', pacific)).toBe('#datetimezone(2024, 1, 31, 13, 5, 0, 0, 0)');
    expect(m('DateTimeZone.ToLocal(#datetimezone(2010, 12, 31, 11, 56, 02, 7, 30))', pacific)).toBe(
      '#datetimezone(2010, 12, 30, 20, 26, 2, -8, 0)',
    );
    expect(
      m('DateTimeZone.FromFileTime(129876402529842240)', { timeZoneOffsetMinutes: -7 * 60 }),
    ).toBe('#datetimezone(2012, 7, 24, 14, 50, 52.984224, -7, 0)');
    expect(m('DateTimeZone.From(#datetime(2020, 1, 1, 0, 0, 0))', pacific)).toBe(
      '#datetimezone(2020, 1, 1, 0, 0, 0, -8, 0)',
    );
  });
});

describe('DateTimeZone conversion', () => {
  it.each([
    [
      'DateTimeZone.From("2020-10-30T01:30:00-08:00")',
      '#datetimezone(2020, 10, 30, 1, 30, 0, -8, 0)',
    ],
    [
      'DateTimeZone.From("13 de agosto de 2025 15:43:00 -03:00", "pt-BR")',
      '#datetimezone(2025, 8, 13, 15, 43, 0, -3, 0)',
    ],
    ['DateTimeZone.From(45658.5)', '#datetimezone(2025, 1, 1, 12, 0, 0, 0, 0)'],
    ['DateTimeZone.From(#date(2025, 1, 1))', '#datetimezone(2025, 1, 1, 0, 0, 0, 0, 0)'],
    ['DateTimeZone.From(#time(6, 0, 0))', '#datetimezone(1899, 12, 30, 6, 0, 0, 0, 0)'],
    ['DateTimeZone.From(null)', 'null'],
    [
      'DateTimeZone.From(true)',
      'error [Expression.Error] We cannot convert the value true to type DateTimeZone.',
    ],
    [
      'DateTimeZone.FromText("2010-12-31T01:30:00-08:00")',
      '#datetimezone(2010, 12, 31, 1, 30, 0, -8, 0)',
    ],
    [
      'DateTimeZone.FromText("2010-12-31T01:30:00+0530")',
      '#datetimezone(2010, 12, 31, 1, 30, 0, 5, 30)',
    ],
    [
      'DateTimeZone.FromText("2010-12-31T01:30:00Z")',
      '#datetimezone(2010, 12, 31, 1, 30, 0, 0, 0)',
    ],
    ['DateTimeZone.FromText("2010-12-31T01:30:00")', '#datetimezone(2010, 12, 31, 1, 30, 0, 0, 0)'],
    [
      'DateTimeZone.FromText("12/31/2010 1:30:25 AM +02:00")',
      '#datetimezone(2010, 12, 31, 1, 30, 25, 2, 0)',
    ],
    [
      'DateTimeZone.FromText("30 Dez 2010 02:04:50.369730 +02:00", [Format="dd MMM yyyy HH:mm:ss.ffffff zzz", Culture="de-DE"])',
      '#datetimezone(2010, 12, 30, 2, 4, 50.36973, 2, 0)',
    ],
    [
      'DateTimeZone.FromText("2009-06-15T13:45:30.0000000-07:00", [Format="O", Culture="en-US"])',
      '#datetimezone(2009, 6, 15, 13, 45, 30, -7, 0)',
    ],
    [
      'DateTimeZone.FromText("2010-12-31T01:30:00+15:00")',
      "error [DataFormat.Error] We couldn't parse the input provided as a DateTimeZone value.",
    ],
    ['DateTimeZone.FromText(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    [
      'DateTimeZone.FromText("31.12.2010 01:30 +01:00")',
      'de-DE',
      '#datetimezone(2010, 12, 31, 1, 30, 0, 1, 0)',
    ],
    [
      'DateTimeZone.FromText("31/12/2010 01:30 -05:00")',
      'fr-FR',
      '#datetimezone(2010, 12, 31, 1, 30, 0, -5, 0)',
    ],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('DateTimeZone.ToText', () => {
  it.each([
    [
      'DateTimeZone.ToText(#datetimezone(2010, 12, 31, 01, 30, 25, 2, 0))',
      '"12/31/2010 1:30:25 AM +02:00"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2010, 12, 30, 2, 4, 50.36973, -8, 0), [Format="dd MMM yyyy HH:mm:ss.ffffff zzz", Culture="de-DE"])',
      '"30 Dez 2010 02:04:50.369730 -08:00"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2000, 2, 8, 3, 45, 12, 2, 0),[Format="O", Culture="en-US"])',
      '"2000-02-08T03:45:12.0000000+02:00"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2024, 4, 10, 6, 30, 0, -7, 0), [Format = "r"])',
      '"Wed, 10 Apr 2024 13:30:00 GMT"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2024, 4, 10, 6, 30, 0, -7, 0), [Format = "u"])',
      '"2024-04-10 13:30:00Z"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2024, 4, 10, 22, 30, 0, -7, 0), [Format = "u"])',
      '"2024-04-11 05:30:00Z"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2024, 4, 10, 6, 30, 0, -7, 0), "yyyy-MM-ddThh:mm:ss.fff:zzz")',
      '"2024-04-10T06:30:00.000:-07:00"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2024, 4, 10, 6, 30, 0, 5, 30), "z|zz|zzz|K")',
      '"+5|+05|+05:30|+05:30"',
    ],
    ['DateTimeZone.ToText(#datetimezone(2024, 4, 10, 6, 30, 0, 0, 0), "%K")', '"+00:00"'],
    [
      'DateTimeZone.ToText(#datetimezone(2024, 4, 10, 6, 30, 0, 0, 0), "K")',
      'error [Expression.Error] Format specifier was invalid.',
    ],
    ['DateTimeZone.ToText(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    [
      'DateTimeZone.ToText(#datetimezone(2010, 12, 31, 13, 30, 25, 2, 0))',
      'de-DE',
      '"31.12.2010 13:30:25 +02:00"',
    ],
    [
      'DateTimeZone.ToText(#datetimezone(2010, 12, 31, 13, 30, 25, 2, 0))',
      'fr-FR',
      '"31/12/2010 13:30:25 +02:00"',
    ],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

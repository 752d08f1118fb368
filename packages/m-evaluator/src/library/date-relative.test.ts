import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

// The test clock is 2024-01-31T13:05:00Z, a Wednesday, in UTC; en-US weeks start on Sunday.

describe('Date.IsIn… against the evaluation clock', () => {
  it.each([
    ['Date.IsInCurrentDay(DateTime.FixedLocalNow())', 'true'],
    ['Date.IsInCurrentDay(#date(2024, 1, 31))', 'true'],
    ['Date.IsInCurrentDay(#datetime(2024, 1, 31, 23, 59, 59))', 'true'],
    ['Date.IsInCurrentDay(#date(2024, 2, 1))', 'false'],
    ['Date.IsInCurrentDay(null)', 'null'],
    [
      'Date.IsInCurrentDay("2024-01-31")',
      'error [Expression.Error] We cannot convert the value "2024-01-31" to type Date.',
    ],
    ['Date.IsInNextDay(Date.AddDays(DateTime.FixedLocalNow(), 1))', 'true'],
    ['Date.IsInNextDay(#date(2024, 1, 31))', 'false'],
    ['Date.IsInPreviousDay(#date(2024, 1, 30))', 'true'],
    ['Date.IsInPreviousDay(Date.AddDays(DateTime.FixedLocalNow(), -1))', 'true'],
    ['Date.IsInNextNDays(Date.AddDays(DateTime.FixedLocalNow(), 1), 2)', 'true'],
    ['Date.IsInNextNDays(#date(2024, 2, 2), 2)', 'true'],
    ['Date.IsInNextNDays(#date(2024, 2, 3), 2)', 'false'],
    ['Date.IsInNextNDays(#date(2024, 1, 31), 2)', 'false'],
    ['Date.IsInPreviousNDays(Date.AddDays(DateTime.FixedLocalNow(), -1), 2)', 'true'],
    ['Date.IsInPreviousNDays(#date(2024, 1, 28), 2)', 'false'],
    ['Date.IsInCurrentWeek(#date(2024, 1, 28))', 'true'],
    ['Date.IsInCurrentWeek(#date(2024, 2, 3))', 'true'],
    ['Date.IsInCurrentWeek(#date(2024, 2, 4))', 'false'],
    ['Date.IsInNextWeek(Date.AddDays(DateTime.FixedLocalNow(), 7))', 'true'],
    ['Date.IsInNextWeek(#date(2024, 2, 4))', 'true'],
    ['Date.IsInPreviousWeek(#date(2024, 1, 27))', 'true'],
    ['Date.IsInPreviousWeek(Date.AddDays(DateTime.FixedLocalNow(), -7))', 'true'],
    ['Date.IsInNextNWeeks(Date.AddDays(DateTime.FixedLocalNow(), 7), 2)', 'true'],
    ['Date.IsInNextNWeeks(#date(2024, 2, 18), 2)', 'false'],
    ['Date.IsInPreviousNWeeks(Date.AddDays(DateTime.FixedLocalNow(), -7), 2)', 'true'],
    ['Date.IsInCurrentMonth(DateTime.FixedLocalNow())', 'true'],
    ['Date.IsInCurrentMonth(#date(2023, 1, 15))', 'false'],
    ['Date.IsInNextMonth(Date.AddMonths(DateTime.FixedLocalNow(), 1))', 'true'],
    ['Date.IsInNextMonth(#date(2024, 2, 29))', 'true'],
    ['Date.IsInPreviousMonth(#date(2023, 12, 1))', 'true'],
    ['Date.IsInNextNMonths(Date.AddMonths(DateTime.FixedLocalNow(), 1), 2)', 'true'],
    ['Date.IsInNextNMonths(#date(2024, 4, 1), 2)', 'false'],
    ['Date.IsInPreviousNMonths(Date.AddMonths(DateTime.FixedLocalNow(), -1), 2)', 'true'],
    ['Date.IsInPreviousNMonths(#date(2023, 11, 30), 2)', 'true'],
    ['Date.IsInCurrentQuarter(#date(2024, 3, 31))', 'true'],
    ['Date.IsInNextQuarter(Date.AddQuarters(DateTime.FixedLocalNow(), 1))', 'true'],
    ['Date.IsInNextQuarter(#date(2024, 4, 1))', 'true'],
    ['Date.IsInPreviousQuarter(#date(2023, 10, 1))', 'true'],
    ['Date.IsInNextNQuarters(Date.AddQuarters(DateTime.FixedLocalNow(), 1), 2)', 'true'],
    ['Date.IsInPreviousNQuarters(Date.AddQuarters(DateTime.FixedLocalNow(), -1), 2)', 'true'],
    ['Date.IsInPreviousNQuarters(#date(2023, 6, 30), 2)', 'false'],
    ['Date.IsInCurrentYear(DateTime.FixedLocalNow())', 'true'],
    ['Date.IsInNextYear(Date.AddYears(DateTime.FixedLocalNow(), 1))', 'true'],
    ['Date.IsInPreviousYear(#date(2023, 12, 31))', 'true'],
    ['Date.IsInNextNYears(Date.AddYears(DateTime.FixedLocalNow(), 1), 2)', 'true'],
    ['Date.IsInPreviousNYears(Date.AddYears(DateTime.FixedLocalNow(), -1), 2)', 'true'],
    ['Date.IsInPreviousNYears(#date(2021, 6, 1), 2)', 'false'],
    ['Date.IsInYearToDate(DateTime.FixedLocalNow())', 'true'],
    ['Date.IsInYearToDate(#date(2024, 1, 1))', 'true'],
    ['Date.IsInYearToDate(#date(2024, 2, 1))', 'false'],
    ['Date.IsInYearToDate(#date(2023, 6, 1))', 'false'],
    ['Date.IsInNextDay(#datetimezone(2024, 1, 31, 23, 0, 0, -5, 0))', 'true'],
    ['Date.IsInCurrentDay(#datetimezone(2024, 2, 1, 1, 0, 0, 2, 0))', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('reads the local time zone of the evaluation', () => {
    const eastOfUtc = { timeZoneOffsetMinutes: 11 * 60 };
    expect(m('Date.IsInCurrentDay(#date(2024, 2, 1))', eastOfUtc)).toBe('true');
    expect(m('Date.IsInCurrentMonth(#date(2024, 2, 1))', eastOfUtc)).toBe('true');
    expect(m('Date.IsInPreviousMonth(#date(2024, 1, 31))', eastOfUtc)).toBe('true');
  });

  it('starts weeks on the culture first day', () => {
    expect(m('Date.IsInCurrentWeek(#date(2024, 1, 28))', { culture: 'en-US' })).toBe('true');
    expect(m('Date.IsInCurrentWeek(#date(2024, 1, 28))', { culture: 'de-DE' })).toBe('false');
    expect(m('Date.IsInPreviousWeek(#date(2024, 1, 28))', { culture: 'fr-FR' })).toBe('true');
  });
});

describe('DateTime.IsIn… against the evaluation clock', () => {
  it.each([
    ['DateTime.IsInCurrentHour(DateTime.FixedLocalNow())', 'true'],
    ['DateTime.IsInCurrentHour(#datetime(2024, 1, 31, 13, 59, 59))', 'true'],
    ['DateTime.IsInCurrentHour(#datetime(2024, 1, 31, 14, 0, 0))', 'false'],
    ['DateTime.IsInCurrentMinute(DateTime.FixedLocalNow())', 'true'],
    ['DateTime.IsInCurrentSecond(DateTime.FixedLocalNow())', 'true'],
    ['DateTime.IsInCurrentSecond(#datetime(2024, 1, 31, 13, 5, 1))', 'false'],
    ['DateTime.IsInNextHour(DateTime.FixedLocalNow() + #duration(0, 1, 0, 0))', 'true'],
    ['DateTime.IsInNextHour(DateTime.FixedLocalNow())', 'false'],
    ['DateTime.IsInNextMinute(DateTime.FixedLocalNow() + #duration(0, 0, 1, 0))', 'true'],
    ['DateTime.IsInNextSecond(DateTime.FixedLocalNow() + #duration(0, 0, 0, 1))', 'true'],
    ['DateTime.IsInNextNHours(DateTime.FixedLocalNow() + #duration(0, 2, 0, 0), 2)', 'true'],
    ['DateTime.IsInNextNHours(DateTime.FixedLocalNow() + #duration(0, 3, 0, 0), 2)', 'false'],
    ['DateTime.IsInNextNMinutes(DateTime.FixedLocalNow() + #duration(0, 0, 2, 0), 2)', 'true'],
    ['DateTime.IsInNextNSeconds(DateTime.FixedLocalNow() + #duration(0, 0, 0, 2), 2)', 'true'],
    ['DateTime.IsInPreviousHour(DateTime.FixedLocalNow() - #duration(0, 1, 0, 0))', 'true'],
    ['DateTime.IsInPreviousMinute(DateTime.FixedLocalNow() - #duration(0, 0, 1, 0))', 'true'],
    ['DateTime.IsInPreviousSecond(DateTime.FixedLocalNow() - #duration(0, 0, 0, 1))', 'true'],
    ['DateTime.IsInPreviousNHours(DateTime.FixedLocalNow() - #duration(0, 2, 0, 0), 2)', 'true'],
    ['DateTime.IsInPreviousNMinutes(DateTime.FixedLocalNow() - #duration(0, 0, 2, 0), 2)', 'true'],
    ['DateTime.IsInPreviousNSeconds(DateTime.FixedLocalNow() - #duration(0, 0, 0, 2), 2)', 'true'],
    ['DateTime.IsInPreviousNSeconds(DateTime.FixedLocalNow(), 2)', 'false'],
    ['DateTime.IsInCurrentHour(#datetimezone(2024, 1, 31, 14, 30, 0, 1, 0))', 'true'],
    ['DateTime.IsInCurrentHour(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

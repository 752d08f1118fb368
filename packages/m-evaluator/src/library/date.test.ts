import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Date parts', () => {
  it.each([
    ['Date.Year(#datetime(2011, 12, 31, 9, 15, 36))', '2011'],
    ['Date.Month(#datetime(2011, 12, 31, 9, 15, 36))', '12'],
    ['Date.Day(#datetime(2011, 5, 14, 17, 0, 0))', '14'],
    ['Date.Day(#datetimezone(2011, 5, 14, 23, 0, 0, -7, 0))', '14'],
    ['Date.Year(null)', 'null'],
    [
      'Date.Year(#time(1, 0, 0))',
      'error [Expression.Error] We cannot convert the value of type Time to type Date.',
    ],
    [
      'Date.Year("2011-01-01")',
      'error [Expression.Error] We cannot convert the value "2011-01-01" to type Date.',
    ],
    ['Date.DayOfYear(#date(2011, 03, 01))', '60'],
    ['Date.DayOfYear(#date(2012, 03, 01))', '61'],
    ['Date.DayOfYear(#date(2012, 12, 31))', '366'],
    ['Date.DaysInMonth(#date(2011, 12, 01))', '31'],
    ['Date.DaysInMonth(#date(2012, 2, 10))', '29'],
    ['Date.DaysInMonth(#date(1900, 2, 10))', '28'],
    ['Date.DaysInMonth(#date(2000, 2, 10))', '29'],
    ['Date.QuarterOfYear(#date(2011, 12, 31))', '4'],
    ['Date.QuarterOfYear(#date(2011, 4, 1))', '2'],
    ['Date.IsLeapYear(#date(2012, 01, 01))', 'true'],
    ['Date.IsLeapYear(#date(1900, 01, 01))', 'false'],
    ['Date.IsLeapYear(#datetime(2000, 6, 1, 0, 0, 0))', 'true'],
    ['Date.IsLeapYear(null)', 'null'],
    ['Date.DayOfWeek(#date(2011, 02, 21), Day.Sunday)', '1'],
    ['Date.DayOfWeek(#date(2011, 02, 21), Day.Monday)', '0'],
    ['Date.DayOfWeek(#date(2011, 02, 20))', '0'],
    ['Date.DayOfWeek(#date(2011, 02, 20), Day.Saturday)', '1'],
    ['Date.DayOfWeek(#date(1, 1, 1), Day.Sunday)', '1'],
    ['Date.DayOfWeek(null)', 'null'],
    [
      'Date.DayOfWeek(#date(2011, 02, 20), 7)',
      'error [Expression.Error] The first day of the week must be a Day value (Day.Sunday to Day.Saturday).',
    ],
    ['Date.DayOfWeekName(#date(2011, 12, 31), "en-US")', '"Saturday"'],
    ['Date.DayOfWeekName(#date(2011, 12, 31), "de-DE")', '"Samstag"'],
    ['Date.DayOfWeekName(#date(2011, 12, 31), "fr-FR")', '"samedi"'],
    ['Date.DayOfWeekName(#date(2011, 12, 31), "")', '"Saturday"'],
    ['Date.DayOfWeekName(null)', 'null'],
    ['Date.MonthName(#datetime(2011, 12, 31, 5, 0, 0), "en-US")', '"December"'],
    ['Date.MonthName(#date(2011, 3, 1), "de-DE")', '"März"'],
    ['Date.MonthName(#date(2011, 2, 1), "fr-FR")', '"février"'],
    ['Date.MonthName(#date(2011, 2, 1), "es-ES")', '"febrero"'],
    ['Date.WeekOfMonth(#date(2011, 03, 15))', '3'],
    ['Date.WeekOfMonth(#date(2011, 03, 1))', '1'],
    ['Date.WeekOfMonth(#date(2011, 03, 6))', '2'],
    ['Date.WeekOfMonth(#date(2011, 03, 6), Day.Monday)', '1'],
    ['Date.WeekOfMonth(#date(2011, 01, 31))', '6'],
    ['Date.WeekOfYear(#date(2011, 03, 27))', '14'],
    ['Date.WeekOfYear(#date(2011, 03, 27), Day.Monday)', '13'],
    ['Date.WeekOfYear(#date(2011, 1, 1))', '1'],
    ['Date.WeekOfYear(#date(2011, 1, 2))', '2'],
    ['Date.WeekOfYear(#date(2011, 12, 31))', '53'],
    ['Date.ToRecord(#date(2011, 12, 31))', '[Year = 2011, Month = 12, Day = 31]'],
    [
      'Date.ToRecord(null)',
      'error [Expression.Error] We cannot convert the value null to type Date.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Date.DayOfWeek(#date(2011, 02, 21))', 'en-US', '1'],
    ['Date.DayOfWeek(#date(2011, 02, 21))', 'de-DE', '0'],
    ['Date.DayOfWeek(#date(2011, 02, 21))', 'fr-FR', '0'],
    ['Date.DayOfWeekName(#date(2011, 12, 31))', 'de-DE', '"Samstag"'],
    ['Date.MonthName(#date(2011, 12, 31))', 'fr-FR', '"décembre"'],
    ['Date.WeekOfYear(#date(2011, 03, 27))', 'de-DE', '13'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('Date arithmetic', () => {
  it.each([
    ['Date.AddDays(#date(2011, 5, 14), 5)', '#date(2011, 5, 19)'],
    ['Date.AddDays(#date(2011, 12, 31), 1)', '#date(2012, 1, 1)'],
    ['Date.AddDays(#date(2012, 2, 28), 1)', '#date(2012, 2, 29)'],
    ['Date.AddDays(#datetime(2011, 5, 14, 8, 0, 0), -14)', '#datetime(2011, 4, 30, 8, 0, 0)'],
    ['Date.AddDays(#datetime(2011, 5, 14, 8, 0, 0), 1.5)', '#datetime(2011, 5, 15, 20, 0, 0)'],
    [
      'Date.AddDays(#datetimezone(2011, 5, 14, 8, 0, 0, 2, 0), 1)',
      '#datetimezone(2011, 5, 15, 8, 0, 0, 2, 0)',
    ],
    ['Date.AddDays(null, 1)', 'null'],
    [
      'Date.AddDays(#date(9999, 12, 31), 1)',
      'error [Expression.Error] The resulting date is outside the range of dates (0001-01-01 to 9999-12-31).',
    ],
    ['Date.AddWeeks(#date(2011, 5, 14), 2)', '#date(2011, 5, 28)'],
    ['Date.AddWeeks(#date(2011, 5, 14), -3)', '#date(2011, 4, 23)'],
    ['Date.AddMonths(#date(2011, 5, 14), 5)', '#date(2011, 10, 14)'],
    ['Date.AddMonths(#datetime(2011, 5, 14, 8, 15, 22), 18)', '#datetime(2012, 11, 14, 8, 15, 22)'],
    ['Date.AddMonths(#date(2024, 1, 31), 1)', '#date(2024, 2, 29)'],
    ['Date.AddMonths(#date(2023, 1, 31), 1)', '#date(2023, 2, 28)'],
    ['Date.AddMonths(#date(2024, 3, 31), -1)', '#date(2024, 2, 29)'],
    ['Date.AddMonths(#date(2024, 5, 31), 1)', '#date(2024, 6, 30)'],
    [
      'Date.AddMonths(#datetimezone(2024, 1, 31, 10, 0, 0, -5, 0), 1)',
      '#datetimezone(2024, 2, 29, 10, 0, 0, -5, 0)',
    ],
    [
      'Date.AddMonths(#date(2024, 1, 31), 1.5)',
      'error [Expression.Error] The numberOfMonths must be a whole number.',
    ],
    ['Date.AddQuarters(#date(2011, 5, 14), 1)', '#date(2011, 8, 14)'],
    ['Date.AddQuarters(#date(2011, 11, 30), 1)', '#date(2012, 2, 29)'],
    ['Date.AddYears(#date(2011, 5, 14), 4)', '#date(2015, 5, 14)'],
    ['Date.AddYears(#datetime(2011, 5, 14, 8, 15, 22), 10)', '#datetime(2021, 5, 14, 8, 15, 22)'],
    ['Date.AddYears(#date(2012, 2, 29), 1)', '#date(2013, 2, 28)'],
    ['Date.AddYears(#date(2012, 2, 29), 4)', '#date(2016, 2, 29)'],
    [
      'Date.AddYears(#date(9999, 1, 1), 1)',
      'error [Expression.Error] The resulting date is outside the range of dates (0001-01-01 to 9999-12-31).',
    ],
    ['Date.AddYears(null, 1)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Date period boundaries', () => {
  it.each([
    ['Date.StartOfDay(#datetime(2011, 10, 10, 8, 0, 0))', '#datetime(2011, 10, 10, 0, 0, 0)'],
    ['Date.StartOfDay(#date(2011, 10, 10))', '#date(2011, 10, 10)'],
    [
      'Date.StartOfDay(#datetimezone(2011, 10, 10, 8, 0, 0, -7, 0))',
      '#datetimezone(2011, 10, 10, 0, 0, 0, -7, 0)',
    ],
    [
      'Date.EndOfDay(#datetime(2011, 5, 14, 17, 0, 0))',
      '#datetime(2011, 5, 14, 23, 59, 59.9999999)',
    ],
    [
      'Date.EndOfDay(#datetimezone(2011, 5, 17, 5, 0, 0, -7, 0))',
      '#datetimezone(2011, 5, 17, 23, 59, 59.9999999, -7, 0)',
    ],
    ['Date.EndOfDay(#date(2011, 5, 17))', '#date(2011, 5, 17)'],
    ['Date.StartOfMonth(#datetime(2011, 10, 10, 8, 10, 32))', '#datetime(2011, 10, 1, 0, 0, 0)'],
    ['Date.StartOfMonth(#date(2011, 10, 10))', '#date(2011, 10, 1)'],
    ['Date.EndOfMonth(#date(2011, 5, 14))', '#date(2011, 5, 31)'],
    ['Date.EndOfMonth(#date(2012, 2, 14))', '#date(2012, 2, 29)'],
    ['Date.EndOfMonth(#date(2013, 2, 14))', '#date(2013, 2, 28)'],
    [
      'Date.EndOfMonth(#datetimezone(2011, 5, 17, 5, 0, 0, -7, 0))',
      '#datetimezone(2011, 5, 31, 23, 59, 59.9999999, -7, 0)',
    ],
    ['Date.StartOfQuarter(#datetime(2011, 10, 10, 8, 0, 0))', '#datetime(2011, 10, 1, 0, 0, 0)'],
    ['Date.StartOfQuarter(#date(2011, 6, 30))', '#date(2011, 4, 1)'],
    [
      'Date.EndOfQuarter(#datetime(2011, 10, 10, 8, 0, 0))',
      '#datetime(2011, 12, 31, 23, 59, 59.9999999)',
    ],
    ['Date.EndOfQuarter(#date(2011, 2, 1))', '#date(2011, 3, 31)'],
    ['Date.EndOfQuarter(#date(2011, 5, 1))', '#date(2011, 6, 30)'],
    ['Date.StartOfYear(#datetime(2011, 10, 10, 8, 10, 32))', '#datetime(2011, 1, 1, 0, 0, 0)'],
    [
      'Date.EndOfYear(#datetime(2011, 5, 14, 17, 0, 0))',
      '#datetime(2011, 12, 31, 23, 59, 59.9999999)',
    ],
    [
      'Date.EndOfYear(#datetimezone(2011, 5, 17, 5, 0, 0, -7, 0))',
      '#datetimezone(2011, 12, 31, 23, 59, 59.9999999, -7, 0)',
    ],
    ['Date.StartOfWeek(#datetime(2011, 10, 11, 8, 10, 32))', '#datetime(2011, 10, 9, 0, 0, 0)'],
    [
      'Date.StartOfWeek(#datetime(2011, 10, 11, 8, 10, 32), Day.Monday)',
      '#datetime(2011, 10, 10, 0, 0, 0)',
    ],
    ['Date.StartOfWeek(#date(2011, 10, 9), Day.Monday)', '#date(2011, 10, 3)'],
    ['Date.StartOfWeek(#date(2011, 10, 9))', '#date(2011, 10, 9)'],
    ['Date.EndOfWeek(#date(2011, 5, 14))', '#date(2011, 5, 14)'],
    [
      'Date.EndOfWeek(#datetimezone(2011, 5, 17, 5, 0, 0, -7, 0), Day.Sunday)',
      '#datetimezone(2011, 5, 21, 23, 59, 59.9999999, -7, 0)',
    ],
    ['Date.EndOfWeek(#date(2011, 5, 14), Day.Monday)', '#date(2011, 5, 15)'],
    ['Date.StartOfWeek(null)', 'null'],
    ['Date.EndOfMonth(null)', 'null'],
    [
      'Date.EndOfWeek(#date(9999, 12, 31))',
      'error [Expression.Error] The resulting date is outside the range of dates (0001-01-01 to 9999-12-31).',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Date.StartOfWeek(#date(2011, 10, 11))', 'de-DE', '#date(2011, 10, 10)'],
    ['Date.EndOfWeek(#date(2011, 10, 11))', 'fr-FR', '#date(2011, 10, 16)'],
    ['Date.StartOfWeek(#date(2011, 10, 11))', 'en-US', '#date(2011, 10, 9)'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('Date conversion', () => {
  it.each([
    ['Date.From(#datetime(1899, 12, 30, 06, 45, 12))', '#date(1899, 12, 30)'],
    ['Date.From(43910)', '#date(2020, 3, 20)'],
    ['Date.From(43910.99)', '#date(2020, 3, 20)'],
    ['Date.From(-1.25)', '#date(1899, 12, 29)'],
    ['Date.From("2010-12-31")', '#date(2010, 12, 31)'],
    ['Date.From("20 Januar 2023", "de-DE")', '#date(2023, 1, 20)'],
    ['Date.From("18 Juli, 2023", "de-DE")', '#date(2023, 7, 18)'],
    ['Date.From("14 Dezember, 2022", "de-DE")', '#date(2022, 12, 14)'],
    ['Date.From(#datetimezone(2020, 3, 20, 23, 0, 0, -2, 0))', '#date(2020, 3, 21)'],
    ['Date.From(#date(2020, 3, 20))', '#date(2020, 3, 20)'],
    ['Date.From(null)', 'null'],
    ['Date.From("")', 'null'],
    ['Date.From(3e6)', 'error [Expression.Error] Not a legal OleAut date.'],
    [
      'Date.From(#time(1, 0, 0))',
      'error [Expression.Error] We cannot convert the value of type Time to type Date.',
    ],
    ['Date.From(true)', 'error [Expression.Error] We cannot convert the value true to type Date.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Date.FromText("2010-12-31")', '#date(2010, 12, 31)'],
    ['Date.FromText("2010-1-5")', '#date(2010, 1, 5)'],
    ['Date.FromText("20101231")', '#date(2010, 12, 31)'],
    ['Date.FromText("12/31/2010")', '#date(2010, 12, 31)'],
    ['Date.FromText("3/4/2010")', '#date(2010, 3, 4)'],
    ['Date.FromText("12/31/10")', '#date(2010, 12, 31)'],
    ['Date.FromText("12/31/45")', '#date(1945, 12, 31)'],
    ['Date.FromText("December 31, 2010")', '#date(2010, 12, 31)'],
    ['Date.FromText("Friday, December 31, 2010")', '#date(2010, 12, 31)'],
    ['Date.FromText("31 Dec 2010")', '#date(2010, 12, 31)'],
    ['Date.FromText("Dec 2010")', '#date(2010, 12, 1)'],
    ['Date.FromText("12/31")', '#date(2024, 12, 31)'],
    ['Date.FromText("2010-12-31T10:00:00")', '#date(2010, 12, 31)'],
    ['Date.FromText("  2010-12-31  ")', '#date(2010, 12, 31)'],
    ['Date.FromText(null)', 'null'],
    ['Date.FromText("")', 'null'],
    [
      'Date.FromText("nope")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Date value.",
    ],
    [
      'Date.FromText("2010-13-01")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Date value.",
    ],
    [
      'Date.FromText("2011-02-29")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Date value.",
    ],
    ['Date.FromText("2012-02-29")', '#date(2012, 2, 29)'],
    [
      'Date.FromText("13/31/2010")',
      "error [DataFormat.Error] We couldn't parse the input provided as a Date value.",
    ],
    ['Date.FromText("31/12/2010", "fr-FR")', '#date(2010, 12, 31)'],
    ['Date.FromText("31.12.2010", "de-DE")', '#date(2010, 12, 31)'],
    ['Date.FromText("31/12/2010", [Culture = "en-GB"])', '#date(2010, 12, 31)'],
    [
      'Date.FromText("30 Dez 2010", [Format="dd MMM yyyy", Culture="de-DE"])',
      '#date(2010, 12, 30)',
    ],
    [
      'Date.FromText("30 déc. 2010", [Format="dd MMM yyyy", Culture="fr-FR"])',
      '#date(2010, 12, 30)',
    ],
    ['Date.FromText("31 décembre 2010", "fr-FR")', '#date(2010, 12, 31)'],
    ['Date.FromText("Dienstag, 31. Dezember 2024", "de-DE")', '#date(2024, 12, 31)'],
    ['Date.FromText("20 gen. 2023", [Culture = "it-IT"])', '#date(2023, 1, 20)'],
    ['Date.FromText("13 de agosto de 2025", "pt-BR")', '#date(2025, 8, 13)'],
    ['Date.FromText("2024/04/10", [Format = "yyyy/MM/dd"])', '#date(2024, 4, 10)'],
    ['Date.FromText("10.04.2024", [Format = "d", Culture = "de-DE"])', '#date(2024, 4, 10)'],
    ['Date.FromText("Wednesday, April 10, 2024", [Format = "D"])', '#date(2024, 4, 10)'],
    ['Date.FromText("20240410", [Format = "yyyyMMdd"])', '#date(2024, 4, 10)'],
    ['Date.FromText("10 APRIL 24", [Format = "dd MMMM yy"])', '#date(2024, 4, 10)'],
    [
      'Date.FromText("2024-04-10", [Format = "dd/MM/yyyy"])',
      "error [DataFormat.Error] We couldn't parse the input provided as a Date value.",
    ],
    [
      'Date.FromText("2010-12-31", 5)',
      'error [Expression.Error] We cannot convert the value 5 to type Record.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Date.FromText("03/04/2010")', 'en-US', '#date(2010, 3, 4)'],
    ['Date.FromText("03/04/2010")', 'fr-FR', '#date(2010, 4, 3)'],
    ['Date.FromText("03.04.2010")', 'de-DE', '#date(2010, 4, 3)'],
    ['Date.FromText("4. März 2010")', 'de-DE', '#date(2010, 3, 4)'],
    ['Date.From("31/12/2010")', 'fr-FR', '#date(2010, 12, 31)'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('Date.ToText', () => {
  it.each([
    ['Date.ToText(#date(2010, 12, 31))', '"12/31/2010"'],
    ['Date.ToText(#date(2010, 12, 31), [Format="dd MMM yyyy", Culture="de-DE"])', '"31 Dez 2010"'],
    ['Date.ToText(#date(2010, 12, 31), [Format="dd MMM yyyy", Culture="fr-FR"])', '"31 déc. 2010"'],
    ['Date.ToText(#date(2024, 3, 15), [Format = "d"])', '"3/15/2024"'],
    ['Date.ToText(#date(2024, 4, 10), [Format = "d", Culture = ""])', '"04/10/2024"'],
    ['Date.ToText(#date(2024, 4, 10), [Format = "d", Culture = "de-DE"])', '"10.04.2024"'],
    ['Date.ToText(#date(2024, 4, 10), [Format = "d", Culture = "en-GB"])', '"10/04/2024"'],
    ['Date.ToText(#date(2024, 4, 10), [Format = "D", Culture = ""])', '"Wednesday, 10 April 2024"'],
    [
      'Date.ToText(#date(2024, 4, 10), [Format = "D", Culture = "en-US"])',
      '"Wednesday, April 10, 2024"',
    ],
    [
      'Date.ToText(#date(2024, 4, 10), [Format = "D", Culture = "de-DE"])',
      '"Mittwoch, 10. April 2024"',
    ],
    [
      'Date.ToText(#date(2024, 4, 10), [Format = "D", Culture = "fr-FR"])',
      '"mercredi 10 avril 2024"',
    ],
    ['Date.ToText(#date(2024, 4, 10), [Format = "M"])', '"April 10"'],
    ['Date.ToText(#date(2024, 4, 10), [Format = "Y", Culture = ""])', '"2024 April"'],
    ['Date.ToText(#date(2024, 4, 10), [Format = "ddd, d/M/yy"])', '"Wed, 10/4/24"'],
    [
      'Date.ToText(#date(2024, 4, 10), [Format = "dddd dd MMMM yyyy", Culture = "fr-FR"])',
      '"mercredi 10 avril 2024"',
    ],
    ['Date.ToText(#date(5, 1, 2), [Format = "yyyy y yy yyy yyyyy"])', '"0005 5 05 005 00005"'],
    ['Date.ToText(#date(2024, 1, 5), "%d")', '"5"'],
    ['Date.ToText(#date(2024, 1, 5), "yyyy/MM/dd", "de-DE")', '"2024.01.05"'],
    ['Date.ToText(#date(2024, 1, 5), "yyyy\'/\'MM")', '"2024/01"'],
    ['Date.ToText(#date(2024, 1, 5), "\\d\\d: dd")', '"dd: 05"'],
    ['Date.ToText(#date(2024, 1, 5), [Format = "g"])', '"1/5/2024 12:00 AM"'],
    ['Date.ToText(#date(2024, 1, 5), [Format = "yyyy gg"])', '"2024 A.D."'],
    ['Date.ToText(#date(2024, 1, 5), [Format = "o"])', '"2024-01-05T00:00:00.0000000"'],
    [
      'Date.ToText(#date(2024, 1, 5), [Format = "q"])',
      'error [Expression.Error] Format specifier was invalid.',
    ],
    ['Date.ToText(null)', 'null'],
    ['Date.ToText(#date(2024, 1, 5), [Format = null, Culture = "de-DE"])', '"05.01.2024"'],
    [
      'Date.ToText(#datetime(2024, 1, 5, 0, 0, 0))',
      'error [Expression.Error] We cannot convert the value of type DateTime to type Date.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['Date.ToText(#date(2010, 12, 31))', 'de-DE', '"31.12.2010"'],
    ['Date.ToText(#date(2010, 12, 31))', 'fr-FR', '"31/12/2010"'],
    ['Date.ToText(#date(2010, 12, 31))', 'en-GB', '"31/12/2010"'],
    ['Date.ToText(#date(2010, 12, 31), "D")', 'de-DE', '"Freitag, 31. Dezember 2010"'],
    ['Date.ToText(#date(2010, 12, 31), "MMMM")', 'fr-FR', '"décembre"'],
  ])('%s in %s = %s', (text, culture, expected) => {
    expect(m(text, { culture })).toBe(expected);
  });
});

describe('Date and Day types', () => {
  it.each([
    ['Date.Type', 'type date'],
    ['Day.Type', 'type number'],
    [
      '{Day.Sunday, Day.Monday, Day.Tuesday, Day.Wednesday, Day.Thursday, Day.Friday, Day.Saturday}',
      '{0, 1, 2, 3, 4, 5, 6}',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

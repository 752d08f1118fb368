import { describe, expect, it } from 'vitest';
import { daysFromCivil, TICKS_PER_HOUR, TICKS_PER_MINUTE } from '../../values/calendar.js';
import { getCulture } from '../culture.js';
import { parseDateTimeExact } from './datetime-parse-exact.js';
import { parseDateTimeText } from './datetime-parse-culture.js';
import { parseIsoDateTime, type ParsedDateTime } from './datetime-parse.js';
import { parseDuration } from './duration-text.js';

function at(
  year: number,
  month: number,
  day: number,
  hour?: number,
  minute = 0,
  offset?: number,
): ParsedDateTime {
  return {
    days: daysFromCivil(year, month, day),
    ticks: hour === undefined ? undefined : hour * TICKS_PER_HOUR + minute * TICKS_PER_MINUTE,
    offsetMinutes: offset,
  };
}

describe('parseIsoDateTime', () => {
  it.each([
    ['2023-02-26', at(2023, 2, 26)],
    ['2023-02-26 18:57', at(2023, 2, 26, 18, 57)],
    ['2023-2-6 8:05', at(2023, 2, 6, 8, 5)],
    ['2023-02-26T18:57Z', at(2023, 2, 26, 18, 57, 0)],
    ['2023-02-26T18:57:00-08:00', at(2023, 2, 26, 18, 57, -480)],
    ['2023-02-26T18:57:00+0530', at(2023, 2, 26, 18, 57, 330)],
    ['2023-02-26T18:57:00+01', at(2023, 2, 26, 18, 57, 60)],
  ])('parseIsoDateTime(%j)', (text, expected) => {
    expect(parseIsoDateTime(text)).toEqual(expected);
  });

  it.each([
    ['2023-02-30'],
    ['2023/02/26'],
    ['2023-02-26 25:00'],
    ['2023-02-26T18'],
    ['2023-02-26 18:57 x'],
  ])('parseIsoDateTime(%j) is not an ISO date', (text) => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });
});

describe('parseDateTimeText', () => {
  const options = { defaultYear: 2024 };
  it.each([
    ['12/31/2010', 'en-US', at(2010, 12, 31)],
    ['31/12/2010', 'fr-FR', at(2010, 12, 31)],
    ['31.12.2010 14:30', 'de-DE', at(2010, 12, 31, 14, 30)],
    ['31 Dez 2010', 'de-DE', at(2010, 12, 31)],
    ['December 31, 2010 2:30 PM', 'en-US', at(2010, 12, 31, 14, 30)],
    ['2010/12/31', 'en-US', at(2010, 12, 31)],
    ['12/31', 'en-US', at(2024, 12, 31)],
    ['20101231T0130', 'en-US', at(2010, 12, 31, 1, 30)],
    ['12/31/2010 14:30 +02:00', 'en-US', at(2010, 12, 31, 14, 30, 120)],
    [
      '3:05 pm',
      'en-US',
      {
        days: undefined,
        ticks: 15 * TICKS_PER_HOUR + 5 * TICKS_PER_MINUTE,
        offsetMinutes: undefined,
      },
    ],
  ])('parseDateTimeText(%j, %s)', (text, culture, expected) => {
    expect(parseDateTimeText(text, getCulture(culture), options)).toEqual(expected);
  });

  it.each([['nope'], ['12/31/2010/5'], ['31/12/2010'], ['1 2 3 4']])(
    'parseDateTimeText(%j) in en-US is not a date',
    (text) => {
      expect(parseDateTimeText(text, getCulture('en-US'), options)).toBeUndefined();
    },
  );
});

describe('parseDateTimeExact', () => {
  it.each([
    ['30 Dez 2010', 'dd MMM yyyy', 'de-DE', at(2010, 12, 30)],
    ['2010-12-31T01:30', "yyyy-MM-dd'T'HH:mm", '', at(2010, 12, 31, 1, 30)],
    ['31/12/10', 'dd/MM/yy', 'fr-FR', at(2010, 12, 31)],
    ['12/31/2010 01:30 PM', 'MM/dd/yyyy hh:mm tt', 'en-US', at(2010, 12, 31, 13, 30)],
    ['2010-12-31 01:30 +05:30', 'yyyy-MM-dd HH:mm zzz', '', at(2010, 12, 31, 1, 30, 330)],
  ])('parseDateTimeExact(%j, %j, %s)', (text, format, culture, expected) => {
    expect(parseDateTimeExact(text, format, 'datetime', getCulture(culture), 2024)).toEqual(
      expected,
    );
  });

  it.each([
    ['2010-12-31', 'dd/MM/yyyy'],
    ['31 Foo 2010', 'dd MMM yyyy'],
    ['2010-12-31 extra', 'yyyy-MM-dd'],
    ['2010-02-30', 'yyyy-MM-dd'],
  ])('parseDateTimeExact(%j, %j) fails', (text, format) => {
    expect(parseDateTimeExact(text, format, 'date', getCulture('en-US'), 2024)).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it.each([
    ['2.05:55:20', 2n * 864_000_000_000n + 21_320n * 10_000_000n],
    ['-00:30', -18_000_000_000n],
    ['1', 864_000_000_000n],
    ['00:00:00.5', 5_000_000n],
  ])('parseDuration(%j) = %s', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each([['24:00'], ['1:2:3:4'], ['x'], ['1.24:00']])('parseDuration(%j) fails', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

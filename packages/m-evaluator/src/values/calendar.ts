/**
 * Calendar arithmetic on the proleptic Gregorian calendar, in whole days and 100-nanosecond ticks.
 * Day 0 is 0001-01-01, as in the M engine. No JavaScript `Date` is involved anywhere.
 */

/** 100-nanosecond ticks in a second, minute, hour and day. */
export const TICKS_PER_MILLISECOND = 10_000;
export const TICKS_PER_SECOND = 10_000_000;
export const TICKS_PER_MINUTE = 600_000_000;
export const TICKS_PER_HOUR = 36_000_000_000;
export const TICKS_PER_DAY = 864_000_000_000;
/** The same, as bigints, for exact arithmetic on durations. */
export const BIG_TICKS_PER_DAY = 864_000_000_000n;

/** Days from 0000-03-01 (the start of the first 400-year era of the algorithm) to 0001-01-01. */
const ERA_OFFSET = 306;
const DAYS_PER_ERA = 146_097;

/** Whether `year` is a leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] ?? 0);
}

/** The day number of a date (no range checks; month 1–12, day 1–31). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const marchMonth = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * marchMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - ERA_OFFSET;
}

/** A calendar date. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The calendar date of a day number. */
export function civilFromDays(days: number): CivilDate {
  const shifted = days + ERA_OFFSET;
  const era = Math.floor(shifted / DAYS_PER_ERA);
  const dayOfEra = shifted - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Day 0 (0001-01-01) to 9999-12-31: the range of M dates. */
export const MIN_DAY = 0;
export const MAX_DAY = daysFromCivil(9999, 12, 31);

/** Whether a calendar date exists and is in the range of M dates. */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The day of the week, with Sunday 0 to Saturday 6 (0001-01-01 was a Monday). */
export function dayOfWeek(days: number): number {
  return (((days + 1) % 7) + 7) % 7;
}

/** The day of the year, 1–366. */
export function dayOfYear(days: number): number {
  const { year } = civilFromDays(days);
  return days - daysFromCivil(year, 1, 1) + 1;
}

/** Adds whole months to a date, keeping the day or clamping it to the month's last day. */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Splits a tick count of a day into hours, minutes, seconds and the remaining ticks. */
export function splitTicks(ticks: number): {
  hour: number;
  minute: number;
  second: number;
  fraction: number;
} {
  const hour = Math.floor(ticks / TICKS_PER_HOUR);
  const minute = Math.floor((ticks % TICKS_PER_HOUR) / TICKS_PER_MINUTE);
  const second = Math.floor((ticks % TICKS_PER_MINUTE) / TICKS_PER_SECOND);
  const fraction = ticks % TICKS_PER_SECOND;
  return { hour, minute, second, fraction };
}

import {
  daysFromCivil,
  isValidCivilDate,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
} from '../../values/calendar.js';

/**
 * The ISO 8601 forms of dates and times, read on a fast path without allocation beyond the result
 * (`2023-02-26 18:57`, `2010-12-31T01:30:25Z`, `2020-10-30T01:30:00-08:00`), and the pieces the
 * other readers share: digits, fractions of seconds, times of day, offsets, two-digit years.
 */

/** What a date and time text holds; each part is undefined when the text does not have it. */
export interface ParsedDateTime {
  /** The day number. */
  readonly days: number | undefined;
  /** The ticks of the day. */
  readonly ticks: number | undefined;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number | undefined;
}

/** Options of the parsers. */
export interface DateParseOptions {
  /** The year of a date written without one (`12/31`): the current year. */
  readonly defaultYear: number;
}

export function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/** A run of exactly `count` digits at `index`, or -1. */
export function digitsAt(text: string, index: number, count: number): number {
  let value = 0;
  for (let offset = 0; offset < count; offset++) {
    const digit = digitAt(text, index + offset);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Ticks of a fraction of a second written with any number of digits (beyond 7 are dropped). */
export function fractionTicks(digits: string): number {
  return Number(digits.slice(0, 7).padEnd(7, '0'));
}

/** Ticks of a time of day, or -1 when a part is out of range. */
export function timeOfDay(hour: number, minute: number, second: number, fraction: number): number {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return -1;
  return hour * TICKS_PER_HOUR + minute * TICKS_PER_MINUTE + second * TICKS_PER_SECOND + fraction;
}

/** A run of one or two digits at `index`: its value and where it ends, or undefined. */
function oneOrTwo(text: string, index: number): { value: number; end: number } | undefined {
  const first = digitAt(text, index);
  if (first < 0) return undefined;
  const second = digitAt(text, index + 1);
  return second < 0
    ? { value: first, end: index + 1 }
    : { value: first * 10 + second, end: index + 2 };
}

/**
 * The fast path: `yyyy-M-d` (month and day with one or two digits), then optionally `T` or a
 * space, `H:mm`, `:ss`, `.fffffff`, and `Z` or an offset (`+hh:mm`, `+hhmm`, `+hh`). Undefined for
 * anything else.
 */
export function parseIsoDateTime(text: string): ParsedDateTime | undefined {
  const length = text.length;
  if (length < 8 || text.charCodeAt(4) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = oneOrTwo(text, 5);
  if (year < 0 || month === undefined || text.charCodeAt(month.end) !== 45) return undefined;
  const day = oneOrTwo(text, month.end + 1);
  if (day === undefined || !isValidCivilDate(year, month.value, day.value)) return undefined;
  const days = daysFromCivil(year, month.value, day.value);
  if (day.end === length) return { days, ticks: undefined, offsetMinutes: undefined };
  const separator = text.charCodeAt(day.end);
  if (separator !== 84 && separator !== 32 && separator !== 116) return undefined;
  const hour = oneOrTwo(text, day.end + 1);
  if (hour === undefined || text.charCodeAt(hour.end) !== 58) return undefined;
  const minute = digitsAt(text, hour.end + 1, 2);
  if (minute < 0) return undefined;
  let index = hour.end + 3;
  let second = 0;
  let fraction = 0;
  if (text.charCodeAt(index) === 58) {
    second = digitsAt(text, index + 1, 2);
    if (second < 0) return undefined;
    index += 3;
    if (text.charCodeAt(index) === 46) {
      const start = ++index;
      while (digitAt(text, index) >= 0) index++;
      if (index === start) return undefined;
      fraction = fractionTicks(text.slice(start, index));
    }
  }
  const ticks = timeOfDay(hour.value, minute, second, fraction);
  if (ticks < 0) return undefined;
  if (index === length) return { days, ticks, offsetMinutes: undefined };
  const offset = parseOffsetAt(text, index);
  if (offset === undefined || offset.end !== length) return undefined;
  return { days, ticks, offsetMinutes: offset.minutes };
}

/** `Z`, `+hh:mm`, `+hhmm` or `+hh` at `index`. */
export function parseOffsetAt(
  text: string,
  index: number,
): { minutes: number; end: number } | undefined {
  const code = text.charCodeAt(index);
  if (code === 90 || code === 122) return { minutes: 0, end: index + 1 };
  if (code !== 43 && code !== 45) return undefined;
  const sign = code === 45 ? -1 : 1;
  let next = index + 1;
  let hours = digitsAt(text, next, 2);
  if (hours < 0) {
    hours = digitsAt(text, next, 1);
    if (hours < 0) return undefined;
    next += 1;
  } else {
    next += 2;
  }
  let minutes = 0;
  if (text.charCodeAt(next) === 58) {
    minutes = digitsAt(text, next + 1, 2);
    if (minutes < 0) return undefined;
    next += 3;
  } else if (digitsAt(text, next, 2) >= 0) {
    minutes = digitsAt(text, next, 2);
    next += 2;
  }
  if (hours > 14 || minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined;
  return { minutes: sign * (hours * 60 + minutes), end: next };
}

/** A two-digit year in the window 1930–2029, as .NET reads it. */
export function fullYear(value: number, digits: number): number {
  if (digits > 2) return value;
  return value < 30 ? 2000 + value : 1900 + value;
}

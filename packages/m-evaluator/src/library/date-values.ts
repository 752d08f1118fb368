import type { Context } from '../context.js';
import { MError } from '../errors.js';
import {
  daysFromCivil,
  TICKS_PER_DAY,
  TICKS_PER_MILLISECOND,
  TICKS_PER_MINUTE,
} from '../values/calendar.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  isDayInRange,
  TimeValue,
} from '../values/temporal.js';
import { strip, type Value } from '../values/value.js';
import { typeError } from './arguments.js';

/**
 * Helpers the date and time functions share: reading a date-like argument, rebuilding a value of
 * the same kind, the evaluation's clock (UTC and local), time zone shifts and OLE Automation dates
 * (the numbers `Number.From` gives dates). All exact, on day numbers and ticks.
 */

/** A value with a date part. */
export type DateLike = DateValue | DateTimeValue | DateTimeZoneValue;

/** A value with a time part. */
export type TimeLike = TimeValue | DateTimeValue | DateTimeZoneValue;

/** A date, datetime or datetimezone argument (null passes through). */
export function asDateLike(value: Value): DateLike | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (
    plain instanceof DateValue ||
    plain instanceof DateTimeValue ||
    plain instanceof DateTimeZoneValue
  ) {
    return plain;
  }
  throw typeError(plain, 'date');
}

/** A time, datetime or datetimezone argument (null passes through). */
export function asTimeLike(value: Value): TimeLike | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (
    plain instanceof TimeValue ||
    plain instanceof DateTimeValue ||
    plain instanceof DateTimeZoneValue
  ) {
    return plain;
  }
  throw typeError(plain, 'time');
}

/** A date argument. */
export function asDate(value: Value): DateValue {
  const plain = strip(value);
  if (plain instanceof DateValue) return plain;
  throw typeError(plain, 'date');
}

/** A time argument. */
export function asTime(value: Value): TimeValue {
  const plain = strip(value);
  if (plain instanceof TimeValue) return plain;
  throw typeError(plain, 'time');
}

/** A datetime argument. */
export function asDateTime(value: Value): DateTimeValue {
  const plain = strip(value);
  if (plain instanceof DateTimeValue) return plain;
  throw typeError(plain, 'datetime');
}

/** A datetimezone argument. */
export function asDateTimeZone(value: Value): DateTimeZoneValue {
  const plain = strip(value);
  if (plain instanceof DateTimeZoneValue) return plain;
  throw typeError(plain, 'datetimezone');
}

/** A duration argument. */
export function asDuration(value: Value): DurationValue {
  const plain = strip(value);
  if (plain instanceof DurationValue) return plain;
  throw typeError(plain, 'duration');
}

/** The ticks of the day of a date-like value (0 for a date). */
export function ticksOf(value: DateLike): number {
  return value instanceof DateValue ? 0 : value.ticks;
}

/** The error for a result outside 0001-01-01 to 9999-12-31. */
export function outOfRange(): MError {
  return MError.expression(
    'The resulting date is outside the range of dates (0001-01-01 to 9999-12-31).',
  );
}

/** A value of the same kind (and offset) with another day and time of day. */
export function rebuild(value: DateLike, days: number, ticks: number): DateLike {
  if (!isDayInRange(days)) throw outOfRange();
  if (value instanceof DateValue) return new DateValue(days);
  if (value instanceof DateTimeValue) return new DateTimeValue(days, ticks);
  return new DateTimeZoneValue(days, ticks, value.offsetMinutes);
}

/** Normalizes a day and a tick count that may be outside one day. */
export function normalize(days: number, ticks: number): { days: number; ticks: number } {
  const extra = Math.floor(ticks / TICKS_PER_DAY);
  return { days: days + extra, ticks: ticks - extra * TICKS_PER_DAY };
}

const UNIX_EPOCH_DAY = daysFromCivil(1970, 1, 1);
const MS_PER_DAY = 86_400_000;

/** The evaluation's clock, in UTC. */
export function utcNow(ctx: Context): { days: number; ticks: number } {
  const ms = ctx.nowMs;
  const day = Math.floor(ms / MS_PER_DAY);
  return { days: UNIX_EPOCH_DAY + day, ticks: (ms - day * MS_PER_DAY) * TICKS_PER_MILLISECOND };
}

/** The evaluation's clock, in the local time zone (`ctx.timeZoneOffsetMinutes`). */
export function localNow(ctx: Context): { days: number; ticks: number } {
  const now = utcNow(ctx);
  return normalize(now.days, now.ticks + ctx.timeZoneOffsetMinutes * TICKS_PER_MINUTE);
}

/** The same instant at another offset. */
export function switchZone(value: DateTimeZoneValue, offsetMinutes: number): DateTimeZoneValue {
  const moved = normalize(
    value.days,
    value.ticks + (offsetMinutes - value.offsetMinutes) * TICKS_PER_MINUTE,
  );
  if (!isDayInRange(moved.days)) throw outOfRange();
  return new DateTimeZoneValue(moved.days, moved.ticks, offsetMinutes);
}

/** The local date and time (`ctx.timeZoneOffsetMinutes`) of a datetimezone. */
export function localDateTime(ctx: Context, value: DateTimeZoneValue): DateTimeValue {
  const local = switchZone(value, ctx.timeZoneOffsetMinutes);
  return new DateTimeValue(local.days, local.ticks);
}

/** Checks an offset in minutes (within 14 hours of UTC). */
export function checkOffset(minutes: number): number {
  if (!Number.isInteger(minutes) || Math.abs(minutes) > 14 * 60) {
    throw MError.expression('The offset must be whole minutes within 14 hours of UTC.', minutes);
  }
  return minutes;
}

/** Day 0 of OLE Automation dates: 1899-12-30. */
export const OA_EPOCH_DAY = daysFromCivil(1899, 12, 30);

/**
 * The OLE Automation date of a day and time: days since 1899-12-30, plus the time as a fraction of
 * a day; before the epoch the fraction is subtracted (6 AM on 1899-12-29 is -1.25).
 */
export function toOADate(days: number, ticks: number): number {
  const whole = days - OA_EPOCH_DAY;
  const fraction = ticks / TICKS_PER_DAY;
  return whole >= 0 ? whole + fraction : whole - fraction;
}

/**
 * The day and time of an OLE Automation date, rounded to the millisecond as .NET does; undefined
 * outside 0100-01-01 to 9999-12-31.
 */
export function fromOADate(value: number): { days: number; ticks: number } | undefined {
  if (!(value > -657435 && value < 2958466)) return undefined;
  let ms = Math.round(Math.abs(value) * MS_PER_DAY) * Math.sign(value);
  if (ms < 0) ms -= (ms % MS_PER_DAY) * 2;
  const day = Math.floor(ms / MS_PER_DAY);
  return {
    days: OA_EPOCH_DAY + day,
    ticks: (ms - day * MS_PER_DAY) * TICKS_PER_MILLISECOND,
  };
}

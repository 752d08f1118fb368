import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { civilFromDays, daysFromCivil, splitTicks, TICKS_PER_MINUTE } from '../values/calendar.js';
import { RecordValue } from '../values/record.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  isDayInRange,
  splitTotalTicks,
  TimeValue,
} from '../values/temporal.js';
import { TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asNumber, asNumberOrNull, typeError } from './arguments.js';
import { dateTimeFrom } from './conversion.js';
import { dateTimeFromText } from './conversion-parse.js';
import { temporalConversions } from './date-text.js';
import { asDateTime, checkOffset, localNow, normalize, outOfRange } from './date-values.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';
import { secondsOf } from './time.js';

/** `DateTime.*`: the clock, parts, zones, conversion and formatting of datetimes. */

/** The offset of `hours` and optional `minutes` arguments, in minutes. */
export function offsetOf(hours: Value, minutes: Value): number {
  const wholeHours = asNumber(hours);
  const extra = asNumberOrNull(minutes) ?? 0;
  if (!Number.isInteger(wholeHours) || !Number.isInteger(extra)) {
    throw MError.expression('The time zone hours and minutes must be whole numbers.', extra);
  }
  return checkOffset(wholeHours * 60 + extra);
}

const FILE_TIME_EPOCH_DAY = daysFromCivil(1601, 1, 1);

/**
 * The UTC day and time of a Windows file time argument (100-ns ticks since 1601-01-01 UTC), or null
 * when the argument is null.
 */
export function fromFileTime(fileTimeValue: Value): { days: number; ticks: number } | null {
  const fileTime = asNumberOrNull(fileTimeValue);
  if (fileTime === null) return null;
  if (!Number.isInteger(fileTime) || fileTime < 0) {
    throw MError.expression('The file time must be a whole number that is not negative.', fileTime);
  }
  const { days, ticks } = splitTotalTicks(BigInt(fileTime));
  const result = { days: days + FILE_TIME_EPOCH_DAY, ticks };
  if (!isDayInRange(result.days)) throw outOfRange();
  return result;
}

/** The `Year` … `Second` fields of `DateTime.ToRecord` for a day and its ticks. */
export function dateTimeFields(days: number, ticks: number): [string, Value][] {
  const { year, month, day } = civilFromDays(days);
  const { hour, minute } = splitTicks(ticks);
  return [
    ['Year', year],
    ['Month', month],
    ['Day', day],
    ['Hour', hour],
    ['Minute', minute],
    ['Second', secondsOf(ticks)],
  ];
}

/** The local datetime of the evaluation's clock. */
export function localNowValue(ctx: Context): DateTimeValue {
  const now = localNow(ctx);
  return new DateTimeValue(now.days, now.ticks);
}

/** The `DateTime` namespace (the `DateTime.IsIn…` functions are in date-relative.ts). */
export const DATETIME_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('DateTime.Type', TYPE.datetime),
  defineFunction('DateTime.LocalNow', '() as datetime', (ctx) => localNowValue(ctx)),
  defineFunction('DateTime.FixedLocalNow', '() as datetime', (ctx) => localNowValue(ctx)),
  defineFunction('DateTime.Date', '(dateTime as any) as nullable date', (_ctx, [dateTime]) => {
    const value = strip(dateTime);
    if (value === null || value instanceof DateValue) return value;
    if (value instanceof DateTimeValue || value instanceof DateTimeZoneValue)
      return new DateValue(value.days);
    throw typeError(value, 'datetime');
  }),
  defineFunction('DateTime.Time', '(dateTime as any) as nullable time', (_ctx, [dateTime]) => {
    const value = strip(dateTime);
    if (value === null || value instanceof TimeValue) return value;
    if (value instanceof DateTimeValue || value instanceof DateTimeZoneValue)
      return new TimeValue(value.ticks);
    throw typeError(value, 'datetime');
  }),
  defineFunction(
    'DateTime.AddZone',
    '(dateTime as nullable datetime, timezoneHours as number, optional timezoneMinutes as nullable number) as nullable datetimezone',
    (_ctx, [dateTime, hours, minutes]) => {
      const value = strip(dateTime);
      if (value === null) return null;
      const local = asDateTime(value);
      return new DateTimeZoneValue(local.days, local.ticks, offsetOf(hours, minutes));
    },
  ),
  defineFunction(
    'DateTime.FromFileTime',
    '(fileTime as nullable number) as nullable datetime',
    (ctx, [fileTime]) => {
      const utc = fromFileTime(fileTime);
      if (utc === null) return null;
      const local = normalize(utc.days, utc.ticks + ctx.timeZoneOffsetMinutes * TICKS_PER_MINUTE);
      if (!isDayInRange(local.days)) throw outOfRange();
      return new DateTimeValue(local.days, local.ticks);
    },
  ),
  ...temporalConversions('DateTime', 'datetime', 'dateTime', dateTimeFrom, dateTimeFromText),
  defineFunction('DateTime.ToRecord', '(dateTime as datetime) as record', (_ctx, [dateTime]) => {
    const value = asDateTime(dateTime);
    return RecordValue.of(dateTimeFields(value.days, value.ticks));
  }),
];

import { splitTicks, TICKS_PER_HOUR, TICKS_PER_SECOND } from '../values/calendar.js';
import { RecordValue } from '../values/record.js';
import { DateTimeValue, DateTimeZoneValue, TimeValue } from '../values/temporal.js';
import { TYPE } from '../values/type.js';
import { timeFrom } from './conversion.js';
import { timeFromText } from './conversion-parse.js';
import { temporalConversions } from './date-text.js';
import { asTime, asTimeLike, type TimeLike } from './date-values.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';

/** `Time.*`: the parts of times (and of the time of datetimes), conversion and formatting. */

/** A value of the same kind with another time of day. */
function withTicks(value: TimeLike, ticks: number): TimeLike {
  if (value instanceof TimeValue) return new TimeValue(ticks);
  if (value instanceof DateTimeValue) return new DateTimeValue(value.days, ticks);
  return new DateTimeZoneValue(value.days, ticks, value.offsetMinutes);
}

/** The seconds of a tick count of a day, with their fraction. */
export function secondsOf(ticks: number): number {
  const { second, fraction } = splitTicks(ticks);
  return second + fraction / TICKS_PER_SECOND;
}

/** The `Time` namespace. */
export const TIME_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('Time.Type', TYPE.time),
  defineFunction('Time.Hour', '(dateTime as any) as nullable number', (_ctx, [dateTime]) => {
    const value = asTimeLike(dateTime);
    return value === null ? null : splitTicks(value.ticks).hour;
  }),
  defineFunction('Time.Minute', '(dateTime as any) as nullable number', (_ctx, [dateTime]) => {
    const value = asTimeLike(dateTime);
    return value === null ? null : splitTicks(value.ticks).minute;
  }),
  defineFunction('Time.Second', '(dateTime as any) as nullable number', (_ctx, [dateTime]) => {
    const value = asTimeLike(dateTime);
    return value === null ? null : secondsOf(value.ticks);
  }),
  defineFunction('Time.StartOfHour', '(dateTime as any) as any', (_ctx, [dateTime]) => {
    const value = asTimeLike(dateTime);
    if (value === null) return null;
    return withTicks(value, value.ticks - (value.ticks % TICKS_PER_HOUR));
  }),
  defineFunction('Time.EndOfHour', '(dateTime as any) as any', (_ctx, [dateTime]) => {
    const value = asTimeLike(dateTime);
    if (value === null) return null;
    return withTicks(value, value.ticks - (value.ticks % TICKS_PER_HOUR) + TICKS_PER_HOUR - 1);
  }),
  ...temporalConversions('Time', 'time', 'time', timeFrom, timeFromText),
  defineFunction('Time.ToRecord', '(time as time) as record', (_ctx, [time]) => {
    const ticks = asTime(time).ticks;
    const { hour, minute } = splitTicks(ticks);
    return RecordValue.of([
      ['Hour', hour],
      ['Minute', minute],
      ['Second', secondsOf(ticks)],
    ]);
  }),
];

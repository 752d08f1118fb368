import type { Context } from '../context.js';
import {
  civilFromDays,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
} from '../values/calendar.js';
import { DateTimeZoneValue, DateValue } from '../values/temporal.js';
import type { Value } from '../values/value.js';
import { asNumber } from './arguments.js';
import { getCulture } from './culture.js';
import { startOfWeek } from './date.js';
import { asDateLike, localDateTime, localNow, type DateLike } from './date-values.js';
import { defineFunction, type LibraryEntry } from './define.js';

/**
 * `Date.IsIn…` and `DateTime.IsIn…`: whether a value falls in the current, next or previous day,
 * week, month, quarter, year, hour, minute or second, by the evaluation's clock in the local time
 * zone. A datetimezone is first moved to the local time zone; weeks start on the culture's first
 * day.
 */

type Period = 'Day' | 'Week' | 'Month' | 'Quarter' | 'Year' | 'Hour' | 'Minute' | 'Second';

/** A local day and time of a value (a datetimezone moved to the local time zone). */
function localOf(ctx: Context, value: DateLike): { days: number; ticks: number } {
  if (value instanceof DateTimeZoneValue) return localDateTime(ctx, value);
  return { days: value.days, ticks: value instanceof DateValue ? 0 : value.ticks };
}

/** The number of a period since the start of time: consecutive periods have consecutive numbers. */
function periodIndex(ctx: Context, period: Period, days: number, ticks: number): number {
  switch (period) {
    case 'Day':
      return days;
    case 'Week':
      return Math.floor(startOfWeek(days, getCulture(ctx.culture).dateTime.firstDayOfWeek) / 7);
    case 'Month': {
      const { year, month } = civilFromDays(days);
      return year * 12 + month - 1;
    }
    case 'Quarter': {
      const { year, month } = civilFromDays(days);
      return year * 4 + Math.floor((month - 1) / 3);
    }
    case 'Year':
      return civilFromDays(days).year;
    case 'Hour':
      return days * 24 + Math.floor(ticks / TICKS_PER_HOUR);
    case 'Minute':
      return days * 1440 + Math.floor(ticks / TICKS_PER_MINUTE);
    case 'Second':
      return days * 86400 + Math.floor(ticks / TICKS_PER_SECOND);
  }
}

/** The period of a value and of now, or null for a null value. */
function indices(
  ctx: Context,
  period: Period,
  dateTime: Value,
): { value: number; now: number } | null {
  const value = asDateLike(dateTime);
  if (value === null) return null;
  const local = localOf(ctx, value);
  const now = localNow(ctx);
  return {
    value: periodIndex(ctx, period, local.days, local.ticks),
    now: periodIndex(ctx, period, now.days, now.ticks),
  };
}

function single(
  namespace: string,
  which: 'Current' | 'Next' | 'Previous',
  period: Period,
): LibraryEntry {
  const shift = which === 'Current' ? 0 : which === 'Next' ? 1 : -1;
  return defineFunction(
    `${namespace}.IsIn${which}${period}`,
    '(dateTime as any) as nullable logical',
    (ctx, [dateTime]) => {
      const found = indices(ctx, period, dateTime);
      return found === null ? null : found.value === found.now + shift;
    },
  );
}

function several(
  namespace: string,
  which: 'Next' | 'Previous',
  period: Period,
  parameter: string,
): LibraryEntry {
  return defineFunction(
    `${namespace}.IsIn${which}N${period}s`,
    `(dateTime as any, ${parameter} as number) as nullable logical`,
    (ctx, [dateTime, count]) => {
      const n = asNumber(count);
      const found = indices(ctx, period, dateTime);
      if (found === null) return null;
      return which === 'Next'
        ? found.value > found.now && found.value <= found.now + n
        : found.value < found.now && found.value >= found.now - n;
    },
  );
}

function family(
  namespace: string,
  period: Period,
  parameter: string,
  withCurrent = true,
): LibraryEntry[] {
  return [
    ...(withCurrent ? [single(namespace, 'Current', period)] : []),
    single(namespace, 'Next', period),
    single(namespace, 'Previous', period),
    several(namespace, 'Next', period, parameter),
    several(namespace, 'Previous', period, parameter),
  ];
}

/** `Date.IsIn…` and `DateTime.IsIn…`. */
export const RELATIVE_DATE_LIBRARY: readonly LibraryEntry[] = [
  ...family('Date', 'Day', 'days'),
  ...family('Date', 'Week', 'weeks'),
  ...family('Date', 'Month', 'months'),
  ...family('Date', 'Quarter', 'quarters'),
  ...family('Date', 'Year', 'years'),
  defineFunction(
    'Date.IsInYearToDate',
    '(dateTime as any) as nullable logical',
    (ctx, [dateTime]) => {
      const value = asDateLike(dateTime);
      if (value === null) return null;
      const local = localOf(ctx, value);
      const now = localNow(ctx);
      return (
        civilFromDays(local.days).year === civilFromDays(now.days).year && local.days <= now.days
      );
    },
  ),
  ...family('DateTime', 'Hour', 'hours'),
  ...family('DateTime', 'Minute', 'minutes'),
  ...family('DateTime', 'Second', 'seconds'),
];

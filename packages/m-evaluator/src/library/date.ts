import { offsetTemporal } from '../operators/arithmetic.js';
import {
  addMonths,
  civilFromDays,
  dayOfWeek,
  dayOfYear,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  TICKS_PER_DAY,
} from '../values/calendar.js';
import { RecordValue } from '../values/record.js';
import { DateValue, isDayInRange } from '../values/temporal.js';
import { TYPE } from '../values/type.js';
import type { Value } from '../values/value.js';
import { asInteger, asNumber } from './arguments.js';
import { dateFrom } from './conversion.js';
import { cultureArgument, dateFromText } from './conversion-parse.js';
import { asDate, asDateLike, outOfRange, rebuild, ticksOf, type DateLike } from './date-values.js';
import { firstDayOf, temporalConversions } from './date-text.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';

/** `Date.*`: parts, arithmetic, period boundaries, conversion and formatting of dates. */

const LAST_TICK = TICKS_PER_DAY - 1;

/** A function of a date-like value that returns a number or a logical (null stays null). */
function part(name: string, returns: string, read: (value: DateLike) => Value): LibraryEntry {
  return defineFunction(name, `(dateTime as any) as nullable ${returns}`, (_ctx, [dateTime]) => {
    const value = asDateLike(dateTime);
    return value === null ? null : read(value);
  });
}

/** A function that moves a date-like value to a boundary (null stays null). */
function boundary(name: string, move: (value: DateLike) => DateLike): LibraryEntry {
  return defineFunction(name, '(dateTime as any) as any', (_ctx, [dateTime]) => {
    const value = asDateLike(dateTime);
    return value === null ? null : move(value);
  });
}

/** A function that adds a count (its `parameter`) to a date-like value (null stays null). */
function adding(
  name: string,
  parameter: string,
  add: (value: DateLike, count: Value) => Value,
): LibraryEntry {
  return defineFunction(
    name,
    `(dateTime as any, ${parameter} as number) as any`,
    (_ctx, [dateTime, count]) => {
      const value = asDateLike(dateTime);
      return value === null ? null : add(value, count);
    },
  );
}

/** A function that adds whole months (or a multiple of them) to a date-like value. */
function addingMonths(name: string, parameter: string, factor: number): LibraryEntry {
  return adding(name, parameter, (value, count) => {
    const months = asInteger(count, `The ${parameter}`) * factor;
    if (Math.abs(months) > 120_000) throw outOfRange();
    const { year, month } = civilFromDays(value.days);
    const target = year * 12 + month - 1 + months;
    if (target < 12 || target >= 120_000) throw outOfRange();
    return rebuild(value, addMonths(value.days, months), ticksOf(value));
  });
}

/** A function that adds days (or weeks) to a date-like value, as adding a duration does. */
function addingDays(name: string, parameter: string, factor: number): LibraryEntry {
  return adding(name, parameter, (value, count) => {
    const days = asNumber(count) * factor;
    if (!Number.isFinite(days) || Math.abs(days) > 3_700_000) throw outOfRange();
    return offsetTemporal(value, BigInt(Math.round(days * TICKS_PER_DAY)));
  });
}

function startOfMonth(days: number): number {
  const { year, month } = civilFromDays(days);
  return daysFromCivil(year, month, 1);
}

function endOfMonth(days: number): number {
  const { year, month } = civilFromDays(days);
  return daysFromCivil(year, month, daysInMonth(year, month));
}

function startOfQuarter(days: number): number {
  const { year, month } = civilFromDays(days);
  return daysFromCivil(year, month - ((month - 1) % 3), 1);
}

function endOfQuarter(days: number): number {
  const { year, month } = civilFromDays(days);
  const last = month - ((month - 1) % 3) + 2;
  return daysFromCivil(year, last, daysInMonth(year, last));
}

/** The first day of the week that holds a day. */
export function startOfWeek(days: number, firstDay: number): number {
  return days - ((dayOfWeek(days) - firstDay + 7) % 7);
}

function start(value: DateLike, days: number): DateLike {
  return rebuild(value, days, 0);
}

function end(value: DateLike, days: number): DateLike {
  if (!isDayInRange(days)) throw outOfRange();
  return rebuild(value, days, value instanceof DateValue ? 0 : LAST_TICK);
}

/** The week of a period that starts on `periodStart` (weeks start on `firstDay`), from 1. */
function weekOf(days: number, periodStart: number, firstDay: number): number {
  const offset = (dayOfWeek(periodStart) - firstDay + 7) % 7;
  return Math.floor((days - periodStart + offset) / 7) + 1;
}

/** The `Date` namespace (the `Date.IsIn…` functions are in date-relative.ts). */
export const DATE_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('Date.Type', TYPE.date),
  part('Date.Year', 'number', (value) => civilFromDays(value.days).year),
  part('Date.Month', 'number', (value) => civilFromDays(value.days).month),
  part('Date.Day', 'number', (value) => civilFromDays(value.days).day),
  part('Date.DayOfYear', 'number', (value) => dayOfYear(value.days)),
  part('Date.DaysInMonth', 'number', (value) => {
    const { year, month } = civilFromDays(value.days);
    return daysInMonth(year, month);
  }),
  part(
    'Date.QuarterOfYear',
    'number',
    (value) => Math.floor((civilFromDays(value.days).month - 1) / 3) + 1,
  ),
  part('Date.IsLeapYear', 'logical', (value) => isLeapYear(civilFromDays(value.days).year)),
  defineFunction(
    'Date.DayOfWeek',
    '(dateTime as any, optional firstDayOfWeek as nullable number) as nullable number',
    (ctx, [dateTime, firstDayOfWeek]) => {
      const value = asDateLike(dateTime);
      if (value === null) return null;
      return (dayOfWeek(value.days) - firstDayOf(ctx, firstDayOfWeek) + 7) % 7;
    },
  ),
  defineFunction(
    'Date.WeekOfMonth',
    '(dateTime as any, optional firstDayOfWeek as nullable number) as nullable number',
    (ctx, [dateTime, firstDayOfWeek]) => {
      const value = asDateLike(dateTime);
      if (value === null) return null;
      return weekOf(value.days, startOfMonth(value.days), firstDayOf(ctx, firstDayOfWeek));
    },
  ),
  defineFunction(
    'Date.WeekOfYear',
    '(dateTime as any, optional firstDayOfWeek as nullable number) as nullable number',
    (ctx, [dateTime, firstDayOfWeek]) => {
      const value = asDateLike(dateTime);
      if (value === null) return null;
      const { year } = civilFromDays(value.days);
      return weekOf(value.days, daysFromCivil(year, 1, 1), firstDayOf(ctx, firstDayOfWeek));
    },
  ),
  defineFunction(
    'Date.DayOfWeekName',
    '(date as any, optional culture as nullable text) as nullable text',
    (ctx, [date, culture]) => {
      const value = asDateLike(date);
      if (value === null) return null;
      return cultureArgument(ctx, culture).dateTime.dayNames[dayOfWeek(value.days)] ?? null;
    },
  ),
  defineFunction(
    'Date.MonthName',
    '(date as any, optional culture as nullable text) as nullable text',
    (ctx, [date, culture]) => {
      const value = asDateLike(date);
      if (value === null) return null;
      const month = civilFromDays(value.days).month;
      return cultureArgument(ctx, culture).dateTime.monthNames[month - 1] ?? null;
    },
  ),
  addingDays('Date.AddDays', 'numberOfDays', 1),
  addingDays('Date.AddWeeks', 'numberOfWeeks', 7),
  addingMonths('Date.AddMonths', 'numberOfMonths', 1),
  addingMonths('Date.AddQuarters', 'numberOfQuarters', 3),
  addingMonths('Date.AddYears', 'numberOfYears', 12),
  boundary('Date.StartOfDay', (value) => start(value, value.days)),
  boundary('Date.EndOfDay', (value) => end(value, value.days)),
  boundary('Date.StartOfMonth', (value) => start(value, startOfMonth(value.days))),
  boundary('Date.EndOfMonth', (value) => end(value, endOfMonth(value.days))),
  boundary('Date.StartOfQuarter', (value) => start(value, startOfQuarter(value.days))),
  boundary('Date.EndOfQuarter', (value) => end(value, endOfQuarter(value.days))),
  boundary('Date.StartOfYear', (value) =>
    start(value, daysFromCivil(civilFromDays(value.days).year, 1, 1)),
  ),
  boundary('Date.EndOfYear', (value) =>
    end(value, daysFromCivil(civilFromDays(value.days).year, 12, 31)),
  ),
  defineFunction(
    'Date.StartOfWeek',
    '(dateTime as any, optional firstDayOfWeek as nullable number) as any',
    (ctx, [dateTime, firstDayOfWeek]) => {
      const value = asDateLike(dateTime);
      if (value === null) return null;
      const days = startOfWeek(value.days, firstDayOf(ctx, firstDayOfWeek));
      if (!isDayInRange(days)) throw outOfRange();
      return start(value, days);
    },
  ),
  defineFunction(
    'Date.EndOfWeek',
    '(dateTime as any, optional firstDayOfWeek as nullable number) as any',
    (ctx, [dateTime, firstDayOfWeek]) => {
      const value = asDateLike(dateTime);
      if (value === null) return null;
      return end(value, startOfWeek(value.days, firstDayOf(ctx, firstDayOfWeek)) + 6);
    },
  ),
  ...temporalConversions('Date', 'date', 'date', dateFrom, dateFromText),
  defineFunction('Date.ToRecord', '(date as date) as record', (_ctx, [date]) => {
    const { year, month, day } = civilFromDays(asDate(date).days);
    return RecordValue.of([
      ['Year', year],
      ['Month', month],
      ['Day', day],
    ]);
  }),
];

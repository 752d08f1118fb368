import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { DateTimeValue, DateTimeZoneValue, DateValue, TimeValue } from '../values/temporal.js';
import { strip, type Value } from '../values/value.js';
import { asNumberOrNull, asTextOrNull, typeError } from './arguments.js';
import { cultureArgument, fromTextOptions, toTextOptions } from './conversion-parse.js';
import { getCulture, type CultureInfo } from './culture.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { formatDateTime, type DateTimeFields } from './format/datetime-format.js';
import type { TemporalKind } from './format/datetime-pattern.js';

/**
 * What the date and time namespaces share beyond values: `ToText` with its options, and the
 * first-day-of-week argument (a `Day.*` value, or the culture's first day).
 */

/** The fields and kind of a date, time, datetime or datetimezone for formatting. */
export function fieldsOf(value: DateValue | TimeValue | DateTimeValue | DateTimeZoneValue): {
  fields: DateTimeFields;
  kind: TemporalKind;
} {
  if (value instanceof DateValue)
    return { fields: { days: value.days, ticks: 0, offsetMinutes: null }, kind: 'date' };
  if (value instanceof TimeValue)
    return { fields: { days: 0, ticks: value.ticks, offsetMinutes: null }, kind: 'time' };
  if (value instanceof DateTimeValue) {
    return {
      fields: { days: value.days, ticks: value.ticks, offsetMinutes: null },
      kind: 'datetime',
    };
  }
  return {
    fields: { days: value.days, ticks: value.ticks, offsetMinutes: value.offsetMinutes },
    kind: 'datetimezone',
  };
}

/** `Date.ToText`, `Time.ToText`, `DateTime.ToText`, `DateTimeZone.ToText` (null stays null). */
export function temporalToText(
  ctx: Context,
  value: Value,
  options: Value,
  culture: Value,
): string | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (
    !(plain instanceof DateValue) &&
    !(plain instanceof TimeValue) &&
    !(plain instanceof DateTimeValue) &&
    !(plain instanceof DateTimeZoneValue)
  ) {
    throw typeError(plain, 'date');
  }
  const { format, culture: info } = toTextOptions(ctx, options, culture);
  const { fields, kind } = fieldsOf(plain);
  return formatDateTime(fields, format, kind, info, {
    localOffsetMinutes: ctx.timeZoneOffsetMinutes,
  });
}

/**
 * `<Namespace>.From`, `<Namespace>.FromText` and `<Namespace>.ToText` for the date and time types,
 * which declare them alike: `type` is the M type (`datetime`) and `parameter` the name the reference
 * gives `ToText`'s value (`dateTime`).
 */
export function temporalConversions(
  namespace: string,
  type: string,
  parameter: string,
  from: (ctx: Context, value: Value, culture: CultureInfo) => Value,
  fromText: (ctx: Context, text: string, format: string | null, culture: CultureInfo) => Value,
): LibraryEntry[] {
  return [
    defineFunction(
      `${namespace}.From`,
      `(value as any, optional culture as nullable text) as nullable ${type}`,
      (ctx, [value, culture]) => from(ctx, value, cultureArgument(ctx, culture)),
    ),
    defineFunction(
      `${namespace}.FromText`,
      `(text as nullable text, optional options as any) as nullable ${type}`,
      (ctx, [text, options]) => {
        const value = asTextOrNull(text);
        if (value === null) return null;
        const { format, culture } = fromTextOptions(ctx, options);
        return fromText(ctx, value, format, culture);
      },
    ),
    defineFunction(
      `${namespace}.ToText`,
      `(${parameter} as nullable ${type}, optional options as any, optional culture as nullable text) as nullable text`,
      (ctx, [value, options, culture]) => temporalToText(ctx, value, options, culture),
    ),
  ];
}

/** The first day of the week: a `Day.*` argument, or the evaluation culture's first day. */
export function firstDayOf(ctx: Context, value: Value): number {
  const day = asNumberOrNull(value);
  if (day === null) return getCulture(ctx.culture).dateTime.firstDayOfWeek;
  if (!Number.isInteger(day) || day < 0 || day > 6) {
    throw MError.expression(
      'The first day of the week must be a Day value (Day.Sunday to Day.Saturday).',
      day,
    );
  }
  return day;
}

import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { civilFromDays, TICKS_PER_MINUTE } from '../values/calendar.js';
import { RecordValue } from '../values/record.js';
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
import { getCulture, type CultureInfo } from './culture.js';
import { localNow, normalize } from './date-values.js';
import { parseDateTimeExact } from './format/datetime-parse-exact.js';
import { parseDateTimeText } from './format/datetime-parse-culture.js';
import { parseIsoDateTime, timeOfDay, type ParsedDateTime } from './format/datetime-parse.js';
import type { TemporalKind } from './format/datetime-pattern.js';
import { parseDuration } from './format/duration-text.js';
import { parseNumber } from './format/number-parse.js';

/**
 * Text to numbers, dates, times and durations, with the engine's errors (`DataFormat.Error`, "We
 * couldn't parse the input provided as a Date value."), and the options records of the `FromText`
 * and `ToText` functions (`[Format = …, Culture = …]`, or legacy text arguments).
 */

/** A format and a culture, read from the options of a `ToText` or `FromText` function. */
export interface TextOptions {
  readonly format: string | null;
  readonly culture: CultureInfo;
}

function optionalText(record: RecordValue, name: string): string | null {
  const value = strip(record.fieldOrUndefined(name) ?? null);
  if (value === null) return null;
  if (typeof value !== 'string') throw typeError(value, 'text');
  return value;
}

function cultureName(value: Value): string | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (typeof plain !== 'string') throw typeError(plain, 'text');
  return plain;
}

/**
 * The options of `Date.ToText(value, options, culture)`: a record `[Format, Culture]`, or (legacy) a
 * format text with the culture as the third argument.
 */
export function toTextOptions(ctx: Context, options: Value, culture: Value): TextOptions {
  const plain = strip(options);
  const legacyCulture = cultureName(culture);
  if (plain === null) return { format: null, culture: getCulture(legacyCulture ?? ctx.culture) };
  if (typeof plain === 'string') {
    return { format: plain, culture: getCulture(legacyCulture ?? ctx.culture) };
  }
  if (plain instanceof RecordValue) {
    return {
      format: optionalText(plain, 'Format'),
      culture: getCulture(optionalText(plain, 'Culture') ?? legacyCulture ?? ctx.culture),
    };
  }
  throw typeError(plain, 'record');
}

/**
 * The options of `Date.FromText(text, options)`: a record `[Format, Culture]`, or (legacy) a culture
 * text.
 */
export function fromTextOptions(ctx: Context, options: Value): TextOptions {
  const plain = strip(options);
  if (plain === null) return { format: null, culture: getCulture(ctx.culture) };
  if (typeof plain === 'string') return { format: null, culture: getCulture(plain) };
  if (plain instanceof RecordValue) {
    return {
      format: optionalText(plain, 'Format'),
      culture: getCulture(optionalText(plain, 'Culture') ?? ctx.culture),
    };
  }
  throw typeError(plain, 'record');
}

/** The culture of an optional culture argument, or the evaluation's. */
export function cultureArgument(ctx: Context, culture: Value): CultureInfo {
  return getCulture(cultureName(culture) ?? ctx.culture);
}

const KIND_NAMES: Readonly<Record<TemporalKind | 'duration', string>> = {
  date: 'Date',
  time: 'Time',
  datetime: 'DateTime',
  datetimezone: 'DateTimeZone',
  duration: 'Duration',
};

/** The engine's error for a text that is not a date, time or duration. */
export function parseError(kind: TemporalKind | 'duration', text: string): MError {
  return MError.dataFormat(
    `We couldn't parse the input provided as a ${KIND_NAMES[kind]} value.`,
    text,
  );
}

/** The engine's error for a text that is not a number. */
export function numberError(text: string): MError {
  return MError.dataFormat("We couldn't convert to Number.", text);
}

/**
 * Whether a text is empty or only white space: such text converts to null (an empty CSV field typed
 * as a number is null, not an error).
 */
export function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  return (first === 32 || first === 9 || first === 0xa0) && text.trim() === '';
}

/** A number from text in a culture (null for blank text), or the engine's error. */
export function numberFromText(text: string, culture: CultureInfo): number | null {
  if (isBlank(text)) return null;
  const value = parseNumber(text, culture);
  if (value === undefined) throw numberError(text);
  return value;
}

/** One to six digits: a time written without separators. */
const DIGITS_TIME = /^\d{1,6}$/;

/** A bare run of digits as a time: `10` is 10:00, `1012` is 10:12, `101231` is 10:12:31. */
function digitsTime(text: string): number | undefined {
  if (!DIGITS_TIME.test(text)) return undefined;
  const padded = text.length % 2 === 1 ? `0${text}` : text;
  const hour = Number(padded.slice(0, 2));
  const minute = padded.length >= 4 ? Number(padded.slice(2, 4)) : 0;
  const second = padded.length >= 6 ? Number(padded.slice(4, 6)) : 0;
  const ticks = timeOfDay(hour, minute, second, 0);
  return ticks < 0 ? undefined : ticks;
}

function parsed(
  ctx: Context,
  kind: TemporalKind,
  text: string,
  format: string | null,
  culture: CultureInfo,
): ParsedDateTime {
  if (format === null) {
    const iso = parseIsoDateTime(text);
    if (iso !== undefined) return iso;
  }
  const defaultYear = civilFromDays(localNow(ctx).days).year;
  const result =
    format === null
      ? parseDateTimeText(text, culture, { defaultYear })
      : parseDateTimeExact(text, format, kind, culture, defaultYear);
  if (result === undefined) {
    const ticks = format === null && kind === 'time' ? digitsTime(text.trim()) : undefined;
    if (ticks !== undefined) return { days: undefined, ticks, offsetMinutes: undefined };
    throw parseError(kind, text);
  }
  return result;
}

/** A date from text (a time part, if any, is dropped). */
export function dateFromText(
  ctx: Context,
  text: string,
  format: string | null,
  culture: CultureInfo,
): DateValue | null {
  if (isBlank(text)) return null;
  const result = parsed(ctx, 'date', text, format, culture);
  if (result.days === undefined) throw parseError('date', text);
  return new DateValue(result.days);
}

/** A time from text (`10:12:31am`, `1012`, `10`, or a datetime's time). */
export function timeFromText(
  ctx: Context,
  text: string,
  format: string | null,
  culture: CultureInfo,
): TimeValue | null {
  if (isBlank(text)) return null;
  const result = parsed(ctx, 'time', text, format, culture);
  if (result.ticks === undefined) {
    if (format !== null) return new TimeValue(0);
    throw parseError('time', text);
  }
  return new TimeValue(result.ticks);
}

/**
 * A datetime from text. A text with an offset is moved to the local time zone, as .NET reads it; a
 * text with only a time is on today's date.
 */
export function dateTimeFromText(
  ctx: Context,
  text: string,
  format: string | null,
  culture: CultureInfo,
): DateTimeValue | null {
  if (isBlank(text)) return null;
  const result = parsed(ctx, 'datetime', text, format, culture);
  const days = result.days ?? localNow(ctx).days;
  const ticks = result.ticks ?? 0;
  if (result.offsetMinutes === undefined) return new DateTimeValue(days, ticks);
  const local = normalize(
    days,
    ticks + (ctx.timeZoneOffsetMinutes - result.offsetMinutes) * TICKS_PER_MINUTE,
  );
  if (!isDayInRange(local.days)) throw parseError('datetime', text);
  return new DateTimeValue(local.days, local.ticks);
}

/** A datetimezone from text; without an offset it is in the local time zone. */
export function dateTimeZoneFromText(
  ctx: Context,
  text: string,
  format: string | null,
  culture: CultureInfo,
): DateTimeZoneValue | null {
  if (isBlank(text)) return null;
  const result = parsed(ctx, 'datetimezone', text, format, culture);
  const days = result.days ?? localNow(ctx).days;
  return new DateTimeZoneValue(
    days,
    result.ticks ?? 0,
    result.offsetMinutes ?? ctx.timeZoneOffsetMinutes,
  );
}

/** A duration from text, or the engine's error. */
export function durationFromText(text: string): DurationValue | null {
  if (isBlank(text)) return null;
  const ticks = parseDuration(text);
  if (ticks === undefined) throw parseError('duration', text);
  return new DurationValue(ticks);
}

import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { displayTypeOf } from '../operators/type-names.js';
import { conforms, conversionError } from '../types/conformance.js';
import { TICKS_PER_DAY } from '../values/calendar.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  TimeValue,
} from '../values/temporal.js';
import type { TypeValue } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { typeError } from './arguments.js';
import { numberFacetOf, toFacetNumber } from './conversion-number.js';
import {
  dateFromText,
  dateTimeFromText,
  dateTimeZoneFromText,
  durationFromText,
  isBlank,
  numberFromText,
  timeFromText,
} from './conversion-parse.js';
import { getCulture, type CultureInfo } from './culture.js';
import { fromOADate, localDateTime, OA_EPOCH_DAY, toOADate } from './date-values.js';
import { formatDateTime } from './format/datetime-format.js';
import { formatDuration } from './format/duration-text.js';
import { formatNumber } from './format/number-format.js';

/**
 * Conversions between kinds of values, as the `X.From` functions, `Table.TransformColumnTypes` and
 * the CSV reader apply them: text read by culture, numbers to their facet types, dates to
 * datetimes and back, OLE Automation numbers to dates. Null stays null; text that does not parse
 * raises a `DataFormat.Error`, a value of a kind that cannot be converted an `Expression.Error`.
 */

function notLegalDate(value: number): MError {
  return MError.expression('Not a legal OleAut date.', value);
}

/** `Number.From`: a number from text, logical, date, time, duration values (null stays null). */
export function numberFrom(ctx: Context, value: Value, culture: CultureInfo): number | null {
  const plain = strip(value);
  if (plain === null) return null;
  switch (typeof plain) {
    case 'number':
      return plain;
    case 'string':
      return numberFromText(plain, culture);
    case 'boolean':
      return plain ? 1 : 0;
    default:
      break;
  }
  if (plain instanceof DateTimeValue) return toOADate(plain.days, plain.ticks);
  if (plain instanceof DateValue) return plain.days - OA_EPOCH_DAY;
  if (plain instanceof DateTimeZoneValue) {
    const local = localDateTime(ctx, plain);
    return toOADate(local.days, local.ticks);
  }
  if (plain instanceof TimeValue) return plain.ticks / TICKS_PER_DAY;
  if (plain instanceof DurationValue) return Number(plain.ticks) / TICKS_PER_DAY;
  throw typeError(plain, 'number');
}

/** `Date.From`. */
export function dateFrom(ctx: Context, value: Value, culture: CultureInfo): DateValue | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (plain instanceof DateValue) return plain;
  if (typeof plain === 'string') return dateFromText(ctx, plain, null, culture);
  if (plain instanceof DateTimeValue) return new DateValue(plain.days);
  if (plain instanceof DateTimeZoneValue) return new DateValue(localDateTime(ctx, plain).days);
  if (typeof plain === 'number') {
    const parts = fromOADate(plain);
    if (parts === undefined) throw notLegalDate(plain);
    return new DateValue(parts.days);
  }
  throw typeError(plain, 'date');
}

/** `Time.From`. */
export function timeFrom(ctx: Context, value: Value, culture: CultureInfo): TimeValue | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (plain instanceof TimeValue) return plain;
  if (typeof plain === 'string') return timeFromText(ctx, plain, null, culture);
  if (plain instanceof DateTimeValue) return new TimeValue(plain.ticks);
  if (plain instanceof DateTimeZoneValue) return new TimeValue(localDateTime(ctx, plain).ticks);
  if (typeof plain === 'number') {
    const parts = plain >= 0 && plain < 1 ? fromOADate(plain) : undefined;
    if (parts === undefined || parts.days !== OA_EPOCH_DAY) {
      throw MError.expression(
        'The number must be from 0 to less than 1 to be a time of day.',
        plain,
      );
    }
    return new TimeValue(parts.ticks);
  }
  throw typeError(plain, 'time');
}

/** `DateTime.From`. */
export function dateTimeFrom(
  ctx: Context,
  value: Value,
  culture: CultureInfo,
): DateTimeValue | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (plain instanceof DateTimeValue) return plain;
  if (typeof plain === 'string') return dateTimeFromText(ctx, plain, null, culture);
  if (plain instanceof DateValue) return new DateTimeValue(plain.days, 0);
  if (plain instanceof DateTimeZoneValue) return localDateTime(ctx, plain);
  if (plain instanceof TimeValue)
    return new DateTimeValue(OA_EPOCH_DAY, plain.ticks % TICKS_PER_DAY);
  if (typeof plain === 'number') {
    const parts = fromOADate(plain);
    if (parts === undefined) throw notLegalDate(plain);
    return new DateTimeValue(parts.days, parts.ticks);
  }
  throw typeError(plain, 'datetime');
}

/** `DateTimeZone.From`: values without an offset get the local one. */
export function dateTimeZoneFrom(
  ctx: Context,
  value: Value,
  culture: CultureInfo,
): DateTimeZoneValue | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (plain instanceof DateTimeZoneValue) return plain;
  if (typeof plain === 'string') return dateTimeZoneFromText(ctx, plain, null, culture);
  const local =
    plain instanceof DateTimeValue ||
    plain instanceof DateValue ||
    plain instanceof TimeValue ||
    typeof plain === 'number'
      ? dateTimeFrom(ctx, plain, culture)
      : undefined;
  if (local === undefined || local === null) throw typeError(plain, 'datetimezone');
  return new DateTimeZoneValue(local.days, local.ticks, ctx.timeZoneOffsetMinutes);
}

/** `Duration.From`: a number is a count of days. */
export function durationFrom(value: Value): DurationValue | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (plain instanceof DurationValue) return plain;
  if (typeof plain === 'string') return durationFromText(plain);
  if (typeof plain === 'number') {
    if (!Number.isFinite(plain))
      throw MError.expression('The duration is not a finite number.', plain);
    return new DurationValue(BigInt(Math.round(plain * TICKS_PER_DAY)));
  }
  throw typeError(plain, 'duration');
}

/** `Logical.From`: `"true"`/`"false"` in any case, and numbers (zero is false). */
export function logicalFrom(value: Value): boolean | null {
  const plain = strip(value);
  if (plain === null || typeof plain === 'boolean') return plain;
  if (typeof plain === 'number') return plain !== 0;
  if (typeof plain === 'string') {
    if (isBlank(plain)) return null;
    const lower = plain.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw MError.dataFormat("We couldn't convert to Logical.", plain);
  }
  throw typeError(plain, 'logical');
}

/**
 * `Text.From`: the text of a number, date, time, datetime, datetimezone, duration, logical or
 * binary value in a culture (null: the evaluation's); null stays null.
 */
export function valueToText(
  ctx: Context,
  value: Value,
  culture: CultureInfo | string | null,
): string | null {
  const plain = strip(value);
  if (plain === null) return null;
  switch (typeof plain) {
    case 'string':
      return plain;
    case 'boolean':
      return plain ? 'true' : 'false';
    default:
      break;
  }
  const info =
    typeof culture === 'object' && culture !== null ? culture : getCulture(culture ?? ctx.culture);
  if (typeof plain === 'number') return formatNumber(plain, null, info);
  const options = { localOffsetMinutes: ctx.timeZoneOffsetMinutes };
  switch (plain.kind) {
    case 'date':
      return formatDateTime(
        { days: plain.days, ticks: 0, offsetMinutes: null },
        'd',
        'date',
        info,
        options,
      );
    case 'time':
      return formatDateTime(
        { days: 0, ticks: plain.ticks, offsetMinutes: null },
        'T',
        'time',
        info,
        options,
      );
    case 'datetime':
      return formatDateTime(
        { days: plain.days, ticks: plain.ticks, offsetMinutes: null },
        null,
        'datetime',
        info,
        options,
      );
    case 'datetimezone':
      return formatDateTime(
        { days: plain.days, ticks: plain.ticks, offsetMinutes: plain.offsetMinutes },
        null,
        'datetimezone',
        info,
        options,
      );
    case 'duration':
      return formatDuration(plain.ticks);
    case 'binary':
      return Buffer.from(plain.bytes).toString('base64');
    default:
      throw MError.expression(
        `We cannot convert a value of type ${displayTypeOf(plain)} to type Text.`,
        plain,
      );
  }
}

/** A conversion to one type, with its culture resolved once. */
export type Converter = (ctx: Context, value: Value) => Value;

/**
 * The conversion to a type, for converting many values (a column): the type is inspected once.
 * `culture` null means the evaluation's culture.
 */
export function converterFor(type: TypeValue, culture: string | null): Converter {
  let cachedName: string | undefined;
  let cachedCulture: CultureInfo | undefined;
  const cultureOf = (ctx: Context): CultureInfo => {
    const name = culture ?? ctx.culture;
    if (name !== cachedName || cachedCulture === undefined) {
      cachedName = name;
      cachedCulture = getCulture(name);
    }
    return cachedCulture;
  };
  switch (type.primitiveName) {
    case 'number': {
      const facet = numberFacetOf(type);
      return (ctx, value) => {
        const plain = strip(value);
        if (plain === null) return null;
        const number = typeof plain === 'number' ? plain : numberFrom(ctx, plain, cultureOf(ctx));
        if (number === null) return null;
        return facet === undefined ? number : toFacetNumber(number, facet);
      };
    }
    case 'text':
      return (ctx, value) => valueToText(ctx, value, cultureOf(ctx));
    case 'logical':
      return (_ctx, value) => logicalFrom(value);
    case 'date':
      return (ctx, value) => dateFrom(ctx, value, cultureOf(ctx));
    case 'time':
      return (ctx, value) => timeFrom(ctx, value, cultureOf(ctx));
    case 'datetime':
      return (ctx, value) => dateTimeFrom(ctx, value, cultureOf(ctx));
    case 'datetimezone':
      return (ctx, value) => dateTimeZoneFrom(ctx, value, cultureOf(ctx));
    case 'duration':
      return (_ctx, value) => durationFrom(value);
    case 'any':
    case 'anynonnull':
      return (_ctx, value) => value;
    default:
      return (_ctx, value) => {
        const plain = strip(value);
        if (plain === null || conforms(plain, type)) return plain === null ? null : value;
        throw conversionError(plain, type);
      };
  }
}

/**
 * Converts a value to a type as `Table.TransformColumnTypes` does: text by culture (null: the
 * evaluation's), numbers to facet types (`Int64.Type` rounds half to even), dates and datetimes
 * into each other; null stays null. Raises `DataFormat.Error` for text that does not parse.
 */
export function convertToType(
  ctx: Context,
  value: Value,
  type: TypeValue,
  culture: string | null,
): Value {
  let byCulture = CONVERTERS.get(type);
  if (byCulture === undefined) {
    byCulture = new Map();
    CONVERTERS.set(type, byCulture);
  }
  let converter = byCulture.get(culture);
  if (converter === undefined) {
    converter = converterFor(type, culture);
    byCulture.set(culture, converter);
  }
  return converter(ctx, value);
}

/**
 * Converters by type and culture, so that converting a column value by value inspects the type
 * once. Memoization only: a converter holds no state an evaluation could observe.
 */
const CONVERTERS = new WeakMap<TypeValue, Map<string | null, Converter>>();

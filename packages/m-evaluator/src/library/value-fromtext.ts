import type { Context } from '../context.js';
import { DateTimeValue, DateTimeZoneValue, DurationValue } from '../values/temporal.js';
import { strip, type Value } from '../values/value.js';
import { typeError } from './arguments.js';
import { cultureArgument } from './conversion-parse.js';
import type { CultureInfo } from './culture.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { parseDateTimeText } from './format/datetime-parse-culture.js';
import { parseDuration } from './format/duration-text.js';
import { parseNumber } from './format/number-parse.js';
import { localNow } from './date-values.js';
import { civilFromDays } from '../values/calendar.js';

/**
 * `Value.FromText`: the value a text most likely holds: null for empty text, a logical, a number,
 * a datetime (a datetimezone when it has an offset), a duration, or the text itself.
 */
export function valueFromText(ctx: Context, text: string, culture: CultureInfo): Value {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const lower = trimmed.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  const number = parseNumber(trimmed, culture);
  if (number !== undefined) return number;
  const parsed = parseDateTimeText(trimmed, culture, {
    defaultYear: civilFromDays(localNow(ctx).days).year,
  });
  if (parsed?.days !== undefined) {
    const ticks = parsed.ticks ?? 0;
    return parsed.offsetMinutes === undefined
      ? new DateTimeValue(parsed.days, ticks)
      : new DateTimeZoneValue(parsed.days, ticks, parsed.offsetMinutes);
  }
  const duration = parseDuration(trimmed);
  if (duration !== undefined) return new DurationValue(duration);
  return text;
}

/** `Value.FromText`. */
export const VALUE_FROM_TEXT_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Value.FromText',
    '(text as any, optional culture as nullable text) as any',
    (ctx, [text, culture]) => {
      const plain = strip(text);
      if (plain === null) return null;
      if (typeof plain !== 'string') throw typeError(plain, 'text');
      return valueFromText(ctx, plain, cultureArgument(ctx, culture));
    },
  ),
];

import {
  civilFromDays,
  dayOfWeek,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
} from '../../values/calendar.js';
import type { CultureInfo } from '../culture.js';
import {
  invalidDateFormat,
  resolvePattern,
  tokenizeDatePattern,
  type DateToken,
  type TemporalKind,
} from './datetime-pattern.js';

/**
 * Dates and times to text with .NET date and time format strings: the standard formats (`d`, `D`,
 * `f`, `F`, `g`, `G`, `M`, `Y`, `t`, `T`, `o`, `R`, `s`, `u`) and custom patterns, with month and
 * day names, separators and AM/PM designators from the culture. Works on day numbers and ticks.
 */

/** A date and time to format: a day number, the ticks of the day, and an offset (datetimezone). */
export interface DateTimeFields {
  readonly days: number;
  readonly ticks: number;
  /** Minutes east of UTC for a datetimezone; null for the other kinds. */
  readonly offsetMinutes: number | null;
}

/** Options of {@link formatDateTime}. */
export interface DateTimeFormatOptions {
  /** The offset `z` and `zzz` show for values without one (the local time zone). */
  readonly localOffsetMinutes: number;
}

/** Formats a date, time, datetime or datetimezone with a format string (null: the default). */
export function formatDateTime(
  fields: DateTimeFields,
  format: string | null,
  kind: TemporalKind,
  culture: CultureInfo,
  options: DateTimeFormatOptions = { localOffsetMinutes: 0 },
): string {
  const resolved = resolvePattern(format, kind, culture);
  let value = fields;
  if (resolved.utc && fields.offsetMinutes !== null && fields.offsetMinutes !== 0) {
    value = toUtcFields(fields);
  }
  return formatPattern(
    value,
    tokenizeDatePattern(resolved.pattern),
    resolved.culture,
    options,
    format ?? '',
  );
}

function toUtcFields(fields: DateTimeFields): DateTimeFields {
  let ticks = fields.ticks - (fields.offsetMinutes ?? 0) * TICKS_PER_MINUTE;
  let days = fields.days;
  if (ticks < 0) {
    ticks += TICKS_PER_DAY;
    days -= 1;
  } else if (ticks >= TICKS_PER_DAY) {
    ticks -= TICKS_PER_DAY;
    days += 1;
  }
  return { days, ticks, offsetMinutes: 0 };
}

const TRAILING_ZEROS = /0+$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function offsetText(minutes: number, count: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  const hours = Math.floor(magnitude / 60);
  if (count === 1) return `${sign}${String(hours)}`;
  if (count === 2) return `${sign}${pad(hours, 2)}`;
  return `${sign}${pad(hours, 2)}:${pad(magnitude % 60, 2)}`;
}

/** Whether a month name token stands next to a day number (then the genitive name is used). */
function hasDayNumber(tokens: readonly DateToken[]): boolean {
  return tokens.some((token) => token.kind === 'field' && token.char === 'd' && token.count <= 2);
}

function formatPattern(
  fields: DateTimeFields,
  tokens: readonly DateToken[],
  culture: CultureInfo,
  options: DateTimeFormatOptions,
  format: string,
): string {
  const data = culture.dateTime;
  const civil = civilFromDays(fields.days);
  const ticks = fields.ticks;
  const hour = Math.floor(ticks / TICKS_PER_HOUR);
  const minute = Math.floor((ticks % TICKS_PER_HOUR) / TICKS_PER_MINUTE);
  const second = Math.floor((ticks % TICKS_PER_MINUTE) / TICKS_PER_SECOND);
  const fraction = pad(ticks % TICKS_PER_SECOND, 7);
  const genitive = hasDayNumber(tokens);
  let out = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        out += token.text;
        break;
      case 'dateSeparator':
        out += data.dateSeparator;
        break;
      case 'timeSeparator':
        out += data.timeSeparator;
        break;
      case 'field': {
        const count = token.count;
        switch (token.char) {
          case 'd':
            if (count <= 2) out += pad(civil.day, count);
            else {
              const weekday = dayOfWeek(fields.days);
              out += (count === 3 ? data.abbreviatedDayNames : data.dayNames)[weekday] ?? '';
            }
            break;
          case 'M':
            if (count <= 2) out += pad(civil.month, count);
            else if (count === 3) {
              out +=
                (genitive ? data.abbreviatedMonthGenitiveNames : data.abbreviatedMonthNames)[
                  civil.month - 1
                ] ?? '';
            } else {
              out += (genitive ? data.monthGenitiveNames : data.monthNames)[civil.month - 1] ?? '';
            }
            break;
          case 'y':
            out += count <= 2 ? pad(civil.year % 100, count) : pad(civil.year, count);
            break;
          case 'h':
            out += pad(hour % 12 === 0 ? 12 : hour % 12, Math.min(count, 2));
            break;
          case 'H':
            out += pad(hour, Math.min(count, 2));
            break;
          case 'm':
            out += pad(minute, Math.min(count, 2));
            break;
          case 's':
            out += pad(second, Math.min(count, 2));
            break;
          case 'f':
            if (count > 7) throw invalidDateFormat(format);
            out += fraction.slice(0, count);
            break;
          case 'F': {
            if (count > 7) throw invalidDateFormat(format);
            const digits = fraction.slice(0, count).replace(TRAILING_ZEROS, '');
            if (digits === '' && out.endsWith('.')) out = out.slice(0, -1);
            out += digits;
            break;
          }
          case 't': {
            const designator = hour < 12 ? data.amDesignator : data.pmDesignator;
            out += count === 1 ? designator.slice(0, 1) : designator;
            break;
          }
          case 'z':
            out += offsetText(
              fields.offsetMinutes ?? options.localOffsetMinutes,
              Math.min(count, 3),
            );
            break;
          case 'K':
            if (fields.offsetMinutes !== null) out += offsetText(fields.offsetMinutes, 3);
            break;
          case 'g':
            out += data.eraName;
            break;
          default:
            break;
        }
        break;
      }
    }
  }
  return out;
}

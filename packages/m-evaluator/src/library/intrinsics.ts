import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { BinaryValue } from '../values/binary.js';
import {
  daysFromCivil,
  isValidCivilDate,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
} from '../values/calendar.js';
import { ArrayList, ListValue } from '../values/list.js';
import { StreamRows, TableValue, type RowCursor } from '../values/table.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  MAX_DURATION_TICKS,
  TimeValue,
} from '../values/temporal.js';
import type { Slot } from '../values/thunk.js';
import { recordType, tableType, TYPE, TypeValue, type RecordTypeField } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asList, asNumber, typeError } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/** The `#`-keyword constructors: `#date`, `#time`, `#datetime`, `#datetimezone`, `#duration`, `#table`, `#binary`. */

function part(value: Value, name: string, low: number, high: number): number {
  const number = asNumber(value);
  if (!Number.isInteger(number) || number < low || number > high) {
    throw MError.expression(
      `The ${name} must be a whole number from ${String(low)} to ${String(high)}.`,
      number,
    );
  }
  return number;
}

/** Days of a valid calendar date, or the engine's error. */
export function dateDays(year: number, month: number, day: number): number {
  if (!isValidCivilDate(year, month, day)) {
    throw MError.expression(
      'The arguments do not represent a valid date.',
      `${String(year)}-${String(month)}-${String(day)}`,
    );
  }
  return daysFromCivil(year, month, day);
}

/** Ticks of a time of day from hours, minutes and (fractional) seconds, or the engine's error. */
export function timeTicks(
  hourValue: Value,
  minuteValue: Value,
  secondValue: Value,
  allowEndOfDay: boolean,
): number {
  const hour = part(hourValue, 'hour', 0, 24);
  const minute = part(minuteValue, 'minute', 0, 59);
  const second = asNumber(secondValue);
  if (!(second >= 0 && second < 60)) {
    throw MError.expression('The second must be a number from 0 to less than 60.', second);
  }
  const ticks =
    hour * TICKS_PER_HOUR + minute * TICKS_PER_MINUTE + Math.round(second * TICKS_PER_SECOND);
  if (
    ticks > TICKS_PER_DAY ||
    (ticks === TICKS_PER_DAY && !allowEndOfDay) ||
    (hour === 24 && ticks !== TICKS_PER_DAY)
  ) {
    throw MError.expression('The arguments do not represent a valid time of day.', ticks);
  }
  return ticks;
}

/** Exact ticks of days, hours, minutes and seconds (any signs and fractions). */
export function durationTicks(
  days: number,
  hours: number,
  minutes: number,
  seconds: number,
): bigint {
  for (const value of [days, hours, minutes, seconds]) {
    if (!Number.isFinite(value))
      throw MError.expression('The parts of a duration must be finite numbers.', value);
  }
  let ticks: bigint;
  if (Number.isInteger(days) && Number.isInteger(hours) && Number.isInteger(minutes)) {
    ticks =
      BigInt(days) * BigInt(TICKS_PER_DAY) +
      BigInt(hours) * BigInt(TICKS_PER_HOUR) +
      BigInt(minutes) * BigInt(TICKS_PER_MINUTE) +
      BigInt(Math.round(seconds * TICKS_PER_SECOND));
  } else {
    ticks = BigInt(
      Math.round(
        ((days * 24 + hours) * 60 + minutes) * 60 * TICKS_PER_SECOND + seconds * TICKS_PER_SECOND,
      ),
    );
  }
  if (ticks > MAX_DURATION_TICKS || ticks < -MAX_DURATION_TICKS - 1n) {
    throw MError.expression('The duration is outside the range of durations.');
  }
  return ticks;
}

/** The columns of `#table`'s first argument: a table type, a list of names, or a column count. */
function tableColumns(ctx: Context, columns: Value): TypeValue {
  const plain = strip(columns);
  if (plain instanceof TypeValue) {
    if (plain.shape.kind === 'table') return plain;
    if (plain.shape.kind === 'record') return tableType(plain);
    throw MError.expression(
      'The columns of #table must be a table type, a list of names or a count.',
      plain,
    );
  }
  if (typeof plain === 'number') {
    if (!Number.isInteger(plain) || plain < 0) {
      throw MError.expression('The column count of #table must be a whole number.', plain);
    }
    return tableType(
      recordType(
        Array.from({ length: plain }, (_, index) => ({
          name: `Column${String(index + 1)}`,
          type: TYPE.any,
          optional: false,
        })),
      ),
    );
  }
  const names = asList(plain).toArray(ctx);
  const fields: RecordTypeField[] = names.map((name) => {
    const text = strip(name);
    if (typeof text !== 'string') throw typeError(text, 'text');
    return { name: text, type: TYPE.any, optional: false };
  });
  return tableType(recordType(fields));
}

/** A table whose rows come from a list of lists, read lazily. */
export function tableFromRowLists(type: TypeValue, rows: ListValue): TableValue {
  const table = new TableValue(
    type,
    new StreamRows(
      (ctx) => new RowListCursor(rows, ctx, widthOf(type)),
      rows.hasKnownCount && rows instanceof ArrayList ? rows.slots.length : undefined,
    ),
  );
  return table;
}

function widthOf(type: TypeValue): number {
  return type.shape.kind === 'table' && type.shape.row.shape.kind === 'record'
    ? type.shape.row.shape.fields.length
    : 0;
}

class RowListCursor implements RowCursor {
  current: Slot[] = [];
  readonly #rows;
  constructor(
    rows: ListValue,
    private readonly ctx: Context,
    private readonly width: number,
  ) {
    this.#rows = rows.cursor(ctx);
  }

  next(): boolean {
    if (!this.#rows.next()) return false;
    const row = strip(this.#rows.current);
    if (!(row instanceof ListValue)) throw typeError(row, 'list');
    const cells: Slot[] = row instanceof ArrayList ? row.slots.slice() : row.toArray(this.ctx);
    if (cells.length !== this.width) {
      throw MError.expression(
        `The row has ${String(cells.length)} values, but the table has ${String(this.width)} columns.`,
        row,
      );
    }
    this.current = cells;
    return true;
  }
}

function bytesOf(ctx: Context, value: Value): Uint8Array {
  const plain = strip(value);
  if (plain instanceof BinaryValue) return plain.bytes;
  if (typeof plain === 'string') {
    const compact = plain.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
      throw MError.dataFormat('The text is not valid base64.', plain);
    }
    return new Uint8Array(Buffer.from(compact, 'base64'));
  }
  if (plain instanceof ListValue) {
    const items = plain.toArray(ctx);
    const bytes = new Uint8Array(items.length);
    items.forEach((item, index) => {
      const byte = asNumber(item);
      if (!Number.isInteger(byte) || byte < 0 || byte > 255) {
        throw MError.expression(
          'The items of a binary list must be whole numbers from 0 to 255.',
          byte,
        );
      }
      bytes[index] = byte;
    });
    return bytes;
  }
  throw MError.expression('#binary takes a list of bytes, a base64 text or a binary.', plain);
}

/** The intrinsic constructors. */
export const INTRINSICS: readonly LibraryEntry[] = [
  defineFunction(
    '#date',
    '(year as number, month as number, day as number) as date',
    (_ctx, [year, month, day]) =>
      new DateValue(
        dateDays(part(year, 'year', 1, 9999), part(month, 'month', 1, 12), part(day, 'day', 1, 31)),
      ),
  ),
  defineFunction(
    '#time',
    '(hour as number, minute as number, second as number) as time',
    (_ctx, [hour, minute, second]) => new TimeValue(timeTicks(hour, minute, second, true)),
  ),
  defineFunction(
    '#datetime',
    '(year as number, month as number, day as number, hour as number, minute as number, second as number) as datetime',
    (_ctx, [year, month, day, hour, minute, second]) =>
      new DateTimeValue(
        dateDays(part(year, 'year', 1, 9999), part(month, 'month', 1, 12), part(day, 'day', 1, 31)),
        timeTicks(hour, minute, second, false),
      ),
  ),
  defineFunction(
    '#datetimezone',
    '(year as number, month as number, day as number, hour as number, minute as number, second as number, offsetHours as number, offsetMinutes as number) as datetimezone',
    (_ctx, [year, month, day, hour, minute, second, offsetHours, offsetMinutes]) => {
      const hours = part(offsetHours, 'offset hour', -14, 14);
      const minutes = part(offsetMinutes, 'offset minute', -59, 59);
      if (hours !== 0 && minutes !== 0 && Math.sign(hours) !== Math.sign(minutes)) {
        throw MError.expression('The offset hours and minutes must have the same sign.', minutes);
      }
      const offset = hours * 60 + minutes;
      if (Math.abs(offset) > 14 * 60)
        throw MError.expression('The offset must be within 14 hours of UTC.', offset);
      return new DateTimeZoneValue(
        dateDays(part(year, 'year', 1, 9999), part(month, 'month', 1, 12), part(day, 'day', 1, 31)),
        timeTicks(hour, minute, second, false),
        offset,
      );
    },
  ),
  defineFunction(
    '#duration',
    '(days as number, hours as number, minutes as number, seconds as number) as duration',
    (_ctx, [days, hours, minutes, seconds]) =>
      new DurationValue(
        durationTicks(asNumber(days), asNumber(hours), asNumber(minutes), asNumber(seconds)),
      ),
  ),
  defineFunction('#table', '(columns as any, rows as any) as any', (ctx, [columns, rows]) =>
    tableFromRowLists(tableColumns(ctx, columns), asList(rows)),
  ),
  defineFunction(
    '#binary',
    '(value as any) as any',
    (ctx, [value]) => new BinaryValue(bytesOf(ctx, value)),
  ),
];

import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { displayTypeOf } from '../operators/type-names.js';
import { BinaryValue } from '../values/binary.js';
import { civilFromDays, splitTicks, TICKS_PER_DAY } from '../values/calendar.js';
import { ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { cell, TableValue } from '../values/table.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  TimeValue,
} from '../values/temporal.js';
import { strip, type Value } from '../values/value.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { CODE_PAGE, codePageOf, decodeText, encodeText } from './encoding.js';
import { parseJson } from './json-parse.js';

/**
 * `Json.Document` (JSON text or bytes to M values) and `Json.FromValue` (M values to JSON bytes):
 * records are objects, lists and tables arrays, dates and durations ISO 8601 text, binaries base64,
 * and numbers that are not finite `null`. Functions and types have no JSON form.
 */

const MAX_DEPTH = 1000;

/** A number as .NET writes a double (shortest round trip; exponent form below 1E-05 and from 1E+15). */
export function jsonNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value === 0 ? 0 : value);
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= 15 || exponent <= -5) {
    return `${mantissa}E${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** A JSON string literal. */
export function jsonString(text: string): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const character = text[index] as string;
    if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += '\\\\';
    else if (code >= 0x20) out += character;
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0c) out += '\\f';
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function dateText(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Seconds with a fraction only when there is one (up to seven digits, trailing zeros dropped). */
function secondsText(second: number, fraction: number): string {
  const digits = fraction === 0 ? '' : `.${pad(fraction, 7).replace(/0+$/, '')}`;
  return `${pad(second)}${digits}`;
}

function timeText(ticks: number): string {
  const { hour, minute, second, fraction } = splitTicks(ticks);
  return `${pad(hour)}:${pad(minute)}:${secondsText(second, fraction)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const total = Math.abs(minutes);
  return `${sign}${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** A duration in ISO 8601 form: `P1DT2H3M4.5S`, `PT0S`, `-P1D`. */
export function durationText(ticks: bigint): string {
  const negative = ticks < 0n;
  let rest = negative ? -ticks : ticks;
  const day = BigInt(TICKS_PER_DAY);
  const days = rest / day;
  rest %= day;
  const { hour, minute, second, fraction } = splitTicks(Number(rest));
  let time = '';
  if (hour > 0) time += `${String(hour)}H`;
  if (minute > 0) time += `${String(minute)}M`;
  if (second > 0 || fraction > 0) {
    time += `${String(second)}${fraction === 0 ? '' : `.${pad(fraction, 7).replace(/0+$/, '')}`}S`;
  }
  let text = days > 0n ? `${days.toString()}D` : '';
  if (time !== '') text += `T${time}`;
  if (text === '') text = 'T0S';
  return `${negative ? '-' : ''}P${text}`;
}

function writeJson(ctx: Context, value: Value, depth: number): string {
  if (depth > MAX_DEPTH) {
    throw MError.expression('The value is nested too deeply to be written as JSON.');
  }
  const plain = strip(value);
  if (plain === null) return 'null';
  switch (typeof plain) {
    case 'boolean':
      return plain ? 'true' : 'false';
    case 'number':
      return Number.isFinite(plain) ? jsonNumber(plain) : 'null';
    case 'string':
      return jsonString(plain);
    default:
      break;
  }
  if (plain instanceof DateValue) return jsonString(dateText(plain.days));
  if (plain instanceof TimeValue) return jsonString(timeText(plain.ticks));
  if (plain instanceof DateTimeValue) {
    return jsonString(`${dateText(plain.days)}T${timeText(plain.ticks)}`);
  }
  if (plain instanceof DateTimeZoneValue) {
    return jsonString(
      `${dateText(plain.days)}T${timeText(plain.ticks)}${offsetText(plain.offsetMinutes)}`,
    );
  }
  if (plain instanceof DurationValue) return jsonString(durationText(plain.ticks));
  if (plain instanceof BinaryValue) {
    return jsonString(Buffer.from(plain.bytes).toString('base64'));
  }
  if (plain instanceof ListValue) {
    const items: string[] = [];
    const cursor = plain.cursor(ctx);
    while (cursor.next()) items.push(writeJson(ctx, cursor.current, depth + 1));
    return `[${items.join(',')}]`;
  }
  if (plain instanceof RecordValue) {
    return `{${plain.names
      .map((name, index) => `${jsonString(name)}:${writeJson(ctx, plain.at(index), depth + 1)}`)
      .join(',')}}`;
  }
  if (plain instanceof TableValue) {
    const names = plain.columnNames;
    const rows: string[] = [];
    const cursor = plain.cursor(ctx);
    while (cursor.next()) {
      const row = cursor.current;
      rows.push(
        `{${names
          .map(
            (name, index) => `${jsonString(name)}:${writeJson(ctx, cell(row, index), depth + 2)}`,
          )
          .join(',')}}`,
      );
      ctx.tick();
    }
    return `[${rows.join(',')}]`;
  }
  throw MError.expression(
    `We cannot convert a value of type ${displayTypeOf(plain)} to JSON.`,
    plain,
  );
}

/** The JSON text of a value (what `Json.FromValue` encodes). */
export function toJson(ctx: Context, value: Value): string {
  return writeJson(ctx, value, 0);
}

/** The Json namespace. */
export const JSON_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Json.Document',
    '(jsonText as any, optional encoding as nullable number) as any',
    (_ctx, [jsonText, encoding]) => {
      const plain = strip(jsonText);
      if (typeof plain === 'string') return parseJson(plain);
      if (plain instanceof BinaryValue) {
        return parseJson(decodeText(plain.bytes, codePageOf(encoding, null)));
      }
      throw MError.expression(
        `Json.Document takes a text or a binary, not a value of type ${displayTypeOf(plain)}.`,
        plain,
      );
    },
  ),
  defineFunction(
    'Json.FromValue',
    '(value as any, optional encoding as nullable number) as binary',
    (ctx, [value, encoding]) =>
      new BinaryValue(encodeText(toJson(ctx, value), codePageOf(encoding, CODE_PAGE.utf8))),
  ),
];

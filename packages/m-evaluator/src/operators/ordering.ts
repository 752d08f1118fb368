import { MError } from '../errors.js';
import { BinaryValue } from '../values/binary.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  TimeValue,
} from '../values/temporal.js';
import { strip, type Value } from '../values/value.js';
import { compareBytes } from './compare.js';
import { displayTypeOf } from './type-names.js';

/**
 * The total order of sorting and `Value.Compare`: `null` first, then values by kind (logical,
 * number, date, datetime, datetimezone, time, duration, text, binary), and within a kind by the
 * relational operators' order (`#nan` before every other number; text ordinal, case-sensitive).
 * Lists, records, tables, functions and types have no order.
 */
export function compareValues(leftValue: Value, rightValue: Value): number {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (typeof left === 'number' && typeof right === 'number') return compareNumbers(left, right);
  if (typeof left === 'string' && typeof right === 'string') {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const rankLeft = rank(left);
  const rankRight = rank(right);
  if (rankLeft !== rankRight) return rankLeft < rankRight ? -1 : 1;
  if (left === null) return 0;
  if (typeof left === 'boolean') return left === right ? 0 : left ? 1 : -1;
  if (left instanceof DateValue && right instanceof DateValue) return sign(left.days - right.days);
  if (left instanceof DateTimeValue && right instanceof DateTimeValue) {
    return left.days !== right.days ? sign(left.days - right.days) : sign(left.ticks - right.ticks);
  }
  if (left instanceof DateTimeZoneValue && right instanceof DateTimeZoneValue) {
    const difference = left.utcTicks - right.utcTicks;
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }
  if (left instanceof TimeValue && right instanceof TimeValue)
    return sign(left.ticks - right.ticks);
  if (left instanceof DurationValue && right instanceof DurationValue) {
    return left.ticks < right.ticks ? -1 : left.ticks > right.ticks ? 1 : 0;
  }
  if (left instanceof BinaryValue && right instanceof BinaryValue) {
    return compareBytes(left.bytes, right.bytes);
  }
  throw MError.expression(
    `We cannot compare values of types ${displayTypeOf(left)} and ${displayTypeOf(right)}.`,
  );
}

/** Numbers in order, with `#nan` before every other number and equal to itself. */
export function compareNumbers(left: number, right: number): number {
  if (left < right) return -1;
  if (left > right) return 1;
  if (left === right) return 0;
  const leftNaN = Number.isNaN(left);
  const rightNaN = Number.isNaN(right);
  return leftNaN === rightNaN ? 0 : leftNaN ? -1 : 1;
}

function sign(value: number): number {
  return value < 0 ? -1 : value > 0 ? 1 : 0;
}

function rank(value: Value): number {
  if (value === null) return 0;
  switch (typeof value) {
    case 'boolean':
      return 1;
    case 'number':
      return 2;
    case 'string':
      return 8;
    default:
      break;
  }
  switch (value.kind) {
    case 'date':
      return 3;
    case 'datetime':
      return 4;
    case 'datetimezone':
      return 5;
    case 'time':
      return 6;
    case 'duration':
      return 7;
    case 'binary':
      return 9;
    default:
      throw MError.expression(`We cannot compare values of type ${displayTypeOf(value)}.`);
  }
}

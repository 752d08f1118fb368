import { MError } from '../errors.js';
import { BIG_TICKS_PER_DAY, TICKS_PER_DAY } from '../values/calendar.js';
import { RecordValue } from '../values/record.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  MAX_DURATION_TICKS,
  splitTotalTicks,
  TimeValue,
  isDayInRange,
} from '../values/temporal.js';
import { strip, type Value } from '../values/value.js';
import { displayTypeOf } from './type-names.js';

/**
 * The arithmetic operators of M (specification, "Operator behavior"): numbers in double precision,
 * durations in exact ticks, datetimes offset by durations, and null propagation. Compiled code calls
 * these after its own fast path for two plain numbers.
 */

/** The error for operand types an operator is not defined for. */
export function operatorError(operator: string, left: Value, right: Value): MError {
  return MError.expression(
    `We cannot apply operator ${operator} to types ${displayTypeOf(left)} and ${displayTypeOf(right)}.`,
    RecordValue.of([
      ['Operator', operator],
      ['Left', left],
      ['Right', right],
    ]),
  );
}

/** The error for an operand a unary operator is not defined for. */
export function unaryOperatorError(operator: string, operand: Value): MError {
  return MError.expression(
    `We cannot apply operator ${operator} to type ${displayTypeOf(operand)}.`,
    RecordValue.of([
      ['Operator', operator],
      ['Value', operand],
    ]),
  );
}

function duration(ticks: bigint): DurationValue {
  if (ticks > MAX_DURATION_TICKS || ticks < -MAX_DURATION_TICKS - 1n) {
    throw MError.expression('The duration is too large: it is outside the range of durations.');
  }
  return new DurationValue(ticks);
}

/** Ticks of a number of days (fractions allowed), rounded to the nearest tick. */
export function ticksFromNumber(value: number): bigint {
  if (!Number.isFinite(value)) throw MError.expression('The duration is not a finite number.');
  return BigInt(Math.round(value));
}

function checkDay(days: number): number {
  if (!isDayInRange(days)) {
    throw MError.expression(
      'The resulting date is outside the range of dates (0001-01-01 to 9999-12-31).',
    );
  }
  return days;
}

/** A date, time, datetime or datetimezone moved by a number of ticks. */
export function offsetTemporal(value: Value, ticks: bigint): Value {
  if (value instanceof DateValue) {
    const { days } = splitTotalTicks(BigInt(value.days) * BIG_TICKS_PER_DAY + ticks);
    return new DateValue(checkDay(days));
  }
  if (value instanceof DateTimeValue) {
    const { days, ticks: rest } = splitTotalTicks(value.totalTicks + ticks);
    return new DateTimeValue(checkDay(days), rest);
  }
  if (value instanceof DateTimeZoneValue) {
    const { days, ticks: rest } = splitTotalTicks(value.localTicks + ticks);
    return new DateTimeZoneValue(checkDay(days), rest, value.offsetMinutes);
  }
  if (value instanceof TimeValue) {
    const day = BigInt(TICKS_PER_DAY);
    let rest = (BigInt(value.ticks) + ticks) % day;
    if (rest < 0n) rest += day;
    return new TimeValue(Number(rest));
  }
  throw MError.expression(
    'Only dates, times, datetimes and datetimezones can be offset by a duration.',
  );
}

function isTemporal(value: Value): boolean {
  return (
    value instanceof DateValue ||
    value instanceof DateTimeValue ||
    value instanceof DateTimeZoneValue ||
    value instanceof TimeValue
  );
}

/** The ticks of a date, time, datetime or datetimezone on its own timeline (UTC for zones). */
function timelineTicks(value: Value): bigint {
  if (value instanceof DateValue) return BigInt(value.days) * BIG_TICKS_PER_DAY;
  if (value instanceof DateTimeValue) return value.totalTicks;
  if (value instanceof DateTimeZoneValue) return value.utcTicks;
  if (value instanceof TimeValue) return BigInt(value.ticks);
  throw MError.expression('Not a date or time value.');
}

/** `x + y`. */
export function add(leftValue: Value, rightValue: Value): Value {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (typeof left === 'number' && typeof right === 'number') return left + right;
  if (left === null || right === null) {
    if (isArithmeticOperand(left) && isArithmeticOperand(right)) return null;
    throw operatorError('+', left, right);
  }
  if (left instanceof DurationValue) {
    if (right instanceof DurationValue) return duration(left.ticks + right.ticks);
    if (isTemporal(right)) return offsetTemporal(right, left.ticks);
  } else if (right instanceof DurationValue && isTemporal(left)) {
    return offsetTemporal(left, right.ticks);
  }
  throw operatorError('+', left, right);
}

/** `x - y`. */
export function subtract(leftValue: Value, rightValue: Value): Value {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (left === null || right === null) {
    if (isArithmeticOperand(left) && isArithmeticOperand(right)) return null;
    throw operatorError('-', left, right);
  }
  if (left instanceof DurationValue && right instanceof DurationValue) {
    return duration(left.ticks - right.ticks);
  }
  if (isTemporal(left)) {
    if (right instanceof DurationValue) return offsetTemporal(left, -right.ticks);
    if (isTemporal(right) && sameTemporalKind(left, right)) {
      return duration(timelineTicks(left) - timelineTicks(right));
    }
  }
  throw operatorError('-', left, right);
}

function sameTemporalKind(left: Value, right: Value): boolean {
  return (
    (left instanceof DateValue && right instanceof DateValue) ||
    (left instanceof DateTimeValue && right instanceof DateTimeValue) ||
    (left instanceof DateTimeZoneValue && right instanceof DateTimeZoneValue) ||
    (left instanceof TimeValue && right instanceof TimeValue)
  );
}

/** `x * y`. */
export function multiply(leftValue: Value, rightValue: Value): Value {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (typeof left === 'number' && typeof right === 'number') return left * right;
  if (left === null || right === null) {
    if (isNumberOrDuration(left) && isNumberOrDuration(right)) return null;
    throw operatorError('*', left, right);
  }
  if (left instanceof DurationValue && typeof right === 'number') {
    return duration(scaleTicks(left.ticks, right));
  }
  if (typeof left === 'number' && right instanceof DurationValue) {
    return duration(scaleTicks(right.ticks, left));
  }
  throw operatorError('*', left, right);
}

/** `x / y`. */
export function divide(leftValue: Value, rightValue: Value): Value {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (typeof left === 'number' && typeof right === 'number') return left / right;
  if (left === null || right === null) {
    if (isNumberOrDuration(left) && isNumberOrDuration(right)) return null;
    throw operatorError('/', left, right);
  }
  if (left instanceof DurationValue) {
    if (typeof right === 'number') {
      if (right === 0) throw MError.expression('A duration cannot be divided by zero.');
      return duration(scaleTicks(left.ticks, 1 / right));
    }
    if (right instanceof DurationValue) return Number(left.ticks) / Number(right.ticks);
  }
  throw operatorError('/', left, right);
}

/** A tick count scaled by a number, rounded to the nearest tick (exact for integer factors). */
function scaleTicks(ticks: bigint, factor: number): bigint {
  if (!Number.isFinite(factor))
    throw MError.expression('A duration cannot be scaled by an infinite number.');
  if (Number.isInteger(factor) && Math.abs(factor) <= Number.MAX_SAFE_INTEGER) {
    return ticks * BigInt(factor);
  }
  return BigInt(Math.round(Number(ticks) * factor));
}

/** Unary `-x`. */
export function negate(value: Value): Value {
  const operand = strip(value);
  if (typeof operand === 'number') return -operand;
  if (operand === null) return null;
  if (operand instanceof DurationValue) return duration(-operand.ticks);
  throw unaryOperatorError('-', operand);
}

/** Unary `+x`. */
export function identity(value: Value): Value {
  const operand = strip(value);
  if (typeof operand === 'number' || operand === null || operand instanceof DurationValue) {
    return operand;
  }
  throw unaryOperatorError('+', operand);
}

/** `not x`. */
export function not(value: Value): Value {
  const operand = strip(value);
  if (typeof operand === 'boolean') return !operand;
  if (operand === null) return null;
  throw unaryOperatorError('not', operand);
}

function isArithmeticOperand(value: Value): boolean {
  return (
    value === null ||
    typeof value === 'number' ||
    value instanceof DurationValue ||
    isTemporal(value)
  );
}

function isNumberOrDuration(value: Value): boolean {
  return value === null || typeof value === 'number' || value instanceof DurationValue;
}

import type { Context } from '../context.js';
import { BinaryValue } from '../values/binary.js';
import { FunctionValue } from '../values/function.js';
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
import { TYPE, TypeValue, type FunctionTypeParameter, type TypeShape } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { operatorError } from './arithmetic.js';

/**
 * Equality (`=`, `<>`) and ordering (`<`, `<=`, `>`, `>=`) by the specification's rules: metadata is
 * ignored, values of different kinds are not equal, lists, records and tables compare structurally,
 * and ordering is defined for the scalar kinds only, with `null` giving `null`.
 */

/** `x = y`. */
export function equals(ctx: Context, leftValue: Value, rightValue: Value): boolean {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (left === right) return typeof left !== 'number' || !Number.isNaN(left);
  if (left === null || right === null) return false;
  if (typeof left !== 'object' || typeof right !== 'object') {
    return typeof left === 'number' && typeof right === 'number' && left === right;
  }
  switch (left.kind) {
    case 'date':
      return right instanceof DateValue && left.days === right.days;
    case 'time':
      return right instanceof TimeValue && left.ticks === right.ticks;
    case 'datetime':
      return (
        right instanceof DateTimeValue && left.days === right.days && left.ticks === right.ticks
      );
    case 'datetimezone':
      return right instanceof DateTimeZoneValue && left.utcTicks === right.utcTicks;
    case 'duration':
      return right instanceof DurationValue && left.ticks === right.ticks;
    case 'binary':
      return right instanceof BinaryValue && bytesEqual(left.bytes, right.bytes);
    case 'list':
      return right instanceof ListValue && listsEqual(ctx, left, right);
    case 'record':
      return right instanceof RecordValue && recordsEqual(ctx, left, right);
    case 'table':
      return right instanceof TableValue && tablesEqual(ctx, left, right);
    case 'function':
      return right instanceof FunctionValue && left.base === right.base;
    case 'type':
      return right instanceof TypeValue && typesEqual(left, right);
    case 'annotated':
      return false;
    default:
      return false;
  }
}

function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) {
    if (left[index] !== right[index]) return false;
  }
  return true;
}

function listsEqual(ctx: Context, left: ListValue, right: ListValue): boolean {
  if (left.hasKnownCount && right.hasKnownCount && left.count(ctx) !== right.count(ctx))
    return false;
  return cursorsEqual(left.cursor(ctx), right.cursor(ctx), (a, b) => equals(ctx, a, b));
}

/** Whether two cursors yield as many items, each pair of items the same by `same`. */
function cursorsEqual<T>(
  a: { next(): boolean; readonly current: T },
  b: { next(): boolean; readonly current: T },
  same: (left: T, right: T) => boolean,
): boolean {
  for (;;) {
    const more = a.next();
    if (more !== b.next()) return false;
    if (!more) return true;
    if (!same(a.current, b.current)) return false;
  }
}

function recordsEqual(ctx: Context, left: RecordValue, right: RecordValue): boolean {
  if (left.size !== right.size) return false;
  const names = left.names;
  for (let index = 0; index < names.length; index++) {
    const other = right.layout.indexOf(names[index] as string);
    if (other < 0) return false;
  }
  for (let index = 0; index < names.length; index++) {
    const other = right.layout.indexOf(names[index] as string);
    if (!equals(ctx, left.at(index), right.at(other))) return false;
  }
  return true;
}

function tablesEqual(ctx: Context, left: TableValue, right: TableValue): boolean {
  if (left.columnCount !== right.columnCount) return false;
  const map: number[] = [];
  for (const name of left.columnNames) {
    const other = right.layout.indexOf(name);
    if (other < 0) return false;
    map.push(other);
  }
  return cursorsEqual(left.cursor(ctx), right.cursor(ctx), (rowA, rowB) => {
    for (let column = 0; column < map.length; column++) {
      if (!equals(ctx, cell(rowA, column), cell(rowB, map[column] as number))) return false;
    }
    return true;
  });
}

/**
 * Structural equality of types (the specification allows it; it is what the engine shows).
 * `type record` is `type [...]` and `type list` is `type {any}`, as the types chapter says; an
 * optional parameter's type is nullable whether or not it is written so.
 */
export function typesEqual(left: TypeValue, right: TypeValue): boolean {
  if (left === right) return true;
  if (left.nullable !== right.nullable) return false;
  return shapesEqual(canonicalShape(left.shape), canonicalShape(right.shape));
}

const OPEN_RECORD: TypeShape = { kind: 'record', fields: [], open: true };
const LIST_OF_ANY: TypeShape = { kind: 'list', item: TYPE.any };

/** The shape a primitive type stands for, where it has a structured form. */
function canonicalShape(shape: TypeShape): TypeShape {
  if (shape.kind !== 'primitive') return shape;
  if (shape.name === 'record') return OPEN_RECORD;
  if (shape.name === 'list') return LIST_OF_ANY;
  return shape;
}

function parameterType(parameter: FunctionTypeParameter): TypeValue {
  return parameter.optional ? parameter.type.asNullable() : parameter.type;
}

function shapesEqual(left: TypeShape, right: TypeShape): boolean {
  switch (left.kind) {
    case 'primitive':
      return right.kind === 'primitive' && left.name === right.name;
    case 'list':
      return right.kind === 'list' && typesEqual(left.item, right.item);
    case 'record':
      return (
        right.kind === 'record' &&
        left.open === right.open &&
        left.fields.length === right.fields.length &&
        left.fields.every((field, index) => {
          const other = right.fields[index];
          return (
            other !== undefined &&
            other.name === field.name &&
            other.optional === field.optional &&
            typesEqual(field.type, other.type)
          );
        })
      );
    case 'table':
      return right.kind === 'table' && typesEqual(left.row, right.row);
    case 'function':
      return (
        right.kind === 'function' &&
        left.parameters.length === right.parameters.length &&
        typesEqual(left.returnType, right.returnType) &&
        left.parameters.every((parameter, index) => {
          const other = right.parameters[index];
          return (
            other !== undefined &&
            other.optional === parameter.optional &&
            typesEqual(parameterType(parameter), parameterType(other))
          );
        })
      );
  }
}

/**
 * The order of two values for the relational operators: negative, zero or positive; `null` when
 * either is null, and `NaN` when either is `#nan` (every relational operator is then false). Values
 * of different kinds, or of kinds without an order, raise the operator's error.
 */
export function compare(operator: string, leftValue: Value, rightValue: Value): number | null {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (typeof left === 'number' && typeof right === 'number') {
    if (Number.isNaN(left) || Number.isNaN(right)) return Number.NaN;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (left === null || right === null) {
    if (isOrdered(left) && isOrdered(right)) return null;
    throw operatorError(operator, left, right);
  }
  if (typeof left === 'string' && typeof right === 'string') {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  if (typeof left === 'boolean' && typeof right === 'boolean') {
    return left === right ? 0 : left ? 1 : -1;
  }
  if (left instanceof DateValue && right instanceof DateValue) return sign(left.days - right.days);
  if (left instanceof TimeValue && right instanceof TimeValue)
    return sign(left.ticks - right.ticks);
  if (left instanceof DateTimeValue && right instanceof DateTimeValue) {
    return left.days !== right.days ? sign(left.days - right.days) : sign(left.ticks - right.ticks);
  }
  if (left instanceof DateTimeZoneValue && right instanceof DateTimeZoneValue) {
    return bigSign(left.utcTicks - right.utcTicks);
  }
  if (left instanceof DurationValue && right instanceof DurationValue) {
    return bigSign(left.ticks - right.ticks);
  }
  if (left instanceof BinaryValue && right instanceof BinaryValue) {
    return compareBytes(left.bytes, right.bytes);
  }
  throw operatorError(operator, left, right);
}

function isOrdered(value: Value): boolean {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value instanceof DateValue ||
    value instanceof TimeValue ||
    value instanceof DateTimeValue ||
    value instanceof DateTimeZoneValue ||
    value instanceof DurationValue ||
    value instanceof BinaryValue
  );
}

function sign(value: number): number {
  return value < 0 ? -1 : value > 0 ? 1 : 0;
}

function bigSign(value: bigint): number {
  return value < 0n ? -1 : value > 0n ? 1 : 0;
}

/** Byte-by-byte order, a shorter prefix first. */
export function compareBytes(left: Uint8Array, right: Uint8Array): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return sign(difference);
  }
  return sign(left.length - right.length);
}

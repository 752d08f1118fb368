import { MError } from '../errors.js';
import { displayTypeName, displayTypeOf } from '../operators/type-names.js';
import { BinaryValue } from '../values/binary.js';
import { FunctionValue } from '../values/function.js';
import { ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { TableValue } from '../values/table.js';
import { TypeValue, type PrimitiveTypeName } from '../values/type.js';
import { strip, type Value } from '../values/value.js';

/**
 * Helpers for library implementations: read an argument as the kind of value the function needs,
 * or raise the engine's error for it ("We cannot convert the value … to type …").
 */

function wrongType(value: Value, wanted: PrimitiveTypeName): MError {
  const plain = strip(value);
  const shown =
    plain === null
      ? 'null'
      : typeof plain === 'string'
        ? `"${plain}"`
        : typeof plain === 'number' || typeof plain === 'boolean'
          ? String(plain)
          : `of type ${displayTypeOf(plain)}`;
  return MError.expression(
    `We cannot convert the value ${shown} to type ${displayTypeName(wanted)}.`,
    RecordValue.of([
      ['Value', plain],
      ['Type', displayTypeName(wanted)],
    ]),
  );
}

/** A number argument. */
export function asNumber(value: Value): number {
  const plain = strip(value);
  if (typeof plain === 'number') return plain;
  throw wrongType(plain, 'number');
}

/** A number argument or null. */
export function asNumberOrNull(value: Value): number | null {
  const plain = strip(value);
  if (plain === null) return null;
  return asNumber(plain);
}

/** A whole-number argument (an index, a count). */
export function asInteger(value: Value, what = 'The value'): number {
  const number = asNumber(value);
  if (!Number.isInteger(number)) {
    throw MError.expression(`${what} must be a whole number.`, number);
  }
  return number;
}

/** A whole number that is not negative (a count, a position). */
export function asCount(value: Value, what = 'The count'): number {
  const number = asInteger(value, what);
  if (number < 0) throw MError.expression(`${what} cannot be negative.`, number);
  return number;
}

/** A text argument. */
export function asText(value: Value): string {
  const plain = strip(value);
  if (typeof plain === 'string') return plain;
  throw wrongType(plain, 'text');
}

/** A text argument or null. */
export function asTextOrNull(value: Value): string | null {
  const plain = strip(value);
  if (plain === null) return null;
  return asText(plain);
}

/** A logical argument. */
export function asLogical(value: Value): boolean {
  const plain = strip(value);
  if (typeof plain === 'boolean') return plain;
  throw wrongType(plain, 'logical');
}

/** A list argument. */
export function asList(value: Value): ListValue {
  const plain = strip(value);
  if (plain instanceof ListValue) return plain;
  throw wrongType(plain, 'list');
}

/** A record argument. */
export function asRecord(value: Value): RecordValue {
  const plain = strip(value);
  if (plain instanceof RecordValue) return plain;
  throw wrongType(plain, 'record');
}

/** A record argument, or the empty record for null (options records). */
export function asOptions(value: Value): RecordValue {
  const plain = strip(value);
  if (plain === null) return RecordValue.EMPTY;
  return asRecord(plain);
}

/** A table argument. */
export function asTable(value: Value): TableValue {
  const plain = strip(value);
  if (plain instanceof TableValue) return plain;
  throw wrongType(plain, 'table');
}

/** A function argument. */
export function asFunction(value: Value): FunctionValue {
  const plain = strip(value);
  if (plain instanceof FunctionValue) return plain;
  throw wrongType(plain, 'function');
}

/** A type argument. */
export function asType(value: Value): TypeValue {
  const plain = strip(value);
  if (plain instanceof TypeValue) return plain;
  throw wrongType(plain, 'type');
}

/** A binary argument. */
export function asBinary(value: Value): BinaryValue {
  const plain = strip(value);
  if (plain instanceof BinaryValue) return plain;
  throw wrongType(plain, 'binary');
}

/** The error for a value of the wrong type, for helpers outside this file. */
export function typeError(value: Value, wanted: PrimitiveTypeName): MError {
  return wrongType(value, wanted);
}

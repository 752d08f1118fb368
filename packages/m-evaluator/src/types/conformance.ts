import { MError } from '../errors.js';
import { displayTypeName } from '../operators/type-names.js';
import { RecordValue } from '../values/record.js';
import type { TypeValue } from '../values/type.js';
import { primitiveTypeOf, strip, type Value } from '../values/value.js';

/**
 * Whether a value is compatible with a type as `is` decides it: `null` with `any`, `null` and
 * nullable types; any other value when its primitive type is the type's (`anynonnull` and `any`
 * accept every non-null value). Custom types (record, list, table, function types) are compared by
 * their primitive type, as for function parameters.
 */
export function conforms(value: Value, type: TypeValue): boolean {
  const plain = strip(value);
  if (plain === null) return type.acceptsNull;
  const wanted = type.primitiveName;
  if (wanted === 'any' || wanted === 'anynonnull') return true;
  if (wanted === 'none' || wanted === 'null') return false;
  return primitiveTypeOf(plain) === wanted;
}

/** The error of `x as y` (and of a parameter or return type) when `x` is not compatible. */
export function conversionError(value: Value, type: TypeValue): MError {
  const shown = typeof value === 'string' ? `"${value}"` : describeShort(value);
  return MError.expression(
    `We cannot convert the value ${shown} to type ${displayTypeName(type.primitiveName)}.`,
    RecordValue.of([
      ['Value', value],
      ['Type', type],
    ]),
  );
}

function describeShort(value: Value): string {
  const plain = strip(value);
  if (plain === null) return 'null';
  if (typeof plain === 'number' || typeof plain === 'boolean') return String(plain);
  if (typeof plain === 'string') return `"${plain}"`;
  return `of type ${displayTypeName(primitiveTypeOf(plain))}`;
}

/** `x as y`: the value itself, or the conversion error. */
export function assertConforms(value: Value, type: TypeValue): Value {
  if (!conforms(value, type)) throw conversionError(value, type);
  return value;
}

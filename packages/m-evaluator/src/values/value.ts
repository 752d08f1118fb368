import type { BinaryValue } from './binary.js';
import type { FunctionValue } from './function.js';
import type { ListValue } from './list.js';
import type { RecordValue } from './record.js';
import type { TableValue } from './table.js';
import type {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  TimeValue,
} from './temporal.js';
import type { PrimitiveTypeName, TypeValue } from './type.js';

/**
 * An M value. `null`, logical, number and text values are the JavaScript primitives `null`,
 * `boolean`, `number` and `string`; every other value is an object with a `kind`. A primitive that
 * carries metadata is wrapped in an {@link AnnotatedValue}; other values carry their metadata in
 * their `meta` field.
 */
export type Value = Primitive | ObjectValue;

/** The values held as JavaScript primitives. */
export type Primitive = null | boolean | number | string;

/** The values held as objects. */
export type ObjectValue =
  | DateValue
  | TimeValue
  | DateTimeValue
  | DateTimeZoneValue
  | DurationValue
  | BinaryValue
  | ListValue
  | RecordValue
  | TableValue
  | FunctionValue
  | TypeValue
  | AnnotatedValue;

/** A null, logical, number or text value with metadata. */
export class AnnotatedValue {
  readonly kind = 'annotated';
  constructor(
    readonly value: Primitive,
    readonly meta: RecordValue,
  ) {}

  withMeta(meta: RecordValue | null): Value {
    return meta === null || meta.size === 0 ? this.value : new AnnotatedValue(this.value, meta);
  }
}

/** The value without a metadata wrapper: what operators and most library functions work on. */
export function strip(value: Value): Value {
  return value instanceof AnnotatedValue ? value.value : value;
}

/** The name of the primitive type a value belongs to: `number`, `record`, `null`, … */
export function primitiveTypeOf(value: Value): PrimitiveTypeName {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'logical';
    case 'number':
      return 'number';
    case 'string':
      return 'text';
    default:
      return value.kind === 'annotated' ? primitiveTypeOf(value.value) : value.kind;
  }
}

/** How each kind of value is named in messages ("a number", "a record", …). */
export function describeKind(value: Value): string {
  const name = primitiveTypeOf(value);
  return name === 'null' ? 'null' : `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

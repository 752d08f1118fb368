import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { add, divide, multiply, subtract } from '../operators/arithmetic.js';
import { metadataOf, withMetadata } from '../operators/combine.js';
import { equals } from '../operators/compare.js';
import { compareValues } from '../operators/ordering.js';
import { assertConforms, conforms, conversionError } from '../types/conformance.js';
import { typeOfValue } from '../types/value-type.js';
import { FunctionValue } from '../values/function.js';
import { ListValue } from '../values/list.js';
import { RecordLayout, RecordValue } from '../values/record.js';
import { TableValue } from '../values/table.js';
import type { Slot } from '../values/thunk.js';
import type { TypeValue } from '../values/type.js';
import { primitiveTypeOf, strip, type Value } from '../values/value.js';
import { asList, asRecord, asText, asType } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { decimalArithmetic, type DecimalOperation } from './value/decimal.js';
import { VALUE_INTERNALS } from './value/internal.js';

/** The values of `Precision.Double` and `Precision.Decimal` (constants of the number library). */
const PRECISION_DOUBLE = 0;
const PRECISION_DECIMAL = 1;

/** Whether a `precision` argument asks for decimal precision (null and `Precision.Double` do not). */
function isDecimalPrecision(precision: Value): boolean {
  const plain = strip(precision);
  if (plain === null || plain === PRECISION_DOUBLE) return false;
  if (plain === PRECISION_DECIMAL) return true;
  throw MError.expression(
    'The precision must be Precision.Double (0) or Precision.Decimal (1).',
    plain,
  );
}

const OPERATORS: Readonly<Record<DecimalOperation, (left: Value, right: Value) => Value>> = {
  add,
  subtract,
  multiply,
  divide,
};

/** `Value.Add` and friends: the operator, or decimal arithmetic for two finite numbers. */
function arithmetic(
  operation: DecimalOperation,
  leftValue: Value,
  rightValue: Value,
  precision: Value,
): Value {
  const decimal = isDecimalPrecision(precision);
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (
    decimal &&
    typeof left === 'number' &&
    typeof right === 'number' &&
    Number.isFinite(left) &&
    Number.isFinite(right) &&
    !(operation === 'divide' && right === 0)
  ) {
    return decimalArithmetic(operation, left, right);
  }
  return OPERATORS[operation](left, right);
}

function arithmeticFunction(name: string, operation: DecimalOperation): LibraryEntry {
  return defineFunction(
    name,
    '(value1 as any, value2 as any, optional precision as nullable number) as any',
    (_ctx, [left, right, precision]) => arithmetic(operation, left, right, precision),
  );
}

/**
 * Whether a type is abstract, so that no value can have it (specification, "Ascribed type"):
 * nullable types, `any`, `anynonnull`, `none`, and the open types `record`, `table` and `function`.
 */
function isAbstract(type: TypeValue): boolean {
  if (type.nullable) return true;
  const shape = type.shape;
  if (shape.kind === 'record') return shape.open;
  if (shape.kind !== 'primitive') return false;
  switch (shape.name) {
    case 'any':
    case 'anynonnull':
    case 'none':
    case 'record':
    case 'table':
    case 'function':
      return true;
    default:
      return false;
  }
}

function abstractTypeError(type: TypeValue): MError {
  return MError.expression(
    'The type cannot be ascribed to a value: it must be a non-nullable, concrete type (a closed record type, a table type with columns, a function type with parameters).',
    type,
  );
}

/**
 * `Value.ReplaceType`: the value with `type` ascribed, after the limited checks of the
 * specification. A record takes the type's field names, a table its column names (both by
 * position); values are never checked against the new field, column or item types.
 */
export function replaceType(value: Value, type: TypeValue): Value {
  const plain = strip(value);
  const name = type.primitiveName;
  if (type.nullable || name === 'any' || name === 'anynonnull' || name === 'none') {
    throw abstractTypeError(type);
  }
  if (name !== primitiveTypeOf(plain)) throw conversionError(plain, type);
  if (isAbstract(type)) throw abstractTypeError(type);
  const shape = type.shape;
  if (plain instanceof RecordValue && shape.kind === 'record') {
    const fields = shape.fields;
    if (fields.length !== plain.size || fields.some((field) => field.optional)) {
      throw MError.expression(
        `The record type must have the same number of fields as the record (${String(plain.size)}), none of them optional.`,
        type,
      );
    }
    return new RecordValue(
      RecordLayout.of(fields.map((field) => field.name)),
      plain.slots,
      plain.meta,
      type,
    );
  }
  if (plain instanceof TableValue && shape.kind === 'table') {
    const row = shape.row.shape;
    const count = row.kind === 'record' ? row.fields.length : -1;
    if (count !== plain.columnCount) {
      throw MError.expression(
        `The table type must have the same number of columns as the table (${String(plain.columnCount)}).`,
        type,
      );
    }
    return plain.withType(type);
  }
  if (plain instanceof FunctionValue && shape.kind === 'function') {
    const current = plain.type.shape;
    if (current.kind === 'function') {
      const required = (parameters: readonly { optional: boolean }[]): number =>
        parameters.filter((parameter) => !parameter.optional).length;
      if (
        required(current.parameters) !== required(shape.parameters) ||
        current.parameters.length !== shape.parameters.length
      ) {
        throw MError.expression(
          'The function type must have as many required and optional parameters as the function.',
          type,
        );
      }
    }
    return plain.withType(type);
  }
  if (plain instanceof ListValue) return plain.withType(type);
  return value;
}

/** The metadata without the named fields (`Value.RemoveMetadata` with `metaValue`). */
function removeMetadataFields(ctx: Context, meta: RecordValue, names: Value): RecordValue {
  const plain = strip(names);
  const removed = new Set<string>();
  if (typeof plain === 'string') {
    removed.add(plain);
  } else {
    for (const name of asList(plain).toArray(ctx)) removed.add(asText(name));
  }
  const keep: string[] = [];
  const slots: Slot[] = [];
  meta.names.forEach((name, index) => {
    if (removed.has(name)) return;
    keep.push(name);
    slots.push(meta.slot(index));
  });
  return new RecordValue(RecordLayout.of(keep), slots);
}

/** `Value.*`: types, metadata, equality, comparison and arithmetic of any value. */
export const VALUE_LIBRARY: readonly LibraryEntry[] = [
  defineFunction('Value.Type', '(value as any) as type', (_ctx, [value]) => typeOfValue(value)),
  defineFunction('Value.Metadata', '(value as any) as any', (_ctx, [value]) => metadataOf(value), {
    keepMetadata: true,
  }),
  defineFunction(
    'Value.ReplaceMetadata',
    '(value as any, metaValue as any) as any',
    (_ctx, [value, meta]) => withMetadata(value, asRecord(meta)),
    { keepMetadata: true },
  ),
  defineFunction(
    'Value.RemoveMetadata',
    '(value as any, optional metaValue as any) as any',
    (ctx, [value, names]) =>
      withMetadata(
        value,
        strip(names) === null
          ? RecordValue.EMPTY
          : removeMetadataFields(ctx, metadataOf(value), names),
      ),
    { keepMetadata: true },
  ),
  defineFunction(
    'Value.ReplaceType',
    '(value as any, #"type" as type) as any',
    (_ctx, [value, type]) => replaceType(value, asType(type)),
    { keepMetadata: true },
  ),
  defineFunction(
    'Value.Equals',
    '(value1 as any, value2 as any, optional precision as nullable number) as logical',
    (ctx, [left, right, precision]) => {
      isDecimalPrecision(precision);
      return equals(ctx, left, right);
    },
  ),
  defineFunction(
    'Value.NullableEquals',
    '(value1 as any, value2 as any, optional precision as nullable number) as nullable logical',
    (ctx, [left, right, precision]) => {
      isDecimalPrecision(precision);
      if (strip(left) === null || strip(right) === null) return null;
      return equals(ctx, left, right);
    },
  ),
  defineFunction(
    'Value.Compare',
    '(value1 as any, value2 as any, optional precision as nullable number) as number',
    (_ctx, [left, right, precision]) => {
      isDecimalPrecision(precision);
      return compareValues(left, right);
    },
  ),
  arithmeticFunction('Value.Add', 'add'),
  arithmeticFunction('Value.Subtract', 'subtract'),
  arithmeticFunction('Value.Multiply', 'multiply'),
  arithmeticFunction('Value.Divide', 'divide'),
  defineFunction('Value.Is', '(value as any, #"type" as type) as logical', (_ctx, [value, type]) =>
    conforms(value, asType(type)),
  ),
  defineFunction(
    'Value.As',
    '(value as any, #"type" as type) as any',
    (_ctx, [value, type]) => assertConforms(value, asType(type)),
    { keepMetadata: true },
  ),
  ...VALUE_INTERNALS,
];

import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { typesEqual } from '../operators/compare.js';
import { RecordValue } from '../values/record.js';
import {
  functionType,
  TYPE,
  TypeValue,
  type FunctionTypeParameter,
  type RecordTypeField,
} from '../values/type.js';
import type { Value } from '../values/value.js';
import { asInteger, asList, asLogical, asRecord, asType } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { facetsOf, facetsRecord, FACET_FIELDS, replaceFacets } from './type-facets.js';
import { TYPE_TABLE_LIBRARY } from './type-table.js';

/**
 * `Type.*`: building and taking apart types. Types keep their metadata, nullability and facets
 * through every function that returns "the same type, changed": `Type.OpenRecord(t)` is `t` opened.
 */

/** The same type with another shape, keeping its nullability, facets and metadata. */
function reshape(type: TypeValue, shape: TypeValue['shape']): TypeValue {
  return new TypeValue(shape, type.nullable, type.facets, type.meta);
}

function kindError(type: TypeValue, wanted: string): MError {
  return MError.expression(`The type must be ${wanted}.`, type);
}

/** The fields and openness of a record type (`type record` is the empty open record type). */
export function recordTypeParts(type: TypeValue): {
  readonly fields: readonly RecordTypeField[];
  readonly open: boolean;
} {
  const shape = type.shape;
  if (shape.kind === 'record') return shape;
  if (type.primitiveName === 'record') return { fields: [], open: true };
  throw kindError(type, 'a record type');
}

function functionParts(type: TypeValue): {
  readonly parameters: readonly FunctionTypeParameter[];
  readonly returnType: TypeValue;
} {
  const shape = type.shape;
  if (shape.kind === 'function') return shape;
  if (type.primitiveName === 'function') return { parameters: [], returnType: TYPE.any };
  throw kindError(type, 'a function type');
}

/**
 * `Type.Is`: whether every value of `left` is also a value of `right`, where `right` is a primitive
 * or nullable primitive type (a custom `right` is compared by its primitive type).
 */
export function isCompatible(left: TypeValue, right: TypeValue): boolean {
  if (right.isPrimitive('any') || left.isPrimitive('none')) return true;
  if (left.acceptsNull && !right.acceptsNull) return false;
  if (left.isPrimitive('null')) return true;
  if (right.isPrimitive('anynonnull')) return true;
  if (left.isPrimitive('any') || left.isPrimitive('anynonnull')) return false;
  if (right.isPrimitive('none') || right.isPrimitive('null')) return false;
  return left.primitiveName === right.primitiveName;
}

function sameFacets(left: TypeValue, right: TypeValue): boolean {
  const a = facetsOf(left);
  const b = facetsOf(right);
  return a.typeName === b.typeName && FACET_FIELDS.every(([, key]) => a[key] === b[key]);
}

/**
 * `Type.Union`: the narrowest type that every type of the list is compatible with, as far as types
 * can say it: equal types give that type, types of one primitive kind give the primitive type,
 * and mixed kinds give `any` (as when tables of different column types are combined); the result
 * is nullable when any part accepts null.
 */
export function unionOfTypes(types: readonly TypeValue[]): TypeValue {
  let nullable = false;
  const parts: TypeValue[] = [];
  for (const type of types) {
    if (type.isPrimitive('none')) continue;
    if (type.isPrimitive('any')) return TYPE.any;
    if (type.isPrimitive('null')) {
      nullable = true;
      continue;
    }
    if (type.acceptsNull) nullable = true;
    parts.push(type.nonNullable());
  }
  const first = parts[0];
  if (first === undefined) return nullable ? TYPE.null : TYPE.none;
  let result: TypeValue;
  if (parts.every((part) => typesEqual(part, first))) {
    result = parts.every((part) => sameFacets(part, first)) ? first : first.withFacets(null);
  } else if (
    first.primitiveName !== 'anynonnull' &&
    parts.every((part) => part.primitiveName === first.primitiveName)
  ) {
    result = TYPE[first.primitiveName];
  } else {
    return TYPE.any;
  }
  return nullable ? result.asNullable() : result;
}

function typesOfList(ctx: Context, list: Value): TypeValue[] {
  return asList(list)
    .toArray(ctx)
    .map((item) => asType(item));
}

/** `Type.ForRecord`: a record type from `[Name = [Type = …, Optional = …], …]`. */
function recordTypeFromFields(fields: RecordValue, open: boolean): TypeValue {
  const specs = fields.names.map((name, index): RecordTypeField => {
    const spec = asRecord(fields.at(index));
    return {
      name,
      type: asType(spec.field('Type')),
      optional: asLogical(spec.field('Optional')),
    };
  });
  return new TypeValue({ kind: 'record', fields: specs, open });
}

/** `Type.ForFunction`: a function type from `[ReturnType = …, Parameters = […]]` and a minimum. */
function functionTypeFromSignature(signature: RecordValue, minimum: number): TypeValue {
  const returnType = asType(signature.field('ReturnType'));
  const parameters = asRecord(signature.field('Parameters'));
  if (minimum < 0 || minimum > parameters.size) {
    throw MError.expression(
      `The minimum number of arguments must be from 0 to ${String(parameters.size)}, the number of parameters.`,
      minimum,
    );
  }
  return functionType(
    parameters.names.map((name, index) => ({
      name,
      type: asType(parameters.at(index)),
      optional: index >= minimum,
    })),
    returnType,
  );
}

/** The `Type.*` functions. */
export const TYPE_LIBRARY: readonly LibraryEntry[] = [
  defineFunction('Type.Is', '(type1 as type, type2 as type) as logical', (_ctx, [left, right]) =>
    isCompatible(asType(left), asType(right)),
  ),
  defineFunction(
    'Type.IsNullable',
    '(#"type" as type) as logical',
    (_ctx, [type]) => asType(type).acceptsNull,
  ),
  defineFunction('Type.NonNullable', '(#"type" as type) as type', (_ctx, [type]) =>
    asType(type).nonNullable(),
  ),
  defineFunction('Type.ListItem', '(#"type" as type) as type', (_ctx, [value]) => {
    const type = asType(value);
    if (type.shape.kind === 'list') return type.shape.item;
    if (type.primitiveName === 'list') return TYPE.any;
    throw kindError(type, 'a list type');
  }),
  defineFunction('Type.IsOpenRecord', '(#"type" as type) as logical', (_ctx, [type]) => {
    return recordTypeParts(asType(type)).open;
  }),
  defineFunction('Type.OpenRecord', '(#"type" as type) as type', (_ctx, [value]) => {
    const type = asType(value);
    const { fields, open } = recordTypeParts(type);
    return open ? type : reshape(type, { kind: 'record', fields, open: true });
  }),
  defineFunction('Type.ClosedRecord', '(#"type" as type) as type', (_ctx, [value]) => {
    const type = asType(value);
    const { fields, open } = recordTypeParts(type);
    return open ? reshape(type, { kind: 'record', fields, open: false }) : type;
  }),
  defineFunction('Type.RecordFields', '(#"type" as type) as record', (_ctx, [type]) =>
    RecordValue.of(
      recordTypeParts(asType(type)).fields.map((field) => [
        field.name,
        RecordValue.of([
          ['Type', field.type],
          ['Optional', field.optional],
        ]),
      ]),
    ),
  ),
  defineFunction(
    'Type.ForRecord',
    '(fields as record, open as logical) as type',
    (_ctx, [fields, open]) => recordTypeFromFields(asRecord(fields), asLogical(open)),
  ),
  defineFunction(
    'Type.ForFunction',
    '(signature as record, min as number) as type',
    (_ctx, [signature, minimum]) =>
      functionTypeFromSignature(asRecord(signature), asInteger(minimum, 'The minimum')),
  ),
  defineFunction('Type.FunctionParameters', '(#"type" as type) as record', (_ctx, [type]) =>
    RecordValue.of(
      functionParts(asType(type)).parameters.map((parameter) => [
        parameter.name,
        parameter.optional ? parameter.type.asNullable() : parameter.type,
      ]),
    ),
  ),
  defineFunction(
    'Type.FunctionRequiredParameters',
    '(#"type" as type) as number',
    (_ctx, [type]) =>
      functionParts(asType(type)).parameters.filter((parameter) => !parameter.optional).length,
  ),
  defineFunction(
    'Type.FunctionReturn',
    '(#"type" as type) as type',
    (_ctx, [type]) => functionParts(asType(type)).returnType,
  ),
  defineFunction('Type.Union', '(types as list) as type', (ctx, [types]) =>
    unionOfTypes(typesOfList(ctx, types)),
  ),
  defineFunction('Type.Facets', '(#"type" as type) as record', (_ctx, [type]) =>
    facetsRecord(asType(type)),
  ),
  defineFunction(
    'Type.ReplaceFacets',
    '(#"type" as type, facets as record) as type',
    (_ctx, [type, facets]) => replaceFacets(asType(type), asRecord(facets)),
  ),
  ...TYPE_TABLE_LIBRARY,
];

import { MError } from '../errors.js';
import { RecordValue } from '../values/record.js';
import type { TypeFacets, TypeValue } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asLogical, asNumber, asText } from './arguments.js';

/**
 * The facets of a type as M sees them (`Type.Facets`, `Type.ReplaceFacets`, `Table.Schema`):
 * numeric precision and scale, date-time precision, length, and the native type of a source.
 */

/**
 * Facets with the native expressions of a source column as well. (The core `TypeFacets` has no
 * fields for them yet; they are kept in the same object.)
 */
export interface ExtendedFacets extends TypeFacets {
  readonly nativeDefaultExpression?: string;
  readonly nativeExpression?: string;
}

type FacetKey = Exclude<keyof ExtendedFacets, 'typeName'>;

/** The facet fields of M, in the engine's order, and how each one is held. */
export const FACET_FIELDS: readonly (readonly [string, FacetKey, 'number' | 'text' | 'logical'])[] =
  [
    ['NumericPrecisionBase', 'numericPrecisionBase', 'number'],
    ['NumericPrecision', 'numericPrecision', 'number'],
    ['NumericScale', 'numericScale', 'number'],
    ['DateTimePrecision', 'dateTimePrecision', 'number'],
    ['MaxLength', 'maxLength', 'number'],
    ['IsVariableLength', 'isVariableLength', 'logical'],
    ['NativeTypeName', 'nativeTypeName', 'text'],
    ['NativeDefaultExpression', 'nativeDefaultExpression', 'text'],
    ['NativeExpression', 'nativeExpression', 'text'],
  ];

/** The facets of a type (empty when it has none). */
export function facetsOf(type: TypeValue): ExtendedFacets {
  return type.facets ?? {};
}

/** The value of one facet, or null. */
export function facetValue(type: TypeValue, key: FacetKey): Value {
  return facetsOf(type)[key] ?? null;
}

/** `Type.Facets`: every facet field, null where the type does not set it. */
export function facetsRecord(type: TypeValue): RecordValue {
  return RecordValue.of(FACET_FIELDS.map(([name, key]) => [name, facetValue(type, key)]));
}

function sameFacets(left: ExtendedFacets, right: ExtendedFacets): boolean {
  return FACET_FIELDS.every(([, key]) => left[key] === right[key]);
}

/**
 * `Type.ReplaceFacets`: the type with the facets of a record (fields named as `Type.Facets` names
 * them; other fields, such as the rest of a `Table.Schema` row, are ignored; null clears a facet).
 * A facet type such as `Int64.Type` keeps its name only while its facets stay the same.
 */
export function replaceFacets(type: TypeValue, record: RecordValue): TypeValue {
  const facets: Record<string, unknown> = {};
  for (const [name, key, kind] of FACET_FIELDS) {
    const index = record.layout.indexOf(name);
    if (index < 0) continue;
    const value = strip(record.at(index));
    if (value === null) continue;
    facets[key] =
      kind === 'number'
        ? asFacetNumber(name, value)
        : kind === 'text'
          ? asText(value)
          : asLogical(value);
  }
  const next = facets as ExtendedFacets;
  const old = facetsOf(type);
  const typeName = old.typeName;
  const result: ExtendedFacets =
    typeName !== undefined && sameFacets(old, next) ? { ...next, typeName } : next;
  return type.withFacets(Object.keys(result).length === 0 ? null : result);
}

function asFacetNumber(name: string, value: Value): number {
  const number = asNumber(value);
  if (!Number.isInteger(number) || number < 0) {
    throw MError.expression(
      `The facet ${name} must be a whole number that is not negative.`,
      number,
    );
  }
  return number;
}

import type { RecordValue } from './record.js';

/** The primitive types of M. */
export type PrimitiveTypeName =
  | 'any'
  | 'anynonnull'
  | 'none'
  | 'null'
  | 'logical'
  | 'number'
  | 'text'
  | 'date'
  | 'time'
  | 'datetime'
  | 'datetimezone'
  | 'duration'
  | 'binary'
  | 'list'
  | 'record'
  | 'table'
  | 'function'
  | 'type'
  | 'action';

/** A field of a record type. */
export interface RecordTypeField {
  readonly name: string;
  readonly type: TypeValue;
  readonly optional: boolean;
}

/** A parameter of a function type. */
export interface FunctionTypeParameter {
  readonly name: string;
  readonly type: TypeValue;
  readonly optional: boolean;
}

/** A key of a table type: its column names, and whether it is the primary key. */
export interface TableKey {
  readonly columns: readonly string[];
  readonly primary: boolean;
}

/** What a type is, beyond being nullable. */
export type TypeShape =
  | { readonly kind: 'primitive'; readonly name: PrimitiveTypeName }
  | { readonly kind: 'list'; readonly item: TypeValue }
  | { readonly kind: 'record'; readonly fields: readonly RecordTypeField[]; readonly open: boolean }
  | { readonly kind: 'table'; readonly row: TypeValue; readonly keys: readonly TableKey[] }
  | {
      readonly kind: 'function';
      readonly parameters: readonly FunctionTypeParameter[];
      readonly returnType: TypeValue;
    };

/**
 * Facets refine a type without changing what values conform to it: `Int64.Type` is `number` with an
 * integer facet. Conversions such as `Table.TransformColumnTypes` honour them.
 */
export interface TypeFacets {
  readonly numericPrecisionBase?: number;
  readonly numericPrecision?: number;
  readonly numericScale?: number;
  readonly dateTimePrecision?: number;
  readonly maxLength?: number;
  readonly isVariableLength?: boolean;
  readonly nativeTypeName?: string;
  /** The library name of the facet type, such as `Int64.Type`, used when printing. */
  readonly typeName?: string;
}

/** A type value. */
export class TypeValue {
  readonly kind = 'type';

  constructor(
    readonly shape: TypeShape,
    readonly nullable: boolean = false,
    readonly facets: TypeFacets | null = null,
    readonly meta: RecordValue | null = null,
  ) {}

  withMeta(meta: RecordValue | null): TypeValue {
    return new TypeValue(this.shape, this.nullable, this.facets, meta);
  }

  /** The same type, nullable (`any`, `null` and `none`-with-null stay as they are). */
  asNullable(): TypeValue {
    if (this.nullable || this.isPrimitive('any') || this.isPrimitive('null')) return this;
    if (this.isPrimitive('none')) return TYPE.null;
    if (this.isPrimitive('anynonnull')) return TYPE.any;
    return new TypeValue(this.shape, true, this.facets, this.meta);
  }

  /** The same type without nullability. */
  nonNullable(): TypeValue {
    if (this.isPrimitive('any')) return TYPE.anynonnull;
    if (this.isPrimitive('null')) return TYPE.none;
    if (!this.nullable) return this;
    return new TypeValue(this.shape, false, this.facets, this.meta);
  }

  withFacets(facets: TypeFacets | null): TypeValue {
    return new TypeValue(this.shape, this.nullable, facets, this.meta);
  }

  isPrimitive(name: PrimitiveTypeName): boolean {
    return this.shape.kind === 'primitive' && this.shape.name === name;
  }

  /**
   * The primitive type this type refines: `list` for list types, `record` for record types, the name
   * itself for primitive types.
   */
  get primitiveName(): PrimitiveTypeName {
    return this.shape.kind === 'primitive' ? this.shape.name : this.shape.kind;
  }

  /** Whether `null` conforms to this type. */
  get acceptsNull(): boolean {
    return this.nullable || this.isPrimitive('any') || this.isPrimitive('null');
  }
}

function primitive(name: PrimitiveTypeName, nullable = false): TypeValue {
  return new TypeValue({ kind: 'primitive', name }, nullable);
}

/** The primitive types, and their nullable forms where the library uses them. */
export const TYPE = {
  any: primitive('any'),
  anynonnull: primitive('anynonnull'),
  none: primitive('none'),
  null: primitive('null'),
  logical: primitive('logical'),
  number: primitive('number'),
  text: primitive('text'),
  date: primitive('date'),
  time: primitive('time'),
  datetime: primitive('datetime'),
  datetimezone: primitive('datetimezone'),
  duration: primitive('duration'),
  binary: primitive('binary'),
  list: primitive('list'),
  record: primitive('record'),
  table: primitive('table'),
  function: primitive('function'),
  type: primitive('type'),
  action: primitive('action'),
} as const satisfies Record<PrimitiveTypeName, TypeValue>;

/** `type nullable <name>` for a primitive type. */
export function nullablePrimitive(name: PrimitiveTypeName): TypeValue {
  return TYPE[name].asNullable();
}

/** `type {item}`. */
export function listType(item: TypeValue): TypeValue {
  return new TypeValue({ kind: 'list', item });
}

/** `type [fields]` or `type [fields, ...]`. */
export function recordType(fields: readonly RecordTypeField[], open = false): TypeValue {
  return new TypeValue({ kind: 'record', fields, open });
}

/** `type table [columns]`, with keys. */
export function tableType(row: TypeValue, keys: readonly TableKey[] = []): TypeValue {
  return new TypeValue({ kind: 'table', row, keys });
}

/** `type function (parameters) as returnType`. */
export function functionType(
  parameters: readonly FunctionTypeParameter[],
  returnType: TypeValue,
): TypeValue {
  return new TypeValue({ kind: 'function', parameters, returnType });
}

/** The fields of a record type, or of a table type's row type; empty for other types. */
export function fieldsOf(type: TypeValue): readonly RecordTypeField[] {
  if (type.shape.kind === 'record') return type.shape.fields;
  if (type.shape.kind === 'table') return fieldsOf(type.shape.row);
  return [];
}

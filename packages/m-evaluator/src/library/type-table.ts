import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { displayTypeName } from '../operators/type-names.js';
import { ArrayList } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { ArrayRows, TableValue } from '../values/table.js';
import type { Slot } from '../values/thunk.js';
import {
  nullablePrimitive,
  recordType,
  tableType,
  TYPE,
  TypeValue,
  type RecordTypeField,
  type TableKey,
  type TypeShape,
} from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asList, asLogical, asRecord, asText, asType } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { facetValue } from './type-facets.js';

/**
 * The `Type.*` functions of table types: keys (`Type.AddTableKey`, `Type.TableKeys`,
 * `Type.ReplaceTableKeys`), the partition key, columns, the row type and the schema table.
 */

type TableShape = Extract<TypeShape, { kind: 'table' }>;

/**
 * A table shape with a partition key. (The core table shape has no field for it yet; it is kept in
 * the same object, which every "same type, changed" operation here copies.)
 */
interface PartitionedTableShape extends TableShape {
  readonly partitionKey?: readonly string[] | null;
}

/** A table type's shape (`type table` is a table of the empty open record type). */
export function tableShapeOf(type: TypeValue): PartitionedTableShape {
  const shape = type.shape;
  if (shape.kind === 'table') return shape;
  if (type.primitiveName === 'table') {
    return { kind: 'table', row: recordType([], true), keys: [] };
  }
  throw MError.expression('The type must be a table type.', type);
}

function withShape(type: TypeValue, shape: PartitionedTableShape): TypeValue {
  return new TypeValue(shape, type.nullable, type.facets, type.meta);
}

/** The columns of a table shape, and whether its row type is open (any column name is allowed). */
function columnsOf(shape: TableShape): { fields: readonly RecordTypeField[]; open: boolean } {
  const row = shape.row.shape;
  if (row.kind === 'record') return row;
  return { fields: [], open: true };
}

function checkColumns(shape: TableShape, columns: readonly string[]): void {
  const { fields, open } = columnsOf(shape);
  if (open) return;
  for (const column of columns) {
    if (!fields.some((field) => field.name === column)) {
      throw MError.expression(`The column '${column}' of the table wasn't found.`, column);
    }
  }
}

function columnNames(ctx: Context, value: Value): string[] {
  return asList(value)
    .toArray(ctx)
    .map((name) => asText(name));
}

/** The engine's error when more than one of `keys` is primary. */
export function checkOnePrimaryKey(keys: readonly TableKey[]): void {
  if (keys.filter((key) => key.primary).length > 1) {
    throw MError.expression('A table type can have only one primary key.');
  }
}

function checkKeys(shape: TableShape, keys: readonly TableKey[]): void {
  checkOnePrimaryKey(keys);
  for (const key of keys) checkColumns(shape, key.columns);
}

/** The key records of `Type.TableKeys`: `[Columns = {…}, Primary = …]`. */
export function keyRecords(keys: readonly TableKey[]): ArrayList {
  return ArrayList.of(
    keys.map((key) =>
      RecordValue.of([
        ['Columns', ArrayList.of([...key.columns])],
        ['Primary', key.primary],
      ]),
    ),
  );
}

/**
 * Keys given as `[Columns = …, Primary = …]` records (`Type.ReplaceTableKeys`,
 * `Table.ReplaceKeys`); `names` reads a `Columns` value (a list of texts unless given).
 */
export function keysFromRecords(
  ctx: Context,
  value: Value,
  names: (ctx: Context, value: Value) => string[] = columnNames,
): TableKey[] {
  return asList(value)
    .toArray(ctx)
    .map((item) => {
      const record = asRecord(item);
      return {
        columns: names(ctx, record.field('Columns')),
        primary: asLogical(record.field('Primary')),
      };
    });
}

/** `Type.AddTableKey`: the table type with one more key. */
export function addTableKey(
  type: TypeValue,
  columns: readonly string[],
  primary: boolean,
): TypeValue {
  const shape = tableShapeOf(type);
  const keys = [...shape.keys, { columns, primary }];
  checkKeys(shape, keys);
  return withShape(type, { ...shape, keys });
}

/** The type of a column of a table type, or the error for a missing column. */
export function columnType(type: TypeValue, column: string): TypeValue {
  const shape = tableShapeOf(type);
  const { fields, open } = columnsOf(shape);
  const field = fields.find((candidate) => candidate.name === column);
  if (field !== undefined) return field.type;
  if (open && fields.length === 0) return TYPE.any;
  throw MError.expression(`The column '${column}' of the table wasn't found.`, column);
}

/** The name a schema gives a column type: `Int64.Type`, `Number.Type`, `Any.Type`, … */
function typeName(type: TypeValue): string {
  return type.facets?.typeName ?? `${displayTypeName(type.primitiveName)}.Type`;
}

function documentation(type: TypeValue, field: string): Value {
  const meta = type.meta;
  if (meta === null) return null;
  const value = meta.fieldOrUndefined(field);
  return value === undefined ? null : strip(value);
}

const SCHEMA_COLUMNS: readonly (readonly [string, TypeValue])[] = [
  ['Name', TYPE.text],
  ['Position', TYPE.number],
  ['TypeName', TYPE.text],
  ['Kind', TYPE.text],
  ['IsNullable', TYPE.logical],
  ['NumericPrecisionBase', nullablePrimitive('number')],
  ['NumericPrecision', nullablePrimitive('number')],
  ['NumericScale', nullablePrimitive('number')],
  ['DateTimePrecision', nullablePrimitive('number')],
  ['MaxLength', nullablePrimitive('number')],
  ['IsVariableLength', nullablePrimitive('logical')],
  ['NativeTypeName', nullablePrimitive('text')],
  ['NativeDefaultExpression', nullablePrimitive('text')],
  ['NativeExpression', nullablePrimitive('text')],
  ['Description', nullablePrimitive('text')],
  ['IsWritable', TYPE.logical],
  ['FieldCaption', nullablePrimitive('text')],
];

/**
 * The schema table of a table type (`Type.TableSchema`, and `Table.Schema` of a table's type): one
 * row per column with its name, position, type name and kind, nullability, facets, and the
 * `Documentation.FieldDescription` and `Documentation.FieldCaption` of the column type's metadata.
 */
export function tableSchema(type: TypeValue): TableValue {
  const { fields } = columnsOf(tableShapeOf(type));
  const rows = fields.map((field, position): Slot[] => {
    const column = field.type;
    return [
      field.name,
      position,
      typeName(column),
      column.primitiveName,
      column.acceptsNull,
      facetValue(column, 'numericPrecisionBase'),
      facetValue(column, 'numericPrecision'),
      facetValue(column, 'numericScale'),
      facetValue(column, 'dateTimePrecision'),
      facetValue(column, 'maxLength'),
      facetValue(column, 'isVariableLength'),
      facetValue(column, 'nativeTypeName'),
      facetValue(column, 'nativeDefaultExpression'),
      facetValue(column, 'nativeExpression'),
      documentation(column, 'Documentation.FieldDescription'),
      false,
      documentation(column, 'Documentation.FieldCaption'),
    ];
  });
  return new TableValue(
    tableType(
      recordType(
        SCHEMA_COLUMNS.map(([name, columnType]) => ({ name, type: columnType, optional: false })),
      ),
    ),
    new ArrayRows(rows),
  );
}

/** The `Type.*` functions of table types. */
export const TYPE_TABLE_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Type.AddTableKey',
    '(table as type, columns as list, isPrimary as logical) as type',
    (ctx, [type, columns, primary]) =>
      addTableKey(asType(type), columnNames(ctx, columns), asLogical(primary)),
  ),
  defineFunction('Type.TableKeys', '(tableType as type) as list', (_ctx, [type]) =>
    keyRecords(tableShapeOf(asType(type)).keys),
  ),
  defineFunction(
    'Type.ReplaceTableKeys',
    '(tableType as type, keys as list) as type',
    (ctx, [value, keysValue]) => {
      const type = asType(value);
      const shape = tableShapeOf(type);
      const keys = keysFromRecords(ctx, keysValue);
      checkKeys(shape, keys);
      return withShape(type, { ...shape, keys });
    },
  ),
  defineFunction(
    'Type.TablePartitionKey',
    '(tableType as type) as nullable list',
    (_ctx, [type]) => {
      const key = tableShapeOf(asType(type)).partitionKey;
      return key === undefined || key === null ? null : ArrayList.of([...key]);
    },
  ),
  defineFunction(
    'Type.ReplaceTablePartitionKey',
    '(tableType as type, partitionKey as nullable list) as type',
    (ctx, [value, keyValue]) => {
      const type = asType(value);
      const shape = tableShapeOf(type);
      const partitionKey = strip(keyValue) === null ? null : columnNames(ctx, keyValue);
      if (partitionKey !== null) checkColumns(shape, partitionKey);
      return withShape(type, { ...shape, partitionKey });
    },
  ),
  defineFunction(
    'Type.TableColumn',
    '(tableType as type, column as text) as type',
    (_ctx, [type, column]) => columnType(asType(type), asText(column)),
  ),
  defineFunction('Type.TableRow', '(table as type) as type', (_ctx, [value]) => {
    const type = asType(value);
    if (type.shape.kind !== 'table') {
      if (type.primitiveName === 'table') return TYPE.record;
      throw MError.expression('The type must be a table type.', type);
    }
    return type.shape.row;
  }),
  defineFunction('Type.TableSchema', '(tableType as type) as table', (_ctx, [type]) =>
    tableSchema(asType(type)),
  ),
];

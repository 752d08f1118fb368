import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { FunctionValue } from '../../values/function.js';
import { ArrayList, ListValue } from '../../values/list.js';
import { TableValue, type RowSource, type TableOperation } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import {
  fieldsOf,
  recordType,
  tableType,
  TYPE,
  TypeValue,
  type RecordTypeField,
  type TableKey,
} from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asText, typeError } from '../arguments.js';
import { tableShapeOf } from '../type-table.js';

/**
 * What the `Table.*` functions share: the table's columns and keys, building result tables, column
 * arguments, the engine's messages, and offering an operation to the row source ("folding").
 */

/** The engine's error for a column a table doesn't have. */
export function columnNotFound(name: string): MError {
  return MError.expression(`The column '${name}' of the table wasn't found.`, name);
}

/** The columns of a table: names, types (`any` unless declared), in order. */
export function columnsOf(table: TableValue): readonly RecordTypeField[] {
  return fieldsOf(table.type);
}

/** The keys of a table's type. */
export function keysOf(table: TableValue): readonly TableKey[] {
  const shape = table.type.shape;
  return shape.kind === 'table' ? shape.keys : [];
}

/** A column of type `any` (or the type given). */
export function column(name: string, type: TypeValue = TYPE.any): RecordTypeField {
  return { name, type, optional: false };
}

/** The columns of the given names, typed `any`. */
export function anyColumns(names: readonly string[]): RecordTypeField[] {
  return names.map((name) => column(name));
}

/** `type table [columns]` with keys (keys on columns that are gone are dropped). */
export function tableTypeOf(
  columns: readonly RecordTypeField[],
  keys: readonly TableKey[] = [],
): TypeValue {
  const names = new Set(columns.map((field) => field.name));
  const kept = keys.filter((key) => key.columns.every((name) => names.has(name)));
  return tableType(recordType(columns), kept);
}

/** A table of columns over a row source; raises the engine's error for a repeated column name. */
export function makeTable(
  columns: readonly RecordTypeField[],
  source: RowSource,
  keys: readonly TableKey[] = [],
): TableValue {
  return new TableValue(tableTypeOf(columns, keys), source);
}

/** A table of the same type as `table` (columns, keys, the type's metadata), over other rows. */
export function sameShape(table: TableValue, source: RowSource): TableValue {
  return new TableValue(table.type, source, null, table.layout);
}

/** The position of a column, or the engine's error. */
export function columnIndex(table: TableValue, name: string): number {
  const index = table.layout.indexOf(name);
  if (index < 0) throw columnNotFound(name);
  return index;
}

/** A `columns` argument: one column name, or a list of them. */
export function columnNames(ctx: Context, value: Value): string[] {
  const plain = strip(value);
  if (typeof plain === 'string') return [plain];
  if (plain instanceof ListValue) return plain.toArray(ctx).map((item) => asText(item));
  throw typeError(plain, 'list');
}

/** The items of a list argument. */
export function itemsOf(ctx: Context, value: Value): Value[] {
  const plain = strip(value);
  if (!(plain instanceof ListValue)) throw typeError(plain, 'list');
  return plain.toArray(ctx);
}

/**
 * Operations given as `{name, …}` or a list of them (`Table.TransformColumns`, `Table.Group`,
 * `Table.RenameColumns`): a list whose first item is a text is one operation.
 */
export function operationLists(ctx: Context, value: Value): Value[][] {
  const items = itemsOf(ctx, value);
  if (items.length === 0) return [];
  if (typeof strip(items[0] as Value) === 'string') return [items];
  return items.map((item) => itemsOf(ctx, item));
}

/** `Column1`, `Column2`, … */
export function defaultNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Column${String(index + 1)}`);
}

/**
 * A `columns` argument of the constructors: a count, a list of names, or a table type (its columns
 * and keys). Null gives `count` default names.
 */
export function columnSpec(
  ctx: Context,
  value: Value,
  count: () => number,
): { readonly columns: RecordTypeField[]; readonly keys: readonly TableKey[] } {
  const plain = strip(value);
  if (plain === null) return { columns: anyColumns(defaultNames(count())), keys: [] };
  if (typeof plain === 'number') {
    return { columns: anyColumns(defaultNames(asCount(plain, 'The column count'))), keys: [] };
  }
  if (plain instanceof TypeValue) {
    if (plain.shape.kind === 'record') return { columns: [...plain.shape.fields], keys: [] };
    const shape = tableShapeOf(plain);
    return { columns: [...fieldsOf(shape.row)], keys: shape.keys };
  }
  return { columns: anyColumns(columnNames(ctx, plain)), keys: [] };
}

/** A function argument that may be omitted. */
export function optionalFunction(value: Value): FunctionValue | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (plain instanceof FunctionValue) return plain;
  throw typeError(plain, 'function');
}

/** An optional type argument (`columnType`), or null. */
export function optionalType(value: Value): TypeValue | null {
  const plain = strip(value);
  if (plain === null) return null;
  if (plain instanceof TypeValue) return plain;
  throw typeError(plain, 'type');
}

/** Offers an operation to the table's row source; a table when the source performed it. */
export function offerTable(
  ctx: Context,
  table: TableValue,
  operation: TableOperation,
): TableValue | undefined {
  const source = table.source;
  if (source.fold === undefined) return undefined;
  const result = source.fold(ctx, operation);
  return result instanceof TableValue ? result : undefined;
}

/** Offers `rowCount` to the table's row source; the count when the source knows it. */
export function offerCount(ctx: Context, table: TableValue): number | undefined {
  const source = table.source;
  if (source.fold === undefined) return undefined;
  const result = source.fold(ctx, { kind: 'rowCount' });
  return typeof result === 'number' ? result : undefined;
}

/** A row of `width` nulls. */
export function nullRow(width: number): Slot[] {
  return new Array<Slot>(width).fill(null);
}

/** A list value of computed values. */
export function listOf(values: Value[]): ListValue {
  return values.length === 0 ? ArrayList.EMPTY : ArrayList.of(values);
}

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayRows, type TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import { TypeValue, type TableKey } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asLogical, asOptions, asTable } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import {
  addTableKey,
  checkOnePrimaryKey,
  keyRecords,
  keysFromRecords,
  tableShapeOf,
} from '../type-table.js';
import { cellOrError } from './cells.js';
import { columnNames, columnNotFound, listOf, sameShape } from './common.js';
import { deferredRows, plainRows } from './rows.js';

/**
 * Keys, partition keys and buffering: `Table.AddKey`, `Keys`, `ReplaceKeys`, `PartitionKey`,
 * `ReplacePartitionKey`, `Buffer` and `StopFolding`.
 */

/** The values of `BufferMode.Eager` and `BufferMode.Delayed`. */
export const BUFFER_MODE = { eager: 1, delayed: 2 } as const;

/** The table with another shape of the same table type (keys, partition key). */
function withTableShape(
  table: TableValue,
  change: (shape: ReturnType<typeof tableShapeOf>) => ReturnType<typeof tableShapeOf>,
): TableValue {
  const type = table.type;
  return table.withType(
    new TypeValue(change(tableShapeOf(type)), type.nullable, type.facets, type.meta),
  );
}

/** `Table.ReplaceKeys`'s keys, checked against the table's columns. */
function tableKeysFromRecords(ctx: Context, table: TableValue, value: Value): TableKey[] {
  const keys = keysFromRecords(ctx, value, columnNames);
  checkOnePrimaryKey(keys);
  for (const key of keys) {
    for (const name of key.columns) if (!table.layout.has(name)) throw columnNotFound(name);
  }
  return keys;
}

/**
 * The rows in memory, scalar cells computed: a cell whose value is an error keeps the error (it is
 * raised when the cell is read); lists, records and tables inside cells stay as they are.
 */
function bufferRows(ctx: Context, table: TableValue): Slot[][] {
  const rows: Slot[][] = [];
  const cursor = table.cursor(ctx);
  const width = table.columnCount;
  while (cursor.next()) {
    const row = cursor.current.slice();
    for (let index = 0; index < width; index++) cellOrError(row, index);
    rows.push(row);
  }
  return rows;
}

function bufferMode(options: Value): number {
  const mode = strip(asOptions(options).fieldOrUndefined('BufferMode') ?? null);
  if (mode === null) return BUFFER_MODE.eager;
  if (mode === BUFFER_MODE.eager || mode === BUFFER_MODE.delayed) return mode;
  throw MError.expression('The BufferMode must be BufferMode.Eager or BufferMode.Delayed.', mode);
}

/** Keys and buffering. */
export const TABLE_KEYS: readonly LibraryEntry[] = [
  defineFunction(
    'Table.AddKey',
    '(table as table, columns as list, isPrimary as logical) as table',
    (ctx, [value, columns, primary]) => {
      const table = asTable(value);
      const names = columnNames(ctx, columns);
      for (const name of names) if (!table.layout.has(name)) throw columnNotFound(name);
      return table.withType(addTableKey(table.type, names, asLogical(primary)));
    },
  ),
  defineFunction('Table.Keys', '(table as table) as list', (_ctx, [table]) =>
    keyRecords(tableShapeOf(asTable(table).type).keys),
  ),
  defineFunction(
    'Table.ReplaceKeys',
    '(table as table, keys as list) as table',
    (ctx, [value, keysValue]) => {
      const table = asTable(value);
      const keys = tableKeysFromRecords(ctx, table, keysValue);
      return withTableShape(table, (shape) => ({ ...shape, keys }));
    },
  ),
  defineFunction('Table.PartitionKey', '(table as table) as nullable list', (_ctx, [table]) => {
    const key = tableShapeOf(asTable(table).type).partitionKey;
    return key === undefined || key === null ? null : listOf([...key]);
  }),
  defineFunction(
    'Table.ReplacePartitionKey',
    '(table as table, partitionKey as nullable list) as table',
    (ctx, [value, keyValue]) => {
      const table = asTable(value);
      const partitionKey = strip(keyValue) === null ? null : columnNames(ctx, keyValue);
      for (const name of partitionKey ?? []) {
        if (!table.layout.has(name)) throw columnNotFound(name);
      }
      return withTableShape(table, (shape) => ({ ...shape, partitionKey }));
    },
  ),
  defineFunction(
    'Table.Buffer',
    '(table as table, optional options as nullable record) as table',
    (ctx, [value, options]) => {
      const table = asTable(value);
      if (bufferMode(options) === BUFFER_MODE.delayed) {
        return sameShape(
          table,
          deferredRows((context) => bufferRows(context, table)),
        );
      }
      return sameShape(table, new ArrayRows(bufferRows(ctx, table)));
    },
  ),
  defineFunction('Table.StopFolding', '(table as table) as table', (_ctx, [value]) => {
    const table = asTable(value);
    return sameShape(table, plainRows(table));
  }),
];

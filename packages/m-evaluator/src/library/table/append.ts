import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { appendTables } from '../../operators/combine.js';
import { cell, type TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import type { RecordTypeField } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asFunction, asTable, asText } from '../arguments.js';
import { KeyMap } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { tableShapeOf } from '../type-table.js';
import { projectColumns } from './columns.js';
import {
  columnIndex,
  columnSpec,
  columnsOf,
  itemsOf,
  listOf,
  makeTable,
  sameShape,
} from './common.js';
import { rowEquation } from './row-criteria.js';
import { deferredRows, filteredRows } from './rows.js';

/** Tables appended and partitioned: `Table.Combine`, `Table.Partition`, `Table.PartitionValues`. */

/**
 * `Table.Combine`: the tables' rows one after another, over the union of their columns (or the
 * columns given, by name; a missing one is null).
 */
function combineTables(ctx: Context, tablesValue: Value, columns: Value): TableValue {
  const tables = itemsOf(ctx, tablesValue).map((item) => asTable(item));
  const appended = appendTables(tables);
  if (strip(columns) === null) return appended;
  const spec = columnSpec(ctx, columns, () => 0);
  return projectColumns(
    appended,
    spec.columns,
    spec.columns.map((field) => appended.layout.indexOf(field.name)),
    spec.keys,
  );
}

/** `Table.Partition`: `groups` tables; a row goes to the one its column's hash picks. */
function partition(table: TableValue, name: string, groupsValue: Value, hashValue: Value): Value {
  const index = columnIndex(table, name);
  const groups = asCount(groupsValue, 'The number of groups');
  if (groups === 0) throw MError.expression('The number of groups must be greater than 0.', groups);
  const hash = asFunction(hashValue);
  const bucket = (ctx: Context, value: Value): number => {
    const result = strip(hash.call1(ctx, value));
    if (typeof result !== 'number' || !Number.isInteger(result)) {
      throw MError.expression('The hash function must return a whole number.', result);
    }
    return ((result % groups) + groups) % groups;
  };
  return listOf(
    Array.from({ length: groups }, (_, group) =>
      sameShape(
        table,
        filteredRows(table, (ctx, row) => bucket(ctx, cell(row, index)) === group),
      ),
    ),
  );
}

/** `Table.PartitionValues`: the distinct values of the partition key's columns. */
function partitionValues(ctx: Context, table: TableValue): TableValue {
  const key = tableShapeOf(table.type).partitionKey ?? [];
  const fields = columnsOf(table);
  const indexes = key.map((name) => columnIndex(table, name));
  if (indexes.length === 0)
    return makeTable(
      [],
      deferredRows(() => []),
    );
  const equation = rowEquation(ctx, table, listOf([...key]));
  return makeTable(
    indexes.map((index) => fields[index] as RecordTypeField),
    deferredRows((context) => {
      const seen = new KeyMap<boolean>(equation);
      const out: Slot[][] = [];
      for (const row of table.rows(context)) {
        const value = equation.key(row);
        if (seen.has(value)) continue;
        seen.set(value, true);
        out.push(indexes.map((at) => row[at] as Slot));
      }
      return out;
    }),
  );
}

/** Appending and partitioning. */
export const TABLE_APPEND: readonly LibraryEntry[] = [
  defineFunction(
    'Table.Combine',
    '(tables as list, optional columns as any) as table',
    (ctx, [tables, columns]) => combineTables(ctx, tables, columns),
  ),
  defineFunction(
    'Table.Partition',
    '(table as table, column as text, groups as number, hash as function) as list',
    (_ctx, [table, name, groups, hash]) => partition(asTable(table), asText(name), groups, hash),
  ),
  defineFunction('Table.PartitionValues', '(table as table) as table', (ctx, [table]) =>
    partitionValues(ctx, asTable(table)),
  ),
];

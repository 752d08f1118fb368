import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { equals } from '../../operators/compare.js';
import { FunctionValue } from '../../values/function.js';
import { ArrayList } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { cell, type TableValue } from '../../values/table.js';
import { force, Thunk, type Slot } from '../../values/thunk.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asTable, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import {
  columnIndex,
  columnNames,
  columnsOf,
  keysOf,
  makeTable,
  operationLists,
  sameShape,
} from './common.js';
import { deferredRows, filteredRows, mappedRows, walkMappedRows } from './rows.js';

/**
 * Functions of cell values: `Table.ReplaceValue`, `ReplaceErrorValues`, `FillDown`, `FillUp`,
 * `ClearDown`, and the rows with errors (`SelectRowsWithErrors`, `RemoveRowsWithErrors`).
 */

/** The value of a cell, or undefined when computing it raises an M error. */
export function cellOrError(row: Slot[], index: number): Value | undefined {
  try {
    return cell(row, index);
  } catch (error) {
    if (error instanceof MError) return undefined;
    throw error;
  }
}

/** The positions of the columns named by an optional list (all columns when null). */
function columnIndexes(ctx: Context, table: TableValue, columns: Value): number[] {
  if (strip(columns) === null) return table.columnNames.map((_, index) => index);
  return columnNames(ctx, columns).map((name) => columnIndex(table, name));
}

/** Whether any of the cells at `indexes` is an error. */
function hasError(row: Slot[], indexes: readonly number[]): boolean {
  for (const index of indexes) if (cellOrError(row, index) === undefined) return true;
  return false;
}

/**
 * `Table.SelectRowsWithErrors` (`withErrors` true) and `Table.RemoveRowsWithErrors`: the rows that
 * have, or that have no, error in the given columns (all columns when null).
 */
function rowsWithErrors(
  ctx: Context,
  table: TableValue,
  columns: Value,
  withErrors: boolean,
): TableValue {
  const indexes = columnIndexes(ctx, table, columns);
  return sameShape(
    table,
    filteredRows(table, (_ctx, row) => hasError(row, indexes) === withErrors),
  );
}

/** A table with the cells of some columns replaced, each computed when read. */
function withCells(
  table: TableValue,
  indexes: readonly number[],
  make: (ctx: Context, row: Slot[], index: number) => Slot,
): TableValue {
  return makeTable(
    columnsOf(table),
    mappedRows(table, (ctx, row) => {
      const out = row.slice();
      for (const index of indexes) out[index] = make(ctx, row, index);
      return out;
    }),
    keysOf(table),
  );
}

/**
 * `Table.ReplaceValue`: `replacer(cell, oldValue, newValue)` in each listed column. An `oldValue`
 * or `newValue` that is a function is called with the row (as a record) first.
 */
function replaceValue(
  ctx: Context,
  table: TableValue,
  oldValue: Value,
  newValue: Value,
  replacerValue: Value,
  columns: Value,
): TableValue {
  const replacer = asFunction(replacerValue);
  const indexes = columnNames(ctx, columns).map((name) => columnIndex(table, name));
  const oldFn =
    strip(oldValue) instanceof FunctionValue ? (strip(oldValue) as FunctionValue) : null;
  const newFn =
    strip(newValue) instanceof FunctionValue ? (strip(newValue) as FunctionValue) : null;
  const layout = table.layout;
  return withCells(table, indexes, (context, row, index) => {
    const slot = row[index] as Slot;
    return new Thunk(() => {
      const record = oldFn === null && newFn === null ? null : new RecordValue(layout, row);
      const old = oldFn === null ? oldValue : oldFn.call1(context, record);
      const replacement = newFn === null ? newValue : newFn.call1(context, record);
      return replacer.invoke(context, [force(slot), old, replacement]);
    });
  });
}

/** `Table.ReplaceErrorValues`: `{column, value}` pairs; an error in the column becomes the value. */
function replaceErrorValues(ctx: Context, table: TableValue, replacements: Value): TableValue {
  const byIndex = new Map<number, Value>();
  for (const pair of operationLists(ctx, replacements)) {
    if (pair.length !== 2) {
      throw MError.expression(
        'An error replacement must be a list of a column name and a value.',
        ArrayList.of(pair),
      );
    }
    const name = asText(pair[0] as Value);
    const index = columnIndex(table, name);
    if (byIndex.has(index)) {
      throw MError.expression(`The column '${name}' has more than one replacement value.`, name);
    }
    byIndex.set(index, pair[1] as Value);
  }
  return withCells(table, [...byIndex.keys()], (_context, row, index) => {
    const slot = row[index] as Slot;
    if (!(slot instanceof Thunk)) return slot;
    return new Thunk(() => {
      try {
        return slot.force();
      } catch (error) {
        if (error instanceof MError) return byIndex.get(index) ?? null;
        throw error;
      }
    });
  });
}

/**
 * `Table.FillDown` and `Table.FillUp` at one row: each null cell at `indexes` takes the value carried
 * for its column, and each other cell (not an error) becomes the value carried on.
 */
function fillNulls(row: Slot[], indexes: readonly number[], carried: Slot[]): void {
  indexes.forEach((index, position) => {
    const value = cellOrError(row, index);
    if (value === null) row[index] = carried[position] as Slot;
    else if (value !== undefined) carried[position] = value;
  });
}

/** `Table.FillDown`: a null cell takes the last value above it that was not null. */
function fillDown(ctx: Context, table: TableValue, columns: Value): TableValue {
  const indexes = columnNames(ctx, columns).map((name) => columnIndex(table, name));
  return makeTable(
    columnsOf(table),
    walkMappedRows(table, () => {
      const last: Slot[] = indexes.map(() => null);
      return (_context, row) => {
        const out = row.slice();
        fillNulls(out, indexes, last);
        return out;
      };
    }),
    keysOf(table),
  );
}

/** `Table.FillUp`: a null cell takes the first value below it that is not null. */
function fillUp(ctx: Context, table: TableValue, columns: Value): TableValue {
  const indexes = columnNames(ctx, columns).map((name) => columnIndex(table, name));
  return sameShape(
    table,
    deferredRows((context) => {
      const rows = table.rows(context).map((row) => row.slice());
      const next: Slot[] = indexes.map(() => null);
      for (let position = rows.length - 1; position >= 0; position--) {
        context.tick();
        fillNulls(rows[position] as Slot[], indexes, next);
      }
      return rows;
    }),
  );
}

/** `Table.ClearDown`: the columns become null where all of them repeat the row above. */
function clearDown(ctx: Context, table: TableValue, columns: Value): TableValue {
  const indexes = columnNames(ctx, columns).map((name) => columnIndex(table, name));
  return makeTable(
    columnsOf(table),
    walkMappedRows(table, () => {
      let previous: Value[] | undefined;
      return (context, row) => {
        const values = indexes.map((index) => cell(row, index));
        const before = previous;
        previous = values;
        const repeated =
          before !== undefined &&
          values.every((value, position) => equals(context, value, before[position] as Value));
        if (!repeated) return row;
        const out = row.slice();
        for (const index of indexes) out[index] = null;
        return out;
      };
    }),
    keysOf(table),
  );
}

/** The cell functions. */
export const TABLE_CELLS: readonly LibraryEntry[] = [
  defineFunction(
    'Table.ReplaceValue',
    '(table as table, oldValue as any, newValue as any, replacer as function, columnsToSearch as list) as table',
    (ctx, [table, oldValue, newValue, replacer, columns]) =>
      replaceValue(ctx, asTable(table), oldValue, newValue, replacer, columns),
  ),
  defineFunction(
    'Table.ReplaceErrorValues',
    '(table as table, errorReplacement as list) as table',
    (ctx, [table, replacements]) => replaceErrorValues(ctx, asTable(table), replacements),
  ),
  defineFunction(
    'Table.FillDown',
    '(table as table, columns as list) as table',
    (ctx, [table, columns]) => fillDown(ctx, asTable(table), columns),
  ),
  defineFunction(
    'Table.FillUp',
    '(table as table, columns as list) as table',
    (ctx, [table, columns]) => fillUp(ctx, asTable(table), columns),
  ),
  defineFunction(
    'Table.ClearDown',
    '(table as table, columns as list) as table',
    (ctx, [table, columns]) => clearDown(ctx, asTable(table), columns),
  ),
  defineFunction(
    'Table.SelectRowsWithErrors',
    '(table as table, optional columns as nullable list) as table',
    (ctx, [table, columns]) => rowsWithErrors(ctx, asTable(table), columns, true),
  ),
  defineFunction(
    'Table.RemoveRowsWithErrors',
    '(table as table, optional columns as nullable list) as table',
    (ctx, [table, columns]) => rowsWithErrors(ctx, asTable(table), columns, false),
  ),
];

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { type FunctionValue } from '../../values/function.js';
import { arrayCursor, StreamList, type ListCursor } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { ArrayRows, cell, type TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import { strip, type Value } from '../../values/value.js';
import {
  asCount,
  asFunction,
  asList,
  asLogical,
  asNumberOrNull,
  asRecord,
  asTable,
  asText,
} from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { countOrCondition, notEnoughElements, tooManyElements } from '../list/common.js';
import { listOf, offerCount, offerTable, sameShape } from './common.js';
import {
  concatenatedRows,
  deferredRows,
  filteredRows,
  positionFilteredRows,
  skipWhileRows,
  slicedRows,
  splicedRows,
  takeWhileRows,
} from './rows.js';

/** Row selection: conditions, counts, positions, the first and last rows, splits. */

/**
 * A condition on rows as a JavaScript predicate: the function must return a logical, or null,
 * which counts as false (`each [Price] > 10` on a null price drops the row, as filters do).
 */
export function rowPredicate(
  table: TableValue,
  condition: FunctionValue,
): (ctx: Context, row: Slot[]) => boolean {
  const layout = table.layout;
  return (ctx, row) => {
    const result = condition.call1(ctx, new RecordValue(layout, row));
    return result === null ? false : asLogical(result);
  };
}

/** `Table.SelectRows`: streams the rows for which the condition is true. */
export function selectRows(ctx: Context, table: TableValue, condition: Value): TableValue {
  const fn = asFunction(condition);
  const folded = offerTable(ctx, table, { kind: 'selectRows', predicate: fn });
  if (folded !== undefined) return folded;
  return sameShape(table, filteredRows(table, rowPredicate(table, fn)));
}

/** The first `count` rows (a `take`, offered to the source first). */
export function firstRows(ctx: Context, table: TableValue, count: number): TableValue {
  const folded = offerTable(ctx, table, { kind: 'take', count });
  if (folded !== undefined) return folded;
  return sameShape(table, slicedRows(table, 0, count));
}

/** The rows after the first `count` (a `skip`, offered to the source first). */
export function skipRows(ctx: Context, table: TableValue, count: number): TableValue {
  if (count === 0) return table;
  const folded = offerTable(ctx, table, { kind: 'skip', count });
  if (folded !== undefined) return folded;
  return sameShape(table, slicedRows(table, count));
}

function firstN(ctx: Context, table: TableValue, criterion: Value): TableValue {
  const counted = countOrCondition(criterion);
  if (typeof counted === 'number') return firstRows(ctx, table, counted);
  return sameShape(table, takeWhileRows(table, rowPredicate(table, counted)));
}

function skip(ctx: Context, table: TableValue, criterion: Value): TableValue {
  const counted = strip(criterion) === null ? 1 : countOrCondition(criterion);
  if (typeof counted === 'number') return skipRows(ctx, table, counted);
  return sameShape(table, skipWhileRows(table, rowPredicate(table, counted)));
}

/**
 * How many rows at the end of `rows` a count or condition selects: the count, or how many rows meet
 * the condition (counting from the last row up).
 */
function trailingCount(
  ctx: Context,
  table: TableValue,
  rows: readonly Slot[][],
  counted: number | FunctionValue,
): number {
  if (typeof counted === 'number') return counted;
  const test = rowPredicate(table, counted);
  let count = 0;
  while (count < rows.length && test(ctx, rows[rows.length - 1 - count] as Slot[])) count++;
  return count;
}

function lastN(table: TableValue, criterion: Value): TableValue {
  const counted = countOrCondition(criterion);
  return sameShape(
    table,
    deferredRows((ctx) => {
      const rows = table.rows(ctx);
      return rows.slice(Math.max(0, rows.length - trailingCount(ctx, table, rows, counted)));
    }),
  );
}

function removeLastN(table: TableValue, criterion: Value): TableValue {
  const counted = strip(criterion) === null ? 1 : countOrCondition(criterion);
  const known = table.source.knownCount;
  if (typeof counted === 'number' && known !== undefined) {
    return sameShape(table, slicedRows(table, 0, Math.max(0, known - counted)));
  }
  return sameShape(
    table,
    deferredRows((ctx) => {
      const rows = table.rows(ctx);
      return rows.slice(0, Math.max(0, rows.length - trailingCount(ctx, table, rows, counted)));
    }),
  );
}

/** The rows of `list` (records) aligned to the table's columns, for insertion. */
function recordRows(ctx: Context, table: TableValue, rows: Value): Slot[][] {
  return asList(rows)
    .toArray(ctx)
    .map((item) => {
      const record = asRecord(item);
      return table.columnNames.map((name) => {
        const index = record.layout.indexOf(name);
        if (index < 0) {
          throw MError.expression(`The field '${name}' of the record wasn't found.`, record);
        }
        return record.slot(index);
      });
    });
}

/** `Table.InsertRows` and `Table.ReplaceRows`: `rows` put at `offset` in place of `count` rows. */
function spliceRows(
  ctx: Context,
  table: TableValue,
  offsetValue: Value,
  countValue: Value,
  rows: Value,
): TableValue {
  const offset = asCount(offsetValue, 'The offset');
  const inserted = recordRows(ctx, table, rows);
  return sameShape(
    table,
    splicedRows(table, offset, asCount(countValue), inserted, () =>
      MError.expression('The offset is outside the bounds of the table.', offset),
    ),
  );
}

/** The rows of a table in pages of `size` rows, as a list of tables made on first read. */
function pages(table: TableValue, size: number): StreamList {
  const open = (ctx: Context): ListCursor => {
    const rows = table.rows(ctx);
    const tables: Value[] = [];
    for (let start = 0; start < rows.length; start += size) {
      tables.push(sameShape(table, new ArrayRows(rows.slice(start, start + size))));
    }
    return arrayCursor(tables, ctx);
  };
  return new StreamList(open, (ctx) => Math.ceil(table.rowCount(ctx) / size));
}

/** The first row as a record, or undefined for an empty table. */
function firstRecord(ctx: Context, table: TableValue): RecordValue | undefined {
  const rows = table.cursor(ctx);
  return rows.next() ? table.rowRecord(rows.current) : undefined;
}

/** The number of rows: the source's own count when it has one. */
export function rowCount(ctx: Context, table: TableValue): number {
  return offerCount(ctx, table) ?? table.rowCount(ctx);
}

function matchesRows(ctx: Context, table: TableValue, condition: Value, all: boolean): boolean {
  const test = rowPredicate(table, asFunction(condition));
  const rows = table.cursor(ctx);
  while (rows.next()) {
    if (test(ctx, rows.current) !== all) return !all;
  }
  return all;
}

/** Whether a cell's value is a text that contains `text`. */
function cellContains(row: Slot[], index: number, text: string): boolean {
  const value = strip(cell(row, index));
  return typeof value === 'string' && value.includes(text);
}

/** The row selection functions. */
export const TABLE_SELECTION: readonly LibraryEntry[] = [
  defineFunction(
    'Table.SelectRows',
    '(table as table, condition as function) as table',
    (ctx, [table, condition]) => selectRows(ctx, asTable(table), condition),
  ),
  defineFunction(
    'Table.FirstN',
    '(table as table, countOrCondition as any) as table',
    (ctx, [table, criterion]) => firstN(ctx, asTable(table), criterion),
  ),
  defineFunction(
    'Table.LastN',
    '(table as table, countOrCondition as any) as table',
    (_ctx, [table, criterion]) => lastN(asTable(table), criterion),
  ),
  ...['Table.Skip', 'Table.RemoveFirstN'].map((name) =>
    defineFunction(
      name,
      '(table as table, optional countOrCondition as any) as table',
      (ctx, [table, criterion]) => skip(ctx, asTable(table), criterion),
    ),
  ),
  defineFunction(
    'Table.RemoveLastN',
    '(table as table, optional countOrCondition as any) as table',
    (_ctx, [table, criterion]) => removeLastN(asTable(table), criterion),
  ),
  defineFunction(
    'Table.Range',
    '(table as table, offset as number, optional count as nullable number) as table',
    (ctx, [value, offsetValue, countValue]) => {
      const table = asTable(value);
      const offset = asCount(offsetValue, 'The offset');
      const count = asNumberOrNull(countValue);
      const rest = skipRows(ctx, table, offset);
      return count === null ? rest : firstRows(ctx, rest, asCount(count));
    },
  ),
  defineFunction(
    'Table.RemoveRows',
    '(table as table, offset as number, optional count as nullable number) as table',
    (_ctx, [value, offsetValue, countValue]) => {
      const table = asTable(value);
      const offset = asCount(offsetValue, 'The offset');
      const count = asCount(asNumberOrNull(countValue) ?? 1);
      return sameShape(
        table,
        positionFilteredRows(table, (position) => position < offset || position >= offset + count),
      );
    },
  ),
  defineFunction(
    'Table.InsertRows',
    '(table as table, offset as number, rows as list) as table',
    (ctx, [table, offset, rows]) => spliceRows(ctx, asTable(table), offset, 0, rows),
  ),
  defineFunction(
    'Table.ReplaceRows',
    '(table as table, offset as number, count as number, rows as list) as table',
    (ctx, [table, offset, count, rows]) => spliceRows(ctx, asTable(table), offset, count, rows),
  ),
  ...['Table.RowCount', 'Table.ApproximateRowCount'].map((name) =>
    defineFunction(name, '(table as table) as number', (ctx, [table]) =>
      rowCount(ctx, asTable(table)),
    ),
  ),
  defineFunction('Table.IsEmpty', '(table as table) as logical', (ctx, [value]) => {
    const table = asTable(value);
    const known = table.source.knownCount;
    return known === undefined ? !table.cursor(ctx).next() : known === 0;
  }),
  defineFunction(
    'Table.First',
    '(table as table, optional default as any) as any',
    (ctx, [table, fallback]) => firstRecord(ctx, asTable(table)) ?? fallback,
  ),
  defineFunction(
    'Table.FirstValue',
    '(table as table, optional default as any) as any',
    (ctx, [value, fallback]) => {
      const table = asTable(value);
      if (table.columnCount === 0) return fallback;
      const rows = table.cursor(ctx);
      return rows.next() ? cell(rows.current, 0) : fallback;
    },
  ),
  defineFunction(
    'Table.Last',
    '(table as table, optional default as any) as any',
    (ctx, [value, fallback]) => {
      const table = asTable(value);
      let last: Slot[] | undefined;
      const rows = table.cursor(ctx);
      while (rows.next()) last = rows.current;
      return last === undefined ? fallback : table.rowRecord(last);
    },
  ),
  defineFunction('Table.SingleRow', '(table as table) as record', (ctx, [value]) => {
    const table = asTable(value);
    const rows = table.cursor(ctx);
    if (!rows.next()) throw notEnoughElements();
    const row = rows.current;
    if (rows.next()) throw tooManyElements();
    return table.rowRecord(row);
  }),
  defineFunction('Table.ReverseRows', '(table as table) as table', (_ctx, [value]) => {
    const table = asTable(value);
    return sameShape(
      table,
      deferredRows((ctx) => table.rows(ctx).slice().reverse()),
    );
  }),
  defineFunction(
    'Table.Repeat',
    '(table as table, count as number) as table',
    (_ctx, [value, n]) => {
      const table = asTable(value);
      const count = asCount(n);
      return sameShape(table, concatenatedRows(Array.from({ length: count }, () => table.source)));
    },
  ),
  defineFunction(
    'Table.AlternateRows',
    '(table as table, offset as number, skip as number, take as number) as table',
    (_ctx, [value, offsetValue, skipValue, takeValue]) => {
      const table = asTable(value);
      const offset = asCount(offsetValue, 'The offset');
      const skipCount = asCount(skipValue);
      const take = asCount(takeValue);
      const period = skipCount + take;
      return sameShape(
        table,
        positionFilteredRows(
          table,
          (position) =>
            position < offset || period === 0 || (position - offset) % period >= skipCount,
        ),
      );
    },
  ),
  defineFunction(
    'Table.Split',
    '(table as table, pageSize as number) as list',
    (_ctx, [value, n]) => {
      const size = asCount(n, 'The page size');
      if (size === 0) throw MError.expression('The page size must be greater than 0.', size);
      return pages(asTable(value), size);
    },
  ),
  defineFunction(
    'Table.SplitAt',
    '(table as table, count as number) as list',
    (ctx, [value, n]) => {
      const table = asTable(value);
      const count = asCount(n);
      return listOf([firstRows(ctx, table, count), skipRows(ctx, table, count)]);
    },
  ),
  defineFunction(
    'Table.MatchesAllRows',
    '(table as table, condition as function) as logical',
    (ctx, [table, condition]) => matchesRows(ctx, asTable(table), condition, true),
  ),
  defineFunction(
    'Table.MatchesAnyRows',
    '(table as table, condition as function) as logical',
    (ctx, [table, condition]) => matchesRows(ctx, asTable(table), condition, false),
  ),
  defineFunction(
    'Table.FindText',
    '(table as table, text as text) as table',
    (_ctx, [value, t]) => {
      const table = asTable(value);
      const text = asText(t);
      const width = table.columnCount;
      return sameShape(
        table,
        filteredRows(table, (_context, row) => {
          for (let index = 0; index < width; index++) {
            if (cellContains(row, index, text)) return true;
          }
          return false;
        }),
      );
    },
  ),
];

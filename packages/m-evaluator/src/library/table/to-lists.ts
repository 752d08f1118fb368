import { columnValues } from '../../compile/access.js';
import type { Context } from '../../context.js';
import type { FunctionValue } from '../../values/function.js';
import { ArrayList, StreamList, type ListCursor, type ListValue } from '../../values/list.js';
import type { RecordValue } from '../../values/record.js';
import type { RowCursor, TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import type { Value } from '../../values/value.js';
import { asFunction, asTable, asText } from '../arguments.js';
import { COMBINER_LIBRARY } from '../combiner.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { NativeFunction } from '../native-function.js';
import { tableSchema } from '../type-table.js';
import { columnIndex, listOf, optionalFunction } from './common.js';

/**
 * A table as lists: `Table.ToRecords`, `ToRows`, `ToList`, `ToColumns`, `Column`, `ColumnNames`,
 * `TransformRows`, and `Table.Schema`. The lists stream the table's rows; cells stay lazy.
 */

/** A list with one item per row: `item(row)`, computed as the list is walked. */
export function rowList(table: TableValue, item: (ctx: Context, row: Slot[]) => Value): ListValue {
  const known = table.source.knownCount;
  return new StreamList(
    (context) => new RowItemCursor(table.cursor(context), item, context),
    known === undefined ? (context) => table.rowCount(context) : () => known,
  );
}

class RowItemCursor implements ListCursor {
  current: Value = null;
  constructor(
    private readonly rows: RowCursor,
    private readonly item: (ctx: Context, row: Slot[]) => Value,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    if (!this.rows.next()) return false;
    this.ctx.tick();
    this.current = this.item(this.ctx, this.rows.current);
    return true;
  }
}

/** The rows of a table as records sharing the table's layout. */
export function recordList(table: TableValue): ListValue {
  return rowList(table, (_ctx, row): RecordValue => table.rowRecord(row));
}

function defaultCombiner(ctx: Context): FunctionValue {
  const entry = COMBINER_LIBRARY.find(
    (candidate) => candidate.name === 'Combiner.CombineTextByDelimiter',
  );
  if (entry?.kind !== 'function') throw new Error('Combiner.CombineTextByDelimiter is missing');
  return new NativeFunction(entry).call1(ctx, ',') as FunctionValue;
}

/** The `Table.*` functions that turn a table into lists. */
export const TABLE_TO_LISTS: readonly LibraryEntry[] = [
  defineFunction('Table.ToRecords', '(table as table) as list', (_ctx, [table]) =>
    recordList(asTable(table)),
  ),
  defineFunction('Table.ToRows', '(table as table) as list', (_ctx, [table]) =>
    rowList(asTable(table), (_ctx, row) => new ArrayList(row.slice())),
  ),
  defineFunction(
    'Table.ToList',
    '(table as table, optional combiner as nullable function) as list',
    (ctx, [table, combinerValue]) => {
      const combiner = optionalFunction(combinerValue) ?? defaultCombiner(ctx);
      return rowList(asTable(table), (context, row) =>
        combiner.call1(context, new ArrayList(row.slice())),
      );
    },
  ),
  defineFunction('Table.ToColumns', '(table as table) as list', (_ctx, [value]) => {
    const table = asTable(value);
    return listOf(table.columnNames.map((_, index) => columnValues(table, index)));
  }),
  defineFunction(
    'Table.Column',
    '(table as table, column as text) as list',
    (_ctx, [value, name]) => {
      const table = asTable(value);
      return columnValues(table, columnIndex(table, asText(name)));
    },
  ),
  defineFunction('Table.ColumnNames', '(table as table) as list', (_ctx, [table]) =>
    listOf([...asTable(table).columnNames]),
  ),
  defineFunction(
    'Table.TransformRows',
    '(table as table, transform as function) as list',
    (_ctx, [value, transform]) => {
      const table = asTable(value);
      const fn = asFunction(transform);
      return rowList(table, (context, row) => fn.call1(context, table.rowRecord(row)));
    },
  ),
  defineFunction('Table.Schema', '(table as table) as table', (_ctx, [table]) =>
    tableSchema(asTable(table).type),
  ),
];

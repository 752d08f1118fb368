import { columnValues } from '../../compile/access.js';
import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList, ListValue } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { cell, TableValue } from '../../values/table.js';
import { force, Thunk, type Slot } from '../../values/thunk.js';
import { fieldsOf, TYPE, type RecordTypeField, type TypeValue } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asTable, asText, typeError } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import {
  column,
  columnIndex,
  columnNames,
  columnNotFound,
  columnsOf,
  itemsOf,
  keysOf,
  makeTable,
  nullRow,
} from './common.js';
import { mappedRows, walkExpandedRows } from './rows.js';

/**
 * Nested values: `Table.ExpandRecordColumn`, `ExpandTableColumn`, `ExpandListColumn` and
 * `AggregateTableColumn`. New columns take the place of the expanded column.
 */

/** The names of new columns: `newColumnNames` when given, else the field names. */
function newNames(ctx: Context, names: readonly string[], value: Value): string[] {
  if (strip(value) === null) return [...names];
  const given = columnNames(ctx, value);
  if (given.length !== names.length) {
    throw MError.expression(
      'The new column names must be as many as the names of the columns to expand.',
      ArrayList.of(given),
    );
  }
  return given;
}

/** The type of a field of a record or table column type (`any` when unknown). */
function nestedFieldType(type: TypeValue, name: string): TypeValue {
  return fieldsOf(type).find((field) => field.name === name)?.type ?? TYPE.any;
}

/**
 * The columns of `table` with the column at `index` replaced by `added`; `make` gives a source
 * row's cells for them.
 */
function replaceAt(
  table: TableValue,
  index: number,
  added: readonly RecordTypeField[],
): RecordTypeField[] {
  const fields = columnsOf(table);
  return [...fields.slice(0, index), ...added, ...fields.slice(index + 1)];
}

/**
 * The columns of `table` with the column at `index` expanded: `nested` are the fields or columns
 * taken from it, under their new `names`, typed from the expanded column's type.
 */
function expandedColumns(
  table: TableValue,
  index: number,
  nested: readonly string[],
  names: readonly string[],
): RecordTypeField[] {
  const type = (columnsOf(table)[index] as RecordTypeField).type;
  return replaceAt(
    table,
    index,
    names.map((newName, position) =>
      column(newName, nestedFieldType(type, nested[position] as string)),
    ),
  );
}

function spliceRow(row: Slot[], index: number, cells: readonly Slot[]): Slot[] {
  return [...row.slice(0, index), ...cells, ...row.slice(index + 1)];
}

/** A field of a record cell: null for a null cell or a missing field; an error for a non-record. */
function fieldOf(value: Value, name: string): Value {
  const plain = strip(value);
  if (plain === null) return null;
  if (!(plain instanceof RecordValue)) throw typeError(plain, 'record');
  return plain.fieldOrUndefined(name) ?? null;
}

function expandRecordColumn(
  ctx: Context,
  table: TableValue,
  name: string,
  fieldsValue: Value,
  newNamesValue: Value,
): TableValue {
  const index = columnIndex(table, name);
  const fields = columnNames(ctx, fieldsValue);
  const names = newNames(ctx, fields, newNamesValue);
  return makeTable(
    expandedColumns(table, index, fields, names),
    mappedRows(table, (_ctx, row) => {
      const slot = row[index] as Slot;
      const cells = fields.map((field): Slot => {
        if (slot instanceof RecordValue) {
          const at = slot.layout.indexOf(field);
          return at < 0 ? null : slot.slot(at);
        }
        if (slot === null) return null;
        return new Thunk(() => fieldOf(force(slot), field));
      });
      return spliceRow(row, index, cells);
    }),
    keysOf(table),
  );
}

function expandTableColumn(
  ctx: Context,
  table: TableValue,
  name: string,
  columnsValue: Value,
  newNamesValue: Value,
): TableValue {
  const index = columnIndex(table, name);
  const nestedColumns = columnNames(ctx, columnsValue);
  const names = newNames(ctx, nestedColumns, newNamesValue);
  const width = nestedColumns.length;
  return makeTable(
    expandedColumns(table, index, nestedColumns, names),
    walkExpandedRows(table, () => ({
      expand: (context, row) => {
        const nested = strip(cell(row, index));
        if (nested === null) return [spliceRow(row, index, nullRow(width))];
        if (!(nested instanceof TableValue)) throw typeError(nested, 'table');
        const map = nestedColumns.map((column) => nested.layout.indexOf(column));
        const out: Slot[][] = [];
        const rows = nested.cursor(context);
        while (rows.next()) {
          const inner = rows.current;
          out.push(
            spliceRow(
              row,
              index,
              map.map((at) => (at < 0 ? null : (inner[at] as Slot))),
            ),
          );
        }
        if (out.length === 0) out.push(spliceRow(row, index, nullRow(width)));
        return out;
      },
    })),
  );
}

function expandListColumn(table: TableValue, name: string): TableValue {
  const index = columnIndex(table, name);
  const field = columnsOf(table)[index] as RecordTypeField;
  const shape = field.type.shape;
  const itemType = shape.kind === 'list' ? shape.item : TYPE.any;
  return makeTable(
    replaceAt(table, index, [column(name, itemType)]),
    walkExpandedRows(table, () => ({
      expand: (context, row) => {
        const value = strip(cell(row, index));
        let items: Slot[];
        if (value instanceof ListValue) {
          items = value instanceof ArrayList ? value.slots : value.toArray(context);
        } else if (value instanceof TableValue) {
          items = value.rows(context).map((inner) => value.rowRecord(inner));
        } else {
          items = [value];
        }
        if (items.length === 0) items = [null];
        return items.map((item) => spliceRow(row, index, [item]));
      },
    })),
  );
}

/** `Table.AggregateTableColumn`: `{column, aggregation, newName}` for each new column. */
function aggregateTableColumn(
  ctx: Context,
  table: TableValue,
  name: string,
  aggregationsValue: Value,
): TableValue {
  const index = columnIndex(table, name);
  const aggregations = itemsOf(ctx, aggregationsValue).map((item) => {
    const parts = itemsOf(ctx, item);
    if (parts.length !== 3) {
      throw MError.expression(
        'An aggregation must be a list of a column name, a function and a new column name.',
        item,
      );
    }
    return {
      column: asText(parts[0] as Value),
      function: asFunction(parts[1] as Value),
      name: asText(parts[2] as Value),
    };
  });
  return makeTable(
    replaceAt(
      table,
      index,
      aggregations.map((aggregation) => column(aggregation.name)),
    ),
    mappedRows(table, (context, row) => {
      const slot = row[index] as Slot;
      const cells = aggregations.map(
        (aggregation) =>
          new Thunk(() => {
            const nested = strip(force(slot));
            if (nested === null) return null;
            if (!(nested instanceof TableValue)) throw typeError(nested, 'table');
            const at = nested.layout.indexOf(aggregation.column);
            if (at < 0) throw columnNotFound(aggregation.column);
            return aggregation.function.call1(context, columnValues(nested, at));
          }),
      );
      return spliceRow(row, index, cells);
    }),
    keysOf(table),
  );
}

/** The functions of nested values. */
export const TABLE_EXPAND: readonly LibraryEntry[] = [
  defineFunction(
    'Table.ExpandRecordColumn',
    '(table as table, column as text, fieldNames as list, optional newColumnNames as nullable list) as table',
    (ctx, [table, name, fields, names]) =>
      expandRecordColumn(ctx, asTable(table), asText(name), fields, names),
  ),
  defineFunction(
    'Table.ExpandTableColumn',
    '(table as table, column as text, columnNames as list, optional newColumnNames as nullable list) as table',
    (ctx, [table, name, columns, names]) =>
      expandTableColumn(ctx, asTable(table), asText(name), columns, names),
  ),
  defineFunction(
    'Table.ExpandListColumn',
    '(table as table, column as text) as table',
    (_ctx, [table, name]) => expandListColumn(asTable(table), asText(name)),
  ),
  defineFunction(
    'Table.AggregateTableColumn',
    '(table as table, column as text, aggregations as list) as table',
    (ctx, [table, name, aggregations]) =>
      aggregateTableColumn(ctx, asTable(table), asText(name), aggregations),
  ),
];

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList } from '../../values/list.js';
import { cell, type TableValue } from '../../values/table.js';
import { Thunk, type Slot } from '../../values/thunk.js';
import { TYPE, type RecordTypeField } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asTable, asText } from '../arguments.js';
import { KeyMap } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { tooManyElements } from '../list/common.js';
import { cellOrError } from './cells.js';
import {
  column,
  columnIndex,
  columnNames,
  columnsOf,
  columnSpec,
  itemsOf,
  makeTable,
  optionalFunction,
} from './common.js';
import { rowEquation } from './row-criteria.js';
import { deferredRows, walkExpandedRows } from './rows.js';

/** Reshaping: `Table.Pivot`, `Table.Unpivot`, `Table.UnpivotOtherColumns` and `Table.Transpose`. */

/** `Table.Pivot`: one row per combination of the other columns, one column per pivot value. */
function pivot(
  ctx: Context,
  table: TableValue,
  pivotValuesValue: Value,
  attributeName: string,
  valueName: string,
  aggregationValue: Value,
): TableValue {
  const pivotValues = itemsOf(ctx, pivotValuesValue);
  const names = pivotValues.map((value) => asText(value));
  const aggregation = optionalFunction(aggregationValue);
  const attribute = columnIndex(table, attributeName);
  const valueIndex = columnIndex(table, valueName);
  const fields = columnsOf(table);
  const others = fields
    .map((_, index) => index)
    .filter((index) => index !== attribute && index !== valueIndex);
  const otherNames = others.map((index) => (fields[index] as RecordTypeField).name);
  const equation =
    otherNames.length === 0 ? null : rowEquation(ctx, table, ArrayList.of(otherNames));
  const byName = new Map(names.map((name, index) => [name, index]));
  const pivotIndex = (value: Value): number => {
    const plain = strip(value);
    if (typeof plain === 'string') return byName.get(plain) ?? -1;
    return -1;
  };
  return makeTable(
    [
      ...others.map((index) => fields[index] as RecordTypeField),
      ...names.map((name) => column(name)),
    ],
    deferredRows((context) => {
      const groups: { first: Slot[]; values: Slot[][] }[] = [];
      const byKey = equation === null ? null : new KeyMap<(typeof groups)[number]>(equation);
      for (const row of table.rows(context)) {
        context.tick();
        let group = groups[0];
        if (byKey !== null && equation !== null) {
          const key = equation.key(row);
          group = byKey.get(key);
          if (group === undefined) {
            group = { first: row, values: names.map(() => []) };
            byKey.set(key, group);
            groups.push(group);
          }
        } else if (group === undefined) {
          group = { first: row, values: names.map(() => []) };
          groups.push(group);
        }
        const at = pivotIndex(cell(row, attribute));
        if (at >= 0) (group.values[at] as Slot[]).push(row[valueIndex] as Slot);
      }
      return groups.map((group) => [
        ...others.map((index) => group.first[index] as Slot),
        ...group.values.map((values): Slot => {
          if (aggregation !== null) {
            return new Thunk(() => aggregation.call1(context, new ArrayList(values)));
          }
          if (values.length === 0) return null;
          if (values.length === 1) return values[0] as Slot;
          return new Thunk(() => {
            throw tooManyElements();
          });
        }),
      ]);
    }),
  );
}

/** `Table.Unpivot`: the pivot columns' non-null cells as attribute-value rows. */
function unpivot(
  table: TableValue,
  pivotIndexes: readonly number[],
  attributeName: string,
  valueName: string,
): TableValue {
  const fields = columnsOf(table);
  const pivoted = new Set(pivotIndexes);
  const others = fields.map((_, index) => index).filter((index) => !pivoted.has(index));
  const ordered = fields.map((_, index) => index).filter((index) => pivoted.has(index));
  return makeTable(
    [
      ...others.map((index) => fields[index] as RecordTypeField),
      column(attributeName, TYPE.text),
      column(valueName),
    ],
    walkExpandedRows(table, () => ({
      expand: (_context, row) => {
        const kept = others.map((index) => row[index] as Slot);
        const out: Slot[][] = [];
        for (const index of ordered) {
          const value = cellOrError(row, index);
          if (value === null) continue;
          out.push([...kept, (fields[index] as RecordTypeField).name, row[index] as Slot]);
        }
        return out;
      },
    })),
  );
}

/** `Table.Transpose`: rows become columns. */
function transpose(ctx: Context, table: TableValue, columns: Value): TableValue {
  const rows = table.rows(ctx);
  const spec = columnSpec(ctx, columns, () => rows.length);
  if (spec.columns.length !== rows.length) {
    throw MError.expression(
      `The table has ${String(rows.length)} rows, but ${String(spec.columns.length)} columns were given.`,
      null,
    );
  }
  const width = table.columnCount;
  const out: Slot[][] = [];
  for (let index = 0; index < width; index++) {
    ctx.tick();
    out.push(rows.map((row) => row[index] as Slot));
  }
  return makeTable(
    spec.columns,
    deferredRows(() => out),
    spec.keys,
  );
}

/** The reshaping functions. */
export const TABLE_RESHAPE: readonly LibraryEntry[] = [
  defineFunction(
    'Table.Pivot',
    '(table as table, pivotValues as list, attributeColumn as text, valueColumn as text, optional aggregationFunction as nullable function) as table',
    (ctx, [table, values, attribute, value, aggregation]) =>
      pivot(ctx, asTable(table), values, asText(attribute), asText(value), aggregation),
  ),
  defineFunction(
    'Table.Unpivot',
    '(table as table, pivotColumns as list, attributeColumn as text, valueColumn as text) as table',
    (ctx, [value, columns, attribute, valueName]) => {
      const table = asTable(value);
      const indexes = columnNames(ctx, columns).map((name) => columnIndex(table, name));
      return unpivot(table, indexes, asText(attribute), asText(valueName));
    },
  ),
  defineFunction(
    'Table.UnpivotOtherColumns',
    '(table as table, pivotColumns as list, attributeColumn as text, valueColumn as text) as table',
    (ctx, [value, columns, attribute, valueName]) => {
      const table = asTable(value);
      const kept = new Set(columnNames(ctx, columns).map((name) => columnIndex(table, name)));
      const indexes = table.columnNames
        .map((_, index) => index)
        .filter((index) => !kept.has(index));
      return unpivot(table, indexes, asText(attribute), asText(valueName));
    },
  ),
  defineFunction(
    'Table.Transpose',
    '(table as table, optional columns as any) as table',
    (ctx, [table, columns]) => transpose(ctx, asTable(table), columns),
  ),
];

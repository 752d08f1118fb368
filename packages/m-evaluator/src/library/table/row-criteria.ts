import type { Context } from '../../context.js';
import { equals } from '../../operators/compare.js';
import { FunctionValue } from '../../values/function.js';
import { ArrayList, ListValue } from '../../values/list.js';
import type { RecordValue } from '../../values/record.js';
import { cell, type TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import { strip, type Value } from '../../values/value.js';
import {
  compileComparison,
  compileEquation,
  isComparer,
  ORDER,
  type Comparison,
  type Equation,
} from '../criteria.js';
import { columnIndex } from './common.js';

/**
 * Comparison and equation criteria over table rows (query-docs "Table functions", "Comparison
 * criteria" and "Equation criteria"): the list forms of `criteria.ts`, where a text names a column,
 * and a comparer alone compares every column with it.
 */

/** A reader of one column of a table's rows. */
function cellReader(table: TableValue, criterion: Value): ((row: Slot[]) => Value) | undefined {
  if (typeof criterion !== 'string') return undefined;
  const index = columnIndex(table, criterion);
  return (row) => cell(row, index);
}

/** Comparison criteria over the rows of `table` (`Table.Sort`, `Table.Max`, `Table.MinN`, …). */
export function rowComparison(
  ctx: Context,
  table: TableValue,
  criteria: Value,
): Comparison<Slot[]> {
  return compileComparison<Slot[]>(ctx, criteria, {
    asValue: (row) => table.rowRecord(row),
    keyOf: (criterion) => cellReader(table, criterion),
  });
}

/**
 * The sort order of criteria made of column names and orders only (`"A"`, `{"A", Order.Descending}`,
 * a list of those), as a `sort` operation can carry it; undefined for functions.
 */
export function columnSortOrder(
  ctx: Context,
  criteria: Value,
): { column: string; ascending: boolean }[] | undefined {
  const plain = strip(criteria);
  if (typeof plain === 'string') return [{ column: plain, ascending: true }];
  if (!(plain instanceof ListValue)) return undefined;
  const items = plain.toArray(ctx).map(strip);
  const pair = columnWithOrder(ctx, items);
  if (pair !== undefined) return [pair];
  const order: { column: string; ascending: boolean }[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      order.push({ column: item, ascending: true });
    } else if (item instanceof ListValue) {
      const inner = columnWithOrder(ctx, item.toArray(ctx).map(strip));
      if (inner === undefined) return undefined;
      order.push(inner);
    } else {
      return undefined;
    }
  }
  return order;
}

function columnWithOrder(
  _ctx: Context,
  items: readonly Value[],
): { column: string; ascending: boolean } | undefined {
  const [first, second] = items;
  if (items.length === 1 && typeof first === 'string') return { column: first, ascending: true };
  if (items.length !== 2 || typeof first !== 'string') return undefined;
  if (second === ORDER.ascending || second === null) return { column: first, ascending: true };
  if (second === ORDER.descending) return { column: first, ascending: false };
  return undefined;
}

/**
 * Table equation criteria as list criteria over columns: null compares every column, a comparer
 * alone compares every column with it.
 */
function tableCriteria(columns: readonly string[], criteria: Value): Value {
  const plain = strip(criteria);
  if (plain === null) return ArrayList.of([...columns]);
  if (plain instanceof FunctionValue && isComparer(plain)) {
    return ArrayList.of(columns.map((name) => ArrayList.of([name, plain])));
  }
  return plain;
}

/** Equation criteria over the rows of `table` (`Table.Distinct`, `Table.Group`'s keys, …). */
export function rowEquation(ctx: Context, table: TableValue, criteria: Value): Equation<Slot[]> {
  return compileEquation<Slot[]>(ctx, tableCriteria(table.columnNames, criteria), {
    asValue: (row) => table.rowRecord(row),
    keyOf: (criterion) => cellReader(table, criterion),
  });
}

/**
 * Whether a row (as a record) matches a record under table equation criteria; null criteria
 * compare the fields of `target` only (`Table.Contains(t, [Name = "Bob"])`).
 */
export type RecordMatcher = (row: RecordValue, target: RecordValue) => boolean;

/** Compiles the equation criteria of `Table.Contains`, `Table.PositionOf` and friends. */
export function recordMatcher(
  ctx: Context,
  columns: readonly string[],
  criteria: Value,
): RecordMatcher {
  if (strip(criteria) === null) {
    return (row, target) => {
      for (let index = 0; index < target.size; index++) {
        const value = row.fieldOrUndefined(target.names[index] as string);
        if (value === undefined || !equals(ctx, value, target.at(index))) return false;
      }
      return true;
    };
  }
  const equation = compileEquation<RecordValue>(ctx, tableCriteria(columns, criteria), {
    keyOf: (criterion) =>
      typeof criterion === 'string'
        ? (record) => record.fieldOrUndefined(criterion) ?? null
        : undefined,
  });
  return (row, target) => equation.equals(equation.key(row), equation.key(target));
}

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ListValue } from '../../values/list.js';
import type { TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import { TYPE } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asOptions, asTable, asText } from '../arguments.js';
import { KeyMap, type Keyed } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { countOrCondition } from '../list/common.js';
import { column, columnsOf, keysOf, makeTable, offerTable, sameShape } from './common.js';
import { columnSortOrder, rowComparison, rowEquation } from './row-criteria.js';
import { deferredRows, walkFilteredRows } from './rows.js';
import { rowPredicate } from './selection.js';

/** Ordering: `Table.Sort`, `Distinct`, `IsDistinct`, `Max`, `Min`, `MaxN`, `MinN`, `AddRankColumn`. */

/** The values of `RankKind.Competition`, `RankKind.Dense` and `RankKind.Ordinal`. */
export const RANK_KIND = { competition: 0, dense: 1, ordinal: 2 } as const;

/** `Table.Sort`: sorted once, on the first read; ties keep their order. */
export function sortTable(ctx: Context, table: TableValue, criteria: Value): TableValue {
  const order = columnSortOrder(ctx, criteria);
  if (order !== undefined) {
    const folded = offerTable(ctx, table, { kind: 'sort', order });
    if (folded !== undefined) return folded;
  }
  const comparison = rowComparison(ctx, table, criteria);
  return sameShape(
    table,
    deferredRows((context) => comparison.sort(table.rows(context))),
  );
}

/** The column names of equation criteria made only of column names (null: every column). */
function criteriaColumns(ctx: Context, table: TableValue, criteria: Value): string[] | undefined {
  const plain = strip(criteria);
  if (plain === null) return [...table.columnNames];
  if (typeof plain === 'string') return [plain];
  if (!(plain instanceof ListValue)) return undefined;
  const items = plain.toArray(ctx).map(strip);
  return items.every((item) => typeof item === 'string') ? items : undefined;
}

/** `Table.Distinct`: streams the first row of each distinct key. */
function distinct(ctx: Context, table: TableValue, criteria: Value): TableValue {
  const columns = criteriaColumns(ctx, table, criteria);
  if (columns !== undefined) {
    const folded = offerTable(ctx, table, { kind: 'distinct', columns });
    if (folded !== undefined) return folded;
  }
  const equation = rowEquation(ctx, table, criteria);
  return sameShape(
    table,
    walkFilteredRows(table, () => {
      const seen = new KeyMap<boolean>(equation);
      return (_context, row) => {
        const key = equation.key(row);
        if (seen.has(key)) return false;
        seen.set(key, true);
        return true;
      };
    }),
  );
}

function isDistinct(ctx: Context, table: TableValue, criteria: Value): boolean {
  const equation = rowEquation(ctx, table, criteria);
  const seen = new KeyMap<boolean>(equation);
  const rows = table.cursor(ctx);
  while (rows.next()) {
    const key = equation.key(rows.current);
    if (seen.has(key)) return false;
    seen.set(key, true);
  }
  return true;
}

/** The largest (or smallest) row as a record, or `fallback` for an empty table. */
function extreme(
  ctx: Context,
  table: TableValue,
  criteria: Value,
  fallback: Value,
  largest: boolean,
): Value {
  const comparison = rowComparison(ctx, table, criteria);
  let best: Keyed<Slot[]> | undefined;
  const rows = table.cursor(ctx);
  while (rows.next()) {
    const candidate = comparison.keyed(rows.current);
    if (best === undefined) {
      best = candidate;
      continue;
    }
    const order = comparison.compareKeyed(candidate, best);
    if (largest ? order > 0 : order < 0) best = candidate;
  }
  return best === undefined ? fallback : table.rowRecord(best.item);
}

/** `Table.MaxN` and `Table.MinN`: rows sorted (largest first for MaxN), then a count or condition. */
function extremes(
  ctx: Context,
  table: TableValue,
  criteria: Value,
  criterion: Value,
  largest: boolean,
): TableValue {
  const comparison = rowComparison(ctx, table, criteria);
  const counted = countOrCondition(criterion);
  const test = typeof counted === 'number' ? undefined : rowPredicate(table, counted);
  return sameShape(
    table,
    deferredRows((context) => {
      const sorted = comparison.sort(table.rows(context), largest);
      if (test === undefined) return sorted.slice(0, counted as number);
      let count = 0;
      while (count < sorted.length && test(context, sorted[count] as Slot[])) count++;
      return sorted.slice(0, count);
    }),
  );
}

function rankKind(options: Value): number {
  const value = strip(asOptions(options).fieldOrUndefined('RankKind') ?? null);
  if (value === null) return RANK_KIND.competition;
  if (value === 0 || value === 1 || value === 2) return value;
  throw MError.expression(
    'The RankKind option must be RankKind.Competition, RankKind.Dense or RankKind.Ordinal.',
    value,
  );
}

/** `Table.AddRankColumn`: the rows sorted by the criteria, each with its rank. */
function addRankColumn(
  ctx: Context,
  table: TableValue,
  name: string,
  criteria: Value,
  options: Value,
): TableValue {
  const kind = rankKind(options);
  const comparison = rowComparison(ctx, table, criteria);
  return makeTable(
    [...columnsOf(table), column(name, TYPE.number)],
    deferredRows((context) => {
      const keyed = table.rows(context).map((row) => comparison.keyed(row));
      const sorted = keyed
        .map((entry, position) => ({ entry, position }))
        .sort(
          (left, right) =>
            comparison.compareKeyed(left.entry, right.entry) || left.position - right.position,
        );
      let rank = 0;
      let dense = 0;
      return sorted.map(({ entry }, position) => {
        context.tick();
        const previous = sorted[position - 1]?.entry;
        const tie = previous !== undefined && comparison.compareKeyed(previous, entry) === 0;
        if (!tie) {
          rank = position + 1;
          dense++;
        }
        const value =
          kind === RANK_KIND.ordinal ? position + 1 : kind === RANK_KIND.dense ? dense : rank;
        return [...entry.item, value];
      });
    }),
    keysOf(table),
  );
}

/** The ordering functions. */
export const TABLE_ORDERING: readonly LibraryEntry[] = [
  defineFunction(
    'Table.Sort',
    '(table as table, comparisonCriteria as any) as table',
    (ctx, [table, criteria]) => sortTable(ctx, asTable(table), criteria),
  ),
  defineFunction(
    'Table.Distinct',
    '(table as table, optional equationCriteria as any) as table',
    (ctx, [table, criteria]) => distinct(ctx, asTable(table), criteria),
  ),
  defineFunction(
    'Table.IsDistinct',
    '(table as table, optional comparisonCriteria as any) as logical',
    (ctx, [table, criteria]) => isDistinct(ctx, asTable(table), criteria),
  ),
  defineFunction(
    'Table.Max',
    '(table as table, comparisonCriteria as any, optional default as any) as any',
    (ctx, [table, criteria, fallback]) => extreme(ctx, asTable(table), criteria, fallback, true),
  ),
  defineFunction(
    'Table.Min',
    '(table as table, comparisonCriteria as any, optional default as any) as any',
    (ctx, [table, criteria, fallback]) => extreme(ctx, asTable(table), criteria, fallback, false),
  ),
  defineFunction(
    'Table.MaxN',
    '(table as table, comparisonCriteria as any, countOrCondition as any) as table',
    (ctx, [table, criteria, criterion]) => extremes(ctx, asTable(table), criteria, criterion, true),
  ),
  defineFunction(
    'Table.MinN',
    '(table as table, comparisonCriteria as any, countOrCondition as any) as table',
    (ctx, [table, criteria, criterion]) =>
      extremes(ctx, asTable(table), criteria, criterion, false),
  ),
  defineFunction(
    'Table.AddRankColumn',
    '(table as table, newColumnName as text, comparisonCriteria as any, optional options as nullable record) as table',
    (ctx, [table, name, criteria, options]) =>
      addRankColumn(ctx, asTable(table), asText(name), criteria, options),
  ),
];

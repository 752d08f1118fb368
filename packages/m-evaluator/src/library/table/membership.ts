import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList } from '../../values/list.js';
import type { RecordValue } from '../../values/record.js';
import type { TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import type { Value } from '../../values/value.js';
import { asRecord, asTable } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { asOccurrence, OCCURRENCE } from '../list/common.js';
import { itemsOf, listOf, sameShape } from './common.js';
import { recordMatcher, type RecordMatcher } from './row-criteria.js';
import { filteredRows, mappedRows } from './rows.js';

/**
 * Membership of rows: `Table.Contains`, `ContainsAll`, `ContainsAny`, `PositionOf`, `PositionOfAny`,
 * `RemoveMatchingRows` and `ReplaceMatchingRows`. Rows are compared with records under the table
 * equation criteria; without criteria, a row matches a record when it has the record's fields
 * with equal values.
 */

function records(ctx: Context, value: Value): RecordValue[] {
  return itemsOf(ctx, value).map((item) => asRecord(item));
}

/** Calls `visit` with each row as a record and its position until it returns false. */
function eachRow(
  ctx: Context,
  table: TableValue,
  visit: (record: RecordValue, position: number) => boolean,
): void {
  const rows = table.cursor(ctx);
  for (let position = 0; rows.next(); position++) {
    if (!visit(table.rowRecord(rows.current), position)) return;
  }
}

function matchesAny(
  match: RecordMatcher,
  row: RecordValue,
  targets: readonly RecordValue[],
): boolean {
  for (const target of targets) if (match(row, target)) return true;
  return false;
}

/** `Table.PositionOfAny` (and `PositionOf` with one record). */
function positionOfAny(
  ctx: Context,
  table: TableValue,
  targets: readonly RecordValue[],
  occurrenceValue: Value,
  criteria: Value,
): Value {
  const occurrence = asOccurrence(occurrenceValue);
  const match = recordMatcher(ctx, table.columnNames, criteria);
  const found: number[] = [];
  eachRow(ctx, table, (row, position) => {
    if (!matchesAny(match, row, targets)) return true;
    found.push(position);
    return occurrence !== OCCURRENCE.first;
  });
  if (occurrence === OCCURRENCE.all) return listOf(found);
  return (occurrence === OCCURRENCE.first ? found[0] : found[found.length - 1]) ?? -1;
}

/** Whether each of `targets` matches some row. */
function containsEach(
  ctx: Context,
  table: TableValue,
  targets: readonly RecordValue[],
  criteria: Value,
): boolean[] {
  const match = recordMatcher(ctx, table.columnNames, criteria);
  const found = targets.map(() => false);
  let left = targets.length;
  if (left === 0) return found;
  eachRow(ctx, table, (row) => {
    targets.forEach((target, index) => {
      if (!found[index] && match(row, target)) {
        found[index] = true;
        left--;
      }
    });
    return left > 0;
  });
  return found;
}

/** A record as a row of the table: its fields by the table's column names (missing ones null). */
function asRow(table: TableValue, record: RecordValue): Slot[] {
  return table.columnNames.map((name) => {
    const index = record.layout.indexOf(name);
    return index < 0 ? null : record.slot(index);
  });
}

/** The membership functions. */
export const TABLE_MEMBERSHIP: readonly LibraryEntry[] = [
  defineFunction(
    'Table.Contains',
    '(table as table, row as record, optional equationCriteria as any) as logical',
    (ctx, [table, row, criteria]) =>
      containsEach(ctx, asTable(table), [asRecord(row)], criteria)[0] === true,
  ),
  defineFunction(
    'Table.ContainsAll',
    '(table as table, rows as list, optional equationCriteria as any) as logical',
    (ctx, [table, rows, criteria]) =>
      containsEach(ctx, asTable(table), records(ctx, rows), criteria).every(Boolean),
  ),
  defineFunction(
    'Table.ContainsAny',
    '(table as table, rows as list, optional equationCriteria as any) as logical',
    (ctx, [value, rows, criteria]) => {
      const table = asTable(value);
      const targets = records(ctx, rows);
      const match = recordMatcher(ctx, table.columnNames, criteria);
      let found = false;
      eachRow(ctx, table, (row) => {
        found = matchesAny(match, row, targets);
        return !found;
      });
      return found;
    },
  ),
  defineFunction(
    'Table.PositionOf',
    '(table as table, row as record, optional occurrence as any, optional equationCriteria as any) as any',
    (ctx, [table, row, occurrence, criteria]) =>
      positionOfAny(ctx, asTable(table), [asRecord(row)], occurrence, criteria),
  ),
  defineFunction(
    'Table.PositionOfAny',
    '(table as table, rows as list, optional occurrence as nullable number, optional equationCriteria as any) as any',
    (ctx, [table, rows, occurrence, criteria]) =>
      positionOfAny(ctx, asTable(table), records(ctx, rows), occurrence, criteria),
  ),
  defineFunction(
    'Table.RemoveMatchingRows',
    '(table as table, rows as list, optional equationCriteria as any) as table',
    (ctx, [value, rows, criteria]) => {
      const table = asTable(value);
      const targets = records(ctx, rows);
      const match = recordMatcher(ctx, table.columnNames, criteria);
      return sameShape(
        table,
        filteredRows(table, (_ctx, row) => !matchesAny(match, table.rowRecord(row), targets)),
      );
    },
  ),
  defineFunction(
    'Table.ReplaceMatchingRows',
    '(table as table, replacements as list, optional equationCriteria as any) as table',
    (ctx, [value, replacements, criteria]) => {
      const table = asTable(value);
      const pairs = itemsOf(ctx, replacements).map((item) => {
        const pair = itemsOf(ctx, item);
        if (pair.length !== 2) {
          throw MError.expression(
            'A row replacement must be a list of two records: the old row and the new row.',
            ArrayList.of(pair),
          );
        }
        return [asRecord(pair[0] as Value), asRow(table, asRecord(pair[1] as Value))] as const;
      });
      const match = recordMatcher(ctx, table.columnNames, criteria);
      return sameShape(
        table,
        mappedRows(table, (_ctx, row) => {
          const record = table.rowRecord(row);
          for (const [old, replacement] of pairs) {
            if (match(record, old)) return replacement.slice();
          }
          return row;
        }),
      );
    },
  ),
];

import { columnValues } from '../../compile/access.js';
import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { compareValues } from '../../operators/ordering.js';
import { ArrayList } from '../../values/list.js';
import { cell, type TableValue } from '../../values/table.js';
import { Thunk, type Slot } from '../../values/thunk.js';
import { TYPE, type RecordTypeField } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asList, asLogical, asTable, asText } from '../arguments.js';
import { compileEquation, KeyMap } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { column, columnsOf, itemsOf, makeTable } from './common.js';
import { deferredRows } from './rows.js';

/** `Table.Profile`: statistics of each column. */

interface ColumnStatistics {
  readonly min: Value;
  readonly max: Value;
  readonly average: Value;
  readonly deviation: Value;
  readonly count: number;
  readonly nulls: number;
  readonly distinct: number;
}

function statistics(ctx: Context, values: readonly Value[]): ColumnStatistics {
  const present = values.filter((value) => strip(value) !== null);
  let min: Value = null;
  let max: Value = null;
  try {
    for (const value of present) {
      if (min === null || compareValues(value, min) < 0) min = value;
      if (max === null || compareValues(value, max) > 0) max = value;
    }
  } catch (error) {
    if (!(error instanceof MError)) throw error;
    min = null;
    max = null;
  }
  const numbers = present.map(strip).filter((value): value is number => typeof value === 'number');
  let average: Value = null;
  let deviation: Value = null;
  if (numbers.length > 0 && numbers.length === present.length) {
    const mean = numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
    average = mean;
    if (numbers.length > 1) {
      const squares = numbers.reduce((sum, value) => sum + (value - mean) ** 2, 0);
      deviation = Math.sqrt(squares / (numbers.length - 1));
    }
  }
  const seen = new KeyMap<boolean>(compileEquation(ctx, null));
  for (const value of values) seen.set(value, true);
  return {
    min,
    max,
    average,
    deviation,
    count: values.length,
    nulls: values.length - present.length,
    distinct: seen.size,
  };
}

interface ExtraAggregate {
  readonly name: string;
  readonly applies: Value;
  readonly aggregate: Value;
}

function extraAggregates(ctx: Context, value: Value): ExtraAggregate[] {
  if (strip(value) === null) return [];
  return itemsOf(ctx, value).map((item) => {
    const parts = asList(item).toArray(ctx);
    if (parts.length !== 3) {
      throw MError.expression(
        'An additional aggregate must be a list of a name, a type check function and an aggregation function.',
        item,
      );
    }
    return {
      name: asText(parts[0] as Value),
      applies: parts[1] as Value,
      aggregate: parts[2] as Value,
    };
  });
}

function profile(ctx: Context, table: TableValue, additional: Value): TableValue {
  const extras = extraAggregates(ctx, additional);
  const fields = columnsOf(table);
  return makeTable(
    [
      column('Column', TYPE.text),
      column('Min'),
      column('Max'),
      column('Average'),
      column('StandardDeviation'),
      column('Count', TYPE.number),
      column('NullCount', TYPE.number),
      column('DistinctCount', TYPE.number),
      ...extras.map((extra) => column(extra.name)),
    ],
    deferredRows((context) => {
      const rows = table.rows(context);
      return fields.map((field: RecordTypeField, index): Slot[] => {
        context.tick();
        const stats = new Thunk(() =>
          statisticsValue(
            statistics(
              context,
              rows.map((row) => cell(row, index)),
            ),
          ),
        );
        const part = (position: number): Slot =>
          new Thunk(() => (stats.force() as ArrayList).at(position));
        return [
          field.name,
          ...[0, 1, 2, 3, 4, 5, 6].map(part),
          ...extras.map(
            (extra) =>
              new Thunk(() => {
                const applies = asLogical(asFunction(extra.applies).call1(context, field.type));
                if (!applies) return null;
                return asFunction(extra.aggregate).call1(context, columnValues(table, index));
              }),
          ),
        ];
      });
    }),
  );
}

function statisticsValue(stats: ColumnStatistics): ArrayList {
  return ArrayList.of([
    stats.min,
    stats.max,
    stats.average,
    stats.deviation,
    stats.count,
    stats.nulls,
    stats.distinct,
  ]);
}

/** `Table.Profile`. */
export const TABLE_PROFILE: readonly LibraryEntry[] = [
  defineFunction(
    'Table.Profile',
    '(table as table, optional additionalAggregates as nullable list) as table',
    (ctx, [table, additional]) => profile(ctx, asTable(table), additional),
  ),
];

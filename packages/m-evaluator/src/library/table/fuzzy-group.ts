import type { Context } from '../../context.js';
import { cell, type TableValue } from '../../values/table.js';
import { Thunk, type Slot } from '../../values/thunk.js';
import { TYPE, type RecordTypeField } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asTable, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { column, columnIndex, columnNames, columnsOf, keysOf, makeTable } from './common.js';
import {
  fuzzyOptions,
  GROUP_OPTION_NAMES,
  scoredTables,
  similarityColumn,
  withSimilarity,
  withSimilarityColumn,
  type FuzzyOptions,
} from './fuzzy-options.js';
import { createMatcher, rowKey, type FuzzyKey } from './fuzzy-similarity.js';
import { aggregatesOf } from './group.js';
import { deferredRows } from './rows.js';

/**
 * `Table.FuzzyGroup` and `Table.AddFuzzyClusterColumn`: rows are clustered by the similarity of
 * their key texts (`fuzzy-similarity.ts`).
 *
 * Rows with equal (folded) key texts form a bucket. Buckets are visited from the most rows to the
 * fewest (the first to appear on equal counts): a bucket joins the cluster whose leading bucket it
 * is most similar to (the earliest cluster on equal scores) when the score reaches the threshold,
 * and otherwise leads a new cluster. So every value scores at least the threshold against its
 * cluster's leading value, and the leader is the most frequent value. A cluster's representative is
 * the most frequent original value of its leading bucket (the first on equal counts). Rows whose key
 * columns are all null are one cluster of their own, represented by null.
 */

/** The rows of a cluster (in table order) and the row holding its representative value. */
interface Cluster {
  readonly rows: number[];
  readonly representative: number;
}

/**
 * The rows of the table, the clusters in order of their first row, and each row's score against its
 * cluster's leader.
 */
interface Clustering {
  readonly rows: Slot[][];
  readonly clusters: readonly Cluster[];
  readonly similarity: readonly (number | null)[];
}

/** The row whose original key texts are the most frequent among `members` (the first on ties). */
function representativeOf(
  rows: Slot[][],
  members: readonly number[],
  indexes: readonly number[],
): number {
  const counts = new Map<string, { count: number; row: number }>();
  let best: { count: number; row: number } | undefined;
  for (const member of members) {
    const row = rows[member] as Slot[];
    const text = indexes
      .map((index) => {
        const value = strip(cell(row, index));
        return typeof value === 'string' ? `\u0001${value}` : '\u0000';
      })
      .join('\u0002');
    let entry = counts.get(text);
    if (entry === undefined) {
      entry = { count: 0, row: member };
      counts.set(text, entry);
    }
    entry.count++;
    if (best === undefined || entry.count > best.count) best = entry;
  }
  if (best === undefined) throw new Error('A cluster without rows.');
  return best.row;
}

/** Clusters the rows of a table by their key columns. */
function clusterRows(
  ctx: Context,
  options: FuzzyOptions,
  table: TableValue,
  indexes: readonly number[],
): Clustering {
  const matcher = createMatcher(ctx, options);
  const rows = table.rows(ctx);
  const buckets = new Map<FuzzyKey, number[]>();
  rows.forEach((row, index) => {
    ctx.tick();
    const key = rowKey(matcher, row, indexes);
    const members = buckets.get(key);
    if (members === undefined) buckets.set(key, [index]);
    else members.push(index);
  });
  const ordered = [...buckets]
    .map(([key, members], order) => ({ key, members, order }))
    .sort((x, y) => y.members.length - x.members.length || x.order - y.order);
  const leaders: { key: FuzzyKey; bucket: number[]; rows: number[] }[] = [];
  const similarity = new Array<number | null>(rows.length).fill(null);
  for (const { key, members } of ordered) {
    let chosen: (typeof leaders)[number] | undefined;
    let chosenScore = -1;
    for (const leader of leaders) {
      ctx.tick();
      const score = matcher.score(key, leader.key);
      if (score !== undefined && score > chosenScore) {
        chosen = leader;
        chosenScore = score;
      }
    }
    if (chosen === undefined) {
      leaders.push({ key, bucket: members, rows: [...members] });
      for (const member of members) similarity[member] = key.empty ? null : 1;
    } else {
      chosen.rows.push(...members);
      for (const member of members) similarity[member] = chosenScore;
    }
  }
  const clusters = leaders
    .map((leader) => ({
      rows: leader.rows.sort((x, y) => x - y),
      representative: representativeOf(rows, leader.bucket, indexes),
    }))
    .sort((x, y) => (x.rows[0] as number) - (y.rows[0] as number));
  return { rows, clusters, similarity };
}

/**
 * `Table.FuzzyGroup`: one row per cluster, in order of the cluster's first row, with the
 * representative's key values and the aggregates of the cluster's rows (with `SimilarityColumnName`,
 * those rows carry each one's score against the cluster's leading value).
 */
function fuzzyGroup(
  ctx: Context,
  table: TableValue,
  keyValue: Value,
  aggregatesValue: Value,
  optionsValue: Value,
): TableValue {
  const indexes = columnNames(ctx, keyValue).map((name) => columnIndex(table, name));
  const aggregates = aggregatesOf(ctx, aggregatesValue);
  const options = fuzzyOptions(optionsValue, GROUP_OPTION_NAMES);
  const fields = columnsOf(table);
  const name = options.similarityColumnName;
  const groups = scoredTables(table, withSimilarityColumn(fields, name), name);
  const resultColumns: RecordTypeField[] = [
    ...indexes.map((index) => fields[index] as RecordTypeField),
    ...aggregates.map((aggregate) => column(aggregate.name, aggregate.type ?? TYPE.any)),
  ];
  return makeTable(
    resultColumns,
    deferredRows((context) => {
      const { rows, clusters, similarity } = clusterRows(context, options, table, indexes);
      return clusters.map((cluster) => {
        const group = groups.of(
          cluster.rows.map((index) =>
            withSimilarity(rows[index] as Slot[], name, similarity[index] ?? null),
          ),
        );
        const first = rows[cluster.representative] as Slot[];
        const out: Slot[] = indexes.map((index) => first[index] as Slot);
        for (const aggregate of aggregates) {
          out.push(new Thunk(() => aggregate.function.call1(context, group)));
        }
        return out;
      });
    }),
  );
}

/**
 * `Table.AddFuzzyClusterColumn`: each row's cluster representative in a new column (typed as the
 * clustered column), and with `SimilarityColumnName` the row's score against it.
 */
function addFuzzyClusterColumn(
  table: TableValue,
  columnName: string,
  newColumnName: string,
  optionsValue: Value,
): TableValue {
  const index = columnIndex(table, columnName);
  const options = fuzzyOptions(optionsValue, GROUP_OPTION_NAMES);
  const fields = columnsOf(table);
  const name = options.similarityColumnName;
  const added = [column(newColumnName, (fields[index] as RecordTypeField).type)];
  if (name !== null) added.push(similarityColumn(name));
  return makeTable(
    [...fields, ...added],
    deferredRows((context) => {
      const { rows, clusters, similarity } = clusterRows(context, options, table, [index]);
      const representative = new Array<Value>(rows.length).fill(null);
      for (const cluster of clusters) {
        const value = cell(rows[cluster.representative] as Slot[], index);
        for (const member of cluster.rows) representative[member] = value;
      }
      return rows.map((row, position) =>
        withSimilarity(
          [...row, representative[position] ?? null],
          name,
          similarity[position] ?? null,
        ),
      );
    }),
    keysOf(table),
  );
}

/** The fuzzy grouping functions. */
export const TABLE_FUZZY_GROUP: readonly LibraryEntry[] = [
  defineFunction(
    'Table.FuzzyGroup',
    '(table as table, key as any, aggregatedColumns as list, optional options as nullable record) as table',
    (ctx, [table, key, aggregates, options]) =>
      fuzzyGroup(ctx, asTable(table), key, aggregates, options),
  ),
  defineFunction(
    'Table.AddFuzzyClusterColumn',
    '(table as table, columnName as text, newColumnName as text, optional options as nullable record) as table',
    (_ctx, [table, columnName, newColumnName, options]) =>
      addFuzzyClusterColumn(asTable(table), asText(columnName), asText(newColumnName), options),
  ),
];

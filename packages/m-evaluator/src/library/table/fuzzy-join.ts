import type { Context } from '../../context.js';
import type { TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import type { RecordTypeField } from '../../values/type.js';
import type { Value } from '../../values/value.js';
import { asTable, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { column, columnIndex, columnsOf, makeTable, nullRow } from './common.js';
import {
  fuzzyOptions,
  JOIN_OPTION_NAMES,
  scoredTables,
  withSimilarity,
  withSimilarityColumn,
  type FuzzyOptions,
} from './fuzzy-options.js';
import { createMatcher, rowKey, type FuzzyKey } from './fuzzy-similarity.js';
import {
  duplicateJoinColumn,
  isRightLed,
  JOIN_KIND,
  joinKeyNames,
  joinKind,
  keepsUnmatchedRight,
} from './join.js';
import { deferredRows } from './rows.js';

/**
 * `Table.FuzzyJoin` and `Table.FuzzyNestedJoin`: joins whose key columns match by the similarity
 * score of `fuzzy-similarity.ts` instead of equality. Every row of the first table is compared with
 * every row of the second (once per pair of distinct key texts); the rows are computed when the
 * result is first read.
 */

/** A match of a row of the first table: a row of the second table, and the score. */
interface Match {
  readonly row: number;
  readonly score: number;
}

const NO_MATCHES: readonly Match[] = [];

/** The two tables of a fuzzy join and their key columns, as positions. */
interface JoinSides {
  readonly left: TableValue;
  readonly leftIndexes: readonly number[];
  readonly right: TableValue;
  readonly rightIndexes: readonly number[];
}

/** The arguments both fuzzy joins take, read and checked. */
interface FuzzyJoinArguments {
  readonly kind: number;
  readonly options: FuzzyOptions;
  readonly sides: JoinSides;
}

/** The tables of a fuzzy join and their key arguments, as the function was given them. */
interface JoinOperands {
  readonly left: TableValue;
  readonly leftKey: Value;
  readonly right: TableValue;
  readonly rightKey: Value;
}

/** The key columns of both tables, as positions. */
function joinSides(ctx: Context, { left, leftKey, right, rightKey }: JoinOperands): JoinSides {
  const { leftNames, rightNames } = joinKeyNames(ctx, leftKey, rightKey);
  return {
    left,
    leftIndexes: leftNames.map((name) => columnIndex(left, name)),
    right,
    rightIndexes: rightNames.map((name) => columnIndex(right, name)),
  };
}

/** Reads the join kind (`fallback` for null), then the options, then the key columns. */
function fuzzyJoinArguments(
  ctx: Context,
  operands: JoinOperands,
  kindValue: Value,
  optionsValue: Value,
  fallback: number,
): FuzzyJoinArguments {
  return {
    kind: joinKind(kindValue, fallback),
    options: fuzzyOptions(optionsValue, JOIN_OPTION_NAMES),
    sides: joinSides(ctx, operands),
  };
}

function checkUnique(columns: readonly RecordTypeField[]): void {
  const seen = new Set<string>();
  for (const field of columns) {
    if (seen.has(field.name)) throw duplicateJoinColumn(field.name);
    seen.add(field.name);
  }
}

/** The rows of both tables, their keys, and the matches of each row of the first table. */
interface Matching {
  readonly leftRows: Slot[][];
  readonly rightRows: Slot[][];
  readonly rightKeys: readonly FuzzyKey[];
  /** Per row of the first table, its matches in the second table's order. */
  readonly matches: readonly (readonly Match[])[];
}

/**
 * Matches every row of the first table with the rows of the second whose keys score at least the
 * threshold; with `NumberOfMatches`, only that many of the best (the earlier row on equal scores).
 * A key whose columns are all null matches nothing.
 */
function matchTables(ctx: Context, options: FuzzyOptions, sides: JoinSides): Matching {
  const { left, leftIndexes, right, rightIndexes } = sides;
  const matcher = createMatcher(ctx, options);
  const limit = options.numberOfMatches;
  const rightRows = right.rows(ctx);
  const rightKeys = rightRows.map((row) => rowKey(matcher, row, rightIndexes));
  const rowsByKey = new Map<FuzzyKey, number[]>();
  rightKeys.forEach((key, index) => {
    if (key.empty) return;
    const rows = rowsByKey.get(key);
    if (rows === undefined) rowsByKey.set(key, [index]);
    else rows.push(index);
  });
  const distinct = [...rowsByKey];
  const known = new Map<FuzzyKey, readonly Match[]>();
  const leftRows = left.rows(ctx);
  const leftKeys = leftRows.map((row) => rowKey(matcher, row, leftIndexes));
  const matches = leftKeys.map((key) => {
    if (key.empty) return NO_MATCHES;
    const found = known.get(key);
    if (found !== undefined) return found;
    let list: Match[] = [];
    for (const [other, rows] of distinct) {
      ctx.tick();
      const score = matcher.score(key, other);
      if (score !== undefined) for (const index of rows) list.push({ row: index, score });
    }
    list.sort((x, y) => x.row - y.row);
    if (limit !== null && list.length > limit) {
      list = list
        .slice()
        .sort((x, y) => y.score - x.score || x.row - y.row)
        .slice(0, limit)
        .sort((x, y) => x.row - y.row);
    }
    known.set(key, list);
    return list;
  });
  return { leftRows, rightRows, rightKeys, matches };
}

function bestScore(matches: readonly Match[]): number {
  let best = 0;
  for (const match of matches) best = Math.max(best, match.score);
  return best;
}

/** `Table.FuzzyJoin`. */
function fuzzyJoin({ kind, options, sides }: FuzzyJoinArguments): TableValue {
  const leftColumns = columnsOf(sides.left);
  const rightColumns = columnsOf(sides.right);
  const base =
    kind === JOIN_KIND.leftSemi
      ? leftColumns
      : kind === JOIN_KIND.rightSemi
        ? rightColumns
        : [...leftColumns, ...rightColumns];
  const name = options.similarityColumnName;
  const resultColumns = withSimilarityColumn(base, name);
  checkUnique(resultColumns);
  const leftWidth = leftColumns.length;
  const rightWidth = rightColumns.length;
  const scored = (row: Slot[], score: number | null): Slot[] => withSimilarity(row, name, score);
  const both = (l: Slot[] | null, r: Slot[] | null, score: number | null): Slot[] =>
    scored([...(l ?? nullRow(leftWidth)), ...(r ?? nullRow(rightWidth))], score);
  return makeTable(
    resultColumns,
    deferredRows((context) => {
      const { leftRows, rightRows, matches } = matchTables(context, options, sides);
      return joinedRows(kind, leftRows, rightRows, matches, both, scored);
    }),
  );
}

/**
 * The rows of a flat join, ordered as `Table.Join` orders them: inner, right outer, right anti and
 * right semi joins follow the second table (matches in the first table's order), the others the
 * first table.
 */
function joinedRows(
  kind: number,
  leftRows: Slot[][],
  rightRows: Slot[][],
  matches: readonly (readonly Match[])[],
  both: (l: Slot[] | null, r: Slot[] | null, score: number | null) => Slot[],
  scored: (row: Slot[], score: number | null) => Slot[],
): Slot[][] {
  const out: Slot[][] = [];
  if (!isRightLed(kind)) {
    const matched = new Uint8Array(rightRows.length);
    leftRows.forEach((row, index) => {
      const list = matches[index] ?? NO_MATCHES;
      if (kind === JOIN_KIND.leftAnti) {
        if (list.length === 0) out.push(both(row, null, null));
      } else if (kind === JOIN_KIND.leftSemi) {
        if (list.length > 0) out.push(scored(row, bestScore(list)));
      } else if (list.length === 0) {
        out.push(both(row, null, null));
      } else {
        for (const match of list) {
          matched[match.row] = 1;
          out.push(both(row, rightRows[match.row] as Slot[], match.score));
        }
      }
    });
    if (kind === JOIN_KIND.fullOuter) {
      rightRows.forEach((row, index) => {
        if (matched[index] === 0) out.push(both(null, row, null));
      });
    }
    return out;
  }
  const byRight: Match[][] = rightRows.map(() => []);
  matches.forEach((list, index) => {
    for (const match of list) byRight[match.row]?.push({ row: index, score: match.score });
  });
  rightRows.forEach((row, index) => {
    const list = byRight[index] ?? [];
    if (kind === JOIN_KIND.rightAnti) {
      if (list.length === 0) out.push(both(null, row, null));
    } else if (kind === JOIN_KIND.rightSemi) {
      if (list.length > 0) out.push(scored(row, bestScore(list)));
    } else if (list.length === 0) {
      if (kind === JOIN_KIND.rightOuter) out.push(both(null, row, null));
    } else {
      for (const match of list) out.push(both(leftRows[match.row] as Slot[], row, match.score));
    }
  });
  return out;
}

/** `Table.FuzzyNestedJoin`: each row of the first table with a table of its matches. */
function fuzzyNestedJoin(
  { kind, options, sides }: FuzzyJoinArguments,
  newColumnName: string,
): TableValue {
  const { left, right } = sides;
  const name = options.similarityColumnName;
  const nestedColumns = withSimilarityColumn(columnsOf(right), name);
  checkUnique(nestedColumns);
  const nestedTables = scoredTables(right, nestedColumns, name);
  const nested = nestedTables.of;
  const leftWidth = left.columnCount;
  const resultColumns = [...columnsOf(left), column(newColumnName, nestedTables.type)];
  const outer = keepsUnmatchedRight(kind);
  return makeTable(
    resultColumns,
    deferredRows((context) => {
      const { leftRows, rightRows, rightKeys, matches } = matchTables(context, options, sides);
      const withScore = (index: number, score: number | null): Slot[] =>
        withSimilarity(rightRows[index] as Slot[], name, score);
      const matched = new Uint8Array(rightRows.length);
      const out: Slot[][] = [];
      leftRows.forEach((row, index) => {
        const list = matches[index] ?? NO_MATCHES;
        for (const match of list) matched[match.row] = 1;
        const table = (): TableValue =>
          nested(list.map((match) => withScore(match.row, match.score)));
        switch (kind) {
          case JOIN_KIND.leftOuter:
          case JOIN_KIND.fullOuter:
            out.push([...row, table()]);
            break;
          case JOIN_KIND.leftAnti:
            if (list.length === 0) out.push([...row, table()]);
            break;
          case JOIN_KIND.rightAnti:
            break;
          default:
            if (list.length > 0) out.push([...row, table()]);
        }
      });
      if (outer) {
        // Unmatched rows of the second table, one row per key (in order of first appearance).
        const unmatched = new Map<FuzzyKey, Slot[][]>();
        rightKeys.forEach((key, index) => {
          if (matched[index] === 1) return;
          const rows = unmatched.get(key);
          if (rows === undefined) unmatched.set(key, [withScore(index, null)]);
          else rows.push(withScore(index, null));
        });
        for (const rows of unmatched.values()) out.push([...nullRow(leftWidth), nested(rows)]);
      }
      return out;
    }),
  );
}

/** The fuzzy joins. */
export const TABLE_FUZZY_JOIN: readonly LibraryEntry[] = [
  defineFunction(
    'Table.FuzzyJoin',
    '(table1 as table, key1 as any, table2 as table, key2 as any, optional joinKind as nullable number, optional joinOptions as nullable record) as table',
    (ctx, [left, leftKey, right, rightKey, kind, options]) => {
      const operands = { left: asTable(left), leftKey, right: asTable(right), rightKey };
      return fuzzyJoin(fuzzyJoinArguments(ctx, operands, kind, options, JOIN_KIND.inner));
    },
  ),
  defineFunction(
    'Table.FuzzyNestedJoin',
    '(table1 as table, key1 as any, table2 as table, key2 as any, newColumnName as text, optional joinKind as nullable number, optional joinOptions as nullable record) as table',
    (ctx, [left, leftKey, right, rightKey, name, kind, options]) => {
      const operands = { left: asTable(left), leftKey, right: asTable(right), rightKey };
      const newColumnName = asText(name);
      const join = fuzzyJoinArguments(ctx, operands, kind, options, JOIN_KIND.leftOuter);
      return fuzzyNestedJoin(join, newColumnName);
    },
  ),
];

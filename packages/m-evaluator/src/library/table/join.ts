import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList } from '../../values/list.js';
import { ArrayRows, cell, TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import type { RecordTypeField } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asList, asTable, asText } from '../arguments.js';
import { compileEquation, KeyMap, type Equation } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import {
  column,
  columnIndex,
  columnNames,
  columnsOf,
  makeTable,
  nullRow,
  offerTable,
} from './common.js';
import { walkExpandedRows, type RowExpansion } from './rows.js';

/** Joins: `Table.Join`, `Table.NestedJoin`, `Table.AddJoinColumn`, and the values of `JoinKind.*`. */

/** The values of `JoinKind.*`. */
export const JOIN_KIND = {
  inner: 0,
  leftOuter: 1,
  rightOuter: 2,
  fullOuter: 3,
  leftAnti: 4,
  rightAnti: 5,
  leftSemi: 6,
  rightSemi: 7,
} as const;

/** The values of `JoinAlgorithm.*` (accepted; every join here is a hash join). */
export const JOIN_ALGORITHM = {
  dynamic: 0,
  pairwiseHash: 1,
  sortMerge: 2,
  leftHash: 3,
  rightHash: 4,
  leftIndex: 5,
  rightIndex: 6,
} as const;

/** The values of `JoinSide.Left` and `JoinSide.Right`. */
export const JOIN_SIDE = { left: 0, right: 1 } as const;

/** Reads a `joinKind` argument: one of the values of `JoinKind.*`, or `fallback` for null. */
export function joinKind(value: Value, fallback: number): number {
  const plain = strip(value);
  if (plain === null) return fallback;
  if (typeof plain === 'number' && Number.isInteger(plain) && plain >= 0 && plain <= 7) {
    return plain;
  }
  throw MError.expression('The joinKind must be one of the JoinKind values.', plain);
}

function checkAlgorithm(value: Value): void {
  const plain = strip(value);
  if (plain === null) return;
  if (typeof plain === 'number' && Number.isInteger(plain) && plain >= 0 && plain <= 6) return;
  throw MError.expression('The joinAlgorithm must be one of the JoinAlgorithm values.', plain);
}

/**
 * Whether a join of this kind is led by the second table (inner, right outer, right anti and right
 * semi joins): its rows come in the second table's order.
 */
export function isRightLed(kind: number): boolean {
  return (
    kind === JOIN_KIND.inner ||
    kind === JOIN_KIND.rightOuter ||
    kind === JOIN_KIND.rightAnti ||
    kind === JOIN_KIND.rightSemi
  );
}

/**
 * Whether a nested join of this kind adds the unmatched rows of the second table (right outer, full
 * outer and right anti joins).
 */
export function keepsUnmatchedRight(kind: number): boolean {
  return (
    kind === JOIN_KIND.rightOuter || kind === JOIN_KIND.fullOuter || kind === JOIN_KIND.rightAnti
  );
}

/** The error of a join whose result would hold two columns named `name`. */
export function duplicateJoinColumn(name: string): MError {
  return MError.expression(
    `A join operation cannot result in a table with duplicate column names ("${name}").`,
    name,
  );
}

/** The key column names of both tables, which must be as many on each side. */
export function joinKeyNames(
  ctx: Context,
  leftKey: Value,
  rightKey: Value,
): { readonly leftNames: string[]; readonly rightNames: string[] } {
  const leftNames = columnNames(ctx, leftKey);
  const rightNames = columnNames(ctx, rightKey);
  if (leftNames.length !== rightNames.length) {
    throw MError.expression(
      'The two tables must be joined on the same number of key columns.',
      ArrayList.of([ArrayList.of([...leftNames]), ArrayList.of([...rightNames])]),
    );
  }
  return { leftNames, rightNames };
}

/** The key columns of both sides, and how their values are compared. */
interface JoinKeys {
  readonly left: readonly number[];
  readonly right: readonly number[];
  readonly leftNames: readonly string[];
  readonly rightNames: readonly string[];
  readonly equation: Equation<Value>;
  /** Whether the keys are compared with `=` (so the join can be offered to the source). */
  readonly plain: boolean;
}

function joinKeys(
  ctx: Context,
  left: TableValue,
  leftKey: Value,
  right: TableValue,
  rightKey: Value,
  comparersValue: Value,
): JoinKeys {
  const { leftNames, rightNames } = joinKeyNames(ctx, leftKey, rightKey);
  const comparers =
    strip(comparersValue) === null
      ? leftNames.map(() => null)
      : asList(comparersValue)
          .toArray(ctx)
          .map((item) => (strip(item) === null ? null : asFunction(item)));
  const count = leftNames.length;
  let criteria: Value;
  if (count === 1) {
    criteria = comparers[0] ?? null;
  } else {
    criteria = ArrayList.of(
      leftNames.map((_, index) => {
        const comparer = comparers[index] ?? null;
        return comparer === null ? index : ArrayList.of([index, comparer]);
      }),
    );
  }
  const equation = compileEquation(ctx, criteria, {
    keyOf: (criterion) =>
      typeof criterion === 'number'
        ? (key) => (key as ArrayList).slots[criterion] as Value
        : undefined,
  });
  return {
    left: leftNames.map((name) => columnIndex(left, name)),
    right: rightNames.map((name) => columnIndex(right, name)),
    leftNames,
    rightNames,
    equation,
    plain: comparers.every((comparer) => comparer === null),
  };
}

/** The key of a row: the cell of the one key column, or a list of the key columns' cells. */
function rowKey(row: Slot[], indexes: readonly number[]): Value {
  if (indexes.length === 1) return cell(row, indexes[0] as number);
  return ArrayList.of(indexes.map((index) => cell(row, index)));
}

/** The rows of a table by key, in the table's order. */
function lookup(
  ctx: Context,
  table: TableValue,
  indexes: readonly number[],
  equation: Equation<Value>,
): KeyMap<Slot[][]> {
  const map = new KeyMap<Slot[][]>(equation);
  const rows = table.cursor(ctx);
  while (rows.next()) {
    const row = rows.current;
    const key = equation.key(rowKey(row, indexes));
    const found = map.get(key);
    if (found === undefined) map.set(key, [row]);
    else found.push(row);
  }
  return map;
}

function matchesOf(
  map: KeyMap<Slot[][]>,
  equation: Equation<Value>,
  row: Slot[],
  indexes: readonly number[],
): Slot[][] | undefined {
  return map.get(equation.key(rowKey(row, indexes)));
}

/** `Table.Join`. */
function join(
  ctx: Context,
  left: TableValue,
  leftKey: Value,
  right: TableValue,
  rightKey: Value,
  kindValue: Value,
  algorithm: Value,
  comparers: Value,
): TableValue {
  const kind = joinKind(kindValue, JOIN_KIND.inner);
  checkAlgorithm(algorithm);
  const keys = joinKeys(ctx, left, leftKey, right, rightKey, comparers);
  if (keys.plain) {
    const operation = {
      kind: 'join',
      left,
      right,
      leftKeys: keys.leftNames,
      rightKeys: keys.rightNames,
      joinKind: kind,
    } as const;
    const folded =
      offerTable(ctx, left, { ...operation, side: 'left' }) ??
      offerTable(ctx, right, { ...operation, side: 'right' });
    if (folded !== undefined) return folded;
  }
  const leftColumns = columnsOf(left);
  const rightColumns = columnsOf(right);
  // A right key column named as the left key column it is joined with is one column of the
  // result: the left row's value, or the right row's where there is no left row.
  const merged = new Map<number, number>();
  keys.right.forEach((rightIndex, position) => {
    if (keys.rightNames[position] === keys.leftNames[position]) {
      merged.set(rightIndex, keys.left[position] as number);
    }
  });
  const rightKept = rightColumns.map((_, index) => index).filter((index) => !merged.has(index));
  if (kind !== JOIN_KIND.leftSemi && kind !== JOIN_KIND.rightSemi) {
    const names = new Set(leftColumns.map((field) => field.name));
    const clash = rightKept
      .map((index) => rightColumns[index] as RecordTypeField)
      .find((field) => names.has(field.name));
    if (clash !== undefined) throw duplicateJoinColumn(clash.name);
  }
  const leftWidth = leftColumns.length;
  const both = (l: Slot[] | null, r: Slot[] | null): Slot[] => {
    const out = l === null ? nullRow(leftWidth) : l.slice();
    if (l === null && r !== null) {
      for (const [rightIndex, leftIndex] of merged) out[leftIndex] = r[rightIndex] as Slot;
    }
    for (const index of rightKept) out.push(r === null ? null : (r[index] as Slot));
    return out;
  };
  const equation = keys.equation;
  // The streamed side and the side looked up: the left table streams except for joins led by the
  // right table (inner, right outer, right anti and right semi joins), which stream the right one.
  const rightLed = isRightLed(kind);
  const streamed = rightLed ? right : left;
  const looked = rightLed ? left : right;
  const streamedKeys = rightLed ? keys.right : keys.left;
  const lookedKeys = rightLed ? keys.left : keys.right;
  const start = (context: Context): RowExpansion => {
    const map = lookup(context, looked, lookedKeys, equation);
    const matched = new Set<Slot[]>();
    const expand = (_context: Context, row: Slot[]): Slot[][] => {
      const matches = matchesOf(map, equation, row, streamedKeys);
      switch (kind) {
        case JOIN_KIND.inner:
          return matches === undefined ? [] : matches.map((match) => both(match, row));
        case JOIN_KIND.leftOuter:
          return matches === undefined ? [both(row, null)] : matches.map((m) => both(row, m));
        case JOIN_KIND.fullOuter:
          if (matches === undefined) return [both(row, null)];
          for (const match of matches) matched.add(match);
          return matches.map((match) => both(row, match));
        case JOIN_KIND.rightOuter:
          return matches === undefined ? [both(null, row)] : matches.map((m) => both(m, row));
        case JOIN_KIND.leftAnti:
          return matches === undefined ? [both(row, null)] : [];
        case JOIN_KIND.rightAnti:
          return matches === undefined ? [both(null, row)] : [];
        default:
          return matches === undefined ? [] : [row];
      }
    };
    if (kind !== JOIN_KIND.fullOuter) return { expand };
    return {
      expand,
      finish: () => {
        const rest: Slot[][] = [];
        for (const entry of map.entries) {
          for (const row of entry.value) if (!matched.has(row)) rest.push(both(null, row));
        }
        return rest;
      },
    };
  };
  const resultColumns =
    kind === JOIN_KIND.leftSemi
      ? leftColumns
      : kind === JOIN_KIND.rightSemi
        ? rightColumns
        : [...leftColumns, ...rightKept.map((index) => rightColumns[index] as RecordTypeField)];
  return makeTable(resultColumns, walkExpandedRows(streamed, start));
}

/** `Table.NestedJoin`: each left row with a table of its matching right rows. */
function nestedJoin(
  ctx: Context,
  left: TableValue,
  leftKey: Value,
  right: TableValue,
  rightKey: Value,
  name: string,
  kindValue: Value,
  comparers: Value,
): TableValue {
  const kind = joinKind(kindValue, JOIN_KIND.leftOuter);
  const keys = joinKeys(ctx, left, leftKey, right, rightKey, comparers);
  const leftWidth = left.columnCount;
  const nested = (rows: Slot[][]): TableValue =>
    new TableValue(right.type, new ArrayRows(rows), null, right.layout);
  const equation = keys.equation;
  const start = (context: Context): RowExpansion => {
    const map = lookup(context, right, keys.right, equation);
    const matched = new Set<Slot[]>();
    const expand = (_context: Context, row: Slot[]): Slot[][] => {
      const matches = matchesOf(map, equation, row, keys.left);
      if (matches !== undefined) for (const match of matches) matched.add(match);
      switch (kind) {
        case JOIN_KIND.leftOuter:
        case JOIN_KIND.fullOuter:
          return [[...row, nested(matches ?? [])]];
        case JOIN_KIND.leftAnti:
          return matches === undefined ? [[...row, nested([])]] : [];
        case JOIN_KIND.rightAnti:
          return [];
        default:
          return matches === undefined ? [] : [[...row, nested(matches)]];
      }
    };
    if (!keepsUnmatchedRight(kind)) return { expand };
    return {
      expand,
      finish: () => {
        const rest: Slot[][] = [];
        for (const entry of map.entries) {
          const unmatched = entry.value.filter((row) => !matched.has(row));
          if (unmatched.length > 0) rest.push([...nullRow(leftWidth), nested(unmatched)]);
        }
        return rest;
      },
    };
  };
  return makeTable([...columnsOf(left), column(name, right.type)], walkExpandedRows(left, start));
}

/** The join functions. */
export const TABLE_JOIN: readonly LibraryEntry[] = [
  defineFunction(
    'Table.Join',
    '(table1 as table, key1 as any, table2 as table, key2 as any, optional joinKind as nullable number, optional joinAlgorithm as nullable number, optional keyEqualityComparers as nullable list) as table',
    (ctx, [left, leftKey, right, rightKey, kind, algorithm, comparers]) =>
      join(ctx, asTable(left), leftKey, asTable(right), rightKey, kind, algorithm, comparers),
  ),
  defineFunction(
    'Table.NestedJoin',
    '(table1 as table, key1 as any, table2 as any, key2 as any, newColumnName as text, optional joinKind as nullable number, optional keyEqualityComparers as nullable list) as table',
    (ctx, [left, leftKey, right, rightKey, name, kind, comparers]) =>
      nestedJoin(
        ctx,
        asTable(left),
        leftKey,
        asTable(right),
        rightKey,
        asText(name),
        kind,
        comparers,
      ),
  ),
  defineFunction(
    'Table.AddJoinColumn',
    '(table1 as table, key1 as any, table2 as any, key2 as any, newColumnName as text) as table',
    (ctx, [left, leftKey, right, rightKey, name]) =>
      nestedJoin(ctx, asTable(left), leftKey, asTable(right), rightKey, asText(name), null, null),
  ),
];

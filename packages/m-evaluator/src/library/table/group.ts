import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import type { FunctionValue } from '../../values/function.js';
import { ArrayList } from '../../values/list.js';
import { ArrayRows, TableValue } from '../../values/table.js';
import { Thunk, type Slot } from '../../values/thunk.js';
import { TYPE, type RecordTypeField, type TypeValue } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asTable, asText, asType } from '../arguments.js';
import { KeyMap, type Equation } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import {
  column,
  columnIndex,
  columnNames,
  columnsOf,
  makeTable,
  offerTable,
  operationLists,
  optionalFunction,
} from './common.js';
import { rowEquation } from './row-criteria.js';
import { deferredRows } from './rows.js';

/** `Table.Group`, and the values of `GroupKind.*`. */

/** The values of `GroupKind.Local` and `GroupKind.Global`. */
export const GROUP_KIND = { local: 0, global: 1 } as const;

/** An aggregated column: its name, the function of the group's table, and its declared type. */
export interface Aggregate {
  readonly name: string;
  readonly function: FunctionValue;
  readonly type: TypeValue | null;
}

/** Reads a list of aggregated columns: `{name, function}` or `{name, function, type}` each. */
export function aggregatesOf(ctx: Context, value: Value): Aggregate[] {
  return operationLists(ctx, value).map((operation) => {
    if (operation.length < 2 || operation.length > 3) {
      throw MError.expression(
        'An aggregated column must be a list of a name, a function and, optionally, a type.',
        ArrayList.of(operation),
      );
    }
    const type = strip(operation[2] ?? null);
    return {
      name: asText(operation[0] as Value),
      function: asFunction(operation[1] as Value),
      type: type === null ? null : asType(type),
    };
  });
}

function groupKind(value: Value): number {
  const plain = strip(value);
  if (plain === null) return GROUP_KIND.global;
  if (plain === GROUP_KIND.local || plain === GROUP_KIND.global) return plain;
  throw MError.expression('The groupKind must be GroupKind.Local or GroupKind.Global.', plain);
}

/** The rows of one group, in the table's order. */
interface Group {
  readonly rows: Slot[][];
}

/** Groups the rows: global groups by key (in order of first appearance), or runs of equal keys. */
function groupRows(
  ctx: Context,
  table: TableValue,
  equation: Equation<Slot[]> | null,
  global: boolean,
): Group[] {
  if (equation === null) {
    const rows = table.rows(ctx);
    return rows.length === 0 ? [] : [{ rows }];
  }
  const groups: Group[] = [];
  const cursor = table.cursor(ctx);
  if (global) {
    const byKey = new KeyMap<Group>(equation);
    while (cursor.next()) {
      const row = cursor.current;
      const key = equation.key(row);
      let group = byKey.get(key);
      if (group === undefined) {
        group = { rows: [] };
        byKey.set(key, group);
        groups.push(group);
      }
      group.rows.push(row);
    }
    return groups;
  }
  let current: Group | undefined;
  let currentKey: Value = null;
  while (cursor.next()) {
    const row = cursor.current;
    const key = equation.key(row);
    if (current === undefined || !equation.equals(currentKey, key)) {
      current = { rows: [] };
      currentKey = key;
      groups.push(current);
    }
    current.rows.push(row);
  }
  return groups;
}

/** `Table.Group`. */
function group(
  ctx: Context,
  table: TableValue,
  keyValue: Value,
  aggregatesValue: Value,
  kindValue: Value,
  comparerValue: Value,
): TableValue {
  const keys = columnNames(ctx, keyValue);
  const indexes = keys.map((name) => columnIndex(table, name));
  const aggregates = aggregatesOf(ctx, aggregatesValue);
  const global = groupKind(kindValue) === GROUP_KIND.global;
  const comparer = optionalFunction(comparerValue);
  if (comparer === null && global) {
    const folded = offerTable(ctx, table, { kind: 'group', keys, aggregates });
    if (folded !== undefined) return folded;
  }
  let equation: Equation<Slot[]> | null = null;
  if (keys.length > 0) {
    const criteria =
      comparer === null
        ? ArrayList.of([...keys])
        : keys.length === 1
          ? ArrayList.of([keys[0] as string, comparer])
          : ArrayList.of(keys.map((name) => ArrayList.of([name, comparer])));
    equation = rowEquation(
      ctx,
      table,
      keys.length === 1 && comparer === null ? (keys[0] as string) : criteria,
    );
  }
  const fields = columnsOf(table);
  const resultColumns: RecordTypeField[] = [
    ...indexes.map((index) => fields[index] as RecordTypeField),
    ...aggregates.map((aggregate) => column(aggregate.name, aggregate.type ?? TYPE.any)),
  ];
  const type = table.type;
  const layout = table.layout;
  return makeTable(
    resultColumns,
    deferredRows((context) =>
      groupRows(context, table, equation, global).map((entry) => {
        const first = entry.rows[0] as Slot[];
        const rows = new TableValue(type, new ArrayRows(entry.rows), null, layout);
        const out: Slot[] = indexes.map((index) => first[index] as Slot);
        for (const aggregate of aggregates) {
          out.push(new Thunk(() => aggregate.function.call1(context, rows)));
        }
        return out;
      }),
    ),
    global && keys.length > 0 ? [{ columns: keys, primary: true }] : [],
  );
}

/** `Table.Group`. */
export const TABLE_GROUP: readonly LibraryEntry[] = [
  defineFunction(
    'Table.Group',
    '(table as table, key as any, aggregatedColumns as list, optional groupKind as nullable number, optional comparer as nullable function) as table',
    (ctx, [table, key, aggregates, kind, comparer]) =>
      group(ctx, asTable(table), key, aggregates, kind, comparer),
  ),
];

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { type TableValue } from '../../values/table.js';
import { Thunk, type Slot } from '../../values/thunk.js';
import { TYPE, type RecordTypeField, type TableKey, type TypeValue } from '../../values/type.js';
import type { Value } from '../../values/value.js';
import {
  asCount,
  asFunction,
  asList,
  asNumberOrNull,
  asOptions,
  asTable,
  asText,
  asType,
} from '../arguments.js';
import { compareTexts, textComparison } from '../comparer.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { asMissingField, MISSING_FIELD } from '../record.js';
import { isCompatible } from '../type.js';
import {
  column,
  columnIndex,
  columnNames,
  columnNotFound,
  columnsOf,
  itemsOf,
  keysOf,
  listOf,
  makeTable,
  offerTable,
  operationLists,
  optionalType,
} from './common.js';
import { mappedRows, plainRows, walkMappedRows } from './rows.js';

/** Column operations: add, select, remove, rename, reorder, duplicate, and the column queries. */

/** `Table.AddColumn`: each row gains a cell computed, when read, from the row as a record. */
export function addColumn(
  ctx: Context,
  table: TableValue,
  name: string,
  generator: Value,
  typeValue: Value,
): TableValue {
  const fn = asFunction(generator);
  const type = optionalType(typeValue);
  const folded = offerTable(ctx, table, {
    kind: 'addColumns',
    columns: [{ name, function: fn, type }],
  });
  if (folded !== undefined) return folded;
  const layout = table.layout;
  return makeTable(
    [...columnsOf(table), column(name, type ?? TYPE.any)],
    mappedRows(table, (context, row) => {
      const width = row.length;
      const out = new Array<Slot>(width + 1);
      for (let index = 0; index < width; index++) out[index] = row[index] as Slot;
      out[width] = new Thunk(() => fn.call1(context, new RecordValue(layout, row)));
      return out;
    }),
    keysOf(table),
  );
}

/**
 * A table of some columns of `table`, in the order given: `map` holds the source position of each,
 * or -1 for a column of nulls. Keys on columns that are kept stay.
 */
export function projectColumns(
  table: TableValue,
  fields: readonly RecordTypeField[],
  map: readonly number[],
  keys: readonly TableKey[] = keysOf(table),
): TableValue {
  const width = map.length;
  return makeTable(
    fields,
    mappedRows(table, (_ctx, row) => {
      const out = new Array<Slot>(width);
      for (let index = 0; index < width; index++) {
        const from = map[index] as number;
        out[index] = from < 0 ? null : (row[from] as Slot);
      }
      return out;
    }),
    keys,
  );
}

/** `Table.SelectColumns`. */
export function selectColumns(
  ctx: Context,
  table: TableValue,
  columns: Value,
  modeValue: Value,
): TableValue {
  const mode = asMissingField(modeValue);
  const fields = columnsOf(table);
  const selected: RecordTypeField[] = [];
  const map: number[] = [];
  for (const name of columnNames(ctx, columns)) {
    const index = table.layout.indexOf(name);
    if (index >= 0) {
      selected.push(fields[index] as RecordTypeField);
      map.push(index);
    } else if (mode === MISSING_FIELD.error) {
      throw columnNotFound(name);
    } else if (mode === MISSING_FIELD.useNull) {
      selected.push(column(name));
      map.push(-1);
    }
  }
  if (!map.includes(-1)) {
    const folded = offerTable(ctx, table, {
      kind: 'selectColumns',
      columns: selected.map((field) => field.name),
    });
    if (folded !== undefined) return folded;
  }
  return projectColumns(table, selected, map);
}

/** `Table.RemoveColumns`. */
function removeColumns(
  ctx: Context,
  table: TableValue,
  columns: Value,
  modeValue: Value,
): TableValue {
  const mode = asMissingField(modeValue);
  const removed = new Set(columnNames(ctx, columns));
  if (mode === MISSING_FIELD.error) {
    for (const name of removed) if (!table.layout.has(name)) throw columnNotFound(name);
  }
  const fields = columnsOf(table);
  const kept = fields.filter((field) => !removed.has(field.name));
  const folded = offerTable(ctx, table, {
    kind: 'selectColumns',
    columns: kept.map((field) => field.name),
  });
  if (folded !== undefined) return folded;
  return projectColumns(
    table,
    kept,
    kept.map((field) => table.layout.indexOf(field.name)),
  );
}

/** Rename operations: one `{old, new}` pair, or a list of pairs. */
function renamePairs(ctx: Context, renames: Value): [string, string][] {
  return operationLists(ctx, renames).map((pair) => {
    if (pair.length !== 2) {
      throw MError.expression(
        'A rename operation must be a list of two column names: the old name and the new name.',
        ArrayList.of(pair),
      );
    }
    return [asText(pair[0] ?? null), asText(pair[1] ?? null)];
  });
}

/** Keys with their columns renamed. */
function renamedKeys(keys: readonly TableKey[], rename: (name: string) => string): TableKey[] {
  return keys.map((key) => ({ columns: key.columns.map(rename), primary: key.primary }));
}

/** The table with its columns renamed by `names` (same rows; keys follow their columns). */
export function withColumnNames(table: TableValue, names: readonly string[]): TableValue {
  const fields = columnsOf(table);
  const byOld = new Map(fields.map((field, index) => [field.name, names[index] as string]));
  return makeTable(
    fields.map((field, index) => column(names[index] as string, field.type)),
    plainRows(table),
    renamedKeys(keysOf(table), (name) => byOld.get(name) ?? name),
  );
}

function renameColumns(
  ctx: Context,
  table: TableValue,
  renames: Value,
  modeValue: Value,
): TableValue {
  const mode = asMissingField(modeValue);
  const names = [...table.columnNames];
  const added: string[] = [];
  const renamed = new Set<string>();
  const pairs: [string, string][] = [];
  for (const [from, to] of renamePairs(ctx, renames)) {
    if (renamed.has(from)) {
      throw MError.expression(`The column '${from}' is renamed more than once.`, from);
    }
    renamed.add(from);
    const index = table.layout.indexOf(from);
    if (index >= 0) {
      names[index] = to;
      pairs.push([from, to]);
    } else if (mode === MISSING_FIELD.error) {
      throw columnNotFound(from);
    } else if (mode === MISSING_FIELD.useNull) {
      added.push(to);
    }
  }
  if (added.length === 0) {
    const folded = offerTable(ctx, table, { kind: 'renameColumns', renames: pairs });
    if (folded !== undefined) return folded;
    return withColumnNames(table, names);
  }
  const renamedTable = withColumnNames(table, names);
  const fields = [...columnsOf(renamedTable), ...added.map((name) => column(name))];
  return projectColumns(
    renamedTable,
    fields,
    fields.map((_, index) => (index < names.length ? index : -1)),
  );
}

/**
 * `Table.ReorderColumns`: the listed columns take, in the listed order, the positions the listed
 * columns held; other columns stay. With `MissingField.UseNull` a missing column is added (as
 * nulls) at the end first.
 */
function reorderColumns(
  ctx: Context,
  table: TableValue,
  orderValue: Value,
  modeValue: Value,
): TableValue {
  const mode = asMissingField(modeValue);
  const fields: RecordTypeField[] = [...columnsOf(table)];
  const sources = fields.map((_, index) => index);
  const listed: string[] = [];
  for (const name of asList(orderValue)
    .toArray(ctx)
    .map((item) => asText(item))) {
    if (listed.includes(name)) {
      throw MError.expression(`The column '${name}' is listed more than once.`, name);
    }
    if (!table.layout.has(name)) {
      if (mode === MISSING_FIELD.error) throw columnNotFound(name);
      if (mode === MISSING_FIELD.ignore) continue;
      fields.push(column(name));
      sources.push(-1);
    }
    listed.push(name);
  }
  const positions = fields
    .map((field, position) => (listed.includes(field.name) ? position : -1))
    .filter((position) => position >= 0);
  const byName = new Map(fields.map((field, index) => [field.name, index]));
  const order = fields.map((_, index) => index);
  positions.forEach((position, index) => {
    order[position] = byName.get(listed[index] as string) as number;
  });
  return projectColumns(
    table,
    order.map((index) => fields[index] as RecordTypeField),
    order.map((index) => sources[index] as number),
  );
}

/** The names of `Table.TransformColumnNames`, made unique under the comparer, within MaxLength. */
function transformedNames(
  ctx: Context,
  names: readonly string[],
  generator: Value,
  options: Value,
): string[] {
  const fn = asFunction(generator);
  const record = asOptions(options);
  const maxValue = asNumberOrNull(record.fieldOrUndefined('MaxLength') ?? null);
  const max = maxValue === null ? Number.POSITIVE_INFINITY : asCount(maxValue, 'MaxLength');
  const comparison = textComparison(record.fieldOrUndefined('Comparer') ?? null);
  const taken: string[] = [];
  const isTaken = (candidate: string): boolean =>
    taken.some((name) => compareTexts(ctx, comparison, name, candidate) === 0);
  for (const name of names) {
    const generated = asText(fn.call1(ctx, name)).slice(0, max);
    let candidate = generated;
    for (let suffix = 1; isTaken(candidate); suffix++) {
      const digits = String(suffix);
      candidate = generated.slice(0, Math.max(0, max - digits.length)) + digits;
    }
    taken.push(candidate);
  }
  return taken;
}

/** `Table.AddIndexColumn`: positions from `initialValue` (0) by `increment` (1). */
function addIndexColumn(
  table: TableValue,
  name: string,
  initialValue: Value,
  incrementValue: Value,
  typeValue: Value,
): TableValue {
  const initial = asNumberOrNull(initialValue) ?? 0;
  const increment = asNumberOrNull(incrementValue) ?? 1;
  const type = optionalType(typeValue) ?? TYPE.any;
  return makeTable(
    [...columnsOf(table), column(name, type)],
    walkMappedRows(table, () => {
      let position = 0;
      return (_ctx, row) => [...row, initial + increment * position++];
    }),
    keysOf(table),
  );
}

function columnTypeIn(table: TableValue, name: string): TypeValue {
  return (columnsOf(table)[columnIndex(table, name)] as RecordTypeField).type;
}

/** The column functions. */
export const TABLE_COLUMNS: readonly LibraryEntry[] = [
  defineFunction(
    'Table.AddColumn',
    '(table as table, newColumnName as text, columnGenerator as function, optional columnType as nullable type) as table',
    (ctx, [table, name, generator, type]) =>
      addColumn(ctx, asTable(table), asText(name), generator, type),
  ),
  defineFunction(
    'Table.SelectColumns',
    '(table as table, columns as any, optional missingField as nullable number) as table',
    (ctx, [table, columns, mode]) => selectColumns(ctx, asTable(table), columns, mode),
  ),
  defineFunction(
    'Table.RemoveColumns',
    '(table as table, columns as any, optional missingField as nullable number) as table',
    (ctx, [table, columns, mode]) => removeColumns(ctx, asTable(table), columns, mode),
  ),
  defineFunction(
    'Table.RenameColumns',
    '(table as table, renames as list, optional missingField as nullable number) as table',
    (ctx, [table, renames, mode]) => renameColumns(ctx, asTable(table), renames, mode),
  ),
  defineFunction(
    'Table.ReorderColumns',
    '(table as table, columnOrder as list, optional missingField as nullable number) as table',
    (ctx, [table, order, mode]) => reorderColumns(ctx, asTable(table), order, mode),
  ),
  defineFunction(
    'Table.TransformColumnNames',
    '(table as table, nameGenerator as function, optional options as nullable record) as table',
    (ctx, [value, generator, options]) => {
      const table = asTable(value);
      return withColumnNames(table, transformedNames(ctx, table.columnNames, generator, options));
    },
  ),
  defineFunction(
    'Table.PrefixColumns',
    '(table as table, prefix as text) as table',
    (_ctx, [value, prefix]) => {
      const table = asTable(value);
      const text = asText(prefix);
      return withColumnNames(
        table,
        table.columnNames.map((name) => `${text}.${name}`),
      );
    },
  ),
  defineFunction(
    'Table.DuplicateColumn',
    '(table as table, columnName as text, newColumnName as text, optional columnType as nullable type) as table',
    (_ctx, [value, name, newName, typeValue]) => {
      const table = asTable(value);
      const source = asText(name);
      const index = columnIndex(table, source);
      const type = optionalType(typeValue) ?? columnTypeIn(table, source);
      return makeTable(
        [...columnsOf(table), column(asText(newName), type)],
        mappedRows(table, (_context, row) => [...row, row[index] as Slot]),
        keysOf(table),
      );
    },
  ),
  defineFunction(
    'Table.AddIndexColumn',
    '(table as table, newColumnName as text, optional initialValue as nullable number, optional increment as nullable number, optional columnType as nullable type) as table',
    (_ctx, [table, name, initial, increment, type]) =>
      addIndexColumn(asTable(table), asText(name), initial, increment, type),
  ),
  defineFunction(
    'Table.HasColumns',
    '(table as table, columns as any) as logical',
    (ctx, [value, columns]) => {
      const table = asTable(value);
      return columnNames(ctx, columns).every((name) => table.layout.has(name));
    },
  ),
  defineFunction(
    'Table.ColumnCount',
    '(table as table) as number',
    (_ctx, [table]) => asTable(table).columnCount,
  ),
  defineFunction(
    'Table.ColumnsOfType',
    '(table as table, listOfTypes as list) as list',
    (ctx, [value, types]) => {
      const wanted = itemsOf(ctx, types).map((item) => asType(item));
      return listOf(
        columnsOf(asTable(value))
          .filter((field) => wanted.some((type) => isCompatible(field.type, type)))
          .map((field) => field.name),
      );
    },
  ),
];

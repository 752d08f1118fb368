import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList, ListValue } from '../../values/list.js';
import { RecordLayout, RecordValue } from '../../values/record.js';
import { cell, type TableValue } from '../../values/table.js';
import { force, Thunk, type Slot } from '../../values/thunk.js';
import { recordType, TYPE, type RecordTypeField, type TypeValue } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import {
  asCount,
  asFunction,
  asRecord,
  asTable,
  asText,
  asTextOrNull,
  asType,
  typeError,
} from '../arguments.js';
import { convertToType } from '../conversion.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { asMissingField, MISSING_FIELD } from '../record.js';
import { asExtraValues, EXTRA_VALUES, fitValues } from './construction.js';
import {
  column,
  columnIndex,
  columnNames,
  columnNotFound,
  columnsOf,
  keysOf,
  makeTable,
  operationLists,
  optionalFunction,
} from './common.js';
import { mappedRows } from './rows.js';

/**
 * Column transformations: `Table.TransformColumns`, `TransformColumnTypes`, `CombineColumns`,
 * `CombineColumnsToRecord` and `SplitColumn`. Every new cell is computed when it is read, so an
 * error in one cell is that cell's error only.
 */

/** How one column of the result is made from a source row. */
type CellMaker = ((ctx: Context, row: Slot[]) => Slot) | null;

/**
 * A table whose cells are those of `table` except where `makers` has a maker (one per result
 * column: null keeps the source cell at the same position, which must exist).
 */
function remade(
  table: TableValue,
  fields: readonly RecordTypeField[],
  makers: readonly CellMaker[],
  keepKeys = true,
): TableValue {
  const width = makers.length;
  return makeTable(
    fields,
    mappedRows(table, (ctx, row) => {
      const out = new Array<Slot>(width);
      for (let index = 0; index < width; index++) {
        const maker = makers[index];
        out[index] = maker === null || maker === undefined ? (row[index] as Slot) : maker(ctx, row);
      }
      return out;
    }),
    keepKeys ? keysOf(table) : [],
  );
}

/** A cell computed, when read, by `fn` from the value of the source cell at `index`. */
function transformedCell(fn: (ctx: Context, value: Value) => Value, index: number): CellMaker {
  return (ctx, row) => {
    const slot = row[index] as Slot;
    return new Thunk(() => fn(ctx, force(slot)));
  };
}

/** The result columns of a column transformation, and what it does with a missing column. */
interface Transformed {
  readonly fields: RecordTypeField[];
  readonly makers: CellMaker[];
  /** A `MissingField.*` value. */
  readonly mode: number;
}

/**
 * Makes the column `name` of `type`, its cells `transform` of the source cells. A column the table
 * lacks is an error, ignored, or added (per the mode) with cells made by `missing`: by default
 * `transform` of null.
 */
function transformColumn(
  table: TableValue,
  result: Transformed,
  name: string,
  type: TypeValue,
  transform: (ctx: Context, value: Value) => Value,
  missing: (ctx: Context) => Slot = (context) => new Thunk(() => transform(context, null)),
): void {
  const index = table.layout.indexOf(name);
  if (index >= 0) {
    result.fields[index] = column(name, type);
    result.makers[index] = transformedCell(transform, index);
  } else if (result.mode === MISSING_FIELD.error) {
    throw columnNotFound(name);
  } else if (result.mode === MISSING_FIELD.useNull) {
    result.fields.push(column(name, type));
    result.makers.push(missing);
  }
}

/** `Table.TransformColumns`. */
function transformColumns(
  ctx: Context,
  table: TableValue,
  operations: Value,
  defaultValue: Value,
  modeValue: Value,
): TableValue {
  const mode = asMissingField(modeValue);
  const fallback = optionalFunction(defaultValue);
  const fields: RecordTypeField[] = [...columnsOf(table)];
  const makers: CellMaker[] = fields.map((_, index) =>
    fallback === null
      ? null
      : transformedCell((context, value) => fallback.call1(context, value), index),
  );
  if (fallback !== null) {
    fields.forEach((field, index) => {
      fields[index] = column(field.name);
    });
  }
  const result: Transformed = { fields, makers, mode };
  const done = new Set<string>();
  for (const operation of operationLists(ctx, operations)) {
    if (operation.length < 2 || operation.length > 3) {
      throw MError.expression(
        'A transform operation must be a list of a column name, a function and, optionally, a type.',
        ArrayList.of(operation),
      );
    }
    const name = asText(operation[0] as Value);
    const fn = asFunction(operation[1] as Value);
    const typeValue = strip(operation[2] ?? null);
    const type = typeValue === null ? TYPE.any : asType(typeValue);
    if (done.has(name)) {
      throw MError.expression(`The column '${name}' is transformed more than once.`, name);
    }
    done.add(name);
    transformColumn(table, result, name, type, (context, value) => fn.call1(context, value));
  }
  return remade(table, fields, makers);
}

/** The culture and missing-field handling of `Table.TransformColumnTypes`'s third argument. */
function typeOptions(value: Value): { culture: string | null; mode: number } {
  const plain = strip(value);
  if (plain === null) return { culture: null, mode: MISSING_FIELD.error };
  if (plain instanceof RecordValue) {
    return {
      culture: asTextOrNull(plain.fieldOrUndefined('Culture') ?? null),
      mode: asMissingField(plain.fieldOrUndefined('MissingField') ?? null),
    };
  }
  return { culture: asText(plain), mode: MISSING_FIELD.error };
}

/** `Table.TransformColumnTypes`: each listed column's cells converted, when read, to its type. */
function transformColumnTypes(
  ctx: Context,
  table: TableValue,
  transformations: Value,
  optionsValue: Value,
): TableValue {
  const { culture, mode } = typeOptions(optionsValue);
  const fields: RecordTypeField[] = [...columnsOf(table)];
  const makers: CellMaker[] = fields.map(() => null);
  const result: Transformed = { fields, makers, mode };
  for (const operation of operationLists(ctx, transformations)) {
    if (operation.length !== 2) {
      throw MError.expression(
        'A type transformation must be a list of a column name and a type.',
        ArrayList.of(operation),
      );
    }
    const name = asText(operation[0] as Value);
    const type = asType(operation[1] as Value);
    const kind = type.primitiveName;
    if (kind === 'list' || kind === 'record' || kind === 'table' || kind === 'function') {
      throw MError.expression(
        `Table.TransformColumnTypes cannot convert a column to type ${kind}.`,
        type,
      );
    }
    transformColumn(
      table,
      result,
      name,
      type,
      (context, value) => convertToType(context, value, type, culture),
      () => null,
    );
  }
  return remade(table, fields, makers);
}

/**
 * A table with `sourceColumns` replaced by new columns at the position of the first of them (in the
 * table's order): `make` gives the new cells of a row from the source row.
 */
function replaceColumns(
  table: TableValue,
  sources: readonly string[],
  added: readonly RecordTypeField[],
  make: (ctx: Context, row: Slot[]) => Slot[],
): TableValue {
  const indexes = sources.map((name) => columnIndex(table, name));
  const removed = new Set(indexes);
  const at = indexes.length === 0 ? table.columnCount : Math.min(...indexes);
  const fields = columnsOf(table);
  const kept = fields.map((_, index) => index).filter((index) => !removed.has(index));
  const before = kept.filter((index) => index < at);
  const after = kept.filter((index) => index > at);
  return makeTable(
    [
      ...before.map((index) => fields[index] as RecordTypeField),
      ...added,
      ...after.map((index) => fields[index] as RecordTypeField),
    ],
    mappedRows(table, (ctx, row) => {
      const out: Slot[] = [];
      for (const index of before) out.push(row[index] as Slot);
      for (const slot of make(ctx, row)) out.push(slot);
      for (const index of after) out.push(row[index] as Slot);
      return out;
    }),
    keysOf(table),
  );
}

/** The slots of a row's cells, as a lazy list. */
function cellList(row: Slot[], indexes: readonly number[]): ArrayList {
  return new ArrayList(indexes.map((index) => row[index] as Slot));
}

/** `Table.SplitColumn`'s new column names: a list, a count, or as many as the widest split. */
function splitNames(
  ctx: Context,
  table: TableValue,
  source: string,
  namesValue: Value,
  split: (ctx: Context, value: Value) => Slot[],
): string[] {
  const plain = strip(namesValue);
  const numbered = (count: number): string[] =>
    Array.from({ length: count }, (_, index) => `${source}.${String(index + 1)}`);
  if (plain instanceof ListValue) return columnNames(ctx, plain);
  if (plain !== null) return numbered(asCount(plain, 'The column count'));
  const index = columnIndex(table, source);
  let widest = 0;
  for (const row of table.rows(ctx)) {
    ctx.tick();
    widest = Math.max(widest, split(ctx, cell(row, index)).length);
  }
  return numbered(widest);
}

function splitColumn(
  ctx: Context,
  table: TableValue,
  sourceValue: Value,
  splitterValue: Value,
  namesValue: Value,
  fill: Value,
  extraValue: Value,
): TableValue {
  const source = asText(sourceValue);
  const splitter = asFunction(splitterValue);
  const extra = asExtraValues(extraValue, EXTRA_VALUES.ignore);
  const index = columnIndex(table, source);
  const split = (context: Context, value: Value): Slot[] => {
    if (strip(value) === null) return [];
    const parts = strip(splitter.call1(context, value));
    if (!(parts instanceof ListValue)) throw typeError(parts, 'list');
    return parts.toArray(context);
  };
  const names = splitNames(ctx, table, source, namesValue, split);
  const width = names.length;
  return replaceColumns(
    table,
    [source],
    names.map((name) => column(name)),
    (context, row) => {
      const slot = row[index] as Slot;
      const parts = new Thunk(
        () => new ArrayList(fitValues(split(context, force(slot)), width, fill, extra)),
      );
      return names.map((_, position) => new Thunk(() => (parts.force() as ArrayList).at(position)));
    },
  );
}

/** The transformation functions of columns. */
export const TABLE_TRANSFORM_COLUMNS: readonly LibraryEntry[] = [
  defineFunction(
    'Table.TransformColumns',
    '(table as table, transformOperations as list, optional defaultTransformation as nullable function, optional missingField as nullable number) as table',
    (ctx, [table, operations, fallback, mode]) =>
      transformColumns(ctx, asTable(table), operations, fallback, mode),
  ),
  defineFunction(
    'Table.TransformColumnTypes',
    '(table as table, typeTransformations as list, optional culture as any) as table',
    (ctx, [table, transformations, culture]) =>
      transformColumnTypes(ctx, asTable(table), transformations, culture),
  ),
  defineFunction(
    'Table.CombineColumns',
    '(table as table, sourceColumns as list, combiner as function, column as text) as table',
    (ctx, [value, sources, combinerValue, name]) => {
      const table = asTable(value);
      const names = columnNames(ctx, sources);
      const combiner = asFunction(combinerValue);
      const indexes = names.map((source) => columnIndex(table, source));
      return replaceColumns(table, names, [column(asText(name))], (context, row) => [
        new Thunk(() => combiner.call1(context, cellList(row, indexes))),
      ]);
    },
  ),
  defineFunction(
    'Table.CombineColumnsToRecord',
    '(table as table, newColumnName as text, sourceColumns as list, optional options as nullable record) as table',
    (ctx, [value, name, sources, options]) => {
      const table = asTable(value);
      if (strip(options) !== null) asRecord(options);
      const names = columnNames(ctx, sources);
      const indexes = names.map((source) => columnIndex(table, source));
      const fields = columnsOf(table);
      const layout = RecordLayout.of(names);
      const type = recordType(indexes.map((index) => fields[index] as RecordTypeField));
      return replaceColumns(table, names, [column(asText(name), type)], (_context, row) => [
        new RecordValue(
          layout,
          indexes.map((index) => row[index] as Slot),
        ),
      ]);
    },
  ),
  defineFunction(
    'Table.SplitColumn',
    '(table as table, sourceColumn as text, splitter as function, optional columnNamesOrNumber as any, optional default as any, optional extraColumns as any) as table',
    (ctx, [table, source, splitter, names, fill, extra]) =>
      splitColumn(ctx, asTable(table), source, splitter, names, fill, extra),
  ),
];

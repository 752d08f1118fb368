import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { cell, TableValue, type RowCursor, type RowSource } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import {
  fieldsOf,
  recordType,
  tableType,
  TYPE,
  type RecordTypeField,
  type TableKey,
  type TypeValue,
} from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asLogical, asOptions, asTable } from '../arguments.js';
import { valueToText } from '../conversion.js';
import { cultureArgument } from '../conversion-parse.js';
import type { CultureInfo } from '../culture.js';
import { defineFunction, type LibraryEntry } from '../define.js';

/**
 * `Table.PromoteHeaders` and `Table.DemoteHeaders`: the first row becomes the column names, or the
 * column names become the first row. Only the header row is read when the table is made; the other
 * rows stream from the original table, cells untouched.
 */

const PROMOTE_OPTIONS: readonly string[] = ['PromoteAllScalars', 'Culture'];

/** The default name of the column at a position: `Column1`, `Column2`, … */
function defaultName(index: number): string {
  return `Column${String(index + 1)}`;
}

/**
 * The header a first-row value gives, or null for the default name: a text (unless empty) and a
 * number always; with `PromoteAllScalars`, logical, date, time and duration values too, as text in
 * the culture.
 */
function headerText(
  ctx: Context,
  value: Value,
  allScalars: boolean,
  culture: CultureInfo,
): string | null {
  const plain = strip(value);
  if (typeof plain === 'string') return plain === '' ? null : plain;
  if (typeof plain === 'number') return valueToText(ctx, plain, culture);
  if (!allScalars || plain === null) return null;
  if (typeof plain === 'boolean') return valueToText(ctx, plain, culture);
  switch (plain.kind) {
    case 'date':
    case 'time':
    case 'datetime':
    case 'datetimezone':
    case 'duration': {
      const text = valueToText(ctx, plain, culture);
      return text === '' ? null : text;
    }
    default:
      return null;
  }
}

/**
 * Makes names unique: a name already taken by an earlier column gets the first free suffix `_1`,
 * `_2`, …, never one that another header already has (`{"A", "A", "A_1"}` becomes
 * `{"A", "A_2", "A_1"}`).
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const used = new Set<string>();
  return names.map((name) => {
    let unique = name;
    if (used.has(name)) {
      for (let suffix = 1; ; suffix++) {
        unique = `${name}_${String(suffix)}`;
        if (!taken.has(unique) && !used.has(unique)) break;
      }
    }
    used.add(unique);
    return unique;
  });
}

/** A table type with the same columns renamed, keys following their columns. */
function renamedType(type: TypeValue, names: readonly string[]): TypeValue {
  const fields = fieldsOf(type);
  const renames = new Map(fields.map((field, index) => [field.name, names[index] as string]));
  const renamed: RecordTypeField[] = fields.map((field, index) => ({
    name: names[index] as string,
    type: field.type,
    optional: false,
  }));
  const keys: readonly TableKey[] =
    type.shape.kind === 'table'
      ? type.shape.keys.map((key) => ({
          columns: key.columns.map((column) => renames.get(column) ?? column),
          primary: key.primary,
        }))
      : [];
  return tableType(recordType(renamed), keys);
}

/** The rows of a table after its first. */
class RestRows implements RowSource {
  constructor(private readonly inner: RowSource) {}

  get knownCount(): number | undefined {
    const count = this.inner.knownCount;
    return count === undefined ? undefined : Math.max(0, count - 1);
  }

  cursor(ctx: Context): RowCursor {
    const cursor = this.inner.cursor(ctx);
    cursor.next();
    return cursor;
  }
}

/** A row, then the rows of a table. */
class PrependedRows implements RowSource {
  constructor(
    private readonly first: Slot[],
    private readonly inner: RowSource,
  ) {}

  get knownCount(): number | undefined {
    const count = this.inner.knownCount;
    return count === undefined ? undefined : count + 1;
  }

  cursor(ctx: Context): RowCursor {
    return new PrependedCursor(this.first, this.inner, ctx);
  }
}

class PrependedCursor implements RowCursor {
  current: Slot[] = [];
  #inner: RowCursor | undefined;

  constructor(
    private readonly first: Slot[],
    private readonly source: RowSource,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    if (this.#inner === undefined) {
      this.#inner = this.source.cursor(this.ctx);
      // A copy: whoever reads the row may cache computed cells in it.
      this.current = this.first.slice();
      this.ctx.tick();
      return true;
    }
    if (!this.#inner.next()) return false;
    this.current = this.#inner.current;
    return true;
  }
}

/** `Table.PromoteHeaders`. */
export function promoteHeaders(ctx: Context, table: TableValue, options: Value): TableValue {
  const record = asOptions(options);
  for (const name of record.names) {
    if (!PROMOTE_OPTIONS.includes(name)) {
      throw MError.expression(`The option '${name}' is not recognized.`, record);
    }
  }
  const allScalarsValue = record.fieldOrUndefined('PromoteAllScalars') ?? null;
  const allScalars = allScalarsValue === null ? false : asLogical(allScalarsValue);
  const culture = cultureArgument(ctx, record.fieldOrUndefined('Culture') ?? null);
  const cursor = table.cursor(ctx);
  if (!cursor.next()) return table;
  const first = cursor.current;
  const names = table.columnNames.map(
    (_name, index) =>
      headerText(ctx, cell(first, index), allScalars, culture) ?? defaultName(index),
  );
  return new TableValue(renamedType(table.type, uniqueNames(names)), new RestRows(table.source));
}

/** `Table.DemoteHeaders`. */
export function demoteHeaders(table: TableValue): TableValue {
  const names = table.columnNames;
  const fields = names.map((_name, index) => ({
    name: defaultName(index),
    type: TYPE.any,
    optional: false,
  }));
  return new TableValue(tableType(recordType(fields)), new PrependedRows([...names], table.source));
}

/** `Table.PromoteHeaders` and `Table.DemoteHeaders`. */
export const HEADERS_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Table.PromoteHeaders',
    '(table as table, optional options as nullable record) as table',
    (ctx, [table, options]) => promoteHeaders(ctx, asTable(table), options),
  ),
  defineFunction('Table.DemoteHeaders', '(table as table) as table', (_ctx, [table]) =>
    demoteHeaders(asTable(table)),
  ),
];

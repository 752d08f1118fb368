import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { appendTables } from '../../operators/combine.js';
import type { FunctionValue } from '../../values/function.js';
import { ArrayList, ListValue, NumberRangeList, type ListCursor } from '../../values/list.js';
import { type RecordLayout, RecordValue } from '../../values/record.js';
import { ArrayRows, StreamRows, TableValue, type RowCursor } from '../../values/table.js';
import { Thunk, type Slot } from '../../values/thunk.js';
import { TYPE } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import {
  asList,
  asOptions,
  asRecord,
  asTable,
  asText,
  asTextOrNull,
  asType,
  typeError,
} from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { tableFromRowLists } from '../intrinsics.js';
import { positional } from '../list/lazy.js';
import { NativeFunction } from '../native-function.js';
import { asMissingField, MISSING_FIELD } from '../record.js';
import { SPLITTER_LIBRARY } from '../splitter.js';
import {
  column,
  columnsOf,
  columnSpec,
  itemsOf,
  makeTable,
  optionalFunction,
  tableTypeOf,
} from './common.js';
import { walkMappedRows } from './rows.js';

/** The table constructors: `Table.FromRecords`, `FromRows`, `FromColumns`, `FromList`, `FromValue`, `FromPartitions`. */

/** The values of `ExtraValues.List`, `ExtraValues.Error` and `ExtraValues.Ignore`. */
export const EXTRA_VALUES = { list: 0, error: 1, ignore: 2 } as const;
type ExtraValues = (typeof EXTRA_VALUES)[keyof typeof EXTRA_VALUES];

/** Reads an `extraValues` argument; null is `ExtraValues.Error`. */
export function asExtraValues(value: Value, fallback: ExtraValues): ExtraValues {
  const plain = strip(value);
  if (plain === null) return fallback;
  if (plain === 0 || plain === 1 || plain === 2) return plain;
  throw MError.expression(
    'The extraValues argument must be ExtraValues.List, ExtraValues.Error or ExtraValues.Ignore.',
    plain,
  );
}

/** The engine's error for a row with more values than the table has columns. */
export function tooManyValues(count: number): MError {
  return MError.expression('There were more columns in the result than expected.', count);
}

/**
 * Fits a row's values to `width` columns: missing values are `fill`; extra values are an error,
 * dropped, or (`ExtraValues.List`) gathered with the last column's value into a list there.
 */
export function fitValues(values: Slot[], width: number, fill: Value, extra: ExtraValues): Slot[] {
  if (extra === EXTRA_VALUES.list && width > 0) {
    const row = values.slice(0, width - 1);
    while (row.length < width - 1) row.push(fill);
    row.push(values.length >= width ? new ArrayList(values.slice(width - 1)) : fill);
    return row;
  }
  if (values.length > width) {
    if (extra === EXTRA_VALUES.error) throw tooManyValues(values.length);
    return values.slice(0, width);
  }
  const row = values.slice();
  while (row.length < width) row.push(fill);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Table.FromRecords

function fromRecords(ctx: Context, records: ListValue, columns: Value, mode: number): TableValue {
  if (mode === MISSING_FIELD.ignore) {
    throw MError.expression('Table.FromRecords does not accept MissingField.Ignore.', mode);
  }
  const spec = columnSpec(ctx, columns, () => 0);
  let fields = spec.columns;
  if (strip(columns) === null) {
    const first = records.item(ctx, 0);
    fields = first === undefined ? [] : asRecord(first).names.map((name) => column(name));
  }
  const names = fields.map((field) => field.name);
  const useNull = mode === MISSING_FIELD.useNull;
  return makeTable(
    fields,
    new StreamRows(
      (context) => new RecordRowCursor(records.cursor(context), names, useNull),
      records.hasKnownCount ? records.count(ctx) : undefined,
    ),
    spec.keys,
  );
}

/** Rows from records: each record's fields by the table's column names, in the table's order. */
class RecordRowCursor implements RowCursor {
  current: Slot[] = [];
  #layout: RecordLayout | undefined;
  #map: number[] = [];
  constructor(
    private readonly records: ListCursor,
    private readonly names: readonly string[],
    private readonly useNull: boolean,
  ) {}

  next(): boolean {
    if (!this.records.next()) return false;
    const record = asRecord(this.records.current);
    if (record.layout !== this.#layout) {
      this.#map = this.names.map((name) => {
        const index = record.layout.indexOf(name);
        if (index < 0 && !this.useNull) {
          throw MError.expression(`The field '${name}' of the record wasn't found.`, record);
        }
        return index;
      });
      this.#layout = record.layout;
    }
    const map = this.#map;
    const row = new Array<Slot>(map.length);
    for (let index = 0; index < map.length; index++) {
      const from = map[index] as number;
      row[index] = from < 0 ? null : record.slot(from);
    }
    this.current = row;
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Table.FromRows

function fromRows(ctx: Context, rows: ListValue, columns: Value): TableValue {
  const spec = columnSpec(ctx, columns, () => {
    const first = rows.item(ctx, 0);
    return first === undefined ? 0 : asList(first).count(ctx);
  });
  return tableFromRowLists(tableTypeOf(spec.columns, spec.keys), rows);
}

// ---------------------------------------------------------------------------------------------
// Table.FromColumns

/** Reads the items of one column list, one row at a time, keeping lazy items lazy. */
interface ColumnReader {
  next(): boolean;
  readonly slot: Slot;
}

function columnReader(ctx: Context, list: ListValue): ColumnReader {
  const base = list.base;
  if (base instanceof ArrayList) {
    const slots = base.slots;
    let index = -1;
    return {
      next: () => ++index < slots.length,
      get slot() {
        return slots[index] as Slot;
      },
    };
  }
  if (base instanceof NumberRangeList) {
    let index = -1;
    return {
      next: () => ++index < base.length,
      get slot() {
        return base.start + index;
      },
    };
  }
  const view = positional(list);
  if (view !== undefined) {
    let index = -1;
    const at = view.at;
    return {
      next: () => ++index < view.length,
      get slot() {
        const position = index;
        return new Thunk(() => at(ctx, position));
      },
    };
  }
  const cursor = list.cursor(ctx);
  return {
    next: () => cursor.next(),
    get slot() {
      return cursor.current;
    },
  };
}

class ColumnsCursor implements RowCursor {
  current: Slot[] = [];
  readonly #readers: ColumnReader[];
  readonly #live: boolean[];
  constructor(
    lists: readonly ListValue[],
    private readonly width: number,
    private readonly ctx: Context,
  ) {
    this.#readers = lists.map((list) => columnReader(ctx, list));
    this.#live = lists.map(() => true);
  }

  next(): boolean {
    this.ctx.tick();
    const row = new Array<Slot>(this.width).fill(null);
    let any = false;
    for (let index = 0; index < this.#readers.length; index++) {
      if (!this.#live[index]) continue;
      const reader = this.#readers[index] as ColumnReader;
      if (reader.next()) {
        row[index] = reader.slot;
        any = true;
      } else {
        this.#live[index] = false;
      }
    }
    if (!any) return false;
    this.current = row;
    return true;
  }
}

function fromColumns(ctx: Context, listsValue: Value, columns: Value): TableValue {
  const lists = itemsOf(ctx, listsValue).map((item) => asList(item));
  const spec = columnSpec(ctx, columns, () => lists.length);
  if (lists.length > spec.columns.length) {
    throw MError.expression(
      `There are ${String(lists.length)} lists, but only ${String(spec.columns.length)} columns were given.`,
      listsValue,
    );
  }
  const width = spec.columns.length;
  let known: number | undefined = 0;
  for (const list of lists) {
    known =
      list.hasKnownCount && known !== undefined ? Math.max(known, list.count(ctx)) : undefined;
  }
  return makeTable(
    spec.columns,
    new StreamRows((context) => new ColumnsCursor(lists, width, context), known),
    spec.keys,
  );
}

// ---------------------------------------------------------------------------------------------
// Table.FromList

function defaultSplitter(ctx: Context): FunctionValue {
  const entry = SPLITTER_LIBRARY.find(
    (candidate) => candidate.name === 'Splitter.SplitTextByDelimiter',
  );
  if (entry?.kind !== 'function') throw new Error('Splitter.SplitTextByDelimiter is missing');
  return new NativeFunction(entry).call1(ctx, ',') as FunctionValue;
}

function splitValues(ctx: Context, splitter: FunctionValue, item: Value): Slot[] {
  const parts = strip(splitter.call1(ctx, item));
  if (!(parts instanceof ListValue)) throw typeError(parts, 'list');
  return parts instanceof ArrayList ? parts.slots : parts.toArray(ctx);
}

function fromList(
  ctx: Context,
  list: ListValue,
  splitterValue: Value,
  columns: Value,
  fill: Value,
  extraValue: Value,
): TableValue {
  const splitter = optionalFunction(splitterValue) ?? defaultSplitter(ctx);
  const extra = asExtraValues(extraValue, EXTRA_VALUES.error);
  const spec = columnSpec(ctx, columns, () => {
    const first = list.item(ctx, 0);
    return first === undefined ? 0 : splitValues(ctx, splitter, first).length;
  });
  const width = spec.columns.length;
  return makeTable(
    spec.columns,
    new StreamRows(
      (context) => new SplitCursor(list.cursor(context), splitter, width, fill, extra, context),
      list.hasKnownCount ? list.count(ctx) : undefined,
    ),
    spec.keys,
  );
}

class SplitCursor implements RowCursor {
  current: Slot[] = [];
  constructor(
    private readonly items: ListCursor,
    private readonly splitter: FunctionValue,
    private readonly width: number,
    private readonly fill: Value,
    private readonly extra: ExtraValues,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    if (!this.items.next()) return false;
    const values = splitValues(this.ctx, this.splitter, this.items.current);
    this.current = fitValues(values, this.width, this.fill, this.extra);
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Table.FromValue and Table.FromPartitions

function fromValue(ctx: Context, value: Value, options: Value): TableValue {
  const name = asTextOrNull(asOptions(options).fieldOrUndefined('DefaultColumnName') ?? null);
  const plain = strip(value);
  if (plain instanceof TableValue) return plain;
  if (plain instanceof RecordValue) {
    return makeTable(
      [column('Name', TYPE.text), column('Value')],
      new ArrayRows(plain.names.map((field, index) => [field, plain.slot(index)])),
    );
  }
  const columns = [column(name ?? 'Value')];
  if (plain instanceof ListValue) {
    const slots: Slot[] = plain instanceof ArrayList ? plain.slots : plain.toArray(ctx);
    return makeTable(columns, new ArrayRows(slots.map((slot) => [slot])));
  }
  return makeTable(columns, new ArrayRows([[value]]));
}

function fromPartitions(
  ctx: Context,
  name: string,
  partitions: Value,
  typeValue: Value,
): TableValue {
  const type = strip(typeValue) === null ? TYPE.any : asType(typeValue);
  const tables = itemsOf(ctx, partitions).map((item) => {
    const [key, table] = itemsOf(ctx, item);
    if (table === undefined) {
      throw MError.expression('A partition must be a list of a value and a table.', item);
    }
    const part = asTable(table);
    const value = key ?? null;
    return makeTable(
      [...columnsOf(part), column(name, type)],
      walkMappedRows(part, () => (_context, row) => [...row, value]),
    );
  });
  return appendTables(tables);
}

/** The table constructors. */
export const TABLE_CONSTRUCTION: readonly LibraryEntry[] = [
  defineFunction(
    'Table.FromRecords',
    '(records as list, optional columns as any, optional missingField as nullable number) as table',
    (ctx, [records, columns, mode]) =>
      fromRecords(ctx, asList(records), columns, asMissingField(mode)),
  ),
  defineFunction(
    'Table.FromRows',
    '(rows as list, optional columns as any) as table',
    (ctx, [rows, columns]) => fromRows(ctx, asList(rows), columns),
  ),
  defineFunction(
    'Table.FromColumns',
    '(lists as list, optional columns as any) as table',
    (ctx, [lists, columns]) => fromColumns(ctx, lists, columns),
  ),
  defineFunction(
    'Table.FromList',
    '(list as list, optional splitter as nullable function, optional columns as any, optional default as any, optional extraValues as nullable number) as table',
    (ctx, [list, splitter, columns, fill, extra]) =>
      fromList(ctx, asList(list), splitter, columns, fill, extra),
  ),
  defineFunction(
    'Table.FromValue',
    '(value as any, optional options as nullable record) as table',
    (ctx, [value, options]) => fromValue(ctx, value, options),
  ),
  defineFunction(
    'Table.FromPartitions',
    '(partitionColumn as text, partitions as list, optional partitionColumnType as nullable type) as table',
    (ctx, [name, partitions, type]) => fromPartitions(ctx, asText(name), partitions, type),
  ),
];

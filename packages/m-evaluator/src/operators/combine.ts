import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { ConcatList, ListValue } from '../values/list.js';
import { RecordLayout, RecordValue } from '../values/record.js';
import { StreamRows, TableValue, type RowCursor } from '../values/table.js';
import { DateTimeValue, DateValue, TimeValue } from '../values/temporal.js';
import type { Slot } from '../values/thunk.js';
import { fieldsOf, recordType, tableType, TYPE, type RecordTypeField } from '../values/type.js';
import { AnnotatedValue, strip, type Value } from '../values/value.js';
import { typesEqual } from './compare.js';
import { operatorError } from './arithmetic.js';

/**
 * The combination operator `&` (concatenation of text, lists and tables; merge of records and of a
 * date with a time) and the metadata operator `meta`.
 */

/** `x & y`. */
export function combine(_ctx: Context, leftValue: Value, rightValue: Value): Value {
  const left = strip(leftValue);
  const right = strip(rightValue);
  if (typeof left === 'string') {
    if (typeof right === 'string') return left + right;
    if (right === null) return null;
  } else if (left === null) {
    if (typeof right === 'string' || right instanceof TimeValue) return null;
  } else if (left instanceof ListValue && right instanceof ListValue) {
    return new ConcatList([left, right]);
  } else if (left instanceof RecordValue && right instanceof RecordValue) {
    return mergeRecords(left, right);
  } else if (left instanceof TableValue && right instanceof TableValue) {
    return appendTables([left, right]);
  } else if (left instanceof DateValue) {
    if (right instanceof TimeValue)
      return new DateTimeValue(left.days, right.ticks % 864_000_000_000);
    if (right === null) return null;
  }
  throw operatorError('&', left, right);
}

/**
 * `x & y` on records: the fields of `x`, with values from `y` where `y` has the same field, then the
 * fields only `y` has. No field is evaluated.
 */
export function mergeRecords(left: RecordValue, right: RecordValue): RecordValue {
  if (right.size === 0) return left.meta === null ? left : new RecordValue(left.layout, left.slots);
  if (left.size === 0)
    return right.meta === null ? right : new RecordValue(right.layout, right.slots);
  const names = [...left.names];
  const slots: Slot[] = left.slots.slice();
  const rightNames = right.names;
  for (let index = 0; index < rightNames.length; index++) {
    const name = rightNames[index] as string;
    const position = left.layout.indexOf(name);
    if (position >= 0) {
      slots[position] = right.slot(index);
    } else {
      names.push(name);
      slots.push(right.slot(index));
    }
  }
  return new RecordValue(RecordLayout.of(names), slots);
}

/**
 * Tables appended: the union of their columns (the first table's order, then columns only later
 * tables have), rows one table after another, and `null` in the cells of columns a table lacks.
 */
export function appendTables(tables: readonly TableValue[]): TableValue {
  const fields: RecordTypeField[] = [];
  const positions = new Map<string, number>();
  for (const table of tables) {
    for (const field of fieldsOf(table.type)) {
      const existing = positions.get(field.name);
      if (existing === undefined) {
        positions.set(field.name, fields.length);
        fields.push(field);
      } else {
        const known = fields[existing] as RecordTypeField;
        if (!typesEqual(known.type, field.type)) {
          fields[existing] = { name: field.name, type: TYPE.any, optional: false };
        }
      }
    }
  }
  const width = fields.length;
  const maps = tables.map((table) =>
    table.columnNames.map((name) => positions.get(name) as number),
  );
  let knownCount: number | undefined = 0;
  for (const table of tables) {
    const count = table.source.knownCount;
    knownCount = count === undefined || knownCount === undefined ? undefined : knownCount + count;
  }
  const type = tableType(recordType(fields));
  return new TableValue(
    type,
    new StreamRows((context) => new AppendCursor(context, tables, maps, width), knownCount),
  );
}

class AppendCursor implements RowCursor {
  current: Slot[] = [];
  #table = 0;
  #inner: RowCursor | undefined;
  constructor(
    private readonly ctx: Context,
    private readonly tables: readonly TableValue[],
    private readonly maps: readonly number[][],
    private readonly width: number,
  ) {}

  next(): boolean {
    for (;;) {
      if (this.#inner === undefined) {
        const table = this.tables[this.#table];
        if (table === undefined) return false;
        this.#inner = table.cursor(this.ctx);
      }
      if (this.#inner.next()) {
        const map = this.maps[this.#table] as number[];
        const row = this.#inner.current;
        const out = new Array<Slot>(this.width).fill(null);
        for (let column = 0; column < map.length; column++)
          out[map[column] as number] = row[column] as Slot;
        this.current = out;
        return true;
      }
      this.#inner = undefined;
      this.#table++;
    }
  }
}

/** The metadata record of a value (the empty record when it has none). */
export function metadataOf(value: Value): RecordValue {
  if (value === null || typeof value !== 'object') return RecordValue.EMPTY;
  return value.meta ?? RecordValue.EMPTY;
}

/** The value with its metadata replaced (`Value.ReplaceMetadata`). */
export function withMetadata(value: Value, meta: RecordValue): Value {
  const base = value instanceof AnnotatedValue ? value.value : value;
  if (base === null || typeof base !== 'object') {
    return meta.size === 0 ? base : new AnnotatedValue(base, meta);
  }
  return base.withMeta(meta.size === 0 ? null : meta);
}

/** `x meta y`: the value of `x` with its metadata merged with the record `y`. */
export function addMetadata(value: Value, metadata: Value): Value {
  const record = strip(metadata);
  if (!(record instanceof RecordValue)) {
    throw MError.expression('The right operand of meta must be a record.', metadata);
  }
  return withMetadata(value, mergeRecords(metadataOf(value), record));
}

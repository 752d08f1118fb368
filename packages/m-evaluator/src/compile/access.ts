import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { equals } from '../operators/compare.js';
import { displayTypeOf } from '../operators/type-names.js';
import { ListValue, StreamList, type ListCursor } from '../values/list.js';
import { RecordLayout, RecordValue } from '../values/record.js';
import { cell, StreamRows, TableValue, type RowCursor } from '../values/table.js';
import type { Slot } from '../values/thunk.js';
import { fieldsOf, recordType, tableType, TYPE, type RecordTypeField } from '../values/type.js';
import { strip, type Value } from '../values/value.js';

/**
 * Run-time semantics of item access (`x{y}`, `x{y}?`), field access (`x[y]`, `x[y]?`) and
 * projection (`x[[a], [b]]`), per the specification's "Selection and Projection Operators".
 */

/** `x[name]` and `x[name]?`. */
export function accessField(_ctx: Context, target: Value, name: string, optional: boolean): Value {
  const value = strip(target);
  if (value instanceof RecordValue) {
    if (optional) return value.fieldOrUndefined(name) ?? null;
    return value.field(name);
  }
  if (value instanceof TableValue) {
    const index = value.layout.indexOf(name);
    if (index < 0) {
      if (optional) return null;
      throw MError.expression(`The column '${name}' of the table wasn't found.`, name);
    }
    return columnValues(value, index);
  }
  throw MError.expression(
    `We cannot apply field access to the type ${displayTypeOf(value)}.`,
    RecordValue.of([
      ['Value', value],
      ['Key', name],
    ]),
  );
}

/** The cells of one column, as a lazy list. */
export function columnValues(table: TableValue, index: number): ListValue {
  return new StreamList(
    (context) => new ColumnCursor(table.cursor(context), index),
    table.source.knownCount === undefined ? undefined : () => table.source.knownCount as number,
  );
}

class ColumnCursor implements ListCursor {
  current: Value = null;
  constructor(
    private readonly rows: RowCursor,
    private readonly index: number,
  ) {}

  next(): boolean {
    if (!this.rows.next()) return false;
    this.current = cell(this.rows.current, this.index);
    return true;
  }
}

/** `x[[a], [b]]` and `x[[a], [b]]?`. */
export function projectFields(
  _ctx: Context,
  target: Value,
  names: readonly string[],
  optional: boolean,
): Value {
  const value = strip(target);
  if (value instanceof RecordValue) {
    const slots: Slot[] = names.map((name) => {
      const index = value.layout.indexOf(name);
      if (index >= 0) return value.slot(index);
      if (optional) return null;
      throw MError.expression(`The field '${name}' of the record wasn't found.`, value);
    });
    return new RecordValue(RecordLayout.of(names), slots);
  }
  if (value instanceof TableValue) return selectColumns(value, names, optional);
  throw MError.expression(
    `We cannot apply field access to the type ${displayTypeOf(value)}.`,
    value,
  );
}

/** A table with only the named columns, in the order given (missing ones null when `optional`). */
export function selectColumns(
  table: TableValue,
  names: readonly string[],
  optional: boolean,
): TableValue {
  const fields = fieldsOf(table.type);
  const map = names.map((name) => {
    const index = table.layout.indexOf(name);
    if (index < 0 && !optional) {
      throw MError.expression(`The column '${name}' of the table wasn't found.`, name);
    }
    return index;
  });
  const selected: RecordTypeField[] = names.map((name, position) => {
    const index = map[position] as number;
    return index >= 0
      ? (fields[index] as RecordTypeField)
      : { name, type: TYPE.any, optional: false };
  });
  return new TableValue(
    tableType(recordType(selected)),
    new StreamRows(
      (context) => new SelectCursor(table.cursor(context), map),
      table.source.knownCount,
    ),
  );
}

class SelectCursor implements RowCursor {
  current: Slot[] = [];
  constructor(
    private readonly rows: RowCursor,
    private readonly map: readonly number[],
  ) {}

  next(): boolean {
    if (!this.rows.next()) return false;
    const row = this.rows.current;
    this.current = this.map.map((index) => (index >= 0 ? (row[index] as Slot) : null));
    return true;
  }
}

/** `x{y}` and `x{y}?`. */
export function accessItem(ctx: Context, target: Value, selector: Value, optional: boolean): Value {
  const value = strip(target);
  const key = strip(selector);
  if (value instanceof ListValue) {
    if (typeof key !== 'number') throw itemSelectorError(key);
    if (key < 0) throw MError.expression('The index cannot be negative.', key);
    const item = value.item(ctx, key);
    if (item !== undefined) return item;
    if (optional) return null;
    throw MError.expression(
      "There weren't enough elements in the enumeration to complete the operation.",
      value,
    );
  }
  if (value instanceof TableValue) {
    if (typeof key === 'number') {
      if (key < 0) throw MError.expression('The index cannot be negative.', key);
      const rows = value.cursor(ctx);
      for (let index = 0; rows.next(); index++) {
        if (index === key) return value.rowRecord(rows.current);
      }
      if (optional) return null;
      throw MError.expression(
        "There weren't enough elements in the enumeration to complete the operation.",
        value,
      );
    }
    if (key instanceof RecordValue) return lookupRow(ctx, value, key, optional);
    throw itemSelectorError(key);
  }
  throw MError.expression(`We cannot apply operator {} to type ${displayTypeOf(value)}.`, value);
}

function itemSelectorError(key: Value): MError {
  return MError.expression(
    `We cannot convert a value of type ${displayTypeOf(key)} to type Number.`,
    key,
  );
}

/** `table{[k = v]}`: the one row whose cells equal the record's fields. */
function lookupRow(ctx: Context, table: TableValue, key: RecordValue, optional: boolean): Value {
  const columns = key.names.map((name) => {
    const index = table.layout.indexOf(name);
    if (index < 0) throw MError.expression(`The column '${name}' of the table wasn't found.`, name);
    return index;
  });
  let match: Slot[] | undefined;
  const rows = table.cursor(ctx);
  while (rows.next()) {
    const row = rows.current;
    let same = true;
    for (let field = 0; field < columns.length && same; field++) {
      same = equals(ctx, cell(row, columns[field] as number), key.at(field));
    }
    if (!same) continue;
    if (match !== undefined) {
      throw MError.expression('The key matched more than one row in the table.', key);
    }
    match = row;
  }
  if (match !== undefined) return table.rowRecord(match);
  if (optional) return null;
  throw MError.expression("The key didn't match any rows in the table.", key);
}

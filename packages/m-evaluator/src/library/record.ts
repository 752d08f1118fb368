import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { mergeRecords } from '../operators/combine.js';
import { ArrayList, ListValue } from '../values/list.js';
import { RecordLayout, RecordValue } from '../values/record.js';
import { ArrayRows, cell, TableValue } from '../values/table.js';
import { force, Thunk, type Slot } from '../values/thunk.js';
import { recordType, tableType, TYPE, type TypeValue } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import {
  asFunction,
  asList,
  asLogical,
  asRecord,
  asTable,
  asText,
  typeError,
} from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/**
 * `Record.*`. Records are lazy: a function that only moves fields copies their slots, so a field is
 * computed only when it is read, and an error in a field is raised only by reading that field.
 */

/** `MissingField.Error`, `MissingField.Ignore` and `MissingField.UseNull`. */
export const MISSING_FIELD = { error: 0, ignore: 1, useNull: 2 } as const;
type MissingField = (typeof MISSING_FIELD)[keyof typeof MISSING_FIELD];

/** Reads a `missingField` argument (null is `MissingField.Error`). */
export function asMissingField(value: Value): MissingField {
  const plain = strip(value);
  if (plain === null) return MISSING_FIELD.error;
  if (plain === 0 || plain === 1 || plain === 2) return plain;
  throw MError.expression(
    'The missingField argument must be MissingField.Error, MissingField.Ignore or MissingField.UseNull.',
    plain,
  );
}

function missingField(record: RecordValue, name: string): MError {
  return MError.expression(`The field '${name}' of the record wasn't found.`, record);
}

/** One field of a record being built: its name, its (possibly lazy) value, and its declared type. */
interface FieldEntry {
  readonly name: string;
  readonly slot: Slot;
  readonly type: TypeValue;
}

/** The fields of a record with their declared types (`any` unless `Value.ReplaceType` set them). */
function entriesOf(record: RecordValue): FieldEntry[] {
  const declared = record.declaredType?.shape;
  const types = declared?.kind === 'record' ? declared.fields : undefined;
  return record.names.map((name, index) => ({
    name,
    slot: record.slot(index),
    type: types?.[index]?.type ?? TYPE.any,
  }));
}

/**
 * A record of fields; it keeps the declared field types of its source when the source had any
 * (`Record.RenameFields` of a typed record is typed), and raises the error for a repeated name.
 */
function buildRecord(entries: readonly FieldEntry[], typed: boolean): RecordValue {
  const layout = RecordLayout.of(entries.map((entry) => entry.name));
  const slots = entries.map((entry) => entry.slot);
  if (!typed) return new RecordValue(layout, slots);
  return new RecordValue(
    layout,
    slots,
    null,
    recordType(entries.map((entry) => ({ name: entry.name, type: entry.type, optional: false }))),
  );
}

function isTyped(record: RecordValue): boolean {
  return record.declaredType !== null;
}

/** A field name, or a list of field names. */
function fieldNames(ctx: Context, value: Value): string[] {
  const plain = strip(value);
  if (typeof plain === 'string') return [plain];
  if (plain instanceof ListValue) return plain.toArray(ctx).map((name) => asText(name));
  throw typeError(plain, 'list');
}

/** The slots of a list's items, lazy where the list holds them lazily. */
function listSlots(ctx: Context, list: ListValue): Slot[] {
  return list instanceof ArrayList ? list.slots.slice() : list.toArray(ctx);
}

function removeFields(
  ctx: Context,
  record: RecordValue,
  names: Value,
  mode: MissingField,
): RecordValue {
  const removed = new Set(fieldNames(ctx, names));
  if (mode === MISSING_FIELD.error) {
    for (const name of removed) if (!record.has(name)) throw missingField(record, name);
  }
  return buildRecord(
    entriesOf(record).filter((entry) => !removed.has(entry.name)),
    isTyped(record),
  );
}

function selectFields(
  ctx: Context,
  record: RecordValue,
  names: Value,
  mode: MissingField,
): RecordValue {
  const entries = entriesOf(record);
  const selected: FieldEntry[] = [];
  for (const name of fieldNames(ctx, names)) {
    const index = record.layout.indexOf(name);
    const entry = entries[index];
    if (entry !== undefined) {
      selected.push(entry);
    } else if (mode === MISSING_FIELD.error) {
      throw missingField(record, name);
    } else if (mode === MISSING_FIELD.useNull) {
      selected.push({ name, slot: null, type: TYPE.any });
    }
  }
  return buildRecord(selected, isTyped(record));
}

/** Rename operations: one `{old, new}` pair, or a list of pairs. */
function renamePairs(ctx: Context, renames: ListValue): [string, string][] {
  const items = renames.toArray(ctx);
  const pairs = typeof strip(items[0] ?? null) === 'string' ? [renames] : items;
  return pairs.map((pair) => {
    const parts = asList(pair).toArray(ctx);
    if (parts.length !== 2) {
      throw MError.expression(
        'A rename operation must be a list of two field names: the old name and the new name.',
        pair,
      );
    }
    return [asText(parts[0] ?? null), asText(parts[1] ?? null)];
  });
}

function renameFields(
  ctx: Context,
  record: RecordValue,
  renames: ListValue,
  mode: MissingField,
): RecordValue {
  const entries = entriesOf(record);
  const added: FieldEntry[] = [];
  const renamed = new Set<string>();
  for (const [from, to] of renamePairs(ctx, renames)) {
    if (renamed.has(from)) {
      throw MError.expression(`The field '${from}' is renamed more than once.`, from);
    }
    renamed.add(from);
    const index = record.layout.indexOf(from);
    const entry = entries[index];
    if (entry !== undefined) {
      entries[index] = { ...entry, name: to };
    } else if (mode === MISSING_FIELD.error) {
      throw missingField(record, from);
    } else if (mode === MISSING_FIELD.useNull) {
      added.push({ name: to, slot: null, type: TYPE.any });
    }
  }
  return buildRecord([...entries, ...added], isTyped(record));
}

/**
 * `Record.ReorderFields`: the listed fields take, in the listed order, the positions the listed
 * fields held; other fields stay where they are. With `MissingField.UseNull` a missing field is
 * added (as null) at the end first, and then takes part in the reordering.
 */
function reorderFields(
  ctx: Context,
  record: RecordValue,
  order: ListValue,
  mode: MissingField,
): RecordValue {
  const entries = entriesOf(record);
  const names: string[] = [];
  for (const name of order.toArray(ctx).map((item) => asText(item))) {
    if (names.includes(name)) {
      throw MError.expression(`The field '${name}' is listed more than once.`, name);
    }
    if (!record.has(name)) {
      if (mode === MISSING_FIELD.error) throw missingField(record, name);
      if (mode === MISSING_FIELD.ignore) continue;
      entries.push({ name, slot: null, type: TYPE.any });
    }
    names.push(name);
  }
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const positions = entries
    .map((entry, position) => (names.includes(entry.name) ? position : -1))
    .filter((position) => position >= 0);
  const result = entries.slice();
  positions.forEach((position, index) => {
    result[position] = byName.get(names[index] as string) as FieldEntry;
  });
  return buildRecord(result, isTyped(record));
}

/** Transform operations: one `{name, function}` pair, or a list of pairs. */
function transformPairs(ctx: Context, operations: ListValue): [string, Value][] {
  const items = operations.toArray(ctx);
  const pairs = typeof strip(items[0] ?? null) === 'string' ? [operations] : items;
  return pairs.map((pair) => {
    const parts = asList(pair).toArray(ctx);
    if (parts.length !== 2) {
      throw MError.expression(
        'A transform operation must be a list of a field name and a function.',
        pair,
      );
    }
    return [asText(parts[0] ?? null), parts[1] ?? null];
  });
}

function transformFields(
  ctx: Context,
  record: RecordValue,
  operations: ListValue,
  mode: MissingField,
): RecordValue {
  const entries = entriesOf(record);
  const transformed = new Set<string>();
  for (const [name, transformValue] of transformPairs(ctx, operations)) {
    const transform = asFunction(transformValue);
    if (transformed.has(name)) {
      throw MError.expression(`The field '${name}' is transformed more than once.`, name);
    }
    transformed.add(name);
    const index = record.layout.indexOf(name);
    const entry = entries[index];
    if (entry !== undefined) {
      const slot = entry.slot;
      entries[index] = {
        name,
        slot: new Thunk(() => transform.call1(ctx, force(slot))),
        type: TYPE.any,
      };
    } else if (mode === MISSING_FIELD.error) {
      throw missingField(record, name);
    } else if (mode === MISSING_FIELD.useNull) {
      entries.push({ name, slot: new Thunk(() => transform.call1(ctx, null)), type: TYPE.any });
    }
  }
  return buildRecord(entries, isTyped(record));
}

/** `Record.FromList`: field names from a list of texts or from a record type. */
function recordFromList(ctx: Context, values: ListValue, fields: Value): RecordValue {
  const plain = strip(fields);
  const slots = listSlots(ctx, values);
  let names: string[];
  let type: TypeValue | null = null;
  if (plain !== null && typeof plain === 'object' && plain.kind === 'type') {
    const shape = plain.shape;
    if (shape.kind !== 'record') {
      throw MError.expression('The fields must be a list of names or a record type.', plain);
    }
    names = shape.fields.map((field) => field.name);
    if (!shape.open && shape.fields.every((field) => !field.optional)) type = plain;
  } else {
    names = fieldNames(ctx, plain);
  }
  if (names.length !== slots.length) {
    throw MError.expression(
      `The list has ${String(slots.length)} values, but ${String(names.length)} field names were given.`,
      values,
    );
  }
  return new RecordValue(RecordLayout.of(names), slots, null, type);
}

/** `Record.FromTable`: a record from a table of `Name` and `Value` columns. */
function recordFromTable(ctx: Context, table: TableValue): RecordValue {
  const nameColumn = table.layout.indexOf('Name');
  const valueColumn = table.layout.indexOf('Value');
  for (const [column, name] of [
    [nameColumn, 'Name'],
    [valueColumn, 'Value'],
  ] as const) {
    if (column < 0)
      throw MError.expression(`The column '${name}' of the table wasn't found.`, name);
  }
  const names: string[] = [];
  const slots: Slot[] = [];
  for (const row of table.rows(ctx)) {
    names.push(asText(cell(row, nameColumn)));
    slots.push(row[valueColumn] ?? null);
    ctx.tick();
  }
  return new RecordValue(RecordLayout.of(names), slots);
}

const NAME_VALUE_TABLE = tableType(
  recordType([
    { name: 'Name', type: TYPE.text, optional: false },
    { name: 'Value', type: TYPE.any, optional: false },
  ]),
);

/** The `Record.*` functions. */
export const RECORD_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Record.FieldCount',
    '(record as record) as number',
    (_ctx, [record]) => asRecord(record).size,
  ),
  defineFunction(
    'Record.HasFields',
    '(record as record, fields as any) as logical',
    (ctx, [record, fields]) => {
      const target = asRecord(record);
      return fieldNames(ctx, fields).every((name) => target.has(name));
    },
  ),
  defineFunction(
    'Record.Field',
    '(record as record, field as text) as any',
    (_ctx, [record, field]) => asRecord(record).field(asText(field)),
  ),
  defineFunction(
    'Record.FieldOrDefault',
    '(record as nullable record, field as text, optional defaultValue as any) as any',
    (_ctx, [record, field, defaultValue]) => {
      if (strip(record) === null) return defaultValue;
      return asRecord(record).fieldOrUndefined(asText(field)) ?? defaultValue;
    },
  ),
  defineFunction('Record.FieldNames', '(record as record) as list', (_ctx, [record]) =>
    ArrayList.of([...asRecord(record).names]),
  ),
  defineFunction(
    'Record.FieldValues',
    '(record as record) as list',
    (_ctx, [record]) => new ArrayList(asRecord(record).slots.slice()),
  ),
  defineFunction(
    'Record.ToList',
    '(record as record) as list',
    (_ctx, [record]) => new ArrayList(asRecord(record).slots.slice()),
  ),
  defineFunction('Record.ToTable', '(record as record) as table', (_ctx, [value]) => {
    const record = asRecord(value);
    return new TableValue(
      NAME_VALUE_TABLE,
      new ArrayRows(record.names.map((name, index) => [name, record.slot(index)])),
    );
  }),
  defineFunction(
    'Record.FromList',
    '(list as list, fields as any) as record',
    (ctx, [list, fields]) => recordFromList(ctx, asList(list), fields),
  ),
  defineFunction('Record.FromTable', '(table as table) as record', (ctx, [table]) =>
    recordFromTable(ctx, asTable(table)),
  ),
  defineFunction(
    'Record.AddField',
    '(record as record, fieldName as text, value as any, optional delayed as nullable logical) as record',
    (ctx, [record, name, value, delayed]) => {
      const source = asRecord(record);
      let slot: Slot = value;
      if (strip(delayed) !== null && asLogical(delayed)) {
        const producer = asFunction(value);
        slot = new Thunk(() => producer.invoke(ctx, []));
      }
      return buildRecord(
        [...entriesOf(source), { name: asText(name), slot, type: TYPE.any }],
        isTyped(source),
      );
    },
  ),
  defineFunction('Record.Combine', '(records as list) as record', (ctx, [records]) => {
    let result = RecordValue.EMPTY;
    for (const item of asList(records).toArray(ctx)) {
      const plain = strip(item);
      if (!(plain instanceof RecordValue)) {
        throw MError.expression('Record.Combine can only combine records.', plain);
      }
      result = mergeRecords(result, plain);
    }
    return result.meta === null && result.declaredType === null
      ? result
      : new RecordValue(result.layout, result.slots);
  }),
  defineFunction(
    'Record.RemoveFields',
    '(record as record, fields as any, optional missingField as nullable number) as record',
    (ctx, [record, fields, mode]) =>
      removeFields(ctx, asRecord(record), fields, asMissingField(mode)),
  ),
  defineFunction(
    'Record.SelectFields',
    '(record as record, fields as any, optional missingField as nullable number) as record',
    (ctx, [record, fields, mode]) =>
      selectFields(ctx, asRecord(record), fields, asMissingField(mode)),
  ),
  defineFunction(
    'Record.RenameFields',
    '(record as record, renames as list, optional missingField as nullable number) as record',
    (ctx, [record, renames, mode]) =>
      renameFields(ctx, asRecord(record), asList(renames), asMissingField(mode)),
  ),
  defineFunction(
    'Record.ReorderFields',
    '(record as record, fieldOrder as list, optional missingField as nullable number) as record',
    (ctx, [record, order, mode]) =>
      reorderFields(ctx, asRecord(record), asList(order), asMissingField(mode)),
  ),
  defineFunction(
    'Record.TransformFields',
    '(record as record, transformOperations as list, optional missingField as nullable number) as record',
    (ctx, [record, operations, mode]) =>
      transformFields(ctx, asRecord(record), asList(operations), asMissingField(mode)),
  ),
];

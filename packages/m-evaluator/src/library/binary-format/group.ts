import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { equals } from '../../operators/compare.js';
import type { FunctionValue } from '../../values/function.js';
import { ArrayList } from '../../values/list.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asList } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { asFormat } from './formats.js';
import {
  BINARY_OCCURRENCE,
  binaryFormat,
  remaining,
  type BinaryReader,
  type ReadFormat,
} from './reader.js';

/**
 * `BinaryFormat.Group`: keyed items in any order, each key followed by its item's value, read until
 * the end of the data (or a last key). The result lists the items' values in the order of the group's
 * definitions.
 */

type Occurrence = (typeof BINARY_OCCURRENCE)[keyof typeof BINARY_OCCURRENCE];

/** One item definition: `{key, format, occurrence, optional default, optional transform}`. */
interface GroupItem {
  readonly key: Value;
  readonly read: ReadFormat;
  readonly occurrence: Occurrence;
  /** The value when the item does not appear (null for the documented default). */
  readonly fallback: Value;
  readonly transform: FunctionValue | null;
}

function occurrenceOf(value: Value): Occurrence {
  const plain = strip(value);
  if (plain === 0 || plain === 1 || plain === 2) return plain;
  throw MError.expression(
    'The occurrence of a group item must be BinaryOccurrence.Optional (0), BinaryOccurrence.Required (1) or BinaryOccurrence.Repeating (2).',
    plain,
  );
}

function groupItem(ctx: Context, value: Value): GroupItem {
  const parts = asList(value).toArray(ctx);
  if (parts.length < 3 || parts.length > 5) {
    throw MError.expression(
      'Each item of a group must be a list of 3 to 5 values: the key, the item format, the occurrence, and optionally the default value and a transform function.',
      strip(value),
    );
  }
  const [key, format, occurrence, fallback = null, transform = null] = parts as [
    Value,
    Value,
    Value,
    Value?,
    Value?,
  ];
  return {
    key,
    read: asFormat(format, 'The item format of a group item'),
    occurrence: occurrenceOf(occurrence),
    fallback: strip(fallback),
    transform: strip(transform) === null ? null : asFunction(transform),
  };
}

function groupItems(ctx: Context, group: Value): GroupItem[] {
  const items = asList(group)
    .toArray(ctx)
    .map((value) => groupItem(ctx, value));
  items.forEach((item, index) => {
    if (items.slice(0, index).some((earlier) => equals(ctx, earlier.key, item.key))) {
      throw MError.expression('The keys of the items of a group must be unique.', item.key);
    }
  });
  return items;
}

/** The value of an item after reading: what was read, transformed, or its default. */
function itemValue(ctx: Context, item: GroupItem, values: readonly Value[]): Value {
  if (values.length === 0) {
    if (item.occurrence === BINARY_OCCURRENCE.required) {
      throw MError.expression('A required item of the group is missing from the data.', item.key);
    }
    if (item.fallback !== null) return item.fallback;
    return item.occurrence === BINARY_OCCURRENCE.repeating ? ArrayList.EMPTY : null;
  }
  const value =
    item.occurrence === BINARY_OCCURRENCE.repeating ? ArrayList.of([...values]) : values[0];
  return item.transform === null ? (value ?? null) : item.transform.call1(ctx, value ?? null);
}

interface GroupDefinition {
  readonly key: ReadFormat;
  readonly items: readonly GroupItem[];
  readonly extra: FunctionValue | null;
  /** The key that ends the group, or undefined to read to the end of the data. */
  readonly lastKey: Value | undefined;
}

function readGroup(
  ctx: Context,
  reader: BinaryReader,
  littleEndian: boolean,
  group: GroupDefinition,
): Value {
  const found: Value[][] = group.items.map(() => []);
  while (remaining(reader) > 0) {
    const start = reader.position;
    const key = group.key(ctx, reader, littleEndian);
    if (group.lastKey !== undefined && equals(ctx, key, group.lastKey)) break;
    const index = group.items.findIndex((item) => equals(ctx, item.key, key));
    const item = group.items[index];
    const values = found[index];
    if (
      item !== undefined &&
      values !== undefined &&
      (item.occurrence === BINARY_OCCURRENCE.repeating || values.length === 0)
    ) {
      values.push(item.read(ctx, reader, littleEndian));
    } else if (group.extra !== null) {
      const extra = asFormat(
        group.extra.call1(ctx, key),
        'The value the extra function of BinaryFormat.Group returns',
      );
      extra(ctx, reader, littleEndian);
    } else {
      throw MError.expression(
        'The group has a key that is not expected here (no item has it, or it repeats an item that is not repeating), and no extra function to read its value.',
        strip(key),
      );
    }
    if (reader.position === start) {
      throw MError.expression(
        'BinaryFormat.Group cannot read keys and items that take no bytes until the end of the data.',
      );
    }
    ctx.tick();
  }
  return ArrayList.of(group.items.map((item, index) => itemValue(ctx, item, found[index] ?? [])));
}

/** `BinaryFormat.Group`. */
export const BINARY_FORMAT_GROUP: readonly LibraryEntry[] = [
  defineFunction(
    'BinaryFormat.Group',
    '(binaryFormat as function, group as list, optional extra as nullable function, optional lastKey as any) as function',
    (ctx, [format, group, extra, lastKey]) => {
      const definition: GroupDefinition = {
        key: asFormat(format, 'The key format of BinaryFormat.Group'),
        items: groupItems(ctx, group),
        extra: extra === null ? null : asFunction(extra),
        lastKey: strip(lastKey) === null ? undefined : lastKey,
      };
      return binaryFormat((readerCtx, reader, littleEndian) =>
        readGroup(readerCtx, reader, littleEndian, definition),
      );
    },
  ),
];

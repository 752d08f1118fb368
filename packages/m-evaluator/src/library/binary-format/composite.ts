import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { BinaryValue } from '../../values/binary.js';
import { FunctionValue } from '../../values/function.js';
import { ArrayList } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asLogical, asRecord, asType } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { codePageOf, decodeText } from '../encoding.js';
import { asFormat, countSource, formatOf, readCount, type CountSource } from './formats.js';
import {
  binaryFormat,
  BYTE_ORDER,
  remaining,
  take,
  type BinaryReader,
  type ReadFormat,
} from './reader.js';

/**
 * The BinaryFormat functions that make formats out of other formats: `Binary`, `Text`, `Length`,
 * `List`, `Record`, `Transform`, `Choice` and `ByteOrder`.
 */

/** The error for a format that would repeat forever without reading anything. */
function noProgress(): MError {
  return MError.expression(
    'BinaryFormat.List cannot repeat an item format that reads no bytes until the end of the data.',
  );
}

/** Reads the items of `BinaryFormat.List` until the end of the data. */
function readToEnd(
  ctx: Context,
  reader: BinaryReader,
  littleEndian: boolean,
  item: ReadFormat,
): Value[] {
  const items: Value[] = [];
  while (remaining(reader) > 0) {
    const start = reader.position;
    items.push(item(ctx, reader, littleEndian));
    if (reader.position === start) throw noProgress();
    ctx.tick();
  }
  return items;
}

/** `BinaryFormat.List(format, condition)`: items while the condition holds, the last one included. */
function readWhile(
  ctx: Context,
  reader: BinaryReader,
  littleEndian: boolean,
  item: ReadFormat,
  condition: FunctionValue,
): Value[] {
  const items: Value[] = [];
  while (remaining(reader) > 0) {
    const start = reader.position;
    const value = item(ctx, reader, littleEndian);
    items.push(value);
    if (!asLogical(condition.call1(ctx, value))) break;
    if (reader.position === start) throw noProgress();
    ctx.tick();
  }
  return items;
}

function listFormat(item: ReadFormat, how: Value): ReadFormat {
  const plain = strip(how);
  if (plain === null) {
    return (ctx, reader, littleEndian) => ArrayList.of(readToEnd(ctx, reader, littleEndian, item));
  }
  if (plain instanceof FunctionValue && formatOf(plain) === undefined) {
    return (ctx, reader, littleEndian) =>
      ArrayList.of(readWhile(ctx, reader, littleEndian, item, plain));
  }
  const count = countSource(plain, 'The count of BinaryFormat.List');
  return (ctx, reader, littleEndian) => {
    const total = readCount(ctx, reader, littleEndian, count, 'The count of BinaryFormat.List');
    const items: Value[] = [];
    for (let index = 0; index < total; index++) {
      items.push(item(ctx, reader, littleEndian));
      ctx.tick();
    }
    return ArrayList.of(items);
  };
}

/** `BinaryFormat.Length`: the inner format reads within the next `length` bytes, then skips them. */
function lengthFormat(inner: ReadFormat, length: CountSource): ReadFormat {
  return (ctx, reader, littleEndian) => {
    const size = readCount(ctx, reader, littleEndian, length, 'The length of BinaryFormat.Length');
    const bytes = take(reader, size);
    return inner(ctx, { bytes, position: 0, end: bytes.length }, littleEndian);
  };
}

/** The next bytes: `length` of them, or all that remain when there is no length. */
function binaryOf(length: CountSource | null): ReadFormat {
  return (ctx, reader, littleEndian) => {
    const size =
      length === null
        ? remaining(reader)
        : readCount(ctx, reader, littleEndian, length, 'The length of BinaryFormat.Binary');
    return new BinaryValue(take(reader, size).slice());
  };
}

function recordFormat(record: RecordValue): ReadFormat {
  return (ctx, reader, littleEndian) => {
    const fields: [string, Value][] = [];
    record.names.forEach((name, index) => {
      const value = record.at(index);
      const read = formatOf(value);
      fields.push([name, read === undefined ? value : read(ctx, reader, littleEndian)]);
    });
    return RecordValue.of(fields);
  };
}

function byteOrderOf(value: Value): boolean {
  const plain = strip(value);
  if (plain === BYTE_ORDER.littleEndian) return true;
  if (plain === BYTE_ORDER.bigEndian) return false;
  throw MError.expression(
    'The byte order must be ByteOrder.LittleEndian (0) or ByteOrder.BigEndian (1).',
    plain,
  );
}

/** Checks `BinaryFormat.Choice`'s `type`: `type any`, `type list` or `type binary`. */
function checkChoiceType(value: Value): void {
  if (value === null) return;
  const type = asType(value);
  if (
    !type.nullable &&
    (type.isPrimitive('any') || type.isPrimitive('list') || type.isPrimitive('binary'))
  ) {
    return;
  }
  throw MError.expression(
    'The type of BinaryFormat.Choice must be type any, type list or type binary.',
    type,
  );
}

/** The composite formats of the BinaryFormat namespace. */
export const BINARY_FORMAT_COMPOSITES: readonly LibraryEntry[] = [
  defineFunction('BinaryFormat.Binary', '(optional length as any) as function', (_ctx, [length]) =>
    binaryFormat(
      binaryOf(length === null ? null : countSource(length, 'The length of BinaryFormat.Binary')),
    ),
  ),
  defineFunction(
    'BinaryFormat.Text',
    '(length as any, optional encoding as nullable number) as function',
    (_ctx, [length, encoding]) => {
      const size = countSource(length, 'The length of BinaryFormat.Text');
      const codePage = codePageOf(encoding, null);
      return binaryFormat((ctx, reader, littleEndian) => {
        const count = readCount(ctx, reader, littleEndian, size, 'The length of BinaryFormat.Text');
        return decodeText(take(reader, count), codePage);
      });
    },
  ),
  defineFunction(
    'BinaryFormat.Length',
    '(binaryFormat as function, length as any) as function',
    (_ctx, [format, length]) =>
      binaryFormat(
        lengthFormat(
          asFormat(format, 'The format of BinaryFormat.Length'),
          countSource(length, 'The length of BinaryFormat.Length'),
        ),
      ),
  ),
  defineFunction(
    'BinaryFormat.List',
    '(binaryFormat as function, optional countOrCondition as any) as function',
    (_ctx, [format, how]) =>
      binaryFormat(listFormat(asFormat(format, 'The item format of BinaryFormat.List'), how)),
  ),
  defineFunction('BinaryFormat.Record', '(record as record) as function', (_ctx, [record]) =>
    binaryFormat(recordFormat(asRecord(record))),
  ),
  defineFunction(
    'BinaryFormat.Transform',
    '(binaryFormat as function, #"function" as function) as function',
    (_ctx, [format, transform]) => {
      const read = asFormat(format, 'The format of BinaryFormat.Transform');
      const fn = asFunction(transform);
      return binaryFormat((ctx, reader, littleEndian) =>
        fn.call1(ctx, read(ctx, reader, littleEndian)),
      );
    },
  ),
  defineFunction(
    'BinaryFormat.Choice',
    '(binaryFormat as function, chooseFunction as function, optional #"type" as nullable type, optional combineFunction as nullable function) as function',
    (_ctx, [format, chooseFunction, type, combineFunction]) => {
      const first = asFormat(format, 'The format of BinaryFormat.Choice');
      const choose = asFunction(chooseFunction);
      checkChoiceType(type);
      const combine = combineFunction === null ? null : asFunction(combineFunction);
      return binaryFormat((ctx, reader, littleEndian) => {
        const value = first(ctx, reader, littleEndian);
        const second = asFormat(
          choose.call1(ctx, value),
          'The value the choice function of BinaryFormat.Choice returns',
        );
        const chosen = second(ctx, reader, littleEndian);
        return combine === null ? chosen : combine.call2(ctx, value, chosen);
      });
    },
  ),
  defineFunction(
    'BinaryFormat.ByteOrder',
    '(binaryFormat as function, byteOrder as number) as function',
    (_ctx, [format, byteOrder]) => {
      const read = asFormat(format, 'The format of BinaryFormat.ByteOrder');
      const littleEndian = byteOrderOf(byteOrder);
      return binaryFormat((ctx, reader) => read(ctx, reader, littleEndian));
    },
  ),
];

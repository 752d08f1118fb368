import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import type { FunctionValue } from '../../values/function.js';
import { RecordValue } from '../../values/record.js';
import { TYPE } from '../../values/type.js';
import type { Value } from '../../values/value.js';
import { asBinary } from '../arguments.js';
import { ComputedFunction, parameter } from '../text/computed-function.js';

/**
 * The machinery behind binary format values. A binary format is a function from a binary to a value;
 * inside another format (a list of records, a group of items) it reads from where the previous one
 * stopped, so each format is also a {@link ReadFormat} over a shared {@link BinaryReader}.
 */

/**
 * The bytes a format reads from: its position moves forward as values are read, and it never reads
 * at or past `end` (a `BinaryFormat.Length` narrows the end for the format it limits).
 */
export interface BinaryReader {
  readonly bytes: Uint8Array;
  position: number;
  readonly end: number;
}

/**
 * Reads one value at the reader's position and moves past it. `littleEndian` is the byte order of
 * multi-byte numbers: big-endian unless a `BinaryFormat.ByteOrder` says otherwise.
 */
export type ReadFormat = (ctx: Context, reader: BinaryReader, littleEndian: boolean) => Value;

/** The values of `ByteOrder.LittleEndian` and `ByteOrder.BigEndian`. */
export const BYTE_ORDER = { littleEndian: 0, bigEndian: 1 } as const;

/** The values of `BinaryOccurrence.Optional`, `Required` and `Repeating`. */
export const BINARY_OCCURRENCE = { optional: 0, required: 1, repeating: 2 } as const;

/** A reader over all of a binary value's bytes. */
export function readerOver(bytes: Uint8Array): BinaryReader {
  return { bytes, position: 0, end: bytes.length };
}

/** How many bytes are left before the reader's end. */
export function remaining(reader: BinaryReader): number {
  return reader.end - reader.position;
}

/** The engine's error for input that ends before a format has read all it needs. */
export function endOfBuffer(reader: BinaryReader, needed: number): MError {
  return MError.dataFormat(
    'We reached the end of the buffer.',
    RecordValue.of([
      ['Position', reader.position],
      ['Needed', needed],
      ['Available', remaining(reader)],
    ]),
  );
}

/** The next `count` bytes (a view, not a copy), moving past them; an error when there are fewer. */
export function take(reader: BinaryReader, count: number): Uint8Array {
  if (count > remaining(reader)) throw endOfBuffer(reader, count);
  const start = reader.position;
  reader.position += count;
  return reader.bytes.subarray(start, start + count);
}

/**
 * What a binary format value made at run time carries (`ComputedFunction.data`), so that formats
 * that contain it can read it in place rather than call it on a binary of its own.
 */
export class BinaryFormatData {
  constructor(readonly read: ReadFormat) {}
}

/** Reads a whole binary value with a format, from its first byte, big-endian. */
export function readBinary(ctx: Context, binary: Value, read: ReadFormat): Value {
  return read(ctx, readerOver(asBinary(binary).bytes), false);
}

/**
 * A binary format value: the function `(binary as binary) as any` that reads its argument from the
 * start (bytes after the value are ignored), and that other formats can recognise and read in place.
 */
export function binaryFormat(read: ReadFormat): FunctionValue {
  return new ComputedFunction(
    [parameter('binary', TYPE.binary)],
    TYPE.any,
    (ctx, [binary]) => readBinary(ctx, binary, read),
    new BinaryFormatData(read),
  );
}

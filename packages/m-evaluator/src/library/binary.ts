import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { BinaryValue } from '../values/binary.js';
import { type FunctionValue } from '../values/function.js';
import { ArrayList, StreamList, type ListCursor } from '../values/list.js';
import { strip, type Value } from '../values/value.js';
import {
  asBinary,
  asCount,
  asFunction,
  asInteger,
  asList,
  asRecord,
  asText,
  typeError,
} from './arguments.js';
import { inferContentType } from './binary-content-type.js';
import { compress, decompress } from './compression.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { BINARY_ENCODING } from './encoding.js';

/**
 * `Binary.*`: binary values (bytes in memory), their text forms (base64 and hex), ranges, pages,
 * compression and content type, and `Binary.View` over handlers.
 */

function binaryEncodingOf(value: Value): number {
  if (value === null) return BINARY_ENCODING.base64;
  const encoding = asInteger(value, 'The binary encoding');
  if (encoding !== BINARY_ENCODING.base64 && encoding !== BINARY_ENCODING.hex) {
    throw MError.expression(
      'The binary encoding must be BinaryEncoding.Base64 or BinaryEncoding.Hex.',
      encoding,
    );
  }
  return encoding;
}

/** Bytes from their base64 form (whitespace ignored; padding optional). */
export function fromBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) {
    throw MError.dataFormat('The text is not valid base64.', text);
  }
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** Bytes from their hexadecimal form (two digits a byte, either case; whitespace ignored). */
export function fromHex(text: string): Uint8Array {
  const compact = text.replace(/\s+/g, '');
  if (!/^(?:[0-9A-Fa-f]{2})*$/.test(compact)) {
    throw MError.dataFormat('The text is not valid hexadecimal (two digits for each byte).', text);
  }
  return new Uint8Array(Buffer.from(compact, 'hex'));
}

function fromText(text: string, encoding: Value): BinaryValue {
  return new BinaryValue(
    binaryEncodingOf(encoding) === BINARY_ENCODING.hex ? fromHex(text) : fromBase64(text),
  );
}

function toText(bytes: Uint8Array, encoding: Value): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
    binaryEncodingOf(encoding) === BINARY_ENCODING.hex ? 'hex' : 'base64',
  );
}

/** The bytes of a list of numbers, each a whole number from 0 to 255. */
function bytesOfList(ctx: Context, list: Value): Uint8Array {
  const items = asList(list).toArray(ctx);
  const bytes = new Uint8Array(items.length);
  items.forEach((item, index) => {
    const byte = strip(item);
    if (typeof byte !== 'number') throw typeError(byte, 'number');
    if (!Number.isInteger(byte) || byte < 0 || byte > 255) {
      throw MError.expression('Each item must be a whole number from 0 to 255.', byte);
    }
    bytes[index] = byte;
  });
  return bytes;
}

/** `Binary.Split`: pages of `size` bytes, the last one shorter; each made when it is read. */
function pages(bytes: Uint8Array, size: number): StreamList {
  const count = Math.ceil(bytes.length / size);
  return new StreamList(
    (ctx): ListCursor => {
      let page = -1;
      const cursor = {
        current: null as Value,
        next(): boolean {
          page++;
          if (page >= count) return false;
          cursor.current = new BinaryValue(bytes.slice(page * size, (page + 1) * size));
          ctx.tick();
          return true;
        },
      };
      return cursor;
    },
    () => count,
  );
}

function nullableBinary(value: Value, run: (binary: BinaryValue) => Value): Value {
  return value === null ? null : run(asBinary(value));
}

/**
 * `Binary.View`: bytes are in memory here, so the view is made at once from the `GetStream` handler
 * (or the binary itself when there is none, or when the handler fails and there is a binary).
 */
function view(ctx: Context, binary: Value, handlers: Value): BinaryValue {
  const record = asRecord(handlers);
  const getStream = record.fieldOrUndefined('GetStream');
  const base = binary === null ? null : asBinary(binary);
  if (getStream === undefined || strip(getStream) === null) {
    if (base === null) {
      throw MError.expression('A view of a null binary needs a GetStream handler.', record);
    }
    return base;
  }
  try {
    return asBinary(asFunction(getStream).invoke(ctx, []));
  } catch (error) {
    if (error instanceof MError && base !== null) return base;
    throw error;
  }
}

/** The Binary namespace. */
export const BINARY_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Binary.From',
    '(value as any, optional encoding as nullable number) as nullable binary',
    (_ctx, [value, encoding]) => {
      const plain = strip(value);
      if (plain === null || plain instanceof BinaryValue) return plain;
      if (typeof plain === 'string') return fromText(plain, encoding);
      throw typeError(plain, 'binary');
    },
  ),
  defineFunction(
    'Binary.FromText',
    '(text as nullable text, optional encoding as nullable number) as nullable binary',
    (_ctx, [text, encoding]) => (text === null ? null : fromText(asText(text), encoding)),
  ),
  defineFunction(
    'Binary.ToText',
    '(binary as nullable binary, optional encoding as nullable number) as nullable text',
    (_ctx, [binary, encoding]) => nullableBinary(binary, (value) => toText(value.bytes, encoding)),
  ),
  defineFunction(
    'Binary.FromList',
    '(list as list) as binary',
    (ctx, [list]) => new BinaryValue(bytesOfList(ctx, list)),
  ),
  defineFunction('Binary.ToList', '(binary as binary) as list', (_ctx, [binary]) =>
    ArrayList.of(Array.from(asBinary(binary).bytes)),
  ),
  defineFunction(
    'Binary.Buffer',
    '(binary as nullable binary) as nullable binary',
    (_ctx, [binary]) => nullableBinary(binary, (value) => value),
  ),
  defineFunction(
    'Binary.Length',
    '(binary as nullable binary) as nullable number',
    (_ctx, [binary]) => nullableBinary(binary, (value) => value.length),
  ),
  defineFunction(
    'Binary.ApproximateLength',
    '(binary as nullable binary) as nullable number',
    (_ctx, [binary]) => nullableBinary(binary, (value) => value.length),
  ),
  defineFunction(
    'Binary.Range',
    '(binary as binary, offset as number, optional count as nullable number) as binary',
    (_ctx, [binary, offset, count]) => {
      const bytes = asBinary(binary).bytes;
      const from = asCount(offset, 'The offset');
      if (from > bytes.length) {
        throw MError.expression(
          `The offset ${String(from)} is past the end of the binary, which has ${String(bytes.length)} bytes.`,
          from,
        );
      }
      const length = count === null ? bytes.length - from : asCount(count);
      return new BinaryValue(bytes.slice(from, from + length));
    },
  ),
  defineFunction('Binary.Combine', '(binaries as list) as binary', (ctx, [binaries]) => {
    const parts = asList(binaries)
      .toArray(ctx)
      .map((item) => asBinary(item).bytes);
    return new BinaryValue(new Uint8Array(Buffer.concat(parts)));
  }),
  defineFunction(
    'Binary.Split',
    '(binary as binary, pageSize as number) as list',
    (_ctx, [binary, pageSize]) => {
      const size = asInteger(pageSize, 'The page size');
      if (size < 1) throw MError.expression('The page size must be 1 or more.', size);
      return pages(asBinary(binary).bytes, size);
    },
  ),
  defineFunction(
    'Binary.Compress',
    '(binary as nullable binary, compressionType as number) as nullable binary',
    (_ctx, [binary, compressionType]) =>
      nullableBinary(binary, (value) => new BinaryValue(compress(value.bytes, compressionType))),
  ),
  defineFunction(
    'Binary.Decompress',
    '(binary as nullable binary, compressionType as number) as nullable binary',
    (_ctx, [binary, compressionType]) =>
      nullableBinary(binary, (value) => new BinaryValue(decompress(value.bytes, compressionType))),
  ),
  defineFunction('Binary.InferContentType', '(source as binary) as record', (_ctx, [source]) =>
    inferContentType(asBinary(source).bytes),
  ),
  defineFunction(
    'Binary.View',
    '(binary as nullable binary, handlers as record) as binary',
    (ctx, [binary, handlers]) => view(ctx, binary, handlers),
  ),
  defineFunction('Binary.ViewError', '(errorRecord as record) as record', (_ctx, [errorRecord]) =>
    asRecord(errorRecord),
  ),
  defineFunction(
    'Binary.ViewFunction',
    '(function as function) as function',
    (_ctx, [fn]): FunctionValue => asFunction(fn),
  ),
];

import {
  brotliCompressSync,
  brotliDecompressSync,
  deflateRawSync,
  gunzipSync,
  gzipSync,
  inflateRawSync,
} from 'node:zlib';
import { MError } from '../errors.js';
import { TYPE } from '../values/type.js';
import type { Value } from '../values/value.js';
import { asInteger } from './arguments.js';
import { defineConstant, type LibraryEntry } from './define.js';

/**
 * `Compression.*` and the codecs behind `Binary.Compress` and `Binary.Decompress` (node:zlib): GZip,
 * raw Deflate (as .NET's DeflateStream writes it) and Brotli. Snappy, LZ4 and Zstandard are named
 * but have no codec here.
 */
export const COMPRESSION = {
  none: -1,
  gzip: 0,
  deflate: 1,
  snappy: 2,
  brotli: 3,
  lz4: 4,
  zstandard: 5,
} as const;

const NAMES: Readonly<Record<number, string>> = {
  [COMPRESSION.snappy]: 'Snappy',
  [COMPRESSION.lz4]: 'LZ4',
  [COMPRESSION.zstandard]: 'Zstandard',
};

function compressionOf(value: Value): number {
  const kind = asInteger(value, 'The compression type');
  if (kind < COMPRESSION.none || kind > COMPRESSION.zstandard) {
    throw MError.expression('The compression type must be one of the Compression values.', kind);
  }
  const name = NAMES[kind];
  if (name !== undefined) {
    throw MError.expression(`${name} compression is not supported by this engine.`, kind);
  }
  return kind;
}

/** Compresses bytes with a `Compression` type. */
export function compress(bytes: Uint8Array, type: Value): Uint8Array {
  switch (compressionOf(type)) {
    case COMPRESSION.gzip:
      return new Uint8Array(gzipSync(bytes));
    case COMPRESSION.deflate:
      return new Uint8Array(deflateRawSync(bytes));
    case COMPRESSION.brotli:
      return new Uint8Array(brotliCompressSync(bytes));
    default:
      return bytes.slice();
  }
}

/** Decompresses bytes; data that is not in the format raises a `DataFormat.Error`. */
export function decompress(bytes: Uint8Array, type: Value): Uint8Array {
  const kind = compressionOf(type);
  try {
    switch (kind) {
      case COMPRESSION.gzip:
        return new Uint8Array(gunzipSync(bytes));
      case COMPRESSION.deflate:
        return new Uint8Array(inflateRawSync(bytes));
      case COMPRESSION.brotli:
        return new Uint8Array(brotliDecompressSync(bytes));
      default:
        return bytes.slice();
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error) {
      throw MError.dataFormat(`The data could not be decompressed: ${error.message}.`);
    }
    throw error;
  }
}

/** The `Compression.*` constants. */
export const COMPRESSION_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('Compression.Type', TYPE.number),
  defineConstant('Compression.None', COMPRESSION.none),
  defineConstant('Compression.GZip', COMPRESSION.gzip),
  defineConstant('Compression.Deflate', COMPRESSION.deflate),
  defineConstant('Compression.Snappy', COMPRESSION.snappy),
  defineConstant('Compression.Brotli', COMPRESSION.brotli),
  defineConstant('Compression.LZ4', COMPRESSION.lz4),
  defineConstant('Compression.Zstandard', COMPRESSION.zstandard),
];

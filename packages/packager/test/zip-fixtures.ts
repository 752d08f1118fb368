import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builders of raw zip records for tests of the safe reader: unlike a zip library, they write
 * whatever they are told, including lies about sizes, names and offsets.
 */

/** One entry of {@link rawZip}. */
export interface RawEntry {
  /** The name, as text (written as UTF-8) or as raw bytes. */
  readonly name: string | Uint8Array;
  /** The uncompressed content. Default: empty. */
  readonly data?: Uint8Array;
  /** 0 (stored) or 8 (deflate, the default), or any other number to test refusal. */
  readonly method?: number;
  /** The compressed bytes to store instead of compressing `data`. */
  readonly compressed?: Uint8Array;
  /** The uncompressed size to declare instead of `data.length`. */
  readonly declaredSize?: number;
  /** The CRC-32 to declare instead of the real one. */
  readonly crc?: number;
  /** General purpose flags. Default 0x0800 (UTF-8 names). */
  readonly flags?: number;
  /** The "version made by" field: the high byte is the system (3 = UNIX). Default 20 (DOS). */
  readonly madeBy?: number;
  /** External file attributes. Default 0. */
  readonly externalAttributes?: number;
  /** A name for the local header that differs from the central directory's. */
  readonly localName?: string;
}

/** Options of {@link rawZip}. */
export interface RawZipOptions {
  /** The entry count to declare in the end record instead of the real one. */
  readonly declaredCount?: number;
  /** Bytes to put before the first local header. */
  readonly prefix?: Uint8Array;
}

/** Writes a zip archive exactly as described, lies included. */
export function rawZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Uint8Array {
  const locals: Uint8Array[] = [options.prefix ?? new Uint8Array(0)];
  const centrals: Uint8Array[] = [];
  let offset = options.prefix?.length ?? 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? utf8(entry.name) : entry.name;
    const data = entry.data ?? new Uint8Array(0);
    const method = entry.method ?? 8;
    const compressed = entry.compressed ?? (method === 8 ? deflateRawSync(data) : data);
    const fields: RecordFields = {
      flags: entry.flags ?? 0x0800,
      method,
      crc: entry.crc ?? crc32(data),
      compressedSize: compressed.length,
      size: entry.declaredSize ?? data.length,
    };
    const local = concat(
      localHeader(entry.localName === undefined ? name : utf8(entry.localName), fields),
      compressed,
    );
    centrals.push(
      centralRecord(name, fields, offset, {
        madeBy: entry.madeBy ?? 20,
        externalAttributes: entry.externalAttributes ?? 0,
      }),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = concat(...centrals);
  return concat(
    ...locals,
    central,
    endRecord(options.declaredCount ?? entries.length, central.length, offset),
  );
}

/** The fields a local header and a central record share. */
export interface RecordFields {
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

/** A local file header (30 bytes and the name). */
export function localHeader(name: Uint8Array, fields: RecordFields): Uint8Array {
  const bytes = new Uint8Array(30 + name.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, fields.flags, true);
  view.setUint16(8, fields.method, true);
  view.setUint16(12, 0x21, true); // 1980-01-01
  view.setUint32(14, fields.crc >>> 0, true);
  view.setUint32(18, fields.compressedSize, true);
  view.setUint32(22, fields.size, true);
  view.setUint16(26, name.length, true);
  bytes.set(name, 30);
  return bytes;
}

/** A central directory record (46 bytes and the name). */
export function centralRecord(
  name: Uint8Array,
  fields: RecordFields,
  localOffset: number,
  extra: { readonly madeBy: number; readonly externalAttributes: number },
): Uint8Array {
  const bytes = new Uint8Array(46 + name.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, extra.madeBy, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, fields.flags, true);
  view.setUint16(10, fields.method, true);
  view.setUint16(14, 0x21, true);
  view.setUint32(16, fields.crc >>> 0, true);
  view.setUint32(20, fields.compressedSize, true);
  view.setUint32(24, fields.size, true);
  view.setUint16(28, name.length, true);
  view.setUint32(38, extra.externalAttributes >>> 0, true);
  view.setUint32(42, localOffset, true);
  bytes.set(name, 46);
  return bytes;
}

/** An end-of-central-directory record. */
export function endRecord(count: number, centralSize: number, centralOffset: number): Uint8Array {
  const bytes = new Uint8Array(22);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, centralSize, true);
  view.setUint32(16, centralOffset, true);
  return bytes;
}

/** The bytes of the arrays, one after the other. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

/** UTF-8 bytes of a text. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

import { promisify } from 'node:util';
import { crc32, deflateRaw, constants as zlibConstants } from 'node:zlib';
import { ZipError } from './errors.js';
import {
  checkEntryName,
  entryNameKey,
  findPathConflict,
  isFolderEntryName,
  quoteEntryName,
} from './zip-entry-name.js';

/** A file to write into an archive. */
export interface ZipFileInput {
  /** A relative path with `/` separators; it must pass `checkEntryName`. */
  readonly name: string;
  readonly data: Uint8Array;
}

/** Options of {@link writeZip}. */
export interface WriteZipOptions {
  /**
   * The modification time stamped on every entry. Default {@link FIXED_ZIP_DATE}. Only its UTC
   * fields count (see {@link writeZip}); it must fall between 1980 and 2107, and odd seconds are
   * rounded down, as the zip format keeps two-second steps.
   */
  readonly date?: Date;
}

/**
 * The time stamped on every entry by default: 1980-01-01 00:00:00, the earliest time a zip file can
 * hold. Fixed, so that the same files always give the same bytes.
 */
export const FIXED_ZIP_DATE: Date = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** The deflate level of every entry: fixed (zlib's default), so the output depends only on the input. */
const COMPRESSION_LEVEL = 6;

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
/** "Version needed to extract" and "version made by": 2.0, made on DOS (high byte 0). */
const ZIP_VERSION = 20;
/** General-purpose flag bit 11: the name is UTF-8. */
const FLAG_UTF8 = 0x0800;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_RECORD_SIZE = 22;
/** The largest count or size a zip without ZIP64 records can hold. */
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

const deflate = promisify(deflateRaw);

/** An entry ready to be laid out: its name bytes, method, CRC and the bytes to store. */
interface PreparedEntry {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly stored: Uint8Array;
}

/**
 * Writes files into zip bytes, reproducibly: the same files in the same order always give the same
 * bytes, on any machine, in any time zone (with the same zlib, which Node.js bundles).
 *
 * - Entries are written in the order given (sort them first for an order-independent result).
 * - Every entry is deflated at one fixed level with Node.js's zlib, and kept stored (method 0)
 *   when deflating would not make it smaller, as zip tools do for already-compressed files such as
 *   PNG icons. Entries are compressed in parallel on libuv's thread pool.
 * - Every entry is stamped with the same time. Zip times are local "DOS" times without a zone; the
 *   writer takes the UTC fields of the `Date`, so a `Date` made with `Date.UTC` gives the same
 *   bytes whatever `TZ` is.
 * - No platform-dependent fields: the "made by" system is DOS, with no permission bits or
 *   attributes, no extra fields, no comments, no data descriptors, and no folder entries (folders
 *   are implied by the names). Non-ASCII names are UTF-8 with the flag that says so.
 *
 * Any zip reader opens the result (the tests read it back with jszip as well as with `readZip`).
 *
 * @throws {@link ZipError} for a name `checkEntryName` refuses, a duplicate, two names that
 * differ only in case, or an archive too large for a zip without ZIP64 records: the writer never
 * makes an archive that `readZip` would refuse.
 *
 * @example
 * ```ts
 * const bytes = await writeZip([{ name: 'a.txt', data: new TextEncoder().encode('hi') }]);
 * ```
 */
export async function writeZip(
  files: readonly ZipFileInput[],
  options: WriteZipOptions = {},
): Promise<Uint8Array> {
  const date = options.date ?? FIXED_ZIP_DATE;
  checkZipDate(date);
  checkInputNames(files);
  if (files.length > MAX_ENTRIES) {
    throw new ZipError(
      'PQSDK_ZIP_TOO_MANY_ENTRIES',
      `cannot write ${String(files.length)} entries: a zip without ZIP64 records holds at most ${String(MAX_ENTRIES)}`,
    );
  }
  const entries = await Promise.all(files.map((file) => prepareEntry(file)));
  return layOut(entries, dosTime(date), dosDate(date));
}

async function prepareEntry(file: ZipFileInput): Promise<PreparedEntry> {
  const name = new TextEncoder().encode(file.name);
  const ascii = name.every((byte) => byte < 0x80);
  const data = file.data;
  if (data.length > MAX_SIZE) {
    throw new ZipError(
      'PQSDK_ZIP_TOO_LARGE',
      `cannot write entry ${quoteEntryName(file.name)}: it is larger than 4 GiB`,
      { entry: file.name },
    );
  }
  const compressed =
    data.length === 0
      ? undefined
      : await deflate(data, {
          level: COMPRESSION_LEVEL,
          strategy: zlibConstants.Z_DEFAULT_STRATEGY,
        });
  const deflated = compressed !== undefined && compressed.length < data.length;
  return {
    name,
    flags: ascii ? 0 : FLAG_UTF8,
    method: deflated ? METHOD_DEFLATE : METHOD_STORE,
    crc: crc32(data),
    size: data.length,
    stored: deflated ? compressed : data,
  };
}

function layOut(entries: readonly PreparedEntry[], time: number, date: number): Uint8Array {
  let localSize = 0;
  let centralSize = 0;
  for (const entry of entries) {
    localSize += LOCAL_HEADER_SIZE + entry.name.length + entry.stored.length;
    centralSize += CENTRAL_HEADER_SIZE + entry.name.length;
  }
  const total = localSize + centralSize + END_RECORD_SIZE;
  if (localSize > MAX_SIZE || centralSize > MAX_SIZE) {
    throw new ZipError(
      'PQSDK_ZIP_TOO_LARGE',
      'cannot write the archive: it would be larger than 4 GiB, which needs ZIP64 records',
    );
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const entry of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, ZIP_VERSION, true);
    view.setUint16(at + 6, entry.flags, true);
    view.setUint16(at + 8, entry.method, true);
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, entry.crc, true);
    view.setUint32(at + 18, entry.stored.length, true);
    view.setUint32(at + 22, entry.size, true);
    view.setUint16(at + 26, entry.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(entry.name, at + LOCAL_HEADER_SIZE);
    out.set(entry.stored, at + LOCAL_HEADER_SIZE + entry.name.length);
    at += LOCAL_HEADER_SIZE + entry.name.length + entry.stored.length;
  }
  const centralStart = at;
  entries.forEach((entry, index) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, ZIP_VERSION, true);
    view.setUint16(at + 6, ZIP_VERSION, true);
    view.setUint16(at + 8, entry.flags, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    view.setUint32(at + 16, entry.crc, true);
    view.setUint32(at + 20, entry.stored.length, true);
    view.setUint32(at + 24, entry.size, true);
    view.setUint16(at + 28, entry.name.length, true);
    // Extra field, comment, disk number, internal and external attributes: all zero.
    view.setUint32(at + 42, offsets[index] as number, true);
    out.set(entry.name, at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + entry.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** The DOS time of the UTC fields of `date` (two-second steps). */
function dosTime(date: Date): number {
  return (
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2)
  );
}

/** The DOS date of the UTC fields of `date`. */
function dosDate(date: Date): number {
  return (
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()
  );
}

function checkZipDate(date: Date): void {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1980 || year > 2107) {
    throw new RangeError(
      `a zip entry time must fall between 1980 and 2107, not ${Number.isNaN(date.getTime()) ? 'an invalid date' : date.toISOString()}`,
    );
  }
}

function checkInputNames(files: readonly ZipFileInput[]): void {
  const keys = new Map<string, string>();
  for (const { name } of files) {
    const problem = checkEntryName(name);
    if (problem !== undefined || isFolderEntryName(name)) {
      throw new ZipError(
        problem?.code ?? 'PQSDK_ZIP_BAD_NAME',
        `cannot write entry ${quoteEntryName(name)}: ${problem?.reason ?? 'it names a folder, not a file'}`,
        { entry: name },
      );
    }
    const key = entryNameKey(name);
    const earlier = keys.get(key);
    if (earlier !== undefined) {
      throw new ZipError(
        earlier === name ? 'PQSDK_ZIP_DUPLICATE_ENTRY' : 'PQSDK_ZIP_CASE_CONFLICT',
        earlier === name
          ? `cannot write two entries named ${quoteEntryName(name)}`
          : `cannot write entries ${quoteEntryName(earlier)} and ${quoteEntryName(name)}: they differ only in case`,
        { entry: name },
      );
    }
    keys.set(key, name);
  }
  const conflict = findPathConflict(files.map((file) => file.name));
  if (conflict !== undefined) {
    throw new ZipError(
      'PQSDK_ZIP_PATH_CONFLICT',
      `cannot write entry ${quoteEntryName(conflict.inner)} inside ${quoteEntryName(conflict.file)}, which is a file`,
      { entry: conflict.inner },
    );
  }
}

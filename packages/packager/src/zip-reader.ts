import { constants } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';
import { ZipError } from './errors.js';
import {
  checkEntryName,
  entryNameKey,
  findPathConflict,
  isFolderEntryName,
  quoteEntryName,
} from './zip-entry-name.js';
import { resolveZipLimits, type ZipLimits } from './zip-limits.js';

/** One file of an archive, read and checked by {@link readZip}. */
export interface ZipEntry {
  /** The name as stored: a relative path with `/` separators, checked by `checkEntryName`. */
  readonly name: string;
  /** The uncompressed content. */
  readonly data: Uint8Array;
  /** The size of the stored (compressed) data. */
  readonly compressedSize: number;
}

/** An archive read by {@link readZip}. */
export interface ZipArchive {
  /** The file entries, in the order of the central directory. */
  readonly entries: readonly ZipEntry[];
  /** The names of the folder entries (ending with `/`), in the order of the central directory. */
  readonly folders: readonly string[];
}

/** Options of {@link readZip}. */
export interface ReadZipOptions {
  /** Limits to use instead of the defaults (`DEFAULT_ZIP_LIMITS`), field by field. */
  readonly limits?: Partial<ZipLimits>;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const FLAG_MASKED_HEADERS = 0x2000;
const MADE_BY_UNIX = 3;
const UNIX_FILE_TYPE_MASK = 0o170000;
const UNIX_SYMLINK = 0o120000;

/** What the central directory says about one entry. */
interface CentralRecord {
  readonly name: string;
  readonly rawName: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly madeBy: number;
  readonly externalAttributes: number;
  readonly localOffset: number;
}

/**
 * Reads an untrusted zip archive (`.mez`, `.pqx`) into memory, refusing anything unsafe with a
 * {@link ZipError} and its stable code. This is the one reader for every archive pqsdk opens.
 *
 * It parses the zip structure itself, with the central directory as the authority and each local
 * header checked against it, and refuses:
 *
 * - archives that are not zips (`PQSDK_ZIP_NOT_A_ZIP`), truncated (`PQSDK_ZIP_TRUNCATED`) or
 *   inconsistent (`PQSDK_ZIP_CORRUPT`), including a CRC or size that does not match the data;
 * - encryption, ZIP64 and multi-disk archives, and methods other than stored and deflate
 *   (`PQSDK_ZIP_UNSUPPORTED`), and symbolic links (`PQSDK_ZIP_SYMLINK`);
 * - unsafe names: absolute paths, `..` segments, drive letters, backslashes, empty segments and
 *   control characters; duplicates, names that differ only in case, and a file that is also
 *   another entry's folder;
 * - more entries, more bytes in total, or a higher compression ratio than {@link ZipLimits} allow,
 *   and entries whose data overlap. Declared sizes are checked first; while inflating, no entry is
 *   ever expanded past its declared size, so a size that lies is caught
 *   (`PQSDK_ZIP_SIZE_MISMATCH`) before it can use more memory than the limits allow.
 *
 * @param bytes - The whole archive.
 * @param options - Limits other than the defaults.
 * @throws {@link ZipError} for any archive it refuses; any other exception is a bug.
 *
 * @example
 * ```ts
 * const archive = readZip(readFileSync('HelloWorld.mez'));
 * for (const entry of archive.entries) console.log(entry.name, entry.data.length);
 * ```
 */
export function readZip(bytes: Uint8Array, options: ReadZipOptions = {}): ZipArchive {
  const limits = resolveZipLimits(options.limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(bytes, view);
  const { records, centralOffset } = readCentralDirectory(bytes, view, end, limits);

  checkNames(records);
  checkDeclaredSizes(records, limits);
  const dataRanges = locateData(bytes, view, records, centralOffset);

  const entries: ZipEntry[] = [];
  const folders: string[] = [];
  for (const [index, record] of records.entries()) {
    if (isFolderEntryName(record.name)) {
      folders.push(record.name);
      continue;
    }
    const range = dataRanges[index];
    if (range === undefined) throw new Error(`no data range for entry ${String(index)}`);
    const stored = bytes.subarray(range.start, range.end);
    entries.push({
      name: record.name,
      data: inflate(record, stored),
      compressedSize: record.compressedSize,
    });
  }
  return { entries, folders };
}

function findEndRecord(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - END_SIZE;
  const first = Math.max(0, last - 0xffff);
  // The record ends the file, after a comment of the length it declares; a signature inside the
  // comment does not count.
  for (let at = last; at >= first; at--) {
    if (
      view.getUint32(at, true) === END_SIGNATURE &&
      at + END_SIZE + view.getUint16(at + 20, true) === bytes.length
    ) {
      return at;
    }
  }
  if (bytes.length >= 4 && view.getUint32(0, true) === LOCAL_SIGNATURE) {
    throw new ZipError(
      'PQSDK_ZIP_TRUNCATED',
      'the archive is truncated: it starts like a zip file but its end (the central directory) is missing; download or build it again',
    );
  }
  throw new ZipError(
    'PQSDK_ZIP_NOT_A_ZIP',
    'this is not a zip archive (no end-of-central-directory record); a .mez or .pqx file is a zip file',
  );
}

function readCentralDirectory(
  bytes: Uint8Array,
  view: DataView,
  end: number,
  limits: ZipLimits,
): { records: CentralRecord[]; centralOffset: number } {
  const diskNumber = view.getUint16(end + 4, true);
  const centralDisk = view.getUint16(end + 6, true);
  const entriesOnDisk = view.getUint16(end + 8, true);
  const entryCount = view.getUint16(end + 10, true);
  const centralSize = view.getUint32(end + 12, true);
  const centralOffset = view.getUint32(end + 16, true);

  if (entryCount === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) {
    throw new ZipError(
      'PQSDK_ZIP_UNSUPPORTED',
      'ZIP64 archives are not supported; a connector package is far smaller than 4 GiB, so write it as a plain zip',
    );
  }
  if (diskNumber !== 0 || centralDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new ZipError(
      'PQSDK_ZIP_UNSUPPORTED',
      'multi-disk (split) archives are not supported; join the parts into one zip file',
    );
  }
  if (entryCount > limits.maxEntries) {
    throw tooManyEntries(entryCount, limits);
  }
  if (centralOffset + centralSize !== end) {
    throw new ZipError(
      centralOffset + centralSize > end ? 'PQSDK_ZIP_TRUNCATED' : 'PQSDK_ZIP_CORRUPT',
      `the central directory is not where the end record says (offset ${String(centralOffset)}, ${String(centralSize)} bytes, but the end record is at ${String(end)}); the archive is damaged or has data prepended`,
    );
  }

  const records: CentralRecord[] = [];
  let at = centralOffset;
  while (at < end) {
    if (records.length === entryCount) {
      throw corrupt(
        `the central directory holds more records than the ${String(entryCount)} its end record declares`,
      );
    }
    if (at + CENTRAL_SIZE > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw corrupt(`central directory record ${String(records.length + 1)} is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > end) {
      throw corrupt(`central directory record ${String(records.length + 1)} runs past its end`);
    }
    const flags = view.getUint16(at + 8, true);
    const rawName = bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    records.push({
      name: decodeName(rawName, flags),
      rawName,
      flags,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      madeBy: view.getUint16(at + 4, true) >> 8,
      externalAttributes: view.getUint32(at + 38, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  if (records.length !== entryCount) {
    throw corrupt(
      `the end record declares ${String(entryCount)} entries but the central directory holds ${String(records.length)}`,
    );
  }
  return { records, centralOffset };
}

function decodeName(raw: Uint8Array, flags: number): string {
  const ascii = raw.every((byte) => byte < 0x80);
  if (ascii) return String.fromCharCode(...raw);
  // Without the UTF-8 flag the spec says code page 437, but most tools write UTF-8 anyway; a name
  // that is neither ASCII nor UTF-8 is refused rather than guessed.
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(raw);
  } catch (error) {
    const hint = (flags & FLAG_UTF8) === 0 ? ' (and not flagged as UTF-8)' : '';
    throw new ZipError(
      'PQSDK_ZIP_BAD_NAME',
      `an entry name is not valid UTF-8${hint}; write the archive with UTF-8 names`,
      { cause: error },
    );
  }
}

function checkNames(records: readonly CentralRecord[]): void {
  const names = new Set<string>();
  const keys = new Map<string, string>();
  for (const record of records) {
    const { name } = record;
    const problem = checkEntryName(name);
    if (problem !== undefined) {
      throw new ZipError(
        problem.code,
        `unsafe entry ${quoteEntryName(name)}: ${problem.reason}; the archive was not made by a connector build, so do not use it`,
        { entry: name },
      );
    }
    if ((record.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) !== 0) {
      throw new ZipError(
        'PQSDK_ZIP_UNSUPPORTED',
        `entry ${quoteEntryName(name)} is encrypted; connector packages are never encrypted`,
        { entry: name },
      );
    }
    if (record.method !== METHOD_STORED && record.method !== METHOD_DEFLATE) {
      throw new ZipError(
        'PQSDK_ZIP_UNSUPPORTED',
        `entry ${quoteEntryName(name)} uses compression method ${String(record.method)}; only stored (0) and deflate (8) are supported`,
        { entry: name },
      );
    }
    if (
      record.madeBy === MADE_BY_UNIX &&
      ((record.externalAttributes >>> 16) & UNIX_FILE_TYPE_MASK) === UNIX_SYMLINK
    ) {
      throw new ZipError(
        'PQSDK_ZIP_SYMLINK',
        `entry ${quoteEntryName(name)} is a symbolic link; connector packages hold only files`,
        { entry: name },
      );
    }
    if (isFolderEntryName(name) && record.size !== 0) {
      throw corrupt(`folder entry ${quoteEntryName(name)} has content`, name);
    }
    if (names.has(name)) {
      throw new ZipError(
        'PQSDK_ZIP_DUPLICATE_ENTRY',
        `the archive has two entries named ${quoteEntryName(name)}; tools disagree on which one counts, so the archive is refused`,
        { entry: name },
      );
    }
    names.add(name);
    const key = entryNameKey(name);
    const earlier = keys.get(key);
    if (earlier !== undefined) {
      throw new ZipError(
        'PQSDK_ZIP_CASE_CONFLICT',
        `entries ${quoteEntryName(earlier)} and ${quoteEntryName(name)} differ only in case; they would overwrite each other on Windows and macOS`,
        { entry: name },
      );
    }
    keys.set(key, name);
  }
  const conflict = findPathConflict(records.map((record) => record.name));
  if (conflict !== undefined) {
    throw new ZipError(
      'PQSDK_ZIP_PATH_CONFLICT',
      `entry ${quoteEntryName(conflict.inner)} is inside ${quoteEntryName(conflict.file)}, which is a file`,
      { entry: conflict.inner },
    );
  }
}

function checkDeclaredSizes(records: readonly CentralRecord[], limits: ZipLimits): void {
  let total = 0;
  for (const record of records) {
    total += record.size;
    if (total > limits.maxTotalBytes) {
      throw tooLarge(limits, record.name);
    }
    if (exceedsRatio(record.size, record.compressedSize, limits)) {
      throw ratioError(record.name, record.size, record.compressedSize, limits);
    }
  }
}

function exceedsRatio(size: number, compressedSize: number, limits: ZipLimits): boolean {
  return size > limits.ratioExemptBytes && size > compressedSize * limits.maxCompressionRatio;
}

/** Checks every local header against the central directory and returns where each entry's data is. */
function locateData(
  bytes: Uint8Array,
  view: DataView,
  records: readonly CentralRecord[],
  centralOffset: number,
): { start: number; end: number }[] {
  const ranges: { start: number; end: number; header: number; name: string }[] = [];
  for (const record of records) {
    const header = record.localOffset;
    if (header + LOCAL_SIZE > centralOffset || view.getUint32(header, true) !== LOCAL_SIGNATURE) {
      throw corrupt(`the local header of ${quoteEntryName(record.name)} is missing`, record.name);
    }
    const nameLength = view.getUint16(header + 26, true);
    const extraLength = view.getUint16(header + 28, true);
    const start = header + LOCAL_SIZE + nameLength + extraLength;
    const end = start + record.compressedSize;
    if (end > centralOffset) {
      throw corrupt(`the data of ${quoteEntryName(record.name)} runs past its end`, record.name);
    }
    const localName = bytes.subarray(header + LOCAL_SIZE, header + LOCAL_SIZE + nameLength);
    if (!sameBytes(localName, record.rawName)) {
      throw corrupt(
        `the local header of ${quoteEntryName(record.name)} gives it another name; tools would disagree on what the entry is called`,
        record.name,
      );
    }
    if (view.getUint16(header + 8, true) !== record.method) {
      throw corrupt(
        `the local header of ${quoteEntryName(record.name)} gives another compression method`,
        record.name,
      );
    }
    ranges.push({ start, end, header, name: record.name });
  }
  const byPosition = [...ranges].sort((a, b) => a.header - b.header);
  for (let index = 1; index < byPosition.length; index++) {
    const previous = byPosition[index - 1];
    const current = byPosition[index];
    if (previous !== undefined && current !== undefined && current.header < previous.end) {
      throw new ZipError(
        'PQSDK_ZIP_OVERLAPPING_ENTRIES',
        `entries ${quoteEntryName(previous.name)} and ${quoteEntryName(current.name)} share data, a zip-bomb technique; the archive is refused`,
        { entry: current.name },
      );
    }
  }
  return ranges.map(({ start, end }) => ({ start, end }));
}

function inflate(record: CentralRecord, stored: Uint8Array): Uint8Array {
  let data: Uint8Array;
  if (record.method === METHOD_STORED) {
    data = stored.slice();
  } else if (stored.length === 0 && record.size === 0) {
    data = new Uint8Array(0);
  } else {
    try {
      // One byte more than declared is enough to tell that the size lies; no more is ever made.
      const maxOutputLength = Math.min(record.size + 1, constants.MAX_LENGTH);
      const inflated = inflateRawSync(stored, { maxOutputLength });
      data = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    } catch (error) {
      if (isBufferTooLarge(error)) {
        throw sizeMismatch(record, `expands to more than the ${String(record.size)} bytes`);
      }
      throw corrupt(
        `the compressed data of ${quoteEntryName(record.name)} is damaged (${errorMessage(error)})`,
        record.name,
        error,
      );
    }
  }
  if (data.length !== record.size) {
    throw sizeMismatch(
      record,
      data.length > record.size
        ? `expands to more than the ${String(record.size)} bytes`
        : `holds ${String(data.length)} bytes, not the ${String(record.size)}`,
    );
  }
  if (crc32(data) >>> 0 !== record.crc >>> 0) {
    throw corrupt(
      `the content of ${quoteEntryName(record.name)} does not match its checksum (CRC-32)`,
      record.name,
    );
  }
  return data;
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function corrupt(message: string, entry?: string, cause?: unknown): ZipError {
  return new ZipError('PQSDK_ZIP_CORRUPT', `the archive is damaged: ${message}`, {
    ...(entry === undefined ? {} : { entry }),
    ...(cause === undefined ? {} : { cause }),
  });
}

function sizeMismatch(record: CentralRecord, what: string): ZipError {
  return new ZipError(
    'PQSDK_ZIP_SIZE_MISMATCH',
    `entry ${quoteEntryName(record.name)} ${what} its headers declare; the archive is damaged or hostile`,
    { entry: record.name },
  );
}

function tooManyEntries(count: number, limits: ZipLimits): ZipError {
  return new ZipError(
    'PQSDK_ZIP_TOO_MANY_ENTRIES',
    `the archive has ${String(count)} entries, more than the limit of ${String(limits.maxEntries)}; a connector package has a few dozen`,
  );
}

function tooLarge(limits: ZipLimits, entry: string): ZipError {
  return new ZipError(
    'PQSDK_ZIP_TOO_LARGE',
    `the archive expands to more than ${String(limits.maxTotalBytes)} bytes (the limit), reached at ${quoteEntryName(entry)}; it may be a zip bomb`,
    { entry },
  );
}

function ratioError(
  entry: string,
  size: number,
  compressedSize: number,
  limits: ZipLimits,
): ZipError {
  const ratio =
    compressedSize === 0 ? 'without limit' : `${String(Math.round(size / compressedSize))} times`;
  return new ZipError(
    'PQSDK_ZIP_RATIO',
    `entry ${quoteEntryName(entry)} expands ${ratio} (${String(compressedSize)} to ${String(size)} bytes), more than the limit of ${String(limits.maxCompressionRatio)}; it looks like a zip bomb`,
    { entry },
  );
}

/**
 * Connector packages for the tests: the HelloWorld example compiled into a temporary folder, and
 * ways to rewrite or damage archives.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, crc32 } from 'node:zlib';
import { compileConnector, readZip, writeZip, type ZipFileInput } from '@pqsdk/packager';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

const temporary: string[] = [];

/** A new temporary folder, removed by {@link removeTemporaryFolders}. */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-signer-'));
  temporary.push(folder);
  return folder;
}

/** Removes every folder {@link temporaryFolder} made. */
export function removeTemporaryFolders(): void {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Compiles an example connector with `compileConnector` and returns the `.mez` bytes. */
export async function compiledExample(name = 'HelloWorld'): Promise<Uint8Array> {
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-signer-mez-'));
  try {
    const result = await compileConnector(join(EXAMPLES_DIR, name), { outDir: folder });
    if (!result.ok) throw new Error(`${name} does not compile`);
    return Uint8Array.from(readFileSync(result.outputPath));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Rewrites an archive: its entries (decompressed) go through `change`, and the result is written
 * as a new, valid zip with the packager's writer, in the order given.
 */
export async function rewrite(
  archive: Uint8Array,
  change: (entries: ZipFileInput[]) => ZipFileInput[],
): Promise<Uint8Array> {
  const entries = readZip(archive).entries.map((entry) => ({
    name: entry.name,
    data: Uint8Array.from(entry.data),
  }));
  return writeZip(change(entries));
}

/** The entries of an archive, decompressed, by name. */
export function entriesOf(archive: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZip(archive).entries.map((entry) => [entry.name, entry.data]));
}

/** One entry of {@link rawZip}: stored or deflated, with sizes that may lie. */
export interface RawEntry {
  readonly name: string;
  readonly data?: Uint8Array;
  readonly deflate?: boolean;
  /** The uncompressed size written in the headers, when it should not be the real one. */
  readonly declaredSize?: number;
}

/** A zip written byte by byte, however unsafe: duplicate names, `..`, lying sizes. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data ?? new Uint8Array(0));
    const stored = entry.deflate === true ? deflateRawSync(data) : data;
    const method = entry.deflate === true ? 8 : 0;
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, stored);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(stored.length, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + stored.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** A deterministic pseudo-random generator (mulberry32), for seeded tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

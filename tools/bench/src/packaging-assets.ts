import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One asset file of the benchmark connector. */
export interface Asset {
  readonly name: string;
  readonly bytes: number;
}

/**
 * A deterministic pseudo-random byte generator (xorshift32), so every run packs the same bytes.
 * Not for anything but test data.
 */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/**
 * Image-like content: the first half pseudo-random (as compressed pixels are), the second half
 * rows that repeat with small changes (as flat areas and palettes are). Deflate roughly halves it.
 */
export function imageLike(length: number, seed: number): Uint8Array {
  const bytes = pseudoRandomBytes(length, seed);
  const row = bytes.subarray(0, 256);
  for (let at = length >> 1; at < length; at++) {
    const offset = at % 256;
    bytes[at] = ((row[offset] ?? 0) + Math.floor(at / 4096)) & 0xff;
  }
  return bytes;
}

const WORDS = [
  'Greeting',
  'table',
  'value',
  'Hello',
  'World',
  'connector',
  'data',
  'source',
  'label',
  'text',
];

/** A `resources.<culture>.resx` of about `length` bytes: many short strings, well-formed XML. */
export function resxLike(length: number, seed: number): string {
  const random = pseudoRandomBytes(Math.max(1024, length >> 4), seed);
  const parts = ['<?xml version="1.0" encoding="utf-8"?>\n<root>\n'];
  let size = parts[0]?.length ?? 0;
  for (let index = 0; size < length - 64; index++) {
    const pick = (n: number): string =>
      WORDS[(random[(index * 3 + n) % random.length] ?? 0) % WORDS.length] ?? '';
    const entry = `  <data name="S${String(index)}" xml:space="preserve"><value>${pick(0)} ${pick(1)} ${pick(2)} ${String((index * 7919) % 104729)}</value></data>\n`;
    parts.push(entry);
    size += entry.length;
  }
  parts.push('</root>\n');
  return parts.join('');
}

/**
 * Writes the benchmark connector into `folder`: the HelloWorld example's files, plus assets that
 * bring it to `totalBytes`: eight image-like `.png` files and two `.resx` translations, in the
 * proportions of a connector with many icons and strings.
 */
export function writeBenchmarkConnector(
  exampleFolder: string,
  folder: string,
  totalBytes: number,
): Asset[] {
  mkdirSync(folder, { recursive: true });
  for (const entry of readdirSync(exampleFolder, { withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith('.query.pq')) {
      copyFileSync(join(exampleFolder, entry.name), join(folder, entry.name));
    }
  }
  const assets: Asset[] = [];
  const imageBytes = Math.floor((totalBytes * 0.8) / 8);
  for (let index = 0; index < 8; index++) {
    const name = `Asset${String(index + 1)}.png`;
    writeFileSync(join(folder, name), imageLike(imageBytes, 1000 + index));
    assets.push({ name, bytes: imageBytes });
  }
  const resxBytes = Math.floor((totalBytes - imageBytes * 8) / 2);
  for (const [index, culture] of ['de-DE', 'fr-FR'].entries()) {
    const name = `resources.${culture}.resx`;
    const text = resxLike(resxBytes, 2000 + index);
    writeFileSync(join(folder, name), text);
    assets.push({ name, bytes: Buffer.byteLength(text) });
  }
  return assets;
}

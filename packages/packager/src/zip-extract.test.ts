import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories } from '../test/fixtures.js';
import { rawZip, utf8 } from '../test/zip-fixtures.js';
import { ZipError } from './errors.js';
import { extractZip } from './zip-extract.js';
import { readZip } from './zip-reader.js';
import { writeZip } from './zip-writer.js';

afterEach(removeTempDirectories);

/** Every path under a folder, relative, with `/`, sorted. */
function listTree(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? [`${path}/`, ...listTree(root, path)] : [path];
    })
    .sort();
}

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'extracted';
  } catch (error) {
    if (error instanceof ZipError) return error.code;
    throw error;
  }
}

describe('extractZip', () => {
  it('writes every entry under the target, creating the target and the folders', async () => {
    const root = makeTempDirectory();
    const bytes = await writeZip([
      { name: 'Connector.pq', data: utf8('section Connector;') },
      { name: 'icons/16.png', data: utf8('png') },
    ]);
    const result = extractZip(bytes, join(root, 'out'));
    expect(listTree(root)).toEqual(['out/', 'out/Connector.pq', 'out/icons/', 'out/icons/16.png']);
    expect(readFileSync(join(root, 'out', 'icons', '16.png'), 'utf8')).toBe('png');
    expect(result.files.every((path) => path.startsWith(result.target + sep))).toBe(true);
  });

  it('extracts folder entries and an archive already read', () => {
    const root = makeTempDirectory();
    const archive = readZip(rawZip([{ name: 'empty/' }, { name: 'a/b.txt', data: utf8('b') }]));
    extractZip(archive, root);
    expect(listTree(root)).toEqual(['a/', 'a/b.txt', 'empty/']);
  });

  it.each([
    ['../x', 'PQSDK_ZIP_SLIP'],
    ['a/../../x', 'PQSDK_ZIP_SLIP'],
    ['/tmp/x', 'PQSDK_ZIP_ABSOLUTE_PATH'],
    ['C:/x', 'PQSDK_ZIP_DRIVE_LETTER'],
    ['..\\x', 'PQSDK_ZIP_BACKSLASH'],
  ])('refuses %j and writes nothing anywhere', (name, code) => {
    const root = makeTempDirectory();
    const target = join(root, 'deep', 'target');
    const bytes = rawZip([
      { name: 'first.pq', data: utf8('written before the bad entry?') },
      { name, data: utf8('escaped') },
    ]);
    expect(codeOf(() => extractZip(bytes, target))).toBe(code);
    expect(listTree(root)).toEqual([]);
    expect(existsSync(join(root, 'x'))).toBe(false);
  });

  it('refuses a target that is not empty, so nothing in it can redirect a write', () => {
    const root = makeTempDirectory({ 'outside/secret.txt': 'keep' });
    const target = join(root, 'target');
    mkdirSync(target);
    symlinkSync(join(root, 'outside'), join(target, 'icons'));
    const bytes = rawZip([{ name: 'icons/secret.txt', data: utf8('overwritten') }]);
    expect(codeOf(() => extractZip(bytes, target))).toBe('PQSDK_ZIP_EXTRACT_TARGET');
    expect(readFileSync(join(root, 'outside', 'secret.txt'), 'utf8')).toBe('keep');
  });

  it('refuses a target that is a file', () => {
    const root = makeTempDirectory({ file: 'x' });
    const bytes = rawZip([{ name: 'a.pq' }]);
    expect(codeOf(() => extractZip(bytes, join(root, 'file')))).toBe('PQSDK_ZIP_EXTRACT_TARGET');
    expect(listTree(root)).toEqual(['file']);
  });

  it('checks every path again before writing, even for an archive it did not read', () => {
    const root = makeTempDirectory();
    const handMade = {
      entries: [
        { name: 'inside.pq', data: utf8('fine'), compressedSize: 4 },
        { name: '../escaped.pq', data: utf8('escaped'), compressedSize: 7 },
      ],
      folders: [],
    };
    expect(codeOf(() => extractZip(handMade, join(root, 'target')))).toBe(
      'PQSDK_ZIP_EXTRACT_TARGET',
    );
    expect(listTree(root)).toEqual(['target/', 'target/inside.pq']);
  });
});

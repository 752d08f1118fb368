import { execFileSync } from 'node:child_process';
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  examplePath,
  exampleFileNames,
  makeTempDirectory,
  removeTempDirectories,
} from '../test/fixtures.js';
import { removeTranspiled, transpileSources } from '../test/transpile.js';
import { utf8 } from '../test/zip-fixtures.js';
import { compileConnector } from './compile.js';
import { ZipError } from './errors.js';
import { fileRole, PACKAGED_ROLES } from './connector-files.js';
import { writeMez } from './mez.js';
import { readZip } from './zip-reader.js';
import { FIXED_ZIP_DATE, writeZip } from './zip-writer.js';

/** The fields of each central directory record that a reproducible writer must fix. */
function centralFields(bytes: Uint8Array): Record<string, number>[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  let at = view.getUint32(end + 16, true);
  const records: Record<string, number>[] = [];
  while (at < end) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    records.push({
      madeBy: view.getUint16(at + 4, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      extraLength,
      commentLength,
      externalAttributes: view.getUint32(at + 38, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}

function randomBytes(length: number): Uint8Array {
  return new Uint8Array(nodeRandomBytes(length));
}

function helloWorldFiles(): { name: string; data: Uint8Array }[] {
  return exampleFileNames('HelloWorld')
    .filter((name) => PACKAGED_ROLES.has(fileRole(name)))
    .map((name) => ({
      name,
      data: new Uint8Array(readFileSync(join(examplePath('HelloWorld'), name))),
    }));
}

afterEach(removeTempDirectories);

describe('writeZip', () => {
  it('stamps every entry with 1980-01-01 00:00:00, DOS and no attributes or extras', async () => {
    const bytes = await writeZip([
      { name: 'a.pq', data: utf8('section A; shared A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";') },
      { name: 'icons/b.png', data: randomBytes(64) },
    ]);
    const fixed = { madeBy: 0x14, flags: 0, time: 0, date: 0x21, extraLength: 0 };
    expect(centralFields(bytes)).toEqual([
      { ...fixed, method: 8, commentLength: 0, externalAttributes: 0 },
      { ...fixed, method: 0, commentLength: 0, externalAttributes: 0 },
    ]);
    expect(readZip(bytes).folders).toEqual([]);
  });

  it('deflates what shrinks and stores what does not (an empty file, random bytes)', async () => {
    const text = utf8('x'.repeat(10_000));
    const noise = randomBytes(10_000);
    const bytes = await writeZip([
      { name: 'text', data: text },
      { name: 'noise', data: noise },
      { name: 'empty', data: new Uint8Array(0) },
    ]);
    expect(centralFields(bytes).map((record) => record.method)).toEqual([8, 0, 0]);
    expect(bytes.length).toBeLessThan(10_000 + 500);
    const entries = readZip(bytes).entries;
    expect(
      entries.map((entry) =>
        Buffer.from(entry.data).equals(
          Buffer.from(
            entry.name === 'text' ? text : entry.name === 'noise' ? noise : new Uint8Array(0),
          ),
        ),
      ),
    ).toEqual([true, true, true]);
  });

  it('writes archives jszip reads back exactly', async () => {
    const files = [
      ...helloWorldFiles(),
      { name: 'nested/Grüße.txt', data: utf8('hallo') },
      { name: 'empty.bin', data: new Uint8Array(0) },
    ];
    const zip = await JSZip.loadAsync(await writeZip(files));
    for (const file of files) {
      const entry = zip.file(file.name);
      expect(entry, file.name).not.toBeNull();
      const data = await (entry as JSZip.JSZipObject).async('uint8array');
      expect(Buffer.from(data).equals(Buffer.from(file.data)), file.name).toBe(true);
    }
    expect(Object.values(zip.files).filter((entry) => !entry.dir)).toHaveLength(files.length);
  });

  it('marks a non-ASCII name as UTF-8', async () => {
    const bytes = await writeZip([{ name: 'Grüße.pq', data: utf8('x') }]);
    expect(centralFields(bytes)[0]?.flags).toBe(0x0800);
    expect(readZip(bytes).entries[0]?.name).toBe('Grüße.pq');
  });

  it('writes the UTC fields of the date it is given', async () => {
    const bytes = await writeZip([{ name: 'a', data: utf8('x') }], {
      date: new Date(Date.UTC(2024, 1, 29, 13, 45, 31)),
    });
    const [record] = centralFields(bytes);
    expect(record?.time).toBe((13 << 11) | (45 << 5) | 15);
    expect(record?.date).toBe(((2024 - 1980) << 9) | (2 << 5) | 29);
    expect(FIXED_ZIP_DATE.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    await expect(writeZip([], { date: new Date(Date.UTC(1979, 11, 31)) })).rejects.toThrow(
      RangeError,
    );
  });

  it('gives the same bytes for the same input', async () => {
    const files = helloWorldFiles();
    expect(Buffer.from(await writeZip(files)).equals(Buffer.from(await writeZip(files)))).toBe(
      true,
    );
  });

  it.each([
    [['../x'], 'PQSDK_ZIP_SLIP'],
    [['/x'], 'PQSDK_ZIP_ABSOLUTE_PATH'],
    [['a\\b'], 'PQSDK_ZIP_BACKSLASH'],
    [['dir/'], 'PQSDK_ZIP_BAD_NAME'],
    [['a', 'a'], 'PQSDK_ZIP_DUPLICATE_ENTRY'],
    [['a', 'A'], 'PQSDK_ZIP_CASE_CONFLICT'],
    [['a', 'a/b'], 'PQSDK_ZIP_PATH_CONFLICT'],
  ])('refuses to write %j (%s): it never writes what readZip refuses', async (names, code) => {
    const files = names.map((name) => ({ name, data: utf8('x') }));
    await expect(writeZip(files)).rejects.toSatisfy(
      (error: unknown) => error instanceof ZipError && error.code === code,
    );
  });
});

describe('writeMez', () => {
  it('sorts the files by name, so their order does not matter', async () => {
    const files = helloWorldFiles();
    const forwards = await writeMez(files);
    const backwards = await writeMez([...files].reverse());
    expect(Buffer.from(forwards).equals(Buffer.from(backwards))).toBe(true);
    expect(readZip(forwards).entries.map((entry) => entry.name)).toEqual(
      files.map((file) => file.name).sort(),
    );
  });

  describe('in other time zones (child processes)', () => {
    let directory: string;
    beforeAll(() => {
      directory = transpileSources([
        'errors.ts',
        'zip-entry-name.ts',
        'zip-writer.ts',
        'mez.ts',
        'connector-files.ts',
        'project-files.ts',
      ]);
      // The child packages each project as compileConnector does (validation, which never changes
      // the bytes, needs the parser and is left out), in whatever time zone TZ sets.
      writeFileSync(
        join(directory, 'child.js'),
        [
          "import { writeMez } from './mez.js';",
          "import { listProjectFiles, readProjectFiles } from './project-files.js';",
          'const mez = {};',
          'for (const project of JSON.parse(process.argv[2])) {',
          '  const bytes = await writeMez(readProjectFiles(listProjectFiles(project).packaged));',
          '  mez[project] = Buffer.from(bytes).toString("base64");',
          '}',
          'process.stdout.write(JSON.stringify({ offset: new Date(2024, 6, 1).getTimezoneOffset(), mez }));',
        ].join('\n'),
      );
    });
    afterAll(() => {
      removeTranspiled(directory);
    });

    it('gives the bytes compileConnector gives, for every example, whatever TZ is', async () => {
      const projects = EXAMPLES.map((example) => examplePath(example));
      const expected: Record<string, string> = {};
      for (const project of projects) {
        const result = await compileConnector(project, { outDir: makeTempDirectory() });
        if (!result.ok) throw new Error(`${project} does not build`);
        expected[project] = readFileSync(result.outputPath).toString('base64');
      }
      const offsets = new Set<number>();
      for (const zone of [
        'UTC',
        'America/Los_Angeles',
        'Asia/Kolkata',
        'Pacific/Chatham',
        'Pacific/Kiritimati',
      ]) {
        const output = execFileSync(
          process.execPath,
          [join(directory, 'child.js'), JSON.stringify(projects)],
          { env: { ...process.env, TZ: zone }, encoding: 'utf8' },
        );
        const { offset, mez } = JSON.parse(output) as {
          offset: number;
          mez: Record<string, string>;
        };
        offsets.add(offset);
        expect(mez, `TZ=${zone}`).toEqual(expected);
      }
      // The zones really were different in the children.
      expect(offsets.size).toBe(5);
    });
  });
});

import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  centralRecord,
  concat,
  endRecord,
  localHeader,
  rawZip,
  utf8,
  type RecordFields,
} from '../test/zip-fixtures.js';
import { ZipError, type ZipErrorCode } from './errors.js';
import { readZip, type ReadZipOptions } from './zip-reader.js';
import { writeZip } from './zip-writer.js';

function codeOf(bytes: Uint8Array, options: ReadZipOptions = {}): ZipErrorCode | 'accepted' {
  try {
    readZip(bytes, options);
    return 'accepted';
  } catch (error) {
    if (error instanceof ZipError) return error.code;
    throw error;
  }
}

function errorOf(bytes: Uint8Array, options: ReadZipOptions = {}): ZipError {
  try {
    readZip(bytes, options);
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

const file = (name: string, content = 'x'): { name: string; data: Uint8Array } => ({
  name,
  data: utf8(content),
});

describe('readZip', () => {
  it('reads what writeZip writes: names, contents and order', async () => {
    const bytes = await writeZip([
      file('b.pq', 'section B;'),
      file('a/c.png', 'png'),
      file('empty'),
    ]);
    const archive = readZip(bytes);
    expect(
      archive.entries.map((entry) => [entry.name, new TextDecoder().decode(entry.data)]),
    ).toEqual([
      ['b.pq', 'section B;'],
      ['a/c.png', 'png'],
      ['empty', 'x'],
    ]);
    expect(archive.folders).toEqual([]);
  });

  it('reads stored and deflated entries, folder entries and an archive comment', () => {
    const zip = rawZip([
      { name: 'folder/' },
      { name: 'folder/stored.txt', data: utf8('stored'), method: 0 },
      { name: 'deflated.txt', data: utf8('deflated '.repeat(50)) },
      { name: 'empty.txt', compressed: new Uint8Array(0) },
    ]);
    const commented = concat(
      zip.subarray(0, zip.length - 2),
      new Uint8Array([5, 0]),
      utf8('PK\u0005\u0006!'),
    );
    for (const bytes of [zip, commented]) {
      const archive = readZip(bytes);
      expect(archive.folders).toEqual(['folder/']);
      expect(archive.entries.map((entry) => [entry.name, entry.data.length])).toEqual([
        ['folder/stored.txt', 6],
        ['deflated.txt', 450],
        ['empty.txt', 0],
      ]);
    }
  });

  it('accepts names that are UTF-8 without the UTF-8 flag', () => {
    const archive = readZip(rawZip([{ name: 'café.png', flags: 0 }]));
    expect(archive.entries[0]?.name).toBe('café.png');
  });

  describe('refuses unsafe names', () => {
    it.each<[string, string | Uint8Array, ZipErrorCode]>([
      ['a zip-slip entry', '../x', 'PQSDK_ZIP_SLIP'],
      ['a zip-slip entry in a folder', 'a/../../x', 'PQSDK_ZIP_SLIP'],
      ['an absolute path', '/etc/passwd', 'PQSDK_ZIP_ABSOLUTE_PATH'],
      ['a drive letter', 'C:/Windows/x.dll', 'PQSDK_ZIP_DRIVE_LETTER'],
      ['a drive-relative path', 'c:x.pq', 'PQSDK_ZIP_DRIVE_LETTER'],
      ['a backslash', 'a\\b.pq', 'PQSDK_ZIP_BACKSLASH'],
      ['a backslash zip slip', '..\\x', 'PQSDK_ZIP_BACKSLASH'],
      ['an empty name', '', 'PQSDK_ZIP_BAD_NAME'],
      ['an empty segment', 'a//b', 'PQSDK_ZIP_BAD_NAME'],
      ['a "." segment', './a', 'PQSDK_ZIP_BAD_NAME'],
      ['a control character', 'a\u0000.pq', 'PQSDK_ZIP_BAD_NAME'],
      ['an alternate data stream', 'Connector.pq:hidden', 'PQSDK_ZIP_BAD_NAME'],
      ['a name that is not UTF-8', new Uint8Array([0x61, 0xff, 0xfe]), 'PQSDK_ZIP_BAD_NAME'],
    ])('%s', (_label, name, code) => {
      expect(codeOf(rawZip([file('ok.pq'), { name }]))).toBe(code);
    });

    it('says which entry and what to do', () => {
      const error = errorOf(rawZip([{ name: '../../evil.pq' }]));
      expect(error.entry).toBe('../../evil.pq');
      expect(error.message).toBe(
        'unsafe entry "../../evil.pq": the name has a ".." segment, which would climb out of the extraction folder; the archive was not made by a connector build, so do not use it',
      );
    });

    it.each<[string, string[], ZipErrorCode]>([
      ['duplicate entries', ['a.pq', 'b.pq', 'a.pq'], 'PQSDK_ZIP_DUPLICATE_ENTRY'],
      [
        'names that differ only in case',
        ['Connector.pq', 'connector.PQ'],
        'PQSDK_ZIP_CASE_CONFLICT',
      ],
      [
        'names that differ only in Unicode normalisation',
        ['\u00e9.png', 'e\u0301.png'],
        'PQSDK_ZIP_CASE_CONFLICT',
      ],
      ['a folder that differs only in case', ['a/', 'A/'], 'PQSDK_ZIP_CASE_CONFLICT'],
      ['a file used as a folder', ['a', 'a/b.pq'], 'PQSDK_ZIP_PATH_CONFLICT'],
      ['a file used as a folder, in another case', ['A', 'a/b.pq'], 'PQSDK_ZIP_PATH_CONFLICT'],
    ])('%s', (_label, names, code) => {
      expect(
        codeOf(rawZip(names.map((name) => (name.endsWith('/') ? { name } : file(name))))),
      ).toBe(code);
    });
  });

  describe('refuses zip bombs', () => {
    it('refuses a small file that expands hugely (made with jszip)', async () => {
      const zip = new JSZip();
      zip.file('bomb.pq', new Uint8Array(20 * 1024 * 1024));
      const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      expect(bomb.length).toBeLessThan(100 * 1024);
      const error = errorOf(bomb);
      expect(error.code).toBe('PQSDK_ZIP_RATIO');
      expect(error.message).toMatch(
        /^entry "bomb\.pq" expands \d+ times \(\d+ to 20971520 bytes\), more than the limit of 200; it looks like a zip bomb$/,
      );
    });

    it('refuses an archive that expands past the total limit', () => {
      const bytes = rawZip([
        { name: 'a.txt', data: randomBytes(3000) },
        { name: 'b.txt', data: randomBytes(3000) },
      ]);
      expect(codeOf(bytes, { limits: { maxTotalBytes: 5000 } })).toBe('PQSDK_ZIP_TOO_LARGE');
      expect(codeOf(bytes, { limits: { maxTotalBytes: 6000 } })).toBe('accepted');
    });

    it('never inflates an entry past the size it declares, so a lying size is caught', () => {
      const zeros = new Uint8Array(50 * 1024 * 1024);
      const bytes = rawZip([{ name: 'liar.pq', data: zeros, declaredSize: 1000 }]);
      const error = errorOf(bytes);
      expect(error.code).toBe('PQSDK_ZIP_SIZE_MISMATCH');
      expect(error.message).toBe(
        'entry "liar.pq" expands to more than the 1000 bytes its headers declare; the archive is damaged or hostile',
      );
    });

    it('refuses an entry that holds less than it declares', () => {
      const bytes = rawZip([{ name: 'short.pq', data: utf8('abc'), declaredSize: 10 }]);
      expect(errorOf(bytes).message).toBe(
        'entry "short.pq" holds 3 bytes, not the 10 its headers declare; the archive is damaged or hostile',
      );
    });

    it('refuses a stored entry whose declared size lies', () => {
      const bytes = rawZip([{ name: 's.pq', data: utf8('abc'), method: 0, declaredSize: 2 }]);
      expect(codeOf(bytes)).toBe('PQSDK_ZIP_SIZE_MISMATCH');
    });

    it('refuses an archive with too many entries, before reading them', () => {
      const names = Array.from({ length: 1001 }, (_, index) => `f${String(index)}.txt`);
      expect(codeOf(rawZip(names.map((name) => file(name))))).toBe('PQSDK_ZIP_TOO_MANY_ENTRIES');
      const few = rawZip(names.slice(0, 6).map((name) => file(name)));
      expect(codeOf(few, { limits: { maxEntries: 5 } })).toBe('PQSDK_ZIP_TOO_MANY_ENTRIES');
      expect(codeOf(few, { limits: { maxEntries: 6 } })).toBe('accepted');
    });

    it('refuses entries that share data', () => {
      // "outer.txt" is stored, and its data is the whole of "inner.txt": local header and content.
      const innerData = utf8('inner');
      const innerFields: RecordFields = {
        flags: 0x800,
        method: 0,
        crc: crc32(innerData),
        compressedSize: innerData.length,
        size: innerData.length,
      };
      const inner = concat(localHeader(utf8('inner.txt'), innerFields), innerData);
      const outerFields: RecordFields = {
        flags: 0x800,
        method: 0,
        crc: crc32(inner),
        compressedSize: inner.length,
        size: inner.length,
      };
      const outerHeader = localHeader(utf8('outer.txt'), outerFields);
      const central = concat(
        centralRecord(utf8('outer.txt'), outerFields, 0, { madeBy: 20, externalAttributes: 0 }),
        centralRecord(utf8('inner.txt'), innerFields, outerHeader.length, {
          madeBy: 20,
          externalAttributes: 0,
        }),
      );
      const bytes = concat(
        outerHeader,
        inner,
        central,
        endRecord(2, central.length, outerHeader.length + inner.length),
      );
      expect(codeOf(bytes)).toBe('PQSDK_ZIP_OVERLAPPING_ENTRIES');
    });
  });

  describe('refuses damaged archives', () => {
    it('refuses random garbage and empty files', () => {
      expect(codeOf(new Uint8Array(randomBytes(4096)))).toBe('PQSDK_ZIP_NOT_A_ZIP');
      expect(codeOf(new Uint8Array(0))).toBe('PQSDK_ZIP_NOT_A_ZIP');
      expect(errorOf(utf8('hello')).message).toBe(
        'this is not a zip archive (no end-of-central-directory record); a .mez or .pqx file is a zip file',
      );
    });

    it('refuses a truncated archive, wherever it was cut', async () => {
      const bytes = await writeZip([file('a.pq', 'section A;'.repeat(100)), file('b.png', 'png')]);
      for (const length of [
        10,
        Math.floor(bytes.length / 2),
        bytes.length - 30,
        bytes.length - 1,
      ]) {
        expect(codeOf(bytes.subarray(0, length))).toBe('PQSDK_ZIP_TRUNCATED');
      }
    });

    it('refuses damaged compressed data and a wrong checksum', () => {
      const good = rawZip([{ name: 'a.txt', data: utf8('hello hello hello') }]);
      const damaged = good.slice();
      const at = 30 + 'a.txt'.length + 2;
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
      expect(codeOf(damaged)).toBe('PQSDK_ZIP_CORRUPT');
      expect(codeOf(rawZip([{ name: 'a.txt', data: utf8('hello'), crc: 1234 }]))).toBe(
        'PQSDK_ZIP_CORRUPT',
      );
      expect(
        codeOf(rawZip([{ name: 'a.txt', compressed: utf8('not deflate data'), declaredSize: 5 }])),
      ).toBe('PQSDK_ZIP_CORRUPT');
    });

    it('refuses an end record that does not match the central directory', () => {
      expect(codeOf(rawZip([file('a'), file('b')], { declaredCount: 3 }))).toBe(
        'PQSDK_ZIP_CORRUPT',
      );
      expect(codeOf(rawZip([file('a'), file('b')], { declaredCount: 1 }))).toBe(
        'PQSDK_ZIP_CORRUPT',
      );
      expect(codeOf(concat(utf8('#!/bin/sh\n'), rawZip([file('a')])))).toBe('PQSDK_ZIP_CORRUPT');
      // Leading bytes are fine when the offsets count them, as in a self-extracting archive.
      expect(codeOf(rawZip([file('a')], { prefix: utf8('#!/bin/sh\n') }))).toBe('accepted');
    });

    it('refuses a local header that names the entry differently', () => {
      const error = errorOf(rawZip([{ name: 'safe.pq', localName: '../evil.pq' }]));
      expect(error.code).toBe('PQSDK_ZIP_CORRUPT');
      expect(error.message).toBe(
        'the archive is damaged: the local header of "safe.pq" gives it another name; tools would disagree on what the entry is called',
      );
    });
  });

  describe('refuses what a connector package never holds', () => {
    it.each<[string, Parameters<typeof rawZip>[0][number]]>([
      ['encryption', { name: 'a.pq', flags: 0x801 }],
      ['an unknown compression method', { name: 'a.pq', method: 12, compressed: utf8('BZh9') }],
    ])('%s', (_label, entry) => {
      expect(codeOf(rawZip([entry]))).toBe('PQSDK_ZIP_UNSUPPORTED');
    });

    it('refuses ZIP64 and split archives', () => {
      const zip = rawZip([file('a')]);
      const zip64 = zip.slice();
      new DataView(zip64.buffer).setUint32(zip64.length - 6, 0xffffffff, true);
      expect(codeOf(zip64)).toBe('PQSDK_ZIP_UNSUPPORTED');
      const split = zip.slice();
      new DataView(split.buffer).setUint16(split.length - 18, 1, true);
      expect(codeOf(split)).toBe('PQSDK_ZIP_UNSUPPORTED');
    });

    it('refuses symbolic links', () => {
      const link = {
        name: 'link.pq',
        data: utf8('/etc/passwd'),
        madeBy: 0x031e,
        externalAttributes: 0o120777 << 16,
      };
      expect(codeOf(rawZip([link]))).toBe('PQSDK_ZIP_SYMLINK');
      const regular = { ...link, externalAttributes: 0o100644 << 16 };
      expect(codeOf(rawZip([regular]))).toBe('accepted');
    });
  });

  it('only ever throws ZipError, whatever the bytes', async () => {
    const good = await writeZip([file('a.pq', 'section A; shared x = 1;'), file('b.png', 'png')]);
    for (let seed = 0; seed < 300; seed++) {
      const bytes = good.slice();
      for (let flip = 0; flip < 3; flip++) {
        const at = (seed * 7919 + flip * 104729) % bytes.length;
        bytes[at] = (bytes[at] ?? 0) ^ (1 + ((seed + flip) % 255));
      }
      expect(codeOf(bytes)).toMatch(/^(accepted|PQSDK_ZIP_[A-Z_]+)$/);
    }
  });
});

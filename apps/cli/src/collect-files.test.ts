import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories } from '../test/cli-harness.js';
import { collectFiles, isMFileName } from './collect-files.js';
import { UsageError } from './usage-error.js';

afterEach(removeTempDirectories);

describe('isMFileName', () => {
  it.each([
    ['Connector.pq', true],
    ['Connector.query.pq', true],
    ['Helpers.PQM', true],
    ['Query.m', true],
    ['Query.M', true],
    ['notes.md', false],
    ['pq', false],
    ['archive.pqx', false],
    ['Connector.mez', false],
  ])('%s → %s', (name, expected) => {
    expect(isMFileName(name)).toBe(expected);
  });
});

describe('collectFiles', () => {
  it('visits each directory’s entries in code-unit order, depth first', () => {
    const cwd = makeTempDirectory({
      'd/b.pq': '',
      'd/a/z.pq': '',
      'd/a-b/y.pq': '',
      'd/Z.pq': '',
      'd/_.pq': '',
    });
    expect(collectFiles(['d'], { cwd }).map((file) => file.displayPath)).toEqual([
      'd/Z.pq',
      'd/_.pq',
      'd/a/z.pq',
      'd/a-b/y.pq',
      'd/b.pq',
    ]);
  });

  it('returns absolute paths, and reports each file found', () => {
    const cwd = makeTempDirectory({ 'x/1.pq': '', 'x/2.pq': '' });
    const counts: number[] = [];
    const files = collectFiles(['x'], { cwd, onFile: (count) => counts.push(count) });
    expect(files.map((file) => file.path)).toEqual([
      join(cwd, 'x', '1.pq'),
      join(cwd, 'x', '2.pq'),
    ]);
    expect(counts).toEqual([1, 2]);
  });

  it('throws a UsageError for a path that does not exist', () => {
    const cwd = makeTempDirectory();
    expect(() => collectFiles(['gone'], { cwd })).toThrow(
      new UsageError('PQSDK_NO_SUCH_PATH', 'no such file or directory: gone'),
    );
  });
});

import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDirectories } from './make-directories.js';

const made: string[] = [];
function temp(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-mkdirs-'));
  made.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('makeDirectories', () => {
  it('creates the missing folders and returns the first one it made', () => {
    const root = temp();
    expect(makeDirectories(join(root, 'a', 'b', 'c'))).toBe(join(root, 'a'));
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(makeDirectories(join(root, 'a', 'b'))).toBeUndefined();
  });

  it('gives the folders the mode asked for', () => {
    if (process.platform === 'win32') return;
    const root = temp();
    makeDirectories(join(root, 'private', 'inner'), 0o700);
    expect(statSync(join(root, 'private')).mode & 0o077).toBe(0);
  });

  it('fails where a file stands in the way', () => {
    const root = temp();
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeDirectories(join(root, 'file'))).toThrow(/EEXIST/);
    expect(() => makeDirectories(join(root, 'file', 'below'))).toThrow(/ENOTDIR/);
  });

  it.runIf(existsSync('/proc/self'))(
    'fails at once under /proc, where a recursive mkdir never returns',
    () => {
      expect(() => makeDirectories('/proc/pqsdk-nothing/here')).toThrow(/ENOENT/);
    },
  );
});

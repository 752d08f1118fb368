import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MashupEngine, type EvaluationResult } from '../index.js';
import { readAllowedFile } from './file-contents-host.js';

const PROBE = new URL('../../test/fixtures/Probe', import.meta.url).pathname;

let base: string;
let root: string;
let outside: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'pqsdk-files-')));
  root = join(base, 'allowed');
  outside = join(base, 'secret');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'data.xml'), '<rows><row id="1"><v>a</v></row></rows>');
  writeFileSync(join(root, 'sub', 'notes.txt'), 'inside');
  writeFileSync(join(outside, 'key.txt'), 'do not read');
  symlinkSync(join(outside, 'key.txt'), join(root, 'escape.txt'));
  symlinkSync(outside, join(root, 'escape-dir'));
  symlinkSync(join(root, 'sub', 'notes.txt'), join(root, 'alias.txt'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

describe('readAllowedFile (host side)', () => {
  it('reads a file under a root', async () => {
    const result = await readAllowedFile([root], { path: join(root, 'sub', 'notes.txt') });
    expect(result.ok && Buffer.from(result.bytes).toString('utf8')).toBe('inside');
  });

  it('follows a link that stays under the root', async () => {
    const result = await readAllowedFile([root], { path: join(root, 'alias.txt') });
    expect(result.ok && result.path).toBe(join(root, 'alias.txt'));
  });

  it.each([
    ['a link to a file outside', (): string => join(root, 'escape.txt')],
    ['a path through a linked folder', (): string => join(root, 'escape-dir', 'key.txt')],
    ['.. out of the root', (): string => join(root, 'sub', '..', '..', 'secret', 'key.txt')],
    ['a sibling folder whose name starts like the root', (): string => `${root}-2/x.txt`],
  ])('refuses %s', async (_what, path) => {
    const result = await readAllowedFile([root], { path: path() });
    expect(result.ok ? 'read' : result.kind).toBe('outsideRoots');
  });

  it('does not tell whether a file outside the roots exists', async () => {
    const missing = await readAllowedFile([root], { path: join(outside, 'missing.txt') });
    const present = await readAllowedFile([root], { path: join(outside, 'key.txt') });
    expect([missing.ok || missing.kind, present.ok || present.kind]).toEqual([
      'outsideRoots',
      'outsideRoots',
    ]);
  });

  it.each([
    [[] as string[], join('/', 'x.txt'), 'noRoots'],
    [['ROOT'], 'relative.txt', 'notAbsolute'],
    [['ROOT'], 'ROOT/nope.txt', 'notFound'],
    [['ROOT'], 'ROOT/sub', 'notAFile'],
    [[join('/', 'no', 'such', 'root')], '/no/such/root/x', 'notFound'],
  ])('roots %j, path %s: %s', async (roots, path, kind) => {
    const result = await readAllowedFile(
      roots.map((entry) => entry.replace('ROOT', root)),
      { path: path.replace('ROOT', root) },
    );
    expect(result.ok ? 'read' : result.kind).toBe(kind);
  });
});

describe('File.Contents', () => {
  let engine: MashupEngine;
  let closed: MashupEngine;

  beforeAll(async () => {
    [engine, closed] = await Promise.all([
      MashupEngine.open(PROBE, { fileRoots: [root] }),
      MashupEngine.open(PROBE),
    ]);
  });

  afterAll(async () => {
    await Promise.all([engine.close(), closed.close()]);
  });

  function value(result: EvaluationResult): string {
    if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
    return result.value.literal;
  }

  it('reads a file under fileRoots, with its name and path as metadata', async () => {
    const path = join(root, 'sub', 'notes.txt');
    expect(
      value(
        await engine.evaluate(
          `let b = File.Contents("${path}") in [Text = Text.FromBinary(b), Meta = Value.Metadata(b)]`,
        ),
      ),
    ).toBe(`[Text = "inside", Meta = [Content.Name = "notes.txt", Content.Uri = "${path}"]]`);
  });

  it('feeds Xml.Tables', async () => {
    expect(
      value(
        await engine.evaluate(`Xml.Tables(File.Contents("${join(root, 'data.xml')}")){0}[Table]`),
      ),
    ).toBe('#table(type table [v = any, #"Attribute:id" = any], {{"a", "1"}})');
  });

  it('reads only when the bytes are needed', async () => {
    expect(
      value(
        await engine.evaluate(`let unused = File.Contents("${join(root, 'missing.txt')}") in 1`),
      ),
    ).toBe('1');
  });

  it('raises DataSource.NotFound for a missing file, with the path in the detail', async () => {
    const path = join(root, 'missing.txt');
    const result = await engine.evaluate(`Binary.Length(File.Contents("${path}"))`);
    expect(result.ok ? null : result.error).toMatchObject({
      reason: 'DataSource.NotFound',
      message: `Could not find file '${path}'.`,
      detailJson: { DataSourceKind: 'File', DataSourcePath: path },
    });
  });

  it('refuses a link out of the roots', async () => {
    const result = await engine.evaluate(
      `Binary.Length(File.Contents("${join(root, 'escape.txt')}"))`,
    );
    expect(result.ok ? null : result.error.message).toBe(
      `File.Contents cannot read '${join(root, 'escape.txt')}': it is not under a folder of the engine's fileRoots setting (${root}).`,
    );
  });

  it('is off, naming the setting, when no root is configured', async () => {
    const result = await closed.evaluate(
      `Binary.Length(File.Contents("${join(root, 'data.xml')}"))`,
    );
    expect(result.ok ? null : result.error).toMatchObject({
      reason: 'DataSource.Error',
      message: `File.Contents cannot read '${join(root, 'data.xml')}': reading files is off because the engine's fileRoots setting names no folder. Add the folder that holds the file to fileRoots (MashupEngineOptions.fileRoots).`,
    });
  });

  it('has the documented function type', async () => {
    expect(value(await engine.evaluate('Value.Type(File.Contents)'))).toBe(
      'type function (path as text, optional options as nullable record) as binary',
    );
  });
});

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeTempDirectory,
  normaliseMs,
  removeTempDirectories,
  runCli,
  steppingClock,
} from '../../test/cli-harness.js';
import { run } from '../run.js';
import type { JsonParseReport } from './parse-report.js';

const VALID = 'let\n    Source = 1 + 2\nin\n    Source\n';
const INVALID = 'let\n    Source = 1 +\nin\n    Source\n';
const SECTION = 'section Connector;\n\nshared Connector.Contents = () => "hello";\n';

afterEach(removeTempDirectories);

describe('pqsdk parse', () => {
  it('prints "ok" for a file that parses, and exits 0', async () => {
    const cwd = makeTempDirectory({ 'Query.pq': VALID });
    const result = await runCli(['parse', 'Query.pq'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
      "Query.pq: ok
      1 file, 0 failed, 37 bytes, <ms> ms
      "
    `);
  });

  it('reads section documents as well as expressions', async () => {
    const cwd = makeTempDirectory({ 'Connector.pq': SECTION });
    const result = await runCli(['parse', 'Connector.pq'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Connector\.pq: ok\n/);
  });

  it('prints path:line:column and the message for each problem, and exits 1', async () => {
    const cwd = makeTempDirectory({
      'Broken.pq': INVALID,
      'Twice.pq': 'let\n  a = (1,\n in a',
    });
    const result = await runCli(['parse', 'Broken.pq', 'Twice.pq'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
      "Broken.pq:3:1 expected an expression, found \`in\`
      Twice.pq:2:9 expected \`)\` to close \`(\` at 2:7, found \`,\`
      Twice.pq:3:2 expected a name, found \`in\`; remove the trailing \`,\`
      2 files, 2 failed, 54 bytes, <ms> ms
      "
    `);
  });

  it('walks directories for .pq, .pqm and .m files in sorted order, skipping node_modules and dot directories', async () => {
    const cwd = makeTempDirectory({
      'project/b.pq': VALID,
      'project/a.pq': VALID,
      'project/A-upper.PQ': VALID,
      'project/lib/Helpers.pqm': VALID,
      'project/lib/deep/er/Query.M': VALID,
      'project/lib/notes.txt': 'not M',
      'project/lib/settings.json': '{ "not": "M" }',
      'project/lib/pq': 'no extension',
      'project/node_modules/dep/index.pq': INVALID,
      'project/.git/hooks/x.pq': INVALID,
      'project/.vscode/y.pq': INVALID,
      'project/z.query.pq': VALID,
    });
    const result = await runCli(['parse', 'project'], { cwd });
    expect(result.code).toBe(0);
    expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
      "project/A-upper.PQ: ok
      project/a.pq: ok
      project/b.pq: ok
      project/lib/Helpers.pqm: ok
      project/lib/deep/er/Query.M: ok
      project/z.query.pq: ok
      6 files, 0 failed, 222 bytes, <ms> ms
      "
    `);
  });

  it('shows paths relative to the directory given, as given', async () => {
    const cwd = makeTempDirectory({ 'src/a.pq': VALID, 'b.pq': VALID, '.hidden/c.pq': VALID });
    const listed = await runCli(['parse', '.', './src/', join(cwd, 'b.pq')], { cwd });
    const paths = listed.stdout.split('\n').filter((line) => line.endsWith(': ok'));
    // b.pq comes once: a file reached twice is parsed once, where it is first found.
    expect(paths).toEqual(['b.pq: ok', 'src/a.pq: ok']);
  });

  it('parses a file named explicitly whatever its extension', async () => {
    const cwd = makeTempDirectory({ 'query.txt': VALID, '-odd.pq': VALID });
    const result = await runCli(['parse', 'query.txt', '--', '-odd.pq'], { cwd });
    expect(result.code).toBe(0);
    expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
      "query.txt: ok
      -odd.pq: ok
      2 files, 0 failed, 74 bytes, <ms> ms
      "
    `);
  });

  it('with --quiet, prints only the problems and the summary', async () => {
    const cwd = makeTempDirectory({ 'a.pq': VALID, 'b.pq': INVALID, 'c.pq': VALID });
    for (const flag of ['--quiet', '-q']) {
      const result = await runCli(['parse', flag, '.'], { cwd, isTTY: true });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
        "b.pq:3:1 expected an expression, found \`in\`
        3 files, 1 failed, 109 bytes, <ms> ms
        "
      `);
    }
    const allGood = await runCli(['parse', '--quiet', 'a.pq'], { cwd });
    expect(normaliseMs(allGood.stdout)).toBe('1 file, 0 failed, 37 bytes, <ms> ms\n');
  });

  it('with --json, prints one JSON document of the files and the summary', async () => {
    const cwd = makeTempDirectory({ 'dir/good.pq': VALID, 'dir/bad.pq': INVALID });
    const result = await runCli(['parse', '--json', 'dir'], { cwd, isTTY: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.endsWith('\n')).toBe(true);
    const report = JSON.parse(result.stdout) as JsonParseReport;
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(report.files).toEqual([
      {
        path: 'dir/bad.pq',
        ok: false,
        diagnostics: [
          {
            line: 3,
            column: 1,
            endLine: 3,
            endColumn: 3,
            code: 'PQSDK_PARSE_UNEXPECTED_TOKEN',
            severity: 'error',
            message: 'expected an expression, found `in`',
          },
        ],
      },
      { path: 'dir/good.pq', ok: true, diagnostics: [] },
    ]);
    expect(Object.keys(report.summary)).toEqual(['files', 'failed', 'bytes', 'ms']);
    expect(report.summary).toMatchObject({ files: 2, failed: 1, bytes: 72 });
    expect(Number.isInteger(report.summary.ms)).toBe(true);
  });

  it('prints an empty report for a directory without M files, and exits 0', async () => {
    const cwd = makeTempDirectory({ 'docs/readme.md': '# nothing here' });
    const human = await runCli(['parse', 'docs'], { cwd });
    expect(human.code).toBe(0);
    expect(normaliseMs(human.stdout)).toBe('0 files, 0 failed, 0 bytes, <ms> ms\n');
    const json = await runCli(['parse', '--json', 'docs'], { cwd });
    expect(normaliseMs(json.stdout)).toBe(
      '{"files":[],"summary":{"files":0,"failed":0,"bytes":0,"ms":"<ms>"}}\n',
    );
  });

  it('counts bytes as stored, keeping a byte-order mark in the text it parses', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const cwd = makeTempDirectory({
      'bom.pq': Buffer.concat([bom, Buffer.from('"é€" & "😀"\n', 'utf8')]),
      'bom-bad.pq': Buffer.concat([bom, Buffer.from('1 +', 'utf8')]),
    });
    const result = await runCli(['parse', '.'], { cwd });
    expect(result.code).toBe(1);
    // Columns do not count the byte-order mark.
    expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
      "bom-bad.pq:1:4 expected an expression, found the end of the input
      bom.pq: ok
      2 files, 1 failed, 26 bytes, <ms> ms
      "
    `);
  });

  it('reports the run time from the clock it is given', async () => {
    const cwd = makeTempDirectory({ 'a.pq': VALID });
    const result = await runCli(['parse', '--json', 'a.pq'], { cwd, now: steppingClock(5) });
    const report = JSON.parse(result.stdout) as JsonParseReport;
    expect(report.summary.ms).toBeGreaterThan(0);
    expect(report.summary.ms % 5).toBe(0);
  });

  it.each([
    [['parse'], 'pqsdk parse: no files or directories given; run pqsdk parse --help\n'],
    [['parse', '--jsn', 'a.pq'], 'pqsdk parse: unknown option "--jsn"; run pqsdk parse --help\n'],
    [['parse', '-x', 'a.pq'], 'pqsdk parse: unknown option "-x"; run pqsdk parse --help\n'],
    [
      ['parse', '--json=yes', 'a.pq'],
      'pqsdk parse: option "--json" takes no value; run pqsdk parse --help\n',
    ],
    [['parse', 'a.pq', 'missing.pq'], 'pqsdk parse: no such file or directory: missing.pq\n'],
    [['parse', 'a.pq/inside.pq'], 'pqsdk parse: no such file or directory: a.pq/inside.pq\n'],
  ])('rejects %j with one line on standard error and exit code 2', async (argv, message) => {
    const cwd = makeTempDirectory({ 'a.pq': VALID });
    expect(await runCli(argv, { cwd })).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('prints its help, with examples and the exit codes', async () => {
    const result = await runCli(['parse', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Usage: pqsdk parse [options] <file|directory>...

      Parse Power Query M files and report their syntax errors.

      Directories are searched recursively for .pq, .pqm and .m files (in any case), skipping
      node_modules and directories whose name starts with a dot; a file named explicitly is parsed
      whatever its name. Each file prints "<path>: ok", or one "<path>:<line>:<column> <message>"
      line per problem; a summary follows: "<N> files, <F> failed, <B> bytes, <MS> ms".

      Options:
        --json         Print one JSON document instead:
                       {"files":[{"path","ok","diagnostics":[{"line","column","message",...}]}],
                        "summary":{"files","failed","bytes","ms"}}
        -q, --quiet    Print only the problems and the summary
        -h, --help     Show this help

      Examples:
        pqsdk parse MyConnector.pq
        pqsdk parse --quiet src queries/Sales.query.pq
        pqsdk parse --json . > parse-report.json

      Exit codes:
        0   success
        1   at least one file has syntax errors
        2   usage error: unknown command or option, missing argument, path missing or unreadable
        70  internal error (a bug in pqsdk); rerun with PQSDK_DEBUG=1 to see the stack
      "
    `);
    expect((await runCli(['parse', '-h', 'whatever.pq'])).stdout).toBe(result.stdout);
  });

  it('draws a spinner on a terminal, and erases it before other output and at the end', async () => {
    const cwd = makeTempDirectory({ 'a.pq': VALID, 'b.pq': VALID, 'c.pq': INVALID });
    // One log of both streams, as a terminal shows them.
    const log: string[] = [];
    const code = await run(['parse', '.'], {
      stdout: (text) => log.push(`out:${text}`),
      stderr: (text) => log.push(`err:${text}`),
      cwd,
      isTTY: true,
      now: steppingClock(100),
    });
    expect(code).toBe(1);
    const clear = 'err:\r\u001b[2K';
    const frames = log
      .filter((entry) => entry.startsWith(clear) && entry !== clear)
      .map((entry) => entry.slice(clear.length));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0]).toMatch(
      /^. (finding M files: \d+ found|parsing: \d of 3 files) \(\d+\.\ds\)$/,
    );
    let visible = false;
    for (const entry of log) {
      if (entry.startsWith('err:')) visible = entry !== clear;
      else expect(visible, `spinner still drawn when printing ${entry}`).toBe(false);
    }
    expect(log.at(-1)).toMatch(/^out:3 files, 1 failed, 109 bytes, \d+ ms\n$/);
  });

  it('never draws a spinner when standard error is not a terminal, or with --json or --quiet', async () => {
    const cwd = makeTempDirectory({ 'a.pq': VALID, 'b.pq': VALID });
    const now = steppingClock(100);
    expect((await runCli(['parse', '.'], { cwd, isTTY: false, now })).stderr).toBe('');
    expect((await runCli(['parse', '--json', '.'], { cwd, isTTY: true, now })).stderr).toBe('');
    expect((await runCli(['parse', '--quiet', '.'], { cwd, isTTY: true, now })).stderr).toBe('');
  });

  it('does not walk a directory loop forever', async () => {
    const cwd = makeTempDirectory({ 'real/a.pq': VALID, 'real/sub/b.pq': VALID });
    // A junction on Windows (no privilege needed); the type is ignored elsewhere.
    symlinkSync(join(cwd, 'real'), join(cwd, 'real', 'sub', 'loop'), 'junction');
    const result = await runCli(['parse', 'real'], { cwd });
    expect(result.code).toBe(0);
    expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
      "real/a.pq: ok
      real/sub/b.pq: ok
      2 files, 0 failed, 74 bytes, <ms> ms
      "
    `);
  });

  // Directory junctions need no special rights on Windows; elsewhere the type is ignored.
  it('follows links to directories, and ignores dangling ones', async () => {
    const cwd = makeTempDirectory({ 'real/a.pq': VALID, 'other/b.pq': VALID });
    symlinkSync(join(cwd, 'other'), join(cwd, 'real', 'linked'), 'junction');
    symlinkSync(join(cwd, 'nowhere'), join(cwd, 'real', 'dangling'), 'junction');
    const result = await runCli(['parse', 'real'], { cwd });
    expect(result.code).toBe(0);
    expect(normaliseMs(result.stdout)).toMatchInlineSnapshot(`
      "real/a.pq: ok
      real/linked/b.pq: ok
      2 files, 0 failed, 74 bytes, <ms> ms
      "
    `);
  });
});

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZip } from '@pqsdk/packager';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories, runCli } from '../../test/cli-harness.js';
import type { JsonCompileReport } from './compile-report.js';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const EXAMPLES = ['HelloWorld', 'RestApi', 'OAuthPkce', 'ODataFeed', 'TableViewFolding'] as const;

const RESX = (strings: Readonly<Record<string, string>>): string =>
  `<root>${Object.entries(strings)
    .map(([name, value]) => `<data name="${name}"><value>${value}</value></data>`)
    .join('')}</root>`;

const HELLO = `section Hello;

[DataSource.Kind = "Hello", Publish = "Hello.Publish"]
shared Hello.Contents = () => Extension.LoadString("Greeting");

Hello = [Authentication = [Anonymous = []]];

Hello.Publish = [Category = "Other", SourceImage = [Icon16 = {Extension.Contents("Hello16.png")}]];
`;

afterEach(removeTempDirectories);

describe('pqsdk compile', () => {
  it.each(EXAMPLES)(
    'builds the %s example into the folder given, reproducibly',
    async (example) => {
      const cwd = makeTempDirectory();
      const project = join(EXAMPLES_DIR, example);
      const result = await runCli(['compile', project, '-d', 'out'], { cwd });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        new RegExp(`^wrote out/${example}\\.mez \\(\\d+ files, \\d+ bytes\\)\\n$`),
      );
      const bytes = readFileSync(join(cwd, 'out', `${example}.mez`));
      const names = readZip(bytes).entries.map((entry) => entry.name);
      expect(names.filter((name) => /\.(pq|m)$/i.test(name))).toHaveLength(1);
      expect(names.some((name) => name.endsWith('.query.pq'))).toBe(false);

      const again = await runCli(['compile', project, '--dest', 'again'], { cwd });
      expect(again.code).toBe(0);
      expect(readFileSync(join(cwd, 'again', `${example}.mez`)).equals(bytes)).toBe(true);
    },
  );

  it('writes bin/AnyCPU/Debug/<folder>.mez by default, or the target given', async () => {
    const cwd = makeTempDirectory();
    cpSync(join(EXAMPLES_DIR, 'HelloWorld'), join(cwd, 'HelloWorld'), { recursive: true });
    const result = await runCli(['compile', 'HelloWorld'], { cwd });
    const written = statSync(join(cwd, 'HelloWorld/bin/AnyCPU/Debug/HelloWorld.mez')).size;
    expect(result).toEqual({
      code: 0,
      stdout: `wrote HelloWorld/bin/AnyCPU/Debug/HelloWorld.mez (9 files, ${String(written)} bytes)\n`,
      stderr: '',
    });
    const named = await runCli(['compile', 'HelloWorld', '-t', 'Greeter.mez', '-d', 'dist'], {
      cwd,
    });
    expect(named.stdout).toBe(`wrote dist/Greeter.mez (9 files, ${String(written)} bytes)\n`);
    expect(readFileSync(join(cwd, 'dist', 'Greeter.mez'))).toEqual(
      readFileSync(join(cwd, 'HelloWorld', 'bin', 'AnyCPU', 'Debug', 'HelloWorld.mez')),
    );
  });

  it('says which files it ignored', async () => {
    const cwd = makeTempDirectory({
      'Hello/Hello.pq': HELLO,
      'Hello/Hello16.png': 'png',
      'Hello/resources.resx': RESX({ Greeting: 'Hi' }),
      'Hello/Hello.query.pq': 'Hello.Contents()',
      'Hello/README.md': '# Hello',
      'Hello/notes.txt': 'x',
    });
    const result = await runCli(['compile', 'Hello', '-d', 'out'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "ignored Hello/README.md: not a connector file
      ignored Hello/notes.txt: not a connector file
      wrote out/Hello.mez (3 files, 561 bytes)
      "
    `);
  });

  it('prints every problem as file:line:column, writes nothing, and exits 1', async () => {
    const cwd = makeTempDirectory({
      'Hello/Hello.pq': HELLO.replace('"Greeting"', '"Greet"')
        .replace('"Hello16.png"', '"Hello32.png"')
        .replace('DataSource.Kind = "Hello"', 'DataSource.Kind = "Helo"'),
      'Hello/Hello16.png': 'png',
      'Hello/Util.pqm': '(x) =>\n  x +',
      'Hello/resources.resx': RESX({ Greeting: 'Hi' }).replace(
        '</root>',
        '<data name="Greeting"/></root>',
      ),
    });
    const result = await runCli(['compile', 'Hello', '-d', 'out'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "Hello/Hello.pq:3:20 DataSource.Kind "Helo" of Hello.Contents names no member of section Hello; add the data source record: Helo = [Authentication = […]];
      Hello/Hello.pq:4:52 resources.resx has no string named "Greet"; add <data name="Greet"><value>…</value></data>
      Hello/Hello.pq:8:82 Extension.Contents("Hello32.png") names no file of the package; add Hello32.png to the project folder
      Hello/Util.pqm:2:6 expected an expression, found the end of the input
      Hello/resources.resx:1:53 a second <data> named "Greeting"
      build failed: 5 problems; nothing was written
      "
    `);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('lists the section documents when there is not exactly one', async () => {
    const cwd = makeTempDirectory({ 'Two/A.pq': 'section A;', 'Two/B.m': 'section B;' });
    const result = await runCli(['compile', 'Two'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'a connector has exactly one section document (.pq or .m, other than *.query.pq), found 2: A.pq, B.m\nbuild failed: 1 problem; nothing was written\n',
    );
  });

  it('prints one JSON document with --json', async () => {
    const cwd = makeTempDirectory({
      'Hello/Hello.pq': HELLO.replace('"Greeting"', '"Greet"'),
      'Hello/Hello16.png': 'png',
      'Hello/resources.resx': RESX({ Greeting: 'Hi' }),
    });
    const failed = await runCli(['compile', '--json', 'Hello'], { cwd });
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toEqual({
      ok: false,
      output: null,
      bytes: null,
      files: [
        { name: 'Hello.pq', size: 279 },
        { name: 'Hello16.png', size: 3 },
        { name: 'resources.resx', size: 59 },
      ],
      ignored: [],
      problems: [
        {
          file: 'Hello/Hello.pq',
          line: 4,
          column: 52,
          code: 'PQSDK_BUILD_MISSING_STRING',
          message:
            'resources.resx has no string named "Greet"; add <data name="Greet"><value>…</value></data>',
        },
      ],
    } satisfies JsonCompileReport);

    const built = await runCli(
      ['compile', '--json', join(EXAMPLES_DIR, 'HelloWorld'), '-d', 'out'],
      { cwd },
    );
    const report = JSON.parse(built.stdout) as JsonCompileReport;
    expect(built.code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.output).toBe('out/HelloWorld.mez');
    expect(report.files.map((file) => file.name)).toContain('resources.resx');
    expect(report.problems).toEqual([]);
  });

  it('exits 1 with one line on standard error when the .mez cannot be written', async () => {
    const cwd = makeTempDirectory();
    mkdirSync(join(cwd, 'out', 'HelloWorld.mez'), { recursive: true });
    const result = await runCli(['compile', join(EXAMPLES_DIR, 'HelloWorld'), '-d', 'out'], {
      cwd,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pqsdk compile: cannot write \S+HelloWorld\.mez: .+\n$/);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['HelloWorld.mez']);
  });

  it.each([
    [[], 'pqsdk compile: no project folder given; run pqsdk compile --help\n'],
    [['a', 'b'], 'pqsdk compile: give one project folder, not 2; run pqsdk compile --help\n'],
    [['missing'], 'pqsdk compile: no such file or directory: missing\n'],
    [['file.pq'], 'pqsdk compile: not a folder: file.pq; give the project folder\n'],
    [
      ['Hello', '--target'],
      'pqsdk compile: option "--target" needs a value; run pqsdk compile --help\n',
    ],
    [
      ['Hello', '--target='],
      'pqsdk compile: option "--target" needs a file name; run pqsdk compile --help\n',
    ],
    [
      ['Hello', '-t', 'sub/name'],
      'pqsdk compile: the output name "sub/name" is not a file name; give a name such as "MyConnector", and the folder separately\n',
    ],
    [
      ['Hello', '--frobnicate'],
      'pqsdk compile: unknown option "--frobnicate"; run pqsdk compile --help\n',
    ],
  ])('refuses %j with one line on standard error and exit code 2', async (argv, message) => {
    const cwd = makeTempDirectory({ 'file.pq': 'section A;', 'Hello/Hello.pq': HELLO });
    expect(await runCli(['compile', ...argv], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: message,
    });
  });

  it('has --help with an example and the exit codes', async () => {
    const result = await runCli(['compile', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pqsdk compile \[options\] <project-folder>\n/);
    expect(result.stdout).toContain('Examples:\n  pqsdk compile MyConnector\n');
    expect(result.stdout).toContain(
      '  1   the project has problems (nothing was written), or the .mez could not be written\n',
    );
    expect(await runCli(['help', 'compile'])).toEqual(result);
  });
});

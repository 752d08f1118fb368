import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXAMPLES,
  exampleFileNames,
  examplePath,
  makeTempDirectory,
  removeTempDirectories,
  resx,
} from '../test/fixtures.js';
import { formatBuildProblem } from './build-problem.js';
import { compileConnector, mezOutputPath, type CompileResult } from './compile.js';
import { PackagerError } from './errors.js';
import { readZip } from './zip-reader.js';

afterEach(removeTempDirectories);

function succeeded(result: CompileResult): Extract<CompileResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a build, got ${JSON.stringify(result.problems)}`);
  return result;
}

/** The files the rules say go into the `.mez` of an example project. */
function expectedEntries(example: string): string[] {
  return exampleFileNames(example).filter((name) => {
    const lower = name.toLowerCase();
    if (lower.endsWith('.query.pq') || lower.endsWith('.parameterquery.pq')) return false;
    return (
      lower.endsWith('.pq') ||
      lower.endsWith('.m') ||
      lower.endsWith('.pqm') ||
      lower.endsWith('.png') ||
      /^resources.*\.resx$/.test(lower)
    );
  });
}

const HELLO = `section Hello;
[DataSource.Kind = "Hello", Publish = "Hello.Publish"]
shared Hello.Contents = () => Extension.LoadString("Greeting");
Hello = [Authentication = [Anonymous = []]];
Hello.Publish = [Category = "Other"];
`;

describe('compileConnector', () => {
  describe.each(EXAMPLES)('the %s example', (example) => {
    it('packages exactly the connector files, reproducibly', async () => {
      const out = makeTempDirectory();
      const first = succeeded(await compileConnector(examplePath(example), { outDir: out }));
      expect(first.outputPath).toBe(join(out, `${example}.mez`));
      const bytes = readFileSync(first.outputPath);
      expect(first.bytes).toBe(bytes.length);
      const entries = readZip(bytes).entries.map((entry) => entry.name);
      expect(entries).toEqual(expectedEntries(example));
      expect(entries.some((name) => name.endsWith('.query.pq'))).toBe(false);
      expect(first.files.map((file) => file.name)).toEqual(entries);
      expect(first.ignored).toEqual([]);

      const again = makeTempDirectory();
      const second = succeeded(await compileConnector(examplePath(example), { outDir: again }));
      expect(readFileSync(second.outputPath).equals(bytes)).toBe(true);
    });
  });

  it('packages the HelloWorld files the SDK would', async () => {
    const out = makeTempDirectory();
    const result = succeeded(await compileConnector(examplePath('HelloWorld'), { outDir: out }));
    expect(result.files).toMatchInlineSnapshot(`
      [
        {
          "name": "HelloWorld.pq",
          "size": 8634,
        },
        {
          "name": "HelloWorld16.png",
          "size": 95,
        },
        {
          "name": "HelloWorld20.png",
          "size": 101,
        },
        {
          "name": "HelloWorld24.png",
          "size": 107,
        },
        {
          "name": "HelloWorld32.png",
          "size": 125,
        },
        {
          "name": "HelloWorld40.png",
          "size": 133,
        },
        {
          "name": "HelloWorld48.png",
          "size": 144,
        },
        {
          "name": "HelloWorld64.png",
          "size": 177,
        },
        {
          "name": "resources.resx",
          "size": 1928,
        },
      ]
    `);
  });

  it('writes to bin/AnyCPU/Debug/<folder>.mez by default, and rebuilds over it', async () => {
    const root = makeTempDirectory();
    const project = join(root, 'HelloWorld');
    cpSync(examplePath('HelloWorld'), project, { recursive: true });
    const first = succeeded(await compileConnector(project));
    expect(first.outputPath).toBe(join(project, 'bin', 'AnyCPU', 'Debug', 'HelloWorld.mez'));
    const bytes = readFileSync(first.outputPath);
    const second = succeeded(await compileConnector(project));
    expect(readFileSync(second.outputPath).equals(bytes)).toBe(true);
    expect(readdirSync(join(project, 'bin', 'AnyCPU', 'Debug'))).toEqual(['HelloWorld.mez']);
  });

  it('names the output after the target, with or without .mez', async () => {
    const out = makeTempDirectory();
    const project = examplePath('HelloWorld');
    expect(
      succeeded(await compileConnector(project, { outDir: out, target: 'Hi' })).outputPath,
    ).toBe(join(out, 'Hi.mez'));
    expect(mezOutputPath(project, { outDir: out, target: 'Hi.MEZ' })).toBe(join(out, 'Hi.mez'));
    for (const target of ['', '..', 'a/b', 'a\\b']) {
      expect(() => mezOutputPath(project, { target })).toThrow(PackagerError);
    }
  });

  it('leaves out queries, test settings, dotfiles and sub-folders, and ignores other files', async () => {
    const project = makeTempDirectory({
      'Hello.pq': HELLO,
      'Hello.query.pq': 'Hello.Contents()',
      'Hello.parameterquery.pq': '1',
      'Hello.testsettings.json': '{}',
      '.gitignore': 'bin/',
      'README.md': '# Hello',
      'Hello.proj': '<Project/>',
      'Helpers.pqm': '1',
      'Hello16.PNG': 'png',
      'resources.resx': resx({ Greeting: 'Hi' }),
      'resources.de-DE.resx': resx({ Greeting: 'Hallo' }),
      'strings.resx': resx({}),
      'bin/AnyCPU/Debug/Old.mez': 'old',
      'obj/x.pq': 'not a section',
      'sub/Other.pq': 'section Other;',
    });
    const out = makeTempDirectory();
    const result = succeeded(await compileConnector(project, { outDir: out }));
    expect(readZip(readFileSync(result.outputPath)).entries.map((entry) => entry.name)).toEqual([
      'Hello.pq',
      'Hello16.PNG',
      'Helpers.pqm',
      'resources.de-DE.resx',
      'resources.resx',
    ]);
    expect(result.ignored).toEqual(['Hello.proj', 'README.md', 'strings.resx']);
  });

  it('packages the files a .proj lists as <MezContent>, as the SDK project does', async () => {
    const project = makeTempDirectory({
      'Hello.pq': HELLO.replace(
        'Extension.LoadString("Greeting")',
        'Text.FromBinary(Extension.Contents("client_id")) & Text.FromBinary(Extension.Contents("apis.json"))',
      ),
      'Hello.proj': `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
  <ItemGroup>
    <MezContent Include="$(MsBuildProjectName).pq" />
    <MezContent Include="client_id;apis.json" />
    <MezContent Condition="true" Include='data\\*.csv' />
  </ItemGroup>
</Project>`,
      client_id: 'the-client',
      'apis.json': '{}',
      'data/a.csv': 'a',
      'data/b.csv': 'b',
      'data/notes.txt': 'left out',
      'README.md': '# Hello',
    });
    const out = makeTempDirectory();
    const result = succeeded(await compileConnector(project, { outDir: out }));
    const entries = readZip(readFileSync(result.outputPath)).entries.map((entry) => entry.name);
    expect(entries).toEqual(['Hello.pq', 'a.csv', 'apis.json', 'b.csv', 'client_id']);
    expect(result.ignored).toEqual(['Hello.proj', 'README.md']);
  });

  it('reports a <MezContent> item that names no file it can package, at its place', async () => {
    const project = makeTempDirectory({
      'Hello.pq': HELLO,
      'resources.resx': resx({ Greeting: 'Hi' }),
      'Hello.proj': [
        '<Project>',
        '  <ItemGroup>',
        '    <MezContent Include="missing.json" />',
        '    <MezContent Include="..\\outside.txt" />',
        '    <MezContent Include="$(SolutionDir)x.txt" />',
        '    <MezContent Include="*.nothing" />',
        '    <MezContent Include="other/Hello.pq" />',
        '  </ItemGroup>',
        '</Project>',
      ].join('\n'),
      'other/Hello.pq': 'section Other;',
    });
    const result = await compileConnector(project, { outDir: makeTempDirectory() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => formatBuildProblem(problem))).toEqual([
      'Hello.proj:3:5 <MezContent Include="missing.json"> cannot be packaged: no such file',
      'Hello.proj:4:5 <MezContent Include="..\\outside.txt"> cannot be packaged: it names a file outside the project folder',
      'Hello.proj:5:5 <MezContent Include="$(SolutionDir)x.txt"> cannot be packaged: it uses an MSBuild property pqsdk does not know',
      'Hello.proj:6:5 <MezContent Include="*.nothing"> cannot be packaged: no file matches',
      'Hello.proj:7:5 <MezContent Include="other/Hello.pq"> cannot be packaged: it would be packaged as Hello.pq, the name of another file',
    ]);
  });

  it('reports every problem with its place and writes nothing', async () => {
    const project = makeTempDirectory({
      'Hello.pq': HELLO.replace('"Hello.Publish"', '"Hello.Pub"').replace('"Greeting"', '"Greet"'),
      'Broken.pqm': 'let x = in x',
      'resources.resx': resx({ Greeting: 'Hi' }),
    });
    const out = join(makeTempDirectory(), 'out');
    const result = await compileConnector(project, { outDir: out });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => formatBuildProblem(problem))).toMatchInlineSnapshot(`
      [
        "Broken.pqm:1:9 expected an expression, found \`in\`",
        "Hello.pq:2:39 Publish "Hello.Pub" of Hello.Contents names no member of section Hello; add the publish record: Hello.Pub = [Category = "Other", ButtonText = {…}];",
        "Hello.pq:3:52 resources.resx has no string named "Greet"; add <data name="Greet"><value>…</value></data>",
      ]
    `);
    expect(existsSync(out)).toBe(false);
  });

  it('lists the section documents it found when there is not exactly one', async () => {
    const project = makeTempDirectory({ 'A.pq': 'section A;', 'B.m': 'section B;' });
    const result = await compileConnector(project, { outDir: makeTempDirectory() });
    expect(result.ok ? [] : result.problems.map((problem) => formatBuildProblem(problem))).toEqual([
      'a connector has exactly one section document (.pq or .m, other than *.query.pq), found 2: A.pq, B.m',
    ]);
  });

  it('throws PQSDK_BUILD_NOT_A_DIRECTORY for a project that is not a folder', async () => {
    const root = makeTempDirectory({ 'file.pq': 'section A;' });
    for (const path of [join(root, 'missing'), join(root, 'file.pq')]) {
      await expect(compileConnector(path)).rejects.toSatisfy(
        (error: unknown) =>
          error instanceof PackagerError && error.code === 'PQSDK_BUILD_NOT_A_DIRECTORY',
      );
    }
  });

  it('leaves nothing behind when the output cannot be written', async () => {
    const out = makeTempDirectory();
    mkdirSync(join(out, 'HelloWorld.mez'));
    await expect(compileConnector(examplePath('HelloWorld'), { outDir: out })).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof PackagerError && error.code === 'PQSDK_BUILD_WRITE_FAILED',
    );
    expect(readdirSync(out)).toEqual(['HelloWorld.mez']);
    expect(readdirSync(join(out, 'HelloWorld.mez'))).toEqual([]);
  });
});

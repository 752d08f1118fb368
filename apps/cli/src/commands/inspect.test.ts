import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
  DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
  DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
  opcPackageFromMezFiles,
  PACKAGE_ROOT,
  pqxFromMez,
  readZip,
  relationshipsFrom,
  writeOpcPackage,
  writeZip,
} from '@pqsdk/packager';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories, runCli } from '../../test/cli-harness.js';
import { rawZip } from '../../test/raw-zip.js';
import { PASSWORD, writeCertificate } from '../../test/signing-fixtures.js';
import type { JsonInspectReport } from './inspect-report.js';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const EXAMPLES = [
  ['HelloWorld', 'HelloWorld', ['Anonymous']],
  ['RestApi', 'BookCatalog', ['Key']],
  ['OAuthPkce', 'Fieldnotes', ['OAuth']],
  ['ODataFeed', 'Greenhouse', ['Anonymous', 'UsernamePassword']],
  ['TableViewFolding', 'TideGauge', ['Anonymous', 'Key']],
] as const;

afterEach(removeTempDirectories);

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Builds an example with `pqsdk compile` into `cwd/out`, and packs a `.pqx` beside it. */
async function buildExample(cwd: string, example: string): Promise<{ mez: string; pqx: string }> {
  const built = await runCli(['compile', join(EXAMPLES_DIR, example), '-d', 'out'], { cwd });
  if (built.code !== 0) throw new Error(built.stdout + built.stderr);
  const mez = join('out', `${example}.mez`);
  const pqx = join('out', `${example}.pqx`);
  writeFileSync(join(cwd, pqx), await pqxFromMez(readFileSync(join(cwd, mez))));
  return { mez, pqx };
}

describe('pqsdk inspect', () => {
  it('shows the entries, connector, data source kinds, publish record and signature of a .mez', async () => {
    const cwd = makeTempDirectory();
    const { mez } = await buildExample(cwd, 'HelloWorld');
    const result = await runCli(['inspect', mez], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "file:        out/HelloWorld.mez (mez, 9 entries)
      connector:   HelloWorld
      version:     1.0.0
      data source: HelloWorld
        label:            "Hello World"
        authentication:   Anonymous
        functions:        HelloWorld.Contents
      publish:     HelloWorld.Publish (for HelloWorld.Contents)
        Beta:             true
        Category:         "Other"
        ButtonText:       {"Hello World", "Build a small table of greetings, without connecting to anything."}
        LearnMoreUrl:     "https://example.com/pqsdk/hello-world"
      entries:
        HelloWorld.pq     8634
        HelloWorld16.png    95
        HelloWorld20.png   101
        HelloWorld24.png   107
        HelloWorld32.png   125
        HelloWorld40.png   133
        HelloWorld48.png   144
        HelloWorld64.png   177
        resources.resx    1928
      signature:   none (a .mez file cannot be signed)
      "
    `);
  });

  it('shows the parts and their roles of a .pqx', async () => {
    const cwd = makeTempDirectory();
    const { pqx } = await buildExample(cwd, 'HelloWorld');
    const result = await runCli(['inspect', pqx], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "file:        out/HelloWorld.pqx (pqx, 11 entries)
      connector:   HelloWorld
      version:     1.0.0
      data source: HelloWorld
        label:            "Hello World"
        authentication:   Anonymous
        functions:        HelloWorld.Contents
      publish:     HelloWorld.Publish (for HelloWorld.Contents)
        Beta:             true
        Category:         "Other"
        ButtonText:       {"Hello World", "Build a small table of greetings, without connecting to anything."}
        LearnMoreUrl:     "https://example.com/pqsdk/hello-world"
      entries:
        [Content_Types].xml   409  content-types
        HelloWorld.pq        8634  connector
        HelloWorld16.png       95  connector
        HelloWorld20.png      101  connector
        HelloWorld24.png      107  connector
        HelloWorld32.png      125  connector
        HelloWorld40.png      133  connector
        HelloWorld48.png      144  connector
        HelloWorld64.png      177  connector
        _rels/.rels           256  relationships
        resources.resx       1928  connector
      signature:   none (the package has no signature parts)
      "
    `);
  });

  it.each(EXAMPLES)(
    'reads the %s example, .mez and .pqx alike, for people and as JSON',
    async (example, name, kinds) => {
      const cwd = makeTempDirectory();
      const { mez, pqx } = await buildExample(cwd, example);
      const fromMez = await runCli(['inspect', '--json', mez], { cwd });
      const fromPqx = await runCli(['inspect', pqx, '--json'], { cwd });
      expect(fromMez.code).toBe(0);
      expect(fromPqx.code).toBe(0);
      for (const [file, format] of [
        [mez, 'mez'],
        [pqx, 'pqx'],
      ] as const) {
        const human = await runCli(['inspect', file], { cwd });
        expect(human.code).toBe(0);
        expect(human.stdout).toMatch(
          new RegExp(`^file: +${file.replace('.', '\\.')} \\(${format}, \\d+ entries\\)\n`),
        );
        expect(human.stdout).toContain(`\nconnector:   ${name}\n`);
        expect(human.stdout).toContain(`\ndata source: ${name}\n`);
        expect(human.stdout).toContain(`\n  authentication:   ${kinds.join(', ')}\n`);
        expect(human.stdout).toContain(`\npublish:     ${name}.Publish (for `);
        expect(human.stdout).toContain(`\n  ${name}.pq `);
        expect(human.stdout).toMatch(/\nsignature: {3}none \(.+\)\n$/);
      }
      const mezReport = JSON.parse(fromMez.stdout) as JsonInspectReport;
      const pqxReport = JSON.parse(fromPqx.stdout) as JsonInspectReport;
      expect(fromMez.stdout.endsWith('}\n')).toBe(true);
      expect(fromMez.stdout.split('\n')).toHaveLength(2);
      expect(mezReport).toMatchObject({
        file: mez,
        format: 'mez',
        connector: name,
        sectionFile: `${name}.pq`,
        dataSourceKinds: [{ name, authenticationKinds: kinds }],
        publish: [{ member: `${name}.Publish` }],
        signature: { present: false, status: 'unsigned' },
        problems: [],
      });
      expect(mezReport.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(mezReport.publish[0]?.fields).toHaveProperty('Category');
      expect(pqxReport).toEqual({
        ...mezReport,
        file: pqx,
        format: 'pqx',
        entries: expect.any(Array) as unknown,
        signature: {
          present: false,
          parts: [],
          status: 'unsigned',
          detail: 'the package has no signature parts',
        },
      });
      expect(
        pqxReport.entries
          .filter((entry) => entry.role === 'connector')
          .map(({ name: n, size }) => [n, size]),
      ).toEqual(mezReport.entries.map(({ name: n, size }) => [n, size]));
    },
  );

  it('says whether the signature of a signed .pqx is valid, and who signed it', async () => {
    const cwd = makeTempDirectory();
    const { mez } = await buildExample(cwd, 'HelloWorld');
    const certificate = writeCertificate(cwd, 'dev');
    const packed = await runCli(
      ['pack', '-mz', mez, '-c', 'dev.pfx', '-p', PASSWORD, '-t', 'signed.pqx'],
      { cwd },
    );
    expect(packed.code).toBe(0);
    const result = await runCli(['inspect', 'signed.pqx'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /\n {2}package\/services\/digital-signature\/origin\.psdsor +0 {2}signature\n/,
    );
    expect(result.stdout).toMatch(
      /\n {2}package\/services\/digital-signature\/xml-signature\/[0-9a-f]{32}\.psdsxs +\d+ {2}signature\n/,
    );
    expect(result.stdout).toContain(
      `signature:   valid (1 signature by CN=dev (test), thumbprint ${certificate.thumbprint}, certificate UntrustedRoot); 3 signature parts\n`,
    );
    const json = JSON.parse(
      (await runCli(['inspect', '--json', 'signed.pqx'], { cwd })).stdout,
    ) as JsonInspectReport;
    expect(json.signature).toEqual({
      present: true,
      parts: [
        '/package/services/digital-signature/_rels/origin.psdsor.rels',
        '/package/services/digital-signature/origin.psdsor',
        expect.stringMatching(
          /^\/package\/services\/digital-signature\/xml-signature\/[0-9a-f]{32}\.psdsxs$/,
        ) as unknown,
      ],
      status: 'valid',
      detail: `1 signature by CN=dev (test), thumbprint ${certificate.thumbprint}, certificate UntrustedRoot`,
    });
  });

  it('says a .pqx whose signed content changed has an INVALID signature', async () => {
    const cwd = makeTempDirectory();
    const { mez } = await buildExample(cwd, 'HelloWorld');
    writeCertificate(cwd, 'dev');
    await runCli(['pack', '-mz', mez, '-c', 'dev.pfx', '-p', PASSWORD, '-t', 'signed.pqx'], {
      cwd,
    });
    const entries = readZip(readFileSync(join(cwd, 'signed.pqx'))).entries.map((entry) =>
      entry.name === 'resources.resx' ? { name: entry.name, data: encode('<root/>') } : entry,
    );
    writeFileSync(join(cwd, 'signed.pqx'), await writeZip(entries));
    const result = await runCli(['inspect', 'signed.pqx'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /\nsignature: {3}INVALID \(InvalidSignature: \/package\/.+\.psdsxs: the digest of \/resources\.resx does not match: the part was changed\); 3 signature parts\n/,
    );
  });

  it('says a .pqx with signature parts but no signature is not signed (INVALID)', async () => {
    const cwd = makeTempDirectory();
    const { mez } = await buildExample(cwd, 'HelloWorld');
    const connector = opcPackageFromMezFiles(readZip(readFileSync(join(cwd, mez))).entries);
    const signed = await writeOpcPackage({
      parts: [
        ...connector.parts,
        {
          name: DIGITAL_SIGNATURE_ORIGIN_PART_NAME,
          contentType: DIGITAL_SIGNATURE_ORIGIN_CONTENT_TYPE,
          data: new Uint8Array(0),
        },
      ],
      relationships: new Map([
        [
          PACKAGE_ROOT,
          [
            ...relationshipsFrom(connector),
            {
              id: 'rId2',
              type: DIGITAL_SIGNATURE_ORIGIN_RELATIONSHIP_TYPE,
              target: 'package/services/digital-signature/origin.psdsor',
              targetMode: 'Internal' as const,
            },
          ],
        ],
      ]),
    });
    writeFileSync(join(cwd, 'signed.pqx'), signed);
    const result = await runCli(['inspect', 'signed.pqx'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  package/services/digital-signature/origin.psdsor     0  signature\n',
    );
    expect(result.stdout).toContain(
      'signature:   INVALID (NotSigned: the package has no signature); 1 signature part\n',
    );
    const json = JSON.parse(
      (await runCli(['inspect', '--json', 'signed.pqx'], { cwd })).stdout,
    ) as JsonInspectReport;
    expect(json.signature).toEqual({
      present: true,
      parts: ['/package/services/digital-signature/origin.psdsor'],
      status: 'invalid',
      detail: 'NotSigned: the package has no signature',
    });
  });

  it('lists the problems of a connector it can read, and exits 1', async () => {
    const cwd = makeTempDirectory();
    const bytes = await writeZip([
      {
        name: 'A.pq',
        data: encode(
          '[Version = "0.1"]\nsection A;\n[DataSource.Kind = "B"]\nshared A.Contents = 1;\n',
        ),
      },
    ]);
    writeFileSync(join(cwd, 'A.mez'), bytes);
    const result = await runCli(['inspect', 'A.mez'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "file:        A.mez (mez, 1 entry)
      connector:   A
      version:     0.1
      data source: B
        label:            (unknown)
        authentication:   (unknown)
        functions:        A.Contents
      entries:
        A.pq  76
      signature:   none (a .mez file cannot be signed)
      problems:
        A.pq:3:20 DataSource.Kind "B" of A.Contents names no member of section A; add the data source record: B = [Authentication = […]];
      "
    `);
  });

  it.each([
    [
      'a zip-slip entry',
      [{ name: '../evil.pq' }],
      'unsafe entry "../evil.pq": the name has a ".." segment, which would climb out of the extraction folder; the archive was not made by a connector build, so do not use it (PQSDK_ZIP_SLIP)',
    ],
    [
      'names that differ only in case',
      [{ name: 'A.pq' }, { name: 'a.pq' }],
      'entries "A.pq" and "a.pq" differ only in case; they would overwrite each other on Windows and macOS (PQSDK_ZIP_CASE_CONFLICT)',
    ],
  ])(
    'refuses an archive with %s: one line on standard error, exit 1',
    async (_label, entries, message) => {
      const cwd = makeTempDirectory();
      writeFileSync(join(cwd, 'bad.mez'), rawZip(entries.map((entry) => [entry.name, ''])));
      expect(await runCli(['inspect', 'bad.mez'], { cwd })).toEqual({
        code: 1,
        stdout: '',
        stderr: `pqsdk inspect: bad.mez: ${message}\n`,
      });
    },
  );

  it('refuses garbage and a truncated archive', async () => {
    const cwd = makeTempDirectory();
    const { mez } = await buildExample(cwd, 'HelloWorld');
    const bytes = readFileSync(join(cwd, mez));
    writeFileSync(join(cwd, 'cut.mez'), bytes.subarray(0, bytes.length - 100));
    writeFileSync(join(cwd, 'garbage.pqx'), 'this is not a zip file');
    const cut = await runCli(['inspect', 'cut.mez'], { cwd });
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(
      /^pqsdk inspect: cut\.mez: the archive is truncated: .+ \(PQSDK_ZIP_TRUNCATED\)\n$/,
    );
    const garbage = await runCli(['inspect', '--json', 'garbage.pqx'], { cwd });
    expect(garbage).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pqsdk inspect: garbage.pqx: this is not a zip archive (no end-of-central-directory record); a .mez or .pqx file is a zip file (PQSDK_ZIP_NOT_A_ZIP)\n',
    });
  });

  it.each([
    [[], 'pqsdk inspect: no .mez or .pqx file given; run pqsdk inspect --help\n'],
    [['a.mez', 'b.mez'], 'pqsdk inspect: give one file, not 2; run pqsdk inspect --help\n'],
    [['missing.mez'], 'pqsdk inspect: no such file or directory: missing.mez\n'],
    [
      ['folder'],
      'pqsdk inspect: cannot read folder: EISDIR: illegal operation on a directory, read (EISDIR)\n',
    ],
    [
      ['--frobnicate', 'a.mez'],
      'pqsdk inspect: unknown option "--frobnicate"; run pqsdk inspect --help\n',
    ],
  ])('refuses %j with one line on standard error and exit code 2', async (argv, message) => {
    const cwd = makeTempDirectory({ 'folder/x': '' });
    expect(await runCli(['inspect', ...argv], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: message,
    });
  });

  it('has --help with an example and the exit codes', async () => {
    const result = await runCli(['inspect', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pqsdk inspect \[options\] <file\.mez\|file\.pqx>\n/);
    expect(result.stdout).toContain('Examples:\n  pqsdk inspect bin/AnyCPU/Debug/HelloWorld.mez\n');
    expect(result.stdout).toContain('Exit codes:\n  0   success\n');
  });
});

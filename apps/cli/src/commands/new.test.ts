import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { readZip } from '@pqsdk/packager';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories, runCli } from '../../test/cli-harness.js';
import { ICON_SIZES, projectIcon } from './new-icons.js';
import { crc32 } from './png.js';

afterEach(removeTempDirectories);

const FILES = [
  'Greeter.pq',
  'Greeter.query.pq',
  'resources.resx',
  ...ICON_SIZES.map((size) => `Greeter${String(size)}.png`),
];

describe('pqsdk new', { timeout: 120_000 }, () => {
  it('creates a project that set-credential, run-test and compile work with right away', async () => {
    const cwd = makeTempDirectory();
    const store = join(cwd, 'state', 'credentials.json');
    const created = await runCli(['new', 'Greeter'], { cwd });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toBe(
      `${FILES.map((file) => `created Greeter/${file}`).join('\n')}
Next:
  pqsdk set-credential -e Greeter -q Greeter/Greeter.query.pq -ak Anonymous
  pqsdk run-test -e Greeter -q Greeter/Greeter.query.pq
  pqsdk compile Greeter
`,
    );
    expect(readdirSync(join(cwd, 'Greeter')).sort()).toEqual([...FILES].sort());

    const target = ['-e', 'Greeter', '-q', 'Greeter/Greeter.query.pq', '--credentials-file', store];
    const set = await runCli(['set-credential', ...target, '-ak', 'Anonymous'], { cwd });
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toEqual({
      Details: {
        Kind: 'Greeter',
        Path: 'Greeter',
        NormalizedPath: 'Greeter',
        IsDefaultForKind: false,
      },
      Message: 'Successfully set credential',
      Status: 'Success',
    });
    const ran = await runCli(['run-test', ...target], { cwd });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject([
      {
        Name: 'Greeter.query.pq',
        Status: 'Passed',
        Output: [{ Greeting: 'Hi from Greeter, world', Characters: 22 }],
        DataSourceAnalysis: [{ Kind: 'Greeter', Path: 'Greeter', AuthenticationKind: 'Anonymous' }],
      },
    ]);
    const connection = await runCli(['test-connection', ...target], { cwd });
    expect(connection.code).toBe(0);

    const compiled = await runCli(['compile', 'Greeter'], { cwd });
    expect(compiled.stderr).toBe('');
    expect(compiled.code).toBe(0);
    const mez = readFileSync(join(cwd, 'Greeter', 'bin', 'AnyCPU', 'Debug', 'Greeter.mez'));
    expect(
      readZip(mez)
        .entries.map((entry) => entry.name)
        .sort(),
    ).toEqual(FILES.filter((file) => file !== 'Greeter.query.pq').sort());

    const info = await runCli(['info', '-e', 'Greeter'], { cwd });
    expect(JSON.parse(info.stdout)).toMatchObject([
      {
        Name: 'Greeter',
        Members: [
          {
            Name: 'Greeter.Contents',
            Documentation: { Name: 'Greeter greeting' },
            FunctionParameters: [{ Name: 'message', Caption: 'Message', IsRequired: false }],
          },
        ],
        DataSources: [{ DataSourceKind: 'Greeter', Label: 'Greeter' }],
      },
    ]);
  });

  it('writes valid PNG icons of each size', () => {
    for (const size of ICON_SIZES) {
      const png = Buffer.from(projectIcon('Greeter', size));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      const idatLength = png.readUInt32BE(33);
      expect(png.toString('latin1', 37, 41)).toBe('IDAT');
      expect(png.readUInt32BE(41 + idatLength)).toBe(crc32(png, 37, 41 + idatLength));
      const raw = inflateSync(png.subarray(41, 41 + idatLength));
      expect(raw.length).toBe((size * 4 + 1) * size);
      const centre = (size / 2) * (size * 4 + 1) + 1 + (size / 2) * 4;
      expect(raw[centre + 3]).toBe(255);
      expect(png.toString('latin1', png.length - 8, png.length - 4)).toBe('IEND');
    }
    expect(projectIcon('Greeter', 32)).not.toEqual(projectIcon('Other', 32));
  });

  it('creates the project in the folder of -d, and in an empty folder', async () => {
    const cwd = makeTempDirectory();
    mkdirSync(join(cwd, 'work', 'Empty'), { recursive: true });
    const result = await runCli(['new', 'Empty', '-d', 'work'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('created work/Empty/Empty.pq\n');
    expect(result.stdout).toContain(
      '  pqsdk run-test -e work/Empty -q work/Empty/Empty.query.pq\n',
    );
    expect(existsSync(join(cwd, 'work', 'Empty', 'Empty80.png'))).toBe(true);
  });

  it('never overwrites a folder that has files', async () => {
    const cwd = makeTempDirectory();
    mkdirSync(join(cwd, 'Taken'));
    writeFileSync(join(cwd, 'Taken', 'notes.txt'), 'mine');
    const result = await runCli(['new', 'Taken'], { cwd });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'pqsdk new: Taken exists and is not empty; choose another name or folder\n',
    });
    expect(readdirSync(join(cwd, 'Taken'))).toEqual(['notes.txt']);
    expect(readdirSync(cwd)).toEqual(['Taken']);
  });

  it.each(['1Connector', 'My-Connector', 'My.Connector', 'let', 'with space', ''])(
    'refuses the name %j',
    async (name) => {
      const cwd = makeTempDirectory();
      const result = await runCli(['new', name], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^pqsdk new: ("[^"]*" is not a valid connector name|no project name)/,
      );
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it('needs one name', async () => {
    const result = await runCli(['new']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'pqsdk new: no project name given, such as pqsdk new MyConnector; run pqsdk new --help\n',
    );
  });
});

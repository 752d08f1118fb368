import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const HELLO = join(ROOT, 'examples', 'HelloWorld');

/**
 * The `pqsdk` bin is the esbuild bundle of the sources (tools/scripts/bundle-cli.mjs): these
 * tests build it into a temporary folder and run it as a user would, in a new process.
 */
describe('the bundled pqsdk bin', { timeout: 120_000 }, () => {
  let folder: string;
  let bin: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'pqsdk-bin-'));
    execFileSync(process.execPath, [
      join(ROOT, 'tools', 'scripts', 'bundle-cli.mjs'),
      '--out',
      join(folder, 'bundle'),
    ]);
    bin = join(folder, 'bundle', 'bin', 'pqsdk.js');
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  function pqsdk(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [bin, ...args], {
      encoding: 'utf8',
      env: { ...process.env, PQSDK_CREDENTIALS_FILE: join(folder, 'state', 'credentials.json') },
    });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('prints the version of the package', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(pqsdk('--version')).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('runs a connector query end to end, its evaluation worker included', () => {
    const target = ['-e', HELLO, '-q', join(HELLO, 'HelloWorld.query.pq')];
    expect(pqsdk('set-credential', ...target, '-ak', 'Anonymous').code).toBe(0);
    const run = pqsdk('run-test', ...target, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([
      { Status: 'Passed', Output: [{ RowCount: 3, FirstGreeting: 'Hello, world (1)' }] },
    ]);
  });

  it('signs and verifies, with the bundled node-forge and zip code', () => {
    const cert = join(folder, 'dev.pfx');
    expect(pqsdk('new-cert', '--subject', 'CN=Bin Test', '-o', cert, '-p', 'pw-1').code).toBe(0);
    const out = join(folder, 'out');
    expect(pqsdk('compile', HELLO, '-d', out).code).toBe(0);
    const mez = join(out, 'HelloWorld.mez');
    expect(pqsdk('pack', '-mz', mez, '-c', cert, '-p', 'pw-1').code).toBe(0);
    const verify = pqsdk('verify', join(out, 'HelloWorld.pqx'));
    expect(JSON.parse(verify.stdout)).toMatchObject({ SignatureStatus: 'Success' });
  });
});

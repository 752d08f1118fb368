import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mezFilesFromPqx, readZip } from '@pqsdk/packager';
import { verifyPqx } from '@pqsdk/signer';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories, runCli } from '../../test/cli-harness.js';
import {
  compileHelloWorld,
  filesUnder,
  PASSWORD,
  writeCertificate,
} from '../../test/signing-fixtures.js';

afterEach(removeTempDirectories);

describe('pqsdk pack', () => {
  it('packs a .mez into an unsigned .pqx next to it, holding exactly the .mez files', async () => {
    const cwd = makeTempDirectory();
    const mez = await compileHelloWorld(cwd);
    const result = await runCli(['pack', '-mz', mez], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote out\/HelloWorld\.pqx \(\d+ bytes, unsigned\)\n$/);
    const pqx = readFileSync(join(cwd, 'out', 'HelloWorld.pqx'));
    expect(
      mezFilesFromPqx(pqx).map((file) => [file.name, Buffer.from(file.data).toString('hex')]),
    ).toEqual(
      readZip(readFileSync(join(cwd, mez))).entries.map((entry) => [
        entry.name,
        Buffer.from(entry.data).toString('hex'),
      ]),
    );
    expect(verifyPqx(pqx).status).toBe('NotSigned');
  });

  it('signs with -c/-p, and with the long forms and a target', async () => {
    const cwd = makeTempDirectory();
    const mez = await compileHelloWorld(cwd);
    const certificate = writeCertificate(cwd, 'dev');
    const short = await runCli(['pack', '-mz', mez, '-c', 'dev.pfx', '-p', PASSWORD], { cwd });
    expect(short).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(
          `^wrote out/HelloWorld\\.pqx \\(\\d+ bytes, signed by CN=dev \\(test\\) \\(thumbprint ${certificate.thumbprint}\\)\\)\\n$`,
        ),
      ) as unknown,
      stderr: '',
    });
    const long = await runCli(
      [
        'pack',
        '--mez',
        mez,
        '--certificate',
        'dev.pfx',
        `--password=${PASSWORD}`,
        '--target',
        'dist/Signed.pqx',
      ],
      { cwd },
    );
    expect(long.code).toBe(0);
    expect(long.stdout).toMatch(/^wrote dist\/Signed\.pqx /);
    for (const file of ['out/HelloWorld.pqx', 'dist/Signed.pqx']) {
      const verification = verifyPqx(readFileSync(join(cwd, file)), {
        trustedThumbprints: [certificate.thumbprint],
      });
      expect(verification.status).toBe('Success');
      expect(verification.trusted).toBe(true);
    }
    expect(short.stdout + long.stdout).not.toContain(PASSWORD);
  });

  it('reads the password from PQSDK_CERT_PASSWORD, and PEM certificates with --key', async () => {
    const cwd = makeTempDirectory();
    const mez = await compileHelloWorld(cwd);
    writeCertificate(cwd, 'dev');
    const fromEnvironment = await runCli(['pack', '-mz', mez, '-c', 'dev.pfx'], {
      cwd,
      env: { PQSDK_CERT_PASSWORD: PASSWORD },
    });
    expect(fromEnvironment.code).toBe(0);
    expect(fromEnvironment.stdout).toContain('signed by CN=dev (test)');
    const pemOnly = await runCli(['pack', '-mz', mez, '-c', 'dev.pem', '-t', 'x.pqx'], { cwd });
    expect(pemOnly).toEqual({
      code: 1,
      stdout: '',
      stderr: `pqsdk pack: ${mez}: the PEM file holds no private key; give it with --key <key.pem> (PQSDK_CERT_NO_PRIVATE_KEY)\n`,
    });
  });

  it.each([
    [
      'a wrong password',
      ['-c', 'dev.pfx', '-p', 'not-the-password'],
      'the password of the certificate file is wrong (PQSDK_CERT_BAD_PASSWORD)',
    ],
    [
      'no password',
      ['-c', 'dev.pfx'],
      'the certificate file needs a password; give it with -p <password> (PQSDK_CERT_BAD_PASSWORD)',
    ],
    [
      'a certificate without its key',
      ['-c', 'dev.pem'],
      'the PEM file holds no private key; give it with --key <key.pem> (PQSDK_CERT_NO_PRIVATE_KEY)',
    ],
    [
      'a key of another certificate',
      ['-c', 'dev.pem', '--key', 'other.key'],
      'the private key does not belong to the certificate (CN=dev (test)); give the key that was created with it (PQSDK_CERT_KEY_MISMATCH)',
    ],
    [
      'a file that is not a certificate',
      ['-c', 'HelloWorld.pq'],
      'the certificate file is neither PKCS#12 (.pfx, .p12) nor PEM nor a DER certificate (PQSDK_CERT_BAD_FILE)',
    ],
  ])(
    'refuses %s with one line and exit 1, writing nothing',
    async (_name, certificateArguments, message) => {
      const cwd = makeTempDirectory({ 'HelloWorld.pq': 'section HelloWorld;' });
      const mez = await compileHelloWorld(cwd);
      writeCertificate(cwd, 'dev');
      writeFileSync(
        join(cwd, 'other.key'),
        generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
          type: 'pkcs8',
          format: 'pem',
        }),
      );
      const before = filesUnder(cwd);
      const result = await runCli(['pack', '-mz', mez, ...certificateArguments], { cwd });
      expect(result).toEqual({ code: 1, stdout: '', stderr: `pqsdk pack: ${mez}: ${message}\n` });
      expect(result.stderr).not.toContain('not-the-password');
      expect(filesUnder(cwd)).toEqual(before);
    },
  );

  it('refuses a hostile .mez with its packager code', async () => {
    const cwd = makeTempDirectory({ 'evil.mez': 'PK\u0003\u0004 this is not a whole zip' });
    const result = await runCli(['pack', '-mz', 'evil.mez'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pqsdk pack: evil\.mez: .+ \(PQSDK_ZIP_TRUNCATED\)\n$/);
    expect(filesUnder(cwd)).toEqual(['evil.mez']);
  });

  it('exits 1 when the .pqx cannot be written, leaving no temporary file', async () => {
    const cwd = makeTempDirectory();
    const mez = await compileHelloWorld(cwd);
    mkdirSync(join(cwd, 'out', 'HelloWorld.pqx'));
    const result = await runCli(['pack', '-mz', mez], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^pqsdk pack: out\/HelloWorld\.mez: cannot write \S+HelloWorld\.pqx: .+ \(PQSDK_BUILD_WRITE_FAILED\)\n$/,
    );
    expect(filesUnder(join(cwd, 'out'))).toEqual(['HelloWorld.mez']);
  });

  it.each([
    [[], 'pqsdk pack: no .mez given: use -mz <file.mez>; run pqsdk pack --help\n'],
    [
      ['x.mez'],
      'pqsdk pack: pack takes no positional arguments: give the .mez with -mz <file>; run pqsdk pack --help\n',
    ],
    [['-mz', 'missing.mez'], 'pqsdk pack: no such file or directory: missing.mez\n'],
    [
      ['-mz', 'a.mez', '-p', 'secret'],
      'pqsdk pack: --password needs --certificate <file>; run pqsdk pack --help\n',
    ],
    [
      ['-mz', 'a.mez', '--key', 'k.pem'],
      'pqsdk pack: --key needs --certificate <file>; run pqsdk pack --help\n',
    ],
    [['-mz', 'a.mez', '-c', 'missing.pfx'], 'pqsdk pack: no such file or directory: missing.pfx\n'],
    [
      ['-mz', 'a.mez', '--target='],
      'pqsdk pack: option "--target" needs a file name; run pqsdk pack --help\n',
    ],
    [['-mz'], 'pqsdk pack: option "--mez" needs a value; run pqsdk pack --help\n'],
    [['--frobnicate'], 'pqsdk pack: unknown option "--frobnicate"; run pqsdk pack --help\n'],
  ])('refuses %j with one line on standard error and exit code 2', async (argv, message) => {
    const cwd = makeTempDirectory({ 'a.mez': 'x' });
    expect(await runCli(['pack', ...argv], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: message,
    });
  });

  it('has --help (and -?) with an example and the exit codes', async () => {
    const result = await runCli(['pack', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pqsdk pack -mz <file\.mez> /);
    expect(result.stdout).toContain(
      'Examples:\n  pqsdk pack -mz bin/AnyCPU/Debug/HelloWorld.mez\n',
    );
    expect(result.stdout).toContain('Exit codes:\n  0   success\n');
    expect(await runCli(['pack', '-?'])).toEqual(result);
    expect(await runCli(['help', 'pack'])).toEqual(result);
  });
});

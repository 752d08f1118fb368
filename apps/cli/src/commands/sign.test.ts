import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOpcPackage, writeOpcPackage } from '@pqsdk/packager';
import { verifyPqx } from '@pqsdk/signer';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories, runCli } from '../../test/cli-harness.js';
import {
  filesUnder,
  packHelloWorld,
  PASSWORD,
  writeCertificate,
} from '../../test/signing-fixtures.js';

afterEach(removeTempDirectories);

const signatureCount = (cwd: string, file: string): number =>
  readOpcPackage(readFileSync(join(cwd, file))).parts.filter((part) =>
    part.name.endsWith('.psdsxs'),
  ).length;

describe('pqsdk sign', () => {
  it('signs, countersigns, and re-signs with --replace', async () => {
    const cwd = makeTempDirectory();
    const pqx = await packHelloWorld(cwd);
    const first = writeCertificate(cwd, 'first');
    const second = writeCertificate(cwd, 'second');

    const signed = await runCli(['sign', pqx, '-c', 'first.pfx', '-p', PASSWORD], { cwd });
    expect(signed).toEqual({
      code: 0,
      stdout: `signed HelloWorld.pqx: signature 1 of 1, signed by CN=first (test) (thumbprint ${first.thumbprint})\n`,
      stderr: '',
    });
    const countersigned = await runCli(
      ['sign', pqx, '--certificate', 'second.pfx', '--password', PASSWORD],
      { cwd },
    );
    expect(countersigned.stdout).toBe(
      `countersigned HelloWorld.pqx: signature 2 of 2, signed by CN=second (test) (thumbprint ${second.thumbprint})\n`,
    );
    expect(signatureCount(cwd, pqx)).toBe(2);
    const both = verifyPqx(readFileSync(join(cwd, pqx)), {
      trustedThumbprints: [first.thumbprint, second.thumbprint],
    });
    expect(both.signatures.map((signature) => signature.status)).toEqual(['Success', 'Success']);
    expect(both.trusted).toBe(true);

    const replaced = await runCli(['sign', pqx, '-c', 'second.pfx', '-p', PASSWORD, '-r'], { cwd });
    expect(replaced.stdout).toBe(
      `re-signed HelloWorld.pqx: signature 1 of 1, signed by CN=second (test) (thumbprint ${second.thumbprint})\n`,
    );
    expect(signatureCount(cwd, pqx)).toBe(1);
    expect(
      verifyPqx(readFileSync(join(cwd, pqx)), { trustedThumbprints: [second.thumbprint] }).trusted,
    ).toBe(true);
    expect(filesUnder(cwd).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to countersign a package whose signature is broken, unless --replace', async () => {
    const cwd = makeTempDirectory();
    const pqx = await packHelloWorld(cwd);
    writeCertificate(cwd, 'dev');
    await runCli(['sign', pqx, '-c', 'dev.pfx', '-p', PASSWORD], { cwd });
    const opc = readOpcPackage(readFileSync(join(cwd, pqx)));
    writeFileSync(
      join(cwd, pqx),
      await writeOpcPackage({
        parts: opc.parts.map((part) =>
          part.name === '/resources.resx'
            ? { ...part, data: new TextEncoder().encode('<root/>') }
            : part,
        ),
        relationships: opc.relationships,
      }),
    );
    const before = readFileSync(join(cwd, pqx));
    const refused = await runCli(['sign', pqx, '-c', 'dev.pfx', '-p', PASSWORD], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^pqsdk sign: HelloWorld\.pqx: the package's existing signature does not verify \(InvalidSignature: .+resources\.resx does not match: the part was changed\); sign with --replace to replace it \(PQSDK_SIGN_EXISTING_INVALID\)\n$/,
    );
    expect(readFileSync(join(cwd, pqx)).equals(before)).toBe(true);
    const replaced = await runCli(['sign', pqx, '-c', 'dev.pfx', '-p', PASSWORD, '--replace'], {
      cwd,
    });
    expect(replaced.code).toBe(0);
    expect(verifyPqx(readFileSync(join(cwd, pqx))).status).toBe('Success');
  });

  it('refuses a wrong password and a .mez, without showing the password', async () => {
    const cwd = makeTempDirectory();
    const pqx = await packHelloWorld(cwd);
    writeCertificate(cwd, 'dev');
    const wrong = await runCli(['sign', pqx, '-c', 'dev.pfx', '-p', 'Wrong-Passw0rd'], { cwd });
    expect(wrong).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pqsdk sign: HelloWorld.pqx: the password of the certificate file is wrong (PQSDK_CERT_BAD_PASSWORD)\n',
    });
    const mez = await runCli(['sign', 'out/HelloWorld.mez', '-c', 'dev.pfx', '-p', PASSWORD], {
      cwd,
    });
    expect(mez.code).toBe(1);
    expect(mez.stderr).toMatch(/\(PQSDK_OPC_NO_CONTENT_TYPES\)\n$/);
    expect(wrong.stderr + mez.stderr).not.toMatch(/Passw0rd/);
  });

  it.each([
    [[], 'pqsdk sign: no .pqx file given; run pqsdk sign --help\n'],
    [
      ['a.pqx'],
      'pqsdk sign: no certificate given: use -c <file.pfx> -p <password>; run pqsdk sign --help\n',
    ],
    [
      ['a.pqx', 'b.pqx', '-c', 'x'],
      'pqsdk sign: give one .pqx file, not 2; run pqsdk sign --help\n',
    ],
    [['missing.pqx', '-c', 'x.pfx'], 'pqsdk sign: no such file or directory: missing.pqx\n'],
    [['a.pqx', '-c', 'missing.pfx'], 'pqsdk sign: no such file or directory: missing.pfx\n'],
    [
      ['a.pqx', '--replace=yes'],
      'pqsdk sign: option "--replace" takes no value; run pqsdk sign --help\n',
    ],
  ])('refuses %j with one line on standard error and exit code 2', async (argv, message) => {
    const cwd = makeTempDirectory({ 'a.pqx': 'x', 'b.pqx': 'x' });
    expect(await runCli(['sign', ...argv], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: message,
    });
  });

  it('has --help with an example and the exit codes', async () => {
    const result = await runCli(['sign', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pqsdk sign \[options\] <file\.pqx>\n/);
    expect(result.stdout).toContain('Examples:\n  pqsdk sign HelloWorld.pqx -c dev.pfx');
    expect(result.stdout).toContain('  -r, --replace ');
    expect(await runCli(['sign', '-?'])).toEqual(result);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificatesFromPem, readSigningIdentity } from '@pqsdk/signer';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories, runCli } from '../../test/cli-harness.js';
import { compileHelloWorld, filesUnder, PASSWORD } from '../../test/signing-fixtures.js';

afterEach(removeTempDirectories);

describe('pqsdk new-cert', () => {
  it('writes a PKCS#12 file and its PEM certificate that pack and verify use', async () => {
    const cwd = makeTempDirectory();
    const result = await runCli(
      [
        'new-cert',
        '--subject',
        'CN=Contoso Connectors (dev), O=Contoso',
        '-o',
        'certs/dev.pfx',
        '-p',
        PASSWORD,
        '--days',
        '30',
        '--key-size',
        '2048',
        '--pem',
        'certs/dev.pem',
      ],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(
      result.stdout
        .replace(/[0-9A-F]{40}/, '<THUMBPRINT>')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00/g, '<TIME>'),
    ).toMatchInlineSnapshot(`
      "wrote certs/dev.pfx and certs/dev.pem
      subject:    CN=Contoso Connectors (dev), O=Contoso
      thumbprint: <THUMBPRINT>
      valid:      <TIME> to <TIME>
      key:        RSA 2048, SHA-256, code signing
      "
    `);
    expect(result.stdout).not.toContain(PASSWORD);
    const identity = readSigningIdentity({
      certificate: readFileSync(join(cwd, 'certs/dev.pfx')),
      password: PASSWORD,
    });
    expect(identity.certificate.notAfter.getTime() - identity.certificate.notBefore.getTime()).toBe(
      30 * 86_400_000,
    );
    expect(
      certificatesFromPem(readFileSync(join(cwd, 'certs/dev.pem'), 'utf8'))[0]?.thumbprint,
    ).toBe(identity.certificate.thumbprint);
    expect(result.stdout).toContain(`thumbprint: ${identity.certificate.thumbprint}\n`);

    const mez = await compileHelloWorld(cwd);
    expect(
      (await runCli(['pack', '-mz', mez, '-c', 'certs/dev.pfx', '-p', PASSWORD], { cwd })).code,
    ).toBe(0);
    const verified = await runCli(
      ['verify', 'out/HelloWorld.pqx', '--trusted-roots', 'certs/dev.pem'],
      { cwd },
    );
    expect(verified.code).toBe(0);
  });

  it('refuses to overwrite a file unless --force', async () => {
    const cwd = makeTempDirectory({ 'dev.pfx': 'keep me' });
    const base = [
      'new-cert',
      '--subject',
      'CN=Dev',
      '-o',
      'dev.pfx',
      '-p',
      PASSWORD,
      '--key-size',
      '2048',
    ];
    expect(await runCli(base, { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'pqsdk new-cert: dev.pfx exists; use --force to overwrite it\n',
    });
    expect(readFileSync(join(cwd, 'dev.pfx'), 'utf8')).toBe('keep me');
    writeFileSync(join(cwd, 'dev.pem'), 'keep me too');
    const withPem = await runCli(
      ['new-cert', '--subject', 'CN=Dev', '-o', 'other.pfx', '-p', PASSWORD, '--pem', 'dev.pem'],
      {
        cwd,
      },
    );
    expect(withPem.stderr).toBe('pqsdk new-cert: dev.pem exists; use --force to overwrite it\n');
    expect(filesUnder(cwd)).toEqual(['dev.pem', 'dev.pfx']);
    const forced = await runCli([...base, '--force', '--cipher', '3des'], { cwd });
    expect(forced.code).toBe(0);
    expect(
      readSigningIdentity({ certificate: readFileSync(join(cwd, 'dev.pfx')), password: PASSWORD })
        .certificate.subject,
    ).toBe('CN=Dev');
  });

  it('takes the password from PQSDK_CERT_PASSWORD', async () => {
    const cwd = makeTempDirectory();
    const result = await runCli(
      ['new-cert', '--subject', 'CN=Env', '-o', 'env.pfx', '--key-size', '2048'],
      {
        cwd,
        env: { PQSDK_CERT_PASSWORD: PASSWORD },
      },
    );
    expect(result.code).toBe(0);
    expect(
      readSigningIdentity({ certificate: readFileSync(join(cwd, 'env.pfx')), password: PASSWORD })
        .certificate.subject,
    ).toBe('CN=Env');
  });

  it.each([
    [
      ['-o', 'a.pfx', '-p', 'x'],
      'pqsdk new-cert: missing --subject "CN=…"; run pqsdk new-cert --help\n',
    ],
    [
      ['--subject', 'CN=a', '-p', 'x'],
      'pqsdk new-cert: missing -o <file.pfx>; run pqsdk new-cert --help\n',
    ],
    [
      ['--subject', 'CN=a', '-o', 'a.pfx'],
      'pqsdk new-cert: missing -p <password>; run pqsdk new-cert --help\n',
    ],
    [
      ['--subject', 'O=No Name', '-o', 'a.pfx', '-p', 'x'],
      'pqsdk new-cert: cannot read the subject "O=No Name": it has no common name (CN=…); write it as "CN=Name, O=Organization"\n',
    ],
    [
      ['--subject', 'CN=a', '-o', 'a.pfx', '-p', 'x', '--days', 'ten'],
      'pqsdk new-cert: --days needs a whole number; run pqsdk new-cert --help\n',
    ],
    [
      ['--subject', 'CN=a', '-o', 'a.pfx', '-p', 'x', '--days', '0'],
      'pqsdk new-cert: the validity must be a whole number of days from 1 to 3650, not 0\n',
    ],
    [
      ['--subject', 'CN=a', '-o', 'a.pfx', '-p', 'x', '--key-size', '1024'],
      'pqsdk new-cert: --key-size must be 2048, 3072 or 4096; run pqsdk new-cert --help\n',
    ],
    [
      ['--subject', 'CN=a', '-o', 'a.pfx', '-p', 'x', '--cipher', 'rc2'],
      'pqsdk new-cert: --cipher must be aes256 or 3des; run pqsdk new-cert --help\n',
    ],
    [
      ['--subject', 'CN=a', '-o', 'a.pfx', '-p', 'pässword'],
      'pqsdk new-cert: the password must be printable ASCII and not empty (PKCS#12 tools disagree about other characters)\n',
    ],
    [
      ['extra', '--subject', 'CN=a'],
      'pqsdk new-cert: new-cert takes no positional arguments; run pqsdk new-cert --help\n',
    ],
  ])('refuses %j with one line on standard error and exit code 2', async (argv, message) => {
    const cwd = makeTempDirectory();
    const result = await runCli(['new-cert', ...argv], { cwd });
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
    expect(result.stderr).not.toContain('pässword');
    expect(filesUnder(cwd)).toEqual([]);
  });

  it('has --help with an example and the exit codes', async () => {
    const result = await runCli(['new-cert', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pqsdk new-cert --subject /);
    expect(result.stdout).toContain(
      'Examples:\n  pqsdk new-cert --subject "CN=Contoso Connectors (dev)" -o dev.pfx',
    );
    expect(result.stdout).toContain('Exit codes:\n  0   success\n');
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZip, writeZip } from '@pqsdk/packager';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories, runCli } from '../../test/cli-harness.js';
import { rawZip } from '../../test/raw-zip.js';
import {
  compileHelloWorld,
  filesUnder,
  packHelloWorld,
  writeCertificate,
} from '../../test/signing-fixtures.js';

afterEach(removeTempDirectories);

/** The report with the run's thumbprints and times replaced, for snapshots. */
function normalized(stdout: string, thumbprint: string): string {
  return stdout
    .replaceAll(thumbprint, '<THUMBPRINT>')
    .replace(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"/g, '"<TIME>"');
}

describe('pqsdk verify', () => {
  it('prints MakePQX JSON and exits 3 when the signature is valid but the certificate untrusted', async () => {
    const cwd = makeTempDirectory();
    const certificate = writeCertificate(cwd, 'dev');
    const pqx = await packHelloWorld(cwd, 'dev');
    const result = await runCli(['verify', pqx], { cwd });
    expect(result.code).toBe(3);
    expect(normalized(result.stdout, certificate.thumbprint)).toMatchInlineSnapshot(`
      "{
        "SignatureStatus": "Success",
        "CertificateStatus": [
          {
            "Issuer": "CN=dev (test)",
            "Thumbprint": "<THUMBPRINT>",
            "Subject": "CN=dev (test)",
            "NotBefore": "<TIME>",
            "NotAfter": "<TIME>",
            "Valid": false,
            "Parent": null,
            "Status": "UntrustedRoot"
          }
        ]
      }
      "
    `);
    expect(result.stderr).toBe(
      'pqsdk verify: HelloWorld.pqx: the signature is valid, but the certificate is not trusted (UntrustedRoot); to trust it, give --trusted-thumbprints <thumbprint> or --trusted-roots <file.pem>\n',
    );
  });

  it('exits 0 when the certificate is trusted by thumbprint or as a root; -q prints nothing', async () => {
    const cwd = makeTempDirectory();
    const certificate = writeCertificate(cwd, 'dev');
    const pqx = await packHelloWorld(cwd, 'dev');
    const byThumbprint = await runCli(
      [
        'verify',
        pqx,
        '--trusted-thumbprints',
        `0000000000000000000000000000000000000000, ${certificate.thumbprint.toLowerCase()}`,
      ],
      { cwd },
    );
    expect(byThumbprint.code).toBe(0);
    expect(byThumbprint.stderr).toBe('');
    const report = JSON.parse(byThumbprint.stdout) as {
      CertificateStatus: { Valid: boolean; Status: string }[];
    };
    expect(report.CertificateStatus).toEqual([
      expect.objectContaining({ Valid: true, Status: 'Success' }),
    ]);
    const byRoot = await runCli(['verify', '--trusted-roots', 'dev.pem', pqx], { cwd });
    expect(byRoot.code).toBe(0);
    expect(await runCli(['verify', '-q', pqx, '--trusted-roots', 'dev.pem'], { cwd })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(await runCli(['verify', '--quiet', pqx], { cwd })).toEqual({
      code: 3,
      stdout: '',
      stderr: '',
    });
  });

  it('reports an expired certificate', async () => {
    const cwd = makeTempDirectory();
    const certificate = writeCertificate(cwd, 'old', {
      now: new Date(Date.UTC(2020, 0, 1)),
      days: 30,
    });
    const pqx = await packHelloWorld(cwd, 'old');
    const result = await runCli(['verify', pqx, '--trusted-thumbprints', certificate.thumbprint], {
      cwd,
    });
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as {
      SignatureStatus: string;
      CertificateStatus: Record<string, unknown>[];
    };
    expect(report.SignatureStatus).toBe('Success');
    expect(report.CertificateStatus[0]).toMatchObject({
      NotBefore: '2020-01-01T00:00:00+00:00',
      NotAfter: '2020-01-31T00:00:00+00:00',
      Valid: false,
      Status: 'Expired',
    });
    expect(result.stderr).toContain('not trusted (Expired)');
  });

  it('exits 1 for a changed part, with the reason; --details adds each signature', async () => {
    const cwd = makeTempDirectory();
    const certificate = writeCertificate(cwd, 'dev');
    const pqx = await packHelloWorld(cwd, 'dev');
    const bytes = readFileSync(join(cwd, pqx));
    // Damage one byte of the section document, then repack without recomputing anything.
    const entries = readZip(bytes).entries.map((entry) => ({
      name: entry.name,
      data: Uint8Array.from(entry.data),
    }));
    const section = entries.find((entry) => entry.name === 'HelloWorld.pq')!;
    section.data[10] = (section.data[10] ?? 0) ^ 0x20;
    writeFileSync(join(cwd, pqx), await writeZip(entries));

    const result = await runCli(
      ['verify', pqx, '--details', '--trusted-thumbprints', certificate.thumbprint],
      { cwd },
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report['SignatureStatus']).toBe('InvalidSignature');
    expect(report['Signatures']).toEqual([
      {
        Part: expect.stringMatching(
          /^\/package\/services\/digital-signature\/xml-signature\/[0-9a-f]{32}\.psdsxs$/,
        ) as unknown,
        SignatureStatus: 'InvalidSignature',
        Problem: 'the digest of /HelloWorld.pq does not match: the part was changed',
        SigningTime: expect.stringMatching(/\+00:00$/) as unknown,
        Signer: 'CN=dev (test)',
      },
    ]);
    expect(result.stderr).toMatch(
      /^pqsdk verify: HelloWorld\.pqx: InvalidSignature: \/package\/.+\.psdsxs: the digest of \/HelloWorld\.pq does not match: the part was changed\n$/,
    );
    expect(await runCli(['verify', '-q', pqx], { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: '',
    });
  });

  it('exits 1 for an unsigned package', async () => {
    const cwd = makeTempDirectory();
    const mez = await compileHelloWorld(cwd);
    await runCli(['pack', '-mz', mez], { cwd });
    const result = await runCli(['verify', 'out/HelloWorld.pqx'], { cwd });
    expect(result).toEqual({
      code: 1,
      stdout: '{\n  "SignatureStatus": "NotSigned",\n  "CertificateStatus": []\n}\n',
      stderr: 'pqsdk verify: out/HelloWorld.pqx: NotSigned: the package has no signature\n',
    });
  });

  it.each([
    [
      'a zip-slip entry',
      () =>
        rawZip([
          ['[Content_Types].xml', TYPES],
          ['../evil.pq', 'x'],
        ]),
      'PQSDK_ZIP_SLIP',
    ],
    [
      'a zip bomb',
      () =>
        rawZip(
          [
            ['[Content_Types].xml', TYPES],
            ['bomb.bin', Buffer.alloc(32 << 20)],
          ],
          true,
        ),
      'PQSDK_ZIP_RATIO',
    ],
    [
      'duplicate entries',
      () =>
        rawZip([
          ['[Content_Types].xml', TYPES],
          ['a.pq', 'x'],
          ['a.pq', 'y'],
        ]),
      'PQSDK_ZIP_DUPLICATE_ENTRY',
    ],
    [
      'a truncated file',
      () => rawZip([['[Content_Types].xml', TYPES]]).subarray(0, 60),
      'PQSDK_ZIP_TRUNCATED',
    ],
  ])('refuses %s with its packager code, exit 1, and writes nothing', async (_name, make, code) => {
    const cwd = makeTempDirectory({ 'hostile.pqx': make() });
    const result = await runCli(['verify', 'hostile.pqx'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^pqsdk verify: hostile\\.pqx: .+ \\(${code}\\)\\n$`));
    expect(filesUnder(cwd)).toEqual(['hostile.pqx']);
    expect(await runCli(['verify', '-q', 'hostile.pqx'], { cwd })).toEqual({
      code: 1,
      stdout: '',
      stderr: '',
    });
  });

  it.each([
    [[], 'pqsdk verify: no .pqx file given; run pqsdk verify --help\n'],
    [['a.pqx', 'b.pqx'], 'pqsdk verify: give one .pqx file, not 2; run pqsdk verify --help\n'],
    [['missing.pqx'], 'pqsdk verify: no such file or directory: missing.pqx\n'],
    [
      ['a.pqx', '--trusted-thumbprints', '16AF59'],
      'pqsdk verify: "16AF59" is not a thumbprint: give the SHA-1 thumbprint, 40 hexadecimal digits, as pqsdk verify and Windows show it\n',
    ],
    [
      ['a.pqx', '--trusted-roots', 'b.pqx'],
      'pqsdk verify: b.pqx holds no PEM certificate (-----BEGIN CERTIFICATE-----); give a PEM bundle to --trusted-roots\n',
    ],
    [
      ['a.pqx', '--trusted-roots', 'missing.pem'],
      'pqsdk verify: no such file or directory: missing.pem\n',
    ],
  ])('refuses %j with one line on standard error and exit code 2', async (argv, message) => {
    const cwd = makeTempDirectory({ 'a.pqx': 'x', 'b.pqx': 'x' });
    expect(await runCli(['verify', ...argv], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: message,
    });
  });

  it('has --help with an example and its exit codes, 3 included', async () => {
    const result = await runCli(['verify', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pqsdk verify \[options\] <file\.pqx>\n/);
    expect(result.stdout).toContain('Examples:\n  pqsdk verify HelloWorld.pqx\n');
    expect(result.stdout).toContain('\n  3   every signature is valid, but a signer');
  });
});

const TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="pq" ContentType="text/plain"/><Default Extension="bin" ContentType="application/octet-stream"/></Types>';

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCertificate, newKey, pemOf } from '../test/certificates.js';
import {
  certificatesFromPem,
  certificateToPem,
  CODE_SIGNING_USAGE,
  formatDistinguishedName,
  parseCertificate,
  parseDistinguishedName,
  SignerError,
} from './index.js';

const key = newKey();
const rootKey = newKey();

describe('parseCertificate', () => {
  it('reads the subject, issuer, validity, extensions and thumbprint', () => {
    const root = makeCertificate({
      subject: 'CN=Test Root, O=Contoso, C=US',
      key: rootKey,
      ca: true,
      pathLength: 1,
    });
    const leaf = makeCertificate({
      subject: 'CN=Contoso Connectors, OU=Data, O=Contoso, C=US',
      key,
      issuer: root,
      notBefore: new Date(Date.UTC(2024, 0, 31, 13, 5)),
      notAfter: new Date(Date.UTC(2026, 0, 31, 13, 5)),
      serial: '7f01',
    });
    const certificate = leaf.certificate;
    expect(certificate.subject).toBe('CN=Contoso Connectors, OU=Data, O=Contoso, C=US');
    expect(certificate.issuer).toBe('CN=Test Root, O=Contoso, C=US');
    expect(certificate.serialNumber).toBe('7F01');
    expect(certificate.notBefore.toISOString()).toBe('2024-01-31T13:05:00.000Z');
    expect(certificate.notAfter.toISOString()).toBe('2026-01-31T13:05:00.000Z');
    expect(certificate.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(certificate.thumbprint).toBe(
      createHash('sha1').update(certificate.der).digest('hex').toUpperCase(),
    );
    expect(certificate.isCertificateAuthority).toBe(false);
    expect([...(certificate.keyUsage ?? [])]).toEqual(['digitalSignature']);
    expect(certificate.extendedKeyUsage).toEqual([CODE_SIGNING_USAGE]);
    expect(certificate.unknownCriticalExtensions).toEqual([]);
    expect(certificate.publicKey.asymmetricKeyType).toBe('rsa');
    expect(root.certificate.isCertificateAuthority).toBe(true);
    expect(root.certificate.pathLength).toBe(1);
    expect([...(root.certificate.keyUsage ?? [])]).toEqual(['keyCertSign', 'cRLSign']);
  });

  it('reads PEM bundles and writes PEM that reads back', () => {
    const one = makeCertificate({ subject: 'CN=One', key });
    const two = makeCertificate({ subject: 'CN=Two', key: rootKey });
    const read = certificatesFromPem(
      `junk\n${pemOf(one, two)}-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n`,
    );
    expect(read.map((certificate) => certificate.subject)).toEqual(['CN=One', 'CN=Two']);
    expect(certificatesFromPem(certificateToPem(one.certificate))[0]?.thumbprint).toBe(
      one.certificate.thumbprint,
    );
    expect(certificateToPem(one.certificate)).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    );
  });

  it('refuses bytes that are not a certificate with PQSDK_CERT_BAD_FILE', () => {
    for (const bytes of [
      new Uint8Array([1, 2, 3]),
      new Uint8Array(0),
      Buffer.from('30030201', 'hex'),
    ]) {
      expect(() => parseCertificate(bytes)).toThrow(SignerError);
      try {
        parseCertificate(bytes);
      } catch (error) {
        expect((error as SignerError).code).toBe('PQSDK_CERT_BAD_FILE');
      }
    }
  });
});

describe('distinguished names', () => {
  it.each([
    ['CN=Contoso', 'CN=Contoso'],
    ['cn=Contoso Dev,o=Contoso ; c=US', 'CN=Contoso Dev, O=Contoso, C=US'],
    ['CN="Contoso, Inc.", O=Contoso', 'CN="Contoso, Inc.", O=Contoso'],
    ['CN=Quote "here" , O=x', 'CN="Quote ""here""", O=x'],
    ['CN="Quote ""here""", O=x', 'CN="Quote ""here""", O=x'],
    ['CN=a\\,b', 'CN="a,b"'],
    [
      'CN=Dev, E=dev@example.com, ST=Wa, L=Redmond, OU=Unit, DC=example',
      'CN=Dev, E=dev@example.com, S=Wa, L=Redmond, OU=Unit, DC=example',
    ],
    ['CN=Dev, OID.1.2.3.4=x', 'CN=Dev, OID.1.2.3.4=x'],
    ['CN=Müller Ä', 'CN=Müller Ä'],
  ])('reads %j and writes it as .NET does: %j', (input, output) => {
    expect(formatDistinguishedName(parseDistinguishedName(input))).toBe(output);
  });

  it('keeps the most specific attribute last in X.509 order', () => {
    expect(parseDistinguishedName('CN=Leaf, O=Org, C=US').map((rdn) => rdn[0]?.oid)).toEqual([
      '2.5.4.6',
      '2.5.4.10',
      '2.5.4.3',
    ]);
  });

  it.each([
    ['', 'it is empty'],
    ['O=Contoso', 'it has no common name'],
    ['CN', 'has no "="'],
    ['XX=1, CN=a', 'unknown attribute "XX"'],
    ['CN="open', 'not closed'],
    ['CN="a" b', 'text follows a quoted value'],
    ['CN=, O=x', 'empty value'],
  ])('refuses %j with PQSDK_CERT_BAD_SUBJECT', (input, why) => {
    try {
      parseDistinguishedName(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SignerError);
      expect((error as SignerError).code).toBe('PQSDK_CERT_BAD_SUBJECT');
      expect((error as SignerError).message).toContain(why);
    }
  });
});

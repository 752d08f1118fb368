import { describe, expect, it } from 'vitest';
import {
  CODE_SIGNING_USAGE,
  createDevelopmentCertificate,
  evaluateChain,
  readSigningIdentity,
  SignerError,
} from './index.js';

const NOW = new Date(Date.UTC(2024, 0, 31, 13, 5, 7, 890));

describe('createDevelopmentCertificate', () => {
  const dev = createDevelopmentCertificate({
    subject: 'CN=Contoso Connectors (dev), O=Contoso',
    password: 'secret',
    days: 30,
    keySize: 2048,
    now: NOW,
  });

  it('makes a self-signed RSA code-signing certificate, SHA-256, not a certificate authority', () => {
    const { certificate } = dev;
    expect(certificate.subject).toBe('CN=Contoso Connectors (dev), O=Contoso');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.notBefore.toISOString()).toBe('2024-01-31T13:05:07.000Z');
    expect(certificate.notAfter.toISOString()).toBe('2024-03-01T13:05:07.000Z');
    expect(certificate.isCertificateAuthority).toBe(false);
    expect([...(certificate.keyUsage ?? [])]).toEqual(['digitalSignature']);
    expect(certificate.extendedKeyUsage).toEqual([CODE_SIGNING_USAGE]);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(certificate.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    // sha256WithRSAEncryption
    expect(Buffer.from(certificate.der).includes(Buffer.from('2a864886f70d01010b', 'hex'))).toBe(
      true,
    );
    const [element] = evaluateChain(certificate, [], { now: NOW });
    expect(element?.status).toBe('UntrustedRoot');
    expect(
      evaluateChain(certificate, [], { now: NOW, trustedThumbprints: [certificate.thumbprint] })[0]
        ?.status,
    ).toBe('Success');
  });

  it('writes PKCS#12 that reads back with its key (AES-256 and 3DES)', () => {
    const again = readSigningIdentity({ certificate: dev.pkcs12, password: 'secret' });
    expect(again.certificate.thumbprint).toBe(dev.certificate.thumbprint);
    expect(again.chain).toEqual([]);
    // PBES2 (1.2.840.113549.1.5.13) with AES-256-CBC (2.16.840.1.101.3.4.1.42)
    const bytes = Buffer.from(dev.pkcs12);
    expect(bytes.includes(Buffer.from('2a864886f70d01050d', 'hex'))).toBe(true);
    expect(bytes.includes(Buffer.from('60864801650304012a', 'hex'))).toBe(true);

    const legacy = createDevelopmentCertificate({
      subject: 'CN=Legacy',
      password: 'secret',
      keySize: 2048,
      pkcs12Cipher: '3des',
    });
    expect(
      readSigningIdentity({ certificate: legacy.pkcs12, password: 'secret' }).certificate.subject,
    ).toBe('CN=Legacy');
    try {
      readSigningIdentity({ certificate: legacy.pkcs12, password: 'wrong' });
      expect.unreachable();
    } catch (error) {
      expect((error as SignerError).code).toBe('PQSDK_CERT_BAD_PASSWORD');
    }
  });

  it('writes non-ASCII subjects as UTF-8', () => {
    const made = createDevelopmentCertificate({
      subject: 'CN=Zoë Ünicode, C=DE',
      password: 'p',
      keySize: 2048,
    });
    expect(made.certificate.subject).toBe('CN=Zoë Ünicode, C=DE');
  });

  it.each([
    [{ days: 0 }, 'PQSDK_CERT_BAD_OPTION', 'from 1 to 3650'],
    [{ days: 1.5 }, 'PQSDK_CERT_BAD_OPTION', 'from 1 to 3650'],
    [{ keySize: 1024 }, 'PQSDK_CERT_BAD_OPTION', '2048, 3072 or 4096'],
    [{ password: '' }, 'PQSDK_CERT_BAD_OPTION', 'printable ASCII'],
    [{ password: 'pässword' }, 'PQSDK_CERT_BAD_OPTION', 'printable ASCII'],
    [{ subject: 'O=No Common Name' }, 'PQSDK_CERT_BAD_SUBJECT', 'no common name'],
    [{ subject: 'CN=x, C=USA' }, 'PQSDK_CERT_BAD_SUBJECT', 'two-letter code'],
  ])('refuses %j', (options, code, message) => {
    try {
      createDevelopmentCertificate({ subject: 'CN=x', password: 'p', ...options } as Parameters<
        typeof createDevelopmentCertificate
      >[0]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SignerError);
      expect((error as SignerError).code).toBe(code);
      expect((error as SignerError).message).toContain(message);
    }
  });
});

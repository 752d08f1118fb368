import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { derOf, makeCertificate, newKey, pemOf, pkcs12Of } from '../test/certificates.js';
import { readSigningIdentity, SignerError, type SignerErrorCode } from './index.js';

const key = newKey();
const otherKey = newKey();
const caKey = newKey();
const ca = makeCertificate({ subject: 'CN=Test CA', key: caKey, ca: true });
const leaf = makeCertificate({ subject: 'CN=Signer, O=Contoso', key, issuer: ca });
const PASSWORD = 'correct horse battery staple';

function codeOf(run: () => unknown): SignerErrorCode {
  try {
    run();
  } catch (error) {
    if (error instanceof SignerError) {
      expect(error.message).not.toContain(PASSWORD);
      expect(error.message).not.toContain('hunter2');
      expect(error.message).not.toMatch(/\n/);
      return error.code;
    }
    throw error;
  }
  throw new Error('expected a SignerError');
}

const pemKey = (which = key, password?: string): Uint8Array =>
  Buffer.from(
    password === undefined
      ? forge.pki.privateKeyToPem(which.forge)
      : forge.pki.encryptRsaPrivateKey(which.forge, password, { algorithm: 'aes256' }),
  );

describe('readSigningIdentity', () => {
  it.each(['3des', 'aes256'] as const)(
    'reads a PKCS#12 file (%s) with its key and chain, the signer first',
    (algorithm) => {
      const identity = readSigningIdentity({
        certificate: pkcs12Of(key, [ca, leaf], PASSWORD, algorithm),
        password: PASSWORD,
      });
      expect(identity.certificate.thumbprint).toBe(leaf.certificate.thumbprint);
      expect(identity.chain.map((certificate) => certificate.subject)).toEqual(['CN=Test CA']);
      expect(identity.privateKey.asymmetricKeyType).toBe('rsa');
    },
  );

  it('reads PEM: a certificate with a separate key, encrypted or not, or both in one file', () => {
    const certificate = Buffer.from(pemOf(leaf, ca));
    expect(readSigningIdentity({ certificate, key: pemKey() }).certificate.subject).toBe(
      'CN=Signer, O=Contoso',
    );
    expect(
      readSigningIdentity({ certificate, key: pemKey(key, 'hunter2'), password: 'hunter2' })
        .certificate.thumbprint,
    ).toBe(leaf.certificate.thumbprint);
    const pkcs8 = key.node.export({ type: 'pkcs8', format: 'pem' });
    const combined = Buffer.concat([Buffer.from(pkcs8), certificate]);
    expect(readSigningIdentity({ certificate: combined }).chain).toHaveLength(1);
  });

  it('reads a DER certificate (.cer) with a PEM key', () => {
    expect(
      readSigningIdentity({ certificate: derOf(leaf.forge), key: pemKey() }).certificate.thumbprint,
    ).toBe(leaf.certificate.thumbprint);
  });

  it.each<[string, () => unknown, SignerErrorCode]>([
    [
      'a wrong PKCS#12 password',
      () =>
        readSigningIdentity({ certificate: pkcs12Of(key, [leaf], PASSWORD), password: 'hunter2' }),
      'PQSDK_CERT_BAD_PASSWORD',
    ],
    [
      'a missing PKCS#12 password',
      () => readSigningIdentity({ certificate: pkcs12Of(key, [leaf], PASSWORD) }),
      'PQSDK_CERT_BAD_PASSWORD',
    ],
    [
      'a wrong PEM key password',
      () =>
        readSigningIdentity({
          certificate: Buffer.from(pemOf(leaf)),
          key: pemKey(key, PASSWORD),
          password: 'hunter2',
        }),
      'PQSDK_CERT_BAD_PASSWORD',
    ],
    [
      'an encrypted PEM key without a password',
      () =>
        readSigningIdentity({ certificate: Buffer.from(pemOf(leaf)), key: pemKey(key, PASSWORD) }),
      'PQSDK_CERT_BAD_PASSWORD',
    ],
    [
      'a PKCS#12 file without a key',
      () =>
        readSigningIdentity({ certificate: pkcs12Of(null, [leaf], PASSWORD), password: PASSWORD }),
      'PQSDK_CERT_NO_PRIVATE_KEY',
    ],
    [
      'a PEM certificate without a key',
      () => readSigningIdentity({ certificate: Buffer.from(pemOf(leaf)) }),
      'PQSDK_CERT_NO_PRIVATE_KEY',
    ],
    [
      'a DER certificate without a key',
      () => readSigningIdentity({ certificate: derOf(leaf.forge) }),
      'PQSDK_CERT_NO_PRIVATE_KEY',
    ],
    [
      'a key of another certificate (PEM)',
      () => readSigningIdentity({ certificate: Buffer.from(pemOf(leaf)), key: pemKey(otherKey) }),
      'PQSDK_CERT_KEY_MISMATCH',
    ],
    [
      'a key of another certificate (PKCS#12)',
      () =>
        readSigningIdentity({
          certificate: pkcs12Of(otherKey, [leaf], PASSWORD),
          password: PASSWORD,
        }),
      'PQSDK_CERT_KEY_MISMATCH',
    ],
    [
      'an EC key',
      () =>
        readSigningIdentity({
          certificate: Buffer.from(pemOf(leaf)),
          key: Buffer.from(
            generateKeyPairSync('ec', { namedCurve: 'P-256' })
              .privateKey.export({ type: 'pkcs8', format: 'pem' })
              .toString(),
          ),
        }),
      'PQSDK_CERT_KEY_MISMATCH',
    ],
    [
      'a PEM file without a certificate',
      () => readSigningIdentity({ certificate: pemKey() }),
      'PQSDK_CERT_NO_CERTIFICATE',
    ],
    [
      'a file that is neither PKCS#12 nor PEM',
      () => readSigningIdentity({ certificate: Buffer.from('hello, world') }),
      'PQSDK_CERT_BAD_FILE',
    ],
    [
      'a PKCS#12 file cut short',
      () =>
        readSigningIdentity({
          certificate: pkcs12Of(key, [leaf], PASSWORD).subarray(0, 300),
          password: PASSWORD,
        }),
      'PQSDK_CERT_BAD_FILE',
    ],
  ])('refuses %s with a clear one-line error', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  it('refuses an RSA key shorter than 2048 bits with PQSDK_CERT_UNSUPPORTED_KEY', () => {
    const small = newKey(1024);
    const certificate = makeCertificate({ subject: 'CN=Small', key: small });
    expect(
      codeOf(() =>
        readSigningIdentity({
          certificate: pkcs12Of(small, [certificate], PASSWORD),
          password: PASSWORD,
        }),
      ),
    ).toBe('PQSDK_CERT_UNSUPPORTED_KEY');
  });

  it('never puts the password in a message', () => {
    const attempts = [
      () =>
        readSigningIdentity({ certificate: pkcs12Of(key, [leaf], PASSWORD), password: 'hunter2' }),
      () => readSigningIdentity({ certificate: Buffer.from('junk'), password: 'hunter2' }),
      () =>
        readSigningIdentity({
          certificate: Buffer.from(pemOf(leaf)),
          key: pemKey(key, PASSWORD),
          password: 'hunter2',
        }),
    ];
    for (const attempt of attempts) {
      try {
        attempt();
      } catch (error) {
        expect(String(error)).not.toContain('hunter2');
        expect(JSON.stringify(error)).not.toContain('hunter2');
      }
    }
  });
});

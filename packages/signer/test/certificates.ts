/**
 * Test certificates, made in memory. Keys come from `node:crypto` (fast) and certificates from
 * node-forge. Nothing here is a secret: every key is generated for the test run and discarded.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { parseCertificate, parseDistinguishedName, type Certificate } from '../src/index.js';
import type { SigningIdentity } from '../src/index.js';

/** An RSA key pair in both libraries' forms. */
export interface TestKey {
  readonly node: KeyObject;
  readonly forge: forge.pki.rsa.PrivateKey;
}

/** A new RSA key (2048 bits unless said otherwise). */
export function newKey(bits = 2048): TestKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  return {
    node: createPrivateKey(pem),
    forge: forge.pki.privateKeyFromPem(pem),
  };
}

/** A certificate made by {@link makeCertificate}, with its key and forge form (to issue more). */
export interface TestCertificate {
  readonly certificate: Certificate;
  readonly forge: forge.pki.Certificate;
  readonly key: TestKey;
}

/** What {@link makeCertificate} makes. */
export interface TestCertificateOptions {
  /** `CN=…, O=…`, most specific first. */
  readonly subject: string;
  readonly key: TestKey;
  /** Issued by this certificate; self-signed without it. */
  readonly issuer?: TestCertificate;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** A certificate authority (basic constraints cA, key usage keyCertSign and cRLSign). */
  readonly ca?: boolean;
  readonly pathLength?: number;
  /** The extended key usage of a non-CA certificate. Default: code signing. */
  readonly usage?: 'codeSigning' | 'serverAuth' | 'none';
  readonly serial?: string;
}

export const JAN_2020 = new Date(Date.UTC(2020, 0, 1));
export const JAN_2040 = new Date(Date.UTC(2040, 0, 1));

/** Makes a certificate, signed with SHA-256 by its issuer's key or its own. */
export function makeCertificate(options: TestCertificateOptions): TestCertificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(options.key.forge.n, options.key.forge.e);
  certificate.serialNumber = options.serial ?? '0a1b2c3d';
  certificate.validity.notBefore = options.notBefore ?? JAN_2020;
  certificate.validity.notAfter = options.notAfter ?? JAN_2040;
  const attributes = parseDistinguishedName(options.subject)
    .flat()
    .map((attribute) => ({ type: attribute.oid, value: attribute.value }));
  certificate.setSubject(attributes);
  certificate.setIssuer(
    options.issuer === undefined ? attributes : options.issuer.forge.subject.attributes,
  );
  const extensions: object[] = [];
  if (options.ca === true) {
    extensions.push(
      {
        name: 'basicConstraints',
        cA: true,
        critical: true,
        ...(options.pathLength === undefined ? {} : { pathLenConstraint: options.pathLength }),
      },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    );
  } else {
    extensions.push(
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
    );
    const usage = options.usage ?? 'codeSigning';
    if (usage !== 'none') extensions.push({ name: 'extKeyUsage', [usage]: true });
  }
  certificate.setExtensions(extensions);
  certificate.sign((options.issuer?.key ?? options.key).forge, forge.md.sha256.create());
  return {
    certificate: parseCertificate(derOf(certificate)),
    forge: certificate,
    key: options.key,
  };
}

/** The DER of a forge certificate. */
export function derOf(certificate: forge.pki.Certificate): Uint8Array {
  return Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(),
    'latin1',
  );
}

/** A signing identity for a test certificate, with others to embed. */
export function identityOf(
  made: TestCertificate,
  chain: readonly TestCertificate[] = [],
): SigningIdentity {
  return {
    certificate: made.certificate,
    chain: chain.map((other) => other.certificate),
    privateKey: made.key.node,
  };
}

/** A PKCS#12 file of a key and certificates, as node-forge writes one. */
export function pkcs12Of(
  key: TestKey | null,
  certificates: readonly TestCertificate[],
  password: string,
  algorithm: 'aes256' | '3des' = '3des',
): Uint8Array {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    key === null ? null : key.forge,
    certificates.map((certificate) => certificate.forge),
    password,
    { algorithm, count: 1000 },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'latin1');
}

/** A PEM text of certificates. */
export function pemOf(...certificates: readonly TestCertificate[]): string {
  return certificates.map((certificate) => forge.pki.certificateToPem(certificate.forge)).join('');
}

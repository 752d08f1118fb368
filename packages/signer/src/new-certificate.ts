import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { parseCertificate, type Certificate } from './certificate.js';
import { parseDistinguishedName } from './distinguished-name.js';
import { SignerError } from './errors.js';
import type { SigningIdentity } from './signing-identity.js';

/** Options of {@link createDevelopmentCertificate}. */
export interface DevelopmentCertificateOptions {
  /** The subject, such as `CN=Contoso Connectors (dev), O=Contoso`; it must have a `CN`. */
  readonly subject: string;
  /** The password of the PKCS#12 file: printable ASCII, at least one character. */
  readonly password: string;
  /** How long the certificate is valid, in days, from `now`. Default 365; 1 to 3650. */
  readonly days?: number;
  /** The RSA key size in bits. Default 3072. */
  readonly keySize?: 2048 | 3072 | 4096;
  /** How the PKCS#12 file encrypts the key: AES-256 (PBES2, default) or 3DES for older Windows. */
  readonly pkcs12Cipher?: 'aes256' | '3des';
  /** The start of the validity period. Default: the current time. */
  readonly now?: Date;
}

/** What {@link createDevelopmentCertificate} makes. */
export interface DevelopmentCertificate {
  readonly certificate: Certificate;
  /** The PKCS#12 file (`.pfx`): the certificate and its encrypted private key. */
  readonly pkcs12: Uint8Array;
  /** The certificate with its key, ready to sign. */
  readonly identity: SigningIdentity;
}

/** How many PBKDF2 and MAC iterations the PKCS#12 file uses (OpenSSL 3 uses 2048). */
const PKCS12_ITERATIONS = 10_000;

/**
 * Creates a self-signed code-signing certificate for development, as
 * `New-SelfSignedCertificate -Type CodeSigningCert` does: an RSA key (made by `node:crypto`),
 * signed with SHA-256, with the extensions basic constraints (critical, not a certificate
 * authority), key usage (critical, digital signature only), extended key usage (code signing)
 * and a subject key identifier, and a random 127-bit serial number. It is returned with its key
 * as PKCS#12, made by node-forge: AES-256-CBC (PBES2, PBKDF2 with HMAC-SHA-256) or 3DES for the
 * key, a SHA-1 MAC, 10,000 iterations; OpenSSL, Windows and {@link readSigningIdentity} read it.
 *
 * @throws {@link SignerError} `PQSDK_CERT_BAD_SUBJECT` or `PQSDK_CERT_BAD_OPTION`.
 *
 * @example
 * ```ts
 * const dev = createDevelopmentCertificate({ subject: 'CN=Contoso (dev)', password: 'secret' });
 * writeFileAtomic('dev.pfx', dev.pkcs12);
 * console.log(dev.certificate.thumbprint);
 * ```
 */
export function createDevelopmentCertificate(
  options: DevelopmentCertificateOptions,
): DevelopmentCertificate {
  const days = options.days ?? 365;
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new SignerError(
      'PQSDK_CERT_BAD_OPTION',
      `the validity must be a whole number of days from 1 to 3650, not ${String(days)}`,
    );
  }
  const keySize = options.keySize ?? 3072;
  if (![2048, 3072, 4096].includes(keySize)) {
    throw new SignerError(
      'PQSDK_CERT_BAD_OPTION',
      `the key size must be 2048, 3072 or 4096 bits, not ${String(keySize)}`,
    );
  }
  if (!/^[\x20-\x7e]+$/.test(options.password)) {
    throw new SignerError(
      'PQSDK_CERT_BAD_OPTION',
      'the password must be printable ASCII and not empty (PKCS#12 tools disagree about other characters)',
    );
  }
  const name = parseDistinguishedName(options.subject);
  const attributes = name.flat().map((attribute) => {
    if (attribute.oid === '2.5.4.6' && !/^[A-Za-z]{2}$/.test(attribute.value)) {
      throw new SignerError(
        'PQSDK_CERT_BAD_SUBJECT',
        `the country (C=${attribute.value}) must be a two-letter code such as US`,
      );
    }
    return {
      type: attribute.oid,
      value: attribute.value,
      // The typings call this an ASN.1 class; node-forge reads it as the value's ASN.1 type.
      valueTagClass: valueTagOf(attribute.oid, attribute.value) as unknown as forge.asn1.Class,
    };
  });

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: keySize });
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  certificate.serialNumber = serial.toString('hex');
  const start = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  certificate.validity.notBefore = start;
  certificate.validity.notAfter = new Date(start.getTime() + days * 86_400_000);
  certificate.setSubject(attributes);
  certificate.setIssuer(attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'extKeyUsage', codeSigning: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgeKey, forge.md.sha256.create());

  const pkcs12Options = {
    algorithm: options.pkcs12Cipher ?? 'aes256',
    count: PKCS12_ITERATIONS,
    saltSize: 16,
    generateLocalKeyId: true,
    friendlyName: name.flat().find((attribute) => attribute.oid === '2.5.4.3')?.value ?? 'pqsdk',
    prfAlgorithm: 'sha256',
  };
  const pfx = forge.pkcs12.toPkcs12Asn1(forgeKey, [certificate], options.password, pkcs12Options);
  const der = Buffer.from(
    forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(),
    'latin1',
  );
  const parsed = parseCertificate(der);
  return {
    certificate: parsed,
    pkcs12: Uint8Array.from(Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'latin1')),
    identity: {
      certificate: parsed,
      chain: [],
      privateKey,
    },
  };
}

function valueTagOf(oid: string, value: string): forge.asn1.Type {
  if (oid === '2.5.4.6') return forge.asn1.Type.PRINTABLESTRING;
  const ascii = /^[\x20-\x7e]*$/.test(value);
  if (ascii && (oid === '1.2.840.113549.1.9.1' || oid === '0.9.2342.19200300.100.1.25')) {
    return forge.asn1.Type.IA5STRING;
  }
  return forge.asn1.Type.UTF8;
}

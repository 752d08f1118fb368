import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { certificatesFromPem, parseCertificate, type Certificate } from './certificate.js';
import { SignerError } from './errors.js';

/** A certificate with its private key: what signs a package. */
export interface SigningIdentity {
  /** The signing certificate; its public key matches {@link SigningIdentity.privateKey}. */
  readonly certificate: Certificate;
  /**
   * The other certificates that came with it (intermediate certificate authorities, perhaps the
   * root), in the order of the file. They are embedded in the signature after the signing
   * certificate, so that a verifier can build the chain.
   */
  readonly chain: readonly Certificate[];
  readonly privateKey: KeyObject;
}

/** What {@link readSigningIdentity} reads. */
export interface SigningIdentityInput {
  /**
   * The certificate file: PKCS#12 (`.pfx`, `.p12`) with its key, PEM (one or more
   * `CERTIFICATE` blocks, perhaps with the `PRIVATE KEY` block too), or one DER certificate
   * (`.cer`) whose key is given in {@link SigningIdentityInput.key}.
   */
  readonly certificate: Uint8Array;
  /** A PEM private key (`PRIVATE KEY`, `RSA PRIVATE KEY` or `ENCRYPTED PRIVATE KEY`), when separate. */
  readonly key?: Uint8Array;
  /** The password of the PKCS#12 file or of an encrypted PEM key. */
  readonly password?: string;
}

/**
 * Reads a certificate and its private key, from PKCS#12 or PEM, and checks that they can sign:
 * the key belongs to the certificate and is an RSA key of at least 2048 bits. PKCS#12 is read
 * with node-forge (password-integrity mode: SHA-1 or SHA-2 MAC; 3DES, RC2 or PBES2/AES bags);
 * PEM keys with `node:crypto`.
 *
 * @throws {@link SignerError}: `PQSDK_CERT_BAD_PASSWORD` (wrong or missing password),
 * `PQSDK_CERT_NO_PRIVATE_KEY`, `PQSDK_CERT_KEY_MISMATCH`, `PQSDK_CERT_NO_CERTIFICATE`,
 * `PQSDK_CERT_UNSUPPORTED_KEY` or `PQSDK_CERT_BAD_FILE`. No message ever holds the password.
 *
 * @example
 * ```ts
 * const identity = readSigningIdentity({ certificate: readFileSync('dev.pfx'), password });
 * console.log(identity.certificate.subject, identity.certificate.thumbprint);
 * ```
 */
export function readSigningIdentity(input: SigningIdentityInput): SigningIdentity {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(input.certificate);
  if (text.includes('-----BEGIN')) return fromPem(text, input);
  const binary = forge.util.binary.raw.encode(input.certificate);
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(binary, true);
  } catch (error) {
    throw new SignerError(
      'PQSDK_CERT_BAD_FILE',
      'the certificate file is neither PKCS#12 (.pfx, .p12) nor PEM nor a DER certificate',
      { cause: error },
    );
  }
  const single = tryCertificate(input.certificate);
  if (single !== undefined) {
    if (input.key === undefined) throw noPrivateKey('the file holds a certificate only');
    return fromPem(certificateAsPem(input.certificate), input);
  }
  return fromPkcs12(asn1, input.password);
}

function fromPkcs12(asn1: forge.asn1.Asn1, password: string | undefined): SigningIdentity {
  const attempts = password === undefined ? ['', undefined] : [password];
  let pfx: forge.pkcs12.Pkcs12Pfx | undefined;
  let failure: unknown;
  for (const attempt of attempts) {
    try {
      pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, attempt);
      break;
    } catch (error) {
      failure = error;
    }
  }
  if (pfx === undefined) throw pkcs12Error(failure, password !== undefined);

  const certificates: Certificate[] = [];
  const certBag = forge.pki.oids.certBag ?? '1.2.840.113549.1.12.10.1.3';
  for (const bag of pfx.getBags({ bagType: certBag })[certBag] ?? []) {
    // node-forge leaves `cert` null (not undefined) for a certificate it cannot decode.
    const decoded = bag.cert as forge.pki.Certificate | null | undefined;
    const der =
      decoded === undefined || decoded === null
        ? forge.asn1.toDer(bag.asn1).getBytes()
        : forge.asn1.toDer(forge.pki.certificateToAsn1(decoded)).getBytes();
    certificates.push(parseCertificate(Buffer.from(der, 'latin1')));
  }
  if (certificates.length === 0) {
    throw new SignerError(
      'PQSDK_CERT_NO_CERTIFICATE',
      'the PKCS#12 file holds no certificate; export the certificate together with its private key',
    );
  }
  const keys: KeyObject[] = [];
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
    if (type === undefined) continue;
    for (const bag of pfx.getBags({ bagType: type })[type] ?? []) {
      if (bag.key === undefined) continue;
      keys.push(createPrivateKey(forge.pki.privateKeyToPem(bag.key)));
    }
  }
  if (keys.length === 0) {
    throw noPrivateKey('the PKCS#12 file holds no private key; export it with its private key');
  }
  return pair(certificates, keys);
}

function fromPem(text: string, input: SigningIdentityInput): SigningIdentity {
  const certificates = certificatesFromPem(text);
  if (certificates.length === 0) {
    throw new SignerError(
      'PQSDK_CERT_NO_CERTIFICATE',
      'the PEM file holds no certificate (-----BEGIN CERTIFICATE-----)',
    );
  }
  const keyText =
    input.key === undefined ? text : new TextDecoder('utf-8', { fatal: false }).decode(input.key);
  const blocks = [
    ...keyText.matchAll(
      /-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/g,
    ),
  ].map((match) => match[0]);
  if (blocks.length === 0) {
    throw noPrivateKey(
      input.key === undefined
        ? 'the PEM file holds no private key; give it with --key <key.pem>'
        : 'the key file holds no PEM private key (-----BEGIN PRIVATE KEY-----)',
    );
  }
  const keys = blocks.map((block) => {
    const encrypted =
      block.includes('ENCRYPTED PRIVATE KEY') || block.includes('Proc-Type: 4,ENCRYPTED');
    if (encrypted && input.password === undefined) throw pemKeyError(undefined, false);
    try {
      return createPrivateKey({
        key: block,
        format: 'pem',
        ...(input.password === undefined ? {} : { passphrase: input.password }),
      });
    } catch (error) {
      throw pemKeyError(error, input.password !== undefined);
    }
  });
  return pair(certificates, keys);
}

/** The certificate that matches one of the keys, with its key and the other certificates. */
function pair(certificates: readonly Certificate[], keys: readonly KeyObject[]): SigningIdentity {
  for (const privateKey of keys) {
    const publicKey = spki(createPublicKey(privateKey));
    const certificate = certificates.find((candidate) =>
      spki(candidate.publicKey).equals(publicKey),
    );
    if (certificate === undefined) continue;
    checkKey(privateKey);
    return {
      certificate,
      chain: certificates.filter((other) => other !== certificate),
      privateKey,
    };
  }
  throw new SignerError(
    'PQSDK_CERT_KEY_MISMATCH',
    `the private key does not belong to the certificate (${certificates[0]?.subject ?? 'unknown'}); give the key that was created with it`,
  );
}

function checkKey(key: KeyObject): void {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType !== 'rsa' || bits === undefined || bits < 2048) {
    throw new SignerError(
      'PQSDK_CERT_UNSUPPORTED_KEY',
      `the key is ${key.asymmetricKeyType === 'rsa' ? `RSA ${String(bits)}-bit` : (key.asymmetricKeyType ?? 'unknown')}; pqsdk signs with RSA keys of 2048 bits or more (RSA-SHA256, as MakePQX does)`,
    );
  }
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

function tryCertificate(der: Uint8Array): Certificate | undefined {
  try {
    return parseCertificate(der);
  } catch {
    return undefined;
  }
}

function certificateAsPem(der: Uint8Array): string {
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64')}\n-----END CERTIFICATE-----\n`;
}

function pkcs12Error(error: unknown, passwordGiven: boolean): SignerError {
  const message = error instanceof Error ? error.message : String(error);
  if (/password/i.test(message)) {
    return new SignerError(
      'PQSDK_CERT_BAD_PASSWORD',
      passwordGiven
        ? 'the password of the certificate file is wrong'
        : 'the certificate file needs a password; give it with -p <password>',
    );
  }
  if (/not RSA/i.test(message)) {
    return new SignerError(
      'PQSDK_CERT_UNSUPPORTED_KEY',
      'the key in the PKCS#12 file is not an RSA key; pqsdk signs with RSA keys (RSA-SHA256, as MakePQX does)',
      { cause: error },
    );
  }
  return new SignerError(
    'PQSDK_CERT_BAD_FILE',
    `the PKCS#12 file cannot be read: ${message.replace(/\s+/g, ' ')}`,
    { cause: error },
  );
}

function pemKeyError(error: unknown, passwordGiven: boolean): SignerError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (
    error === undefined ||
    code === 'ERR_MISSING_PASSPHRASE' ||
    code === 'ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED' ||
    /bad decrypt|passphrase|password/i.test(message)
  ) {
    return new SignerError(
      'PQSDK_CERT_BAD_PASSWORD',
      passwordGiven
        ? 'the password of the private key is wrong'
        : 'the private key is encrypted; give its password with -p <password>',
    );
  }
  return new SignerError('PQSDK_CERT_BAD_FILE', `the private key cannot be read: ${message}`, {
    cause: error,
  });
}

function noPrivateKey(message: string): SignerError {
  return new SignerError('PQSDK_CERT_NO_PRIVATE_KEY', message);
}

/**
 * The on-disk format of the credential store: a small JSON envelope around AES-256-GCM
 * ciphertext.
 *
 * ```json
 * {"format":"pqsdk-credentials","version":1,"algorithm":"aes-256-gcm","keyId":"<16 hex>",
 *  "iv":"<base64, 12 bytes>","tag":"<base64, 16 bytes>","ciphertext":"<base64>"}
 * ```
 *
 * - The plaintext is the UTF-8 JSON `{"credentials":[...]}`, each element a credential in
 *   PQTest's shape with its `DataSource` (`credentialToJson`).
 * - A fresh random 12-byte IV is drawn for every write.
 * - The header fields (`format`, `version`, `algorithm`, `keyId`) are bound to the ciphertext as
 *   GCM additional authenticated data, so changing any of them fails authentication.
 * - `keyId` is the first 8 bytes (hex) of SHA-256 over a fixed label and the key: it tells a
 *   wrong key (`PQSDK_CREDENTIALS_KEY_MISMATCH`) from a damaged file (`PQSDK_CREDENTIALS_CORRUPT`)
 *   without revealing anything about the key.
 */

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { CredentialError } from './errors.js';

/** The `format` field of the envelope. */
export const STORE_FORMAT = 'pqsdk-credentials';

/** The envelope version this code writes and the newest it reads. */
export const STORE_VERSION = 1;

/** The only cipher of version 1. */
export const STORE_ALGORITHM = 'aes-256-gcm';

/** The key length in bytes. */
export const KEY_BYTES = 32;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The envelope as it is written to the store file. */
export interface StoreEnvelope {
  readonly format: typeof STORE_FORMAT;
  readonly version: number;
  readonly algorithm: typeof STORE_ALGORITHM;
  readonly keyId: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

/** The identifier of a key stored in the envelope (not secret: a truncated labelled hash). */
export function keyIdOf(key: Uint8Array): string {
  return createHash('sha256')
    .update('pqsdk-credentials key id\0')
    .update(key)
    .digest()
    .subarray(0, 8)
    .toString('hex');
}

/**
 * Encrypts the plaintext under the key with a fresh IV, and returns the envelope's text (one line
 * of JSON and a newline).
 */
export function sealStore(plaintext: Uint8Array, key: Uint8Array): string {
  const keyId = keyIdOf(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(STORE_ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(STORE_VERSION, keyId));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const envelope: StoreEnvelope = {
    format: STORE_FORMAT,
    version: STORE_VERSION,
    algorithm: STORE_ALGORITHM,
    keyId,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
  return `${JSON.stringify(envelope)}\n`;
}

/**
 * Checks and decrypts the envelope's text.
 *
 * @throws {@link CredentialError} `PQSDK_CREDENTIALS_CORRUPT` (not an envelope, or the
 * authentication tag does not match), `PQSDK_CREDENTIALS_UNSUPPORTED_VERSION` or
 * `PQSDK_CREDENTIALS_KEY_MISMATCH`. No message quotes the file.
 */
export function openStore(text: string, key: Uint8Array, file: string): Uint8Array {
  const envelope = readEnvelope(text, file);
  if (envelope.keyId !== keyIdOf(key)) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_KEY_MISMATCH',
      `the credential store ${file} was encrypted under another key than its key file holds; restore the matching key file, or delete both files and set the credentials again`,
      { file },
    );
  }
  const iv = Buffer.from(envelope.iv, 'base64');
  const tag = Buffer.from(envelope.tag, 'base64');
  const ciphertext = Buffer.from(envelope.ciphertext, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw corrupt(file);
  try {
    const decipher = createDecipheriv(STORE_ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(envelope.version, envelope.keyId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw corrupt(file);
  }
}

/** The error for a store file that is damaged or was changed. */
export function corrupt(file: string): CredentialError {
  return new CredentialError(
    'PQSDK_CREDENTIALS_CORRUPT',
    `the credential store ${file} is damaged or was modified; delete it (and its key file) and set the credentials again`,
    { file },
  );
}

function readEnvelope(text: string, file: string): StoreEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw corrupt(file);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corrupt(file);
  const fields = value as Record<string, unknown>;
  if (fields['format'] !== STORE_FORMAT) throw corrupt(file);
  const version = fields['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw corrupt(file);
  }
  if (version > STORE_VERSION) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_UNSUPPORTED_VERSION',
      `the credential store ${file} has format version ${version}, newer than this pqsdk reads (${STORE_VERSION}); upgrade pqsdk`,
      { file },
    );
  }
  const base64 = /^[A-Za-z0-9+/]*={0,2}$/u;
  const { algorithm, keyId, iv, tag, ciphertext } = fields;
  if (
    algorithm !== STORE_ALGORITHM ||
    typeof keyId !== 'string' ||
    !/^[0-9a-f]{16}$/u.test(keyId) ||
    typeof iv !== 'string' ||
    typeof tag !== 'string' ||
    typeof ciphertext !== 'string' ||
    !base64.test(iv) ||
    !base64.test(tag) ||
    !base64.test(ciphertext)
  ) {
    throw corrupt(file);
  }
  return { format: STORE_FORMAT, version, algorithm, keyId, iv, tag, ciphertext };
}

function associatedData(version: number, keyId: string): Buffer {
  return Buffer.from(`${STORE_FORMAT}|${String(version)}|${STORE_ALGORITHM}|${keyId}`, 'utf8');
}

import { createHash, createHmac } from 'node:crypto';
import { MError } from '../errors.js';
import { BinaryValue } from '../values/binary.js';
import { TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asBinary, asInteger, typeError } from './arguments.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';

/**
 * `Crypto.CreateHash` and `Crypto.CreateHmac` with the `CryptoAlgorithm` values (the engine's
 * connector-only functions, used for PKCE and request signing). As in the engine, a plain hash is
 * SHA-256 only; an HMAC may also use SHA-1.
 */
export const CRYPTO_ALGORITHM = { sha1: 0, sha256: 1 } as const;

function algorithmOf(value: Value, allowSha1: boolean): 'sha1' | 'sha256' {
  const algorithm = asInteger(value, 'The algorithm');
  if (algorithm === CRYPTO_ALGORITHM.sha256) return 'sha256';
  if (algorithm === CRYPTO_ALGORITHM.sha1 && allowSha1) return 'sha1';
  throw MError.expression('The algorithm is not supported by this function.', algorithm);
}

/** The Crypto namespace and the `CryptoAlgorithm.*` constants. */
export const CRYPTO_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('CryptoAlgorithm.Type', TYPE.number),
  defineConstant('CryptoAlgorithm.SHA1', CRYPTO_ALGORITHM.sha1),
  defineConstant('CryptoAlgorithm.SHA256', CRYPTO_ALGORITHM.sha256),
  defineFunction(
    'Crypto.CreateHash',
    '(algorithm as number, value as binary) as binary',
    (_ctx, [algorithm, value]) =>
      new BinaryValue(
        new Uint8Array(
          createHash(algorithmOf(algorithm, false)).update(asBinary(value).bytes).digest(),
        ),
      ),
  ),
  defineFunction(
    'Crypto.CreateHmac',
    '(algorithm as number, password as any, value as binary) as binary',
    (_ctx, [algorithm, password, value]) => {
      const key = strip(password);
      if (!(key instanceof BinaryValue)) throw typeError(key, 'binary');
      return new BinaryValue(
        new Uint8Array(
          createHmac(algorithmOf(algorithm, true), key.bytes)
            .update(asBinary(value).bytes)
            .digest(),
        ),
      );
    },
  ),
];

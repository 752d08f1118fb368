import type { SignatureVerifier } from '@pqsdk/packager';
import { signatureVerifier as signerVerifier } from '@pqsdk/signer';

/**
 * The verifier `pqsdk inspect` gives `inspectConnector` for `.pqx` files with signature parts:
 * `@pqsdk/signer`'s, so the report says `valid` (with the signer, its thumbprint and its
 * certificate's status, for nothing is trusted here) or `INVALID` with the reason, as
 * `pqsdk verify` would find.
 */
export function signatureVerifier(): SignatureVerifier {
  return signerVerifier();
}

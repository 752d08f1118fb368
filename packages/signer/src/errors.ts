/**
 * Stable codes of {@link SignerError}. Tools may match on them; the messages may improve.
 */
export type SignerErrorCode =
  /** The certificate file could not be opened with the password given (or without one). */
  | 'PQSDK_CERT_BAD_PASSWORD'
  /** The private key does not belong to the certificate. */
  | 'PQSDK_CERT_KEY_MISMATCH'
  /** The certificate comes without its private key, so it cannot sign. */
  | 'PQSDK_CERT_NO_PRIVATE_KEY'
  /** The file holds no certificate. */
  | 'PQSDK_CERT_NO_CERTIFICATE'
  /** The file is neither PKCS#12 (`.pfx`, `.p12`) nor PEM, or it is damaged. */
  | 'PQSDK_CERT_BAD_FILE'
  /** The key is not an RSA key of at least 2048 bits, which is what pqsdk signs with. */
  | 'PQSDK_CERT_UNSUPPORTED_KEY'
  /** A subject such as `CN=Contoso, O=Contoso Ltd` that cannot be read. */
  | 'PQSDK_CERT_BAD_SUBJECT'
  /** A certificate option out of range (validity days, key size, password). */
  | 'PQSDK_CERT_BAD_OPTION'
  /** A thumbprint that is not 40 hexadecimal digits. */
  | 'PQSDK_TRUST_BAD_THUMBPRINT'
  /** A package to countersign whose existing signature does not verify. */
  | 'PQSDK_SIGN_EXISTING_INVALID'
  /** A package with nothing to sign (no parts), or one whose signature parts are malformed. */
  | 'PQSDK_SIGN_BAD_PACKAGE';

/** Options of {@link SignerError}. */
export interface SignerErrorOptions {
  /** The underlying error, such as a node-forge or OpenSSL error. */
  readonly cause?: unknown;
}

/**
 * An error of `@pqsdk/signer` that a user can act on: a certificate that cannot be used, a bad
 * option, or a package that cannot be signed. It has a stable {@link SignerError.code} and a
 * one-line message that says what is wrong and what to do; it never holds a password. A package
 * that fails verification is not an error: verification returns its status. Anything else thrown
 * by this package (other than `PackagerError`s from reading an archive) is a bug.
 *
 * @example
 * ```ts
 * try {
 *   readSigningIdentity({ certificate: bytes, password });
 * } catch (error) {
 *   if (error instanceof SignerError) console.error(`${error.message} (${error.code})`);
 *   else throw error;
 * }
 * ```
 */
export class SignerError extends Error {
  override readonly name: string = 'SignerError';
  /** What kind of problem this is. */
  readonly code: SignerErrorCode;

  /**
   * @param code - What kind of problem this is.
   * @param message - One line that says what is wrong and what to do.
   * @param options - The underlying cause.
   */
  constructor(code: SignerErrorCode, message: string, options: SignerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

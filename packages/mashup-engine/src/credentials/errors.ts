/**
 * Stable codes of {@link CredentialError}. Tools may match on them; the messages may improve.
 * No message ever contains a secret or the contents of the store.
 */
export type CredentialErrorCode =
  /** The store file is not a pqsdk credential store, or its contents fail authentication. */
  | 'PQSDK_CREDENTIALS_CORRUPT'
  /** The store was encrypted under another key than the key file holds. */
  | 'PQSDK_CREDENTIALS_KEY_MISMATCH'
  /** The store exists but its key file does not. The store is left untouched. */
  | 'PQSDK_CREDENTIALS_KEY_MISSING'
  /** The key file does not hold a 32-byte key in base64. */
  | 'PQSDK_CREDENTIALS_KEY_INVALID'
  /** The store file was written by a newer pqsdk (a format version this one does not read). */
  | 'PQSDK_CREDENTIALS_UNSUPPORTED_VERSION'
  /** The store, its key or its folder can be read or changed by other users. */
  | 'PQSDK_CREDENTIALS_INSECURE_PERMISSIONS'
  /** Another writer held the store's lock for longer than the lock timeout. */
  | 'PQSDK_CREDENTIALS_LOCKED'
  /** A file of the store could not be read or written. */
  | 'PQSDK_CREDENTIALS_IO'
  /** No credential is stored for the data source an operation named. */
  | 'PQSDK_CREDENTIALS_NOT_FOUND'
  /** An operation that needs an OAuth or Aad credential found another kind. */
  | 'PQSDK_CREDENTIALS_NOT_OAUTH'
  /** A credential given to the store is not well-formed (a bug in the caller). */
  | 'PQSDK_CREDENTIALS_INVALID';

/** Options of {@link CredentialError}. */
export interface CredentialErrorOptions {
  /** The file the error is about: the store, its key or its lock. */
  readonly file?: string;
  /** The underlying error, such as a file-system error. */
  readonly cause?: unknown;
}

/**
 * An error of the credential store that a user can act on: a store that cannot be read, a key
 * that does not fit, permissions that are too wide, a lock held too long. It has a stable
 * {@link CredentialError.code} and a one-line message that says what is wrong and what to do,
 * and never contains a secret.
 *
 * @example
 * ```ts
 * try {
 *   await store.list();
 * } catch (error) {
 *   if (error instanceof CredentialError) console.error(`${error.code}: ${error.message}`);
 *   else throw error;
 * }
 * ```
 */
export class CredentialError extends Error {
  override readonly name: string = 'CredentialError';
  /** What kind of problem this is. */
  readonly code: CredentialErrorCode;
  /** The file the error is about, when there is one. */
  readonly file: string | undefined;

  /**
   * @param code - What kind of problem this is.
   * @param message - One line that says what is wrong and what to do, with no secret in it.
   * @param options - The file concerned and the underlying cause.
   */
  constructor(code: CredentialErrorCode, message: string, options: CredentialErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
  }
}

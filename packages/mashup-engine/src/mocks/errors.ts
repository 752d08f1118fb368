/** Stable codes of {@link MockError}. Tools may match on them; the messages may improve. */
export type MockErrorCode =
  /** A fixture file is not valid JSON, or not in the pqsdk mock format. */
  | 'PQSDK_MOCK_INVALID_FIXTURE'
  /** A `--mock` path does not exist, or a fixture file or folder cannot be read. */
  | 'PQSDK_MOCK_READ_FAILED'
  /** A recorded fixture could not be written. */
  | 'PQSDK_MOCK_WRITE_FAILED';

/** Options of {@link MockError}. */
export interface MockErrorOptions {
  /** The fixture file the error is about. */
  readonly file?: string;
  /** The JSON path of the problem in the file, such as `$[1].request.url`. */
  readonly jsonPath?: string;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * An error of the mock fixtures that a user can act on: a fixture file that is not valid, a path
 * that cannot be read, a recording that cannot be written. It has a stable {@link MockError.code},
 * names the file (and the JSON path of the problem), and never contains a secret.
 *
 * @example
 * ```ts
 * try {
 *   await MockStore.load(['fixtures']);
 * } catch (error) {
 *   if (error instanceof MockError) console.error(`${error.code}: ${error.message}`);
 *   else throw error;
 * }
 * ```
 */
export class MockError extends Error {
  override readonly name: string = 'MockError';
  /** What kind of problem this is. */
  readonly code: MockErrorCode;
  /** The fixture file the error is about, when there is one. */
  readonly file: string | undefined;
  /** The JSON path of the problem in the file, when there is one. */
  readonly jsonPath: string | undefined;

  /**
   * @param code - What kind of problem this is.
   * @param message - One line that says what is wrong and what to do.
   * @param options - The file, the JSON path and the underlying cause.
   */
  constructor(code: MockErrorCode, message: string, options: MockErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.jsonPath = options.jsonPath;
  }
}

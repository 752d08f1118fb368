/** Stable codes of {@link UsageError}. Scripts may match on them; the messages may improve. */
export type UsageErrorCode =
  | 'PQSDK_UNKNOWN_COMMAND'
  | 'PQSDK_UNKNOWN_OPTION'
  | 'PQSDK_BAD_OPTION_VALUE'
  | 'PQSDK_MISSING_ARGUMENT'
  | 'PQSDK_NO_SUCH_PATH'
  | 'PQSDK_UNREADABLE_PATH';

/**
 * A mistake on the command line, or a path that cannot be read: the user can fix it. `run` prints
 * the message as one line on standard error, prefixed by the command, without a stack trace, and
 * exits with {@link EXIT_USAGE}.
 *
 * @example
 * ```ts
 * throw new UsageError('PQSDK_NO_SUCH_PATH', 'no such file or directory: foo.pq');
 * // pqsdk parse: no such file or directory: foo.pq
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  /**
   * @param code - What kind of mistake this is.
   * @param message - One line that says what is wrong and, where it helps, what to do.
   */
  constructor(
    readonly code: UsageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

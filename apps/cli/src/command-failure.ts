/**
 * A command that ran but could not do what was asked, for a reason the user can act on: a
 * connector that does not parse, a credential store that cannot be opened, a query that calls no
 * data source. The message is one line that says what went wrong and, where it helps, what to
 * do. `run` prints it on standard error, prefixed by the command, without a stack trace, and
 * exits with {@link EXIT_FAILED}.
 *
 * @example
 * ```ts
 * throw new CommandFailure('HelloWorld.pq:12:5 expected `;`');
 * // pqsdk run-test: HelloWorld.pq:12:5 expected `;`
 * ```
 */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

import type { CliIo } from './cli-io.js';

/** A verb of the `pqsdk` command, such as `parse`. */
export interface Command {
  /** The word that selects it: `pqsdk <name> …`. */
  readonly name: string;
  /** One line for the list of commands in `pqsdk --help`. */
  readonly summary: string;
  /** The arguments after the name, as in its usage line: `[options] <paths…>`. */
  readonly synopsis: string;
  /** The full text of `pqsdk <name> --help`, ending with a newline. */
  readonly help: string;
  /**
   * Runs the command with the arguments after its name and returns the exit code.
   *
   * @throws {@link UsageError} for a mistake the user can fix; anything else is a bug.
   */
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

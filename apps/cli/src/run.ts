import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { COMMANDS, findCommand } from './commands.js';
import { CommandFailure } from './command-failure.js';
import { EXIT_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './exit-code.js';
import { topLevelHelp } from './help.js';
import { UsageError } from './usage-error.js';
import { readVersion } from './version.js';

/**
 * Runs the `pqsdk` command line and returns the exit code. It never throws: a {@link UsageError}
 * becomes one line on standard error and exit code 2, a {@link CommandFailure} one line and exit
 * code 1; any other exception is a bug, reported in one line (the stack too when `PQSDK_DEBUG` is
 * set) with exit code 70.
 *
 * @param argv - The arguments after the program name (`process.argv.slice(2)`).
 * @param io - Where output goes and where paths are read from.
 *
 * @example
 * ```ts
 * const code = await run(['parse', 'src'], { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd(), isTTY: false });
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let program = 'pqsdk';
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(topLevelHelp(COMMANDS));
      return EXIT_USAGE;
    }
    if (first === '--help' || first === '-h') {
      io.stdout(topLevelHelp(COMMANDS));
      return EXIT_OK;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${readVersion()}\n`);
      return EXIT_OK;
    }
    if (first === 'help') {
      const [topic] = rest;
      io.stdout(topic === undefined ? topLevelHelp(COMMANDS) : commandNamed(topic).help);
      return EXIT_OK;
    }
    if (first.startsWith('-')) {
      throw new UsageError('PQSDK_UNKNOWN_OPTION', `unknown option "${first}"; run pqsdk --help`);
    }
    const command = commandNamed(first);
    program = `pqsdk ${command.name}`;
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${program}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CommandFailure) {
      io.stderr(`${program}: ${error.message}\n`);
      return EXIT_FAILED;
    }
    reportInternalError(error, io);
    return EXIT_INTERNAL;
  }
}

function commandNamed(name: string): Command {
  const command = findCommand(name);
  if (command === undefined) {
    throw new UsageError('PQSDK_UNKNOWN_COMMAND', `unknown command "${name}"; run pqsdk --help`);
  }
  return command;
}

function reportInternalError(error: unknown, io: CliIo): void {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`pqsdk: internal error: ${firstLine(message)}\n`);
  const debug = io.env?.['PQSDK_DEBUG'];
  if (debug !== undefined && debug !== '' && debug !== '0') {
    io.stderr(`${error instanceof Error && error.stack !== undefined ? error.stack : message}\n`);
  } else {
    io.stderr('pqsdk: this is a bug in pqsdk; rerun with PQSDK_DEBUG=1 to see the stack\n');
  }
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

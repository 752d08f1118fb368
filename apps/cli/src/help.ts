import type { Command } from './command.js';
import { exitCodesHelp } from './exit-codes-help.js';

/**
 * The text of `pqsdk --help`: the usage line, the commands with their summaries, the options, an
 * example and the exit codes.
 */
export function topLevelHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const list = commands
    .map((command) => `  ${command.name.padEnd(width)}${command.summary}`)
    .join('\n');
  return `Usage: pqsdk <command> [options]

pqsdk: the Power Query SDK tools (PQTest, MakePQX) for every platform.

Commands:
${list}

Options:
  -h, --help     Show this help; "pqsdk <command> --help" or "pqsdk help <command>" for a command
  -v, --version  Print the version

Example:
  pqsdk parse MyConnector.pq

${exitCodesHelp('the command ran and found problems, such as a file that does not parse')}`;
}

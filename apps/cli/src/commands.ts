import type { Command } from './command.js';
import { compileCommand } from './commands/compile.js';
import { evalCommand } from './commands/eval.js';
import { inspectCommand } from './commands/inspect.js';
import { newCertCommand } from './commands/new-cert.js';
import { packCommand } from './commands/pack.js';
import { parseCommand } from './commands/parse.js';
import { signCommand } from './commands/sign.js';
import { verifyCommand } from './commands/verify.js';

/** Every verb of `pqsdk`, in the order `pqsdk --help` lists them. */
export const COMMANDS: readonly Command[] = [
  parseCommand,
  evalCommand,
  compileCommand,
  packCommand,
  signCommand,
  verifyCommand,
  newCertCommand,
  inspectCommand,
];

/** The verb called `name`, or undefined. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

import type { Command } from './command.js';
import { parseCommand } from './commands/parse.js';

/** Every verb of `pqsdk`, in the order `pqsdk --help` lists them. */
export const COMMANDS: readonly Command[] = [parseCommand];

/** The verb called `name`, or undefined. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

/**
 * `@pqsdk/cli`: the `pqsdk` command. The bin is `dist/main.js`; this entry point lets other programs
 * run the command line in-process.
 *
 * @packageDocumentation
 */
export type { CliIo } from './cli-io.js';
export { run } from './run.js';

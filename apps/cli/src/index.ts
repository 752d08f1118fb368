/**
 * `@pqsdk/cli`: the `pqsdk` command. The bin is `dist/bundle/bin/pqsdk.js`: `dist/main.js` as
 * `tools/scripts/bundle-cli.mjs` bundles it. This entry point lets other programs run the command
 * line in-process.
 *
 * @packageDocumentation
 */
export type { CliIo } from './cli-io.js';
export { run } from './run.js';

#!/usr/bin/env node
/**
 * The `pqsdk` program: wires {@link run} to this process. It runs on import, so it works both as
 * the package's bin and when the workspace launcher (`tools/scripts/pqsdk.mjs`) imports it.
 *
 * @packageDocumentation
 */
import { EXIT_INTERNAL } from './exit-code.js';
import { run } from './run.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (`pqsdk parse src | head`): stop quietly, as other tools do.
  if (error.code === 'EPIPE') process.exit();
  process.stderr.write(`pqsdk: cannot write to standard output: ${error.message}\n`);
  process.exit(EXIT_INTERNAL);
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  cwd: process.cwd(),
  isTTY: process.stderr.isTTY && process.env['TERM'] !== 'dumb',
  stdoutIsTTY: process.stdout.isTTY && process.env['TERM'] !== 'dumb',
  ...(process.stdout.columns > 0 ? { columns: process.stdout.columns } : {}),
  env: process.env,
  stdin: process.stdin,
});

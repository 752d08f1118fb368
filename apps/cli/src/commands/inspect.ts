import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inspectConnector, PackagerError } from '@pqsdk/packager';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { pathError } from '../path-error.js';
import { readArguments } from '../read-arguments.js';
import { UsageError } from '../usage-error.js';
import { INSPECT_HELP } from './inspect-help.js';
import { formatInspectJson, formatInspectReport } from './inspect-report.js';
import { signatureVerifier } from './inspect-signature.js';

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `pqsdk inspect [--json] <file.mez|file.pqx>`: reads the archive with `@pqsdk/packager`'s
 * safe reader and prints what it holds. Returns 0 for a good connector; 1 when the archive is
 * refused (one line on standard error), the connector has problems (listed in the report), or a
 * `.pqx` signature does not verify.
 *
 * @throws {@link UsageError} for bad arguments, or a file that does not exist or cannot be read.
 */
export async function runInspect(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(argv, OPTIONS, 'pqsdk inspect --help');
  if (options.help) {
    io.stdout(INSPECT_HELP);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      'no .mez or .pqx file given; run pqsdk inspect --help',
    );
  }
  if (extra.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `give one file, not ${String(positionals.length)}; run pqsdk inspect --help`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(io.cwd, file));
  } catch (error) {
    throw pathError(error, file);
  }

  let inspection;
  try {
    inspection = await inspectConnector(bytes, { verifySignature: signatureVerifier() });
  } catch (error) {
    if (!(error instanceof PackagerError)) throw error;
    io.stderr(`pqsdk inspect: ${file}: ${error.message} (${error.code})\n`);
    return EXIT_FAILED;
  }
  io.stdout(
    options.json ? formatInspectJson(file, inspection) : formatInspectReport(file, inspection),
  );
  const failed = inspection.problems.length > 0 || inspection.signature.status === 'invalid';
  return failed ? EXIT_FAILED : EXIT_OK;
}

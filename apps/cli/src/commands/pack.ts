import { resolve } from 'node:path';
import { writeFileAtomic } from '@pqsdk/packager';
import { packPqx } from '@pqsdk/signer';
import type { CliIo } from '../cli-io.js';
import { EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { UsageError } from '../usage-error.js';
import { PACK_HELP } from './pack-help.js';
import { signedLine } from './signing-report.js';
import {
  CERTIFICATE_OPTIONS,
  makePqxSpellings,
  readIdentity,
  readInput,
  reportFailure,
  shownPath,
} from './signing-input.js';

const OPTIONS = {
  mez: { type: 'string' },
  target: { type: 'string', short: 't' },
  ...CERTIFICATE_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `pqsdk pack -mz <file.mez> [-t <file.pqx>] [-c <certificate> [-p <password>]]`: packs the
 * `.mez` into a `.pqx` with `@pqsdk/signer` (signed when a certificate is given) and writes it
 * atomically. Returns 0 when it was written, 1 when the `.mez` is refused, the certificate
 * cannot be used or the output cannot be written.
 *
 * @throws {@link UsageError} for bad arguments or an input file that cannot be read.
 */
export async function runPack(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(
    makePqxSpellings(argv),
    OPTIONS,
    'pqsdk pack --help',
  );
  if (options.help) {
    io.stdout(PACK_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      'pack takes no positional arguments: give the .mez with -mz <file>; run pqsdk pack --help',
    );
  }
  if (options.mez === undefined || options.mez === '') {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      'no .mez given: use -mz <file.mez>; run pqsdk pack --help',
    );
  }
  if (options.target === '') {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      'option "--target" needs a file name; run pqsdk pack --help',
    );
  }
  const mez = readInput(options.mez, io);
  const target = resolve(io.cwd, options.target ?? defaultTarget(options.mez));
  try {
    const identity = readIdentity(options, io, 'pqsdk pack --help');
    const bytes = await packPqx(mez, identity);
    writeFileAtomic(target, bytes);
    const shown = shownPath(target, io.cwd);
    io.stdout(
      `wrote ${shown} (${String(bytes.length)} bytes, ${identity === undefined ? 'unsigned' : signedLine(identity.certificate)})\n`,
    );
    return EXIT_OK;
  } catch (error) {
    return reportFailure(error, io, `pqsdk pack: ${options.mez}`);
  }
}

/** The `.mez`'s path ending in `.pqx` instead (appended when it does not end in `.mez`). */
function defaultTarget(mez: string): string {
  return /\.mez$/i.test(mez) ? `${mez.slice(0, -4)}.pqx` : `${mez}.pqx`;
}

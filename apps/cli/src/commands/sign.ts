import { resolve } from 'node:path';
import { writeFileAtomic } from '@pqsdk/packager';
import { signPqx } from '@pqsdk/signer';
import type { CliIo } from '../cli-io.js';
import { EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { UsageError } from '../usage-error.js';
import { SIGN_HELP } from './sign-help.js';
import { signedLine } from './signing-report.js';
import {
  CERTIFICATE_OPTIONS,
  makePqxSpellings,
  readIdentity,
  readInput,
  reportFailure,
} from './signing-input.js';

const OPTIONS = {
  ...CERTIFICATE_OPTIONS,
  replace: { type: 'boolean', short: 'r' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `pqsdk sign <file.pqx> -c <certificate> [-p <password>] [-r]`: signs, countersigns or
 * (with `--replace`) re-signs the package with `@pqsdk/signer`, and rewrites it atomically.
 * Returns 0 when it was written, 1 when the package is refused, its existing signature does not
 * verify, the certificate cannot be used or the file cannot be written.
 *
 * @throws {@link UsageError} for bad arguments or a file that cannot be read.
 */
export async function runSign(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(
    makePqxSpellings(argv),
    OPTIONS,
    'pqsdk sign --help',
  );
  if (options.help) {
    io.stdout(SIGN_HELP);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new UsageError('PQSDK_MISSING_ARGUMENT', 'no .pqx file given; run pqsdk sign --help');
  }
  if (extra.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `give one .pqx file, not ${String(positionals.length)}; run pqsdk sign --help`,
    );
  }
  if (options.certificate === undefined) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      'no certificate given: use -c <file.pfx> -p <password>; run pqsdk sign --help',
    );
  }
  const bytes = readInput(file, io);
  try {
    const identity = readIdentity(options, io, 'pqsdk sign --help');
    if (identity === undefined) throw new Error('a certificate was given but not read');
    const { bytes: signed, result } = await signPqx(bytes, identity, { replace: options.replace });
    writeFileAtomic(resolve(io.cwd, file), signed);
    const verb = result.countersigned ? 'countersigned' : options.replace ? 're-signed' : 'signed';
    io.stdout(
      `${verb} ${file}: signature ${String(result.signatureCount)} of ${String(result.signatureCount)}, ${signedLine(identity.certificate)}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    return reportFailure(error, io, `pqsdk sign: ${file}`);
  }
}

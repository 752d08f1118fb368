import {
  certificatesFromPem,
  makePqxVerifyReport,
  parseThumbprints,
  SignerError,
  verifyPqx,
  verifyReportDetails,
  type TrustOptions,
} from '@pqsdk/signer';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { UsageError } from '../usage-error.js';
import { makePqxSpellings, readInput, reportFailure } from './signing-input.js';
import { VERIFY_HELP } from './verify-help.js';

/** Every signature is valid, but a signer's certificate is not trusted or not valid. */
export const EXIT_UNTRUSTED = 3;

const OPTIONS = {
  quiet: { type: 'boolean', short: 'q' },
  'trusted-roots': { type: 'string' },
  'trusted-thumbprints': { type: 'string' },
  details: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `pqsdk verify [-q] [--trusted-roots <pem>] [--trusted-thumbprints <list>] <file.pqx>`:
 * verifies the package with `@pqsdk/signer` and prints MakePQX's JSON report. Returns 0 when
 * every signature is valid and trusted, 1 when one is invalid, the package is unsigned or the
 * archive is refused, and {@link EXIT_UNTRUSTED} when the signatures are valid but a signer's
 * certificate is not trusted.
 *
 * @throws {@link UsageError} for bad arguments or a file that cannot be read.
 */
export function runVerify(argv: readonly string[], io: CliIo): Promise<number> {
  return Promise.resolve(verify(argv, io));
}

function verify(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = readArguments(
    makePqxSpellings(argv),
    OPTIONS,
    'pqsdk verify --help',
  );
  if (options.help) {
    io.stdout(VERIFY_HELP);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) {
    throw new UsageError('PQSDK_MISSING_ARGUMENT', 'no .pqx file given; run pqsdk verify --help');
  }
  if (extra.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `give one .pqx file, not ${String(positionals.length)}; run pqsdk verify --help`,
    );
  }
  const trust = readTrust(options['trusted-roots'], options['trusted-thumbprints'], io);
  const bytes = readInput(file, io);
  const quiet = options.quiet;

  let verification;
  try {
    verification = verifyPqx(bytes, trust);
  } catch (error) {
    return reportFailure(
      error,
      quiet ? { ...io, stderr: () => undefined } : io,
      `pqsdk verify: ${file}`,
    );
  }
  if (!quiet) {
    const report = makePqxVerifyReport(verification);
    const document = options.details ? { ...report, ...verifyReportDetails(verification) } : report;
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  }
  if (verification.status !== 'Success') {
    if (!quiet) {
      io.stderr(`pqsdk verify: ${file}: ${verification.status}: ${verification.problem ?? ''}\n`);
    }
    return EXIT_FAILED;
  }
  if (!verification.trusted) {
    if (!quiet) {
      const statuses = [
        ...new Set(
          verification.signatures.map((signature) => signature.chain[0]?.status ?? 'unknown'),
        ),
      ].filter((status) => status !== 'Success');
      io.stderr(
        `pqsdk verify: ${file}: the signature is valid, but the certificate is not trusted (${statuses.join(', ')}); to trust it, give --trusted-thumbprints <thumbprint> or --trusted-roots <file.pem>\n`,
      );
    }
    return EXIT_UNTRUSTED;
  }
  return EXIT_OK;
}

function readTrust(
  roots: string | undefined,
  thumbprints: string | undefined,
  io: CliIo,
): TrustOptions {
  try {
    return {
      ...(roots === undefined ? {} : { trustedRoots: readRoots(roots, io) }),
      ...(thumbprints === undefined ? {} : { trustedThumbprints: parseThumbprints(thumbprints) }),
    };
  } catch (error) {
    if (error instanceof SignerError) throw new UsageError('PQSDK_BAD_OPTION_VALUE', error.message);
    throw error;
  }
}

function readRoots(path: string, io: CliIo): ReturnType<typeof certificatesFromPem> {
  const roots = certificatesFromPem(new TextDecoder().decode(readInput(path, io)));
  if (roots.length === 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----); give a PEM bundle to --trusted-roots`,
    );
  }
  return roots;
}

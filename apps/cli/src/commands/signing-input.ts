import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { PackagerError } from '@pqsdk/packager';
import { readSigningIdentity, SignerError, type SigningIdentity } from '@pqsdk/signer';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED } from '../exit-code.js';
import { pathError } from '../path-error.js';
import { UsageError } from '../usage-error.js';

/** The environment variable read for the certificate password when `-p` is not given. */
export const PASSWORD_VARIABLE = 'PQSDK_CERT_PASSWORD';

/** The options of the verbs that sign (`pack`, `sign`), as MakePQX names them, plus `--key`. */
export const CERTIFICATE_OPTIONS = {
  certificate: { type: 'string', short: 'c' },
  password: { type: 'string', short: 'p' },
  key: { type: 'string' },
} as const;

/** The certificate options as read. */
export interface CertificateArguments {
  readonly certificate: string | undefined;
  readonly password: string | undefined;
  readonly key: string | undefined;
}

/**
 * MakePQX's spellings that `node:util` cannot read as options: `-mz` (two letters) and `-?`.
 * They become `--mez` and `--help`; everything after `--` is left alone.
 */
export function makePqxSpellings(argv: readonly string[]): string[] {
  const terminator = argv.indexOf('--');
  return argv.map((arg, index) => {
    if (terminator !== -1 && index > terminator) return arg;
    if (arg === '-mz') return '--mez';
    if (arg.startsWith('-mz=')) return `--mez=${arg.slice(4)}`;
    return arg === '-?' ? '--help' : arg;
  });
}

/**
 * Reads the signing identity the options name, or undefined when no certificate is given. The
 * password comes from `-p`, else from `PQSDK_CERT_PASSWORD`.
 *
 * @throws {@link UsageError} for `--password` or `--key` without `--certificate`, or a file that
 * cannot be read; {@link SignerError} for a certificate that cannot be used.
 */
export function readIdentity(
  options: CertificateArguments,
  io: CliIo,
  helpCommand: string,
): SigningIdentity | undefined {
  if (options.certificate === undefined) {
    if (options.password !== undefined || options.key !== undefined) {
      throw new UsageError(
        'PQSDK_MISSING_ARGUMENT',
        `${options.key === undefined ? '--password' : '--key'} needs --certificate <file>; run ${helpCommand}`,
      );
    }
    return undefined;
  }
  const password = options.password ?? io.env?.[PASSWORD_VARIABLE];
  return readSigningIdentity({
    certificate: readInput(options.certificate, io),
    ...(options.key === undefined ? {} : { key: readInput(options.key, io) }),
    ...(password === undefined ? {} : { password }),
  });
}

/** Reads a file the user named, relative to the working folder. */
export function readInput(path: string, io: CliIo): Uint8Array {
  try {
    return readFileSync(resolve(io.cwd, path));
  } catch (error) {
    throw pathError(error, path);
  }
}

/**
 * Reports a `SignerError` or `PackagerError` as one line on standard error and returns exit code
 * 1; anything else is rethrown (a bug, or a usage error for `run` to report).
 */
export function reportFailure(error: unknown, io: CliIo, prefix: string): number {
  if (error instanceof SignerError || error instanceof PackagerError) {
    io.stderr(`${prefix}: ${oneLine(error.message)} (${error.code})\n`);
    return EXIT_FAILED;
  }
  throw error;
}

/** A path relative to the working folder when it is inside it, else absolute; with `/`. */
export function shownPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  const shown = inside === '' || outside ? path : inside;
  return sep === '\\' ? shown.replaceAll('\\', '/') : shown;
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '@pqsdk/packager';
import { certificateToPem, createDevelopmentCertificate, SignerError } from '@pqsdk/signer';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { UsageError } from '../usage-error.js';
import { NEW_CERT_HELP } from './new-cert-help.js';
import { isoTime } from './signing-report.js';
import { makePqxSpellings, PASSWORD_VARIABLE, reportFailure, shownPath } from './signing-input.js';

const OPTIONS = {
  subject: { type: 'string' },
  output: { type: 'string', short: 'o' },
  password: { type: 'string', short: 'p' },
  days: { type: 'string' },
  'key-size': { type: 'string' },
  cipher: { type: 'string' },
  pem: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `pqsdk new-cert --subject <name> -o <file.pfx> -p <password> [options]`: creates a
 * self-signed code-signing certificate with `@pqsdk/signer` and writes it as PKCS#12 (and PEM
 * with `--pem`), atomically. Returns 0 when written, 1 when a file exists (without `--force`)
 * or cannot be written.
 *
 * @throws {@link UsageError} for missing or bad options, a subject that cannot be read, or a
 * password that is not printable ASCII.
 */
export function runNewCert(argv: readonly string[], io: CliIo): Promise<number> {
  return Promise.resolve(newCert(argv, io));
}

function newCert(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = readArguments(
    makePqxSpellings(argv),
    OPTIONS,
    'pqsdk new-cert --help',
  );
  if (options.help) {
    io.stdout(NEW_CERT_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      'new-cert takes no positional arguments; run pqsdk new-cert --help',
    );
  }
  const subject = required(options.subject, '--subject "CN=…"');
  const output = required(options.output, '-o <file.pfx>');
  const password = required(options.password ?? io.env?.[PASSWORD_VARIABLE], '-p <password>');
  const days = whole(options.days, '--days', 365);
  const keySize = whole(options['key-size'], '--key-size', 3072);
  if (keySize !== 2048 && keySize !== 3072 && keySize !== 4096) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      '--key-size must be 2048, 3072 or 4096; run pqsdk new-cert --help',
    );
  }
  const cipher = options.cipher ?? 'aes256';
  if (cipher !== 'aes256' && cipher !== '3des') {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      '--cipher must be aes256 or 3des; run pqsdk new-cert --help',
    );
  }
  const targets = [output, ...(options.pem === undefined ? [] : [options.pem])].map((path) =>
    resolve(io.cwd, path),
  );
  if (!options.force) {
    const existing = targets.find((path) => existsSync(path));
    if (existing !== undefined) {
      io.stderr(
        `pqsdk new-cert: ${shownPath(existing, io.cwd)} exists; use --force to overwrite it\n`,
      );
      return EXIT_FAILED;
    }
  }

  let made;
  try {
    made = createDevelopmentCertificate({ subject, password, days, keySize, pkcs12Cipher: cipher });
  } catch (error) {
    if (error instanceof SignerError) throw new UsageError('PQSDK_BAD_OPTION_VALUE', error.message);
    throw error;
  }
  try {
    const [pfxPath, pemPath] = targets;
    if (pfxPath !== undefined) writeFileAtomic(pfxPath, made.pkcs12);
    if (pemPath !== undefined)
      writeFileAtomic(pemPath, new TextEncoder().encode(certificateToPem(made.certificate)));
  } catch (error) {
    return reportFailure(error, io, 'pqsdk new-cert');
  }
  const { certificate } = made;
  io.stdout(
    [
      `wrote ${shownPath(targets[0] ?? output, io.cwd)}${targets[1] === undefined ? '' : ` and ${shownPath(targets[1], io.cwd)}`}`,
      `subject:    ${certificate.subject}`,
      `thumbprint: ${certificate.thumbprint}`,
      `valid:      ${isoTime(certificate.notBefore)} to ${isoTime(certificate.notAfter)}`,
      `key:        RSA ${String(keySize)}, SHA-256, code signing`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

function required(value: string | undefined, spelling: string): string {
  if (value === undefined || value === '') {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      `missing ${spelling}; run pqsdk new-cert --help`,
    );
  }
  return value;
}

function whole(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `${name} needs a whole number; run pqsdk new-cert --help`,
    );
  }
  return Number(value);
}

import type { CliIo } from '../cli-io.js';
import { EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { prettyJson } from './credential-common.js';
import { LIST_CREDENTIAL_HELP } from './credential-help.js';
import {
  CREDENTIALS_FILE_OPTION,
  credentialStore,
  noPositionals,
  OUTPUT_OPTIONS,
  printJson,
  userFacingError,
} from './pqtest-options.js';

const OPTIONS = {
  ...CREDENTIALS_FILE_OPTION,
  ...OUTPUT_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_COMMAND = 'pqsdk list-credential --help';

/**
 * Runs `pqsdk list-credential`: prints PQTest's array of the stored credentials (data source,
 * kind, privacy level and the properties that are not secret).
 *
 * @throws {@link UsageError} for bad arguments; `CommandFailure` when the store cannot be read.
 */
export async function runListCredential(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(LIST_CREDENTIAL_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  let entries;
  try {
    entries = await credentialStore(options['credentials-file'], io).list();
  } catch (error) {
    throw userFacingError(error);
  }
  printJson(entries, prettyJson(options, io), io);
  return EXIT_OK;
}

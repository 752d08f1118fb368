import {
  type CredentialCommandResult,
  deleteAllCredentialsResult,
  deleteCredentialResult,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { UsageError } from '../usage-error.js';
import { CREDENTIAL_TARGET_OPTIONS, discoverySettings, printResults } from './credential-common.js';
import { DELETE_CREDENTIAL_HELP } from './credential-help.js';
import { resolveTargets } from './data-source-target.js';
import { credentialStore, noPositionals, userFacingError } from './pqtest-options.js';

const OPTIONS = {
  ...CREDENTIAL_TARGET_OPTIONS,
  all: { type: 'boolean' },
} as const;

const HELP_COMMAND = 'pqsdk delete-credential --help';

/**
 * Runs `pqsdk delete-credential`: deletes the credential of each data source named (exactly its
 * path), or every credential with `--all`, and prints PQTest's result. Returns 1 when a data
 * source had no credential.
 *
 * @throws {@link UsageError} for bad arguments; `CommandFailure` when the store cannot be changed.
 */
export async function runDeleteCredential(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(DELETE_CREDENTIAL_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  const store = credentialStore(options['credentials-file'], io);
  if (options.all) {
    const named = [
      options.extension,
      options.queryFile,
      options.dataSourceKind,
      options.dataSourcePath,
    ].some((value) => value !== undefined);
    if (named) {
      throw new UsageError(
        'PQSDK_BAD_OPTION_VALUE',
        `--all deletes every credential: give no connector, query or data source with it; run ${HELP_COMMAND}`,
      );
    }
    let count: number;
    try {
      count = await store.deleteAll();
    } catch (error) {
      throw userFacingError(error);
    }
    printResults([deleteAllCredentialsResult(count)], options, io);
    return EXIT_OK;
  }
  const targets = await resolveTargets(options, io, {
    helpCommand: HELP_COMMAND,
    settings: discoverySettings(options, HELP_COMMAND),
    needsConnector: false,
  });
  const results: CredentialCommandResult[] = [];
  for (const target of targets.dataSources) {
    const dataSource = { kind: target.kind, path: target.path };
    try {
      results.push(
        deleteCredentialResult(dataSource, await store.delete(target.kind, target.path)),
      );
    } catch (error) {
      throw userFacingError(error);
    }
  }
  printResults(results, options, io);
  return results.every((result) => result.Status === 'Success') ? EXIT_OK : EXIT_FAILED;
}

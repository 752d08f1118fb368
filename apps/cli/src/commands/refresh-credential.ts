import {
  type CredentialCommandResult,
  credentialFailureResult,
  OAuthError,
  refreshCredentialResult,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { CREDENTIAL_TARGET_OPTIONS, discoverySettings, printResults } from './credential-common.js';
import { REFRESH_CREDENTIAL_HELP } from './credential-help.js';
import { resolveTargets } from './data-source-target.js';
import { openWithCredentialStore } from './engine-session.js';
import { credentialStore, noPositionals, userFacingError } from './pqtest-options.js';

const OPTIONS = CREDENTIAL_TARGET_OPTIONS;

const HELP_COMMAND = 'pqsdk refresh-credential --help';

/**
 * Runs `pqsdk refresh-credential`: refreshes the stored OAuth credential of each data source named
 * with the connector's `Refresh` function and prints PQTest's result. Returns 1 when a refresh
 * failed (the result says why).
 *
 * @throws {@link UsageError} for bad arguments; `CommandFailure` when the connector does not load
 * or the store cannot be read.
 */
export async function runRefreshCredential(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(REFRESH_CREDENTIAL_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  const settings = discoverySettings(options, HELP_COMMAND);
  const targets = await resolveTargets(options, io, {
    helpCommand: HELP_COMMAND,
    settings,
    needsConnector: true,
  });
  const extension = targets.extension;
  if (extension === undefined) throw new Error('resolveTargets loaded no connector');
  const store = credentialStore(options['credentials-file'], io);
  const engine = await openWithCredentialStore(extension, settings, store);
  const results: CredentialCommandResult[] = [];
  try {
    for (const target of targets.dataSources) {
      const dataSource = { kind: target.kind, path: target.path };
      try {
        results.push(refreshCredentialResult(await engine.refreshOAuthCredential(dataSource)));
      } catch (error) {
        if (!(error instanceof OAuthError)) throw userFacingError(error);
        results.push(credentialFailureResult(error.message, dataSource));
      }
    }
  } finally {
    await engine.close();
  }
  printResults(results, options, io);
  return results.every((result) => result.Status === 'Success') ? EXIT_OK : EXIT_FAILED;
}

import {
  AUTHENTICATION_KINDS,
  type AuthenticationKind,
  parseAuthenticationKind,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../usage-error.js';
import {
  CREDENTIALS_FILE_OPTION,
  DATA_SOURCE_OPTIONS,
  type EngineSettings,
  EXTENSION_OPTION,
  OUTPUT_OPTIONS,
  printJson,
  QUERY_FILE_OPTION,
  readEngineSettings,
} from './pqtest-options.js';

/** The options every credential verb that names a data source accepts. */
export const CREDENTIAL_TARGET_OPTIONS = {
  ...EXTENSION_OPTION,
  ...QUERY_FILE_OPTION,
  ...DATA_SOURCE_OPTIONS,
  ...CREDENTIALS_FILE_OPTION,
  ...OUTPUT_OPTIONS,
  'timeout-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Whether JSON is indented: with `-p`, or for a person at a terminal unless `--json`. */
export function prettyJson(
  options: { readonly prettyPrint: boolean; readonly json: boolean },
  io: CliIo,
): boolean {
  return options.prettyPrint || (io.stdoutIsTTY === true && !options.json);
}

/**
 * Prints the results of a credential verb: PQTest's object when it acted on one data source, an
 * array of them when on several.
 */
export function printResults(
  results: readonly unknown[],
  options: { readonly prettyPrint: boolean; readonly json: boolean },
  io: CliIo,
): void {
  printJson(results.length === 1 ? results[0] : results, prettyJson(options, io), io);
}

/** The settings of the evaluation that finds the data sources (`--timeout-ms` only). */
export function discoverySettings(
  options: { readonly 'timeout-ms': string | undefined },
  helpCommand: string,
): EngineSettings {
  return readEngineSettings(
    { 'timeout-ms': options['timeout-ms'], now: undefined, seed: undefined, culture: undefined },
    helpCommand,
  );
}

/**
 * Reads `-ak`: an authentication kind name, in any case, or PQTest's `OAuth2` and the docs'
 * `Implicit`.
 *
 * @throws {@link UsageError} for a name that is no authentication kind.
 */
export function readAuthenticationKindOption(
  requested: string | undefined,
  helpCommand: string,
): AuthenticationKind | undefined {
  if (requested === undefined) return undefined;
  const kind = parseAuthenticationKind(requested);
  if (kind === undefined) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `option "--authenticationKind" takes one of ${AUTHENTICATION_KINDS.join(', ')}, not ${JSON.stringify(requested)}; run ${helpCommand}`,
    );
  }
  return kind;
}

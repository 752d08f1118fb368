import {
  normalizeDataSourcePath,
  type ErrorReport,
  type TestConnectionResult,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { CommandFailure } from '../command-failure.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { missingCredentialHint } from './credential-hint.js';
import { describeDataSource, resolveTargets } from './data-source-target.js';
import { describeError } from './run-test-report.js';
import { openSession } from './engine-session.js';
import {
  CREDENTIALS_FILE_OPTION,
  DATA_SOURCE_OPTIONS,
  EVALUATION_OPTIONS,
  EXTENSION_OPTION,
  HTTP_OPTIONS,
  noPositionals,
  OUTPUT_OPTIONS,
  printJson,
  QUERY_FILE_OPTION,
  readEngineSettings,
} from './pqtest-options.js';
import { TEST_CONNECTION_HELP } from './test-connection-help.js';

const OPTIONS = {
  ...EXTENSION_OPTION,
  ...QUERY_FILE_OPTION,
  ...DATA_SOURCE_OPTIONS,
  ...OUTPUT_OPTIONS,
  ...CREDENTIALS_FILE_OPTION,
  ...HTTP_OPTIONS,
  ...EVALUATION_OPTIONS,
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_COMMAND = 'pqsdk test-connection --help';

/** The JSON `test-connection` prints (the `Details`/`Message`/`Status` of PQTest's results). */
export interface TestConnectionOutput {
  readonly Details: {
    readonly Kind: string;
    readonly Path: string;
    readonly NormalizedPath: string;
    readonly Function?: string;
    readonly ValueKind?: string;
    readonly Error?: {
      readonly Reason: string | null;
      readonly Message: string | null;
      readonly Detail: string | null;
    };
  };
  readonly Message: string;
  readonly Status: 'Success' | 'Failure';
}

/**
 * Runs `pqsdk test-connection`: finds the one data source the query calls (or takes `-dsk` and
 * `-dsp`), runs its TestConnection handler with the stored credential, and prints the result.
 * Returns 0 when it succeeded, 1 when it failed.
 *
 * @throws {@link UsageError} for bad arguments; `CommandFailure` when the connector does not load
 * or the query does not call exactly one data source.
 */
export async function runTestConnection(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(TEST_CONNECTION_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  const settings = readEngineSettings(options, HELP_COMMAND, io.cwd);
  const targets = await resolveTargets(options, io, {
    helpCommand: HELP_COMMAND,
    settings,
    needsConnector: true,
  });
  const [target, ...others] = targets.dataSources;
  if (target === undefined || others.length > 0) {
    throw new CommandFailure(
      `the query calls ${String(targets.dataSources.length)} data sources (${targets.dataSources.map(describeDataSource).join('; ')}); give a query that calls one, or -dsk <kind> -dsp <path>`,
    );
  }
  const extension = targets.extension;
  if (extension === undefined) throw new Error('resolveTargets loaded no connector');
  const { engine } = await openSession(
    {
      extension,
      credentialsFile: options['credentials-file'],
      mock: options.mock,
      allowLive: options['allow-live'],
      record: options.record,
      settings,
      helpCommand: HELP_COMMAND,
    },
    io,
  );
  let result: TestConnectionResult;
  try {
    result = await engine.testConnection({ kind: target.kind, path: target.path });
  } finally {
    await engine.close();
  }
  const output = testConnectionOutput(target, result);
  if (io.stdoutIsTTY === true && !options.json && !options.prettyPrint) {
    io.stdout(`${output.Status}  ${describeDataSource(target)}: ${output.Message}\n`);
  } else {
    printJson(output, options.prettyPrint, io);
  }
  if (!result.ok) {
    const hint = missingCredentialHint(result.error, {
      extension: extension.given,
      ...(options.queryFile === undefined ? {} : { queryFile: options.queryFile }),
      ...(options['credentials-file'] === undefined
        ? {}
        : { credentialsFile: options['credentials-file'] }),
    });
    if (hint !== undefined) io.stderr(`pqsdk test-connection: ${hint}\n`);
  }
  return result.ok ? EXIT_OK : EXIT_FAILED;
}

/** The printed result of a TestConnection run. */
export function testConnectionOutput(
  dataSource: { readonly kind: string; readonly path: string },
  result: TestConnectionResult,
): TestConnectionOutput {
  const base = {
    Kind: dataSource.kind,
    Path: dataSource.path,
    NormalizedPath: normalizeDataSourcePath(dataSource.path),
  };
  if (result.ok) {
    return {
      Details: { ...base, Function: result.invocation, ValueKind: result.valueKind },
      Message: `TestConnection succeeded: ${result.invocation} returned a ${result.valueKind}`,
      Status: 'Success',
    };
  }
  return {
    Details: { ...base, Error: errorJson(result.error) },
    Message: `TestConnection failed: ${describeError(result.error)}`,
    Status: 'Failure',
  };
}

function errorJson(error: ErrorReport): NonNullable<TestConnectionOutput['Details']['Error']> {
  return { Reason: error.reason, Message: error.message, Detail: error.detail };
}

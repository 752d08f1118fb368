import { resolve } from 'node:path';
import { failOnMissingCredentials, toRunTestResult } from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { Spinner } from '../spinner.js';
import { missingCredentialHint } from './credential-hint.js';
import { openSession } from './engine-session.js';
import {
  CREDENTIALS_FILE_OPTION,
  EVALUATION_OPTIONS,
  EXTENSION_OPTION,
  HTTP_OPTIONS,
  noPositionals,
  OUTPUT_OPTIONS,
  printJson,
  QUERY_FILE_OPTION,
  readEngineSettings,
  readQueryFile,
  requireConnector,
} from './pqtest-options.js';
import { RUN_TEST_HELP } from './run-test-help.js';
import { formatRunTestForPeople } from './run-test-report.js';
import { TraceLog } from './trace-log.js';

const OPTIONS = {
  ...EXTENSION_OPTION,
  ...QUERY_FILE_OPTION,
  ...OUTPUT_OPTIONS,
  ...CREDENTIALS_FILE_OPTION,
  ...HTTP_OPTIONS,
  ...EVALUATION_OPTIONS,
  'log-traces': { type: 'string' },
  failOnFoldingFailure: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_COMMAND = 'pqsdk run-test --help';

/**
 * Runs `pqsdk run-test -e <connector> -q <query file>`: evaluates the query with the connector
 * (credentials from the store, HTTP live or from mocks) and prints PQTest's result array, or a
 * table on a terminal. Returns 0 when the query passed, 1 when it failed.
 *
 * @throws {@link UsageError} for bad arguments or paths; `CommandFailure` when the connector does
 * not load.
 */
export async function runRunTest(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(RUN_TEST_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  const extension = requireConnector(options.extension, io, HELP_COMMAND);
  const query = readQueryFile(options.queryFile, io, HELP_COMMAND);
  const settings = readEngineSettings(options, HELP_COMMAND, io.cwd);
  const logPath = options['log-traces'];
  const traceLog = logPath === undefined ? undefined : new TraceLog();

  const { engine } = await openSession(
    {
      extension,
      credentialsFile: options['credentials-file'],
      mock: options.mock,
      allowLive: options['allow-live'],
      record: options.record,
      settings,
      helpCommand: HELP_COMMAND,
      ...(traceLog === undefined ? {} : { traceLog }),
      ...(options.failOnFoldingFailure ? { engine: { failOnFoldingFailure: true } } : {}),
    },
    io,
  );
  const people = io.stdoutIsTTY === true && !options.json && !options.prettyPrint;
  const spinner = people && io.isTTY ? startSpinner(io, query.name) : undefined;
  let result;
  try {
    result = failOnMissingCredentials(await engine.evaluate(query.text));
  } finally {
    spinner?.stop();
    await engine.close();
  }
  if (traceLog !== undefined && logPath !== undefined) traceLog.write(resolve(io.cwd, logPath));

  const entry = toRunTestResult(result, { name: query.name, query: query.text });
  if (people) {
    const width = io.columns !== undefined && io.columns >= 20 ? io.columns : 80;
    io.stdout(formatRunTestForPeople(result, entry, { width }));
  } else {
    printJson([entry], options.prettyPrint, io);
  }
  if (!result.ok) {
    const hint = missingCredentialHint(result.error, {
      extension: extension.given,
      queryFile: query.given,
      ...(options['credentials-file'] === undefined
        ? {}
        : { credentialsFile: options['credentials-file'] }),
    });
    if (hint !== undefined) io.stderr(`pqsdk run-test: ${hint}\n`);
  }
  return result.ok ? EXIT_OK : EXIT_FAILED;
}

/** A spinner on standard error, redrawn by a timer while the worker evaluates. */
function startSpinner(io: CliIo, name: string): { stop(): void } {
  const spinner = new Spinner(io.stderr, { now: io.now ?? (() => performance.now()) });
  const timer = setInterval(() => {
    spinner.update(`running ${name}`);
  }, 80);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      spinner.stop();
    },
  };
}

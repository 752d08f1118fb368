import { readFileSync } from 'node:fs';
import { basename, delimiter, resolve } from 'node:path';
import {
  ConnectorLoadError,
  CredentialError,
  CredentialStore,
  MockError,
  type MashupEngineOptions,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { CommandFailure } from '../command-failure.js';
import { pathError } from '../path-error.js';
import { decodeUtf8 } from '../read-stdin.js';
import { UsageError } from '../usage-error.js';
import { readEvalSettings } from './eval-options.js';

/** `-e, --extension`: the connector. */
export const EXTENSION_OPTION = { extension: { type: 'string', short: 'e' } } as const;

/** `-q, --queryFile`: the query file. */
export const QUERY_FILE_OPTION = { queryFile: { type: 'string', short: 'q' } } as const;

/** `-dsk, --dataSourceKind` and `-dsp, --dataSourcePath`: a data source named directly. */
export const DATA_SOURCE_OPTIONS = {
  dataSourceKind: { type: 'string' },
  dataSourcePath: { type: 'string' },
} as const;

/** `-p, --prettyPrint` and `--json`: how a result is printed. */
export const OUTPUT_OPTIONS = {
  prettyPrint: { type: 'boolean', short: 'p' },
  json: { type: 'boolean' },
} as const;

/** `--credentials-file`: the credential store. */
export const CREDENTIALS_FILE_OPTION = { 'credentials-file': { type: 'string' } } as const;

/** `--mock`, `--allow-live`, `--record`: the HTTP side. */
export const HTTP_OPTIONS = {
  mock: { type: 'string' },
  'allow-live': { type: 'boolean' },
  record: { type: 'string' },
} as const;

/**
 * `--timeout-ms`, `--now`, `--seed`, `--culture`: as for `pqsdk eval`; and `--file-roots`, the
 * folders `File.Contents` may read.
 */
export const EVALUATION_OPTIONS = {
  'timeout-ms': { type: 'string' },
  now: { type: 'string' },
  seed: { type: 'string' },
  culture: { type: 'string' },
  'file-roots': { type: 'string' },
} as const;

/** The connector named with `-e`, as given and resolved. */
export interface ConnectorArgument {
  /** As the user wrote it (for messages and hints). */
  readonly given: string;
  /** Resolved from the working folder. */
  readonly path: string;
}

/**
 * The connector of `-e`.
 *
 * @throws {@link UsageError} when it is missing.
 */
export function requireConnector(
  extension: string | undefined,
  io: CliIo,
  helpCommand: string,
): ConnectorArgument {
  if (extension === undefined || extension === '') {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      `no connector given: use -e <project folder, .pq, .mez or .pqx>; run ${helpCommand}`,
    );
  }
  return { given: extension, path: resolve(io.cwd, extension) };
}

/** A query file as read. */
export interface QueryFile {
  /** As the user wrote it. */
  readonly given: string;
  /** Its file name, such as `HelloWorld.query.pq` (PQTest's `Name`). */
  readonly name: string;
  /** Its text, without a byte-order mark. */
  readonly text: string;
}

/**
 * Reads the query file of `-q` (UTF-8, with or without a byte-order mark).
 *
 * @throws {@link UsageError} when it is missing or cannot be read.
 */
export function readQueryFile(
  queryFile: string | undefined,
  io: CliIo,
  helpCommand: string,
): QueryFile {
  if (queryFile === undefined || queryFile === '') {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      `no query file given: use -q <file.query.pq>; run ${helpCommand}`,
    );
  }
  let text: string;
  try {
    text = decodeUtf8(readFileSync(resolve(io.cwd, queryFile)));
  } catch (error) {
    throw pathError(error, queryFile);
  }
  return { given: queryFile, name: basename(queryFile), text };
}

/** The credential store of `--credentials-file`, `PQSDK_CREDENTIALS_FILE` or the default. */
export function credentialStore(credentialsFile: string | undefined, io: CliIo): CredentialStore {
  return CredentialStore.at({
    ...(credentialsFile === undefined ? {} : { credentialsFile }),
    env: io.env ?? {},
    cwd: io.cwd,
  });
}

/** The evaluation options of `--timeout-ms`, `--now`, `--seed` and `--culture`. */
export type EngineSettings = Pick<
  MashupEngineOptions,
  'timeoutMs' | 'culture' | 'now' | 'seed' | 'fileRoots'
>;

/**
 * Reads `--timeout-ms`, `--now`, `--seed` and `--culture` with the rules of `pqsdk eval`, and
 * `--file-roots` (folders separated by the platform's path delimiter, resolved from `cwd`).
 *
 * @throws {@link UsageError} for a value that cannot be read.
 */
export function readEngineSettings(
  options: {
    readonly 'timeout-ms': string | undefined;
    readonly now: string | undefined;
    readonly seed: string | undefined;
    readonly culture: string | undefined;
    readonly 'file-roots'?: string | undefined;
  },
  helpCommand: string,
  cwd = process.cwd(),
): EngineSettings {
  const settings = readEvalSettings(
    {
      'timeout-ms': options['timeout-ms'],
      now: options.now,
      seed: options.seed,
      culture: options.culture,
      multiline: false,
    },
    undefined,
    helpCommand,
  );
  const roots = (options['file-roots'] ?? '')
    .split(delimiter)
    .filter((root) => root !== '')
    .map((root) => resolve(cwd, root));
  return {
    ...(roots.length === 0 ? {} : { fileRoots: roots }),
    culture: settings.culture,
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    ...(settings.clock === undefined ? {} : { now: settings.clock.now }),
  };
}

/**
 * What a failure to open a connector, the credential store or the mock fixtures means for the
 * user: a connector path that does not exist or a bad fixture path is a usage error; a connector
 * that does not load, or a store that cannot be read, is a {@link CommandFailure}. Anything else
 * is returned unchanged (a bug).
 *
 * @param given - The connector as the user wrote it.
 */
export function userFacingError(error: unknown, given?: string): unknown {
  if (error instanceof ConnectorLoadError) {
    if (error.code === 'PQSDK_CONNECTOR_NOT_FOUND') {
      return new UsageError(
        'PQSDK_NO_SUCH_PATH',
        `no such connector: ${given ?? 'the connector'} (a project folder, .pq, .mez or .pqx)`,
      );
    }
    return new CommandFailure(`${given === undefined ? '' : `${given}: `}${error.message}`);
  }
  if (error instanceof CredentialError) return new CommandFailure(error.message);
  if (error instanceof MockError) return new UsageError('PQSDK_UNREADABLE_PATH', error.message);
  return error;
}

/**
 * Prints a JSON result: indented by two spaces with `-p` (or for a person, on a terminal),
 * compact otherwise, and a newline.
 */
export function printJson(value: unknown, pretty: boolean, io: CliIo): void {
  io.stdout(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`);
}

/**
 * Checks that a verb got no positional arguments (PQTest's verbs take options only).
 *
 * @throws {@link UsageError} when it did.
 */
export function noPositionals(positionals: readonly string[], helpCommand: string): void {
  const [first] = positionals;
  if (first !== undefined) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `unexpected argument "${first}": this command takes options only; run ${helpCommand}`,
    );
  }
}

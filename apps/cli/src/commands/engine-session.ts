import { resolve } from 'node:path';
import {
  createHttpHost,
  type CredentialStore,
  type HttpHost,
  MashupEngine,
  type MashupEngineOptions,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../usage-error.js';
import {
  type ConnectorArgument,
  credentialStore,
  type EngineSettings,
  userFacingError,
} from './pqtest-options.js';
import type { TraceLog } from './trace-log.js';

/** What a verb that evaluates with the connector (`run-test`, `test-connection`) was given. */
export interface SessionOptions {
  readonly extension: ConnectorArgument;
  readonly credentialsFile: string | undefined;
  readonly mock: string | undefined;
  readonly allowLive: boolean;
  readonly record: string | undefined;
  readonly settings: EngineSettings;
  readonly helpCommand: string;
  /** Collects traces and HTTP exchanges for `--log-traces`. */
  readonly traceLog?: TraceLog;
  /** More engine options (such as `failOnFoldingFailure`). */
  readonly engine?: Omit<
    MashupEngineOptions,
    'credentials' | 'credentialStore' | 'http' | 'trace' | 'folding'
  >;
}

/** An engine with the user's credential store and HTTP settings. */
export interface Session {
  readonly engine: MashupEngine;
  readonly http: HttpHost;
}

/**
 * Opens the connector in an engine whose credentials come from the store and whose HTTP goes
 * through `--mock`, `--allow-live` and `--record`.
 *
 * @throws {@link UsageError} for `--allow-live` without `--mock`, a connector or fixture path
 * that does not exist; `CommandFailure` for a connector that does not load.
 */
export async function openSession(options: SessionOptions, io: CliIo): Promise<Session> {
  if (options.allowLive && options.mock === undefined) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `--allow-live only applies with --mock (without --mock, every request is live); run ${options.helpCommand}`,
    );
  }
  const { traceLog } = options;
  let http: HttpHost;
  try {
    http = await createHttpHost({
      ...(options.mock === undefined ? {} : { mock: resolve(io.cwd, options.mock) }),
      allowLive: options.allowLive,
      ...(options.record === undefined ? {} : { record: resolve(io.cwd, options.record) }),
      cache: false,
      ...(traceLog === undefined
        ? {}
        : {
            onExchange: (event) => {
              traceLog.http(event);
            },
          }),
    });
  } catch (error) {
    throw userFacingError(error);
  }
  const store = credentialStore(options.credentialsFile, io);
  try {
    const engine = await MashupEngine.open(options.extension.path, {
      ...options.engine,
      ...options.settings,
      credentialStore: store,
      http: http.client,
      ...(traceLog === undefined
        ? {}
        : {
            trace: (event) => {
              traceLog.trace(event);
            },
            folding: (event) => {
              traceLog.folding(event);
            },
          }),
    });
    return { engine, http };
  } catch (error) {
    throw userFacingError(error, options.extension.given);
  }
}

/**
 * Opens the connector in an engine that keeps OAuth tokens in `store`, for the verbs that sign in
 * or refresh (no HTTP settings: those requests are live).
 *
 * @throws `CommandFailure` or {@link UsageError} for a connector that does not load.
 */
export async function openWithCredentialStore(
  extension: ConnectorArgument,
  settings: EngineSettings,
  store: CredentialStore,
): Promise<MashupEngine> {
  try {
    return await MashupEngine.open(extension.path, { ...settings, credentialStore: store });
  } catch (error) {
    throw userFacingError(error, extension.given);
  }
}

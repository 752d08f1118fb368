import type { Worker } from 'node:worker_threads';
import { ConnectorLoadError, type ConnectorPackage } from '../connector/connector-package.js';
import { loadConnector, type LoadConnectorOptions } from '../connector/load-connector.js';
import type { ConnectorInfo } from '../evaluation/connector-info.js';
import { TIMEOUT_REASON, type TestConnectionReply } from '../evaluation/connector-evaluator.js';
import type {
  EngineTraceEvent,
  ErrorReport,
  EvaluationReply,
  EvaluationResult,
} from '../evaluation/evaluation-result.js';
import { engineErrorReport } from '../evaluation/plain-value.js';
import type {
  DataSourceId,
  EvaluationSettings,
  HostMethods,
  Json,
  WorkerCommand,
  WorkerMessage,
  WorkerStart,
} from '../evaluation/protocol.js';
import { HttpClient } from '../http/client.js';
import type { HttpRequest, HttpResult } from '../http/types.js';
import { createSyncChannel, serveSyncCalls } from '../rpc/sync-call.js';
import { spawnWorker } from '../worker/spawn.js';
import type { FoldingEvent } from '../view/folding-event.js';
import { readAllowedFile } from '../extension/file-contents-host.js';
import { credentialStoreProvider, type CredentialProvider } from './credential-provider.js';
// #region OAuth (src/oauth/)
import type { OAuthCredential } from '../credentials/types.js';
import { OAuthError } from '../oauth/errors.js';
import {
  checkCallback,
  credentialFieldsOf,
  newLoginState,
  readToken,
  stepFailure,
  storedOAuthCredential,
  storeLoginToken,
  storeRefreshedForWorker,
  storeRefreshedToken,
  tokenExpired,
} from '../oauth/host-oauth.js';
import type { OAuthCall, OAuthCredentialStore, OAuthLogin, OAuthReply } from '../oauth/types.js';
// #endregion OAuth

/** What performs `Web.Contents` requests on the host side: an `HttpClient`, or a stand-in. */
export interface HttpSender {
  send(request: HttpRequest): Promise<HttpResult>;
}

/** Options of {@link MashupEngine.open}. */
export interface MashupEngineOptions {
  /**
   * Where credentials come from. Default: the {@link credentialStore} when there is one,
   * otherwise none (every data source function fails).
   */
  readonly credentials?: CredentialProvider;
  // #region OAuth (src/oauth/)
  /**
   * The store OAuth sign-ins and refreshes write to (a `CredentialStore`). With it, an expired
   * OAuth token is refreshed when a data source function is invoked; without it, sign-ins fail
   * with `PQSDK_OAUTH_NO_STORE` and tokens are used as they are.
   */
  readonly credentialStore?: OAuthCredentialStore;
  // #endregion OAuth
  /**
   * Performs HTTP requests. Default: a new `HttpClient` without its response cache (the engine
   * fetches each request once per evaluation; the next evaluation asks again).
   */
  readonly http?: HttpSender;
  /** Receives every `Diagnostics.Trace` entry as it is written. */
  readonly trace?: (event: EngineTraceEvent) => void;
  // #region Folding (src/view/)
  /** Receives every attempt to fold an operation into a `Table.View` handler, as it happens. */
  readonly folding?: (event: FoldingEvent) => void;
  /**
   * Fail an evaluation when a `Table.View` declines an operation (it has no handler for it, or
   * the handler raised an error), instead of evaluating it locally: PQTest's
   * `--failOnFoldingFailure` (`-foff`). The error is the engine's "We couldn't fold the expression
   * to the data source. Please try a simpler expression.", with the handler and the operation in
   * its detail. Default: false.
   */
  readonly failOnFoldingFailure?: boolean;
  // #endregion Folding
  /** The time limit of each call, in milliseconds. Default: none. */
  readonly timeoutMs?: number;
  /** The worker's stack, in MiB (how deep M recursion may go). Default: 256. */
  readonly stackSizeMb?: number;
  /** The worker's heap limit, in MiB. Default: Node's. */
  readonly maxOldGenerationSizeMb?: number;
  /** The culture. Default: `en-US`. */
  readonly culture?: string;
  /** The clock of evaluations. Default: the real time. */
  readonly now?: Date;
  /** The seed of `Number.Random`. */
  readonly seed?: number;
  /** What `Environment.Configuration()` returns. Default: `[]`. */
  readonly environmentConfiguration?: { readonly [name: string]: Json };
  /** The variables `Variable.ValueOrDefault` reads. Default: none. */
  readonly variables?: { readonly [name: string]: Json };
  /** What `Extension.CurrentApplication()` returns. Default: `[Name = "pqsdk"]`. */
  readonly application?: { readonly [name: string]: Json };
  /** The proxy `Web.DefaultProxy` reports. Default: none. */
  readonly proxyUri?: string;
  /** How a connector path is read (limits, a signature verifier). */
  readonly load?: LoadConnectorOptions;
  /**
   * The folders `File.Contents` may read under (absolute, or relative to the working folder).
   * A path is checked after `.`, `..` and symbolic links are resolved. Default: none, and every
   * `File.Contents` fails with an error naming this setting.
   */
  readonly fileRoots?: readonly string[];
}

/** Options of one call. */
export interface CallOptions {
  /** The time limit, in milliseconds; overrides the engine's. */
  readonly timeoutMs?: number;
  /** Overrides {@link MashupEngineOptions.failOnFoldingFailure} for one evaluation. */
  readonly failOnFoldingFailure?: boolean;
}

/** What {@link MashupEngine.testConnection} resolves to. */
export type TestConnectionResult = (
  | Extract<TestConnectionReply, { ok: true }>
  | { readonly ok: false; readonly dataSource?: DataSourceId; readonly error: ErrorReport }
) & {
  readonly startTime: string;
  readonly endTime: string;
  readonly traces: readonly EngineTraceEvent[];
};

/** A command without its id (the engine numbers commands). */
type CommandBody = WorkerCommand extends infer Command
  ? Command extends WorkerCommand
    ? Omit<Command, 'id'>
    : never
  : never;

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

interface RunningWorker {
  readonly worker: Worker;
  readonly stop: () => Promise<void>;
  readonly pending: Map<number, Pending>;
  readonly ready: Promise<void>;
}

/** Time the worker gets to report its own timeout before the host stops it. */
const TIMEOUT_GRACE_MS = 250;

const WORKER_ENTRY = new URL(
  `../evaluation/worker-main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`,
  import.meta.url,
);

/**
 * The mock mashup engine (DESIGN.md §1): a connector loaded into an evaluation worker, and the host
 * side that serves its data access (credentials, HTTP) and receives its traces. Calls run one at a
 * time. A call that runs out of time stops the worker; the next call starts a fresh one.
 *
 * @example
 * ```ts
 * const engine = await MashupEngine.open('examples/HelloWorld', {
 *   credentials: credentialListProvider([anonymous('HelloWorld', 'HelloWorld')]),
 * });
 * const result = await engine.evaluate('HelloWorld.Contents("Hi")');
 * if (result.ok) console.log(result.value.literal);
 * await engine.close();
 * ```
 */
export class MashupEngine {
  readonly #connector: ConnectorPackage;
  readonly #options: MashupEngineOptions;
  readonly #settings: EvaluationSettings;
  readonly #http: HttpSender;
  #worker: RunningWorker | undefined;
  #nextId = 1;
  #queue: Promise<unknown> = Promise.resolve();
  #traces: EngineTraceEvent[] = [];
  #folding: FoldingEvent[] = [];
  #closed = false;

  private constructor(connector: ConnectorPackage, options: MashupEngineOptions) {
    this.#connector = connector;
    this.#options = options;
    this.#http = options.http ?? new HttpClient({ cache: false });
    this.#settings = {
      culture: options.culture ?? 'en-US',
      ...(options.now === undefined ? {} : { nowMs: options.now.getTime() }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      environmentConfiguration: options.environmentConfiguration ?? {},
      variables: options.variables ?? {},
      application: options.application ?? { Name: 'pqsdk' },
      ...(options.proxyUri === undefined ? {} : { proxyUri: options.proxyUri }),
    };
  }

  /**
   * Loads a connector (a path, see `loadConnector`, or a loaded package) and starts its worker.
   *
   * @throws {@link ConnectorLoadError} when the connector cannot be read or does not parse
   * (`PQSDK_CONNECTOR_SYNTAX`, with `file:line:col` in the message).
   */
  static async open(
    connector: string | ConnectorPackage,
    options: MashupEngineOptions = {},
  ): Promise<MashupEngine> {
    const loaded =
      typeof connector === 'string' ? await loadConnector(connector, options.load) : connector;
    const engine = new MashupEngine(loaded, options);
    try {
      await engine.#ensureWorker();
    } catch (error) {
      await engine.close();
      throw error;
    }
    return engine;
  }

  /** The loaded connector. */
  get connector(): ConnectorPackage {
    return this.#connector;
  }

  /**
   * Evaluates a query document (an expression, a `let`, or a section document) with the
   * connector's shared members in scope.
   */
  async evaluate(query: string, options: CallOptions = {}): Promise<EvaluationResult> {
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs;
    return this.#exclusive(async () => {
      const startTime = new Date().toISOString();
      const failOnFoldingFailure =
        options.failOnFoldingFailure ?? this.#options.failOnFoldingFailure ?? false;
      const reply = await this.#call<EvaluationReply>(
        {
          command: 'evaluate',
          query,
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
          ...(failOnFoldingFailure ? { failOnFoldingFailure } : {}),
        },
        timeoutMs,
        (error) => ({ ok: false, error, dataSources: [] }),
      );
      return {
        ...reply,
        startTime,
        endTime: new Date().toISOString(),
        traces: this.#traces,
        folding: this.#folding,
      };
    });
  }

  /** Describes the connector: its members, data source kinds and functions, publish records. */
  async info(): Promise<ConnectorInfo> {
    return this.#exclusive(() =>
      this.#call<ConnectorInfo>({ command: 'info' }, undefined, (error) => {
        throw new Error(`info failed: ${error.message ?? error.reason}`);
      }),
    );
  }

  /**
   * Runs the data source record's `TestConnection` for a data source, given as kind and path, or
   * as a query that calls exactly one data source function (as PQTest's `--queryFile`).
   */
  async testConnection(
    target: string | DataSourceId,
    options: CallOptions = {},
  ): Promise<TestConnectionResult> {
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs;
    const startTime = new Date().toISOString();
    let dataSource: DataSourceId;
    if (typeof target === 'string') {
      const evaluated = await this.evaluate(target, options);
      const used = evaluated.dataSources;
      const [only] = used;
      if (used.length !== 1 || only === undefined) {
        return {
          ok: false,
          error: engineErrorReport(
            'PQSDK.TestConnection',
            used.length === 0
              ? 'The query calls no data source function; give one that calls exactly one.'
              : `The query calls ${String(used.length)} data sources (${used.map((use) => `${use.kind} ${use.path}`).join('; ')}); give one that calls exactly one.`,
          ),
          startTime,
          endTime: new Date().toISOString(),
          traces: evaluated.traces,
        };
      }
      dataSource = { kind: only.kind, path: only.path };
    } else {
      dataSource = target;
    }
    return this.#exclusive(async () => {
      const reply = await this.#call<TestConnectionReply>(
        {
          command: 'testConnection',
          dataSource,
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
        },
        timeoutMs,
        (error) => ({ ok: false, dataSource, error }),
      );
      return { ...reply, startTime, endTime: new Date().toISOString(), traces: this.#traces };
    });
  }

  // #region OAuth (src/oauth/)
  /**
   * Starts an OAuth sign-in for a data source: makes a `state` and runs the data source record's
   * `StartLogin`. Open `loginUri` in a browser; once the user has signed in, the browser is sent
   * to `callbackUri` with the result, which goes to {@link finishOAuthLogin}
   * (`runInteractiveLogin` does all of it).
   *
   * @throws {@link OAuthError} `PQSDK_OAUTH_NOT_SUPPORTED`, `PQSDK_OAUTH_START_FAILED`,
   * `PQSDK_OAUTH_WORKER`.
   */
  async startOAuthLogin(dataSource: DataSourceId, options: CallOptions = {}): Promise<OAuthLogin> {
    const state = newLoginState();
    const reply = await this.#oauth({ step: 'startLogin', dataSource, state }, options);
    if (reply.step !== 'startLogin') throw new Error('startOAuthLogin: unexpected reply');
    return { dataSource, ...reply.login, state };
  }

  /**
   * Finishes an OAuth sign-in: checks that the callback URL belongs to it (its address and its
   * `state`), runs `FinishLogin` with it, and stores the tokens as the OAuth credential of the
   * data source (exactly its path) in the {@link MashupEngineOptions.credentialStore}.
   *
   * @returns The stored credential (it holds the tokens: print `setCredentialResult` of it).
   * @throws {@link OAuthError} `PQSDK_OAUTH_NO_STORE`, `PQSDK_OAUTH_CALLBACK_INVALID`,
   * `PQSDK_OAUTH_STATE_MISMATCH`, `PQSDK_OAUTH_FINISH_FAILED`, `PQSDK_OAUTH_INVALID_TOKEN`,
   * `PQSDK_OAUTH_WORKER`; a `CredentialError` of the store.
   */
  async finishOAuthLogin(
    dataSource: DataSourceId,
    login: OAuthLogin,
    callbackUrl: string,
    options: CallOptions = {},
  ): Promise<OAuthCredential> {
    const store = this.#oauthStore();
    checkCallback(login, callbackUrl);
    const reply = await this.#oauth(
      {
        step: 'finishLogin',
        dataSource,
        context: login.context,
        callbackUri: callbackUrl.trim(),
        state: login.state,
      },
      options,
    );
    if (reply.step !== 'finishLogin') throw new Error('finishOAuthLogin: unexpected reply');
    return storeLoginToken(store, dataSource, readToken(reply.token, 'FinishLogin', new Date()));
  }

  /**
   * Refreshes the OAuth credential stored for a data source now, whether it has expired or not
   * (PQTest's `refresh-credential`): runs the data source record's `Refresh` and stores the new
   * tokens (`updateTokens`; the refresh token is kept when the server sends no new one).
   *
   * @returns The updated credential (print `refreshCredentialResult` of it).
   * @throws {@link OAuthError} `PQSDK_OAUTH_NO_STORE`, `PQSDK_OAUTH_NOT_FOUND`,
   * `PQSDK_OAUTH_NOT_OAUTH`, `PQSDK_OAUTH_NOT_SUPPORTED`, `PQSDK_OAUTH_NO_REFRESH`,
   * `PQSDK_OAUTH_REFRESH_FAILED`, `PQSDK_OAUTH_INVALID_TOKEN`, `PQSDK_OAUTH_WORKER`.
   */
  async refreshOAuthCredential(
    dataSource: DataSourceId,
    options: CallOptions = {},
  ): Promise<OAuthCredential> {
    const store = this.#oauthStore();
    const stored = await storedOAuthCredential(store, dataSource);
    const reply = await this.#oauth(
      { step: 'refresh', dataSource, credential: credentialFieldsOf(stored) },
      options,
    );
    if (reply.step !== 'refresh') throw new Error('refreshOAuthCredential: unexpected reply');
    return storeRefreshedToken(store, dataSource, readToken(reply.token, 'Refresh', new Date()));
  }

  #oauthStore(): OAuthCredentialStore {
    const store = this.#options.credentialStore;
    if (store === undefined) {
      throw new OAuthError(
        'PQSDK_OAUTH_NO_STORE',
        'the engine has no credential store to keep OAuth tokens in; open it with the credentialStore option',
      );
    }
    return store;
  }

  async #oauth(call: OAuthCall, options: CallOptions): Promise<Extract<OAuthReply, { ok: true }>> {
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs;
    const reply = await this.#exclusive(() =>
      this.#call<OAuthReply>(
        { command: 'oauth', call, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
        timeoutMs,
        (error) => {
          throw new OAuthError(
            'PQSDK_OAUTH_WORKER',
            `the evaluation worker could not run ${call.step}: ${error.message ?? error.reason}`,
            { report: error },
          );
        },
      ),
    );
    if (!reply.ok) throw stepFailure(reply);
    return reply;
  }
  // #endregion OAuth

  /** Stops the worker. The engine cannot be used afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    const running = this.#worker;
    this.#worker = undefined;
    if (running !== undefined) await running.stop();
  }

  async #exclusive<T>(run: () => Promise<T>): Promise<T> {
    const previous = this.#queue;
    let release: () => void = () => undefined;
    this.#queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous.catch(() => undefined);
    try {
      this.#traces = [];
      this.#folding = [];
      return await run();
    } finally {
      release();
    }
  }

  async #call<T>(
    command: CommandBody,
    timeoutMs: number | undefined,
    onFailure: (error: ErrorReport) => T,
  ): Promise<T> {
    if (this.#closed) throw new Error('the engine is closed');
    const running = await this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      running.pending.set(id, {
        resolve: (reply) => {
          if (timer !== undefined) clearTimeout(timer);
          resolve(reply as T);
        },
        reject: (error) => {
          if (timer !== undefined) clearTimeout(timer);
          try {
            resolve(onFailure(engineErrorReport('PQSDK.WorkerError', error.message)));
          } catch (failure) {
            reject(failure instanceof Error ? failure : new Error(String(failure)));
          }
        },
      });
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          running.pending.delete(id);
          if (this.#worker === running) this.#worker = undefined;
          void running.stop();
          try {
            resolve(
              onFailure(
                engineErrorReport(
                  TIMEOUT_REASON,
                  `The evaluation did not finish within ${String(timeoutMs)} ms; its worker was stopped.`,
                ),
              ),
            );
          } catch (failure) {
            reject(failure instanceof Error ? failure : new Error(String(failure)));
          }
        }, timeoutMs + TIMEOUT_GRACE_MS);
      }
      running.worker.postMessage({ ...command, id });
    });
  }

  async #ensureWorker(): Promise<RunningWorker> {
    const existing = this.#worker;
    if (existing !== undefined) {
      await existing.ready;
      return existing;
    }
    const running = this.#startWorker();
    this.#worker = running;
    try {
      await running.ready;
    } catch (error) {
      if (this.#worker === running) this.#worker = undefined;
      await running.stop();
      throw error;
    }
    return running;
  }

  #startWorker(): RunningWorker {
    const { caller, host } = createSyncChannel();
    const store = this.#options.credentialStore;
    const credentials =
      this.#options.credentials ??
      (store === undefined ? undefined : credentialStoreProvider(store));
    const serving = serveSyncCalls<HostMethods>(host, {
      'credentials.find': async (dataSource) =>
        (credentials === undefined ? null : await credentials(dataSource)) ?? null,
      'http.send': (request) => this.#http.send(request),
      // #region OAuth (src/oauth/)
      'oauth.expired': (dataSource) => tokenExpired(store, dataSource, Date.now()),
      'oauth.storeRefreshed': ({ dataSource, token }) =>
        storeRefreshedForWorker(store, dataSource, token, new Date()),
      // #endregion OAuth
      'file.read': (request) => readAllowedFile(this.#options.fileRoots ?? [], request),
    });
    const start: WorkerStart = {
      connector: this.#connector,
      settings: this.#settings,
      endpoint: caller,
    };
    const worker = spawnWorker(WORKER_ENTRY, {
      workerData: start,
      transferList: [caller.port],
      ...(this.#options.stackSizeMb === undefined
        ? {}
        : { stackSizeMb: this.#options.stackSizeMb }),
      ...(this.#options.maxOldGenerationSizeMb === undefined
        ? {}
        : { maxOldGenerationSizeMb: this.#options.maxOldGenerationSizeMb }),
    });
    const pending = new Map<number, Pending>();
    let stopped = false;
    const failAll = (error: Error): void => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    };
    let settle: { resolve(): void; reject(error: Error): void } | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    ready.catch(() => undefined);
    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          settle?.resolve();
          break;
        case 'loadError':
          settle?.reject(
            new ConnectorLoadError(message.error.code, message.error.message, {
              ...(message.error.file === undefined ? {} : { file: message.error.file }),
              ...(message.error.line === undefined ? {} : { line: message.error.line }),
              ...(message.error.column === undefined ? {} : { column: message.error.column }),
            }),
          );
          break;
        case 'trace': {
          const event: EngineTraceEvent = {
            ...message.entry,
            receivedAt: new Date().toISOString(),
          };
          this.#traces.push(event);
          this.#options.trace?.(event);
          break;
        }
        // #region Folding (src/view/)
        case 'fold': {
          const event: FoldingEvent = { ...message.event, receivedAt: new Date().toISOString() };
          this.#folding.push(event);
          this.#options.folding?.(event);
          break;
        }
        // #endregion Folding
        case 'reply': {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          waiting?.resolve(message.reply);
          break;
        }
      }
    });
    worker.on('error', (error: Error) => {
      settle?.reject(
        new ConnectorLoadError(
          'PQSDK_CONNECTOR_WORKER',
          `the evaluation worker failed: ${error.message}`,
          {
            cause: error,
          },
        ),
      );
      failAll(new Error(`the evaluation worker failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      serving.close();
      if (this.#worker?.worker === worker) this.#worker = undefined;
      settle?.reject(
        new ConnectorLoadError(
          'PQSDK_CONNECTOR_WORKER',
          `the evaluation worker stopped (exit code ${String(code)}) before it was ready`,
        ),
      );
      if (!stopped) failAll(new Error(`the evaluation worker stopped (exit code ${String(code)})`));
    });
    return {
      worker,
      pending,
      ready,
      stop: async () => {
        stopped = true;
        serving.close();
        await worker.terminate();
      },
    };
  }
}

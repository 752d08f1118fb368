import type { LoadedSection } from '@pqsdk/m-evaluator';
import type { ConnectorPackage } from '../connector/connector-package.js';
import { ScopeStack, type DataSourceScope } from '../datasource/scope.js';
import type {
  CredentialFields,
  DataSourceId,
  EvaluationSettings,
  FileReadRequest,
  FileReadResult,
  HostMethods,
} from '../evaluation/protocol.js';
import type { DataSourceUse } from '../evaluation/evaluation-result.js';
import type { HttpRequest, HttpResult } from '../http/types.js';

/** How the evaluation side reaches the host: the blocking calls of `src/rpc/`. */
export interface HostCalls {
  call<Name extends keyof HostMethods>(
    method: Name,
    argument: Parameters<HostMethods[Name]>[0],
  ): ReturnType<HostMethods[Name]>;
}

/**
 * What the extension library of one connector works with on the evaluation side: the package,
 * the settings, the host, and the state of the current evaluation (the data source scopes, the
 * data sources used, the responses already fetched). There is one per worker; `begin` starts a
 * new evaluation.
 */
export class EvaluationServices {
  /** The data source scopes of the current evaluation. */
  readonly scopes = new ScopeStack();
  /** The loaded section document of the connector (set once it is loaded). */
  section: LoadedSection | undefined;
  readonly #used = new Map<string, DataSourceUse>();
  readonly #responses = new Map<string, HttpResult>();
  readonly #files = new Map<string, FileReadResult>();

  constructor(
    readonly connector: ConnectorPackage,
    readonly settings: EvaluationSettings,
    readonly host: HostCalls,
  ) {}

  /** Starts a new evaluation: no scope, no data source used, no response fetched. */
  begin(): void {
    this.scopes.clear();
    this.#used.clear();
    this.#responses.clear();
    this.#files.clear();
  }

  /** The innermost data source scope, or undefined outside any data source function. */
  get scope(): DataSourceScope | undefined {
    return this.scopes.current;
  }

  /** The credential stored for a data source, or null. */
  findCredential(dataSource: DataSourceId): CredentialFields | null {
    return this.host.call('credentials.find', dataSource);
  }

  /** Notes a data source the evaluation used (for `DataSourceAnalysis`). */
  noteDataSource(use: DataSourceUse): void {
    const key = `${use.kind}\u0000${use.path}`;
    if (!this.#used.has(key)) this.#used.set(key, use);
  }

  /** The data sources used so far in this evaluation, in the order they were first used. */
  get dataSourcesUsed(): readonly DataSourceUse[] {
    return [...this.#used.values()];
  }

  /**
   * Performs an HTTP request through the host, once per evaluation: the same request made again
   * (same method, URL, headers and body) gets the same result, unless `isRetry` is set.
   */
  send(request: HttpRequest): HttpResult {
    const key = JSON.stringify([
      request.method,
      request.url,
      request.headers,
      request.body === null ? null : Buffer.from(request.body).toString('base64'),
    ]);
    const known = request.isRetry ? undefined : this.#responses.get(key);
    if (known !== undefined) return known;
    const result = this.host.call('http.send', request);
    this.#responses.set(key, result);
    return result;
  }

  /**
   * Reads a file through the host (`File.Contents`), once per evaluation: the same path read again
   * gets the same result.
   */
  readFile(request: FileReadRequest): FileReadResult {
    const known = this.#files.get(request.path);
    if (known !== undefined) return known;
    const result = this.host.call('file.read', request);
    this.#files.set(request.path, result);
    return result;
  }
}

/**
 * The messages between the host side and the evaluation worker (DESIGN.md §1). Everything here is
 * structured-clone data.
 */
import type { TraceEntry } from '@pqsdk/m-evaluator';
import type { ConnectorPackage } from '../connector/connector-package.js';
import type { HttpRequest, HttpResult } from '../http/types.js';
import type { SyncCallEndpoint } from '../rpc/sync-call.js';

/** A JSON value. */
export type Json =
  null | boolean | number | string | readonly Json[] | { readonly [name: string]: Json };

/**
 * The record `Extension.CurrentCredential()` returns, as plain data (powerquery-docs
 * `handling-authentication.md`): `AuthenticationKind` always, and the fields of its kind.
 */
export interface CredentialFields {
  readonly AuthenticationKind: string;
  readonly Username?: string;
  readonly Password?: string;
  readonly Key?: string;
  readonly access_token?: string;
  readonly Properties?: { readonly [name: string]: Json };
  readonly EncryptConnection?: boolean;
}

/** A data source: its kind and its path. */
export interface DataSourceId {
  readonly kind: string;
  readonly path: string;
}

/** The methods the host serves to the worker (blocking calls, `src/rpc/`). */
export type HostMethods = {
  /** The credential for a data source, or null when none is stored. */
  'credentials.find': (argument: DataSourceId) => CredentialFields | null;
  /** Performs an HTTP request for `Web.Contents`. */
  'http.send': (argument: HttpRequest) => HttpResult;
};

/** The settings of the evaluation side. */
export interface EvaluationSettings {
  /** The culture (`Culture.Current`, `Extension.LoadString`): `en-US` by default. */
  readonly culture: string;
  /** The clock, in milliseconds since the epoch; the real time when undefined. */
  readonly nowMs?: number;
  /** The seed of `Number.Random`. */
  readonly seed?: number;
  /** What `Environment.Configuration()` returns (PQTest's `--environmentConfiguration`). */
  readonly environmentConfiguration: { readonly [name: string]: Json };
  /** The variables `Variable.ValueOrDefault` reads. */
  readonly variables: { readonly [name: string]: Json };
  /** The record `Extension.CurrentApplication()` returns. */
  readonly application: { readonly [name: string]: Json };
  /** The proxy `Web.DefaultProxy` reports, when one is configured. */
  readonly proxyUri?: string;
}

/** What the worker receives when it starts. */
export interface WorkerStart {
  readonly connector: ConnectorPackage;
  readonly settings: EvaluationSettings;
  readonly endpoint: SyncCallEndpoint;
}

/** A command from the host. */
export type WorkerCommand =
  | {
      readonly id: number;
      readonly command: 'evaluate';
      readonly query: string;
      readonly timeoutMs?: number;
    }
  | { readonly id: number; readonly command: 'info' }
  | {
      readonly id: number;
      readonly command: 'testConnection';
      readonly dataSource: DataSourceId;
      readonly timeoutMs?: number;
    };

/** A message from the worker. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'loadError'; readonly error: LoadFailure }
  | { readonly type: 'trace'; readonly entry: TraceEntry }
  | { readonly type: 'reply'; readonly id: number; readonly reply: unknown };

/** Why the connector could not be loaded on the evaluation side. */
export interface LoadFailure {
  readonly code: 'PQSDK_CONNECTOR_SYNTAX' | 'PQSDK_CONNECTOR_WORKER';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

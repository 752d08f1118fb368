/**
 * The messages between the host side and the evaluation worker (DESIGN.md §1). Everything here is
 * structured-clone data.
 */
import type { FoldEvent, TraceEntry } from '@pqsdk/m-evaluator';
import type { ConnectorPackage } from '../connector/connector-package.js';
import type { HttpRequest, HttpResult } from '../http/types.js';
import type { OAuthCall, StoreRefreshedReply } from '../oauth/types.js';
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
  // #region OAuth (src/oauth/)
  /**
   * Whether the OAuth credential stored for a data source has expired (false when the engine has
   * no credential store, or the token no expiry).
   */
  'oauth.expired': (argument: DataSourceId) => boolean;
  /** Stores the token record a `Refresh` returned; replies with the new credential. */
  'oauth.storeRefreshed': (argument: {
    readonly dataSource: DataSourceId;
    readonly token: { readonly [name: string]: Json };
  }) => StoreRefreshedReply;
  // #endregion OAuth
  // #region File.Contents (src/extension/file-contents*.ts)
  /** Reads a file for `File.Contents`, if the `fileRoots` setting allows it. */
  'file.read': (argument: FileReadRequest) => FileReadResult;
  // #endregion File.Contents
};

// #region File.Contents (src/extension/file-contents*.ts)
/** What `File.Contents` asks the host to read. */
export interface FileReadRequest {
  /** The path as the query gave it. */
  readonly path: string;
}

/** Why the host did not read a file. */
export type FileReadFailureKind =
  'noRoots' | 'notAbsolute' | 'outsideRoots' | 'notFound' | 'notAFile' | 'failed';

/** What the host read for `File.Contents`. */
export type FileReadResult =
  | {
      readonly ok: true;
      /** The file's bytes. */
      readonly bytes: Uint8Array;
      /** The absolute path, with `.` and `..` resolved (symbolic links are not shown). */
      readonly path: string;
    }
  | { readonly ok: false; readonly kind: FileReadFailureKind; readonly message: string };
// #endregion File.Contents

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
      // #region Folding (src/view/)
      /** Raise an error when a `Table.View` declines an operation (`--failOnFoldingFailure`). */
      readonly failOnFoldingFailure?: boolean;
      // #endregion Folding
    }
  | { readonly id: number; readonly command: 'info' }
  | {
      readonly id: number;
      readonly command: 'testConnection';
      readonly dataSource: DataSourceId;
      readonly timeoutMs?: number;
    }
  // #region OAuth (src/oauth/)
  | {
      readonly id: number;
      readonly command: 'oauth';
      readonly call: OAuthCall;
      readonly timeoutMs?: number;
    };
// #endregion OAuth

/** A message from the worker. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'loadError'; readonly error: LoadFailure }
  | { readonly type: 'trace'; readonly entry: TraceEntry }
  // #region Folding (src/view/)
  | { readonly type: 'fold'; readonly event: FoldEvent }
  // #endregion Folding
  | { readonly type: 'reply'; readonly id: number; readonly reply: unknown };

/** Why the connector could not be loaded on the evaluation side. */
export interface LoadFailure {
  readonly code: 'PQSDK_CONNECTOR_SYNTAX' | 'PQSDK_CONNECTOR_WORKER';
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

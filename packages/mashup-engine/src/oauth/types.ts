/**
 * The data of the OAuth flows (DESIGN.md §5): what crosses between the host side and the
 * evaluation worker, and what the engine's public OAuth methods return. Everything here is
 * structured-clone data.
 */
import type { DataSource, OAuthCredential, OAuthToken, Credential } from '../credentials/types.js';
import type { ErrorReport } from '../evaluation/evaluation-result.js';
import type { CredentialFields, DataSourceId, Json } from '../evaluation/protocol.js';

/**
 * A sign-in that `StartLogin` began: where to send the user, where the authorization server sends
 * the browser back, and what `FinishLogin` needs to finish it.
 */
export interface OAuthLogin {
  /** The data source the sign-in is for. */
  readonly dataSource: DataSourceId;
  /** `LoginUri`: the page to open in a browser. */
  readonly loginUri: string;
  /** `CallbackUri`: the address the browser is sent back to once the user has signed in. */
  readonly callbackUri: string;
  /** `WindowWidth`, in pixels (0 when the connector gives none). */
  readonly windowWidth: number;
  /** `WindowHeight`, in pixels (0 when the connector gives none). */
  readonly windowHeight: number;
  /**
   * The `state` the engine made for this sign-in and passed to `StartLogin`; the callback must
   * carry it back.
   */
  readonly state: string;
  /**
   * `Context`, as an M literal, handed back to `FinishLogin`. It may hold secrets (a PKCE code
   * verifier, for one): keep it in memory and never print or log it.
   */
  readonly context: string;
}

/**
 * What the engine needs of a credential store to keep OAuth credentials: `CredentialStore` has
 * it. `find` follows the store's lookup rules; `set` and `updateTokens` act on the exact path.
 */
export interface OAuthCredentialStore {
  find(kind: string, path: string): Promise<Credential | undefined> | Credential | undefined;
  set(credential: Credential): Promise<Credential>;
  updateTokens(dataSource: DataSource, token: OAuthToken): Promise<OAuthCredential>;
}

/** One step of an OAuth flow that the evaluation worker runs. */
export type OAuthCall =
  | {
      readonly step: 'startLogin';
      readonly dataSource: DataSourceId;
      readonly state: string;
    }
  | {
      readonly step: 'finishLogin';
      readonly dataSource: DataSourceId;
      /** The `Context` of the sign-in, as the M literal `startLogin` gave. */
      readonly context: string;
      readonly callbackUri: string;
      readonly state: string;
    }
  | {
      readonly step: 'refresh';
      readonly dataSource: DataSourceId;
      /** The stored credential, as `Extension.CurrentCredential()` gives it. */
      readonly credential: CredentialFields;
    };

/** Why an OAuth step failed, as a stable code (see `OAuthErrorCode`). */
export type OAuthStepFailureCode =
  | 'PQSDK_OAUTH_NOT_SUPPORTED'
  | 'PQSDK_OAUTH_NO_REFRESH'
  | 'PQSDK_OAUTH_START_FAILED'
  | 'PQSDK_OAUTH_FINISH_FAILED'
  | 'PQSDK_OAUTH_REFRESH_FAILED';

/** What the worker replies to an {@link OAuthCall}. */
export type OAuthReply =
  | {
      readonly ok: true;
      readonly step: 'startLogin';
      readonly login: Omit<OAuthLogin, 'state' | 'dataSource'>;
    }
  | {
      readonly ok: true;
      readonly step: 'finishLogin' | 'refresh';
      /** The record `FinishLogin` or `Refresh` returned, as JSON (holds secrets). */
      readonly token: { readonly [name: string]: Json };
    }
  | {
      readonly ok: false;
      readonly code: OAuthStepFailureCode;
      /** The M error, with every secret the worker knew of replaced by `<redacted>`. */
      readonly error: ErrorReport;
    };

/** What the host replies when the worker hands it the tokens of a refresh to store. */
export type StoreRefreshedReply =
  | { readonly ok: true; readonly credential: CredentialFields }
  | { readonly ok: false; readonly message: string };

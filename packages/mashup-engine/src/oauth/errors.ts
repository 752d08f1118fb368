import type { ErrorReport } from '../evaluation/evaluation-result.js';

/**
 * Stable codes of {@link OAuthError}. Tools may match on them; the messages may improve. No
 * message ever holds a token, an authorization code or a code verifier.
 */
export type OAuthErrorCode =
  /** The data source kind has no `OAuth` record in its `Authentication`. */
  | 'PQSDK_OAUTH_NOT_SUPPORTED'
  /** The data source record has no `Refresh` function, or the credential no refresh token. */
  | 'PQSDK_OAUTH_NO_REFRESH'
  /** `StartLogin` raised an error or returned something else than its record. */
  | 'PQSDK_OAUTH_START_FAILED'
  /** `FinishLogin` raised an error or returned something else than a record. */
  | 'PQSDK_OAUTH_FINISH_FAILED'
  /** `Refresh` raised an error or returned something else than a record. */
  | 'PQSDK_OAUTH_REFRESH_FAILED'
  /** The record `FinishLogin` or `Refresh` returned is not a token (no `access_token`, …). */
  | 'PQSDK_OAUTH_INVALID_TOKEN'
  /** The callback's `state` is not the one this sign-in sent. */
  | 'PQSDK_OAUTH_STATE_MISMATCH'
  /** The callback URL is not a URL, or not at the callback address of the sign-in. */
  | 'PQSDK_OAUTH_CALLBACK_INVALID'
  /** There is no way to receive the callback: no loopback address and no paste. */
  | 'PQSDK_OAUTH_NO_CALLBACK'
  /** The loopback listener could not listen on the callback address. */
  | 'PQSDK_OAUTH_LOOPBACK_FAILED'
  /** No callback arrived in time. */
  | 'PQSDK_OAUTH_TIMEOUT'
  /** The sign-in was cancelled through its signal. */
  | 'PQSDK_OAUTH_CANCELLED'
  /** The engine was opened without a credential store to keep the tokens in. */
  | 'PQSDK_OAUTH_NO_STORE'
  /** No credential is stored for the data source to refresh. */
  | 'PQSDK_OAUTH_NOT_FOUND'
  /** The credential stored for the data source is not an OAuth credential. */
  | 'PQSDK_OAUTH_NOT_OAUTH'
  /** The evaluation worker failed or ran out of time while running an OAuth function. */
  | 'PQSDK_OAUTH_WORKER';

/** Options of {@link OAuthError}. */
export interface OAuthErrorOptions {
  /** The M error a connector function raised, with its secrets redacted. */
  readonly report?: ErrorReport;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * An OAuth sign-in or refresh that did not succeed, with a stable {@link OAuthError.code} and a
 * one-line message that says what went wrong and what to do. When a connector function failed,
 * {@link OAuthError.report} holds its M error (secrets redacted).
 *
 * @example
 * ```ts
 * try {
 *   await runInteractiveLogin(engine, dataSource, { print: console.log });
 * } catch (error) {
 *   if (error instanceof OAuthError) console.error(`${error.code}: ${error.message}`);
 *   else throw error;
 * }
 * ```
 */
export class OAuthError extends Error {
  override readonly name: string = 'OAuthError';
  /** What kind of problem this is. */
  readonly code: OAuthErrorCode;
  /** The connector's M error, when a connector function failed. */
  readonly report: ErrorReport | undefined;

  /**
   * @param code - What kind of problem this is.
   * @param message - One line that says what is wrong and what to do, with no secret in it.
   * @param options - The connector's error and the underlying cause.
   */
  constructor(code: OAuthErrorCode, message: string, options: OAuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.report = options.report;
  }
}

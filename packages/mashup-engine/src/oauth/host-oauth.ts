/**
 * The host side of the OAuth flows (DESIGN.md §5): the `state` of a sign-in and its check on the
 * callback, and keeping the tokens `FinishLogin` and `Refresh` return in the credential store.
 */
import { randomBytes } from 'node:crypto';
import { currentCredentialFields } from '../credentials/current-credential.js';
import { normalizeDataSourcePath } from '../credentials/data-source-path.js';
import { formatCredentialInputProblem } from '../credentials/input-problems.js';
import { isExpired, parseOAuthToken } from '../credentials/oauth-token.js';
import type { Credential, OAuthCredential, OAuthToken } from '../credentials/types.js';
import type { CredentialFields, DataSourceId, Json } from '../evaluation/protocol.js';
import { OAuthError } from './errors.js';
import type { OAuthCredentialStore, OAuthLogin, OAuthReply, StoreRefreshedReply } from './types.js';

/**
 * A new `state` for a sign-in: 32 random bytes in base64url (RFC 6749 §10.12 asks for a value
 * that cannot be guessed, bound to the user agent's session).
 */
export function newLoginState(): string {
  return randomBytes(32).toString('base64url');
}

/** The parameters of a callback URL: its query, and its fragment for flows that answer there. */
function callbackParameters(url: URL): URLSearchParams {
  const parameters = new URLSearchParams(url.search);
  const fragment = new URLSearchParams(url.hash.replace(/^#/u, ''));
  for (const [name, value] of fragment) if (!parameters.has(name)) parameters.append(name, value);
  return parameters;
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/u, '') : path;
}

/** Whether the login URI sends `state` (as a query parameter value). */
function loginSendsState(login: OAuthLogin): boolean {
  try {
    const url = new URL(login.loginUri);
    return [...url.searchParams.values()].includes(login.state);
  } catch {
    return login.loginUri.includes(login.state);
  }
}

/**
 * Checks that a callback URL belongs to a sign-in, before `FinishLogin` sees it:
 * - it is an absolute URL at the sign-in's `CallbackUri` (same scheme, host, port and path; a
 *   trailing slash does not matter);
 * - its `state` (in the query, or the fragment) is the sign-in's. A callback without `state` is
 *   accepted only when the `LoginUri` did not send it either (RFC 6749 §4.1.2: the server returns
 *   `state` when the request had one).
 *
 * @throws {@link OAuthError} `PQSDK_OAUTH_CALLBACK_INVALID` or `PQSDK_OAUTH_STATE_MISMATCH`. The
 * messages quote neither URL, so no authorization code ends up in a log.
 */
export function checkCallback(login: OAuthLogin, callbackUrl: string): void {
  let url: URL;
  let expected: URL;
  try {
    url = new URL(callbackUrl.trim());
  } catch {
    throw new OAuthError(
      'PQSDK_OAUTH_CALLBACK_INVALID',
      'the callback is not an absolute URL; give the whole address the browser was sent to after signing in',
    );
  }
  try {
    expected = new URL(login.callbackUri);
  } catch {
    throw new OAuthError(
      'PQSDK_OAUTH_CALLBACK_INVALID',
      'the CallbackUri of the sign-in is not an absolute URL',
    );
  }
  if (
    url.protocol !== expected.protocol ||
    url.host !== expected.host ||
    withoutTrailingSlash(url.pathname) !== withoutTrailingSlash(expected.pathname)
  ) {
    throw new OAuthError(
      'PQSDK_OAUTH_CALLBACK_INVALID',
      `the callback is not at the sign-in's callback address ${expected.origin === 'null' ? expected.protocol : expected.origin}${expected.pathname}; give the address the browser was sent to after signing in`,
    );
  }
  const state = callbackParameters(url).get('state');
  if (state === null ? loginSendsState(login) : state !== login.state) {
    throw new OAuthError(
      'PQSDK_OAUTH_STATE_MISMATCH',
      state === null
        ? 'the callback carries no state, but the sign-in sent one; it does not belong to this sign-in. Sign in again'
        : 'the state of the callback is not the one this sign-in sent; it does not belong to this sign-in. Sign in again',
    );
  }
}

/**
 * Reads the token record `FinishLogin` or `Refresh` returned.
 *
 * @throws {@link OAuthError} `PQSDK_OAUTH_INVALID_TOKEN`, listing the problems by JSON path
 * (never their values).
 */
export function readToken(
  fields: { readonly [name: string]: Json },
  functionName: 'FinishLogin' | 'Refresh',
  now: Date,
): OAuthToken {
  const parsed = parseOAuthToken(fields, { now });
  if (!parsed.ok) {
    throw new OAuthError(
      'PQSDK_OAUTH_INVALID_TOKEN',
      `the record ${functionName} returned is not an OAuth token: ${parsed.problems.map(formatCredentialInputProblem).join('; ')}`,
    );
  }
  return parsed.value;
}

function samePath(credential: Credential, path: string): boolean {
  return normalizeDataSourcePath(credential.dataSource.path) === normalizeDataSourcePath(path);
}

/**
 * Stores the credential of a finished sign-in for exactly this data source. The privacy setting,
 * the permissions and `EncryptConnection` of a credential stored there before are kept.
 */
export async function storeLoginToken(
  store: OAuthCredentialStore,
  dataSource: DataSourceId,
  token: OAuthToken,
): Promise<OAuthCredential> {
  const previous = await store.find(dataSource.kind, dataSource.path);
  const kept = previous !== undefined && samePath(previous, dataSource.path) ? previous : undefined;
  const credential: OAuthCredential = {
    dataSource: { kind: dataSource.kind, path: dataSource.path },
    authenticationKind: 'OAuth',
    privacySetting: kept?.privacySetting ?? 'None',
    permissions: kept?.permissions ?? [],
    ...(kept?.encryptConnection === undefined ? {} : { encryptConnection: kept.encryptConnection }),
    token,
  };
  return (await store.set(credential)) as OAuthCredential;
}

/**
 * The OAuth credential stored for a data source (the store's lookup rules).
 *
 * @throws {@link OAuthError} `PQSDK_OAUTH_NOT_FOUND` or `PQSDK_OAUTH_NOT_OAUTH`.
 */
export async function storedOAuthCredential(
  store: OAuthCredentialStore,
  dataSource: DataSourceId,
): Promise<OAuthCredential> {
  const stored = await store.find(dataSource.kind, dataSource.path);
  if (stored === undefined) {
    throw new OAuthError(
      'PQSDK_OAUTH_NOT_FOUND',
      `no credential is stored for the ${dataSource.kind} source at ${dataSource.path}; sign in with set-credential --interactive`,
    );
  }
  if (stored.authenticationKind !== 'OAuth') {
    throw new OAuthError(
      'PQSDK_OAUTH_NOT_OAUTH',
      `the credential stored for the ${dataSource.kind} source at ${dataSource.path} is ${stored.authenticationKind}, not OAuth; it has no tokens to refresh`,
    );
  }
  return stored;
}

/** The credential fields the worker gets for a stored credential. */
export function credentialFieldsOf(credential: Credential): CredentialFields {
  return currentCredentialFields(credential) as unknown as CredentialFields;
}

/** Whether the OAuth credential stored for a data source has expired at `nowMs` (`isExpired`). */
export async function tokenExpired(
  store: OAuthCredentialStore | undefined,
  dataSource: DataSourceId,
  nowMs: number,
): Promise<boolean> {
  if (store === undefined) return false;
  const stored = await store.find(dataSource.kind, dataSource.path);
  return stored !== undefined && isExpired(stored, nowMs);
}

/**
 * Stores the tokens of a refresh (`store.updateTokens` on the path the credential is stored at).
 */
export async function storeRefreshedToken(
  store: OAuthCredentialStore,
  dataSource: DataSourceId,
  token: OAuthToken,
): Promise<OAuthCredential> {
  const stored = await storedOAuthCredential(store, dataSource);
  return store.updateTokens(stored.dataSource, token);
}

/** Serves the worker's `oauth.storeRefreshed`: a refresh made during an evaluation. */
export async function storeRefreshedForWorker(
  store: OAuthCredentialStore | undefined,
  dataSource: DataSourceId,
  fields: { readonly [name: string]: Json },
  now: Date,
): Promise<StoreRefreshedReply> {
  if (store === undefined) {
    return { ok: false, message: 'the engine has no credential store to keep new tokens in.' };
  }
  try {
    const token = readToken(fields, 'Refresh', now);
    const updated = await storeRefreshedToken(store, dataSource, token);
    return { ok: true, credential: credentialFieldsOf(updated) };
  } catch (error) {
    if (error instanceof OAuthError) return { ok: false, message: `${error.message}.` };
    throw error;
  }
}

/** The error of a worker reply that failed. */
export function stepFailure(reply: Extract<OAuthReply, { ok: false }>): OAuthError {
  const { error } = reply;
  const what =
    error.reason === null
      ? (error.message ?? 'error')
      : error.message === null
        ? error.reason
        : `[${error.reason}] ${error.message}`;
  return new OAuthError(reply.code, what, { report: error });
}

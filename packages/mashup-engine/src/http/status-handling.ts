/**
 * `Web.Contents`' built-in status handling (powerquery-docs `handling-status-codes.md`): which
 * statuses are retried, followed, turned into a credential error or into an error, unless
 * `ManualStatusHandling` lists them.
 */

/** Statuses retried with back-off (documented): 408, 429, 503, 504 and 509. */
export const RETRY_STATUSES: readonly number[] = [408, 429, 503, 504, 509];

/** How many times a request is retried before it fails (documented: "up to three times"). */
export const MAX_RETRIES = 3;

/**
 * Statuses followed to their `Location`: 300, 301, 302, 303 and 307 are documented; 308 is
 * followed too (our choice), keeping its method like 307.
 */
export const REDIRECT_STATUSES: readonly number[] = [300, 301, 302, 303, 307, 308];

/** Statuses that keep the method and body on a redirect; every other redirect becomes a GET. */
export const METHOD_KEEPING_REDIRECTS: readonly number[] = [307, 308];

/** The default limit of redirects followed for one request. */
export const MAX_REDIRECTS = 10;

/** Statuses that become a credential error (documented): 401 and 403. */
export const CREDENTIAL_STATUSES: readonly number[] = [401, 403];

/** What the client does with a response's status. */
export type StatusAction =
  /** Hand the response to the connector. */
  | 'return'
  /** Wait and send the request again. */
  | 'retry'
  /** Follow the `Location` header. */
  | 'redirect'
  /** Fail with a credential error. */
  | 'credential'
  /** Fail with a status error. */
  | 'status';

/**
 * The built-in handling of a status. A status listed in `manualStatusHandling` is always
 * returned as it is, whatever it is. Otherwise 2xx and the 3xx that are not redirects are
 * returned, and every 4xx and 5xx that is neither retried nor a credential status fails.
 */
export function statusAction(
  status: number,
  manualStatusHandling: readonly number[],
): StatusAction {
  if (manualStatusHandling.includes(status)) return 'return';
  if (RETRY_STATUSES.includes(status)) return 'retry';
  if (REDIRECT_STATUSES.includes(status)) return 'redirect';
  if (CREDENTIAL_STATUSES.includes(status)) return 'credential';
  if (status >= 400) return 'status';
  return 'return';
}

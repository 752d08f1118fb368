import { STATUS_CODES } from 'node:http';
import type {
  HttpAttempt,
  HttpFailure,
  HttpFailureKind,
  HttpFailureResponse,
  HttpMethod,
} from './types.js';

/** A status for a message: `404 (Not Found)`. */
export function describeStatus(status: number, statusText: string): string {
  const phrase = statusText !== '' ? statusText : (STATUS_CODES[status] ?? 'unknown status');
  return `${String(status)} (${phrase})`;
}

/**
 * A failure whose message is `<METHOD> <url> failed: <cause>.`, for every kind but `status` and
 * `credential`.
 */
export function causeFailure(
  kind: Exclude<HttpFailureKind, 'status' | 'credential'>,
  method: HttpMethod,
  redactedUrl: string,
  cause: string,
  attempts: readonly HttpAttempt[],
): HttpFailure {
  return {
    ok: false,
    kind,
    message: `${method} ${redactedUrl} failed: ${cause}.`,
    url: redactedUrl,
    attempts,
  };
}

/**
 * A failure for a status the built-in handling refuses: `status` (`… failed with status 404 (Not
 * Found).`) or `credential` (401/403, with what it means for the credentials). `retries` says how
 * many retries came before, for a retried status that never went away.
 */
export function statusFailure(
  kind: 'status' | 'credential',
  method: HttpMethod,
  response: HttpFailureResponse,
  attempts: readonly HttpAttempt[],
  retries = 0,
): HttpFailure {
  let message = `${method} ${response.url} failed with status ${describeStatus(response.status, response.statusText)}`;
  if (retries > 0) message += ` after ${String(retries)} ${retries === 1 ? 'retry' : 'retries'}`;
  if (kind === 'credential') {
    message +=
      response.status === 401
        ? ': the server needs credentials, or refused the ones given'
        : ': the credentials given do not allow access';
  }
  return {
    ok: false,
    kind,
    message: `${message}.`,
    status: response.status,
    url: response.url,
    response,
    attempts,
  };
}

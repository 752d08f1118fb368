/**
 * How long to wait before a retry (powerquery-docs `handling-status-codes.md`): exponential
 * back-off, unless the response has a `Retry-After` header; the wait is kept between 0.5 s and
 * 120 s.
 */

/** The shortest wait before a retry (documented: 0.5 s). */
export const MIN_RETRY_DELAY_MS = 500;

/** The longest wait before a retry (documented: 120 s). */
export const MAX_RETRY_DELAY_MS = 120_000;

/** The first back-off wait when there is no `Retry-After`; it doubles on each retry (our choice). */
export const DEFAULT_RETRY_BASE_DELAY_MS = 1000;

const DELTA_SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * Reads a `Retry-After` header as a wait in milliseconds, or `undefined` when there is none or it
 * cannot be read. The documented form is delta-seconds (`Retry-After: 5`). The real engine does
 * not support the HTTP-date form; with `acceptHttpDate` an HTTP date is read as the time left
 * until that date (0 when it is past).
 *
 * @param value - The header's value, or `null` when the response has none.
 * @param nowMs - The current time (milliseconds since the epoch), for HTTP dates.
 * @param acceptHttpDate - Whether to read HTTP dates.
 */
export function parseRetryAfter(
  value: string | null,
  nowMs: number,
  acceptHttpDate: boolean,
): number | undefined {
  if (value === null) return undefined;
  const seconds = DELTA_SECONDS.exec(value);
  if (seconds?.[1] !== undefined) return Math.round(Number(seconds[1]) * 1000);
  if (!acceptHttpDate || !/[A-Za-z]/.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The wait before retry number `retry` (1 for the first retry): the `Retry-After` wait when there
 * is one, otherwise `baseDelayMs` doubled on each retry; either kept between
 * {@link MIN_RETRY_DELAY_MS} and {@link MAX_RETRY_DELAY_MS}.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  baseDelayMs: number = DEFAULT_RETRY_BASE_DELAY_MS,
): number {
  const wanted = retryAfterMs ?? baseDelayMs * 2 ** (retry - 1);
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(MIN_RETRY_DELAY_MS, wanted));
}

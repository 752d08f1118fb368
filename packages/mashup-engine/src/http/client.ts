import { setTimeout as delay } from 'node:timers/promises';
import { causeFailure, statusFailure } from './failure.js';
import { LiveTransport, formatBytes } from './live-transport.js';
import { followRedirect } from './redirect.js';
import { requestProblem } from './request.js';
import { ResponseCache } from './response-cache.js';
import {
  DEFAULT_RETRY_BASE_DELAY_MS,
  MAX_RETRY_DELAY_MS,
  parseRetryAfter,
  retryDelayMs,
} from './retry-delay.js';
import { SecretNames, redactHeaders, redactUrl } from './secrets.js';
import { MAX_REDIRECTS, MAX_RETRIES, statusAction } from './status-handling.js';
import { headerValue, type HttpTransport, type WireRequest } from './transport.js';
import type {
  HttpAttempt,
  HttpExchangeEvent,
  HttpFailure,
  HttpRequest,
  HttpResponse,
  HttpResponseSource,
  HttpResult,
} from './types.js';
import { parseHttpUrl } from './url.js';

/** The default limit of a response body: 256 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** The default cap on the total back-off of one request: three waits of the longest kind. */
export const DEFAULT_MAX_TOTAL_RETRY_DELAY_MS = MAX_RETRIES * MAX_RETRY_DELAY_MS;

/** Waits `ms` milliseconds; rejects when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options of {@link HttpClient}. */
export interface HttpClientOptions {
  /** Performs single exchanges. Default: a {@link LiveTransport} (the network). */
  readonly transport?: HttpTransport;
  /** Waits before a retry. Default: a real timer. Tests pass one that returns at once. */
  readonly sleep?: Sleep;
  /** The clock, in milliseconds since the epoch (durations and HTTP dates). Default: `Date.now`. */
  readonly now?: () => number;
  /** The largest response body accepted, in bytes. Default: {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  readonly maxResponseBytes?: number;
  /** The most redirects followed for one request. Default: 10. */
  readonly maxRedirects?: number;
  /** The most retries of one hop for a retried status. Default: 3 (documented). */
  readonly maxRetries?: number;
  /** The first back-off wait without `Retry-After`; doubled on each retry. Default: 1 s. */
  readonly retryBaseDelayMs?: number;
  /**
   * The most back-off one request may wait in total; a retry that would pass it is not made and the
   * status fails. Default: {@link DEFAULT_MAX_TOTAL_RETRY_DELAY_MS} (6 minutes).
   */
  readonly maxTotalRetryDelayMs?: number;
  /**
   * Read `Retry-After` HTTP dates. Default `false`: the real engine supports only delta-seconds and
   * backs off exponentially on a date.
   */
  readonly retryAfterHttpDate?: boolean;
  /** Keep a response cache. Default: `true`. */
  readonly cache?: boolean;
  /** Called once per request when it ends, for traces. Never given a secret value. */
  readonly onExchange?: (event: HttpExchangeEvent) => void;
}

/** Options of one {@link HttpClient.send}. */
export interface SendOptions {
  /** Cancels the request (a `cancelled` failure). */
  readonly signal?: AbortSignal;
}

/** How a request ended, with what the trace event needs. */
interface Outcome {
  readonly result: HttpResult;
  readonly finalUrl: string;
  readonly redirects: number;
  readonly source?: HttpResponseSource;
}

/** Whether a signal has aborted (a function, so the check is made afresh after each wait). */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
};

/**
 * The host side of `Web.Contents` (DESIGN.md §4): performs an {@link HttpRequest} with the built-in
 * status handling of the real engine, and returns an {@link HttpResponse} or an
 * {@link HttpFailure} (never throws for anything the network or the server does).
 *
 * - Retries 408, 429, 503, 504 and 509 up to three times, waiting `Retry-After` (delta-seconds)
 *   or an exponential back-off (1 s, 2 s, 4 s), each wait kept within 0.5–120 s.
 * - Follows 300, 301, 302, 303, 307 and 308 up to 10 times; only 307 and 308 keep a POST. Secrets
 *   never go to another origin.
 * - Fails 401 and 403 as `credential`, other 4xx and 5xx as `status`, unless
 *   `manualStatusHandling` lists the status (then the response is returned as it is).
 * - Keeps a response cache for successful GETs (`IsRetry` bypasses and replaces it;
 *   `ExcludedFromCacheKey` headers are left out of the key).
 *
 * One client lives for one evaluation or test run.
 *
 * @example
 * ```ts
 * const client = new HttpClient({ onExchange: (event) => trace(event) });
 * const result = await client.send(createHttpRequest({ url: 'https://api.example.com/items' }));
 * if (result.ok) console.log(result.status, new TextDecoder().decode(result.body));
 * else console.error(result.kind, result.message);
 * ```
 */
export class HttpClient {
  readonly #transport: HttpTransport;
  readonly #sleep: Sleep;
  readonly #now: () => number;
  readonly #maxResponseBytes: number;
  readonly #maxRedirects: number;
  readonly #maxRetries: number;
  readonly #retryBaseDelayMs: number;
  readonly #maxTotalRetryDelayMs: number;
  readonly #retryAfterHttpDate: boolean;
  readonly #cache: ResponseCache | undefined;
  readonly #onExchange: ((event: HttpExchangeEvent) => void) | undefined;

  /** @param options - The client's options. */
  constructor(options: HttpClientOptions = {}) {
    this.#transport = options.transport ?? new LiveTransport();
    this.#sleep = options.sleep ?? realSleep;
    this.#now = options.now ?? Date.now;
    this.#maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
    this.#maxRetries = options.maxRetries ?? MAX_RETRIES;
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
    this.#maxTotalRetryDelayMs = options.maxTotalRetryDelayMs ?? DEFAULT_MAX_TOTAL_RETRY_DELAY_MS;
    this.#retryAfterHttpDate = options.retryAfterHttpDate ?? false;
    this.#cache = options.cache === false ? undefined : new ResponseCache();
    this.#onExchange = options.onExchange;
  }

  /** The response cache, when the client keeps one. */
  get cache(): ResponseCache | undefined {
    return this.#cache;
  }

  /**
   * Performs a request. Resolves to a response or a failure, and never rejects for anything the
   * network or the server does; it rejects only when the transport itself throws (a recording
   * transport that cannot write its fixture throws `MockError`).
   */
  async send(request: HttpRequest, options: SendOptions = {}): Promise<HttpResult> {
    const started = this.#now();
    const names = new SecretNames(request.secrets);
    const outcome = await this.#perform(request, names, options.signal);
    if (this.#onExchange !== undefined) {
      const { result } = outcome;
      const event: HttpExchangeEvent = {
        method: request.method,
        url: redactUrl(request.url, names),
        finalUrl: outcome.finalUrl,
        requestHeaders: redactHeaders(request.headers, names),
        durationMs: Math.max(0, this.#now() - started),
        attempts: result.attempts.length,
        redirects: outcome.redirects,
        ...(result.ok ? { status: result.status } : { failure: result.kind }),
        ...(!result.ok && result.status !== undefined ? { status: result.status } : {}),
        ...(outcome.source === undefined ? {} : { source: outcome.source }),
        ...(request.dataSource === undefined ? {} : { dataSource: request.dataSource }),
      };
      this.#onExchange(event);
    }
    return outcome.result;
  }

  async #perform(
    request: HttpRequest,
    names: SecretNames,
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    const redactedUrl = redactUrl(request.url, names);
    const early = (failure: HttpFailure): Outcome => ({
      result: failure,
      finalUrl: redactedUrl,
      redirects: 0,
    });
    const parsed = parseHttpUrl(request.url);
    if ('problem' in parsed) {
      return early(causeFailure('invalidUrl', request.method, redactedUrl, parsed.problem, []));
    }
    const problem = requestProblem(request);
    if (problem !== undefined) {
      return early(causeFailure('invalidRequest', request.method, redactedUrl, problem, []));
    }
    const cacheable = this.#cache !== undefined && request.method === 'GET';
    if (cacheable && !request.isRetry) {
      const cached = this.#cache.get(request);
      if (cached !== undefined)
        return { result: cached, finalUrl: redactedUrl, redirects: 0, source: 'cache' };
    }

    const attempts: HttpAttempt[] = [];
    let current: WireRequest = {
      method: request.method,
      url: parsed.url.href,
      headers: request.headers,
      body: request.body,
      timeoutMs: request.timeoutMs,
      maxBodyBytes: this.#maxResponseBytes,
      secrets: request.secrets,
      excludedFromCacheKey: request.excludedFromCacheKey,
      ...(signal === undefined ? {} : { signal }),
    };
    let redirects = 0;
    let retries = 0;
    let totalDelay = 0;
    let nextDelay = 0;
    for (;;) {
      const hopUrl = redactUrl(current.url, names);
      const ended = (result: HttpResult, source?: HttpResponseSource): Outcome => ({
        result,
        finalUrl: hopUrl,
        redirects,
        ...(source === undefined ? {} : { source }),
      });
      if (isAborted(signal)) {
        return ended(
          causeFailure('cancelled', current.method, hopUrl, 'the request was cancelled', attempts),
        );
      }
      const exchanged = await this.#transport.exchange(current);
      if (!exchanged.ok) {
        attempts.push({ url: hopUrl, failure: exchanged.kind, delayMs: nextDelay });
        const source = exchanged.kind === 'mockMiss' ? 'mock' : undefined;
        return ended(
          causeFailure(exchanged.kind, current.method, hopUrl, exchanged.cause, attempts),
          source,
        );
      }
      const wire = exchanged.response;
      attempts.push({ url: hopUrl, status: wire.status, delayMs: nextDelay });
      nextDelay = 0;
      if (wire.body.byteLength > this.#maxResponseBytes) {
        const cause = `the response body is larger than the limit of ${formatBytes(this.#maxResponseBytes)}`;
        return ended(
          causeFailure('responseTooLarge', current.method, hopUrl, cause, attempts),
          exchanged.source,
        );
      }
      const failureResponse = { ...wire, url: hopUrl };
      const action = statusAction(wire.status, request.manualStatusHandling);
      switch (action) {
        case 'return': {
          const response: HttpResponse = {
            ok: true,
            status: wire.status,
            statusText: wire.statusText,
            headers: wire.headers,
            url: current.url,
            body: wire.body,
            attempts,
            source: exchanged.source,
          };
          if (cacheable && wire.status >= 200 && wire.status < 300) {
            this.#cache.set(request, response);
          }
          return ended(response, exchanged.source);
        }
        case 'retry': {
          const wait = retryDelayMs(
            retries + 1,
            parseRetryAfter(
              headerValue(wire.headers, 'retry-after'),
              this.#now(),
              this.#retryAfterHttpDate,
            ),
            this.#retryBaseDelayMs,
          );
          if (retries >= this.#maxRetries || totalDelay + wait > this.#maxTotalRetryDelayMs) {
            return ended(
              statusFailure('status', current.method, failureResponse, attempts, retries),
              exchanged.source,
            );
          }
          try {
            await this.#sleep(wait, signal);
          } catch (error) {
            if (!isAborted(signal)) throw error;
          }
          retries += 1;
          totalDelay += wait;
          nextDelay = wait;
          continue;
        }
        case 'redirect': {
          if (redirects >= this.#maxRedirects) {
            const cause = `more than ${String(this.#maxRedirects)} redirects`;
            return ended(
              causeFailure('tooManyRedirects', request.method, redactedUrl, cause, attempts),
              exchanged.source,
            );
          }
          const next = followRedirect(current, wire.status, headerValue(wire.headers, 'location'));
          if (!next.ok) {
            const failure =
              next.kind === 'status'
                ? {
                    ...statusFailure('status', current.method, failureResponse, attempts),
                    message: `${current.method} ${hopUrl} failed: ${next.cause}.`,
                  }
                : causeFailure('invalidUrl', current.method, hopUrl, next.cause, attempts);
            return ended(failure, exchanged.source);
          }
          current = next.request;
          redirects += 1;
          retries = 0;
          continue;
        }
        case 'credential':
        case 'status':
          return ended(
            statusFailure(action, current.method, failureResponse, attempts),
            exchanged.source,
          );
      }
    }
  }
}

import type { HttpFailureKind, HttpHeader, HttpMethod, HttpSecretNames } from './types.js';

/**
 * One hop of a request as it goes on the wire: the client sends one of these per attempt, per
 * redirect. Built-in status handling happens above the transport, so a recorded or mocked
 * exchange is one hop too.
 */
export interface WireRequest {
  /** The method of this hop (a redirect may have turned a POST into a GET). */
  readonly method: HttpMethod;
  /** The absolute URL of this hop. */
  readonly url: string;
  /** The headers of this hop. */
  readonly headers: readonly HttpHeader[];
  /** The body, or `null`. */
  readonly body: Uint8Array | null;
  /** The time limit of the exchange, in milliseconds. */
  readonly timeoutMs: number;
  /** The largest response body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** The names of the request's secrets (for redaction when recording). */
  readonly secrets: HttpSecretNames;
  /** Header names left out of the cache key; a recorder leaves them out of fixtures too. */
  readonly excludedFromCacheKey: readonly string[];
  /** The caller's cancellation signal. */
  readonly signal?: AbortSignal;
}

/** The response of one hop. */
export interface WireResponse {
  /** The status code. */
  readonly status: number;
  /** The reason phrase. */
  readonly statusText: string;
  /** The headers, names in the case the server (or the fixture) gave them. */
  readonly headers: readonly HttpHeader[];
  /** The whole body. */
  readonly body: Uint8Array;
}

/** The kinds of failure a transport reports. */
export type WireFailureKind = Extract<
  HttpFailureKind,
  'network' | 'timeout' | 'mockMiss' | 'responseTooLarge' | 'cancelled' | 'invalidRequest'
>;

/** What one hop gives: a response and where it came from, or why there is none. */
export type WireResult =
  | { readonly ok: true; readonly response: WireResponse; readonly source: 'live' | 'mock' }
  | {
      readonly ok: false;
      readonly kind: WireFailureKind;
      /** The cause in a few words, never with a secret value (the client adds method and URL). */
      readonly cause: string;
    };

/**
 * Performs single exchanges. {@link LiveTransport} goes to the network; the mock transports of
 * `src/mocks/` replay and record fixtures.
 */
export interface HttpTransport {
  /** Performs one exchange. Never rejects for anything the network or the server does. */
  exchange(request: WireRequest): Promise<WireResult>;
}

/** Looks a header up by name, without regard to case; the first value wins. */
export function headerValue(headers: readonly HttpHeader[], name: string): string | null {
  const lower = name.toLowerCase();
  for (const [headerName, value] of headers) {
    if (headerName.toLowerCase() === lower) return value;
  }
  return null;
}

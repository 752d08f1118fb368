import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponse } from './types.js';

/** What the cache keeps of a response: everything but its attempts and source. */
interface CachedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HttpResponse['headers'];
  readonly url: string;
  readonly body: Uint8Array;
}

/**
 * The response cache of one client (one evaluation or test run), as `Web.Contents` keeps one:
 * identical requests get the first response again. Two requests are identical when their method,
 * URL, headers (names without regard to case, minus `ExcludedFromCacheKey`; order between
 * different names does not matter) and body are.
 *
 * Bodies are copied in and out, so a body transferred to another thread (which detaches its
 * buffer) never empties the cache.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();

  /** The cache key of a request. */
  static keyOf(request: HttpRequest): string {
    const excluded = new Set(request.excludedFromCacheKey.map((name) => name.toLowerCase()));
    const headers = request.headers
      .map(([name, value]): [string, string] => [name.toLowerCase(), value])
      .filter(([name]) => !excluded.has(name))
      .map((header, index) => ({ header, index }))
      .sort((a, b) =>
        a.header[0] < b.header[0] ? -1 : a.header[0] > b.header[0] ? 1 : a.index - b.index,
      )
      .map(({ header }) => header);
    const body =
      request.body === null ? null : createHash('sha256').update(request.body).digest('hex');
    return JSON.stringify([request.method, request.url, headers, body]);
  }

  /** The cached response for a request, as a fresh copy with source `cache`, if there is one. */
  get(request: HttpRequest): HttpResponse | undefined {
    const entry = this.#entries.get(ResponseCache.keyOf(request));
    if (entry === undefined) return undefined;
    return {
      ok: true,
      status: entry.status,
      statusText: entry.statusText,
      headers: entry.headers,
      url: entry.url,
      body: entry.body.slice(),
      attempts: [],
      source: 'cache',
    };
  }

  /** Keeps (or replaces) the response of a request. */
  set(request: HttpRequest, response: HttpResponse): void {
    this.#entries.set(ResponseCache.keyOf(request), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers.map(([name, value]) => [name, value] as const),
      url: response.url,
      body: response.body.slice(),
    });
  }

  /** How many responses are kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** Forgets every response. */
  clear(): void {
    this.#entries.clear();
  }
}

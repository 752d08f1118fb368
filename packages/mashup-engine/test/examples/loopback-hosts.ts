/**
 * A transport that serves the example connectors' fictional hosts (`https://…example/`) from
 * servers on 127.0.0.1, like an `/etc/hosts` entry with TLS ended in front: each hop's URL is
 * rewritten from the public origin to the loopback one just before it goes on the wire, so the
 * connector, the credential rules and the HTTP client all see the public URLs (and the examples
 * run unchanged), while every exchange is real HTTP over loopback. URLs of 127.0.0.1 itself go
 * through as they are; any other host fails as a network error.
 */
import { LiveTransport } from '../../src/http/live-transport.js';
import type { HttpTransport, WireRequest, WireResult } from '../../src/http/transport.js';

export class LoopbackHosts implements HttpTransport {
  readonly #inner = new LiveTransport();
  /** Public origin (`https://api.bookcatalog.example`) → loopback origin (`http://127.0.0.1:1234`). */
  readonly #origins = new Map<string, string>();
  /** Every hop, by public URL, in order. */
  readonly hops: string[] = [];

  /** Serves `publicOrigin` from `loopbackOrigin`. */
  map(publicOrigin: string, loopbackOrigin: string): this {
    this.#origins.set(new URL(publicOrigin).origin, new URL(loopbackOrigin).origin);
    return this;
  }

  async exchange(request: WireRequest): Promise<WireResult> {
    const url = new URL(request.url);
    if (url.hostname === '127.0.0.1') return this.#inner.exchange(request);
    const loopback = this.#origins.get(url.origin);
    if (loopback === undefined) {
      return { ok: false, kind: 'network', cause: `no loopback server for ${url.origin}` };
    }
    this.hops.push(request.url);
    const rewritten = `${loopback}${url.pathname}${url.search}`;
    return this.#inner.exchange({ ...request, url: rewritten });
  }
}

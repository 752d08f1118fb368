import type { HttpTransport, WireRequest, WireResult } from './transport.js';
import { headerValue } from './transport.js';
import type { HttpHeader } from './types.js';

/** The `User-Agent` sent when the request has none (Node's default would be `node`). */
export const DEFAULT_USER_AGENT = 'pqsdk-mashup-engine';

/** Content codings the HTTP stack decodes; the header is then dropped, as .NET does. */
const DECODED_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** Options of {@link FetchTransport}. */
export interface FetchTransportOptions {
  /** The `User-Agent` sent when the request has none. Default: {@link DEFAULT_USER_AGENT}. */
  readonly userAgent?: string;
}

/**
 * The live transport: one exchange with Node's global `fetch` (undici), redirects left to the
 * client (`redirect: 'manual'`), the body read up to the request's size limit, and the request's
 * time limit covering the whole exchange (headers and body).
 */
export class FetchTransport implements HttpTransport {
  readonly #userAgent: string;

  /** @param options - The transport's options. */
  constructor(options: FetchTransportOptions = {}) {
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  /** Performs one exchange on the network. */
  async exchange(request: WireRequest): Promise<WireResult> {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal =
      request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]);
    const headers: [string, string][] = request.headers.map(([name, value]) => [name, value]);
    if (headerValue(request.headers, 'user-agent') === null) {
      headers.push(['User-Agent', this.#userAgent]);
    }
    try {
      const init: RequestInit = { method: request.method, headers, redirect: 'manual', signal };
      if (request.body !== null) init.body = request.body;
      const response = await fetch(request.url, init);
      const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
      const encoding = response.headers.get('content-encoding');
      const decoded = encoding !== null && DECODED_CODINGS.has(encoding.trim().toLowerCase());
      if (!decoded && declaredLength > request.maxBodyBytes) {
        await response.body?.cancel();
        return tooLarge(request.maxBodyBytes);
      }
      const body = await readBody(response, request.maxBodyBytes);
      if (body === null) return tooLarge(request.maxBodyBytes);
      const responseHeaders: HttpHeader[] = [];
      for (const [name, value] of response.headers) {
        if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
        responseHeaders.push([name, value]);
      }
      return {
        ok: true,
        source: 'live',
        response: {
          status: response.status,
          statusText: response.statusText,
          headers: responseHeaders,
          body,
        },
      };
    } catch (error) {
      if (request.signal?.aborted === true) {
        return { ok: false, kind: 'cancelled', cause: 'the request was cancelled' };
      }
      if (timeout.aborted) {
        return {
          ok: false,
          kind: 'timeout',
          cause: `no complete response within ${formatMs(request.timeoutMs)}`,
        };
      }
      return { ok: false, kind: 'network', cause: networkCause(error) };
    }
  }
}

function tooLarge(limit: number): WireResult {
  return {
    ok: false,
    kind: 'responseTooLarge',
    cause: `the response body is larger than the limit of ${formatBytes(limit)}`,
  };
}

/** Reads the whole body, or gives `null` (and stops reading) once it passes `limit` bytes. */
async function readBody(response: Response, limit: number): Promise<Uint8Array | null> {
  if (response.body === null) return new Uint8Array(0);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The cause of a network failure in a few words: the system error code and its message. */
function networkCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code)
      ? `${code}: ${cause.message}`
      : cause.message;
  }
  return String(cause);
}

/** A duration for a message: `100 s`, `1.5 s` or `250 ms`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${String(ms / 1000)} s` : `${String(ms)} ms`;
}

/** A size for a message: `256 MiB`, `10 KiB` or `100 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0)
    return `${String(bytes / 1024 / 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${String(bytes / 1024)} KiB`;
  return `${String(bytes)} bytes`;
}

import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { HttpTransport, WireRequest, WireResult } from './transport.js';
import { headerValue } from './transport.js';
import type { HttpHeader } from './types.js';

/** The `User-Agent` sent when the request has none (Node's default would be none at all). */
export const DEFAULT_USER_AGENT = 'pqsdk-mashup-engine';

/** The `Accept-Encoding` sent when the request has none, as the engine's HTTP stack does. */
const DEFAULT_ACCEPT_ENCODING = 'gzip, deflate, br';

/** Options of {@link LiveTransport}. */
export interface LiveTransportOptions {
  /** The `User-Agent` sent when the request has none. Default: {@link DEFAULT_USER_AGENT}. */
  readonly userAgent?: string;
}

/**
 * The live transport: one exchange over `node:http` or `node:https`. Response header names keep
 * the case the server sent (M code reads them as record fields, and field names are
 * case-sensitive: `[Headers][Link]`). Redirects are left to the client; a `gzip`, `deflate` or
 * `br` body is decoded (and its `Content-Encoding` and `Content-Length` dropped, as .NET does);
 * the body is read up to the request's size limit, decoded bytes counted; the request's time
 * limit covers the whole exchange.
 */
export class LiveTransport implements HttpTransport {
  readonly #userAgent: string;

  /** @param options - The transport's options. */
  constructor(options: LiveTransportOptions = {}) {
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  /** Performs one exchange on the network. Never rejects. */
  exchange(request: WireRequest): Promise<WireResult> {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal =
      request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]);
    const failed = (error: unknown): WireResult => {
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
    };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return Promise.resolve({ ok: false, kind: 'invalidRequest', cause: 'the URL is not valid' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return Promise.resolve({
        ok: false,
        kind: 'invalidRequest',
        cause: `the scheme ${url.protocol} is not supported (only http: and https:)`,
      });
    }
    const headers = this.#headers(request);
    return new Promise<WireResult>((resolve) => {
      let settled = false;
      const settle = (result: WireResult): void => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      let outgoing: ReturnType<typeof httpRequest>;
      try {
        outgoing = send(url, { method: request.method, headers, signal });
      } catch (error) {
        settle({ ok: false, kind: 'invalidRequest', cause: networkCause(error) });
        return;
      }
      let responded = false;
      outgoing.on('error', (error) => {
        // Once the response is here, its own reading reports what goes wrong.
        if (!responded) settle(failed(error));
      });
      outgoing.on('response', (response) => {
        responded = true;
        readResponse(response, request).then(settle, (error: unknown) => {
          settle(failed(error));
        });
      });
      if (request.body === null) outgoing.end();
      else outgoing.end(request.body);
    });
  }

  /** The headers as sent: the request's, in order and case, then the defaults it lacks. */
  #headers(request: WireRequest): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of request.headers) {
      const known = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
      if (known === undefined) headers[name] = value;
      else headers[known] = `${String(headers[known])}, ${value}`;
    }
    if (headerValue(request.headers, 'user-agent') === null) {
      headers['User-Agent'] = this.#userAgent;
    }
    if (headerValue(request.headers, 'accept-encoding') === null) {
      headers['Accept-Encoding'] = DEFAULT_ACCEPT_ENCODING;
    }
    if (request.body !== null && headerValue(request.headers, 'content-length') === null) {
      headers['Content-Length'] = String(request.body.byteLength);
    }
    return headers;
  }
}

/** Reads a response: its raw headers, and the body decoded and limited. */
async function readResponse(response: IncomingMessage, request: WireRequest): Promise<WireResult> {
  const limit = request.maxBodyBytes;
  // The answer to a HEAD has no body: its headers describe the resource and are kept as sent.
  const head = request.method === 'HEAD';
  const encoding = (headerOf(response.rawHeaders, 'content-encoding') ?? '').trim().toLowerCase();
  const decoded = !head && DECODERS.has(encoding);
  const declaredLength = Number(headerOf(response.rawHeaders, 'content-length') ?? Number.NaN);
  if (!head && !decoded && declaredLength > limit) {
    response.destroy();
    return tooLarge(limit);
  }
  const body = await readBody(response, decoded ? encoding : null, limit);
  if (body === null) return tooLarge(limit);
  const headers: HttpHeader[] = [];
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index] ?? '';
    const lower = name.toLowerCase();
    if (CONNECTION_HEADERS.has(lower)) continue;
    if (decoded && (lower === 'content-encoding' || lower === 'content-length')) continue;
    headers.push([name, raw[index + 1] ?? '']);
  }
  return {
    ok: true,
    source: 'live',
    response: {
      status: response.statusCode ?? 0,
      statusText: response.statusMessage ?? '',
      headers,
      body,
    },
  };
}

/**
 * Headers about the connection rather than the resource: the HTTP stack consumes them, so they
 * are not passed on (and a recorded fixture matches what a replay gives).
 */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/** The decoders of the content codings the transport decodes. */
const DECODERS: ReadonlyMap<string, (first: number) => Transform> = new Map<
  string,
  (first: number) => Transform
>([
  ['gzip', () => createGunzip()],
  ['x-gzip', () => createGunzip()],
  // Servers send `deflate` both as the zlib format (RFC 1950) and raw (RFC 1951): a zlib
  // stream starts with a byte whose low four bits are 8 (the deflate method).
  ['deflate', (first: number) => ((first & 0x0f) === 8 ? createInflate() : createInflateRaw())],
  ['br', () => createBrotliDecompress()],
]);

/**
 * Reads the whole body through the decoder of `encoding` (when not null), or gives `null` (and
 * stops reading) once the decoded bytes pass `limit`.
 */
function readBody(
  response: IncomingMessage,
  encoding: string | null,
  limit: number,
): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    let decoder: Transform | undefined;
    const finish = (result: Uint8Array | null): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    const fail = (error: unknown): void => {
      if (done) return;
      done = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const take = (chunk: Buffer): void => {
      if (done) return;
      total += chunk.byteLength;
      if (total > limit) {
        response.destroy();
        decoder?.destroy();
        finish(null);
        return;
      }
      chunks.push(chunk);
    };
    const end = (): void => {
      finish(Buffer.concat(chunks, total));
    };
    const make = encoding === null ? undefined : DECODERS.get(encoding);
    if (make === undefined) {
      response.on('data', take);
      response.on('end', end);
    } else {
      let received = false;
      response.on('data', (chunk: Buffer) => {
        if (done || chunk.byteLength === 0) return;
        if (decoder === undefined) {
          decoder = make(chunk[0] ?? 0);
          decoder.on('data', take);
          decoder.on('end', end);
          decoder.on('error', (error) => {
            fail(new Error(`the ${String(encoding)} body could not be decoded: ${error.message}`));
          });
        }
        received = true;
        decoder.write(chunk);
      });
      response.on('end', () => {
        if (!received) end();
        else decoder?.end();
      });
    }
    response.on('error', fail);
    response.on('close', () => {
      if (!response.complete)
        fail(new Error('the connection closed before the whole body arrived'));
    });
  });
}

/** A header's value from `rawHeaders`, without regard to case; the first wins. */
function headerOf(raw: readonly string[], name: string): string | undefined {
  for (let index = 0; index + 1 < raw.length; index += 2) {
    if (raw[index]?.toLowerCase() === name) return raw[index + 1];
  }
  return undefined;
}

function tooLarge(limit: number): WireResult {
  return {
    ok: false,
    kind: 'responseTooLarge',
    cause: `the response body is larger than the limit of ${formatBytes(limit)}`,
  };
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

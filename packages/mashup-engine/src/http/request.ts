import type {
  DataSourceRef,
  HttpHeader,
  HttpMethod,
  HttpRequest,
  HttpSecretNames,
} from './types.js';

/** The documented default of `Web.Contents`' `Timeout` option: 100 seconds. */
export const DEFAULT_TIMEOUT_MS = 100_000;

/** The parts of an {@link HttpRequest} that {@link createHttpRequest} fills in when left out. */
export interface HttpRequestInit {
  /** The absolute URL. */
  readonly url: string;
  /** Default: POST when there is a body, GET otherwise. */
  readonly method?: HttpMethod;
  /** Default: none. */
  readonly headers?: readonly HttpHeader[];
  /** Default: `null`. */
  readonly body?: Uint8Array | null;
  /** Default: {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Default: none. */
  readonly manualStatusHandling?: readonly number[];
  /** Default: `false`. */
  readonly isRetry?: boolean;
  /** Default: none. */
  readonly excludedFromCacheKey?: readonly string[];
  /** Default: no secret names (the always-secret names are redacted anyway). */
  readonly secrets?: Partial<HttpSecretNames>;
  /** Default: none. */
  readonly dataSource?: DataSourceRef;
}

/**
 * Builds a complete {@link HttpRequest} from the parts that matter, with `Web.Contents`' defaults
 * for the rest.
 *
 * @example
 * ```ts
 * const request = createHttpRequest({ url: 'https://api.example.com/items', headers: [['Accept', 'application/json']] });
 * ```
 */
export function createHttpRequest(init: HttpRequestInit): HttpRequest {
  const body = init.body ?? null;
  const request: HttpRequest = {
    method: init.method ?? (body === null ? 'GET' : 'POST'),
    url: init.url,
    headers: init.headers ?? [],
    body,
    timeoutMs: init.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    manualStatusHandling: init.manualStatusHandling ?? [],
    isRetry: init.isRetry ?? false,
    excludedFromCacheKey: init.excludedFromCacheKey ?? [],
    secrets: {
      headers: init.secrets?.headers ?? [],
      queryParameters: init.secrets?.queryParameters ?? [],
    },
  };
  return init.dataSource === undefined ? request : { ...request, dataSource: init.dataSource };
}

/** Header names the HTTP stack manages; a request may not set them. */
const MANAGED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[\r\n\0]/;
const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * Why a request cannot be sent as it is, or `undefined` when it can: an unknown method, a body on
 * a GET or HEAD, a timeout that is not a positive number of milliseconds, a header name that is not
 * an HTTP token, a header value with a line break, or a header the HTTP stack manages (`Host`,
 * `Content-Length`, `Connection`, …). The URL is checked separately. The reason never contains a
 * header's value.
 */
export function requestProblem(request: HttpRequest): string | undefined {
  const method: string = request.method;
  if (method !== 'GET' && method !== 'POST' && method !== 'HEAD') {
    return `the method ${JSON.stringify(method)} is not supported (GET, POST or HEAD)`;
  }
  if (request.body !== null && request.method !== 'POST') {
    return `a ${request.method} request cannot have a body`;
  }
  if (
    !Number.isFinite(request.timeoutMs) ||
    request.timeoutMs <= 0 ||
    request.timeoutMs > MAX_TIMEOUT_MS
  ) {
    return `the timeout ${String(request.timeoutMs)} ms is not a positive number of milliseconds within 24 days`;
  }
  for (const [name, value] of request.headers) {
    if (!TOKEN.test(name)) return `the header name ${JSON.stringify(name)} is not valid`;
    if (BAD_VALUE.test(value)) return `the value of the header ${name} contains a line break`;
    if (MANAGED_HEADERS.has(name.toLowerCase())) {
      return `the header ${name} is managed by the HTTP stack and cannot be set`;
    }
  }
  return undefined;
}

/**
 * The plain data that crosses between the evaluation side and the host side for `Web.Contents`
 * (DESIGN.md §1 and §4). Everything here is structured-clone data: no classes, no functions, and
 * binary bodies as `Uint8Array`.
 */

/**
 * The HTTP methods the host performs. `Web.Contents` makes a GET without `Content` and a POST with
 * it; HEAD is there for functions that only want the headers.
 */
export type HttpMethod = 'GET' | 'POST' | 'HEAD';

/** One header as a name and a value. Lists of headers keep their order and may repeat a name. */
export type HttpHeader = readonly [name: string, value: string];

/** The data source a request is made for, as kind and path; used in traces only. */
export interface DataSourceRef {
  /** The data source kind, such as `Web` or the connector's `DataSource.Kind`. */
  readonly kind: string;
  /** The data source path (a URL, the JSON of the required parameters, or the kind name). */
  readonly path: string;
}

/**
 * The names of the request's secrets. Their values never appear in traces, failure messages or
 * recorded fixtures, and they are never sent to another origin on a redirect. The caller lists the
 * `Authorization` header it adds for a credential, or the `ApiKeyName` query parameter.
 */
export interface HttpSecretNames {
  /** Header names (compared without regard to case). */
  readonly headers: readonly string[];
  /** Query parameter names (compared exactly, after decoding). */
  readonly queryParameters: readonly string[];
}

/** A request descriptor: what the evaluation side asks the host to perform for `Web.Contents`. */
export interface HttpRequest {
  /** GET (no `Content`), POST (with `Content`) or HEAD. */
  readonly method: HttpMethod;
  /**
   * The absolute http or https URL, with `RelativePath` and `Query` already applied (see
   * {@link buildUrl}).
   */
  readonly url: string;
  /** The request headers, in order. */
  readonly headers: readonly HttpHeader[];
  /** The request body: the `Content` of a POST; `null` for GET and HEAD. */
  readonly body: Uint8Array | null;
  /** The time limit of each attempt, in milliseconds (`Timeout`; 100 s by default). */
  readonly timeoutMs: number;
  /** The statuses returned as they are, without built-in handling (`ManualStatusHandling`). */
  readonly manualStatusHandling: readonly number[];
  /** Ignore a cached response and replace it (`IsRetry`). */
  readonly isRetry: boolean;
  /** Header names left out of the cache key (`ExcludedFromCacheKey`). */
  readonly excludedFromCacheKey: readonly string[];
  /** The names of the headers and query parameters whose values are secret. */
  readonly secrets: HttpSecretNames;
  /** The data source the request is made for, when there is one (for traces only). */
  readonly dataSource?: DataSourceRef;
}

/** Where a response came from. */
export type HttpResponseSource = 'live' | 'mock' | 'cache';

/** One attempt of a request: a wire exchange of one hop (a retry or a redirect is another one). */
export interface HttpAttempt {
  /** The URL of the attempt, with secrets redacted. */
  readonly url: string;
  /** The status of the response, when there was one. */
  readonly status?: number;
  /** Why the attempt failed, when there was no response. */
  readonly failure?: HttpFailureKind;
  /** How long the client waited before the attempt (a retry's back-off), in milliseconds. */
  readonly delayMs: number;
}

/** A performed request: what the evaluation side turns into a binary with metadata. */
export interface HttpResponse {
  /** Tells a response from an {@link HttpFailure}. */
  readonly ok: true;
  /** The status code. */
  readonly status: number;
  /** The reason phrase (may be empty with HTTP/2). */
  readonly statusText: string;
  /** The response headers, names in the case the server sent them. */
  readonly headers: readonly HttpHeader[];
  /** The final URL, after redirects (not redacted: it is data, not a message). */
  readonly url: string;
  /** The response body. */
  readonly body: Uint8Array;
  /** Every attempt, in order. Empty for a response served from the cache. */
  readonly attempts: readonly HttpAttempt[];
  /** Where the response came from. */
  readonly source: HttpResponseSource;
}

/** Why a request failed. */
export type HttpFailureKind =
  /** The connection could not be made or broke (DNS, refused, reset, TLS). */
  | 'network'
  /** An attempt took longer than {@link HttpRequest.timeoutMs}. */
  | 'timeout'
  /** Mocks are on, no fixture matches the request, and live requests are not allowed. */
  | 'mockMiss'
  /** The server answered 401 or 403 and `ManualStatusHandling` does not list it. */
  | 'credential'
  /** The server answered another error status (or a redirect without `Location`). */
  | 'status'
  /** More redirects than the limit (10). */
  | 'tooManyRedirects'
  /** The URL (or a redirect's `Location`) is not an absolute http or https URL. */
  | 'invalidUrl'
  /** The request cannot be sent as given: a bad header, a body on a GET, a bad timeout. */
  | 'invalidRequest'
  /** The response body is larger than the client's limit. */
  | 'responseTooLarge'
  /** The caller's signal aborted the request. */
  | 'cancelled';

/** The response carried by a `status` or `credential` failure, for the M error's detail. */
export interface HttpFailureResponse {
  /** The status code. */
  readonly status: number;
  /** The reason phrase. */
  readonly statusText: string;
  /** The response headers. */
  readonly headers: readonly HttpHeader[];
  /** The response body. */
  readonly body: Uint8Array;
  /** The URL that answered, with secrets redacted. */
  readonly url: string;
}

/**
 * A request that did not produce a response for the connector. It is returned, not thrown, so it
 * can cross threads; the evaluation side turns it into an M error.
 */
export interface HttpFailure {
  /** Tells a failure from an {@link HttpResponse}. */
  readonly ok: false;
  /** Why the request failed. */
  readonly kind: HttpFailureKind;
  /** One sentence naming the method, the URL (secrets redacted) and the status or cause. */
  readonly message: string;
  /** The status, for `status` and `credential` failures. */
  readonly status?: number;
  /** The URL of the request that failed, with secrets redacted. */
  readonly url: string;
  /** The response, for `status` and `credential` failures. */
  readonly response?: HttpFailureResponse;
  /** Every attempt made, in order. */
  readonly attempts: readonly HttpAttempt[];
}

/** What {@link HttpClient.send} resolves to. */
export type HttpResult = HttpResponse | HttpFailure;

/**
 * A trace event for one request (one `Web.Contents` call), given to the client's `onExchange`
 * hook when the request ends. It never contains a secret value.
 */
export interface HttpExchangeEvent {
  /** The method. */
  readonly method: HttpMethod;
  /** The requested URL, with secrets redacted. */
  readonly url: string;
  /** The final URL after redirects, with secrets redacted (the requested URL if none). */
  readonly finalUrl: string;
  /** The request headers, with secret values redacted. */
  readonly requestHeaders: readonly HttpHeader[];
  /** The final status, when a response was received. */
  readonly status?: number;
  /** Why the request failed, when it did. */
  readonly failure?: HttpFailureKind;
  /** How long the request took, in milliseconds, back-off included. */
  readonly durationMs: number;
  /** How many wire exchanges were made (0 for a cached response). */
  readonly attempts: number;
  /** How many redirects were followed. */
  readonly redirects: number;
  /** Where the final response came from, when anything was exchanged. */
  readonly source?: HttpResponseSource;
  /** The data source the request was made for. */
  readonly dataSource?: DataSourceRef;
}

/** Tells a failure from a response. */
export function isHttpFailure(result: HttpResult): result is HttpFailure {
  return !result.ok;
}

import {
  asList,
  asLogical,
  asNumber,
  asText,
  BinaryValue,
  defineFunction,
  DurationValue,
  MError,
  REASON,
  RecordValue,
  strip,
  type Context,
  type LibraryEntry,
  type Value,
} from '@pqsdk/m-evaluator';
import { dataSourcePathCovers } from '../credentials/data-source-path.js';
import type { DataSourceScope } from '../datasource/scope.js';
import type { CredentialFields } from '../evaluation/protocol.js';
import { createHttpRequest, requestProblem } from '../http/request.js';
import { headerValue } from '../http/transport.js';
import type { HttpFailure, HttpHeader, HttpRequest, HttpResponse } from '../http/types.js';
import { buildUrl, type QueryValue } from '../http/url.js';
import type { EvaluationServices } from './services.js';

/** The options `Web.Contents` accepts (query-docs `web-contents.md`, DESIGN.md §4). */
export const WEB_CONTENTS_OPTIONS = [
  'Query',
  'ApiKeyName',
  'Headers',
  'Timeout',
  'ExcludedFromCacheKey',
  'IsRetry',
  'ManualStatusHandling',
  'RelativePath',
  'Content',
  'ManualCredentials',
] as const;

/** The options `Web.Headers` accepts (query-docs `web-headers.md`): no body, no manual credentials. */
export const WEB_HEADERS_OPTIONS = WEB_CONTENTS_OPTIONS.filter(
  (name) => name !== 'Content' && name !== 'ManualCredentials',
);

type OptionName = (typeof WEB_CONTENTS_OPTIONS)[number];

/** The function whose options are read, and the names it accepts. */
interface OptionsOf {
  readonly name: 'Web.Contents' | 'Web.Headers';
  readonly accepted: readonly OptionName[];
}

const WEB_CONTENTS: OptionsOf = { name: 'Web.Contents', accepted: WEB_CONTENTS_OPTIONS };
const WEB_HEADERS: OptionsOf = { name: 'Web.Headers', accepted: WEB_HEADERS_OPTIONS };

/** The options of one call, read and checked. */
interface WebOptions {
  readonly query: [string, QueryValue][];
  readonly apiKeyName: string | undefined;
  readonly headers: HttpHeader[];
  readonly timeoutMs: number | undefined;
  readonly excludedFromCacheKey: string[];
  readonly isRetry: boolean;
  readonly manualStatusHandling: number[];
  readonly relativePath: string | undefined;
  readonly content: Uint8Array | null;
  readonly manualCredentials: boolean;
}

const TICKS_PER_MS = 10_000n;
const UTF8 = new TextEncoder();

function optionError(name: string, expected: string, of: OptionsOf = WEB_CONTENTS): MError {
  return MError.expression(`The ${of.name} option ${name} must be ${expected}.`, name);
}

function readOptions(ctx: Context, options: Value, of: OptionsOf): WebOptions {
  const record = strip(options);
  const read: {
    -readonly [Key in keyof WebOptions]: WebOptions[Key];
  } = {
    query: [],
    apiKeyName: undefined,
    headers: [],
    timeoutMs: undefined,
    excludedFromCacheKey: [],
    isRetry: false,
    manualStatusHandling: [],
    relativePath: undefined,
    content: null,
    manualCredentials: false,
  };
  if (record === null) return read;
  if (!(record instanceof RecordValue)) throw optionError('record', 'a record', of);
  record.names.forEach((name, index) => {
    if (!(of.accepted as readonly string[]).includes(name)) {
      throw MError.expression(
        `'${name}' isn't a valid ${of.name} option. Valid options are: ${of.accepted.join(', ')}.`,
        name,
      );
    }
    const value = strip(record.at(index));
    if (value === null) return;
    switch (name as OptionName) {
      case 'Query':
        read.query = queryPairs(ctx, value);
        break;
      case 'ApiKeyName':
        read.apiKeyName = textOption(name, value);
        break;
      case 'Headers':
        read.headers = headerPairs(value);
        break;
      case 'Timeout':
        if (!(value instanceof DurationValue)) throw optionError(name, 'a duration');
        read.timeoutMs = Number(value.ticks / TICKS_PER_MS);
        break;
      case 'ExcludedFromCacheKey':
        read.excludedFromCacheKey = listOf(ctx, name, value, (item) => asText(item));
        break;
      case 'IsRetry':
        read.isRetry = logicalOption(name, value);
        break;
      case 'ManualStatusHandling':
        read.manualStatusHandling = listOf(ctx, name, value, (item) => asNumber(item));
        break;
      case 'RelativePath':
        read.relativePath = textOption(name, value);
        break;
      case 'Content':
        if (value instanceof BinaryValue) read.content = value.bytes;
        else if (typeof value === 'string') read.content = UTF8.encode(value);
        else throw optionError(name, 'a binary');
        break;
      case 'ManualCredentials':
        read.manualCredentials = logicalOption(name, value);
        break;
    }
  });
  return read;
}

function textOption(name: string, value: Value): string {
  if (typeof value !== 'string') throw optionError(name, 'a text');
  return value;
}

function logicalOption(name: string, value: Value): boolean {
  if (typeof value !== 'boolean') throw optionError(name, 'a logical');
  return asLogical(value);
}

function listOf<T>(ctx: Context, name: string, value: Value, item: (value: Value) => T): T[] {
  if (typeof value !== 'object' || value === null || value.kind !== 'list') {
    throw optionError(name, 'a list');
  }
  return asList(value)
    .toArray(ctx)
    .map((entry) => item(entry));
}

function queryPairs(ctx: Context, value: Value): [string, QueryValue][] {
  if (!(value instanceof RecordValue))
    throw optionError('Query', 'a record of texts or lists of texts');
  return value.names.map((name, index): [string, QueryValue] => {
    const field = strip(value.at(index));
    if (typeof field === 'string') return [name, field];
    if (typeof field === 'object' && field !== null && field.kind === 'list') {
      return [name, listOf(ctx, 'Query', field, (item) => asText(item))];
    }
    throw optionError('Query', 'a record of texts or lists of texts');
  });
}

function headerPairs(value: Value): HttpHeader[] {
  if (!(value instanceof RecordValue)) throw optionError('Headers', 'a record of texts');
  return value.names.map((name, index): HttpHeader => {
    const field = strip(value.at(index));
    if (typeof field !== 'string') throw optionError('Headers', 'a record of texts');
    return [name, field];
  });
}

/** The credential to apply to a request: in scope, automatic, and the URL under the data source. */
function appliesTo(scope: DataSourceScope | undefined, url: string, manual: boolean): boolean {
  if (scope === undefined || manual) return false;
  if (!/^https?:\/\//i.test(scope.path)) return true;
  return dataSourcePathCovers(scope.path, url);
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * The `Authorization` header (or `ApiKeyName` query parameter) a credential adds (DESIGN.md §3,
 * powerquery-docs `handling-authentication.md`).
 */
export function credentialAuthorization(
  credential: CredentialFields,
  apiKeyName: string | undefined,
): { readonly header?: string; readonly query?: readonly [string, string] } {
  switch (credential.AuthenticationKind) {
    case 'Key': {
      const key = credential.Key ?? credential.Password ?? '';
      return apiKeyName === undefined ? { header: basic('', key) } : { query: [apiKeyName, key] };
    }
    case 'UsernamePassword':
    case 'Windows':
      return credential.Username === undefined
        ? {}
        : { header: basic(credential.Username, credential.Password ?? '') };
    case 'OAuth':
    case 'Aad':
      return credential.access_token === undefined
        ? {}
        : { header: `Bearer ${credential.access_token}` };
    default:
      return {};
  }
}

/** The URL without its query: the data source path of a plain web request. */
function withoutQuery(url: string): string {
  const question = url.indexOf('?');
  return question < 0 ? url : url.slice(0, question);
}

function failureDetail(failure: HttpFailure, scope: DataSourceScope | undefined): RecordValue {
  return RecordValue.of([
    ['DataSourceKind', scope?.kind ?? 'Web'],
    ['DataSourcePath', scope?.path ?? withoutQuery(failure.url)],
    ['Url', failure.url],
    ...(failure.status === undefined ? [] : ([['Status', failure.status]] as [string, Value][])),
  ]);
}

/** The M error for a request that failed. */
export function failureError(failure: HttpFailure, scope: DataSourceScope | undefined): MError {
  const detail = failureDetail(failure, scope);
  if (failure.kind === 'credential') {
    const source =
      scope === undefined
        ? `the Web source at ${withoutQuery(failure.url)}`
        : `the ${scope.kind} source at ${scope.path}`;
    return MError.of(
      failure.status === 403 ? 'Credential.AccessForbidden' : 'Credential.AccessDenied',
      `The credentials for ${source} were refused: ${failure.message}`,
      detail,
    );
  }
  if (failure.kind === 'status' && failure.response !== undefined) {
    const text = failure.response.statusText === '' ? '' : `: ${failure.response.statusText}`;
    return MError.of(
      REASON.dataSource,
      `Web.Contents failed to get contents from '${failure.url}' (${String(failure.status ?? failure.response.status)})${text}`,
      detail,
    );
  }
  return MError.of(REASON.dataSource, failure.message, detail);
}

/**
 * The final URL of a response without the query parameters the engine added for a credential
 * (`ApiKeyName`): the key must not reach M code through `Content.Uri`.
 */
function publicUrl(url: string, secretParameters: readonly string[]): string {
  if (secretParameters.length === 0) return url;
  const parsed = new URL(url);
  for (const name of secretParameters) parsed.searchParams.delete(name);
  return parsed.href;
}

/** One field per header, named as the server first sent it; repeated headers are joined. */
function headerFields(received: readonly HttpHeader[]): Map<string, string> {
  const headers = new Map<string, string>();
  const names = new Map<string, string>();
  for (const [name, value] of received) {
    const field = names.get(name.toLowerCase()) ?? name;
    names.set(name.toLowerCase(), field);
    const known = headers.get(field);
    headers.set(field, known === undefined ? value : `${known}, ${value}`);
  }
  return headers;
}

/** The metadata of a `Web.Contents` binary. */
function responseMetadata(response: HttpResponse, request: HttpRequest): RecordValue {
  const headers = headerFields(response.headers);
  const contentType = headerValue(response.headers, 'content-type') ?? undefined;
  const segments = new URL(response.url).pathname.split('/');
  return RecordValue.of([
    [
      'Content.Type',
      contentType === undefined ? null : (contentType.split(';')[0]?.trim() ?? null),
    ],
    ['Content.Uri', publicUrl(response.url, request.secrets.queryParameters)],
    ['Content.Name', decodeURIComponent(segments[segments.length - 1] ?? '')],
    ['Headers', RecordValue.of(headers)],
    ['Response.Status', response.status],
  ]);
}

/**
 * A binary whose bytes (and metadata) are fetched when first needed. Once fetched, or failed, it
 * stays so; the services fetch each request once per evaluation. (`File.Contents` uses it too.)
 */
export class WebBinary extends BinaryValue {
  constructor(load: () => { readonly bytes: Uint8Array; readonly meta: RecordValue }) {
    super(BinaryValue.EMPTY.bytes, null);
    let loaded: { readonly bytes: Uint8Array; readonly meta: RecordValue } | undefined;
    const get = (): { readonly bytes: Uint8Array; readonly meta: RecordValue } =>
      (loaded ??= load());
    Object.defineProperty(this, 'bytes', { get: () => get().bytes });
    Object.defineProperty(this, 'meta', { get: () => get().meta });
  }
}

/** Builds the request of a `Web.Contents` call in the current scope. */
export function webRequest(
  ctx: Context,
  services: EvaluationServices,
  url: string,
  options: Value,
  of: OptionsOf = WEB_CONTENTS,
): HttpRequest {
  const read = readOptions(ctx, options, of);
  const scope = services.scope;
  const query: [string, QueryValue][] = [...read.query];
  const headers: HttpHeader[] = [...read.headers];
  const secretHeaders: string[] = [];
  const secretQuery: string[] = [];
  const preliminary = buildUrl(url, read.relativePath, query);
  if (!preliminary.ok) throw MError.of(REASON.dataSource, preliminary.message, url);
  if (appliesTo(scope, preliminary.url, read.manualCredentials) && scope !== undefined) {
    const applied = credentialAuthorization(scope.credential, read.apiKeyName);
    if (applied.query !== undefined) {
      query.push([applied.query[0], applied.query[1]]);
      secretQuery.push(applied.query[0]);
    }
    const userAuthorization = headers.some(([name]) => name.toLowerCase() === 'authorization');
    if (applied.header !== undefined && !userAuthorization) {
      headers.push(['Authorization', applied.header]);
      secretHeaders.push('Authorization');
    }
  }
  if (read.apiKeyName !== undefined && !secretQuery.includes(read.apiKeyName)) {
    secretQuery.push(read.apiKeyName);
  }
  const built = buildUrl(url, read.relativePath, query);
  if (!built.ok) throw MError.of(REASON.dataSource, built.message, url);
  const request = createHttpRequest({
    url: built.url,
    ...(of.name === 'Web.Headers' ? { method: 'HEAD' as const } : {}),
    headers,
    body: read.content,
    ...(read.timeoutMs === undefined ? {} : { timeoutMs: read.timeoutMs }),
    manualStatusHandling: read.manualStatusHandling,
    isRetry: read.isRetry,
    excludedFromCacheKey: read.excludedFromCacheKey,
    secrets: { headers: secretHeaders, queryParameters: secretQuery },
    ...(scope === undefined ? {} : { dataSource: { kind: scope.kind, path: scope.path } }),
  });
  const problem = requestProblem(request);
  if (problem !== undefined)
    throw MError.expression(`${of.name} cannot send the request: ${problem}.`);
  return request;
}

/**
 * `Web.Headers`: the headers of a `HEAD` request as a record (fields named as the server sent
 * them), with `Response.Status` as metadata. Credentials and status handling are those of
 * `Web.Contents`.
 */
export function webHeadersFunction(services: EvaluationServices): LibraryEntry {
  return defineFunction(
    'Web.Headers',
    '(url as text, optional options as nullable record) as record',
    (ctx, [url, options]) => {
      const request = webRequest(ctx, services, url as string, options, WEB_HEADERS);
      const result = services.send(request);
      if (!result.ok) throw failureError(result, services.scope);
      return RecordValue.of(headerFields(result.headers)).withMeta(
        RecordValue.of([['Response.Status', result.status]]),
      );
    },
  );
}

/** `Web.Contents`: a lazy binary fetched through the host (DESIGN.md §3 and §4). */
export function webContentsFunction(services: EvaluationServices): LibraryEntry {
  return defineFunction(
    'Web.Contents',
    '(url as text, optional options as nullable record) as binary',
    (ctx, [url, options]) => {
      const request = webRequest(ctx, services, url as string, options);
      const scope = services.scope;
      return new WebBinary(() => {
        const result = services.send(request);
        if (!result.ok) throw failureError(result, scope);
        return { bytes: result.body, meta: responseMetadata(result, request) };
      });
    },
  );
}

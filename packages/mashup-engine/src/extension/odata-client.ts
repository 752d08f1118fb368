import { MError, REASON, RecordValue, type Context, type Value } from '@pqsdk/m-evaluator';
import type { Json } from '../evaluation/protocol.js';
import type { HttpFailure, HttpResponse } from '../http/types.js';
import { parseMetadata, type EdmModel } from './odata-metadata.js';
import { webOptionsRecord, type ODataOptions } from './odata-options.js';
import { decode } from './odata-query.js';
import type { EvaluationServices } from './services.js';
import { failureError, webRequest } from './web-contents.js';

/**
 * The requests of one `OData.Feed` call. Every request is a `Web.Contents` request
 * (`webRequest`): the same credential rules (the scope's credential only for URLs under the data
 * source), the same host call, the same once-per-evaluation response cache. On top of it come the
 * OData headers, the `Query` option, `MaxUriLength`, and OData error payloads.
 */

/** The metadata a JSON response carried. */
export interface ODataResponse {
  readonly json: Json;
  /** The URL that answered (after redirects), without the engine's secret query parameters. */
  readonly url: string;
}

const UTF8 = new TextDecoder('utf-8');

function headerOf(response: HttpResponse, name: string): string | undefined {
  return response.headers.find(([header]) => header.toLowerCase() === name)?.[1];
}

/** The `error` of an OData error payload (`{"error": {"code", "message"}}`), if the body is one. */
function odataError(body: Uint8Array): { code: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(UTF8.decode(body)) as {
      error?: { code?: unknown; message?: unknown };
    };
    const error = parsed.error;
    if (error === undefined || typeof error !== 'object') return undefined;
    const message =
      typeof error.message === 'string'
        ? error.message
        : typeof (error.message as { value?: unknown } | undefined)?.value === 'string'
          ? (error.message as { value: string }).value
          : undefined;
    if (message === undefined) return undefined;
    return { code: typeof error.code === 'string' ? error.code : '', message };
  } catch {
    return undefined;
  }
}

export class ODataClient {
  readonly #models = new Map<string, EdmModel | null>();

  constructor(
    readonly services: EvaluationServices,
    readonly options: ODataOptions,
  ) {}

  /** The URL with the `Query` option's parameters that it does not have yet. */
  withQueryOption(url: string): string {
    if (this.options.query.length === 0) return url;
    const hash = url.indexOf('#');
    const bare = hash < 0 ? url : url.slice(0, hash);
    const question = bare.indexOf('?');
    const present = new Set(
      question < 0
        ? []
        : bare
            .slice(question + 1)
            .split('&')
            .map((pair) => decode(pair.split('=')[0] ?? '')),
    );
    const added = this.options.query
      .filter(([name]) => !present.has(name))
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    if (added.length === 0) return bare;
    return `${bare}${question < 0 ? '?' : '&'}${added.join('&')}`;
  }

  #headers(accept: string): [string, string][] {
    const headers: [string, string][] = [
      ['Accept', accept],
      ['OData-MaxVersion', '4.0'],
    ];
    if (this.options.odataVersion === 4) headers.push(['OData-Version', '4.0']);
    const prefer: string[] = [];
    const annotations =
      accept === 'application/xml'
        ? (this.options.includeMetadataAnnotations ?? this.options.includeAnnotations)
        : this.options.includeAnnotations;
    if (annotations !== undefined) prefer.push(`odata.include-annotations="${annotations}"`);
    if (this.options.omitNulls && accept !== 'application/xml') prefer.push('omit-values=nulls');
    if (prefer.length > 0) headers.push(['Prefer', prefer.join(', ')]);
    return headers;
  }

  /** Sends one GET; a failure becomes the M error, with the service's message when it sent one. */
  #send(ctx: Context, url: string, accept: string): HttpResponse {
    const target = this.withQueryOption(url);
    if (target.length > this.options.maxUriLength) {
      throw MError.of(
        REASON.dataSource,
        `OData: the request URL is ${String(target.length)} characters long, more than MaxUriLength (${String(this.options.maxUriLength)})${this.options.enableBatch ? '; pqsdk does not send $batch requests' : ''}.`,
        RecordValue.of([
          ['Url', target],
          ['MaxUriLength', this.options.maxUriLength],
        ]),
      );
    }
    const request = webRequest(
      ctx,
      this.services,
      target,
      webOptionsRecord(this.options, this.#headers(accept)),
    );
    const result = this.services.send(request);
    if (result.ok) return result;
    throw this.#failure(result);
  }

  #failure(failure: HttpFailure): MError {
    const scope = this.services.scope;
    const payload =
      failure.kind === 'status' && failure.response !== undefined
        ? odataError(failure.response.body)
        : undefined;
    if (payload === undefined) return failureError(failure, scope);
    const status = failure.status ?? failure.response?.status ?? 0;
    const fields: [string, Value][] = [
      ['DataSourceKind', scope?.kind ?? 'OData'],
      ['DataSourcePath', scope?.path ?? failure.url.split('?')[0] ?? failure.url],
      ['Url', failure.url],
      ['Status', status],
      ['ODataErrorCode', payload.code],
    ];
    return MError.of(
      REASON.dataSource,
      `OData: Request failed (${String(status)}): ${payload.message}`,
      RecordValue.of(fields),
    );
  }

  /** GETs a URL and parses its JSON body. */
  getJson(ctx: Context, url: string): ODataResponse {
    const response = this.#send(ctx, url, 'application/json;odata.metadata=minimal');
    const version = headerOf(response, 'odata-version');
    if (version !== undefined && !version.trim().startsWith('4')) {
      throw MError.of(
        REASON.dataSource,
        `OData: the service answered with OData-Version ${version}; pqsdk reads OData v4 JSON only.`,
        url,
      );
    }
    const contentType = headerOf(response, 'content-type') ?? '';
    let json: Json;
    try {
      json = JSON.parse(UTF8.decode(response.body)) as Json;
    } catch {
      throw MError.of(
        REASON.dataFormat,
        `OData: the response from '${response.url}' is not JSON${contentType === '' ? '' : ` (content type ${contentType})`}; pqsdk reads OData v4 JSON only.`,
        response.url,
      );
    }
    return { json, url: response.url };
  }

  /**
   * The model of a service from its `$metadata` document, fetched once per URL. A service without
   * one (an error status, or a document that is not CSDL) has none: `null`. A credential error is
   * still raised.
   */
  model(ctx: Context, metadataUrl: string): EdmModel | null {
    if (this.#models.has(metadataUrl)) return this.#models.get(metadataUrl) ?? null;
    let model: EdmModel | null = null;
    try {
      const response = this.#send(ctx, metadataUrl, 'application/xml');
      model = parseMetadata(UTF8.decode(response.body));
    } catch (error) {
      if (!(error instanceof MError)) throw error;
      if (error.reason?.startsWith('Credential.') === true) throw error;
      model = null;
    }
    this.#models.set(metadataUrl, model);
    return model;
  }
}

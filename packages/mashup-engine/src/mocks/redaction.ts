import { REDACTED, SecretNames, rewriteQueryValues } from '../http/secrets.js';
import { headerValue, type WireRequest, type WireResponse } from '../http/transport.js';
import type { HttpHeader } from '../http/types.js';
import { encodeQueryComponent, parseQuery } from '../http/url.js';
import {
  MOCK_FORMAT_VERSION,
  type JsonValue,
  type MockFixtureJson,
  type MockRequestJson,
  type MockResponseJson,
} from './fixture-format.js';

/** Body fields that are secret wherever they occur (JSON at any depth, form fields). */
export const SECRET_BODY_FIELDS: ReadonlySet<string> = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'client_assertion',
  'password',
  'code_verifier',
]);

/** Fields that are secret in an OAuth token request (a body with `grant_type`). */
export const TOKEN_REQUEST_FIELDS: ReadonlySet<string> = new Set([
  'code',
  'assertion',
  'device_code',
  'subject_token',
  'actor_token',
]);

/** Response headers that say nothing on replay (hop-by-hop), left out of fixtures. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);

/** Secret values shorter than this are not searched for in other text (too many false hits). */
export const MIN_SCRUBBED_SECRET_LENGTH = 6;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

function isForm(headers: readonly HttpHeader[]): boolean {
  return (headerValue(headers, 'content-type') ?? '')
    .toLowerCase()
    .includes('application/x-www-form-urlencoded');
}

const FORM = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

/**
 * Whether a body without a form content type still reads as form fields (`a=1&b=2`) and has a
 * field that says it is a token request or carries a secret: such a body is redacted as a form.
 */
function looksLikeSecretForm(text: string): boolean {
  if (!FORM.test(text)) return false;
  return parseQuery(text).some(
    (pair) => pair.name === 'grant_type' || SECRET_BODY_FIELDS.has(pair.name),
  );
}

function isJsonObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Groups form pairs into a fixture's `form` object (a repeated name becomes a list). */
function formObject(
  pairs: readonly (readonly [string, string])[],
): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const existing = form[name];
    if (existing === undefined) form[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else form[name] = [existing, value];
  }
  return form;
}

/** A recorded body, redacted, before scrubbing. */
type RecordedBody =
  | {
      readonly kind: 'form';
      readonly pairs: readonly (readonly [string, string])[];
      readonly text: string;
    }
  | {
      readonly kind: 'json';
      readonly value: JsonValue;
      readonly original: JsonValue;
      readonly text: string;
    }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'base64'; readonly base64: string };

/**
 * Turns live exchanges into fixtures with their secrets taken out (`--record`). One redactor serves
 * one recording session and remembers every secret value it has seen, so a value that shows up
 * again elsewhere (echoed in a body, in a redirect's `Location`, as the bearer token of a later
 * request) is replaced there too.
 *
 * What is secret:
 * - request headers and query parameters the request lists as secret, `Authorization`,
 *   `Proxy-Authorization`, `Cookie`, `Set-Cookie`, and names that look secret (`X-API-Key`,
 *   `access_token`, `client-secret`, …; see `looksSecret`);
 * - the password of a `user:password@` URL;
 * - body fields named in {@link SECRET_BODY_FIELDS} (JSON at any depth, form-encoded), and in a
 *   token request (a body with `grant_type`) also {@link TOKEN_REQUEST_FIELDS};
 * - then, anywhere in the fixture, any text equal to a secret seen so far (at least
 *   {@link MIN_SCRUBBED_SECRET_LENGTH} characters, raw or URL-encoded).
 *
 * Each secret becomes `<redacted>`, which matches any value on replay. Binary (base64) bodies are
 * not searched.
 */
export class RecordingRedactor {
  readonly #secrets = new Set<string>();

  /** Remembers a secret value (and the parts of it that are secrets on their own). */
  #remember(value: string): void {
    const add = (text: string): void => {
      if (text.length >= MIN_SCRUBBED_SECRET_LENGTH) this.#secrets.add(text);
    };
    add(value);
    const scheme = /^(Basic|Bearer|Token|Digest|ApiKey)\s+(.+)$/i.exec(value.trim());
    if (scheme?.[1] !== undefined && scheme[2] !== undefined) {
      add(scheme[2]);
      if (scheme[1].toLowerCase() === 'basic') {
        const decoded = Buffer.from(scheme[2], 'base64').toString('utf8');
        add(decoded);
        const colon = decoded.indexOf(':');
        if (colon >= 0) add(decoded.slice(colon + 1));
      }
    }
    for (const part of value.split(';')) {
      const equals = part.indexOf('=');
      if (equals > 0) add(part.slice(equals + 1).trim());
    }
  }

  /** Replaces every remembered secret in a text, raw or URL-encoded, longest first. */
  #scrub(text: string): string {
    const secrets = [...this.#secrets].sort((a, b) => b.length - a.length);
    let result = text;
    for (const secret of secrets) {
      for (const variant of new Set([
        secret,
        encodeURIComponent(secret),
        encodeQueryComponent(secret),
      ])) {
        if (result.includes(variant)) result = result.split(variant).join(REDACTED);
      }
    }
    return result;
  }

  #scrubJson(value: JsonValue): JsonValue {
    if (typeof value === 'string') return this.#scrub(value);
    if (Array.isArray(value)) return value.map((item) => this.#scrubJson(item));
    if (isJsonObject(value)) {
      const result: Record<string, JsonValue> = {};
      for (const [key, item] of Object.entries(value)) result[key] = this.#scrubJson(item);
      return result;
    }
    return value;
  }

  /** Replaces secret fields of a JSON value (at any depth), remembering their values. */
  #redactJson(value: JsonValue, tokenFields: boolean): JsonValue {
    if (Array.isArray(value)) return value.map((item) => this.#redactJson(item, false));
    if (!isJsonObject(value)) return value;
    const result: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const secret = SECRET_BODY_FIELDS.has(key) || (tokenFields && TOKEN_REQUEST_FIELDS.has(key));
      if (secret && item !== null && typeof item !== 'object') {
        this.#remember(String(item));
        result[key] = REDACTED;
      } else {
        result[key] = this.#redactJson(item, false);
      }
    }
    return result;
  }

  #redactForm(pairs: readonly (readonly [string, string])[]): [string, string][] {
    const tokenRequest = pairs.some(([name]) => name === 'grant_type');
    return pairs.map(([name, value]) => {
      if (SECRET_BODY_FIELDS.has(name) || (tokenRequest && TOKEN_REQUEST_FIELDS.has(name))) {
        this.#remember(value);
        return [name, REDACTED];
      }
      return [name, value];
    });
  }

  /** A body as fixture fields: `form`, `json`, `text` or `base64`; redacted but not scrubbed. */
  #body(bytes: Uint8Array, headers: readonly HttpHeader[]): RecordedBody {
    const text = utf8(bytes);
    if (text === undefined)
      return { kind: 'base64', base64: Buffer.from(bytes).toString('base64') };
    if (isForm(headers) || looksLikeSecretForm(text)) {
      const pairs = parseQuery(text).map((pair): [string, string] => [pair.name, pair.value]);
      return { kind: 'form', pairs: this.#redactForm(pairs), text };
    }
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(text) as JsonValue;
    } catch {
      return { kind: 'text', text };
    }
    const tokenRequest = isJsonObject(parsed) && 'grant_type' in parsed;
    return { kind: 'json', value: this.#redactJson(parsed, tokenRequest), original: parsed, text };
  }

  /** Collects the secrets of an exchange; gives the redacted request URL and headers. */
  #redactRequestParts(
    request: WireRequest,
    names: SecretNames,
  ): { url: string; headers: HttpHeader[] } {
    const excluded = new Set(request.excludedFromCacheKey.map((name) => name.toLowerCase()));
    let url = request.url;
    try {
      const parsed = new URL(url);
      if (parsed.password !== '') {
        this.#remember(decodeURIComponent(parsed.password));
        parsed.password = 'redacted';
        url = parsed.href.replace(':redacted@', `:${REDACTED}@`);
      }
    } catch {
      // An invalid URL never reaches a transport; keep it as it is.
    }
    for (const pair of parseQuery(new URL(request.url).search.slice(1))) {
      if (names.isSecretQueryParameter(pair.name)) this.#remember(pair.value);
    }
    url = rewriteQueryValues(url, (name) =>
      names.isSecretQueryParameter(name) ? REDACTED : undefined,
    );
    const headers: HttpHeader[] = [];
    for (const [name, value] of request.headers) {
      if (excluded.has(name.toLowerCase())) continue;
      if (names.isSecretHeader(name)) {
        this.#remember(value);
        headers.push([name, REDACTED]);
      } else headers.push([name, value]);
    }
    return { url, headers };
  }

  /**
   * The fixture of one live exchange, with every secret replaced by `<redacted>`.
   *
   * @param request - The hop as it was sent.
   * @param response - What the server answered.
   */
  redact(request: WireRequest, response: WireResponse): MockFixtureJson {
    const names = new SecretNames(request.secrets);
    const { url, headers } = this.#redactRequestParts(request, names);
    const requestBody =
      request.body === null || request.body.byteLength === 0
        ? undefined
        : this.#body(request.body, request.headers);

    const responseHeaders: HttpHeader[] = [];
    for (const [name, value] of response.headers) {
      const lower = name.toLowerCase();
      if (HOP_BY_HOP.has(lower)) continue;
      if (names.isSecretHeader(lower)) {
        this.#remember(value);
        responseHeaders.push([name, REDACTED]);
      } else responseHeaders.push([name, value]);
    }
    const responseBody =
      response.body.byteLength === 0 ? undefined : this.#body(response.body, response.headers);

    // Every secret of the exchange is known now: scrub what is left.
    const requestJson: MockRequestJson = { method: request.method, url: this.#scrub(url) };
    if (headers.length > 0) {
      requestJson.headers = {};
      for (const [name, value] of headers) {
        const existing = requestJson.headers[name];
        const scrubbed = this.#scrub(value);
        requestJson.headers[name] = existing === undefined ? scrubbed : `${existing}, ${scrubbed}`;
      }
    }
    if (requestBody !== undefined) {
      switch (requestBody.kind) {
        case 'form':
          requestJson.form = formObject(
            requestBody.pairs.map(([name, value]) => [name, this.#scrub(value)]),
          );
          break;
        case 'json':
          requestJson.json = this.#scrubJson(requestBody.value);
          break;
        case 'text':
          requestJson.body = this.#scrub(requestBody.text);
          break;
        case 'base64':
          requestJson.base64 = requestBody.base64;
          break;
      }
    }

    const responseJson: MockResponseJson = { status: response.status };
    if (response.statusText !== '') responseJson.statusText = response.statusText;
    let bodyChanged = false;
    if (responseBody !== undefined) {
      switch (responseBody.kind) {
        case 'form': {
          const fields = responseBody.pairs.map(
            ([name, value]) => [name, this.#scrub(value)] as const,
          );
          const plain = parseQuery(responseBody.text);
          bodyChanged = fields.some(([, value], index) => value !== plain[index]?.value);
          responseJson.body = bodyChanged
            ? fields
                .map(([name, value]) => {
                  const encoded = value === REDACTED ? REDACTED : encodeQueryComponent(value);
                  return `${encodeQueryComponent(name)}=${encoded}`;
                })
                .join('&')
            : responseBody.text;
          break;
        }
        case 'json': {
          const scrubbed = this.#scrubJson(responseBody.value);
          const compact = JSON.stringify(scrubbed);
          bodyChanged = compact !== JSON.stringify(responseBody.original);
          // Unchanged JSON that is not written compactly stays text: a replay gives the same bytes.
          if (bodyChanged || compact === responseBody.text) responseJson.json = scrubbed;
          else responseJson.body = responseBody.text;
          break;
        }
        case 'text':
          responseJson.body = this.#scrub(responseBody.text);
          bodyChanged = responseJson.body !== responseBody.text;
          break;
        case 'base64':
          responseJson.base64 = responseBody.base64;
          break;
      }
    }
    const kept = responseHeaders.filter(([name]) => !(bodyChanged && name === 'content-length'));
    if (kept.length > 0) {
      const record: Record<string, string | string[]> = {};
      for (const [name, value] of kept) {
        const scrubbed = this.#scrub(value);
        const existing = record[name];
        if (existing === undefined) record[name] = scrubbed;
        else if (Array.isArray(existing)) existing.push(scrubbed);
        else record[name] = [existing, scrubbed];
      }
      responseJson.headers = record;
    }
    const parsedUrl = new URL(request.url);
    return {
      pqsdkMock: MOCK_FORMAT_VERSION,
      name: `${request.method} ${parsedUrl.host}${this.#scrub(parsedUrl.pathname)}`,
      request: requestJson,
      response: reorderResponse(responseJson),
    };
  }
}

/** The response fields in the documented order: status, statusText, headers, then the body. */
function reorderResponse(response: MockResponseJson): MockResponseJson {
  const ordered: MockResponseJson = {};
  if (response.status !== undefined) ordered.status = response.status;
  if (response.statusText !== undefined) ordered.statusText = response.statusText;
  if (response.headers !== undefined) ordered.headers = response.headers;
  if (response.body !== undefined) ordered.body = response.body;
  if (response.json !== undefined) ordered.json = response.json;
  if (response.base64 !== undefined) ordered.base64 = response.base64;
  return ordered;
}

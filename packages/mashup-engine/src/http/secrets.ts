import type { HttpHeader, HttpSecretNames } from './types.js';
import { decodeQueryComponent } from './url.js';

/** What a secret header value, body field or recorded query value is replaced with. */
export const REDACTED = '<redacted>';

/** What a secret query value or URL password is replaced with in messages and traces. */
export const REDACTED_IN_URL = '***';

/** Headers whose values are always secret, whatever the request says. */
const ALWAYS_SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);

/** Words that make a header or query parameter name secret when the name contains them as a word. */
const SECRET_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'auth',
  'authorization',
  'authentication',
  'cookie',
  'credential',
  'credentials',
  'signature',
  'sig',
  'session',
  'sessionid',
]);

/** Fragments that make a name secret wherever they occur in it (they are rarely part of other words). */
const SECRET_FRAGMENTS = ['token', 'secret', 'password', 'passwd', 'apikey', 'api_key', 'api-key'];

/**
 * Whether a header or query parameter name looks like it carries a secret: `Authorization`,
 * `Cookie`, or a name with one of the words `key`, `token`, `secret`, `password`, `auth` and their
 * kin (`X-API-Key`, `apiKey`, `access_token`, `client-secret`, `X-Auth-Token`, `sig`). Words are
 * split at punctuation and at lower-to-upper case changes, so `author` or `keyword` are not secret,
 * while `token`, `secret`, `password` and `apikey` count anywhere in a name.
 */
export function looksSecret(name: string): boolean {
  const lower = name.toLowerCase();
  if (ALWAYS_SECRET_HEADERS.has(lower)) return true;
  if (SECRET_FRAGMENTS.some((fragment) => lower.includes(fragment))) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word));
}

/**
 * Decides which names of one request are secret: the names the request lists, the always-secret
 * headers, and the names that {@link looksSecret}.
 */
export class SecretNames {
  readonly #headers: ReadonlySet<string>;
  readonly #queryParameters: ReadonlySet<string>;

  /** @param declared - The names the request lists as secret. */
  constructor(declared: HttpSecretNames) {
    this.#headers = new Set(declared.headers.map((name) => name.toLowerCase()));
    this.#queryParameters = new Set(declared.queryParameters);
  }

  /** Whether a header's value is secret. */
  isSecretHeader(name: string): boolean {
    return this.#headers.has(name.toLowerCase()) || looksSecret(name);
  }

  /** Whether a query parameter's value is secret. */
  isSecretQueryParameter(name: string): boolean {
    return this.#queryParameters.has(name) || looksSecret(name);
  }

  /** Whether the request itself lists a query parameter as secret. */
  isDeclaredQueryParameter(name: string): boolean {
    return this.#queryParameters.has(name);
  }

  /** Whether the request itself lists a header as secret. */
  isDeclaredHeader(name: string): boolean {
    return this.#headers.has(name.toLowerCase());
  }
}

/**
 * Rewrites the query part of a URL: `replace` gets each parameter's decoded name and returns the
 * raw text to put in place of its value, or `undefined` to keep it. Works on the raw text, so an
 * invalid URL is handled too, and the rest of the URL is kept byte for byte.
 */
export function rewriteQueryValues(
  url: string,
  replace: (name: string) => string | undefined,
): string {
  const hashAt = url.indexOf('#');
  const withoutHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const questionAt = withoutHash.indexOf('?');
  if (questionAt < 0) return url;
  const parts = withoutHash
    .slice(questionAt + 1)
    .split('&')
    .map((part) => {
      const equals = part.indexOf('=');
      const rawName = equals < 0 ? part : part.slice(0, equals);
      const replacement = replace(decodeQueryComponent(rawName));
      return replacement === undefined ? part : `${rawName}=${replacement}`;
    });
  return `${withoutHash.slice(0, questionAt + 1)}${parts.join('&')}${hash}`;
}

const USER_INFO = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#@]*)@/;

/**
 * A URL fit for a message or a trace: secret query values become `***`, and so does the password
 * of a `user:password@` part.
 */
export function redactUrl(url: string, names: SecretNames): string {
  const withoutPassword = url.replace(USER_INFO, (_match, scheme: string, userInfo: string) => {
    const colon = userInfo.indexOf(':');
    return colon < 0
      ? `${scheme}${userInfo}@`
      : `${scheme}${userInfo.slice(0, colon)}:${REDACTED_IN_URL}@`;
  });
  return rewriteQueryValues(withoutPassword, (name) =>
    names.isSecretQueryParameter(name) ? REDACTED_IN_URL : undefined,
  );
}

/** Headers fit for a trace: each secret value becomes `<redacted>`. */
export function redactHeaders(headers: readonly HttpHeader[], names: SecretNames): HttpHeader[] {
  return headers.map(([name, value]) => [name, names.isSecretHeader(name) ? REDACTED : value]);
}

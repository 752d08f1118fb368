import { SecretNames } from './secrets.js';
import { METHOD_KEEPING_REDIRECTS } from './status-handling.js';
import type { WireRequest } from './transport.js';
import type { HttpHeader } from './types.js';
import { parseHttpUrl, parseQuery, sameOrigin } from './url.js';

/** Headers that describe a body; they go when a redirect turns the request into a GET. */
const BODY_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
]);

/** What following a redirect gives: the next hop, or why it cannot be followed. */
export type RedirectOutcome =
  | { readonly ok: true; readonly request: WireRequest; readonly crossOrigin: boolean }
  | { readonly ok: false; readonly kind: 'status' | 'invalidUrl'; readonly cause: string };

/**
 * The next hop of a redirect:
 * - `Location` is resolved against the current URL; a missing one is an error (documented), and
 *   so is one that is not http or https.
 * - 307 and 308 keep the method and body. Every other redirect turns a POST into a GET without
 *   its body or body headers (documented for 300–303); a GET or HEAD stays as it is.
 * - To another origin (scheme, host or port), the secrets stay behind: `Authorization`,
 *   `Proxy-Authorization`, `Cookie`, the headers the request lists as secret or whose names look
 *   secret, and the query parameters the request lists as secret (removed from the new URL).
 *   Other query parameters of `Location` are kept, so pre-signed URLs keep working.
 */
export function followRedirect(
  current: WireRequest,
  status: number,
  location: string | null,
): RedirectOutcome {
  if (location === null || location.trim() === '') {
    return {
      ok: false,
      kind: 'status',
      cause: `a redirect (${String(status)}) without a Location header`,
    };
  }
  let resolved: string;
  try {
    resolved = new URL(location.trim(), current.url).href;
  } catch {
    return {
      ok: false,
      kind: 'invalidUrl',
      cause: `a redirect (${String(status)}) to an invalid Location`,
    };
  }
  const next = parseHttpUrl(resolved);
  const from = parseHttpUrl(current.url);
  if ('problem' in next || 'problem' in from) {
    return {
      ok: false,
      kind: 'invalidUrl',
      cause: `a redirect (${String(status)}) to a URL that is not http or https`,
    };
  }
  const keepMethod = METHOD_KEEPING_REDIRECTS.includes(status) || current.method !== 'POST';
  let headers: readonly HttpHeader[] = keepMethod
    ? current.headers
    : current.headers.filter(([name]) => !BODY_HEADERS.has(name.toLowerCase()));
  next.url.hash = '';
  const crossOrigin = !sameOrigin(from.url, next.url);
  if (crossOrigin) {
    const names = new SecretNames(current.secrets);
    headers = headers.filter(([name]) => !names.isSecretHeader(name));
    removeQueryParameters(next.url, (name) => names.isDeclaredQueryParameter(name));
  }
  return {
    ok: true,
    crossOrigin,
    request: {
      ...current,
      method: keepMethod ? current.method : 'GET',
      url: next.url.href,
      headers,
      body: keepMethod ? current.body : null,
    },
  };
}

/** Removes from `url` the query parameters whose decoded names `remove` picks. */
function removeQueryParameters(url: URL, remove: (name: string) => boolean): void {
  const kept = parseQuery(url.search.slice(1)).filter((pair) => !remove(pair.name));
  url.search =
    kept.length === 0
      ? ''
      : `?${kept.map((pair) => (pair.rawValue === null ? pair.rawName : `${pair.rawName}=${pair.rawValue}`)).join('&')}`;
}

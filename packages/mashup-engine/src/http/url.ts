/**
 * URLs for `Web.Contents`: `RelativePath` and `Query` applied to a base URL, the form encoding of
 * query values, and the parsing of query strings for redaction and mock matching.
 */

/** A `Query` value: a text, or a list of texts (the name is repeated once per item). */
export type QueryValue = string | readonly string[];

/** The `Query` option as ordered name/value pairs (M records keep their field order). */
export type QueryParameters = readonly (readonly [name: string, value: QueryValue])[];

/** The outcome of {@link buildUrl}: the URL, or why the base URL cannot be used. */
export type BuildUrlResult =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const UTF8 = new TextEncoder();

/**
 * Encodes one query name or value the way `Web.Contents` writes `Query`: UTF-8, a space as `+`,
 * and every byte outside the RFC 3986 unreserved set (`A-Z a-z 0-9 - . _ ~`) as `%XX` in upper
 * case. So `Power Query` becomes `Power+Query` and `+$` becomes `%2B%24`, as the documentation of
 * `Web.Contents` and `Uri.BuildQueryString` shows.
 */
export function encodeQueryComponent(text: string): string {
  let encoded = '';
  for (const character of text) {
    if (character === ' ') encoded += '+';
    else if (UNRESERVED.test(character)) encoded += character;
    else {
      for (const byte of UTF8.encode(character)) {
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return encoded;
}

/** Writes query parameters as `name=value&…`, a list value as one pair per item. */
export function encodeQuery(query: QueryParameters): string {
  const pairs: string[] = [];
  for (const [name, value] of query) {
    const values = typeof value === 'string' ? [value] : value;
    for (const item of values) {
      pairs.push(`${encodeQueryComponent(name)}=${encodeQueryComponent(item)}`);
    }
  }
  return pairs.join('&');
}

/**
 * Decodes one query component: `+` is a space and `%XX` a byte of UTF-8. A malformed escape is
 * kept as it is rather than refused, so any URL can be compared and redacted.
 */
export function decodeQueryComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** One parameter of a query string: the raw text of its name and value, and their decoded forms. */
export interface QueryPair {
  /** The name as written. */
  readonly rawName: string;
  /** The value as written; `null` when the parameter has no `=`. */
  readonly rawValue: string | null;
  /** The decoded name. */
  readonly name: string;
  /** The decoded value (`''` when there is no `=`). */
  readonly value: string;
}

/** Splits a query string (without its `?`) into its parameters, in order. Empty parts are skipped. */
export function parseQuery(query: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawName = equals < 0 ? part : part.slice(0, equals);
    const rawValue = equals < 0 ? null : part.slice(equals + 1);
    pairs.push({
      rawName,
      rawValue,
      name: decodeQueryComponent(rawName),
      value: rawValue === null ? '' : decodeQueryComponent(rawValue),
    });
  }
  return pairs;
}

/** Parses an absolute http or https URL, or says in a few words why it is not one. */
export function parseHttpUrl(text: string): { url: URL } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'it is not an absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      problem: `the scheme ${url.protocol.slice(0, -1)} is not supported (only http and https)`,
    };
  }
  if (url.hostname === '') return { problem: 'it has no host' };
  return { url };
}

/** Whether two URLs have the same origin: scheme, host and port. */
export function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.hostname === b.hostname && a.port === b.port;
}

/**
 * Applies `Web.Contents`' `RelativePath` and `Query` options to a base URL:
 * - `relativePath` is appended to the base URL's path with exactly one `/` between them (slashes at
 *   the end of the base path and at the start of the relative path are merged). Characters that
 *   cannot stand in a path are percent-encoded; `%XX` escapes already there are kept. A `?` in the
 *   relative path starts more query text, which follows the base URL's own query.
 * - `query` is form-encoded ({@link encodeQueryComponent}) and appended after any query the base
 *   URL already has, which is kept as it is. A list value repeats the name; an empty list adds
 *   nothing.
 * - A fragment (`#…`) is dropped: it is never sent to the server.
 *
 * @example
 * ```ts
 * buildUrl('https://api.example.com/v1/', '/items', [['q', 'Power Query'], ['tag', ['a', 'b']]]);
 * // { ok: true, url: 'https://api.example.com/v1/items?q=Power+Query&tag=a&tag=b' }
 * ```
 */
export function buildUrl(
  base: string,
  relativePath?: string | null,
  query?: QueryParameters | null,
): BuildUrlResult {
  const parsed = parseHttpUrl(base);
  if ('problem' in parsed) {
    return {
      ok: false,
      message: `The URL ${JSON.stringify(base)} cannot be used: ${parsed.problem}.`,
    };
  }
  const url = parsed.url;
  const queryParts: string[] = [];
  if (url.search.length > 1) queryParts.push(url.search.slice(1));
  if (relativePath !== undefined && relativePath !== null && relativePath !== '') {
    const question = relativePath.indexOf('?');
    const pathPart = (question < 0 ? relativePath : relativePath.slice(0, question)).replace(
      /#/g,
      '%23',
    );
    const extraQuery = question < 0 ? '' : relativePath.slice(question + 1).replace(/#/g, '%23');
    const head = url.pathname.replace(/\/+$/, '');
    const tail = pathPart.replace(/^\/+/, '');
    url.pathname = `${head}/${tail}`;
    if (extraQuery !== '') queryParts.push(extraQuery);
  }
  if (query !== undefined && query !== null) {
    const encoded = encodeQuery(query);
    if (encoded !== '') queryParts.push(encoded);
  }
  url.search = queryParts.length === 0 ? '' : `?${queryParts.join('&')}`;
  url.hash = '';
  return { ok: true, url: url.href };
}

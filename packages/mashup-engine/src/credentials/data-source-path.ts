/**
 * Data source paths as credential keys: how two spellings of one path are made equal, and when a
 * credential stored for one path covers another.
 *
 * A data source path (powerquery-docs `handling-resource-path.md`) is one of:
 * - a URL, for a data source function with a single `Uri.Type` required parameter;
 * - the JSON object of the required parameters;
 * - the data source kind itself, for a function without required parameters (a singleton).
 *
 * Only `http:` and `https:` URLs are treated as URLs here. Every other path is compared as it
 * is, except that a path holding a JSON value is compared by its compact serialization, so that
 * white space does not matter.
 */

/** A data source path taken apart for comparison. */
export type ParsedDataSourcePath =
  | {
      readonly type: 'url';
      /** The normalized path (see {@link normalizeDataSourcePath}). */
      readonly normalized: string;
      /** Scheme, user information, host and port: what must be equal for a prefix to match. */
      readonly authority: string;
      /** The URL path without trailing slashes; `''` for the root. */
      readonly pathname: string;
      /** The query with its `?`, or `''`. */
      readonly search: string;
    }
  | { readonly type: 'text'; readonly normalized: string };

/**
 * Takes a data source path apart. URLs (`http:` and `https:`) are normalized as RFC 3986
 * compares them: the scheme and host in lower case (a WHATWG URL parse, which also converts
 * international host names to punycode), the default port dropped, `.` and `..` segments
 * resolved, percent escapes in upper case, the fragment dropped, and trailing slashes removed
 * from the path (so `https://a.example/` and `https://a.example` are one path, as are
 * `https://a.example/v1/` and `https://a.example/v1`). The path and the query stay
 * case-sensitive. Other paths that hold JSON are reserialized compactly; the rest are kept as
 * they are.
 */
export function parseDataSourcePath(path: string): ParsedDataSourcePath {
  const url = parseHttpUrl(path);
  if (url !== undefined) {
    const userInfo =
      url.username === '' && url.password === ''
        ? ''
        : `${url.username}${url.password === '' ? '' : `:${url.password}`}@`;
    const authority = `${url.protocol}//${userInfo}${url.host}`;
    const pathname = upperCaseEscapes(url.pathname).replace(/\/+$/u, '');
    const search = upperCaseEscapes(url.search);
    return { type: 'url', normalized: authority + pathname + search, authority, pathname, search };
  }
  return { type: 'text', normalized: normalizeTextPath(path) };
}

/**
 * The form of a data source path that credentials are keyed by (PQTest's `NormalizedPath`). Two
 * paths name the same data source exactly when their normalized forms are equal. See
 * {@link parseDataSourcePath} for the rules.
 *
 * @example
 * ```ts
 * normalizeDataSourcePath('HTTPS://Api.Example.com:443/v1/'); // 'https://api.example.com/v1'
 * normalizeDataSourcePath('{ "server": "db1" }'); // '{"server":"db1"}'
 * ```
 */
export function normalizeDataSourcePath(path: string): string {
  return parseDataSourcePath(path).normalized;
}

/**
 * Whether a credential stored for `basePath` applies to `path`: the paths are equal once
 * normalized, or both are URLs with the same scheme, user information, host and port, `basePath`
 * has no query, and its path is `path`'s path or one of its ancestors, segment by segment
 * (`https://a.example/v1` covers `https://a.example/v1/items` but not `https://a.example/v10`).
 * This is how Power Query lets a credential be set at a URL's root or any level below it
 * (powerquery-docs `connector-authentication.md`, `handling-resource-path.md`).
 */
export function dataSourcePathCovers(basePath: string, path: string): boolean {
  return coverage(parseDataSourcePath(basePath), parseDataSourcePath(path)) !== undefined;
}

/**
 * How specifically `base` covers `target`: `Infinity` for an exact match, the length of the base
 * path for a URL prefix, and `undefined` when `base` does not cover `target`.
 */
export function coverage(
  base: ParsedDataSourcePath,
  target: ParsedDataSourcePath,
): number | undefined {
  if (base.normalized === target.normalized) return Number.POSITIVE_INFINITY;
  if (base.type !== 'url' || target.type !== 'url') return undefined;
  if (base.authority !== target.authority || base.search !== '') return undefined;
  if (base.pathname === '' || target.pathname === base.pathname) return base.pathname.length;
  return target.pathname.startsWith(`${base.pathname}/`) ? base.pathname.length : undefined;
}

function parseHttpUrl(path: string): URL | undefined {
  if (!/^https?:\/\//iu.test(path.trim())) return undefined;
  try {
    return new URL(path.trim());
  } catch {
    return undefined;
  }
}

function upperCaseEscapes(text: string): string {
  return text.replace(/%[0-9a-f]{2}/giu, (escape) => escape.toUpperCase());
}

function normalizeTextPath(path: string): string {
  const trimmed = path.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && !trimmed.startsWith('"')) return path;
  try {
    return JSON.stringify(JSON.parse(trimmed));
  } catch {
    return path;
  }
}

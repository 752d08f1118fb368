import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { ArrayList, ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { strip, type Value } from '../values/value.js';
import { asRecord, asText, typeError } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/**
 * `Uri.*`: escaping by RFC 3986, query strings, combining a base URI with a relative one, and the
 * parts of an absolute URI (parsed by the WHATWG URL parser).
 */

const HEX = '0123456789ABCDEF';

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e
  );
}

/**
 * `Uri.EscapeDataString`: every byte of the UTF-8 form outside the unreserved characters of RFC 3986
 * (`A–Z a–z 0–9 - . _ ~`) as `%XX`.
 */
export function escapeDataString(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${HEX[byte >> 4] as string}${HEX[byte & 15] as string}`;
  }
  return out;
}

/** The values of a query field: a text, or a list of texts (one `name=value` pair each). */
function queryValues(ctx: Context, name: string, value: Value): string[] {
  const plain = strip(value);
  if (typeof plain === 'string') return [plain];
  if (plain instanceof ListValue) {
    return plain.toArray(ctx).map((item) => {
      const text = strip(item);
      if (typeof text !== 'string') throw typeError(text, 'text');
      return text;
    });
  }
  throw MError.expression(
    `The value of the query field '${name}' must be a text or a list of texts.`,
    plain,
  );
}

function buildQueryString(ctx: Context, query: RecordValue): string {
  const pairs: string[] = [];
  query.names.forEach((name, index) => {
    for (const value of queryValues(ctx, name, query.at(index))) {
      pairs.push(`${escapeDataString(name)}=${escapeDataString(value)}`);
    }
  });
  return pairs.join('&');
}

function parseUrl(text: string, base?: string): URL {
  try {
    return new URL(text, base);
  } catch {
    throw MError.expression(
      base === undefined
        ? `The text '${text}' is not an absolute URI.`
        : `The URIs '${base}' and '${text}' cannot be combined.`,
      text,
    );
  }
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  http: 80,
  https: 443,
  ftp: 21,
  ws: 80,
  wss: 443,
};

/** The query of a URI as a record: a field per name, a list where a name repeats. */
function queryRecord(search: string): RecordValue {
  const names: string[] = [];
  const values = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(search)) {
    const existing = values.get(name);
    if (existing === undefined) {
      names.push(name);
      values.set(name, [value]);
    } else {
      existing.push(value);
    }
  }
  return RecordValue.of(
    names.map((name) => {
      const list = values.get(name) ?? [];
      return [name, list.length === 1 ? (list[0] as string) : ArrayList.of(list)];
    }),
  );
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `Uri.Parts`: a URI without a scheme is taken as `http://`. */
function uriParts(text: string): RecordValue {
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
  const url = parseUrl(absolute);
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const port = url.port === '' ? (DEFAULT_PORTS[scheme] ?? -1) : Number(url.port);
  return RecordValue.of([
    ['Scheme', scheme],
    ['Host', url.hostname],
    ['Port', port],
    ['Path', url.pathname === '' ? '/' : url.pathname],
    ['Query', queryRecord(url.search)],
    ['Fragment', url.hash.replace(/^#/, '')],
    ['UserName', decode(url.username)],
    ['Password', decode(url.password)],
  ]);
}

/** The Uri namespace. */
export const URI_LIBRARY: readonly LibraryEntry[] = [
  defineFunction('Uri.EscapeDataString', '(data as text) as text', (_ctx, [data]) =>
    escapeDataString(asText(data)),
  ),
  defineFunction('Uri.BuildQueryString', '(query as record) as text', (ctx, [query]) =>
    buildQueryString(ctx, asRecord(query)),
  ),
  defineFunction(
    'Uri.Combine',
    '(baseUri as text, relativeUri as text) as text',
    (_ctx, [baseUri, relativeUri]) => {
      const base = asText(baseUri);
      parseUrl(base);
      return parseUrl(asText(relativeUri), base).href;
    },
  ),
  defineFunction('Uri.Parts', '(absoluteUri as text) as record', (_ctx, [absoluteUri]) =>
    uriParts(asText(absoluteUri)),
  ),
];

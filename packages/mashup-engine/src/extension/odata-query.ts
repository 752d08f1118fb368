/**
 * The URL of an OData collection request as the parts that folding changes: the system query
 * options `$filter`, `$orderby`, `$select`, `$skip`, `$top` and `$count` (OData v4 URL
 * conventions §5), and everything else kept as it was written.
 */
export interface ODataQuery {
  /** The URL without its query and fragment. */
  readonly base: string;
  /** The other query parameters, as written (`name=value`, still percent-encoded). */
  readonly other: readonly string[];
  readonly filter?: string;
  readonly orderby?: string;
  readonly select?: readonly string[];
  readonly skip?: number;
  readonly top?: number;
  readonly count?: boolean;
}

/** `relative` resolved against `base`, or undefined when it is no URL. */
export function resolveUrl(relative: string, base: string): string | undefined {
  try {
    return new URL(relative, base).href;
  } catch {
    return undefined;
  }
}

/** Percent-decoding that leaves malformed escapes as they are. */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function whole(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Reads a URL into an {@link ODataQuery}; system options it cannot read stay in `other`. */
export function parseODataQuery(url: string): ODataQuery {
  const hash = url.indexOf('#');
  const bare = hash < 0 ? url : url.slice(0, hash);
  const question = bare.indexOf('?');
  const base = question < 0 ? bare : bare.slice(0, question);
  const query: { -readonly [Key in keyof ODataQuery]: ODataQuery[Key] } = { base, other: [] };
  const other: string[] = [];
  if (question >= 0) {
    for (const pair of bare.slice(question + 1).split('&')) {
      if (pair === '') continue;
      const equals = pair.indexOf('=');
      const name = decode(equals < 0 ? pair : pair.slice(0, equals));
      const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
      switch (name) {
        case '$filter':
          query.filter = value;
          break;
        case '$orderby':
          query.orderby = value;
          break;
        case '$select':
          query.select = value
            .split(',')
            .map((column) => column.trim())
            .filter((column) => column !== '');
          break;
        case '$skip':
        case '$top': {
          const number = whole(value);
          if (number === undefined) other.push(pair);
          else if (name === '$skip') query.skip = number;
          else query.top = number;
          break;
        }
        case '$count':
          query.count = value.toLowerCase() === 'true';
          break;
        default:
          other.push(pair);
      }
    }
  }
  query.other = other;
  return query;
}

function encode(text: string): string {
  return encodeURIComponent(text);
}

/** Writes an {@link ODataQuery} back into a URL (system options after the others). */
export function odataQueryUrl(query: ODataQuery): string {
  const parts = [...query.other];
  if (query.filter !== undefined) parts.push(`$filter=${encode(query.filter)}`);
  if (query.orderby !== undefined) parts.push(`$orderby=${encode(query.orderby)}`);
  if (query.select !== undefined) parts.push(`$select=${encode(query.select.join(','))}`);
  if (query.skip !== undefined && query.skip > 0) parts.push(`$skip=${String(query.skip)}`);
  if (query.top !== undefined) parts.push(`$top=${String(query.top)}`);
  if (query.count === true) parts.push('$count=true');
  return parts.length === 0 ? query.base : `${query.base}?${parts.join('&')}`;
}

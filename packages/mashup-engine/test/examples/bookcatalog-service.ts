/**
 * A stand-in for the Book Catalog REST API v2 (examples/RestApi), for tests: JSON on 127.0.0.1,
 * the `X-Api-Key` header checked on every request, cursor paging
 * (`{ "items", "next_cursor", "total" }`), `lang` and `include=out_of_print`, search, genres, and
 * a second server (`CDN_ROOT`) that the publishers list redirects to, so that tests can check that
 * the key never leaves the API host. The catalogue's size is an option (the 100,000-row run).
 */
import { startServer, type ReceivedRequest } from '../helpers.js';

/** The public API root of the example connector. */
export const BOOKCATALOG_ROOT = 'https://api.bookcatalog.example/v2/';

/** The public root of the static mirror the publishers list is served from. */
export const CDN_ROOT = 'https://static.bookcatalog-cdn.example/v2/';

/** The largest page the service gives (the example connector asks for 100). */
const MAX_LIMIT = 1000;

type Json = null | boolean | number | string | Json[] | { [name: string]: Json };

/** Options of the stand-in. */
export interface BookCatalogServiceOptions {
  /** The key requests must carry in `X-Api-Key`. */
  readonly key: string;
  /** How many books. Default 250. */
  readonly books?: number;
  /** Answer the first request of these paths (`authors`) with 429 once. */
  readonly throttleOnce?: readonly string[];
}

/** A running stand-in: the API and the mirror. */
export interface BookCatalogService {
  /** The loopback origin of the API. */
  readonly origin: string;
  /** The loopback origin of the mirror. */
  readonly cdnOrigin: string;
  /** Every request the API received. */
  readonly requests: ReceivedRequest[];
  /** Every request the mirror received. */
  readonly cdnRequests: ReceivedRequest[];
  /** The API requests' paths (after `/v2/`) and queries. */
  paths(): string[];
  close(): Promise<void>;
}

const TITLES = [
  'A Wizard of Earthsea',
  'The Tombs of Atuan',
  'The Farthest Shore',
  'Tehanu',
  'Dune',
];
const AUTHORS = [
  {
    id: 'a1',
    display_name: 'Ursula K. Le Guin',
    born: '1929-10-21',
    died: '2018-01-22',
    country: 'US',
  },
  {
    id: 'a2',
    display_name: 'Frank Herbert',
    born: '1920-10-08',
    died: '1986-02-11',
    country: 'US',
  },
  {
    id: 'a3',
    display_name: 'Octavia E. Butler',
    born: '1947-06-22',
    died: '2006-02-24',
    country: 'US',
  },
];
const GENRES = [
  { id: 'fantasy', name: 'Fantasy', parent: null },
  { id: 'sf', name: 'Science fiction', parent: null },
  { id: 'space opera', name: 'Space opera', parent: 'sf' },
];

function book(index: number): { [name: string]: Json } {
  const author = AUTHORS[index % AUTHORS.length] ?? AUTHORS[0];
  const title = index < TITLES.length ? (TITLES[index] ?? '') : `Volume ${String(index + 1)}`;
  const item: { [name: string]: Json } = {
    id: `b${String(index + 1).padStart(6, '0')}`,
    title,
    isbn13: index % 7 === 0 ? null : `978${String(1_000_000_000 + index)}`,
    author: { id: author?.id ?? '', name: author?.display_name ?? '' },
    published_on:
      index % 11 === 0
        ? null
        : `19${String(60 + (index % 40))}-0${String(1 + (index % 9))}-1${String(index % 10)}`,
    page_count: 100 + (index % 400),
    average_rating: index % 5 === 0 ? null : 3 + (index % 20) / 10,
    tags: index % 2 === 0 ? ['fantasy'] : ['sf', 'classic'],
    out_of_print: index % 13 === 12,
  };
  if (index % 3 !== 0) item['list_price'] = { amount: 5 + (index % 30) + 0.99, currency: 'USD' };
  return item;
}

function cursorOf(offset: number): string {
  return Buffer.from(`offset:${String(offset)}`).toString('base64url');
}

function offsetOf(cursor: string | null): number {
  if (cursor === null) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match === null ? -1 : Number(match[1]);
}

function json(
  body: Json,
  status = 200,
  headers: Record<string, string> = {},
): {
  status: number;
  headers: Record<string, string>;
  body: string;
} {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

function problem(status: number, code: string, message: string): ReturnType<typeof json> {
  return json({ error: { code, message } }, status);
}

/** One page of `items` for the query parameters `limit` and `cursor`. */
function page(items: readonly Json[], query: URLSearchParams): ReturnType<typeof json> {
  const limit = Math.min(Number(query.get('limit') ?? 100), MAX_LIMIT);
  const offset = offsetOf(query.get('cursor'));
  if (offset < 0 || !Number.isInteger(limit) || limit <= 0) {
    return problem(400, 'bad_request', 'The cursor or the limit is not valid.');
  }
  const next = offset + limit < items.length ? cursorOf(offset + limit) : null;
  return json({
    items: items.slice(offset, offset + limit),
    next_cursor: next,
    total: items.length,
  });
}

/** Starts the API and the mirror. */
export async function startBookCatalogService(
  options: BookCatalogServiceOptions,
): Promise<BookCatalogService> {
  const count = options.books ?? 250;
  const books = Array.from({ length: count }, (_, index) => book(index));
  const throttled = new Set(options.throttleOnce ?? []);
  const visible = (query: URLSearchParams): { [name: string]: Json }[] =>
    query.get('include') === 'out_of_print'
      ? books
      : books.filter((item) => item['out_of_print'] !== true);
  const publishers: Json[] = [
    { id: 'p1', name: 'Ace Books', founded: 1952, url: 'https://ace.example' },
    { id: 'p2', name: 'Atheneum', founded: 1959, url: null },
    { id: 'p3', name: 'Parnassus', founded: null, url: 'https://parnassus.example' },
  ];

  const cdn = await startServer((request) => {
    const url = new URL(request.url, CDN_ROOT);
    if (url.pathname === '/v2/publishers') return page(publishers, url.searchParams);
    return problem(404, 'not_found', 'No such file on the mirror.');
  });

  const api = await startServer((request) => {
    if (request.headers['x-api-key'] !== options.key) {
      return problem(401, 'unauthorized', 'A valid X-Api-Key header is required.');
    }
    const url = new URL(request.url, BOOKCATALOG_ROOT);
    const path = decodeURIComponent(url.pathname.replace(/^\/v2\//, ''));
    const query = url.searchParams;
    if (throttled.delete(path)) {
      return {
        ...problem(429, 'throttled', 'Slow down.'),
        headers: { 'content-type': 'application/json', 'retry-after': '1' },
      };
    }
    if (path === 'books') return page(visible(query), query);
    if (path === 'authors') {
      return page(
        AUTHORS.map((author) => ({
          ...author,
          book_count: books.filter((item) => (item['author'] as { id: string }).id === author.id)
            .length,
        })),
        query,
      );
    }
    if (path === 'publishers') {
      return { status: 302, headers: { location: `${CDN_ROOT}publishers${url.search}` }, body: '' };
    }
    if (path === 'genres') return json(GENRES);
    const genre = /^genres\/([^/]+)\/books$/.exec(path);
    if (genre !== null) {
      const id = genre[1] ?? '';
      if (!GENRES.some((candidate) => candidate.id === id)) {
        return problem(404, 'not_found', `No genre ${id}.`);
      }
      const tag = id === 'fantasy' ? 'fantasy' : 'sf';
      return page(
        visible(query).filter((item) => (item['tags'] as string[]).includes(tag)),
        query,
      );
    }
    if (path === 'search/books') {
      const term = (query.get('q') ?? '').toLowerCase();
      const found = visible(query).filter(
        (item) =>
          (item['title'] as string).toLowerCase().includes(term) ||
          (item['author'] as { name: string }).name.toLowerCase().includes(term),
      );
      return page(found, query);
    }
    return problem(404, 'not_found', `No endpoint ${path}.`);
  });

  return {
    origin: api.url,
    cdnOrigin: cdn.url,
    requests: api.requests,
    cdnRequests: cdn.requests,
    paths: () =>
      api.requests.map((request) => decodeURIComponent(request.url.replace(/^\/v2\//, ''))),
    close: async () => {
      await Promise.all([api.close(), cdn.close()]);
    },
  };
}

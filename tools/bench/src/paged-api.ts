/**
 * The paged JSON API of `bench:engine`: a catalogue of books served by `node:http` on 127.0.0.1
 * (an ephemeral port), a page at a time, with a cursor. Every page is rendered once, before the
 * server starts, so that serving one costs little more than writing its bytes.
 *
 *   GET /books?limit=1000[&cursor=<next_cursor of the previous page>]
 *   X-Api-Key: <key>
 *   → 200 { "items": [{ "id", "title", "author", "page_count", "published" }, …], "next_cursor": "…" | null }
 *
 * A request without the key gets 401, a wrong path 404, a limit other than the page size or an
 * unknown cursor 400.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One book, as the API sends it. */
export interface Book {
  readonly id: number;
  readonly title: string;
  readonly author: string;
  readonly page_count: number;
  readonly published: string;
}

/** The shape of the catalogue. */
export interface PagedApiOptions {
  /** How many books in all. */
  readonly rows: number;
  /** How many books a page holds. */
  readonly pageSize: number;
  /** The value the `X-Api-Key` header must have. */
  readonly key: string;
}

/** A running API. */
export interface PagedApi {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly origin: string;
  /** How many pages the catalogue has. */
  readonly pages: number;
  /** The bytes of every page together. */
  readonly bytes: number;
  /** How many requests were answered 200 so far. */
  readonly served: number;
  /** How many requests were refused (401, 404 or 400) so far. */
  readonly refused: number;
  /** Stops the server. */
  close(): Promise<void>;
}

const AUTHORS = ['Ada Byron', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'];

/** Book number `n` (1-based): the same book for the same number, always. */
export function book(n: number): Book {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  return {
    id: n,
    title: `Book ${String(n)}`,
    author: AUTHORS[n % AUTHORS.length] ?? '',
    page_count: 100 + (n % 400),
    published: `${String(1950 + (n % 70))}-${month}-${day}`,
  };
}

/** The sum of `page_count` over books 1 to `rows`, computed without the books. */
export function pageCountSum(rows: number): number {
  let sum = 0;
  for (let n = 1; n <= rows; n++) sum += 100 + (n % 400);
  return sum;
}

/** The opaque cursor that asks for page `index` (0-based). */
export function cursorFor(index: number): string {
  return Buffer.from(`page:${String(index)}`).toString('base64url');
}

/** The body of page `index` (0-based), as the server sends it. */
export function renderPage(index: number, options: PagedApiOptions): Buffer {
  const pages = Math.ceil(options.rows / options.pageSize);
  const first = index * options.pageSize + 1;
  const last = Math.min(options.rows, first + options.pageSize - 1);
  const items: Book[] = [];
  for (let n = first; n <= last; n++) items.push(book(n));
  const next = index + 1 < pages ? cursorFor(index + 1) : null;
  return Buffer.from(JSON.stringify({ items, next_cursor: next }));
}

/** Starts the API on 127.0.0.1, on a port the system chooses. */
export async function startPagedApi(options: PagedApiOptions): Promise<PagedApi> {
  const pages = Math.ceil(options.rows / options.pageSize);
  const bodies: Buffer[] = [];
  const byCursor = new Map<string, Buffer>();
  for (let index = 0; index < pages; index++) {
    const body = renderPage(index, options);
    bodies.push(body);
    byCursor.set(cursorFor(index), body);
  }
  const limit = String(options.pageSize);
  let served = 0;
  let refused = 0;

  const refuse = (response: ServerResponse, status: number, message: string): void => {
    refused++;
    const body = JSON.stringify({ error: message });
    response.writeHead(status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
    });
    response.end(body);
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' || url.pathname !== '/books') {
      refuse(response, 404, `no such resource: ${request.method ?? ''} ${url.pathname}`);
      return;
    }
    if (request.headers['x-api-key'] !== options.key) {
      refused++;
      response.writeHead(401, { 'WWW-Authenticate': 'ApiKey', 'Content-Length': 0 });
      response.end();
      return;
    }
    if ((url.searchParams.get('limit') ?? limit) !== limit) {
      refuse(response, 400, `limit must be ${limit}`);
      return;
    }
    const cursor = url.searchParams.get('cursor');
    const body = cursor === null ? bodies[0] : byCursor.get(cursor);
    if (body === undefined) {
      refuse(response, 400, `unknown cursor: ${cursor ?? ''}`);
      return;
    }
    served++;
    response.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': body.byteLength,
    });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    pages,
    bytes: bodies.reduce((total, body) => total + body.byteLength, 0),
    get served() {
      return served;
    },
    get refused() {
      return refused;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

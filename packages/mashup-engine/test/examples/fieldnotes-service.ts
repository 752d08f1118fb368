/**
 * A stand-in for the (fictional) Fieldnotes service of `examples/OAuthPkce`, for tests: the
 * authorization server (`startOAuthServer`, a real OAuth 2 server), the API and the attachment
 * store, each on 127.0.0.1 with an ephemeral port. The API and the store answer only requests
 * with a valid `Authorization: Bearer <access token>` of that authorization server.
 *
 * The API pages with `links.next` (full URLs), two items a page at most.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort, startOAuthServer, type TestOAuthServer } from '../oauth/oauth-server.js';

/** The client id `Fieldnotes.pq` was registered with. */
export const FIELDNOTES_CLIENT_ID = 'pqsdk-fieldnotes-desktop';

/** The most items the API puts in one page. */
const MAX_PAGE_SIZE = 2;

interface Entry {
  readonly id: string;
  readonly title: string | null;
  readonly body?: string;
  readonly location?: { readonly lat: number; readonly lon: number };
  readonly tags?: readonly string[];
  readonly created_at: string;
  readonly modified_at: string;
  readonly attachments?: readonly {
    readonly file_name: string;
    readonly media_type: string;
    readonly size: number;
    readonly key: string;
  }[];
}

const NOTEBOOKS = [
  { id: 'nb-1', title: 'Field season 2024', archived: false },
  { id: 'nb-2', title: 'Birds of the estuary', archived: false },
  { id: 'nb-3', title: 'Soil samples', archived: false },
  { id: 'nb-0', title: 'Old notes', archived: true },
] as const;

/** The attachment store's files, by key. */
export const BLOBS: Readonly<Record<string, string>> = {
  'k-1': 'sketch of the north transect',
  'k-2': 'tide table, March',
};

const ENTRIES: Readonly<Record<string, readonly Entry[]>> = {
  'nb-1': [
    {
      id: 'e-1',
      title: 'Arrival',
      body: 'Set up camp by the river.',
      location: { lat: 61.2, lon: -149.9 },
      tags: ['camp'],
      created_at: '2024-02-28T08:00:00Z',
      modified_at: '2024-03-01T09:30:00Z',
    },
    {
      id: 'e-2',
      title: null,
      created_at: '2023-11-30T12:00:00Z',
      modified_at: '2023-12-01T12:00:00Z',
    },
    {
      id: 'e-3',
      title: 'Transect walk',
      body: 'Counted 14 nests.',
      tags: ['birds', 'transect'],
      created_at: '2024-01-20T07:15:00+01:00',
      modified_at: '2024-02-01T10:00:00Z',
      attachments: [
        { file_name: 'sketch.txt', media_type: 'text/plain', size: 28, key: 'k-1' },
        { file_name: 'tides.txt', media_type: 'text/plain', size: 17, key: 'k-2' },
      ],
    },
  ],
  'nb-2': [],
  'nb-3': [],
};

/** A request the API or the attachment store received. */
export interface ServiceRequest {
  readonly host: 'api' | 'files';
  readonly path: string;
  readonly authorization: string | undefined;
  readonly status: number;
}

/** The running Fieldnotes stand-in. */
export interface FieldnotesService {
  readonly oauth: TestOAuthServer;
  /** `http://127.0.0.1:<port>/`. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:<port>/`. */
  readonly filesUrl: string;
  /** The loopback redirect URI registered for the connector. */
  readonly loopbackRedirectUri: string;
  /** The production redirect URI, also registered (for the paste flow). */
  readonly webRedirectUri: string;
  /** Every API and attachment request, in order. */
  readonly requests: ServiceRequest[];
  /** The `environmentConfiguration` that points `Fieldnotes.pq` at this service. */
  environment(redirectUri?: string): { readonly [name: string]: string };
  close(): Promise<void>;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** One page of `items` and the URL of the next, as the API writes it. */
function page<T>(
  items: readonly T[],
  url: URL,
): { data: readonly T[]; links: { next: string | null } } {
  const size = Math.min(Number(url.searchParams.get('page_size') ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
  const cursor = Number(url.searchParams.get('cursor') ?? 0);
  const data = items.slice(cursor, cursor + size);
  let next: string | null = null;
  if (cursor + size < items.length) {
    const nextUrl = new URL(url.href);
    nextUrl.searchParams.set('cursor', String(cursor + size));
    next = nextUrl.href;
  }
  return { data, links: { next } };
}

function apiAnswer(url: URL, response: ServerResponse): number {
  if (url.pathname === '/v1/notebooks') {
    const archived = url.searchParams.get('archived') === 'include';
    const notebooks = NOTEBOOKS.filter((notebook) => archived || !notebook.archived);
    json(response, 200, page(notebooks, url));
    return 200;
  }
  const match = /^\/v1\/notebooks\/([^/]+)\/entries$/u.exec(url.pathname);
  const entries = match?.[1] === undefined ? undefined : ENTRIES[decodeURIComponent(match[1])];
  if (entries === undefined) {
    json(response, 404, { error: 'not_found' });
    return 404;
  }
  const since = url.searchParams.get('modified_since');
  const selected = entries
    .filter((entry) => since === null || Date.parse(entry.modified_at) >= Date.parse(since))
    .sort((a, b) => Date.parse(b.modified_at) - Date.parse(a.modified_at));
  json(response, 200, page(selected, url));
  return 200;
}

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Starts the authorization server, the API and the attachment store. */
export async function startFieldnotesService(): Promise<FieldnotesService> {
  const port = await freePort();
  const loopbackRedirectUri = `http://127.0.0.1:${String(port)}/fieldnotes/callback`;
  const webRedirectUri = 'https://oauth.powerbi.com/views/oauthredirect.html';
  const oauth = await startOAuthServer({
    clientId: FIELDNOTES_CLIENT_ID,
    redirectUris: [loopbackRedirectUri, webRedirectUri],
  });
  const requests: ServiceRequest[] = [];
  const guarded =
    (host: ServiceRequest['host'], answer: (url: URL, response: ServerResponse) => number) =>
    async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const authorization = request.headers.authorization;
      let status: number;
      if (!(await oauth.authenticate(authorization))) {
        response.writeHead(401, {
          'www-authenticate': 'Bearer realm="fieldnotes", error="invalid_token"',
          'content-type': 'application/json',
        });
        response.end('{"error":"invalid_token"}');
        status = 401;
      } else {
        status = answer(url, response);
      }
      requests.push({ host, path: url.pathname + url.search, authorization, status });
    };
  const api = await listen(guarded('api', apiAnswer));
  const files = await listen(
    guarded('files', (url, response) => {
      const key = /^\/v1\/blobs\/([^/]+)$/u.exec(url.pathname)?.[1];
      const blob = key === undefined ? undefined : BLOBS[decodeURIComponent(key)];
      if (blob === undefined) {
        json(response, 404, { error: 'not_found' });
        return 404;
      }
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(blob);
      return 200;
    }),
  );
  return {
    oauth,
    apiUrl: api.url,
    filesUrl: files.url,
    loopbackRedirectUri,
    webRedirectUri,
    requests,
    environment: (redirectUri = loopbackRedirectUri) => ({
      'Fieldnotes.AuthorizeUrl': oauth.authorizeUrl,
      'Fieldnotes.TokenUrl': oauth.tokenUrl,
      'Fieldnotes.LogoutUrl': oauth.logoutUrl,
      'Fieldnotes.ApiUrl': api.url,
      'Fieldnotes.FilesUrl': files.url,
      'Fieldnotes.RedirectUri': redirectUri,
    }),
    close: async () => {
      await Promise.all([oauth.close(), api.close(), files.close()]);
    },
  };
}

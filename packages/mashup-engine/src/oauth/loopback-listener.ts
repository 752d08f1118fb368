/**
 * Catching an OAuth redirect on a loopback address (host side): when a connector's `CallbackUri`
 * is `http://127.0.0.1:PORT/…`, `http://localhost:PORT/…` or `http://[::1]:PORT/…`, a small HTTP
 * server listens there and takes the first request to that path as the callback (RFC 8252 §7.3,
 * "Loopback Interface Redirection").
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { OAuthError } from './errors.js';

/** Where a loopback callback is received. */
export interface LoopbackTarget {
  /** The host names to listen on: `127.0.0.1`, `::1`, or both for `localhost`. */
  readonly hosts: readonly string[];
  readonly port: number;
  /** The callback's path, as it must be requested. */
  readonly path: string;
  /** The origin the callback URL is rebuilt with (`http://localhost:8080`). */
  readonly origin: string;
}

/**
 * The loopback target of a callback URI, or `undefined` when it is not a plain-HTTP loopback
 * address (then the user pastes the callback URL instead).
 */
export function loopbackTarget(callbackUri: string): LoopbackTarget | undefined {
  let url: URL;
  try {
    url = new URL(callbackUri);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:') return undefined;
  const hostname = url.hostname.toLowerCase();
  const hosts =
    hostname === '127.0.0.1'
      ? ['127.0.0.1']
      : hostname === '[::1]'
        ? ['::1']
        : hostname === 'localhost'
          ? ['127.0.0.1', '::1']
          : undefined;
  if (hosts === undefined) return undefined;
  const port = url.port === '' ? 80 : Number(url.port);
  return { hosts, port, path: url.pathname, origin: url.origin };
}

/** What the browser is told once the callback has arrived. */
export type CallbackPage = 'signedIn' | 'refused' | 'mismatch';

/** Options of {@link listenForCallback}. */
export interface ListenForCallbackOptions {
  /**
   * Which page to show the browser for a callback URL (default: signed in, or refused when the
   * callback carries an `error`).
   */
  readonly page?: (callbackUrl: string) => CallbackPage;
  /** Gives up after this many milliseconds with `PQSDK_OAUTH_TIMEOUT`. Default: 5 minutes. */
  readonly timeoutMs?: number;
  /** Gives up when aborted, with `PQSDK_OAUTH_CANCELLED`. */
  readonly signal?: AbortSignal;
}

/** A listener waiting for one callback. */
export interface CallbackListener {
  /** The callback URL, once the browser has been sent to it. */
  readonly callback: Promise<string>;
  /** Stops listening (the callback promise rejects with `PQSDK_OAUTH_CANCELLED` if pending). */
  close(): Promise<void>;
}

/** The default time to wait for the user to sign in. */
export const DEFAULT_LOGIN_TIMEOUT_MS = 5 * 60_000;

const PAGES: Readonly<Record<CallbackPage, { readonly title: string; readonly text: string }>> = {
  signedIn: {
    title: 'Signed in',
    text: 'You are signed in. You can close this window and return to pqsdk.',
  },
  refused: {
    title: 'Sign-in refused',
    text: 'The sign-in did not complete. You can close this window; pqsdk shows what happened.',
  },
  mismatch: {
    title: 'Sign-in not recognized',
    text: 'This response does not belong to the sign-in pqsdk started. Close this window and sign in again.',
  },
};

function defaultPage(callbackUrl: string): CallbackPage {
  return new URL(callbackUrl).searchParams.has('error') ? 'refused' : 'signedIn';
}

function answer(response: ServerResponse, status: number, page: CallbackPage | undefined): void {
  const { title, text } =
    page === undefined ? { title: 'Not found', text: 'Nothing here.' } : PAGES[page];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // The callback URL holds the authorization code: no page may be sent it as a referrer.
    'Referrer-Policy': 'no-referrer',
    Connection: 'close',
  });
  response.end(html);
}

async function listen(server: Server, port: number, host: string): Promise<void> {
  server.listen({ port, host, exclusive: true });
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => {
      throw error instanceof Error ? error : new Error(String(error));
    }),
  ]);
}

/**
 * Listens on a loopback callback address for the browser's redirect. The first `GET` of the
 * callback path resolves {@link CallbackListener.callback} with the full callback URL and is
 * answered with a small page saying the window can be closed; other paths get 404, other
 * methods 405. The listener then stops.
 *
 * @throws {@link OAuthError} `PQSDK_OAUTH_LOOPBACK_FAILED` when it cannot listen there (the port
 * is taken, for one). For `localhost` it listens on 127.0.0.1 and, when the machine has it, ::1.
 */
export async function listenForCallback(
  target: LoopbackTarget,
  options: ListenForCallbackOptions = {},
): Promise<CallbackListener> {
  const page = options.page ?? defaultPage;
  let settle: { resolve(url: string): void; reject(error: Error): void } | undefined;
  const callback = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  callback.catch(() => undefined);
  const servers: Server[] = [];
  let done = false;
  const timers: { limit?: NodeJS.Timeout } = {};

  const close = async (): Promise<void> => {
    clearTimeout(timers.limit);
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(
      servers.map(async (server) => {
        if (!server.listening) return;
        const closed = once(server, 'close');
        server.close();
        server.closeIdleConnections();
        // A browser that keeps a connection open gets a second to take its page first.
        const grace = setTimeout(() => {
          server.closeAllConnections();
        }, 1000);
        await closed;
        clearTimeout(grace);
      }),
    );
  };
  const finish = (outcome: { url: string } | { error: OAuthError }): void => {
    if (done) return;
    done = true;
    if ('url' in outcome) settle?.resolve(outcome.url);
    else settle?.reject(outcome.error);
    setImmediate(() => void close());
  };
  const onAbort = (): void => {
    finish({ error: new OAuthError('PQSDK_OAUTH_CANCELLED', 'the sign-in was cancelled') });
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', target.origin);
    if (url.pathname !== target.path || done) {
      answer(response, 404, undefined);
      return;
    }
    if (request.method !== 'GET') {
      response.writeHead(405, { Allow: 'GET', Connection: 'close' });
      response.end();
      return;
    }
    const callbackUrl = url.href;
    let shown: CallbackPage;
    try {
      shown = page(callbackUrl);
    } catch {
      shown = 'refused';
    }
    answer(response, 200, shown);
    finish({ url: callbackUrl });
  };

  for (const [index, host] of target.hosts.entries()) {
    const server = createServer(handle);
    try {
      await listen(server, target.port, host);
      servers.push(server);
    } catch (error) {
      // `localhost` listens on ::1 too when it can; 127.0.0.1 must work.
      if (index > 0 && servers.length > 0) continue;
      await close();
      const code = (error as NodeJS.ErrnoException).code;
      throw new OAuthError(
        'PQSDK_OAUTH_LOOPBACK_FAILED',
        `cannot listen for the sign-in callback on ${host} port ${String(target.port)}${code === undefined ? '' : ` (${code})`}; free the port, or sign in without the loopback listener and paste the callback URL`,
        { cause: error },
      );
    }
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;
  timers.limit = setTimeout(() => {
    finish({
      error: new OAuthError(
        'PQSDK_OAUTH_TIMEOUT',
        `no sign-in callback arrived within ${String(Math.round(timeoutMs / 1000))} s; sign in again`,
      ),
    });
  }, timeoutMs);
  if (options.signal?.aborted === true) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    callback,
    close: async () => {
      finish({ error: new OAuthError('PQSDK_OAUTH_CANCELLED', 'the sign-in was cancelled') });
      await close();
    },
  };
}

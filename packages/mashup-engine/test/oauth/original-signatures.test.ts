/**
 * The engine's OAuth support with the original signatures (test/fixtures/OAuthOriginal, a URL
 * data source path, a `localhost` callback), and its failures: connectors without OAuth or
 * Refresh, wrong signatures, bad StartLogin or FinishLogin results, no store, no callback, a
 * taken port, a timeout.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialStore,
  MashupEngine,
  OAuthError,
  runInteractiveLogin,
  type OAuthCredential,
} from '../../src/index.js';
import {
  receivedHeader,
  startLoopbackServer,
  type LoopbackServer,
} from '../http/loopback-server.js';
import { tempFolder } from '../helpers.js';
import { FakeBrowser } from './fake-browser.js';
import { freePort, startOAuthServer, type TestOAuthServer } from './oauth-server.js';

const FIXTURE = new URL('../fixtures/OAuthOriginal/', import.meta.url).pathname;
const SOURCE = readFileSync(`${FIXTURE}Trailhead.pq`, 'utf8');

async function rejection(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('OAuth with the original signatures (Trailhead)', () => {
  let oauth: TestOAuthServer;
  let api: LoopbackServer;
  let folder: string;
  let store: CredentialStore;
  let engine: MashupEngine;
  let redirectUri: string;
  let environment: Record<string, string>;
  const opened: MashupEngine[] = [];
  const temporary: { remove(): void }[] = [];

  const dataSource = (): { kind: string; path: string } => ({
    kind: 'Trailhead',
    path: api.origin,
  });
  const open = async (
    connector: string,
    options: { store?: boolean; environment?: Record<string, string> } = {},
  ): Promise<MashupEngine> => {
    const opening = await MashupEngine.open(connector, {
      ...(options.store === false ? {} : { credentialStore: store }),
      environmentConfiguration: options.environment ?? environment,
      timeoutMs: 20_000,
    });
    opened.push(opening);
    return opening;
  };
  const variant = (from: string, to: string): string => {
    if (!SOURCE.includes(from)) throw new Error(`the fixture has no ${from}`);
    const folderWithVariant = tempFolder({ 'Trailhead.pq': SOURCE.replace(from, to) });
    temporary.push(folderWithVariant);
    return folderWithVariant.path;
  };
  const tokenRequests = (): Readonly<Record<string, string>>[] =>
    oauth.requests.filter((request) => request.path === '/oauth2/token').map((r) => r.form);
  const stored = async (): Promise<OAuthCredential> => {
    const credential = await store.find('Trailhead', `${api.origin}/trails`);
    if (credential?.authenticationKind !== 'OAuth') throw new Error('no OAuth credential stored');
    return credential;
  };
  const expire = async (): Promise<void> => {
    const { token, dataSource: at } = await stored();
    await store.updateTokens(at, { ...token, expires: '2000-01-01T00:00:00.000Z' });
  };

  beforeAll(async () => {
    const port = await freePort();
    redirectUri = `http://localhost:${String(port)}/trailhead/cb`;
    oauth = await startOAuthServer({ clientId: 'trailhead-test', redirectUris: [redirectUri] });
    api = await startLoopbackServer(async (request, response) => {
      const ok = await oauth.authenticate(request.headers.authorization);
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(ok ? JSON.stringify({ trails: ['Ridge', 'Creek'] }) : '{}');
    });
    folder = mkdtempSync(join(tmpdir(), 'pqsdk-trailhead-'));
    store = new CredentialStore({ file: join(folder, 'credentials.json') });
    environment = {
      AuthorizeUrl: oauth.authorizeUrl,
      TokenUrl: oauth.tokenUrl,
      RedirectUri: redirectUri,
    };
    engine = await open(FIXTURE);
  });

  afterEach(() => {
    oauth.setAccessTokenLifetime(3600);
  });

  afterAll(async () => {
    await Promise.all(opened.map((each) => each.close()));
    await Promise.all([oauth.close(), api.close()]);
    for (const each of temporary) each.remove();
    rmSync(folder, { recursive: true, force: true });
  });

  it('signs in through a localhost callback, with the Context as the code verifier', async () => {
    const browser = new FakeBrowser();
    const { credential, callback } = await runInteractiveLogin(engine, dataSource(), {
      openBrowser: browser.open,
      print: () => undefined,
    });
    expect(callback).toBe('loopback');
    expect((await browser.page()).text).toContain('You are signed in');
    const [authorize] = oauth.requests;
    const [token] = tokenRequests();
    expect(authorize?.query).toMatchObject({ client_id: 'trailhead-test', scope: 'trails' });
    expect(token?.['code_verifier']).toMatch(/^[0-9a-f]{64}$/u);
    expect(credential.dataSource).toEqual(dataSource());
    expect(credential.token.accessToken).toBe(oauth.accessTokens[0]);
    expect((await stored()).token.accessToken).toBe(oauth.accessTokens[0]);
  });

  it('sends the token to the API under the data source URL', async () => {
    const result = await engine.evaluate(`Trailhead.Contents("${api.origin}/trails")`);
    expect(result.ok ? result.value.json : result.error).toEqual({ trails: ['Ridge', 'Creek'] });
    const last = api.received.at(-1);
    expect(last === undefined ? undefined : receivedHeader(last, 'authorization')).toBe(
      `Bearer ${oauth.accessTokens[0] ?? ''}`,
    );
  });

  it('refreshes an expired token with the refresh token text', async () => {
    await expire();
    const result = await engine.evaluate(`Trailhead.CurrentToken("${api.origin}/trails")`);
    expect(result.ok ? result.value.json : result.error).toBe(oauth.accessTokens[1]);
    expect(tokenRequests().at(-1)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: oauth.refreshTokens[0],
      client_id: 'trailhead-test',
    });
    expect((await stored()).token.accessToken).toBe(oauth.accessTokens[1]);
  });

  it('refreshes a data source at most once per evaluation', async () => {
    // A token that lives less than the one-minute margin counts as expired at once.
    oauth.setAccessTokenLifetime(30);
    await expire();
    const count = tokenRequests().length;
    const url = `"${api.origin}/trails"`;
    const result = await engine.evaluate(
      `{Trailhead.CurrentToken(${url}), Trailhead.CurrentToken(${url}), Trailhead.Contents(${url})[trails]{0}}`,
    );
    const fresh = oauth.accessTokens.at(-1);
    expect(result.ok ? result.value.json : result.error).toEqual([fresh, fresh, 'Ridge']);
    expect(tokenRequests()).toHaveLength(count + 1);
    // The next evaluation finds the short-lived token expired again.
    await engine.evaluate(`Trailhead.CurrentToken(${url})`);
    expect(tokenRequests()).toHaveLength(count + 2);
  });

  it('refuses a callback that carries no state', async () => {
    const browser = new FakeBrowser({
      rewrite: (url) => {
        if (url.pathname === '/trailhead/cb') url.searchParams.delete('state');
        return url;
      },
    });
    const failure = await rejection(
      runInteractiveLogin(engine, dataSource(), {
        openBrowser: browser.open,
        print: () => undefined,
      }),
    );
    expect(failure.code).toBe('PQSDK_OAUTH_STATE_MISMATCH');
    expect(failure.message).toContain('carries no state');
  });

  it('fails with a credential error when the record has no Refresh', async () => {
    await expire();
    const withoutRefresh = await open(variant('            Refresh = Refresh,\n', ''));
    const result = await withoutRefresh.evaluate(`Trailhead.Contents("${api.origin}/trails")`);
    expect(result.ok ? result.value : result.error).toMatchObject({
      reason: 'Credential.AccessDenied',
      message: expect.stringContaining(
        'has expired and could not be refreshed: The OAuth record of Trailhead has no Refresh function.',
      ) as unknown,
    });
    const failure = await rejection(withoutRefresh.refreshOAuthCredential(dataSource()));
    expect(failure.code).toBe('PQSDK_OAUTH_NO_REFRESH');
  });

  it('tells a data source kind without OAuth', async () => {
    const anonymous = await open(
      variant(
        `        OAuth = [
            StartLogin = StartLogin,`,
        `        Anonymous = [],
        Unused = [
            StartLogin = StartLogin,`,
      ),
    );
    const failure = await rejection(anonymous.startOAuthLogin(dataSource()));
    expect(failure.code).toBe('PQSDK_OAUTH_NOT_SUPPORTED');
    expect(failure.message).toContain('does not support OAuth');
  });

  it.each([
    [
      'a StartLogin with two parameters',
      'StartLogin = (resourceUrl, state, display) =>',
      'StartLogin = (resourceUrl, state) =>',
      'it must take 3 (dataSourcePath, state, display) or 4 (clientApplication, dataSourcePath, state, display)',
    ],
    [
      'a LoginUri that is not a web URL',
      'LoginUri = Config[AuthorizeUrl] & "?"',
      'LoginUri = "ftp://example.invalid/?"',
      'The LoginUri StartLogin returns must be an http or https URL.',
    ],
    [
      'a StartLogin that does not return a record',
      '            Context = verifier\n        ];',
      '            Context = verifier\n        ][LoginUri];',
      'must return a record [LoginUri, CallbackUri, WindowHeight, WindowWidth, Context]',
    ],
  ])('fails to start with %s', async (_name, from, to, message) => {
    const broken = await open(variant(from, to));
    const failure = await rejection(broken.startOAuthLogin(dataSource()));
    expect(failure.code).toBe('PQSDK_OAUTH_START_FAILED');
    expect(failure.message).toContain(message);
    expect(failure.report?.reason).toBe('Expression.Error');
  });

  it('refuses a FinishLogin result that is not a token, naming the missing field', async () => {
    const tokenless = await open(
      variant('code_verifier = context\n    ]);', 'code_verifier = context\n    ])[[token_type]];'),
    );
    const browser = new FakeBrowser();
    const failure = await rejection(
      runInteractiveLogin(tokenless, dataSource(), {
        openBrowser: browser.open,
        print: () => undefined,
      }),
    );
    expect(failure.code).toBe('PQSDK_OAUTH_INVALID_TOKEN');
    expect(failure.message).toBe(
      'the record FinishLogin returned is not an OAuth token: $.access_token: is missing',
    );
  });

  it('needs a credential store to finish a sign-in or refresh', async () => {
    const storeless = await open(FIXTURE, { store: false });
    const login = await storeless.startOAuthLogin(dataSource());
    expect(login).toMatchObject({ callbackUri: redirectUri, windowWidth: 400, windowHeight: 600 });
    const finish = await rejection(storeless.finishOAuthLogin(dataSource(), login, redirectUri));
    expect(finish.code).toBe('PQSDK_OAUTH_NO_STORE');
    const refresh = await rejection(storeless.refreshOAuthCredential(dataSource()));
    expect(refresh.code).toBe('PQSDK_OAUTH_NO_STORE');
  });

  it('needs a way to receive a callback that is not on a loopback address', async () => {
    const remote = await open(FIXTURE, {
      environment: { ...environment, RedirectUri: 'https://callback.example/cb' },
    });
    const failure = await rejection(
      runInteractiveLogin(remote, dataSource(), {
        openBrowser: () => Promise.resolve(false),
        print: () => undefined,
      }),
    );
    expect(failure.code).toBe('PQSDK_OAUTH_NO_CALLBACK');
  });

  it('tells when the callback port is taken', async () => {
    const port = Number(new URL(redirectUri).port);
    const squatter = createServer();
    squatter.listen(port, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      const failure = await rejection(
        runInteractiveLogin(engine, dataSource(), {
          openBrowser: () => Promise.resolve(false),
          print: () => undefined,
        }),
      );
      expect(failure.code).toBe('PQSDK_OAUTH_LOOPBACK_FAILED');
      expect(failure.message).toContain(`port ${String(port)} (EADDRINUSE)`);
    } finally {
      squatter.close();
      await once(squatter, 'close');
    }
  });

  it('gives up when no callback arrives in time, after printing the address to open', async () => {
    const printed: string[] = [];
    const failure = await rejection(
      runInteractiveLogin(engine, dataSource(), {
        openBrowser: () => Promise.resolve(false),
        print: (line) => printed.push(line),
        timeoutMs: 200,
      }),
    );
    expect(failure.code).toBe('PQSDK_OAUTH_TIMEOUT');
    expect(printed[1]).toBe('Open this address in a browser to sign in:');
    expect(printed[2]?.trim().startsWith(oauth.authorizeUrl)).toBe(true);
  });
});

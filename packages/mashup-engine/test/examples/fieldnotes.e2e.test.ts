/**
 * examples/OAuthPkce (the Fieldnotes connector, advanced OAuth signatures) end to end: an
 * interactive sign-in against a real OAuth 2 server (PKCE S256), tokens in a real encrypted
 * credential store, the API called with the bearer token, refresh on expiry, and the failures.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CredentialStore,
  HttpClient,
  MashupEngine,
  OAuthError,
  refreshCredentialResult,
  runInteractiveLogin,
  setCredentialResult,
  type EngineTraceEvent,
  type EvaluationResult,
  type HttpExchangeEvent,
  type OAuthCredential,
} from '../../src/index.js';
import { EXAMPLES } from '../helpers.js';
import { FakeBrowser } from '../oauth/fake-browser.js';
import { startFieldnotesService, type FieldnotesService } from './fieldnotes-service.js';

const DATA_SOURCE = { kind: 'Fieldnotes', path: 'Fieldnotes' } as const;
const QUERY = readFileSync(`${EXAMPLES}OAuthPkce/Fieldnotes.query.pq`, 'utf8');

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

async function rejection(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('examples/OAuthPkce (Fieldnotes) against a real OAuth 2 server', () => {
  let service: FieldnotesService;
  let folder: string;
  let store: CredentialStore;
  let engine: MashupEngine;
  const traces: EngineTraceEvent[] = [];
  const exchanges: HttpExchangeEvent[] = [];
  const printed: string[] = [];
  const errors: string[] = [];

  const tokenRequests = (): Record<string, string>[] =>
    service.oauth.requests
      .filter((request) => request.path === '/oauth2/token')
      .map((request) => request.form);
  const stored = async (): Promise<OAuthCredential> => {
    const credential = await store.find(DATA_SOURCE.kind, DATA_SOURCE.path);
    if (credential?.authenticationKind !== 'OAuth') throw new Error('no OAuth credential stored');
    return credential;
  };
  const expireStoredToken = async (): Promise<void> => {
    // `expires` wins over `expires_in` when the expiry is computed.
    const { token } = await stored();
    await store.updateTokens(DATA_SOURCE, { ...token, expires: '2000-01-01T00:00:00.000Z' });
  };
  const signIn = (browser: FakeBrowser): ReturnType<typeof runInteractiveLogin> =>
    runInteractiveLogin(engine, DATA_SOURCE, {
      openBrowser: browser.open,
      print: (line) => printed.push(line),
      timeoutMs: 15_000,
    });

  beforeAll(async () => {
    service = await startFieldnotesService();
    folder = mkdtempSync(join(tmpdir(), 'pqsdk-fieldnotes-'));
    store = new CredentialStore({ file: join(folder, 'credentials.json') });
    engine = await MashupEngine.open(`${EXAMPLES}OAuthPkce`, {
      credentialStore: store,
      environmentConfiguration: service.environment(),
      http: new HttpClient({ cache: false, onExchange: (event) => exchanges.push(event) }),
      trace: (event) => traces.push(event),
      timeoutMs: 20_000,
    });
  });

  afterAll(async () => {
    await engine.close();
    await service.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('signs in through the loopback listener with PKCE S256 and stores the tokens encrypted', async () => {
    const browser = new FakeBrowser();
    const { credential, callback } = await signIn(browser);

    expect(callback).toBe('loopback');
    const page = await browser.page();
    expect(page.url.startsWith(service.loopbackRedirectUri)).toBe(true);
    expect(page.text).toContain('You are signed in');

    const authorize = service.oauth.requests.find(
      (request) => request.path === '/oauth2/authorize',
    );
    const [tokenRequest] = tokenRequests();
    expect(authorize?.query).toMatchObject({
      response_type: 'code',
      client_id: 'pqsdk-fieldnotes-desktop',
      redirect_uri: service.loopbackRedirectUri,
      code_challenge_method: 'S256',
      scope: 'journal.read attachments.read profile offline_access',
    });
    expect(tokenRequest).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'pqsdk-fieldnotes-desktop',
      redirect_uri: service.loopbackRedirectUri,
    });
    const verifier = tokenRequest?.['code_verifier'] ?? '';
    expect(verifier).toMatch(/^[0-9a-f]{64}$/u);
    expect(authorize?.query['code_challenge']).toBe(
      createHash('sha256').update(verifier, 'ascii').digest('base64url'),
    );

    const accessToken = service.oauth.accessTokens[0] ?? '';
    const refreshToken = service.oauth.refreshTokens[0] ?? '';
    expect(credential).toMatchObject({
      dataSource: DATA_SOURCE,
      authenticationKind: 'OAuth',
      privacySetting: 'None',
      token: { accessToken, refreshToken, tokenType: 'Bearer' },
    });
    // The server counts the lifetime from the token's expiry date: 3600 s, or 3599 a moment later.
    expect(credential.token.expiresIn).toBeGreaterThanOrEqual(3590);
    expect(await stored()).toEqual(credential);
    expect(setCredentialResult(credential)).toEqual({
      Details: {
        Kind: 'Fieldnotes',
        Path: 'Fieldnotes',
        NormalizedPath: 'Fieldnotes',
        IsDefaultForKind: false,
      },
      Message: 'Successfully set credential',
      Status: 'Success',
    });
    const onDisk = readFileSync(join(folder, 'credentials.json'), 'utf8');
    expect(onDisk).toContain('"algorithm":"aes-256-gcm"');
    expect(onDisk).not.toContain(accessToken);
    expect(onDisk).not.toContain(refreshToken);
    expect(printed.join('\n')).toContain('Signed in.');
  });

  it('runs the example query with the bearer token', async () => {
    const result = await engine.evaluate(QUERY);
    expect(valueOf(result)).toEqual({
      Notebooks: 3,
      FirstNotebook: 'Field season 2024',
      Entries: 3,
      RecentEntries: 2,
      Attachments: 2,
      PkceKnownAnswer: true,
      QueryRoundTrip: true,
    });
    const bearer = `Bearer ${service.oauth.accessTokens[0] ?? ''}`;
    expect(service.requests.length).toBeGreaterThan(3);
    expect(service.requests.every((request) => request.authorization === bearer)).toBe(true);
    expect(service.requests.map((request) => request.status)).not.toContain(401);
    // The notebooks come in two pages (two a page), the second through links.next.
    expect(service.requests.map((request) => request.path)).toContain(
      '/v1/notebooks?page_size=20&cursor=2',
    );
  });

  it('downloads an attachment from the other host with the token the connector adds', async () => {
    const before = service.requests.length;
    const result = await engine.evaluate(
      'Text.FromBinary(Fieldnotes.Entries("nb-1"){[Id = "e-3"]}[Attachments]{1}[Content])',
    );
    expect(valueOf(result)).toBe('tide table, March');
    const fileRequests = service.requests
      .slice(before)
      .filter((request) => request.host === 'files');
    expect(fileRequests).toEqual([
      {
        host: 'files',
        path: '/v1/blobs/k-2',
        authorization: `Bearer ${service.oauth.accessTokens[0] ?? ''}`,
        status: 200,
      },
    ]);
  });

  it('refreshes an expired token when a data source function is invoked, and goes on with the new one', async () => {
    await expireStoredToken();
    const before = service.requests.length;
    const result = await engine.evaluate('Table.RowCount(Fieldnotes.Contents())');
    expect(valueOf(result)).toBe(3);

    const refresh = tokenRequests().at(-1);
    expect(refresh).toEqual({
      grant_type: 'refresh_token',
      refresh_token: service.oauth.refreshTokens[0],
      client_id: 'pqsdk-fieldnotes-desktop',
    });
    const newToken = service.oauth.accessTokens[1] ?? '';
    const after = service.requests.slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((request) => request.authorization === `Bearer ${newToken}`)).toBe(true);
    const { token } = await stored();
    expect(token).toMatchObject({
      accessToken: newToken,
      refreshToken: service.oauth.refreshTokens[1],
    });
    expect(token.expiresIn).toBeGreaterThanOrEqual(3590);
    expect(token.expires).toBeUndefined();
  });

  it('does not refresh a token that has not expired', async () => {
    const count = tokenRequests().length;
    const result = await engine.evaluate('Table.RowCount(Fieldnotes.Contents())');
    expect(valueOf(result)).toBe(3);
    expect(tokenRequests()).toHaveLength(count);
  });

  it('refreshes on demand, as refresh-credential does', async () => {
    const credential = await engine.refreshOAuthCredential(DATA_SOURCE);
    expect(credential.token.accessToken).toBe(service.oauth.accessTokens[2]);
    expect(credential.token.refreshToken).toBe(service.oauth.refreshTokens[2]);
    const result = refreshCredentialResult(credential);
    expect(result).toMatchObject({
      Details: { Kind: 'Fieldnotes', Path: 'Fieldnotes' },
      Message: 'Successfully refreshed credential',
      Status: 'Success',
    });
    expect(JSON.stringify(result)).not.toContain(credential.token.accessToken);
  });

  it('treats a 401 from the API as a credential error, without refreshing', async () => {
    const count = tokenRequests().length;
    service.oauth.revokeAccessTokens();
    const result = await engine.evaluate('Table.RowCount(Fieldnotes.Contents())');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    errors.push(JSON.stringify(result.error));
    expect(result.error.reason).toBe('Credential.AccessDenied');
    expect(result.error.message).toContain('failed with status 401 (Unauthorized)');
    expect(tokenRequests()).toHaveLength(count);
  });

  it('fails with a credential error that asks to sign in again when the refresh is refused', async () => {
    await expireStoredToken();
    service.oauth.revokeRefreshTokens();
    const result = await engine.evaluate('Table.RowCount(Fieldnotes.Contents())');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    errors.push(JSON.stringify(result.error));
    expect(result.error.reason).toBe('Credential.AccessDenied');
    expect(result.error.message).toContain(
      'The OAuth credential for the Fieldnotes source at Fieldnotes has expired and could not be refreshed',
    );
    expect(result.error.message).toContain('invalid');
    expect(result.error.message).toContain('Sign in again (set-credential --interactive).');
    expect(result.error.detailJson).toEqual({
      DataSourceKind: 'Fieldnotes',
      DataSourcePath: 'Fieldnotes',
      AuthenticationKinds: ['OAuth'],
    });
    const failure = await rejection(engine.refreshOAuthCredential(DATA_SOURCE));
    errors.push(failure.message);
    expect(failure.code).toBe('PQSDK_OAUTH_REFRESH_FAILED');
    expect(failure.message).toContain('Fieldnotes sign-in failed');
  });

  it('refuses a callback whose state was tampered with, and keeps the stored credential', async () => {
    const before = await stored();
    const count = tokenRequests().length;
    const browser = new FakeBrowser({
      rewrite: (url) => {
        if (url.pathname === '/fieldnotes/callback') url.searchParams.set('state', 'forged');
        return url;
      },
    });
    const failure = await rejection(signIn(browser));
    errors.push(failure.message);
    expect(failure.code).toBe('PQSDK_OAUTH_STATE_MISMATCH');
    expect((await browser.page()).text).toContain('does not belong to the sign-in');
    expect(tokenRequests()).toHaveLength(count);
    expect(await stored()).toEqual(before);
  });

  it('reports a refused consent with the connector message', async () => {
    service.oauth.setDeny(true);
    try {
      const browser = new FakeBrowser();
      const failure = await rejection(signIn(browser));
      errors.push(failure.message);
      expect(failure.code).toBe('PQSDK_OAUTH_FINISH_FAILED');
      expect(failure.message).toContain('Fieldnotes did not let you sign in:');
      expect(failure.report?.detailJson).toMatchObject({ Error: 'access_denied' });
      expect((await browser.page()).text).toContain('did not complete');
    } finally {
      service.oauth.setDeny(false);
    }
  });

  it('signs in again with a pasted callback URL when the callback is not a loopback address', async () => {
    const web = await MashupEngine.open(`${EXAMPLES}OAuthPkce`, {
      credentialStore: store,
      environmentConfiguration: service.environment(service.webRedirectUri),
      timeoutMs: 20_000,
    });
    try {
      const browser = new FakeBrowser();
      const { callback, credential } = await runInteractiveLogin(web, DATA_SOURCE, {
        openBrowser: browser.open,
        readPastedUrl: browser.addressBar,
        print: (line) => printed.push(line),
      });
      expect(callback).toBe('pasted');
      expect(browser.visited.at(-1)?.startsWith(service.webRedirectUri)).toBe(true);
      expect(credential.token.accessToken).toBe(service.oauth.accessTokens.at(-1));
      expect(printed.join('\n')).toContain('paste it here');
    } finally {
      await web.close();
    }
    // The new sign-in works for queries of the first engine too.
    const result = await engine.evaluate('Table.RowCount(Fieldnotes.Contents())');
    expect(valueOf(result)).toBe(3);
  });

  it('talks to the production endpoints when the environment configures none', async () => {
    const production = await MashupEngine.open(`${EXAMPLES}OAuthPkce`, { timeoutMs: 20_000 });
    try {
      const login = await production.startOAuthLogin(DATA_SOURCE);
      expect(login.loginUri.startsWith('https://login.fieldnotes.example/oauth2/authorize?')).toBe(
        true,
      );
      expect(login).toMatchObject({
        callbackUri: 'https://oauth.powerbi.com/views/oauthredirect.html',
        windowWidth: 720,
        windowHeight: 880,
      });
      const query = new URL(login.loginUri).searchParams;
      expect(query.get('state')).toBe(login.state);
      expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/u);
      // The context (it holds the code verifier) is an M literal for FinishLogin.
      expect(login.context).toMatch(/^\[CodeVerifier = "[0-9a-f]{64}", Started = #datetimezone\(/u);
    } finally {
      await production.close();
    }
  });

  it('never shows a token, an authorization code or a code verifier', () => {
    const secrets = [
      ...service.oauth.accessTokens,
      ...service.oauth.refreshTokens,
      ...tokenRequests().flatMap((form) =>
        [form['code'], form['code_verifier']].filter((value) => value !== undefined),
      ),
    ];
    expect(secrets.length).toBeGreaterThan(8);
    const shown = JSON.stringify({ traces, exchanges, printed, errors });
    expect(exchanges.length).toBeGreaterThan(5);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });
});

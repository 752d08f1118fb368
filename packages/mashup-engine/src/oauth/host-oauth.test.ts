import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialStore } from '../credentials/store.js';
import type { Credential } from '../credentials/types.js';
import { OAuthError } from './errors.js';
import {
  checkCallback,
  newLoginState,
  readToken,
  storedOAuthCredential,
  storeLoginToken,
  storeRefreshedForWorker,
  tokenExpired,
} from './host-oauth.js';
import type { OAuthLogin } from './types.js';

const LOGIN: OAuthLogin = {
  dataSource: { kind: 'K', path: 'K' },
  loginUri: 'https://login.example/authorize?client_id=c&state=S1-abc_def&scope=a',
  callbackUri: 'http://127.0.0.1:8400/callback',
  windowWidth: 0,
  windowHeight: 0,
  state: 'S1-abc_def',
  context: 'null',
};

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return error.code;
    throw error;
  }
  return undefined;
}

describe('newLoginState', () => {
  it('is 32 random bytes in base64url, new each time', () => {
    const states = new Set(Array.from({ length: 20 }, () => newLoginState()));
    expect(states.size).toBe(20);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/u);
  });
});

describe('checkCallback', () => {
  it.each<[string, string, string | undefined]>([
    [
      'the callback with the state',
      'http://127.0.0.1:8400/callback?code=x&state=S1-abc_def',
      undefined,
    ],
    ['a trailing slash', 'http://127.0.0.1:8400/callback/?code=x&state=S1-abc_def', undefined],
    [
      'the state in the fragment',
      'http://127.0.0.1:8400/callback#code=x&state=S1-abc_def',
      undefined,
    ],
    [
      'another state',
      'http://127.0.0.1:8400/callback?code=x&state=forged',
      'PQSDK_OAUTH_STATE_MISMATCH',
    ],
    ['no state', 'http://127.0.0.1:8400/callback?code=x', 'PQSDK_OAUTH_STATE_MISMATCH'],
    [
      'another path',
      'http://127.0.0.1:8400/elsewhere?state=S1-abc_def',
      'PQSDK_OAUTH_CALLBACK_INVALID',
    ],
    [
      'another port',
      'http://127.0.0.1:8401/callback?state=S1-abc_def',
      'PQSDK_OAUTH_CALLBACK_INVALID',
    ],
    ['https', 'https://127.0.0.1:8400/callback?state=S1-abc_def', 'PQSDK_OAUTH_CALLBACK_INVALID'],
    ['not a URL', 'code=x&state=S1-abc_def', 'PQSDK_OAUTH_CALLBACK_INVALID'],
  ])('with %s: %s', (_name, url, code) => {
    expect(
      codeOf(() => {
        checkCallback(LOGIN, url);
      }),
    ).toBe(code);
  });

  it('accepts a callback without state when the login URI sent none', () => {
    const login = { ...LOGIN, loginUri: 'https://login.example/authorize?client_id=c' };
    expect(
      codeOf(() => {
        checkCallback(login, 'http://127.0.0.1:8400/callback?code=x');
      }),
    ).toBe(undefined);
  });

  it('never quotes the callback URL, which holds the code', () => {
    try {
      checkCallback(LOGIN, 'http://127.0.0.1:8400/other?code=SECRETCODE&state=S1-abc_def');
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRETCODE');
      expect((error as Error).message).toContain('http://127.0.0.1:8400/callback');
    }
  });
});

describe('readToken', () => {
  it('reads a token response', () => {
    const now = new Date('2024-05-01T10:00:00Z');
    expect(
      readToken(
        { access_token: 'a', refresh_token: 'r', expires_in: 60, token_type: 'Bearer', id: 7 },
        'FinishLogin',
        now,
      ),
    ).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      tokenType: 'Bearer',
      expiresIn: 60,
      obtainedAt: '2024-05-01T10:00:00.000Z',
      properties: { id: 7 },
    });
  });

  it('lists the problems by path, never by value', () => {
    const error = (() => {
      try {
        readToken({ access_token: '', expires_in: 'SOON-SECRET' }, 'Refresh', new Date());
      } catch (caught) {
        return caught as OAuthError;
      }
      throw new Error('no error');
    })();
    expect(error.code).toBe('PQSDK_OAUTH_INVALID_TOKEN');
    expect(error.message).toBe(
      'the record Refresh returned is not an OAuth token: $.access_token: is empty; $.expires_in: must be a non-negative number of seconds, not a string',
    );
  });
});

describe('storing tokens', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const newStore = (): CredentialStore => {
    const folder = mkdtempSync(join(tmpdir(), 'pqsdk-oauth-'));
    folders.push(folder);
    return new CredentialStore({ file: join(folder, 'credentials.json') });
  };
  const token = (accessToken: string, expires?: string): ReturnType<typeof readToken> =>
    readToken(
      {
        access_token: accessToken,
        refresh_token: `r-${accessToken}`,
        ...(expires === undefined ? {} : { expires }),
      },
      'FinishLogin',
      new Date(),
    );

  it('keeps the privacy setting and permissions of a credential stored there before', async () => {
    const store = newStore();
    const before: Credential = {
      dataSource: { kind: 'K', path: 'https://api.example.com/' },
      authenticationKind: 'Key',
      key: 'k',
      privacySetting: 'Organizational',
      permissions: ['x'],
    };
    await store.set(before);
    const stored = await storeLoginToken(
      store,
      { kind: 'K', path: 'https://api.example.com' },
      token('a1'),
    );
    expect(stored).toMatchObject({
      authenticationKind: 'OAuth',
      privacySetting: 'Organizational',
      permissions: ['x'],
    });
    // A credential stored for a parent path is not carried over to a new, narrower one.
    const narrower = await storeLoginToken(
      store,
      { kind: 'K', path: 'https://api.example.com/v2' },
      token('a2'),
    );
    expect(narrower.privacySetting).toBe('None');
  });

  it('tells whether the stored token has expired, and stores a refresh for the worker', async () => {
    const store = newStore();
    const dataSource = { kind: 'K', path: 'K' };
    expect(await tokenExpired(store, dataSource, Date.now())).toBe(false);
    expect(await tokenExpired(undefined, dataSource, Date.now())).toBe(false);
    await storeLoginToken(store, dataSource, token('a1', '2024-01-01T00:00:00Z'));
    expect(await tokenExpired(store, dataSource, Date.parse('2023-12-31T23:00:00Z'))).toBe(false);
    expect(await tokenExpired(store, dataSource, Date.parse('2023-12-31T23:59:30Z'))).toBe(true);

    const reply = await storeRefreshedForWorker(
      store,
      dataSource,
      { access_token: 'a2', expires_in: 3600 },
      new Date('2024-02-01T00:00:00Z'),
    );
    expect(reply).toEqual({
      ok: true,
      credential: {
        AuthenticationKind: 'OAuth',
        access_token: 'a2',
        Properties: { refresh_token: 'r-a1', expires_in: 3600 },
      },
    });
    expect(await storeRefreshedForWorker(store, dataSource, { token: 'x' }, new Date())).toEqual({
      ok: false,
      message: 'the record Refresh returned is not an OAuth token: $.access_token: is missing.',
    });
    expect(await storeRefreshedForWorker(undefined, dataSource, {}, new Date())).toMatchObject({
      ok: false,
    });
  });

  it('finds only OAuth credentials to refresh', async () => {
    const store = newStore();
    await expect(storedOAuthCredential(store, { kind: 'K', path: 'K' })).rejects.toMatchObject({
      code: 'PQSDK_OAUTH_NOT_FOUND',
    });
    await store.set({
      dataSource: { kind: 'K', path: 'K' },
      authenticationKind: 'Anonymous',
      privacySetting: 'None',
      permissions: [],
    });
    await expect(storedOAuthCredential(store, { kind: 'K', path: 'K' })).rejects.toMatchObject({
      code: 'PQSDK_OAUTH_NOT_OAUTH',
    });
  });
});

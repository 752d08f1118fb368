import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { OAuthCredential } from '../credentials/types.js';
import { OAuthError } from './errors.js';
import { runInteractiveLogin, type InteractiveLoginEngine } from './interactive-login.js';
import type { OAuthLogin } from './types.js';

const DATA_SOURCE = { kind: 'K', path: 'K' };

/** An engine whose StartLogin returns `callbackUri`, and whose FinishLogin records the URL. */
function fakeEngine(callbackUri: string): InteractiveLoginEngine & { finished: string[] } {
  const finished: string[] = [];
  const login: OAuthLogin = {
    dataSource: DATA_SOURCE,
    loginUri: 'https://login.example/authorize?state=st-1',
    callbackUri,
    windowWidth: 0,
    windowHeight: 0,
    state: 'st-1',
    context: 'null',
  };
  return {
    finished,
    startOAuthLogin: () => Promise.resolve(login),
    finishOAuthLogin: (dataSource, _login, callbackUrl) => {
      finished.push(callbackUrl);
      const credential: OAuthCredential = {
        dataSource,
        authenticationKind: 'OAuth',
        privacySetting: 'None',
        permissions: [],
        token: { accessToken: 'a', obtainedAt: '2024-01-01T00:00:00.000Z', properties: {} },
      };
      return Promise.resolve(credential);
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('runInteractiveLogin', () => {
  it('hands the pasted URL to FinishLogin and prints the steps', async () => {
    const engine = fakeEngine('https://oauth.example/redirect');
    const printed: string[] = [];
    const result = await runInteractiveLogin(engine, DATA_SOURCE, {
      openBrowser: () => Promise.resolve(true),
      readPastedUrl: () => Promise.resolve('https://oauth.example/redirect?code=c&state=st-1'),
      print: (line) => printed.push(line),
    });
    expect(result.callback).toBe('pasted');
    expect(engine.finished).toEqual(['https://oauth.example/redirect?code=c&state=st-1']);
    expect(printed).toEqual([
      'Signing in to the K source at K.',
      'The sign-in page is open in your browser. If it is not, open this address:',
      '  https://login.example/authorize?state=st-1',
      'After you sign in, the browser goes to https://oauth.example/redirect. Copy the whole address from the address bar and paste it here.',
      'Signed in. The OAuth credential for K at K is stored.',
    ]);
  });

  it('pastes instead of listening when the loopback listener is off', async () => {
    const engine = fakeEngine(`http://127.0.0.1:${String(await freePort())}/cb`);
    const result = await runInteractiveLogin(engine, DATA_SOURCE, {
      loopback: false,
      openBrowser: () => Promise.resolve(false),
      readPastedUrl: () => Promise.resolve('http://127.0.0.1:1/cb?state=st-1'),
      print: () => undefined,
    });
    expect(result.callback).toBe('pasted');
  });

  it('gives up on a paste that does not come in time, or is cancelled', async () => {
    const engine = fakeEngine('https://oauth.example/redirect');
    const never = (): Promise<string> => new Promise<string>(() => undefined);
    const late = await failure(
      runInteractiveLogin(engine, DATA_SOURCE, {
        openBrowser: () => Promise.resolve(false),
        readPastedUrl: never,
        print: () => undefined,
        timeoutMs: 30,
      }),
    );
    expect(late.code).toBe('PQSDK_OAUTH_TIMEOUT');
    const controller = new AbortController();
    const cancelled = runInteractiveLogin(engine, DATA_SOURCE, {
      openBrowser: () => Promise.resolve(false),
      readPastedUrl: never,
      print: () => undefined,
      signal: controller.signal,
    });
    setTimeout(() => {
      controller.abort();
    }, 10);
    expect((await failure(cancelled)).code).toBe('PQSDK_OAUTH_CANCELLED');
    expect(engine.finished).toEqual([]);
  });

  it('stops its listener when opening the browser fails', async () => {
    const port = await freePort();
    const engine = fakeEngine(`http://127.0.0.1:${String(port)}/cb`);
    await expect(
      runInteractiveLogin(engine, DATA_SOURCE, {
        openBrowser: () => Promise.reject(new Error('no display')),
        print: () => undefined,
      }),
    ).rejects.toThrow('no display');
    // The port is free again.
    const server = createServer();
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    server.close();
    await once(server, 'close');
  });
});

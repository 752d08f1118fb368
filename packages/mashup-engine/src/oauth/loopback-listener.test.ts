import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { OAuthError } from './errors.js';
import { listenForCallback, loopbackTarget, type LoopbackTarget } from './loopback-listener.js';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

async function target(path = '/cb'): Promise<LoopbackTarget> {
  const found = loopbackTarget(`http://127.0.0.1:${String(await freePort())}${path}`);
  if (found === undefined) throw new Error('no target');
  return found;
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

describe('loopbackTarget', () => {
  it.each([
    ['http://127.0.0.1:8400/cb', { hosts: ['127.0.0.1'], port: 8400, path: '/cb' }],
    ['http://localhost:8400/a/b?x=1', { hosts: ['127.0.0.1', '::1'], port: 8400, path: '/a/b' }],
    ['http://[::1]:9000/', { hosts: ['::1'], port: 9000, path: '/' }],
    ['http://LOCALHOST/cb', { hosts: ['127.0.0.1', '::1'], port: 80, path: '/cb' }],
  ])('listens for %s', (uri, expected) => {
    expect(loopbackTarget(uri)).toMatchObject(expected);
  });

  it.each([
    'https://127.0.0.1:8400/cb',
    'https://oauth.powerbi.com/views/oauthredirect.html',
    'http://127.0.0.2:8400/cb',
    'http://example.com:8400/cb',
    'myapp://callback',
    'not a url',
  ])('does not listen for %s', (uri) => {
    expect(loopbackTarget(uri)).toBeUndefined();
  });
});

describe('listenForCallback', () => {
  it('takes the first GET of the callback path and answers with a page', async () => {
    const at = await target('/oauth/cb');
    const listener = await listenForCallback(at);
    const elsewhere = await fetch(`${at.origin}/favicon.ico`);
    expect(elsewhere.status).toBe(404);
    await elsewhere.text();
    const post = await fetch(`${at.origin}/oauth/cb`, { method: 'POST' });
    expect(post.status).toBe(405);
    await post.text();

    const page = await fetch(`${at.origin}/oauth/cb?code=abc&state=s`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('You are signed in. You can close this window');
    expect(await listener.callback).toBe(`${at.origin}/oauth/cb?code=abc&state=s`);
    await listener.close();
  });

  it('shows the refused page for an error callback, or the page the caller picks', async () => {
    const refused = await target();
    const first = await listenForCallback(refused);
    const page = await fetch(`${refused.origin}/cb?error=access_denied`);
    expect(await page.text()).toContain('The sign-in did not complete');
    await first.callback;

    const picked = await target();
    const second = await listenForCallback(picked, { page: () => 'mismatch' });
    const other = await fetch(`${picked.origin}/cb?code=x`);
    expect(await other.text()).toContain('does not belong to the sign-in pqsdk started');
    await second.callback;
  });

  it('stops listening once the callback has arrived', async () => {
    const at = await target();
    const listener = await listenForCallback(at);
    await (await fetch(`${at.origin}/cb?code=1`)).text();
    await listener.callback;
    await listener.close();
    await expect(fetch(`${at.origin}/cb?code=2`)).rejects.toThrow();
  });

  it('listens on localhost through 127.0.0.1', async () => {
    const port = await freePort();
    const at = loopbackTarget(`http://localhost:${String(port)}/cb`);
    if (at === undefined) throw new Error('no target');
    const listener = await listenForCallback(at);
    await (await fetch(`http://127.0.0.1:${String(port)}/cb?code=1`)).text();
    expect(await listener.callback).toBe(`http://localhost:${String(port)}/cb?code=1`);
  });

  it('gives up after the time limit', async () => {
    const listener = await listenForCallback(await target(), { timeoutMs: 50 });
    const error = await failure(listener.callback);
    expect(error.code).toBe('PQSDK_OAUTH_TIMEOUT');
    await listener.close();
  });

  it('gives up when cancelled or closed', async () => {
    const controller = new AbortController();
    const cancelled = await listenForCallback(await target(), { signal: controller.signal });
    controller.abort();
    expect((await failure(cancelled.callback)).code).toBe('PQSDK_OAUTH_CANCELLED');

    const closed = await listenForCallback(await target());
    await closed.close();
    expect((await failure(closed.callback)).code).toBe('PQSDK_OAUTH_CANCELLED');
  });

  it('tells when it cannot listen', async () => {
    const squatter = createServer();
    squatter.listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const { port } = squatter.address() as AddressInfo;
    try {
      const at = loopbackTarget(`http://127.0.0.1:${String(port)}/cb`);
      if (at === undefined) throw new Error('no target');
      const error = await failure(listenForCallback(at));
      expect(error.code).toBe('PQSDK_OAUTH_LOOPBACK_FAILED');
      expect(error.message).toBe(
        `cannot listen for the sign-in callback on 127.0.0.1 port ${String(port)} (EADDRINUSE); free the port, or sign in without the loopback listener and paste the callback URL`,
      );
    } finally {
      squatter.close();
      await once(squatter, 'close');
    }
  });
});

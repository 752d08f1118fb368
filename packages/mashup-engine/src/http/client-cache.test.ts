import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../test/http/instant-sleep.js';
import { startLoopbackServer, type LoopbackServer } from '../../test/http/loopback-server.js';
import { HttpClient } from './client.js';
import { createHttpRequest, type HttpRequestInit } from './request.js';
import { ResponseCache } from './response-cache.js';
import type { HttpResponse, HttpResult } from './types.js';

/** Every response says how many requests the server has seen. */
let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    const status = request.url?.startsWith('/missing') === true ? 404 : 200;
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(`response ${String(server.received.length)}`);
  });
});

afterAll(async () => {
  await server.close();
});

function expectResponse(result: HttpResult): HttpResponse {
  if (!result.ok) throw new Error(`expected a response, got ${result.kind}: ${result.message}`);
  return result;
}

async function send(
  client: HttpClient,
  init: Omit<HttpRequestInit, 'url'> & { path?: string },
): Promise<HttpResponse> {
  const { path = '/data', ...rest } = init;
  return expectResponse(
    await client.send(createHttpRequest({ url: `${server.origin}${path}`, ...rest })),
  );
}

describe('HttpClient cache', () => {
  it('answers an identical GET from the cache with a copy of the body', async () => {
    const client = new HttpClient();
    const before = server.received.length;
    const first = await send(client, { headers: [['Accept', 'text/plain']] });
    const second = await send(client, { headers: [['Accept', 'text/plain']] });
    expect(server.received.length - before).toBe(1);
    expect(first.source).toBe('live');
    expect(second.source).toBe('cache');
    expect(second.attempts).toEqual([]);
    expect(text(second.body)).toBe(text(first.body));
    first.body.fill(0);
    const third = await send(client, { headers: [['Accept', 'text/plain']] });
    expect(text(third.body)).toBe(text(second.body));
    expect(third.body).not.toBe(second.body);
  });

  it('does not share a cache between clients', async () => {
    await send(new HttpClient(), {});
    expect((await send(new HttpClient(), {})).source).toBe('live');
  });

  it('fetches again and replaces the cached response when IsRetry is true', async () => {
    const client = new HttpClient();
    const first = await send(client, {});
    const retried = await send(client, { isRetry: true });
    const after = await send(client, {});
    expect(retried.source).toBe('live');
    expect(text(retried.body)).not.toBe(text(first.body));
    expect(after.source).toBe('cache');
    expect(text(after.body)).toBe(text(retried.body));
  });

  it('leaves ExcludedFromCacheKey headers out of the key', async () => {
    const client = new HttpClient();
    await send(client, {
      headers: [
        ['X-Request-Id', '1'],
        ['Accept', 'a'],
      ],
      excludedFromCacheKey: ['x-request-id'],
    });
    const same = await send(client, {
      headers: [
        ['X-Request-Id', '2'],
        ['Accept', 'a'],
      ],
      excludedFromCacheKey: ['X-Request-ID'],
    });
    expect(same.source).toBe('cache');
    const different = await send(client, {
      headers: [
        ['X-Request-Id', '3'],
        ['Accept', 'a'],
      ],
    });
    expect(different.source).toBe('live');
  });

  it('keys on method, URL, header values and body, not on the order of different headers', () => {
    const key = (init: HttpRequestInit): string => ResponseCache.keyOf(createHttpRequest(init));
    const base = key({
      url: 'https://h.example/a',
      headers: [
        ['A', '1'],
        ['B', '2'],
      ],
    });
    expect(
      key({
        url: 'https://h.example/a',
        headers: [
          ['b', '2'],
          ['a', '1'],
        ],
      }),
    ).toBe(base);
    expect(
      key({
        url: 'https://h.example/a',
        headers: [
          ['A', '1'],
          ['B', '3'],
        ],
      }),
    ).not.toBe(base);
    expect(
      key({
        url: 'https://h.example/b',
        headers: [
          ['A', '1'],
          ['B', '2'],
        ],
      }),
    ).not.toBe(base);
    expect(
      key({
        url: 'https://h.example/a',
        headers: [
          ['A', '1'],
          ['A', '2'],
        ],
      }),
    ).not.toBe(
      key({
        url: 'https://h.example/a',
        headers: [
          ['A', '2'],
          ['A', '1'],
        ],
      }),
    );
    const body = (bytes: number[]): string =>
      key({ url: 'https://h.example/a', body: new Uint8Array(bytes) });
    expect(body([1, 2])).not.toBe(body([1, 3]));
  });

  it('caches only successful GETs', async () => {
    const client = new HttpClient();
    await send(client, { body: new Uint8Array([1]) });
    expect((await send(client, { body: new Uint8Array([1]) })).source).toBe('live');
    await send(client, { path: '/missing', manualStatusHandling: [404] });
    expect((await send(client, { path: '/missing', manualStatusHandling: [404] })).source).toBe(
      'live',
    );
    expect(client.cache?.size).toBe(0);
  });

  it('can be turned off', async () => {
    const client = new HttpClient({ cache: false });
    await send(client, {});
    expect((await send(client, {})).source).toBe('live');
    expect(client.cache).toBeUndefined();
  });
});

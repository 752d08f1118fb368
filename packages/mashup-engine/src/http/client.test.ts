import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantSleep, text } from '../../test/http/instant-sleep.js';
import {
  receivedHeader,
  startLoopbackServer,
  type LoopbackServer,
} from '../../test/http/loopback-server.js';
import { HttpClient } from './client.js';
import { DEFAULT_USER_AGENT } from './live-transport.js';
import { createHttpRequest, DEFAULT_TIMEOUT_MS, type HttpRequestInit } from './request.js';
import type { HttpExchangeEvent, HttpFailure, HttpResponse, HttpResult } from './types.js';

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    switch (path) {
      case '/echo':
        response.setHeader('content-type', 'application/json');
        response.setHeader('set-cookie', ['a=1', 'b=2']);
        response.end(
          JSON.stringify({
            method: request.method,
            url: request.url,
            body: request.body.toString('utf8'),
          }),
        );
        return;
      case '/slow':
        return; // never answers
      case '/big':
        response.setHeader('content-length', '2000');
        response.end(Buffer.alloc(2000, 'x'));
        return;
      case '/big-chunked':
        response.write(Buffer.alloc(800, 'x'));
        response.end(Buffer.alloc(800, 'y'));
        return;
      case '/gzip': {
        const body = gzipSync('decoded text');
        response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length });
        response.end(body);
        return;
      }
      default:
        response.writeHead(404);
        response.end('nothing here');
    }
  });
});

afterAll(async () => {
  await server.close();
});

function expectResponse(result: HttpResult): HttpResponse {
  if (!result.ok) throw new Error(`expected a response, got ${result.kind}: ${result.message}`);
  return result;
}

function expectFailure(result: HttpResult): HttpFailure {
  if (result.ok) throw new Error(`expected a failure, got status ${String(result.status)}`);
  return result;
}

describe('HttpClient', () => {
  it('sends a GET with its headers in order and returns the response', async () => {
    const client = new HttpClient();
    const result = expectResponse(
      await client.send(
        createHttpRequest({
          url: `${server.origin}/echo?q=Power+Query`,
          headers: [
            ['Accept', 'application/json'],
            ['X-First', '1'],
            ['X-Second', '2'],
          ],
        }),
      ),
    );
    expect(result.status).toBe(200);
    expect(result.statusText).toBe('OK');
    expect(result.source).toBe('live');
    expect(result.url).toBe(`${server.origin}/echo?q=Power+Query`);
    expect(JSON.parse(text(result.body))).toEqual({
      method: 'GET',
      url: '/echo?q=Power+Query',
      body: '',
    });
    expect(result.headers).toContainEqual(['content-type', 'application/json']);
    expect(result.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(result.attempts).toEqual([
      { url: `${server.origin}/echo?q=Power+Query`, status: 200, delayMs: 0 },
    ]);
    const received = server.received.at(-1)!;
    const names = received.headers.map(([name]) => name.toLowerCase());
    expect(names.indexOf('x-first')).toBeLessThan(names.indexOf('x-second'));
    expect(receivedHeader(received, 'user-agent')).toBe(DEFAULT_USER_AGENT);
  });

  it('sends a POST with its body and content type', async () => {
    const client = new HttpClient();
    const body = new TextEncoder().encode(JSON.stringify({ x: 235.7, y: 41.53 }));
    const result = expectResponse(
      await client.send(
        createHttpRequest({
          url: `${server.origin}/echo`,
          headers: [
            ['Content-Type', 'application/json'],
            ['User-Agent', 'my-connector/1.0'],
          ],
          body,
        }),
      ),
    );
    expect(JSON.parse(text(result.body))).toEqual({
      method: 'POST',
      url: '/echo',
      body: '{"x":235.7,"y":41.53}',
    });
    const received = server.received.at(-1)!;
    expect(receivedHeader(received, 'content-type')).toBe('application/json');
    expect(receivedHeader(received, 'user-agent')).toBe('my-connector/1.0');
  });

  it('sends a HEAD and gets an empty body', async () => {
    const client = new HttpClient();
    const result = expectResponse(
      await client.send(createHttpRequest({ url: `${server.origin}/echo`, method: 'HEAD' })),
    );
    expect(result.status).toBe(200);
    expect(result.body.byteLength).toBe(0);
    expect(server.received.at(-1)!.method).toBe('HEAD');
  });

  it('decodes a gzip body and drops the headers that described the encoding', async () => {
    const result = expectResponse(
      await new HttpClient().send(createHttpRequest({ url: `${server.origin}/gzip` })),
    );
    expect(text(result.body)).toBe('decoded text');
    expect(result.headers.map(([name]) => name)).not.toContain('content-encoding');
    expect(result.headers.map(([name]) => name)).not.toContain('content-length');
  });

  it('fills in the documented defaults of a request', () => {
    const request = createHttpRequest({ url: 'https://h.example/' });
    expect(request).toEqual({
      method: 'GET',
      url: 'https://h.example/',
      headers: [],
      body: null,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      manualStatusHandling: [],
      isRetry: false,
      excludedFromCacheKey: [],
      secrets: { headers: [], queryParameters: [] },
    });
    expect(DEFAULT_TIMEOUT_MS).toBe(100_000);
    expect(createHttpRequest({ url: 'https://h.example/', body: new Uint8Array([1]) }).method).toBe(
      'POST',
    );
  });

  it.each([
    ['ftp://h.example/file', 'the scheme ftp is not supported (only http and https)'],
    ['/relative/path', 'it is not an absolute URL'],
    ['http://', 'it is not an absolute URL'],
  ])('fails %s as an invalid URL', async (url, problem) => {
    const failure = expectFailure(await new HttpClient().send(createHttpRequest({ url })));
    expect(failure.kind).toBe('invalidUrl');
    expect(failure.message).toBe(`GET ${url} failed: ${problem}.`);
    expect(failure.attempts).toEqual([]);
  });

  it.each<[Partial<HttpRequestInit>, string]>([
    [{ method: 'GET', body: new Uint8Array([1]) }, 'a GET request cannot have a body'],
    [{ headers: [['Bad Name', 'x']] }, 'the header name "Bad Name" is not valid'],
    [
      { headers: [['X-Secret', 'sec\r\nret']] },
      'the value of the header X-Secret contains a line break',
    ],
    [
      { headers: [['Content-Length', '3']] },
      'the header Content-Length is managed by the HTTP stack and cannot be set',
    ],
    [
      { headers: [['Host', 'evil.example']] },
      'the header Host is managed by the HTTP stack and cannot be set',
    ],
    [{ timeoutMs: 0 }, 'the timeout 0 ms is not a positive number of milliseconds within 24 days'],
    [
      { timeoutMs: Number.NaN },
      'the timeout NaN ms is not a positive number of milliseconds within 24 days',
    ],
  ])('refuses an invalid request (%j)', async (init, problem) => {
    const before = server.received.length;
    const failure = expectFailure(
      await new HttpClient().send(createHttpRequest({ url: `${server.origin}/echo`, ...init })),
    );
    expect(failure.kind).toBe('invalidRequest');
    expect(failure.message).toBe(
      `${init.method ?? 'GET'} ${server.origin}/echo failed: ${problem}.`,
    );
    expect(server.received.length).toBe(before);
  });

  it('fails an attempt that takes longer than its timeout', async () => {
    const failure = expectFailure(
      await new HttpClient().send(
        createHttpRequest({ url: `${server.origin}/slow?api_key=top-secret-key`, timeoutMs: 100 }),
      ),
    );
    expect(failure.kind).toBe('timeout');
    expect(failure.message).toBe(
      `GET ${server.origin}/slow?api_key=*** failed: no complete response within 100 ms.`,
    );
    expect(failure.attempts).toEqual([
      { url: `${server.origin}/slow?api_key=***`, failure: 'timeout', delayMs: 0 },
    ]);
  });

  it('fails a refused connection as a network failure', async () => {
    const closed = await startLoopbackServer(() => undefined);
    await closed.close();
    const failure = expectFailure(
      await new HttpClient().send(createHttpRequest({ url: `${closed.origin}/x` })),
    );
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(
      new RegExp(`^GET ${closed.origin}/x failed: .*ECONNREFUSED.*\\.$`),
    );
  });

  it.each(['/big', '/big-chunked'])('fails a body larger than the limit (%s)', async (path) => {
    const client = new HttpClient({ maxResponseBytes: 1000 });
    const failure = expectFailure(
      await client.send(createHttpRequest({ url: `${server.origin}${path}` })),
    );
    expect(failure.kind).toBe('responseTooLarge');
    expect(failure.message).toBe(
      `GET ${server.origin}${path} failed: the response body is larger than the limit of 1000 bytes.`,
    );
    const fits = new HttpClient({ maxResponseBytes: 2000 });
    expect(
      expectResponse(await fits.send(createHttpRequest({ url: `${server.origin}${path}` }))).body
        .byteLength,
    ).toBe(path === '/big' ? 2000 : 1600);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = new HttpClient().send(createHttpRequest({ url: `${server.origin}/slow` }), {
      signal: controller.signal,
    });
    setTimeout(() => {
      controller.abort();
    }, 20);
    const failure = expectFailure(await pending);
    expect(failure.kind).toBe('cancelled');
    expect(failure.message).toBe(`GET ${server.origin}/slow failed: the request was cancelled.`);
  });

  it('reports each request to onExchange without secret values', async () => {
    const events: HttpExchangeEvent[] = [];
    let clock = 1000;
    const client = new HttpClient({
      onExchange: (event) => events.push(event),
      now: () => (clock += 5),
      sleep: instantSleep().sleep,
    });
    await client.send(
      createHttpRequest({
        url: `${server.origin}/echo?key=k-123456&page=2&tenant=t-998877`,
        headers: [
          ['Authorization', 'Bearer tok-abcdef'],
          ['X-Tenant', 't-998877'],
          ['Accept', '*/*'],
        ],
        secrets: { headers: ['X-Tenant'], queryParameters: ['tenant'] },
        dataSource: { kind: 'Contoso', path: 'https://api.contoso.example/' },
      }),
    );
    await client.send(createHttpRequest({ url: `${server.origin}/missing` }));
    expect(events).toEqual([
      {
        method: 'GET',
        url: `${server.origin}/echo?key=***&page=2&tenant=***`,
        finalUrl: `${server.origin}/echo?key=***&page=2&tenant=***`,
        requestHeaders: [
          ['Authorization', '<redacted>'],
          ['X-Tenant', '<redacted>'],
          ['Accept', '*/*'],
        ],
        status: 200,
        durationMs: 5,
        attempts: 1,
        redirects: 0,
        source: 'live',
        dataSource: { kind: 'Contoso', path: 'https://api.contoso.example/' },
      },
      {
        method: 'GET',
        url: `${server.origin}/missing`,
        finalUrl: `${server.origin}/missing`,
        requestHeaders: [],
        failure: 'status',
        status: 404,
        durationMs: 5,
        attempts: 1,
        redirects: 0,
        source: 'live',
      },
    ]);
    const serialized = JSON.stringify(events);
    for (const secret of ['k-123456', 't-998877', 'tok-abcdef'])
      expect(serialized).not.toContain(secret);
  });
});

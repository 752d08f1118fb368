import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../test/http/instant-sleep.js';
import { startLoopbackServer, type LoopbackServer } from '../../test/http/loopback-server.js';
import { HttpClient } from './client.js';
import { createHttpRequest } from './request.js';
import type { HttpFailure, HttpResponse, HttpResult } from './types.js';

interface Echo {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function handler(request: IncomingMessage & { body: Buffer }, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://x');
  const parts = url.pathname.split('/');
  if (parts[1] === 'redirect') {
    const to = url.searchParams.get('to');
    response.writeHead(Number(parts[2]), to === null ? {} : { location: to });
    response.end('moving');
    return;
  }
  if (parts[1] === 'loop') {
    response.writeHead(302, { location: '/loop' });
    response.end();
    return;
  }
  if (parts[1] === 'chain') {
    const left = Number(parts[2]);
    if (left > 0) response.writeHead(302, { location: `/chain/${String(left - 1)}` });
    response.end(left > 0 ? '' : 'end of chain');
    return;
  }
  response.setHeader('content-type', 'application/json');
  const echo: Echo = {
    method: request.method ?? '',
    url: request.url ?? '',
    headers: Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    ),
    body: request.body.toString('utf8'),
  };
  response.end(JSON.stringify(echo));
}

let origin: LoopbackServer;
let other: LoopbackServer;

beforeAll(async () => {
  origin = await startLoopbackServer(handler);
  other = await startLoopbackServer(handler);
});

afterAll(async () => {
  await origin.close();
  await other.close();
});

function expectResponse(result: HttpResult): HttpResponse {
  if (!result.ok) throw new Error(`expected a response, got ${result.kind}: ${result.message}`);
  return result;
}

function expectFailure(result: HttpResult): HttpFailure {
  if (result.ok) throw new Error(`expected a failure, got status ${String(result.status)}`);
  return result;
}

function echoOf(response: HttpResponse): Echo {
  return JSON.parse(text(response.body)) as Echo;
}

function redirectUrl(code: number, to: string): string {
  return `${origin.origin}/redirect/${String(code)}?to=${encodeURIComponent(to)}`;
}

const POST_BODY = new TextEncoder().encode('{"a":1}');

describe('HttpClient redirects', () => {
  it.each([300, 301, 302, 303, 307, 308])('follows %i for a GET', async (code) => {
    const result = expectResponse(
      await new HttpClient().send(createHttpRequest({ url: redirectUrl(code, '/echo?x=1') })),
    );
    expect(result.status).toBe(200);
    expect(result.url).toBe(`${origin.origin}/echo?x=1`);
    expect(echoOf(result)).toMatchObject({ method: 'GET', url: '/echo?x=1' });
    expect(result.attempts.map((attempt) => attempt.status)).toEqual([code, 200]);
  });

  it.each([300, 301, 302, 303])('turns a POST into a GET without its body on %i', async (code) => {
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({
          url: redirectUrl(code, '/echo'),
          body: POST_BODY,
          headers: [
            ['Content-Type', 'application/json'],
            ['X-Kept', 'yes'],
          ],
        }),
      ),
    );
    const echo = echoOf(result);
    expect(echo.method).toBe('GET');
    expect(echo.body).toBe('');
    expect(echo.headers['content-type']).toBeUndefined();
    expect(echo.headers['x-kept']).toBe('yes');
  });

  it.each([307, 308])('keeps a POST and its body on %i', async (code) => {
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({
          url: redirectUrl(code, '/echo'),
          body: POST_BODY,
          headers: [['Content-Type', 'application/json']],
        }),
      ),
    );
    expect(echoOf(result)).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('keeps secrets on a redirect to the same origin', async () => {
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({
          url: redirectUrl(302, '/echo?api_key=same-origin-key'),
          headers: [['Authorization', 'Bearer same-origin-token']],
          secrets: { headers: ['Authorization'], queryParameters: ['api_key'] },
        }),
      ),
    );
    expect(echoOf(result)).toMatchObject({
      url: '/echo?api_key=same-origin-key',
      headers: { authorization: 'Bearer same-origin-token' },
    });
  });

  it('never sends secrets to another origin', async () => {
    const target = `${other.origin}/echo?api_key=leaked-key&page=2&X-Amz-Signature=presigned`;
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({
          url: redirectUrl(307, target),
          method: 'GET',
          headers: [
            ['Authorization', 'Bearer cross-origin-token'],
            ['Cookie', 'session=abc'],
            ['X-API-Key', 'header-key'],
            ['X-Tenant', 'declared-secret'],
            ['Accept', 'application/json'],
          ],
          secrets: { headers: ['X-Tenant'], queryParameters: ['api_key'] },
        }),
      ),
    );
    const echo = echoOf(result);
    expect(result.url).toBe(`${other.origin}/echo?page=2&X-Amz-Signature=presigned`);
    expect(echo.url).toBe('/echo?page=2&X-Amz-Signature=presigned');
    expect(echo.headers['accept']).toBe('application/json');
    for (const name of ['authorization', 'cookie', 'x-api-key', 'x-tenant']) {
      expect(echo.headers[name]).toBeUndefined();
    }
    expect(JSON.stringify(other.received)).not.toMatch(
      /cross-origin-token|session=abc|header-key|declared-secret|leaked-key/,
    );
  });

  it('does not send the secrets back when a redirect returns to the first origin', async () => {
    const back = `${origin.origin}/echo`;
    const viaOther = `${other.origin}/redirect/302?to=${encodeURIComponent(back)}`;
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({
          url: redirectUrl(302, viaOther),
          headers: [['Authorization', 'Bearer t0ken-value']],
        }),
      ),
    );
    expect(echoOf(result).headers['authorization']).toBeUndefined();
  });

  it('resolves a relative Location against the current URL', async () => {
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({ url: `${origin.origin}/redirect/302?to=..%2Fecho%3Fy%3D2` }),
      ),
    );
    expect(result.url).toBe(`${origin.origin}/echo?y=2`);
  });

  it('fails a redirect without a Location header', async () => {
    const target = `${origin.origin}/redirect/302`;
    const failure = expectFailure(await new HttpClient().send(createHttpRequest({ url: target })));
    expect(failure.kind).toBe('status');
    expect(failure.status).toBe(302);
    expect(failure.message).toBe(
      `GET ${target} failed: a redirect (302) without a Location header.`,
    );
  });

  it('fails a redirect to a URL that is not http or https', async () => {
    const failure = expectFailure(
      await new HttpClient().send(
        createHttpRequest({ url: redirectUrl(301, 'ftp://h.example/f') }),
      ),
    );
    expect(failure.kind).toBe('invalidUrl');
    expect(failure.message).toMatch(
      /failed: a redirect \(301\) to a URL that is not http or https\.$/,
    );
  });

  it('follows ten redirects and fails the eleventh', async () => {
    const ten = expectResponse(
      await new HttpClient().send(createHttpRequest({ url: `${origin.origin}/chain/10` })),
    );
    expect(text(ten.body)).toBe('end of chain');
    expect(ten.attempts).toHaveLength(11);
    const eleven = expectFailure(
      await new HttpClient().send(createHttpRequest({ url: `${origin.origin}/chain/11` })),
    );
    expect(eleven.kind).toBe('tooManyRedirects');
    expect(eleven.message).toBe(`GET ${origin.origin}/chain/11 failed: more than 10 redirects.`);
  });

  it('stops a redirect loop', async () => {
    const failure = expectFailure(
      await new HttpClient().send(createHttpRequest({ url: `${origin.origin}/loop` })),
    );
    expect(failure.kind).toBe('tooManyRedirects');
    expect(failure.attempts).toHaveLength(11);
  });

  it('returns a redirect that ManualStatusHandling lists', async () => {
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({ url: redirectUrl(302, '/echo'), manualStatusHandling: [302] }),
      ),
    );
    expect(result.status).toBe(302);
    expect(result.headers).toContainEqual(['location', '/echo']);
  });
});

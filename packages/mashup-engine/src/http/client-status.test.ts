import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantSleep, text } from '../../test/http/instant-sleep.js';
import { startLoopbackServer, type LoopbackServer } from '../../test/http/loopback-server.js';
import { HttpClient } from './client.js';
import { createHttpRequest } from './request.js';
import type { HttpFailure, HttpResponse, HttpResult } from './types.js';

/**
 * The server answers `/status/<code>?fail=<n>&retryAfter=<value>&id=<id>`: the first `n` requests
 * of each `id` get `code` (with `Retry-After` when given), the later ones 200. Without `fail`,
 * every request gets `code`.
 */
let server: LoopbackServer;
const counts = new Map<string, number>();

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const code = Number(url.pathname.split('/')[2]);
    const id = url.searchParams.get('id') ?? url.pathname;
    const seen = (counts.get(id) ?? 0) + 1;
    counts.set(id, seen);
    const fail = url.searchParams.get('fail');
    if (fail !== null && seen > Number(fail)) {
      response.end(`ok after ${String(seen)}`);
      return;
    }
    const retryAfter = url.searchParams.get('retryAfter');
    if (retryAfter !== null) response.setHeader('retry-after', retryAfter);
    response.writeHead(code, { 'content-type': 'text/plain', 'x-request-id': `r${String(seen)}` });
    response.end(`status ${String(code)} for ${id}`);
  });
});

afterAll(async () => {
  await server.close();
});

let ids = 0;
function url(code: number, query: Record<string, string> = {}): string {
  ids += 1;
  const search = new URLSearchParams({ ...query, id: `t${String(ids)}` });
  return `${server.origin}/status/${String(code)}?${search.toString()}`;
}

function expectResponse(result: HttpResult): HttpResponse {
  if (!result.ok) throw new Error(`expected a response, got ${result.kind}: ${result.message}`);
  return result;
}

function expectFailure(result: HttpResult): HttpFailure {
  if (result.ok) throw new Error(`expected a failure, got status ${String(result.status)}`);
  return result;
}

describe('HttpClient retries', () => {
  it.each([408, 429, 503, 504, 509])('retries %i with exponential back-off', async (code) => {
    const { sleep, waits } = instantSleep();
    const result = expectResponse(
      await new HttpClient({ sleep }).send(createHttpRequest({ url: url(code, { fail: '2' }) })),
    );
    expect(result.status).toBe(200);
    expect(text(result.body)).toBe('ok after 3');
    expect(result.attempts.map((attempt) => [attempt.status, attempt.delayMs])).toEqual([
      [code, 0],
      [code, 1000],
      [200, 2000],
    ]);
    expect(waits).toEqual([1000, 2000]);
  });

  it('waits what a delta-seconds Retry-After says', async () => {
    const { sleep, waits } = instantSleep();
    await new HttpClient({ sleep }).send(
      createHttpRequest({ url: url(429, { fail: '2', retryAfter: '7' }) }),
    );
    expect(waits).toEqual([7000, 7000]);
  });

  it('keeps a Retry-After wait between 0.5 s and 120 s', async () => {
    const short = instantSleep();
    await new HttpClient({ sleep: short.sleep }).send(
      createHttpRequest({ url: url(503, { fail: '1', retryAfter: '0' }) }),
    );
    expect(short.waits).toEqual([500]);
    const long = instantSleep();
    await new HttpClient({ sleep: long.sleep }).send(
      createHttpRequest({ url: url(503, { fail: '1', retryAfter: '3600' }) }),
    );
    expect(long.waits).toEqual([120_000]);
  });

  it('backs off exponentially on an HTTP-date Retry-After, as the real engine does', async () => {
    const { sleep, waits } = instantSleep();
    const retryAfter = 'Wed, 31 Jan 2024 12:00:30 GMT';
    await new HttpClient({ sleep, now: () => Date.parse('2024-01-31T12:00:00Z') }).send(
      createHttpRequest({ url: url(503, { fail: '1', retryAfter }) }),
    );
    expect(waits).toEqual([1000]);
  });

  it('reads an HTTP-date Retry-After when asked to', async () => {
    const { sleep, waits } = instantSleep();
    const retryAfter = 'Wed, 31 Jan 2024 12:00:30 GMT';
    await new HttpClient({
      sleep,
      now: () => Date.parse('2024-01-31T12:00:00Z'),
      retryAfterHttpDate: true,
    }).send(createHttpRequest({ url: url(503, { fail: '1', retryAfter }) }));
    expect(waits).toEqual([30_000]);
  });

  it('gives up after three retries with a status failure', async () => {
    const { sleep, waits } = instantSleep();
    const target = url(503);
    const failure = expectFailure(
      await new HttpClient({ sleep }).send(createHttpRequest({ url: target })),
    );
    expect(failure.kind).toBe('status');
    expect(failure.status).toBe(503);
    expect(failure.message).toBe(
      `GET ${target} failed with status 503 (Service Unavailable) after 3 retries.`,
    );
    expect(failure.attempts).toHaveLength(4);
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(text(failure.response!.body)).toMatch(/^status 503 for t\d+$/);
  });

  it('stops retrying when the total wait would pass its cap', async () => {
    const { sleep, waits } = instantSleep();
    const target = url(503);
    const failure = expectFailure(
      await new HttpClient({ sleep, maxTotalRetryDelayMs: 2500 }).send(
        createHttpRequest({ url: target }),
      ),
    );
    expect(waits).toEqual([1000]);
    expect(failure.message).toBe(
      `GET ${target} failed with status 503 (Service Unavailable) after 1 retry.`,
    );
  });

  it('returns a listed status as it is, without retrying', async () => {
    const { sleep, waits } = instantSleep();
    const result = expectResponse(
      await new HttpClient({ sleep }).send(
        createHttpRequest({ url: url(503), manualStatusHandling: [503] }),
      ),
    );
    expect(result.status).toBe(503);
    expect(result.attempts).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('can be cancelled while it waits to retry', async () => {
    const controller = new AbortController();
    const failure = expectFailure(
      await new HttpClient({
        sleep: () => {
          controller.abort();
          return Promise.reject(new Error('aborted'));
        },
      }).send(createHttpRequest({ url: url(503) }), { signal: controller.signal }),
    );
    expect(failure.kind).toBe('cancelled');
  });
});

describe('HttpClient status handling', () => {
  it.each([
    [401, 'Unauthorized', 'the server needs credentials, or refused the ones given'],
    [403, 'Forbidden', 'the credentials given do not allow access'],
  ])('fails %i as a credential failure with the response', async (code, phrase, meaning) => {
    const target = `${server.origin}/status/${String(code)}?api_key=very-secret-key`;
    const failure = expectFailure(
      await new HttpClient().send(
        createHttpRequest({ url: target, secrets: { headers: [], queryParameters: ['api_key'] } }),
      ),
    );
    const redacted = `${server.origin}/status/${String(code)}?api_key=***`;
    expect(failure.kind).toBe('credential');
    expect(failure.status).toBe(code);
    expect(failure.url).toBe(redacted);
    expect(failure.message).toBe(
      `GET ${redacted} failed with status ${String(code)} (${phrase}): ${meaning}.`,
    );
    expect(failure.response?.status).toBe(code);
    expect(failure.response?.url).toBe(redacted);
    expect(failure.response?.headers).toContainEqual(['x-request-id', 'r1']);
  });

  it.each([401, 403])('returns %i when ManualStatusHandling lists it', async (code) => {
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({ url: url(code), manualStatusHandling: [code] }),
      ),
    );
    expect(result.status).toBe(code);
  });

  it.each([
    [400, 'Bad Request'],
    [404, 'Not Found'],
    [500, 'Internal Server Error'],
    [502, 'Bad Gateway'],
  ])('fails %i as a status failure naming the redacted URL', async (code, phrase) => {
    const failure = expectFailure(
      await new HttpClient().send(
        createHttpRequest({
          url: `${server.origin}/status/${String(code)}?access_token=abc123&page=1`,
          headers: [['Authorization', 'Bearer abc123']],
        }),
      ),
    );
    expect(failure.kind).toBe('status');
    expect(failure.message).toBe(
      `GET ${server.origin}/status/${String(code)}?access_token=***&page=1 failed with status ${String(code)} (${phrase}).`,
    );
    expect(failure.message).not.toContain('abc123');
    expect(text(failure.response!.body)).toBe(`status ${String(code)} for /status/${String(code)}`);
  });

  it('returns a listed error status with its body', async () => {
    const result = expectResponse(
      await new HttpClient().send(
        createHttpRequest({ url: url(404), manualStatusHandling: [404, 500] }),
      ),
    );
    expect(result.status).toBe(404);
    expect(text(result.body)).toMatch(/^status 404 for t\d+$/);
  });
});

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantSleep, text } from '../../test/http/instant-sleep.js';
import { startLoopbackServer, type LoopbackServer } from '../../test/http/loopback-server.js';
import type { HttpClient } from '../http/client.js';
import { createHttpRequest, type HttpRequestInit } from '../http/request.js';
import type { HttpResponse, HttpResult } from '../http/types.js';
import { createHttpHost } from './http-host.js';

/** The secrets of one run; each must never reach a fixture file. */
interface Secrets {
  readonly clientSecret: string;
  readonly code: string;
  readonly codeVerifier: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly apiKey: string;
  readonly headerKey: string;
  readonly session: string;
}

const RECORDED: Secrets = {
  clientSecret: 'cs-7f3a9e1b2c',
  code: 'code-55d1a0e9',
  codeVerifier: 'verifier-0b8c7d6e5f4a',
  accessToken: 'at-3c2b1a0f9e8d',
  refreshToken: 'rt-9a8b7c6d5e4f',
  apiKey: 'key-1234abcd5678',
  headerKey: 'hk-feedface0042',
  session: 'sess-c0ffee77aa',
};

const REPLAYED: Secrets = {
  clientSecret: 'other-client-secret',
  code: 'other-code-value',
  codeVerifier: 'other-verifier-value',
  accessToken: 'other-access-token',
  refreshToken: 'other-refresh-token',
  apiKey: 'other-api-key-value',
  headerKey: 'other-header-key',
  session: 'other-session',
};

/** Headers a fixture leaves out (hop-by-hop) or redacts (cookies). */
const NOT_REPLAYED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

let folder: string;
let server: LoopbackServer;
let flaky = 0;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pqsdk-record-'));
  flaky = 0;
  server = await startLoopbackServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/oauth/token':
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            access_token: RECORDED.accessToken,
            refresh_token: RECORDED.refreshToken,
            token_type: 'Bearer',
            expires_in: 3600,
          }),
        );
        return;
      case '/api/items':
        response.setHeader('content-type', 'application/json');
        response.setHeader('set-cookie', [`session=${RECORDED.session}; HttpOnly`, 'theme=dark']);
        response.end(JSON.stringify({ page: url.searchParams.get('page'), items: ['a', 'b'] }));
        return;
      case '/api/flaky':
        flaky += 1;
        response.writeHead(flaky === 1 ? 503 : 200, { 'retry-after': '1' });
        response.end(flaky === 1 ? 'busy' : 'finally');
        return;
      case '/api/moved':
        response.writeHead(302, { location: '/api/items?page=9' });
        response.end();
        return;
      case '/api/whoami':
        response.end(`you sent ${request.headers.authorization ?? 'nothing'}`);
        return;
      case '/api/pretty':
        response.setHeader('content-type', 'application/json');
        response.end('{\n  "pretty": true\n}\n');
        return;
      case '/api/binary':
        response.setHeader('content-type', 'application/octet-stream');
        response.end(Buffer.from([0, 1, 2, 250, 251, 252]));
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
});

afterEach(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

/** The requests of the scenario, with the secrets of a run. */
function scenario(origin: string, secrets: Secrets): HttpRequestInit[] {
  const bearer: [string, string] = ['Authorization', `Bearer ${secrets.accessToken}`];
  return [
    {
      url: `${origin}/oauth/token`,
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: new TextEncoder().encode(
        `grant_type=authorization_code&code=${secrets.code}&code_verifier=${secrets.codeVerifier}` +
          `&client_id=pqsdk-test&client_secret=${secrets.clientSecret}&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb`,
      ),
    },
    {
      url: `${origin}/api/items?api_key=${secrets.apiKey}&page=1`,
      headers: [bearer, ['X-API-Key', secrets.headerKey], ['Accept', 'application/json']],
      secrets: { headers: ['Authorization'], queryParameters: ['api_key'] },
    },
    {
      url: `${origin}/api/items?page=2&api_key=${secrets.apiKey}`,
      headers: [bearer, ['X-API-Key', secrets.headerKey], ['Accept', 'application/json']],
      secrets: { headers: ['Authorization'], queryParameters: ['api_key'] },
    },
    { url: `${origin}/api/flaky`, headers: [bearer] },
    { url: `${origin}/api/moved`, headers: [bearer] },
    { url: `${origin}/api/whoami`, headers: [bearer] },
    { url: `${origin}/api/pretty` },
    { url: `${origin}/api/binary` },
  ];
}

async function run(
  client: HttpClient,
  requests: readonly HttpRequestInit[],
): Promise<HttpResponse[]> {
  const responses: HttpResponse[] = [];
  for (const request of requests) {
    const result: HttpResult = await client.send(createHttpRequest(request));
    if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
    responses.push(result);
  }
  return responses;
}

function comparable(response: HttpResponse): unknown {
  return {
    status: response.status,
    statusText: response.statusText,
    url: response.url,
    headers: response.headers.filter(([name]) => !NOT_REPLAYED.has(name)),
    body: text(response.body),
    attempts: response.attempts.map((attempt) => attempt.status),
  };
}

async function filesIn(path: string): Promise<string[]> {
  return (await readdir(path, { recursive: true })).sort();
}

describe('record, then replay', () => {
  it('records live exchanges without a single secret, and replays them with the server stopped', async () => {
    const requests = scenario(server.origin, RECORDED);
    const recording = await createHttpHost({ record: folder, sleep: instantSleep().sleep });
    const live = await run(recording.client, requests);
    expect(live.every((response) => response.source === 'live')).toBe(true);

    const files = await filesIn(folder);
    expect(files).toHaveLength(9); // token, two item pages, flaky, moved, page 9, whoami, pretty, binary
    expect(
      files.every((name) => /^(get|post)-127\.0\.0\.1_\d+-[\w.-]+-[0-9a-f]{8}\.json$/.test(name)),
    ).toBe(true);
    expect(recording.recorder?.files.map((path) => path.slice(folder.length + 1)).sort()).toEqual(
      files,
    );
    for (const name of files) {
      const content = await readFile(join(folder, name), 'utf8');
      for (const [what, secret] of Object.entries(RECORDED) as [string, string][]) {
        expect(content.includes(secret), `${what} in ${name}`).toBe(false);
        expect(content.includes(encodeURIComponent(secret)), `${what} (encoded) in ${name}`).toBe(
          false,
        );
      }
    }
    const flakyFile = files.find((name) => name.includes('-api-flaky-'))!;
    const flakyJson = JSON.parse(await readFile(join(folder, flakyFile), 'utf8')) as {
      times?: number;
      response: { status: number };
    }[];
    expect(flakyJson.map((item) => [item.response.status, item.times])).toEqual([
      [503, 1],
      [200, undefined],
    ]);

    await server.close();

    const replaying = await createHttpHost({ mock: folder, sleep: instantSleep().sleep });
    const replayed = await run(replaying.client, requests);
    expect(replayed.every((response) => response.source === 'mock')).toBe(true);
    expect(replaying.mocks?.unused()).toEqual([]);

    const secretBearing = new Set([0, 5]); // the token response and the echo of the bearer token
    for (const [index, response] of live.entries()) {
      const replay = replayed[index]!;
      if (!secretBearing.has(index)) {
        expect(comparable(replay), requests[index]?.url).toEqual(comparable(response));
      }
    }
    expect(JSON.parse(text(replayed[0]!.body))).toEqual({
      access_token: '<redacted>',
      refresh_token: '<redacted>',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect(text(replayed[5]!.body)).toBe('you sent <redacted>');
    expect(replayed[1]!.headers.filter(([name]) => name === 'set-cookie')).toEqual([
      ['set-cookie', '<redacted>'],
      ['set-cookie', '<redacted>'],
    ]);
  });

  it('matches recorded fixtures whatever the secret values are on replay', async () => {
    const recording = await createHttpHost({ record: folder, sleep: instantSleep().sleep });
    await run(recording.client, scenario(server.origin, RECORDED));
    await server.close();
    const replaying = await createHttpHost({ mock: folder, sleep: instantSleep().sleep });
    const replayed = await run(replaying.client, scenario(server.origin, REPLAYED));
    expect(replayed.map((response) => response.status)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200,
    ]);
  });

  it('records only the misses that went live when replaying with allowLive', async () => {
    const seeded = await createHttpHost({ record: folder, sleep: instantSleep().sleep });
    await run(seeded.client, [{ url: `${server.origin}/api/pretty` }]);
    const before = await filesIn(folder);
    const mixed = await createHttpHost({ mock: folder, allowLive: true, record: folder });
    const [mocked, live] = await run(mixed.client, [
      { url: `${server.origin}/api/pretty` },
      { url: `${server.origin}/api/binary` },
    ]);
    expect([mocked?.source, live?.source]).toEqual(['mock', 'live']);
    expect(mixed.recorder?.files).toHaveLength(1);
    expect((await filesIn(folder)).length).toBe(before.length + 1);
  });

  it('writes deterministic files: the same exchanges give the same names', async () => {
    const first = await createHttpHost({ record: folder });
    await run(first.client, [
      { url: `${server.origin}/api/pretty` },
      { url: `${server.origin}/api/binary` },
    ]);
    const again = await mkdtemp(join(tmpdir(), 'pqsdk-record-'));
    try {
      const second = await createHttpHost({ record: again });
      await run(second.client, [
        { url: `${server.origin}/api/binary` },
        { url: `${server.origin}/api/pretty` },
      ]);
      expect(await filesIn(again)).toEqual(await filesIn(folder));
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { instantSleep, text } from '../../test/http/instant-sleep.js';
import { startLoopbackServer, type LoopbackServer } from '../../test/http/loopback-server.js';
import type { HttpClient } from '../http/client.js';
import { createHttpRequest, type HttpRequestInit } from '../http/request.js';
import type { HttpFailure, HttpResponse, HttpResult } from '../http/types.js';
import { MockError } from './errors.js';
import type { MockFixtureJson } from './fixture-format.js';
import { createHttpHost } from './http-host.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pqsdk-mocks-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeFixture(
  name: string,
  content: MockFixtureJson | MockFixtureJson[] | string,
): Promise<string> {
  const path = join(folder, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function fixture(
  request: MockFixtureJson['request'],
  response: MockFixtureJson['response'] = {},
  extra: Partial<MockFixtureJson> = {},
): MockFixtureJson {
  return { pqsdkMock: 1, ...extra, request, response };
}

async function replay(...paths: string[]): Promise<HttpClient> {
  const { client } = await createHttpHost({
    mock: paths.length === 0 ? folder : paths,
    sleep: instantSleep().sleep,
  });
  return client;
}

async function send(client: HttpClient, init: HttpRequestInit): Promise<HttpResult> {
  return client.send(createHttpRequest(init));
}

function expectResponse(result: HttpResult): HttpResponse {
  if (!result.ok) throw new Error(`expected a response, got ${result.kind}: ${result.message}`);
  return result;
}

function expectFailure(result: HttpResult): HttpFailure {
  if (result.ok) throw new Error(`expected a failure, got status ${String(result.status)}`);
  return result;
}

describe('MockStore loading', () => {
  it('loads a folder recursively in path order, skipping dotfiles and other files', async () => {
    await writeFixture('b.json', fixture({ url: 'https://h.example/x' }, { body: 'from b' }));
    await writeFixture('a/z.json', fixture({ url: 'https://h.example/x' }, { body: 'from a/z' }));
    await writeFixture('.hidden.json', fixture({ url: 'https://h.example/x' }, { body: 'hidden' }));
    await writeFixture('notes.txt', 'not a fixture');
    const { mocks } = await createHttpHost({ mock: folder });
    expect(mocks?.exchanges.map((exchange) => exchange.origin)).toEqual([
      join(folder, 'a/z.json'),
      join(folder, 'b.json'),
    ]);
    expect(
      text(expectResponse(await send(await replay(), { url: 'https://h.example/x' })).body),
    ).toBe('from a/z');
  });

  it('loads files and folders in the order given', async () => {
    const first = await writeFixture(
      'one/x.json',
      fixture({ url: 'https://h.example/x' }, { body: 'one' }),
    );
    await writeFixture('two/x.json', fixture({ url: 'https://h.example/x' }, { body: 'two' }));
    const client = await replay(join(folder, 'two'), first);
    expect(text(expectResponse(await send(client, { url: 'https://h.example/x' })).body)).toBe(
      'two',
    );
  });

  it('names the file and JSON path of an invalid fixture', async () => {
    await writeFixture('good.json', fixture({ url: 'https://h.example/x' }));
    const bad = await writeFixture('sub/bad.json', [
      fixture({ url: 'https://h.example/x' }),
      fixture({ url: 'https://h.example/x' }, { status: 1000 }),
    ]);
    const error = await createHttpHost({ mock: folder }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MockError);
    expect((error as MockError).code).toBe('PQSDK_MOCK_INVALID_FIXTURE');
    expect((error as MockError).message).toBe(
      `${bad}: $[1].response.status: expected a status code from 200 to 599, found number 1000`,
    );
  });

  it('says when a --mock path cannot be read', async () => {
    const missing = join(folder, 'missing');
    const error = await createHttpHost({ mock: missing }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MockError);
    expect((error as MockError).code).toBe('PQSDK_MOCK_READ_FAILED');
    expect((error as MockError).message).toMatch(
      new RegExp(
        `^${missing.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: cannot read the mock fixtures \\(.*ENOENT.*\\); check the --mock path$`,
      ),
    );
  });
});

describe('mock matching', () => {
  it('matches the method', async () => {
    await writeFixture(
      'get.json',
      fixture({ method: 'GET', url: 'https://h.example/x' }, { body: 'get' }),
    );
    await writeFixture(
      'post.json',
      fixture({ method: 'POST', url: 'https://h.example/x' }, { body: 'post' }),
    );
    const client = await replay();
    expect(text(expectResponse(await send(client, { url: 'https://h.example/x' })).body)).toBe(
      'get',
    );
    expect(
      text(
        expectResponse(
          await send(client, { url: 'https://h.example/x', body: new Uint8Array([1]) }),
        ).body,
      ),
    ).toBe('post');
  });

  it('matches query parameters in any order, repeated ones included', async () => {
    await writeFixture(
      'q.json',
      fixture({ url: 'https://h.example/search?q=Power+Query&tag=a&tag=b' }, { json: { hits: 1 } }),
    );
    const client = await replay();
    const result = expectResponse(
      await send(client, { url: 'https://h.example/search?tag=b&q=Power%20Query&tag=a' }),
    );
    expect(result.source).toBe('mock');
    expect(text(result.body)).toBe('{"hits":1}');
    expect(
      expectFailure(await send(client, { url: 'https://h.example/search?q=Power+Query&tag=a' }))
        .kind,
    ).toBe('mockMiss');
    expect(
      expectFailure(
        await send(client, { url: 'https://h.example/search?q=Power+Query&tag=a&tag=b&x=1' }),
      ).kind,
    ).toBe('mockMiss');
  });

  it('matches a urlPattern against the whole URL', async () => {
    await writeFixture(
      'p.json',
      fixture({ urlPattern: 'https://h\\.example/items/\\d+' }, { body: 'item' }),
    );
    const client = await replay();
    expect(expectResponse(await send(client, { url: 'https://h.example/items/42' })).source).toBe(
      'mock',
    );
    expect(expectFailure(await send(client, { url: 'https://h.example/items/42/more' })).kind).toBe(
      'mockMiss',
    );
  });

  it('matches a subset of headers, names in any case', async () => {
    await writeFixture(
      'h.json',
      fixture({
        url: 'https://h.example/x',
        headers: { accept: 'application/json', 'X-Version': '2' },
      }),
    );
    const client = await replay();
    const headers = [
      ['Accept', 'application/json'],
      ['x-version', '2'],
      ['X-Other', 'y'],
    ] as const;
    expect(expectResponse(await send(client, { url: 'https://h.example/x', headers })).source).toBe(
      'mock',
    );
    const failure = expectFailure(
      await send(client, { url: 'https://h.example/x', headers: [['Accept', 'text/plain']] }),
    );
    expect(failure.message).toContain('the header accept differs, the header X-Version is missing');
  });

  it.each<[MockFixtureJson['request'], string, string]>([
    [{ body: 'a=1' }, 'a=1', 'a=2'],
    [{ json: { b: [1, 2], a: 'x' } }, '{"a":"x","b":[1,2]}', '{"a":"x","b":[2,1]}'],
    [{ form: { a: '1', b: ['2', '3'] } }, 'b=2&a=1&b=3', 'a=1&b=2'],
    [{ base64: 'AAEC' }, '\u0000\u0001\u0002', '\u0000\u0001'],
  ])('matches the body %j', async (matcher, matching, other) => {
    await writeFixture(
      'b.json',
      fixture({ method: 'POST', url: 'https://h.example/x', ...matcher }),
    );
    const client = await replay();
    const body = (value: string): Uint8Array => new TextEncoder().encode(value);
    expect(
      expectResponse(await send(client, { url: 'https://h.example/x', body: body(matching) }))
        .source,
    ).toBe('mock');
    expect(
      expectFailure(await send(client, { url: 'https://h.example/x', body: body(other) })).kind,
    ).toBe('mockMiss');
  });

  it('treats <redacted> as any value in query, headers and bodies', async () => {
    await writeFixture(
      'r.json',
      fixture({
        method: 'POST',
        url: 'https://h.example/token?api_key=<redacted>&v=1',
        headers: { Authorization: '<redacted>', 'X-Trace': 'id-<redacted>' },
        form: { grant_type: 'authorization_code', code: '<redacted>' },
      }),
    );
    const client = await replay();
    const result = await send(client, {
      url: 'https://h.example/token?v=1&api_key=abc',
      headers: [
        ['Authorization', 'Bearer xyz'],
        ['X-Trace', 'id-42'],
      ],
      body: new TextEncoder().encode('code=c0de&grant_type=authorization_code'),
    });
    expect(expectResponse(result).source).toBe('mock');
  });

  it('answers a fixture only as many times as it says', async () => {
    await writeFixture('t.json', [
      fixture({ url: 'https://h.example/x' }, { body: 'first' }, { times: 2, name: 'limited' }),
    ]);
    const client = await replay();
    const get = async (): Promise<HttpResult> =>
      send(client, { url: 'https://h.example/x', isRetry: true });
    expect(text(expectResponse(await get()).body)).toBe('first');
    expect(text(expectResponse(await get()).body)).toBe('first');
    const failure = expectFailure(await get());
    expect(failure.message).toContain(
      `"limited" (${join(folder, 't.json')}[0]): it has answered 2 times already (times: 2)`,
    );
  });

  it('replays a sequence: a retried status, then a redirect, then the answer', async () => {
    await writeFixture('seq.json', [
      fixture(
        { url: 'https://h.example/start' },
        { status: 503, headers: { 'retry-after': '1' } },
        { times: 1 },
      ),
      fixture({ url: 'https://h.example/start' }, { status: 302, headers: { location: '/end' } }),
      fixture({ url: 'https://h.example/end' }, { body: 'done' }),
    ]);
    const { sleep, waits } = instantSleep();
    const { client } = await createHttpHost({ mock: folder, sleep });
    const result = expectResponse(await send(client, { url: 'https://h.example/start' }));
    expect(text(result.body)).toBe('done');
    expect(result.url).toBe('https://h.example/end');
    expect(result.attempts.map((attempt) => attempt.status)).toEqual([503, 302, 200]);
    expect(waits).toEqual([1000]);
  });

  it('fails a miss with the closest fixtures and what differs, without secret values', async () => {
    await writeFixture(
      'a.json',
      fixture({ url: 'https://h.example/items?page=1' }, {}, { name: 'page one' }),
    );
    await writeFixture('b.json', fixture({ method: 'POST', url: 'https://h.example/other' }));
    await writeFixture('c.json', fixture({ url: 'https://elsewhere.example/items' }));
    await writeFixture(
      'd.json',
      fixture({ url: 'https://h.example/items?page=2' }, {}, { name: 'page two' }),
    );
    const client = await replay();
    const failure = expectFailure(
      await send(client, {
        url: 'https://h.example/items?page=3&api_key=s3cr3t-value',
        secrets: { headers: [], queryParameters: ['api_key'] },
      }),
    );
    expect(failure.kind).toBe('mockMiss');
    expect(failure.message).toBe(
      'GET https://h.example/items?page=3&api_key=*** failed: no mock fixture matches it and live requests are off (--allow-live turns them on); ' +
        `closest fixtures: "page one" (${join(folder, 'a.json')}): query parameters differ: page, api_key; ` +
        `"page two" (${join(folder, 'd.json')}): query parameters differ: page, api_key; ` +
        `${join(folder, 'b.json')}: the method is GET, not POST, the path is /items, not /other, query parameters differ: page, api_key.`,
    );
    expect(failure.message).not.toContain('s3cr3t-value');
  });

  it('says when no fixtures are loaded', async () => {
    const failure = expectFailure(await send(await replay(), { url: 'https://h.example/x' }));
    expect(failure.message).toBe(
      'GET https://h.example/x failed: no mock fixture matches it and live requests are off (--allow-live turns them on); no mock fixtures are loaded.',
    );
  });

  it('lists the fixtures that never answered', async () => {
    await writeFixture('used.json', fixture({ url: 'https://h.example/used' }));
    await writeFixture('unused.json', fixture({ url: 'https://h.example/unused' }));
    const { client, mocks } = await createHttpHost({ mock: folder });
    await send(client, { url: 'https://h.example/used' });
    expect(mocks?.unused().map((exchange) => exchange.origin)).toEqual([
      join(folder, 'unused.json'),
    ]);
  });

  it('holds a mock response to the body size limit', async () => {
    await writeFixture(
      'big.json',
      fixture({ url: 'https://h.example/big' }, { body: 'x'.repeat(100) }),
    );
    const { client } = await createHttpHost({ mock: folder, maxResponseBytes: 50 });
    expect(expectFailure(await send(client, { url: 'https://h.example/big' })).kind).toBe(
      'responseTooLarge',
    );
  });
});

describe('allowLive', () => {
  let server: LoopbackServer;

  beforeAll(async () => {
    server = await startLoopbackServer((_request, response) => {
      response.end('live answer');
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('sends a miss to the network and still answers matches from fixtures', async () => {
    await writeFixture(
      'm.json',
      fixture({ url: `${server.origin}/mocked` }, { body: 'mock answer' }),
    );
    const { client } = await createHttpHost({ mock: folder, allowLive: true });
    const mocked = expectResponse(await send(client, { url: `${server.origin}/mocked` }));
    const live = expectResponse(await send(client, { url: `${server.origin}/live` }));
    expect([mocked.source, text(mocked.body)]).toEqual(['mock', 'mock answer']);
    expect([live.source, text(live.body)]).toEqual(['live', 'live answer']);
    expect(server.received.map((request) => request.url)).toEqual(['/live']);
  });
});

import { describe, expect, it } from 'vitest';
import { createHttpRequest, type HttpRequestInit } from '../http/request.js';
import type { WireRequest, WireResponse } from '../http/transport.js';
import type { HttpHeader } from '../http/types.js';
import { fixtureFileName, serializeFixtures } from './fixture-writer.js';
import { RecordingRedactor } from './redaction.js';

const UTF8 = new TextEncoder();

function wire(
  init: Omit<HttpRequestInit, 'body'> & { body?: Uint8Array | string | null },
): WireRequest {
  const body = typeof init.body === 'string' ? UTF8.encode(init.body) : (init.body ?? null);
  const request = createHttpRequest({ ...init, body });
  return { ...request, maxBodyBytes: 1_000_000 };
}

function answer(
  body: string | Uint8Array = '',
  headers: readonly HttpHeader[] = [],
  status = 200,
): WireResponse {
  return {
    status,
    statusText: status === 200 ? 'OK' : '',
    headers,
    body: typeof body === 'string' ? UTF8.encode(body) : body,
  };
}

describe('RecordingRedactor', () => {
  it('redacts secret request headers and leaves out ExcludedFromCacheKey ones', () => {
    const fixture = new RecordingRedactor().redact(
      wire({
        url: 'https://api.example/items',
        headers: [
          ['Accept', 'application/json'],
          ['Authorization', 'Bearer header-token-1'],
          ['Proxy-Authorization', 'Basic cHJveHk6cGFzcw=='],
          ['Cookie', 'sid=cookie-value-1'],
          ['X-API-Key', 'api-key-value-1'],
          ['X-Tenant', 'declared-secret-1'],
          ['X-Request-Id', 'volatile-1'],
        ],
        secrets: { headers: ['x-tenant'], queryParameters: [] },
        excludedFromCacheKey: ['X-Request-Id'],
      }),
      answer('[]', [['content-type', 'application/json']]),
    );
    expect(fixture.request.headers).toEqual({
      Accept: 'application/json',
      Authorization: '<redacted>',
      'Proxy-Authorization': '<redacted>',
      Cookie: '<redacted>',
      'X-API-Key': '<redacted>',
      'X-Tenant': '<redacted>',
    });
  });

  it('redacts secret query parameters and a URL password', () => {
    const fixture = new RecordingRedactor().redact(
      wire({
        url: 'https://user:url-password@api.example/get?api_key=query-key-1&page=2&access_token=query-token-1&sig=signature-1&q=a+b',
        secrets: { headers: [], queryParameters: ['api_key'] },
      }),
      answer(),
    );
    expect(fixture.request.url).toBe(
      'https://user:<redacted>@api.example/get?api_key=<redacted>&page=2&access_token=<redacted>&sig=<redacted>&q=a+b',
    );
  });

  it('redacts the secrets of a JSON token request, at any depth', () => {
    const fixture = new RecordingRedactor().redact(
      wire({
        url: 'https://login.example/token',
        headers: [['Content-Type', 'application/json']],
        body: JSON.stringify({
          grant_type: 'authorization_code',
          code: 'auth-code-1',
          code_verifier: 'verifier-1',
          client_id: 'public-client',
          client_secret: 'client-secret-1',
          nested: { password: 'nested-password-1', user: 'ann' },
        }),
      }),
      answer(),
    );
    expect(fixture.request.json).toEqual({
      grant_type: 'authorization_code',
      code: '<redacted>',
      code_verifier: '<redacted>',
      client_id: 'public-client',
      client_secret: '<redacted>',
      nested: { password: '<redacted>', user: 'ann' },
    });
  });

  it('redacts the secrets of a form-encoded token request, and code only there', () => {
    const redactor = new RecordingRedactor();
    const token = redactor.redact(
      wire({
        url: 'https://login.example/token',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: 'grant_type=refresh_token&refresh_token=refresh-1&client_id=app&client_secret=secret-1&scope=a+b',
      }),
      answer(),
    );
    expect(token.request.form).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '<redacted>',
      client_id: 'app',
      client_secret: '<redacted>',
      scope: 'a b',
    });
    const search = redactor.redact(
      wire({
        url: 'https://api.example/search',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: 'code=US&page=1',
      }),
      answer(),
    );
    expect(search.request.form).toEqual({ code: 'US', page: '1' });
  });

  it('redacts an OAuth token response and its cookies, and drops the now wrong Content-Length', () => {
    const body = JSON.stringify({
      access_token: 'access-1',
      refresh_token: 'refresh-2',
      id_token: 'id-token-1',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    const fixture = new RecordingRedactor().redact(
      wire({ url: 'https://login.example/token', body: 'grant_type=client_credentials' }),
      answer(body, [
        ['content-type', 'application/json'],
        ['content-length', String(body.length)],
        ['set-cookie', 'session=cookie-2; Path=/; HttpOnly'],
        ['connection', 'keep-alive'],
      ]),
    );
    expect(fixture.response).toEqual({
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json', 'set-cookie': '<redacted>' },
      json: {
        access_token: '<redacted>',
        refresh_token: '<redacted>',
        id_token: '<redacted>',
        token_type: 'Bearer',
        expires_in: 3600,
      },
    });
  });

  it('redacts a form-encoded token response', () => {
    const fixture = new RecordingRedactor().redact(
      wire({ url: 'https://login.example/token', body: 'grant_type=client_credentials' }),
      answer('access_token=form-access-1&scope=repo&token_type=bearer', [
        ['content-type', 'application/x-www-form-urlencoded'],
      ]),
    );
    expect(fixture.response.body).toBe('access_token=<redacted>&scope=repo&token_type=bearer');
  });

  it('replaces a known secret wherever it shows up again', () => {
    const redactor = new RecordingRedactor();
    redactor.redact(
      wire({ url: 'https://login.example/token', body: 'grant_type=client_credentials' }),
      answer(JSON.stringify({ access_token: 'learned-token-1' })),
    );
    const fixture = redactor.redact(
      wire({
        url: 'https://api.example/users/learned-token-1/items?next=learned-token-1',
        headers: [['Authorization', 'Basic dXNlcjpiYXNpYy1wYXNzd29yZA==']],
      }),
      answer(
        'echo: learned-token-1 and basic-password',
        [['location', 'https://x.example/?t=learned-token-1']],
        302,
      ),
    );
    expect(fixture.request.url).toBe('https://api.example/users/<redacted>/items?next=<redacted>');
    expect(fixture.response.body).toBe('echo: <redacted> and <redacted>');
    expect(fixture.response.headers).toEqual({ location: 'https://x.example/?t=<redacted>' });
    expect(fixture.name).toBe('GET api.example/users/<redacted>/items');
  });

  it('keeps JSON that is not compact as text, so a replay gives the same bytes', () => {
    const redactor = new RecordingRedactor();
    const pretty = '{\n  "a": 1\n}';
    expect(
      redactor.redact(wire({ url: 'https://h.example/' }), answer(pretty)).response,
    ).toMatchObject({ body: pretty });
    expect(
      redactor.redact(wire({ url: 'https://h.example/' }), answer('{"a":1}')).response,
    ).toMatchObject({ json: { a: 1 } });
    expect(
      redactor.redact(wire({ url: 'https://h.example/' }), answer('plain text')).response,
    ).toMatchObject({
      body: 'plain text',
    });
  });

  it('records a binary body as base64', () => {
    const fixture = new RecordingRedactor().redact(
      wire({ url: 'https://h.example/', body: new Uint8Array([0xff, 0x00]) }),
      answer(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff])),
    );
    expect(fixture.request.base64).toBe('/wA=');
    expect(fixture.response.base64).toBe('iVBOR/8=');
  });
});

describe('fixture files', () => {
  it('names a file by method, host, path and a hash of the redacted request', () => {
    const redactor = new RecordingRedactor();
    const one = redactor.redact(
      wire({ url: 'http://127.0.0.1:8080/v1/items?api_key=first-key&b=2&a=1' }),
      answer(),
    );
    const two = redactor.redact(
      wire({ url: 'http://127.0.0.1:8080/v1/items?a=1&api_key=second-key&b=2' }),
      answer(),
    );
    const name = fixtureFileName(one);
    expect(name).toMatch(/^get-127\.0\.0\.1_8080-v1-items-[0-9a-f]{8}\.json$/);
    expect(fixtureFileName(two)).toBe(name);
    expect(fixtureFileName(redactor.redact(wire({ url: 'https://h.example/' }), answer()))).toMatch(
      /^get-h\.example-root-[0-9a-f]{8}\.json$/,
    );
  });

  it('writes one exchange as an object and a sequence as an array answering in order', () => {
    const redactor = new RecordingRedactor();
    const first = redactor.redact(wire({ url: 'https://h.example/' }), answer('', [], 503));
    const second = redactor.redact(wire({ url: 'https://h.example/' }), answer('ok'));
    expect(serializeFixtures([second])).toBe(
      `${JSON.stringify(
        {
          pqsdkMock: 1,
          name: 'GET h.example/',
          request: { method: 'GET', url: 'https://h.example/' },
          response: { status: 200, statusText: 'OK', body: 'ok' },
        },
        null,
        2,
      )}\n`,
    );
    const sequence = JSON.parse(serializeFixtures([first, second])) as { times?: number }[];
    expect(sequence.map((item) => item.times)).toEqual([1, undefined]);
  });
});

describe('RecordingRedactor without a content type', () => {
  it('still redacts a token request whose body reads as form fields', () => {
    const fixture = new RecordingRedactor().redact(
      wire({
        url: 'https://login.example/token',
        body: 'grant_type=authorization_code&code=code-without-type',
      }),
      answer('access_token=plain-access-token&expires_in=60'),
    );
    expect(fixture.request.form).toEqual({ grant_type: 'authorization_code', code: '<redacted>' });
    expect(fixture.response.body).toBe('access_token=<redacted>&expires_in=60');
  });

  it('leaves other text bodies as text', () => {
    const fixture = new RecordingRedactor().redact(
      wire({ url: 'https://h.example/', body: 'a=1&b=2' }),
      answer('x=1'),
    );
    expect(fixture.request.body).toBe('a=1&b=2');
    expect(fixture.response.body).toBe('x=1');
  });
});

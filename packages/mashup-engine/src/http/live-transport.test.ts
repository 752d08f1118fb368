import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  receivedHeader,
  startLoopbackServer,
  type LoopbackServer,
} from '../../test/http/loopback-server.js';
import { MashupEngine } from '../host/mashup-engine.js';
import { HttpClient } from './client.js';
import { LiveTransport } from './live-transport.js';
import type { WireRequest, WireResult } from './transport.js';

const PROBE = new URL('../../test/fixtures/Probe', import.meta.url).pathname;
const GREETING = 'the decoded greeting';

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const encoded = (encoding: string, body: Buffer): void => {
      response.writeHead(200, { 'Content-Encoding': encoding, 'Content-Length': body.length });
      response.end(body);
    };
    switch (path) {
      case '/headers':
        // Raw header names, as a server may write them: the case must reach M code unchanged.
        response.writeHead(200, [
          ['Content-Type', 'application/json'],
          ['X-RateLimit-Remaining', '41'],
          ['Link', '<http://127.0.0.1/next>; rel="next"'],
          ['link', '<http://127.0.0.1/last>; rel="last"'],
        ]);
        response.end('{}');
        return;
      case '/gzip':
        encoded('gzip', gzipSync(GREETING));
        return;
      case '/deflate':
        encoded('deflate', deflateSync(GREETING));
        return;
      case '/deflate-raw':
        encoded('deflate', deflateRawSync(GREETING));
        return;
      case '/br':
        encoded('br', brotliCompressSync(GREETING));
        return;
      case '/bomb':
        encoded('gzip', gzipSync(Buffer.alloc(4 * 1024 * 1024)));
        return;
      case '/broken-gzip':
        encoded('gzip', Buffer.from('this is not gzip at all'));
        return;
      case '/cut':
        response.writeHead(200, { 'Content-Length': '100' });
        response.write('only part of it');
        setTimeout(() => response.destroy(), 20);
        return;
      case '/head/resource':
        response.writeHead(200, [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Encoding', 'gzip'],
          ['Content-Length', '123456789'],
          ['Vary', 'Accept-Encoding'],
        ]);
        response.end();
        return;
      case '/post':
        response.end(`${String(request.body.byteLength)} bytes`);
        return;
      default:
        response.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  await server.close();
});

function wire(path: string, init: Partial<WireRequest> = {}): WireRequest {
  return {
    method: 'GET',
    url: `${server.origin}${path}`,
    headers: [],
    body: null,
    timeoutMs: 10_000,
    maxBodyBytes: 1024 * 1024,
    secrets: { headers: [], queryParameters: [] },
    excludedFromCacheKey: [],
    ...init,
  };
}

function bodyText(result: WireResult): string {
  if (!result.ok) throw new Error(`expected a response, got ${result.kind}: ${result.cause}`);
  return Buffer.from(result.response.body).toString('utf8');
}

describe('LiveTransport', () => {
  const transport = new LiveTransport();

  it('keeps the case of the response header names the server sent', async () => {
    const result = await transport.exchange(wire('/headers'));
    if (!result.ok) throw new Error(result.cause);
    const names = result.response.headers.map(([name]) => name);
    expect(names).toContain('X-RateLimit-Remaining');
    expect(names).toContain('Content-Type');
    expect(names.filter((name) => name.toLowerCase() === 'link')).toEqual(['Link', 'link']);
    expect(names).not.toContain('Connection');
  });

  it.each(['gzip', 'deflate', 'deflate-raw', 'br'])(
    'decodes a %s body and drops the headers that described the encoding',
    async (path) => {
      const result = await transport.exchange(wire(`/${path}`));
      expect(bodyText(result)).toBe(GREETING);
      if (!result.ok) return;
      const names = result.response.headers.map(([name]) => name.toLowerCase());
      expect(names).not.toContain('content-encoding');
      expect(names).not.toContain('content-length');
    },
  );

  it('asks for compressed bodies, and sends a user agent, unless the request says otherwise', async () => {
    await transport.exchange(wire('/gzip'));
    const defaults = server.received.at(-1);
    expect(defaults && receivedHeader(defaults, 'accept-encoding')).toBe('gzip, deflate, br');
    expect(defaults && receivedHeader(defaults, 'user-agent')).toBe('pqsdk-mashup-engine');
    await transport.exchange(
      wire('/gzip', {
        headers: [
          ['Accept-Encoding', 'identity'],
          ['User-Agent', 'mine/1.0'],
        ],
      }),
    );
    const own = server.received.at(-1);
    expect(own?.headers).toEqual(
      expect.arrayContaining([
        ['Accept-Encoding', 'identity'],
        ['User-Agent', 'mine/1.0'],
      ]),
    );
  });

  it('sends a body with its length', async () => {
    const result = await transport.exchange(
      wire('/post', { method: 'POST', body: new Uint8Array(1234) }),
    );
    expect(bodyText(result)).toBe('1234 bytes');
    expect(receivedHeader(server.received.at(-1)!, 'content-length')).toBe('1234');
  });

  it('stops decoding a compressed body once it passes the size limit', async () => {
    const result = await transport.exchange(wire('/bomb', { maxBodyBytes: 64 * 1024 }));
    expect(result).toEqual({
      ok: false,
      kind: 'responseTooLarge',
      cause: 'the response body is larger than the limit of 64 KiB',
    });
  });

  it('reports a body that does not decode as a network failure', async () => {
    const result = await transport.exchange(wire('/broken-gzip'));
    expect(result.ok ? null : result.kind).toBe('network');
    expect(result.ok ? '' : result.cause).toMatch(/^the gzip body could not be decoded: /);
  });

  it('reports a connection cut in the middle of the body', async () => {
    const result = await transport.exchange(wire('/cut'));
    expect(result.ok ? null : result.kind).toBe('network');
  });

  it('refuses a scheme other than http and https', async () => {
    const result = await transport.exchange(wire('', { url: 'ftp://127.0.0.1/x' }));
    expect(result).toEqual({
      ok: false,
      kind: 'invalidRequest',
      cause: 'the scheme ftp: is not supported (only http: and https:)',
    });
  });
});

describe('Web.Contents response headers', () => {
  it('are fields named as the server sent them, repeated ones joined', async () => {
    const engine = await MashupEngine.open(PROBE, { http: new HttpClient({ cache: false }) });
    try {
      const result = await engine.evaluate(
        `let h = Value.Metadata(Web.Contents("${server.origin}/headers"))[Headers]
         in [Remaining = h[#"X-RateLimit-Remaining"], Link = h[Link], Type = h[#"Content-Type"]]`,
      );
      expect(result.ok ? result.value.json : result.error).toEqual({
        Remaining: '41',
        Link: '<http://127.0.0.1/next>; rel="next", <http://127.0.0.1/last>; rel="last"',
        Type: 'application/json',
      });
    } finally {
      await engine.close();
    }
  });
});

describe('Web.Headers', () => {
  let engine: MashupEngine;
  beforeAll(async () => {
    engine = await MashupEngine.open(PROBE, { http: new HttpClient({ cache: false }) });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('sends a HEAD with the options, and gives the headers as sent with the status as metadata', async () => {
    const result = await engine.evaluate(
      `let h = Web.Headers("${server.origin}", [RelativePath = "head/resource", Query = [q = "Power Query"]])
       in [Headers = h, Status = Value.Metadata(h)[Response.Status]]`,
    );
    expect(result.ok ? result.value.json : result.error).toEqual({
      Headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Encoding': 'gzip',
        'Content-Length': '123456789',
        Vary: 'Accept-Encoding',
        Date: expect.any(String) as unknown,
      },
      Status: 200,
    });
    const received = server.received.at(-1);
    expect([received?.method, received?.url]).toEqual(['HEAD', '/head/resource?q=Power+Query']);
  });

  it('refuses the options Web.Contents has and it has not', async () => {
    const result = await engine.evaluate(`Web.Headers("${server.origin}", [Content = "x"])`);
    expect(result.ok ? null : result.error.message).toBe(
      "'Content' isn't a valid Web.Headers option. Valid options are: Query, ApiKeyName, Headers, Timeout, ExcludedFromCacheKey, IsRetry, ManualStatusHandling, RelativePath.",
    );
  });

  it('raises the DataSource.Error of a failed status', async () => {
    const result = await engine.evaluate(`Web.Headers("${server.origin}/nothing")`);
    expect(result.ok ? null : [result.error.reason, result.error.message]).toEqual([
      'DataSource.Error',
      `Web.Contents failed to get contents from '${server.origin}/nothing' (404): Not Found`,
    ]);
  });
});

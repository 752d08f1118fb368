/**
 * Collaborators for the engine's tests: credentials in the store's model, temporary connector
 * folders, and an HTTP server on 127.0.0.1 that records what it was asked.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Credential } from '../src/credentials/types.js';

/** The example connectors of the repository. */
export const EXAMPLES = new URL('../../../examples/', import.meta.url).pathname;

const COMMON = { privacySetting: 'None', permissions: [] } as const;

/** Credentials for tests, by authentication kind. */
export const credential = {
  anonymous: (kind: string, path: string): Credential => ({
    ...COMMON,
    dataSource: { kind, path },
    authenticationKind: 'Anonymous',
  }),
  key: (kind: string, path: string, key: string): Credential => ({
    ...COMMON,
    dataSource: { kind, path },
    authenticationKind: 'Key',
    key,
  }),
  usernamePassword: (
    kind: string,
    path: string,
    username: string,
    password: string,
  ): Credential => ({
    ...COMMON,
    dataSource: { kind, path },
    authenticationKind: 'UsernamePassword',
    username,
    password,
  }),
  windows: (kind: string, path: string, username: string, password: string): Credential => ({
    ...COMMON,
    dataSource: { kind, path },
    authenticationKind: 'Windows',
    username,
    password,
  }),
  oauth: (kind: string, path: string, accessToken: string, aad = false): Credential => ({
    ...COMMON,
    dataSource: { kind, path },
    authenticationKind: aad ? 'Aad' : 'OAuth',
    token: {
      accessToken,
      refreshToken: 'refresh-1',
      obtainedAt: '2024-01-01T00:00:00.000Z',
      properties: {},
    },
  }),
};

/** A temporary folder holding the given files; `remove` deletes it. */
export function tempFolder(files: Readonly<Record<string, string | Uint8Array>>): {
  readonly path: string;
  remove(): void;
} {
  const path = mkdtempSync(join(tmpdir(), 'pqsdk-engine-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** A request the test server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An HTTP server on 127.0.0.1 that answers with `respond` and records every request. */
export async function startServer(
  respond: (request: ReceivedRequest) => {
    status?: number;
    headers?: Record<string, string>;
    body?: string;
    hang?: boolean;
  },
): Promise<{ readonly url: string; readonly requests: ReceivedRequest[]; close(): Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received: ReceivedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      const answer = respond(received);
      if (answer.hang === true) return;
      response.writeHead(answer.status ?? 200, {
        'content-type': 'application/json',
        ...answer.headers,
      });
      response.end(answer.body ?? '{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    url,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * A zip archive of stored (uncompressed) entries, written byte by byte, so that tests can make
 * archives the packager's writer would refuse to write (a `../` name, for one).
 */
export function storedZip(
  entries: readonly { readonly name: string; readonly data: string }[],
): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

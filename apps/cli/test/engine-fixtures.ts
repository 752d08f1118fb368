import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type CliResult, makeTempDirectory, runCli } from './cli-harness.js';

/** The example connectors of the repository. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** The HelloWorld example. */
export const HELLO_WORLD = join(EXAMPLES_DIR, 'HelloWorld');

/** A request a {@link TestServer} received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** An HTTP server on 127.0.0.1 with an ephemeral port. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 that answers with `handle`. */
export async function startServer(
  handle: (request: ReceivedRequest, response: ServerResponse) => void,
): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      handle(received, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A free TCP port on 127.0.0.1 (free when this returns; taken by nobody else in a test). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}

/** Sends a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Runs `pqsdk <argv…>` in `cwd` with `stdin` holding `input` (a real stream). */
export function runWithInput(
  argv: readonly string[],
  cwd: string,
  input: string,
  io: Parameters<typeof runCli>[1] = {},
): Promise<CliResult> {
  return runCli(argv, { cwd, stdin: Readable.from([input]), ...io });
}

/** A temporary folder holding `files`, and the credential store path in it. */
export function workspace(files: Readonly<Record<string, string | Uint8Array>> = {}): {
  readonly cwd: string;
  readonly store: string;
} {
  const cwd = makeTempDirectory(files);
  return { cwd, store: join(cwd, 'state', 'credentials.json') };
}

/** Replaces ISO 8601 times (`2026-01-31T13:05:00.123Z`) with `<time>`. */
export function normaliseTimes(text: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '<time>');
}

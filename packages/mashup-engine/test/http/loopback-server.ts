import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the loopback server received. */
export interface ReceivedRequest {
  /** The method. */
  readonly method: string;
  /** The path and query, as sent. */
  readonly url: string;
  /** The raw headers as name/value pairs, names as sent. */
  readonly headers: readonly (readonly [string, string])[];
  /** The body. */
  readonly body: Buffer;
}

/** Answers one request; `request.body` holds the whole body already. */
export type LoopbackHandler = (
  request: IncomingMessage & { readonly body: Buffer },
  response: ServerResponse,
) => void | Promise<void>;

/** A running loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Every request received, in order. */
  readonly received: ReceivedRequest[];
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on 127.0.0.1 with an ephemeral port. A handler that throws answers 500
 * with the message, so a broken test handler is visible.
 */
export async function startLoopbackServer(handler: LoopbackHandler): Promise<LoopbackServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: [string, string][] = [];
      for (let index = 0; index < request.rawHeaders.length; index += 2) {
        headers.push([request.rawHeaders[index] ?? '', request.rawHeaders[index + 1] ?? '']);
      }
      received.push({ method: request.method ?? '', url: request.url ?? '', headers, body });
      Promise.resolve(handler(Object.assign(request, { body }), response)).catch(
        (error: unknown) => {
          if (!response.headersSent) response.writeHead(500);
          response.end(String(error));
        },
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    received,
    close: async () => {
      if (closed) return;
      closed = true;
      const done = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await done;
    },
  };
}

/** The value of a received request's header (first one, any case), or `undefined`. */
export function receivedHeader(request: ReceivedRequest, name: string): string | undefined {
  return request.headers.find(
    ([headerName]) => headerName.toLowerCase() === name.toLowerCase(),
  )?.[1];
}

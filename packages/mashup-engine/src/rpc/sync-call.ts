import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/**
 * Synchronous calls from the evaluation side (a worker thread) to the host side (the thread that
 * owns the engine), DESIGN.md §1. The caller posts a request and blocks in `Atomics.wait` on a
 * shared word; the host serves it asynchronously, posts the reply and wakes the caller, which takes
 * the reply from its port with `receiveMessageOnPort`.
 */

/** The methods a host serves: each takes one structured-clone argument and returns one. */
export type MethodMap = Record<string, (argument: never) => unknown>;

/** The request the caller posts. */
interface CallRequest {
  readonly id: number;
  readonly method: string;
  readonly argument: unknown;
}

/** The reply the host posts: a value, or a failure that the caller rethrows. */
type CallReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly method: string };

/** The shared word: 0 while a call is pending, 1 once its reply is posted. */
const PENDING = 0;
const REPLIED = 1;

/** What the worker needs to make calls: its end of the channel and the shared word. */
export interface SyncCallEndpoint {
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
}

/** Both ends of a new channel: give `caller` to the worker (transfer its port) and serve `host`. */
export function createSyncChannel(): { caller: SyncCallEndpoint; host: SyncCallEndpoint } {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  return { caller: { port: port1, signal }, host: { port: port2, signal } };
}

/** A failure the host reported for a call: a bug or an unavailable service, never an M error. */
export class HostCallError extends Error {
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(`host call ${method} failed: ${message}`);
    this.name = 'HostCallError';
  }
}

/**
 * The caller's end: `call(method, argument)` blocks the thread until the host replies. Use only on
 * a worker thread (blocking the main thread would stop the host from ever replying).
 */
export class SyncCaller<Methods extends MethodMap> {
  readonly #port: MessagePort;
  readonly #word: Int32Array;
  #nextId = 1;

  constructor(endpoint: SyncCallEndpoint) {
    this.#port = endpoint.port;
    this.#word = new Int32Array(endpoint.signal);
  }

  call<Name extends keyof Methods & string>(
    method: Name,
    argument: Parameters<Methods[Name]>[0],
  ): Awaited<ReturnType<Methods[Name]>> {
    const id = this.#nextId++;
    Atomics.store(this.#word, 0, PENDING);
    this.#port.postMessage({ id, method, argument } satisfies CallRequest);
    for (;;) {
      Atomics.wait(this.#word, 0, PENDING);
      const received = receiveMessageOnPort(this.#port) as { message: CallReply } | undefined;
      if (received === undefined) {
        // The host posts before it sets the word, so this should not happen; pause briefly
        // rather than spin if it ever does.
        Atomics.wait(this.#word, 0, REPLIED, 1);
        continue;
      }
      const reply = received.message;
      if (reply.id !== id) continue;
      if (!reply.ok) throw new HostCallError(reply.method, reply.message);
      return reply.value as Awaited<ReturnType<Methods[Name]>>;
    }
  }

  /** Lets the worker exit once nothing else keeps it alive. */
  close(): void {
    this.#port.close();
  }
}

/** Host-side handlers: each may be async; what it returns (or throws) goes back to the caller. */
export type Handlers<Methods extends MethodMap> = {
  readonly [Name in keyof Methods]: (
    argument: Parameters<Methods[Name]>[0],
  ) => ReturnType<Methods[Name]> | Promise<Awaited<ReturnType<Methods[Name]>>>;
};

/**
 * Serves calls on the host's end until the port closes. A handler that throws sends the caller a
 * failure with the error's message. Values are sent by structured clone (copied, never transferred:
 * the host may keep what it replied with, such as a cached response body).
 */
export function serveSyncCalls<Methods extends MethodMap>(
  endpoint: SyncCallEndpoint,
  handlers: Handlers<Methods>,
): { close(): void } {
  const word = new Int32Array(endpoint.signal);
  const port = endpoint.port;
  const reply = (message: CallReply): void => {
    port.postMessage(message);
    Atomics.store(word, 0, REPLIED);
    Atomics.notify(word, 0);
  };
  port.on('message', (request: CallRequest) => {
    const handler = (handlers as Record<string, ((argument: unknown) => unknown) | undefined>)[
      request.method
    ];
    if (handler === undefined) {
      reply({ id: request.id, ok: false, method: request.method, message: 'no such method' });
      return;
    }
    void (async () => {
      try {
        const value = await handler(request.argument);
        reply({ id: request.id, ok: true, value });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        reply({ id: request.id, ok: false, method: request.method, message });
      }
    })();
  });
  return {
    close: () => {
      port.close();
    },
  };
}

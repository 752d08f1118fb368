import { HttpClient, type HttpClientOptions } from '../http/client.js';
import { LiveTransport } from '../http/live-transport.js';
import type { HttpTransport } from '../http/transport.js';
import { MockStore } from './mock-store.js';
import { MockRecorder, RecordingTransport } from './recorder.js';
import { ReplayTransport } from './replay-transport.js';

/** Options of {@link createHttpHost}: the client's options and the mock flags of the CLI. */
export interface HttpHostOptions extends Omit<HttpClientOptions, 'transport'> {
  /** Fixture files or folders to replay (`--mock`). */
  readonly mock?: string | readonly string[];
  /** With `mock`: send requests no fixture matches to the network (`--allow-live`). */
  readonly allowLive?: boolean;
  /** A folder to record live exchanges to, secrets redacted (`--record`). */
  readonly record?: string;
  /** The live transport. Default: a `LiveTransport`. */
  readonly live?: HttpTransport;
}

/** The HTTP side of one run: the client, and the mocks and recorder it uses. */
export interface HttpHost {
  /** The client that performs `Web.Contents` requests. */
  readonly client: HttpClient;
  /** The loaded fixtures, when `mock` is given (ask it for `unused()` fixtures after a run). */
  readonly mocks?: MockStore;
  /** The recorder, when `record` is given. */
  readonly recorder?: MockRecorder;
}

/**
 * Sets up the HTTP side of one run from the CLI's flags:
 * - no `mock`: requests go live;
 * - `mock`: requests are answered by fixtures, and a miss fails (`mockMiss`) unless `allowLive`;
 * - `record`: every exchange that goes live is recorded (with `mock`, only the misses that went
 *   live).
 *
 * @throws {@link MockError} when a fixture path cannot be read or a fixture is not valid.
 *
 * @example
 * ```ts
 * const { client } = await createHttpHost({ mock: 'test/fixtures/http', allowLive: false });
 * const result = await client.send(createHttpRequest({ url: 'https://api.example.com/items' }));
 * ```
 */
export async function createHttpHost(options: HttpHostOptions = {}): Promise<HttpHost> {
  const { mock, allowLive, record, live, ...clientOptions } = options;
  const network = live ?? new LiveTransport();
  let transport: HttpTransport = network;
  let mocks: MockStore | undefined;
  if (mock !== undefined) {
    mocks = await MockStore.load(typeof mock === 'string' ? [mock] : mock);
    transport = new ReplayTransport(mocks, allowLive === true ? { live: network } : {});
  }
  let recorder: MockRecorder | undefined;
  if (record !== undefined) {
    recorder = new MockRecorder(record);
    transport = new RecordingTransport(transport, recorder);
  }
  const client = new HttpClient({ ...clientOptions, transport });
  return {
    client,
    ...(mocks === undefined ? {} : { mocks }),
    ...(recorder === undefined ? {} : { recorder }),
  };
}

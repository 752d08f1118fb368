import { formatBytes } from '../http/live-transport.js';
import type { HttpTransport, WireRequest, WireResult } from '../http/transport.js';
import type { MockCandidate, MockStore } from './mock-store.js';

/** Options of {@link ReplayTransport}. */
export interface ReplayTransportOptions {
  /**
   * Where a request goes when no fixture matches (`--allow-live`): usually a `LiveTransport`.
   * Without it, a miss is a `mockMiss` failure (PQTest's "fail on mock miss").
   */
  readonly live?: HttpTransport;
}

/** The closest fixtures of a miss, in one clause: `closest: "a" (x.json): …; y.json[1]: …`. */
export function describeCandidates(candidates: readonly MockCandidate[]): string {
  if (candidates.length === 0) return 'no mock fixtures are loaded';
  const listed = candidates
    .map((candidate) => `${candidate.label}: ${candidate.differences.join(', ')}`)
    .join('; ');
  return `closest fixtures: ${listed}`;
}

/**
 * A transport that answers from mock fixtures (`--mock`): a match gives the fixture's response
 * (source `mock`); a miss fails with the closest fixtures and what differs, or goes live when a
 * live transport is given (`--allow-live`).
 */
export class ReplayTransport implements HttpTransport {
  readonly #store: MockStore;
  readonly #live: HttpTransport | undefined;

  /**
   * @param store - The fixtures.
   * @param options - What to do on a miss.
   */
  constructor(store: MockStore, options: ReplayTransportOptions = {}) {
    this.#store = store;
    this.#live = options.live;
  }

  /** Answers one exchange from the fixtures, or from the live transport on a miss. */
  async exchange(request: WireRequest): Promise<WireResult> {
    if (request.signal?.aborted === true) {
      return { ok: false, kind: 'cancelled', cause: 'the request was cancelled' };
    }
    const found = this.#store.take(request);
    if (found.ok) {
      if (found.response.body.byteLength > request.maxBodyBytes) {
        return {
          ok: false,
          kind: 'responseTooLarge',
          cause: `the response body is larger than the limit of ${formatBytes(request.maxBodyBytes)}`,
        };
      }
      return { ok: true, response: found.response, source: 'mock' };
    }
    if (this.#live !== undefined) return this.#live.exchange(request);
    return {
      ok: false,
      kind: 'mockMiss',
      cause: `no mock fixture matches it and live requests are off (--allow-live turns them on); ${describeCandidates(found.candidates)}`,
    };
  }
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WireRequest, WireResponse } from '../http/transport.js';
import { MockError } from './errors.js';
import { exchangeLabel, type MockExchange } from './fixture-format.js';
import { parseFixtureFile } from './fixture-parser.js';
import { requestDifferences, type RequestDifference } from './matcher.js';

/** A fixture that came close to matching a request, and why it did not. */
export interface MockCandidate {
  /** The fixture, named for messages: `"name" (file)` or `file[index]`. */
  readonly label: string;
  /** What differs (never a secret value). */
  readonly differences: readonly string[];
}

/** What {@link MockStore.take} finds: the response of the first match, or the closest fixtures. */
export type MockLookup =
  | { readonly ok: true; readonly exchange: MockExchange; readonly response: WireResponse }
  | { readonly ok: false; readonly candidates: readonly MockCandidate[] };

/** How many close fixtures a miss lists. */
const CANDIDATES = 3;

/**
 * How far a difference puts a fixture from a request, to rank the candidates of a miss: another
 * origin or path is further than another query parameter, header or body.
 */
const DISTANCE: Record<RequestDifference['part'] | 'times', number> = {
  origin: 4,
  urlPattern: 3,
  path: 2,
  method: 1,
  query: 1,
  header: 1,
  body: 1,
  times: 1,
};

async function fixtureFilesIn(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(folder, relative), { withFileTypes: true });
    const names = entries
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of names) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) found.push(path);
    }
  };
  await walk('');
  return found.map((path) => join(folder, path));
}

/**
 * The mock fixtures of a run (`--mock <file|dir>`, like PQTest's mock settings): requests are
 * matched against them in load order, and the first fixture that matches and still has uses left
 * answers. A store counts uses, so one store serves one run.
 */
export class MockStore {
  readonly #exchanges: readonly MockExchange[];
  readonly #uses = new Map<MockExchange, number>();

  /** @param exchanges - The exchanges, in the order they are tried. */
  constructor(exchanges: readonly MockExchange[]) {
    this.#exchanges = exchanges;
  }

  /**
   * Loads fixtures from files and folders, in the order given. A folder gives every `*.json` file
   * under it, at any depth, sorted by path (names starting with `.` are skipped).
   *
   * @throws {@link MockError} `PQSDK_MOCK_READ_FAILED` when a path cannot be read, or
   * `PQSDK_MOCK_INVALID_FIXTURE` for the first file that is not a valid fixture.
   */
  static async load(paths: readonly string[]): Promise<MockStore> {
    const exchanges: MockExchange[] = [];
    for (const path of paths) {
      let files: string[];
      try {
        files = (await stat(path)).isDirectory() ? await fixtureFilesIn(path) : [path];
      } catch (error) {
        throw new MockError(
          'PQSDK_MOCK_READ_FAILED',
          `${path}: cannot read the mock fixtures (${(error as Error).message}); check the --mock path`,
          { file: path, cause: error },
        );
      }
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          throw new MockError(
            'PQSDK_MOCK_READ_FAILED',
            `${file}: cannot read the mock fixture (${(error as Error).message})`,
            { file, cause: error },
          );
        }
        exchanges.push(...parseFixtureFile(text, file));
      }
    }
    return new MockStore(exchanges);
  }

  /** Every exchange, in the order they are tried. */
  get exchanges(): readonly MockExchange[] {
    return this.#exchanges;
  }

  /** How many times an exchange has answered. */
  usesOf(exchange: MockExchange): number {
    return this.#uses.get(exchange) ?? 0;
  }

  /** The exchanges that never answered (to spot stale fixtures). */
  unused(): MockExchange[] {
    return this.#exchanges.filter((exchange) => this.usesOf(exchange) === 0);
  }

  /**
   * Finds the first exchange that matches the request and has uses left, counts the use, and gives
   * a copy of its response. On a miss, gives the closest exchanges: those that differ least (a
   * different origin or path counts more than a different parameter, header or body), first
   * loaded first.
   */
  take(request: WireRequest): MockLookup {
    const scored: { exchange: MockExchange; differences: string[]; distance: number }[] = [];
    for (const exchange of this.#exchanges) {
      const differences = requestDifferences(exchange.request, request);
      const uses = this.usesOf(exchange);
      if (differences.length === 0 && (exchange.times === undefined || uses < exchange.times)) {
        this.#uses.set(exchange, uses + 1);
        const { response } = exchange;
        return {
          ok: true,
          exchange,
          response: { ...response, headers: [...response.headers], body: response.body.slice() },
        };
      }
      const reasons = differences.map((difference) => difference.text);
      let distance = differences.reduce(
        (total, difference) => total + DISTANCE[difference.part],
        0,
      );
      if (differences.length === 0) {
        reasons.push(
          `it has answered ${String(uses)} ${uses === 1 ? 'time' : 'times'} already (times: ${String(exchange.times)})`,
        );
        distance = DISTANCE.times;
      }
      scored.push({ exchange, differences: reasons, distance });
    }
    const candidates = scored
      .map((entry, order) => ({ ...entry, order }))
      .sort((a, b) => a.distance - b.distance || a.order - b.order)
      .slice(0, CANDIDATES)
      .map(({ exchange, differences }) => ({ label: exchangeLabel(exchange), differences }));
    return { ok: false, candidates };
  }
}

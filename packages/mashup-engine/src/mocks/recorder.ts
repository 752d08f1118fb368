import { join } from 'node:path';
import { PackagerError, writeFileAtomic } from '@pqsdk/packager';
import type { HttpTransport, WireRequest, WireResponse, WireResult } from '../http/transport.js';
import { MockError } from './errors.js';
import type { MockFixtureJson } from './fixture-format.js';
import { fixtureFileName, serializeFixtures } from './fixture-writer.js';
import { RecordingRedactor } from './redaction.js';

/**
 * Captures live exchanges into fixture files (`--record <dir>`), with secrets redacted
 * ({@link RecordingRedactor}). Exchanges with the same request identity go to one file, in order
 * ({@link serializeFixtures}); a file written earlier in the same session is rewritten with the new
 * exchange added, and a file left by an earlier session is replaced. Writes are atomic and happen
 * one at a time, in the order the exchanges ended.
 */
export class MockRecorder {
  readonly #folder: string;
  readonly #redactor = new RecordingRedactor();
  readonly #files = new Map<string, MockFixtureJson[]>();
  #writing: Promise<void> = Promise.resolve();

  /** @param folder - The folder to write fixtures to (created if missing). */
  constructor(folder: string) {
    this.#folder = folder;
  }

  /** The folder fixtures are written to. */
  get folder(): string {
    return this.#folder;
  }

  /** The paths of the files written in this session, in the order they were first written. */
  get files(): string[] {
    return [...this.#files.keys()].map((name) => join(this.#folder, name));
  }

  /**
   * Records one exchange and resolves once its file is written, to the file's path.
   *
   * @throws {@link MockError} `PQSDK_MOCK_WRITE_FAILED` when the file cannot be written.
   */
  async record(request: WireRequest, response: WireResponse): Promise<string> {
    const fixture = this.#redactor.redact(request, response);
    const name = fixtureFileName(fixture);
    const fixtures = this.#files.get(name) ?? [];
    fixtures.push(fixture);
    this.#files.set(name, fixtures);
    const path = join(this.#folder, name);
    const text = serializeFixtures(fixtures);
    const write = this.#writing.then(() => {
      writeFixtureFile(path, text);
    });
    this.#writing = write.catch(() => undefined);
    await write;
    return path;
  }
}

/**
 * Writes a fixture file atomically (the packager's {@link writeFileAtomic}: a temporary file in the
 * same folder, flushed, renamed over the target, removed on failure).
 *
 * @throws {@link MockError} `PQSDK_MOCK_WRITE_FAILED` when the folder or file cannot be written.
 */
function writeFixtureFile(path: string, text: string): void {
  try {
    writeFileAtomic(path, new TextEncoder().encode(text));
  } catch (error) {
    const cause = error instanceof PackagerError ? error.cause : error;
    throw new MockError(
      'PQSDK_MOCK_WRITE_FAILED',
      `${path}: cannot write the recorded fixture (${(cause as Error).message}); check the --record folder`,
      { file: path, cause },
    );
  }
}

/**
 * A transport that passes exchanges to another one and records those that went live (not those
 * answered by a mock fixture).
 */
export class RecordingTransport implements HttpTransport {
  readonly #inner: HttpTransport;
  readonly #recorder: MockRecorder;

  /**
   * @param inner - The transport that performs the exchanges.
   * @param recorder - Where live exchanges are recorded.
   */
  constructor(inner: HttpTransport, recorder: MockRecorder) {
    this.#inner = inner;
    this.#recorder = recorder;
  }

  /**
   * Performs one exchange and, when it went live, records it before resolving.
   *
   * @throws {@link MockError} `PQSDK_MOCK_WRITE_FAILED` when the fixture cannot be written.
   */
  async exchange(request: WireRequest): Promise<WireResult> {
    const result = await this.#inner.exchange(request);
    if (result.ok && result.source === 'live')
      await this.#recorder.record(request, result.response);
    return result;
  }
}

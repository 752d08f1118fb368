import { writeFileAtomic } from '@pqsdk/packager';
import type { EngineTraceEvent, FoldingEvent, HttpExchangeEvent } from '@pqsdk/mashup-engine';

/** One line of a `--log-traces` file. */
export type TraceLogLine =
  | ({ readonly type: 'trace' } & EngineTraceEvent)
  | ({ readonly type: 'http'; readonly receivedAt: string } & HttpExchangeEvent)
  | ({ readonly type: 'folding' } & FoldingEvent);

/**
 * What `--log-traces` collects during a run, in the order the host received it:
 * `Diagnostics.Trace` entries, HTTP exchanges and folding attempts. None of them holds a secret (the engine redacts
 * the HTTP exchanges). Written at the end, as JSON lines, atomically.
 */
export class TraceLog {
  readonly #lines: TraceLogLine[] = [];
  readonly #clock: () => Date;

  /** @param clock - When an HTTP exchange was received. Default: now. */
  constructor(clock: () => Date = () => new Date()) {
    this.#clock = clock;
  }

  /** A `Diagnostics.Trace` entry. */
  trace(event: EngineTraceEvent): void {
    this.#lines.push({ type: 'trace', ...event });
  }

  /** An HTTP exchange (`onExchange` of the HTTP client). */
  http(event: HttpExchangeEvent): void {
    this.#lines.push({ type: 'http', receivedAt: this.#clock().toISOString(), ...event });
  }

  /** An attempt to fold an operation into a `Table.View` handler. */
  folding(event: FoldingEvent): void {
    this.#lines.push({ type: 'folding', ...event });
  }

  /** The lines so far. */
  get lines(): readonly TraceLogLine[] {
    return this.#lines;
  }

  /** Writes the lines to `path` as JSON lines, atomically (an empty file when there are none). */
  write(path: string): void {
    const text = this.#lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    writeFileAtomic(path, Buffer.from(text, 'utf8'));
  }
}

import { getHeapStatistics } from 'node:v8';
import type { EvaluationHost } from './engine.js';
import { EvaluationAbortedError, MError } from './errors.js';
import type { FoldEvent } from './library/table/view-trace.js';

/** The levels of `Diagnostics.Trace` (the values of the `TraceLevel.*` constants). */
export type TraceLevel = 'Critical' | 'Error' | 'Warning' | 'Information' | 'Verbose';

/** One trace written by `Diagnostics.Trace` (or by the engine). */
export interface TraceEntry {
  readonly level: TraceLevel;
  readonly message: string;
  /** The detail, as M text (the printed value), when there is one. */
  readonly detail?: string;
  /** When it was written, from the evaluation's clock (ISO 8601). */
  readonly timestamp: string;
}

/** Where traces go: a file, the TUI's pane, a test report. */
export interface Tracer {
  trace(entry: TraceEntry): void;
}

/**
 * The one options object of an evaluation. Everything that would make two runs differ comes from it,
 * so a run can be repeated exactly.
 */
export interface EvaluationOptions {
  /** Stops the evaluation when aborted. */
  readonly signal?: AbortSignal;
  /** Stops the evaluation after this many milliseconds. */
  readonly timeoutMs?: number;
  /** The clock: `DateTime.LocalNow()` and friends return this instant. Default: the real time. */
  readonly now?: Date;
  /** The seed of `Number.Random`. Default: a fixed seed (0). */
  readonly seed?: number;
  /** The culture of text conversions, such as `en-US` (the default), `de-DE` or `fr-FR`. */
  readonly culture?: string;
  /** The local time zone's offset from UTC in minutes at `now`. Default: 0 (UTC). */
  readonly timeZoneOffsetMinutes?: number;
  /** Where `Diagnostics.Trace` writes. */
  readonly trace?: Tracer;
  /** Raise an M error when the heap grows past this many bytes. Default: 80% of V8's heap limit. */
  readonly memoryLimitBytes?: number;
  /**
   * Receives every attempt to fold a table operation into a `Table.View` handler (the folding
   * trace): the operation, the handler, and whether it folded or was declined.
   */
  readonly onFold?: (event: FoldEvent) => void;
  /**
   * Raise an error instead of evaluating locally when a `Table.View` declines an operation
   * (PQTest's `--failOnFoldingFailure`). Default: false.
   */
  readonly failOnFoldingFailure?: boolean;
}

const CHECK_EVERY = 1 << 12;
const MEMORY_CHECK_EVERY = 1 << 16;

/**
 * The state of one evaluation: its clock, random numbers, culture, tracer, and the checks that stop
 * it (abort signal, time limit, memory limit). Library functions receive it as their first argument.
 */
export class Context {
  readonly culture: string;
  readonly nowMs: number;
  readonly timeZoneOffsetMinutes: number;
  readonly tracer: Tracer | undefined;
  /** Where fold attempts of `Table.View` go (see {@link EvaluationOptions.onFold}). */
  readonly onFold: ((event: FoldEvent) => void) | undefined;
  /** Whether a declined fold is an error (see {@link EvaluationOptions.failOnFoldingFailure}). */
  readonly failOnFoldingFailure: boolean;
  readonly #signal: AbortSignal | undefined;
  readonly #deadline: number;
  readonly #memoryLimit: number;
  #steps = 0;
  #random: number;

  /** The engine this evaluation runs in (for `Expression.Evaluate` and `#shared`). */
  readonly host: EvaluationHost | undefined;
  /**
   * State of this evaluation keyed by the object it belongs to, such as the frame of each loaded
   * section: members are evaluated once per evaluation, with this evaluation's clock and tracer.
   */
  readonly cache = new Map<object, unknown>();

  constructor(options: EvaluationOptions = {}, host?: EvaluationHost) {
    this.host = host;
    this.culture = options.culture ?? 'en-US';
    this.nowMs = (options.now ?? new Date()).getTime();
    this.timeZoneOffsetMinutes = options.timeZoneOffsetMinutes ?? 0;
    this.tracer = options.trace;
    this.onFold = options.onFold;
    this.failOnFoldingFailure = options.failOnFoldingFailure ?? false;
    this.#signal = options.signal;
    this.#deadline =
      options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
    this.#memoryLimit = options.memoryLimitBytes ?? getHeapStatistics().heap_size_limit * 0.8;
    this.#random = (options.seed ?? 0) >>> 0;
  }

  /**
   * Counts a unit of work (a function call, a list item, a table row). Every few thousand units it
   * checks the abort signal, the time limit and the memory limit, so that any evaluation, however
   * long, can be stopped.
   */
  tick(): void {
    if ((++this.#steps & (CHECK_EVERY - 1)) === 0) this.#check();
  }

  #check(): void {
    if (this.#signal?.aborted === true) throw new EvaluationAbortedError('aborted');
    if (Date.now() > this.#deadline) throw new EvaluationAbortedError('timeout');
    if ((this.#steps & (MEMORY_CHECK_EVERY - 1)) === 0) {
      const used = getHeapStatistics().used_heap_size;
      if (used > this.#memoryLimit) {
        throw MError.expression(
          `The evaluation ran out of memory: it uses ${String(Math.round(used / 1048576))} MiB, over the limit of ${String(Math.round(this.#memoryLimit / 1048576))} MiB.`,
        );
      }
    }
  }

  /** Checks the signal and limits now (before long work that cannot tick). */
  checkNow(): void {
    this.#check();
  }

  /** The next number of the evaluation's seeded generator, in [0, 1) (mulberry32). */
  random(): number {
    this.#random = (this.#random + 0x6d2b79f5) >>> 0;
    let t = this.#random;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Writes a trace entry, stamped with the evaluation's clock. */
  trace(level: TraceLevel, message: string, detail?: string): void {
    if (this.tracer === undefined) return;
    this.tracer.trace({
      level,
      message,
      ...(detail === undefined ? {} : { detail }),
      timestamp: new Date(this.nowMs).toISOString(),
    });
  }
}

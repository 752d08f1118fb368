const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

/** Moves to the start of the line and erases it. */
const CLEAR_LINE = '\r\u001b[2K';

/** Options of {@link Spinner}. */
export interface SpinnerOptions {
  /** A monotonic clock in milliseconds. */
  readonly now: () => number;
  /** Draw nothing until the work has run this long, so quick work does not flash. Default 150. */
  readonly delayMs?: number;
  /** Draw at most once per this many milliseconds. Default 80. */
  readonly frameMs?: number;
}

/**
 * A one-line progress indicator for an interactive terminal: a spinning frame, what is being done
 * and the elapsed time, redrawn in place. It is driven by the work itself: each {@link update}
 * redraws when a frame is due, so it needs no timer and never keeps the process alive.
 *
 * @example
 * ```ts
 * const spinner = new Spinner((text) => process.stderr.write(text), { now: () => performance.now() });
 * for (const file of files) { work(file); spinner.update(`${String(++done)} files`); }
 * spinner.stop();
 * ```
 */
export class Spinner {
  readonly #write: (text: string) => void;
  readonly #now: () => number;
  readonly #delayMs: number;
  readonly #frameMs: number;
  readonly #startedAt: number;
  #lastDrawAt = Number.NEGATIVE_INFINITY;
  #frame = 0;
  #visible = false;
  #stopped = false;

  /**
   * @param write - Writes to the terminal (standard error).
   * @param options - The clock and the pacing.
   */
  constructor(write: (text: string) => void, options: SpinnerOptions) {
    this.#write = write;
    this.#now = options.now;
    this.#delayMs = options.delayMs ?? 150;
    this.#frameMs = options.frameMs ?? 80;
    this.#startedAt = this.#now();
  }

  /** Shows `label` with the elapsed time, if a frame is due. */
  update(label: string): void {
    if (this.#stopped) return;
    const now = this.#now();
    const elapsed = now - this.#startedAt;
    if (elapsed < this.#delayMs || now - this.#lastDrawAt < this.#frameMs) return;
    const frame = FRAMES[this.#frame % FRAMES.length] ?? FRAMES[0];
    this.#frame++;
    this.#write(`${CLEAR_LINE}${frame} ${label} (${formatElapsed(elapsed)})`);
    this.#lastDrawAt = now;
    this.#visible = true;
  }

  /** Erases the line, if drawn, so other output can be written; the next due frame redraws it. */
  clear(): void {
    if (!this.#visible) return;
    this.#write(CLEAR_LINE);
    this.#visible = false;
  }

  /** Erases the line, if drawn, and draws nothing more. */
  stop(): void {
    this.clear();
    this.#stopped = true;
  }
}

/** `0.4s`, `12.0s`, `2m05s`. */
export function formatElapsed(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.floor(seconds);
  return `${String(Math.floor(whole / 60))}m${String(whole % 60).padStart(2, '0')}s`;
}

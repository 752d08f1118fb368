/**
 * Everything a command may touch outside its arguments. `main.ts` wires it to the process; tests
 * pass their own, so every command runs in-process and can be observed.
 */
export interface CliIo {
  /** Writes text to standard output as is (callers add the newlines). */
  readonly stdout: (text: string) => void;
  /** Writes text to standard error as is (callers add the newlines). */
  readonly stderr: (text: string) => void;
  /** The directory that relative paths are read from. */
  readonly cwd: string;
  /** True when standard error is an interactive terminal, so progress may be drawn there. */
  readonly isTTY: boolean;
  /** Environment variables; only `PQSDK_DEBUG` is read. Default: none set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A monotonic clock in milliseconds, for timings and progress. Default: `performance.now`. */
  readonly now?: () => number;
  /** Standard input, for verbs that read it (`eval -`, `eval --jsonl`). Default: `process.stdin`. */
  readonly stdin?: NodeJS.ReadableStream;
}

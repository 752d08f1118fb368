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
  /**
   * True when standard output is an interactive terminal, so verbs that print a result may print
   * it for people (a table) rather than as JSON. Default: false.
   */
  readonly stdoutIsTTY?: boolean;
  /** The width of the terminal standard output writes to, in columns. Default: 80. */
  readonly columns?: number;
  /**
   * Environment variables: `PQSDK_DEBUG`; `PQSDK_CREDENTIALS_FILE`, `PQSDK_CREDENTIALS_KEY_FILE`
   * and the configuration folder's (`XDG_CONFIG_HOME`, `APPDATA`), for the credential store.
   * Default: none set.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A monotonic clock in milliseconds, for timings and progress. Default: `performance.now`. */
  readonly now?: () => number;
  /**
   * Standard input, for verbs that read it (`eval -`, `eval --jsonl`, `set-credential`). Default:
   * `process.stdin`.
   */
  readonly stdin?: NodeJS.ReadableStream;
  /**
   * Opens a web page for the user (`set-credential --interactive`) and resolves to whether it
   * could. Default: the system's browser (`xdg-open`, `open`, `start`).
   */
  readonly openBrowser?: (url: string) => Promise<boolean>;
}

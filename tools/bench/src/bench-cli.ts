/**
 * The command line that every bench runner shares: its usage errors, its progress lines, its
 * arguments as pnpm passes them, and the start of `main()` (help, bad arguments, exit code 2).
 */
import { parseArgs } from 'node:util';

/** A bad command line: `readCommandLine` prints `<tool>: <message>` and gives exit code 2. */
export class BenchUsageError extends Error {}

/** Writes one progress line, `[bench] <message>`, on standard error. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The runner's own arguments: pnpm may pass the `--` that separates them, which is dropped. */
export function benchArgs(argv: readonly string[]): string[] {
  return argv.filter((arg) => arg !== '--');
}

/** `text` as a whole number of at least `minimum`; otherwise a usage error that names `option`. */
export function wholeNumber(option: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new BenchUsageError(
      `${option} needs a whole number of at least ${String(minimum)}, not "${text}"`,
    );
  }
  return value;
}

/** `text` as a positive integer; otherwise a usage error that names `option`. */
export function positiveInteger(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new BenchUsageError(`${option} needs a positive integer, not "${text}"`);
  }
  return value;
}

/** The options of a runner that takes only `--runs <n>`, `--json` and `--help`. */
export interface RunsOptions {
  readonly runs: number;
  readonly json: boolean;
}

/** Reads `--runs <n>` (a positive integer, `defaultRuns` when absent), `--json` and `--help`. */
export function readRunsOptions(
  argv: readonly string[],
  defaultRuns: number,
): RunsOptions | 'help' {
  const { values } = parseArgs({
    args: benchArgs(argv),
    options: {
      runs: { type: 'string', default: String(defaultRuns) },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return { runs: positiveInteger('--runs', values.runs), json: values.json };
}

/** Where `readCommandLine` writes: the process's own streams unless a test gives others. */
export interface BenchStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * Runs `read` (which parses the command line and may check more, such as that a folder exists)
 * and returns what it read, or the exit code once it is settled: 0 after printing `usage` when
 * `read` returns `'help'`, 2 after printing `<tool>: <message>` on a `BenchUsageError` or an
 * argument error from `node:util`'s `parseArgs`. Any other error is a bug and is thrown again.
 */
export function readCommandLine<T extends object>(
  tool: string,
  usage: string,
  read: () => T | 'help',
  streams: BenchStreams = process,
): T | number {
  let options: T | 'help';
  try {
    options = read();
  } catch (error) {
    if (error instanceof BenchUsageError || (error instanceof TypeError && 'code' in error)) {
      streams.stderr.write(`${tool}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    streams.stdout.write(`${usage}\n`);
    return 0;
  }
  return options;
}

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Which side of a case a child process runs. */
export type Side = 'ours' | 'anchor';

/** What `evaluator-child.js` is given (as JSON, its one argument). */
export interface ChildInput {
  readonly case: string;
  readonly side: Side;
  /** Untimed runs first. */
  readonly warmups: number;
  /** Timed runs. */
  readonly rounds: number;
  readonly taxiCsvPath: string;
}

/** What `evaluator-child.js` prints (one JSON object on stdout). */
export type ChildOutput =
  | {
      readonly status: 'done';
      readonly warmupMilliseconds: readonly number[];
      readonly runsMilliseconds: readonly number[];
      /** The last timed run's digest of its result. */
      readonly digest: string;
      /** RSS after loading the inputs, before the first run. */
      readonly baselineRssMib: number;
      /** `process.resourceUsage().maxRSS` after the last run. */
      readonly peakRssMib: number;
    }
  | { readonly status: 'failed'; readonly message: string };

/** Whether a parsed value is a {@link ChildInput}. */
export function isChildInput(value: unknown): value is ChildInput {
  if (typeof value !== 'object' || value === null) return false;
  const input = value as Partial<Record<keyof ChildInput, unknown>>;
  return (
    typeof input.case === 'string' &&
    (input.side === 'ours' || input.side === 'anchor') &&
    typeof input.warmups === 'number' &&
    typeof input.rounds === 'number' &&
    typeof input.taxiCsvPath === 'string'
  );
}

const isNumbers = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'number');

function isChildOutput(value: unknown): value is ChildOutput {
  if (typeof value !== 'object' || value === null) return false;
  const output = value as Record<string, unknown>;
  if (output.status === 'failed') return typeof output.message === 'string';
  return (
    output.status === 'done' &&
    isNumbers(output.warmupMilliseconds) &&
    isNumbers(output.runsMilliseconds) &&
    typeof output.digest === 'string' &&
    typeof output.baselineRssMib === 'number' &&
    typeof output.peakRssMib === 'number'
  );
}

/**
 * Runs one side of a case in a child Node process and returns what it printed. Never rejects: a
 * child that crashes or prints something unexpected gives a `failed` output with the reason.
 */
export function runChild(input: ChildInput): Promise<ChildOutput> {
  const script = fileURLToPath(new URL('./evaluator-child.js', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      resolve({ status: 'failed', message: error.message });
    });
    child.on('close', (code) => {
      if (code !== 0) {
        const lines = Buffer.concat(err).toString('utf8').trim().split('\n');
        const reason = lines.find((line) => /Error/.test(line)) ?? lines.at(-1) ?? '';
        resolve({
          status: 'failed',
          message: `the child process exited with code ${String(code)}: ${reason.trim()}`,
        });
        return;
      }
      try {
        const output: unknown = JSON.parse(Buffer.concat(out).toString('utf8'));
        resolve(
          isChildOutput(output)
            ? output
            : { status: 'failed', message: 'the child process printed an unexpected result' },
        );
      } catch {
        resolve({
          status: 'failed',
          message: 'the child process printed something other than JSON',
        });
      }
    });
  });
}

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What `reference-worker.js` is given. */
export interface ReferenceWorkerInput {
  /** The text to time, without a byte-order mark. */
  readonly text: string;
  /** Texts parsed first, untimed, so that the timed run is not a cold start. */
  readonly warmup: readonly string[];
}

/** What `reference-worker.js` sends back: first `started`, then `done`. */
export type ReferenceWorkerOutput =
  | { readonly type: 'started' }
  | { readonly type: 'done'; readonly ok: boolean; readonly milliseconds: number };

/** The outcome of {@link runReferenceIsolated}. */
export type IsolatedReferenceRun =
  | { readonly status: 'done'; readonly ok: boolean; readonly milliseconds: number }
  | { readonly status: 'timeout'; readonly limitMilliseconds: number }
  | { readonly status: 'failed'; readonly message: string };

/**
 * Times the reference parser once on `text` in a worker thread, and stops the worker if the timed
 * parse takes longer than `limitMilliseconds` (the warm-up is not counted). Never rejects.
 */
export function runReferenceIsolated(
  text: string,
  warmup: readonly string[],
  limitMilliseconds: number,
): Promise<IsolatedReferenceRun> {
  return new Promise((resolve) => {
    const input: ReferenceWorkerInput = { text, warmup };
    const worker = new Worker(new URL('./reference-worker.js', import.meta.url), {
      workerData: input,
    });
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (run: IsolatedReferenceRun): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(run);
    };
    worker.on('message', (message: unknown) => {
      if (!isWorkerOutput(message)) {
        finish({ status: 'failed', message: 'the reference worker sent an unexpected message' });
      } else if (message.type === 'started') {
        timer = setTimeout(() => {
          finish({ status: 'timeout', limitMilliseconds });
        }, limitMilliseconds);
      } else {
        finish({ status: 'done', ok: message.ok, milliseconds: message.milliseconds });
      }
    });
    worker.on('error', (error) => {
      finish({ status: 'failed', message: error.message });
    });
    worker.on('exit', (code) => {
      finish({ status: 'failed', message: `the reference worker exited early (code ${code})` });
    });
  });
}

function isWorkerOutput(value: unknown): value is ReferenceWorkerOutput {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  if (value.type === 'started') return true;
  return (
    value.type === 'done' &&
    'ok' in value &&
    typeof value.ok === 'boolean' &&
    'milliseconds' in value &&
    typeof value.milliseconds === 'number'
  );
}

/** What `ours-child.js` is given (as a JSON file). */
export interface OursChildInput {
  readonly documents: readonly string[];
  readonly large: string;
  readonly rounds: number;
  readonly largeRuns: number;
}

/** What `ours-child.js` prints (one JSON object on stdout). */
export interface OursChildOutput {
  /** RSS after loading the parser and the inputs, before parsing. */
  readonly baselineRssMib: number;
  /** Peak RSS after the corpus rounds. */
  readonly corpusPeakRssMib: number;
  /** Peak RSS after the large document runs too (the process's overall peak). */
  readonly peakRssMib: number;
  readonly corpusMedianMilliseconds: number;
  readonly largeMedianMilliseconds: number;
  /** Heap kept alive by our result for the large document (after the peak was taken). */
  readonly largeRetainedHeapMib: number;
}

const OUTPUT_KEYS: readonly (keyof OursChildOutput)[] = [
  'baselineRssMib',
  'corpusPeakRssMib',
  'peakRssMib',
  'corpusMedianMilliseconds',
  'largeMedianMilliseconds',
  'largeRetainedHeapMib',
];

/**
 * Runs our parser alone, in a child Node process that never loads the reference parser, on the
 * same inputs; it reports that process's peak RSS and its own timings.
 */
export async function runOursIsolated(input: OursChildInput): Promise<OursChildOutput> {
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-bench-'));
  try {
    const file = join(folder, 'input.json');
    writeFileSync(file, JSON.stringify(input));
    const script = fileURLToPath(new URL('./ours-child.js', import.meta.url));
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--expose-gc', script, file], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
        else reject(new Error(`the child process for our parser exited with code ${String(code)}`));
      });
    });
    const output: unknown = JSON.parse(stdout);
    if (
      typeof output !== 'object' ||
      output === null ||
      !OUTPUT_KEYS.every((key) => typeof (output as Record<string, unknown>)[key] === 'number')
    ) {
      throw new Error('the child process for our parser printed an unexpected result');
    }
    return output as OursChildOutput;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

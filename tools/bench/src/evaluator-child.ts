/**
 * Child-process entry of the evaluator benchmark: runs one side (ours or the anchor) of one case,
 * alone in its process, so that the peak RSS it reports belongs to that side only. Started by
 * `evaluator-bench.js`; prints one JSON object ({@link ChildOutput}) on stdout.
 */
import { Engine, MError } from '@pqsdk/m-evaluator';
import { EVALUATOR_CASES, type Run } from './evaluator-cases.js';
import { isChildInput, type ChildOutput } from './evaluator-isolated.js';
import { currentRssMib, peakRssMib } from './stats.js';

function timed(run: Run): { milliseconds: number; digest: string } {
  const start = performance.now();
  const digest = run();
  return { milliseconds: performance.now() - start, digest };
}

function main(): ChildOutput {
  const input: unknown = JSON.parse(process.argv[2] ?? 'null');
  if (!isChildInput(input)) throw new Error('evaluator-child: unexpected input');
  const found = EVALUATOR_CASES.find((candidate) => candidate.name === input.case);
  if (found === undefined) throw new Error(`evaluator-child: no case ${input.case}`);
  const inputs = { taxiCsvPath: input.taxiCsvPath };
  const run =
    input.side === 'ours' ? found.prepareOurs(new Engine(), inputs) : found.prepareAnchor(inputs);
  const baselineRssMib = currentRssMib();
  try {
    const warmups = Array.from({ length: input.warmups }, () => timed(run));
    const runs = Array.from({ length: input.rounds }, () => timed(run));
    return {
      status: 'done',
      warmupMilliseconds: warmups.map((result) => result.milliseconds),
      runsMilliseconds: runs.map((result) => result.milliseconds),
      digest: runs.at(-1)?.digest ?? '',
      baselineRssMib,
      peakRssMib: peakRssMib(),
    };
  } catch (error) {
    if (error instanceof MError)
      return { status: 'failed', message: `M error ${error.describe()}` };
    throw error;
  }
}

process.stdout.write(`${JSON.stringify(main())}\n`);

/**
 * The evaluator benchmark (ARCHITECTURE.md §7): M programs against the same work as plain
 * TypeScript loops, measured in the same run. Run `node dist/evaluator-bench.js --help`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchUsageError, benchArgs, progress, readCommandLine, wholeNumber } from './bench-cli.js';
import { EVALUATOR_CASES, type CaseInputs } from './evaluator-cases.js';
import { runChild, type ChildOutput } from './evaluator-isolated.js';
import {
  allTargetsMet,
  duration,
  evaluatorReportJson,
  renderEvaluatorReport,
  type CaseMeasurement,
  type EvaluatorBenchReport,
} from './evaluator-report.js';
import { findRepoRoot } from './m-files.js';
import { machineInfo, median } from './stats.js';

const USAGE = `Usage: node dist/evaluator-bench.js [options]

Times the M evaluator on four programs, each against the same work written as a plain TypeScript
loop (the anchor), and prints the medians, the ratio, the targets and the peak RSS of each side.

Cases: ${EVALUATOR_CASES.map((entry) => entry.name).join(', ')}

Options:
  --json              print one JSON object instead of tables
  --rounds <n>        timed runs per side (default 9)
  --warmups <n>       untimed runs per side first (default 2)
  --case <name>       run only this case (repeatable)
  --report-only       exit 0 even when a target is missed
  -h, --help          show this help

Example:
  pnpm --filter @pqsdk/bench bench:evaluator -- --case fib-25 --rounds 9

Exit codes: 0 every target met (or --report-only), 1 a target missed, a result wrong or a case
failed, 2 bad arguments.`;

interface Options {
  readonly json: boolean;
  readonly rounds: number;
  readonly warmups: number;
  readonly cases: readonly string[] | undefined;
  readonly reportOnly: boolean;
}

function readOptions(argv: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: benchArgs(argv),
    options: {
      json: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '9' },
      warmups: { type: 'string', default: '2' },
      case: { type: 'string', multiple: true },
      'report-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const known = new Set(EVALUATOR_CASES.map((entry) => entry.name));
  for (const name of values.case ?? []) {
    if (!known.has(name)) {
      throw new BenchUsageError(`no case "${name}"; the cases are ${[...known].join(', ')}`);
    }
  }
  return {
    json: values.json,
    rounds: wholeNumber('--rounds', values.rounds, 1),
    warmups: wholeNumber('--warmups', values.warmups, 0),
    cases: values.case,
    reportOnly: values['report-only'],
  };
}

function describe(output: ChildOutput): string {
  return output.status === 'done'
    ? `median ${duration(median(output.runsMilliseconds))}, peak RSS ${output.peakRssMib.toFixed(0)} MiB`
    : `failed: ${output.message}`;
}

async function main(): Promise<number> {
  const options = readCommandLine('evaluator-bench', USAGE, () =>
    readOptions(process.argv.slice(2)),
  );
  if (typeof options === 'number') return options;
  const selected = options.cases;
  const inputs: CaseInputs = {
    taxiCsvPath: join(
      findRepoRoot(import.meta.url),
      '..',
      'shared',
      'data',
      'nyc_taxi_tripdata.csv',
    ),
  };
  const cases: CaseMeasurement[] = [];
  for (const entry of EVALUATOR_CASES) {
    if (selected !== undefined && !selected.includes(entry.name)) continue;
    const base = { name: entry.name, ours: entry.ours, anchor: entry.anchor, target: entry.target };
    const skipped = entry.unavailable(inputs);
    if (skipped !== undefined) {
      progress(`${entry.name}: skipped, ${skipped}`);
      cases.push({ ...base, skipped });
      continue;
    }
    const run = (side: 'ours' | 'anchor'): Promise<ChildOutput> =>
      runChild({
        case: entry.name,
        side,
        warmups: options.warmups,
        rounds: options.rounds,
        taxiCsvPath: inputs.taxiCsvPath,
      });
    progress(`${entry.name}: anchor`);
    const anchorOutput = await run('anchor');
    progress(`${entry.name}: anchor ${describe(anchorOutput)}; ours`);
    const oursOutput = await run('ours');
    progress(`${entry.name}: ours ${describe(oursOutput)}`);
    cases.push({ ...base, anchorOutput, oursOutput });
  }
  const report: EvaluatorBenchReport = {
    machine: machineInfo(),
    warmups: options.warmups,
    rounds: options.rounds,
    cases,
  };
  process.stdout.write(
    options.json
      ? `${JSON.stringify(evaluatorReportJson(report), null, 2)}\n`
      : renderEvaluatorReport(report),
  );
  return allTargetsMet(report) || options.reportOnly ? 0 : 1;
}

process.exitCode = await main();

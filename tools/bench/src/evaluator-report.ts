import type { Target } from './evaluator-cases.js';
import type { ChildOutput } from './evaluator-isolated.js';
import { median, round, type MachineInfo } from './stats.js';
import { renderTable } from './table.js';

/** One case as measured: each side from its own child process. */
export interface CaseMeasurement {
  readonly name: string;
  readonly ours: string;
  readonly anchor: string;
  readonly target: Target;
  /** Why the case did not run here (missing data), or undefined when it ran. */
  readonly skipped?: string;
  readonly oursOutput?: ChildOutput;
  readonly anchorOutput?: ChildOutput;
}

/** Everything the evaluator benchmark measured. */
export interface EvaluatorBenchReport {
  readonly machine: MachineInfo;
  readonly warmups: number;
  readonly rounds: number;
  readonly cases: readonly CaseMeasurement[];
}

/** How a case came out. */
export type Verdict = 'pass' | 'MISSED' | 'WRONG' | 'FAILED' | 'skipped';

/** The figures of a case. */
export interface CaseFigures {
  readonly verdict: Verdict;
  readonly oursMedian?: number;
  readonly anchorMedian?: number;
  /** Our median over the anchor's. */
  readonly ratio?: number;
  /** Why the case failed or was skipped, or how the digests differ. */
  readonly note?: string;
}

/** The verdict and figures of one case. */
export function caseFigures(measurement: CaseMeasurement): CaseFigures {
  if (measurement.skipped !== undefined) return { verdict: 'skipped', note: measurement.skipped };
  const { oursOutput: ours, anchorOutput: anchor } = measurement;
  const medians = {
    ...(ours?.status === 'done' ? { oursMedian: median(ours.runsMilliseconds) } : {}),
    ...(anchor?.status === 'done' ? { anchorMedian: median(anchor.runsMilliseconds) } : {}),
  };
  if (ours === undefined || anchor === undefined) {
    return { verdict: 'FAILED', ...medians, note: 'a side was not measured' };
  }
  if (ours.status === 'failed')
    return { verdict: 'FAILED', ...medians, note: `ours: ${ours.message}` };
  if (anchor.status === 'failed') {
    return { verdict: 'FAILED', ...medians, note: `anchor: ${anchor.message}` };
  }
  const oursMedian = median(ours.runsMilliseconds);
  const anchorMedian = median(anchor.runsMilliseconds);
  const ratio = oursMedian / anchorMedian;
  const times = { oursMedian, anchorMedian, ratio };
  if (ours.digest !== anchor.digest) {
    return {
      verdict: 'WRONG',
      ...times,
      note: `the results differ: ours "${ours.digest}", anchor "${anchor.digest}"`,
    };
  }
  const met =
    measurement.target.kind === 'ratio'
      ? ratio <= measurement.target.max
      : oursMedian < measurement.target.milliseconds;
  return { verdict: met ? 'pass' : 'MISSED', ...times };
}

/** Whether every case that ran met its target (skipped cases do not count). */
export function allTargetsMet(report: EvaluatorBenchReport): boolean {
  return report.cases.every((measurement) => {
    const { verdict } = caseFigures(measurement);
    return verdict === 'pass' || verdict === 'skipped';
  });
}

/** `1.234 s` or `12.3 ms`. */
export function duration(milliseconds: number | undefined): string {
  if (milliseconds === undefined) return '—';
  return milliseconds >= 1000
    ? `${(milliseconds / 1000).toFixed(3)} s`
    : `${milliseconds.toFixed(milliseconds < 10 ? 2 : 1)} ms`;
}

/** `≤ 30×` or `< 0.5 s`. */
export function targetText(target: Target): string {
  return target.kind === 'ratio'
    ? `≤ ${String(target.max)}×`
    : `< ${String(target.milliseconds / 1000)} s`;
}

/** `312 MiB (95)`: the peak, and the baseline before the first run. */
function rss(output: ChildOutput | undefined): string {
  return output?.status === 'done'
    ? `${output.peakRssMib.toFixed(0)} MiB (${output.baselineRssMib.toFixed(0)})`
    : '—';
}

function ratioText(ratio: number | undefined): string {
  if (ratio === undefined) return '—';
  return `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`;
}

/** The report as readable text: what ran, a table, and the notes of cases that did not pass. */
export function renderEvaluatorReport(report: EvaluatorBenchReport): string {
  const { machine } = report;
  const lines: string[] = [
    'pqsdk evaluator benchmark',
    `machine:  Node ${machine.node}, ${machine.platform}, ${String(machine.cpus)} × ${machine.cpuModel}`,
    `method:   each side of each case in its own child process: ${String(report.warmups)} untimed run(s), then`,
    `          ${String(report.rounds)} timed runs; times are medians, ratio = ours / anchor; RSS is the child's peak`,
    `          (maxRSS) with, in parentheses, its RSS before the first run (Node and the loaded modules)`,
    '',
  ];
  const rows = report.cases.map((measurement) => {
    const figures = caseFigures(measurement);
    return [
      measurement.name,
      duration(figures.anchorMedian),
      duration(figures.oursMedian),
      ratioText(figures.ratio),
      targetText(measurement.target),
      figures.verdict,
      rss(measurement.anchorOutput),
      rss(measurement.oursOutput),
    ];
  });
  lines.push(
    renderTable(
      ['case', 'anchor', 'ours', 'ratio', 'target', 'result', 'RSS anchor', 'RSS ours'],
      rows,
      new Set([1, 2, 3, 6, 7]),
    ),
    '',
  );
  for (const measurement of report.cases) {
    lines.push(`${measurement.name}:`);
    lines.push(`  ours:   ${measurement.ours}`);
    lines.push(`  anchor: ${measurement.anchor}`);
    const { note, verdict } = caseFigures(measurement);
    if (note !== undefined) lines.push(`  ${verdict}: ${note}`);
  }
  const pass = allTargetsMet(report);
  lines.push(
    '',
    `Result: ${pass ? 'every target met' : 'a target was MISSED (see the result column)'}.`,
    '',
  );
  return lines.join('\n');
}

const ms = (values: readonly number[]): number[] => values.map((value) => round(value, 2));

function sideJson(output: ChildOutput | undefined): object | null {
  if (output === undefined) return null;
  if (output.status === 'failed') return output;
  return {
    status: output.status,
    warmupMilliseconds: ms(output.warmupMilliseconds),
    runsMilliseconds: ms(output.runsMilliseconds),
    medianMilliseconds: round(median(output.runsMilliseconds), 2),
    digest: output.digest,
    baselineRssMib: round(output.baselineRssMib, 1),
    peakRssMib: round(output.peakRssMib, 1),
  };
}

/** The report as one JSON-ready object. */
export function evaluatorReportJson(report: EvaluatorBenchReport): object {
  return {
    benchmark: 'evaluator',
    machine: report.machine,
    warmups: report.warmups,
    rounds: report.rounds,
    cases: report.cases.map((measurement) => {
      const figures = caseFigures(measurement);
      return {
        name: measurement.name,
        ours: measurement.ours,
        anchor: measurement.anchor,
        target: measurement.target,
        result: figures.verdict,
        ...(figures.ratio === undefined ? {} : { ratio: round(figures.ratio, 2) }),
        ...(figures.note === undefined ? {} : { note: figures.note }),
        oursSide: sideJson(measurement.oursOutput),
        anchorSide: sideJson(measurement.anchorOutput),
      };
    }),
    pass: allTargetsMet(report),
  };
}

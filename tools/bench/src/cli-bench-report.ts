import type { MachineInfo } from './stats.js';
import { median, medianOfEach, round } from './stats.js';
import { renderTable } from './table.js';

/** The target: a cold `pqsdk run-test` of HelloWorld, the whole process, median. */
export const TARGET_MILLISECONDS = 400;

/** The processes the benchmark times, each started cold. */
export const SUBJECTS = ['anchor', 'built', 'bundled'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** The phases of `cli-phases-child.ts`, in milliseconds. */
export interface Phases {
  readonly boot: number;
  readonly importEngine: number;
  readonly open: number;
  readonly evaluate: number;
  readonly close: number;
  readonly workerImports: number;
}

/** What one run of the benchmark measured. */
export interface CliBenchReport {
  readonly machine: MachineInfo;
  /** The command line of each subject, for the report. */
  readonly commands: Readonly<Record<Subject, string>>;
  /** Wall times of each subject's runs, in milliseconds, in the order they ran. */
  readonly runs: Readonly<Record<Subject, readonly number[]>>;
  /** Peak RSS of one more run of each subject, in MiB. */
  readonly peakRssMib: Readonly<Record<Subject, number>>;
  /** `pqsdk --version` (the CLI's entry alone), milliseconds of each run. */
  readonly entryOnly: readonly number[];
  /** The phases, run by run. */
  readonly phases: readonly Phases[];
  /** The bundle: its files' total size and how long esbuild took. */
  readonly bundle: { readonly bytes: number; readonly buildMilliseconds: number };
}

/** The median of each subject. */
export function subjectMedians(report: CliBenchReport): Record<Subject, number> {
  return medianOfEach(report.runs, SUBJECTS);
}

/** The median of each phase. */
export function phaseMedians(report: CliBenchReport): Phases {
  const of = (pick: (phases: Phases) => number): number => median(report.phases.map(pick));
  return {
    boot: of((p) => p.boot),
    importEngine: of((p) => p.importEngine),
    open: of((p) => p.open),
    evaluate: of((p) => p.evaluate),
    close: of((p) => p.close),
    workerImports: of((p) => p.workerImports),
  };
}

/** Whether the `pqsdk` bin (`node apps/cli/dist/bundle/bin/pqsdk.js`) meets the target. */
export function meetsTarget(report: CliBenchReport): boolean {
  return subjectMedians(report).bundled < TARGET_MILLISECONDS;
}

const LABELS: Readonly<Record<Subject, string>> = {
  anchor: 'anchor: node -e ""',
  built: 'pqsdk run-test (tsc output, unbundled)',
  bundled: 'pqsdk run-test (the bin, bundled)',
};

/** The report as text. */
export function renderCliBench(report: CliBenchReport): string {
  const medians = subjectMedians(report);
  const phases = phaseMedians(report);
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const rows = SUBJECTS.map((subject) => {
    const runs = report.runs[subject];
    return [
      LABELS[subject],
      ms(medians[subject]),
      ms(Math.min(...runs)),
      `${(medians[subject] / medians.anchor).toFixed(1)}×`,
      subject === 'anchor' ? '' : `+${ms(medians[subject] - medians.anchor)}`,
      `${report.peakRssMib[subject].toFixed(0)} MiB`,
    ];
  });
  const phaseRows = [
    ['Node start and the phases script', ms(phases.boot)],
    ['import @pqsdk/mashup-engine (main thread)', ms(phases.importEngine)],
    ['MashupEngine.open: worker start, its imports, the section', ms(phases.open)],
    ['  of which importing m-parser and m-evaluator in a worker', ms(phases.workerImports)],
    ['evaluate HelloWorld.query.pq', ms(phases.evaluate)],
    ['close (stop the worker)', ms(phases.close)],
    ['pqsdk --version (the CLI entry, no verb loaded)', ms(median(report.entryOnly))],
  ];
  const met = meetsTarget(report);
  return [
    `CLI cold-start benchmark: ${report.machine.node}, ${report.machine.platform}, ${String(report.machine.cpus)} × ${report.machine.cpuModel}`,
    `each run is a new process; median of ${String(report.runs.built.length)} runs each, interleaved; ratio = median / the anchor's`,
    ...SUBJECTS.map((subject) => `  ${subject}: ${report.commands[subject]}`),
    '',
    renderTable(
      ['process', 'median', 'min', 'ratio', 'over anchor', 'peak RSS'],
      rows,
      new Set([1, 2, 3, 4, 5]),
    ),
    '',
    'where the time of the unbundled CLI goes (medians, one fresh process a run):',
    renderTable(['phase', 'median'], phaseRows, new Set([1])),
    '',
    `bundle: ${(report.bundle.bytes / 1024).toFixed(0)} KiB of JavaScript, built in ${ms(report.bundle.buildMilliseconds)}`,
    `target: the pqsdk bin < ${ms(TARGET_MILLISECONDS)}: ${met ? 'met' : 'MISSED'} (${ms(medians.bundled)}); unbundled: ${medians.built < TARGET_MILLISECONDS ? 'within' : 'over'} it (${ms(medians.built)})`,
    '',
  ].join('\n');
}

/** The report as JSON. */
export function cliBenchJson(report: CliBenchReport): object {
  const medians = subjectMedians(report);
  const phases = phaseMedians(report);
  return {
    machine: report.machine,
    commands: report.commands,
    medianMilliseconds: Object.fromEntries(
      SUBJECTS.map((subject) => [subject, round(medians[subject], 1)]),
    ),
    ratios: Object.fromEntries(
      SUBJECTS.map((subject) => [subject, round(medians[subject] / medians.anchor, 2)]),
    ),
    runs: Object.fromEntries(
      SUBJECTS.map((subject) => [subject, report.runs[subject].map((ms) => round(ms, 1))]),
    ),
    peakRssMib: Object.fromEntries(
      SUBJECTS.map((subject) => [subject, round(report.peakRssMib[subject], 0)]),
    ),
    phasesMedianMilliseconds: Object.fromEntries(
      (Object.entries(phases) as [string, number][]).map(([name, value]) => [
        name,
        round(value, 1),
      ]),
    ),
    entryOnlyMedianMilliseconds: round(median(report.entryOnly), 1),
    bundle: report.bundle,
    targetMilliseconds: TARGET_MILLISECONDS,
    pass: meetsTarget(report),
  };
}

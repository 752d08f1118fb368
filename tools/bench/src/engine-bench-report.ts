import type { MachineInfo } from './stats.js';
import { median, medianOfEach, round } from './stats.js';
import { renderTable } from './table.js';

/** The target: every row of the paged API through the engine, median evaluation. */
export const TARGET_MILLISECONDS = 3000;

/** What the benchmark times in the same run: the anchor, then the engine's queries. */
export const SUBJECTS = ['anchor', 'count', 'rows', 'table'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** The engine's queries, the subjects the target applies to. */
export const QUERIES = ['count', 'rows', 'table'] as const satisfies readonly Subject[];
export type Query = (typeof QUERIES)[number];

/** One run of a fresh engine, in milliseconds: open, one evaluation, close. */
export interface Session {
  readonly open: number;
  readonly evaluate: number;
  readonly close: number;
}

/** The API the engine read. */
export interface ApiShape {
  readonly rows: number;
  readonly pageSize: number;
  readonly pages: number;
  /** The bytes of every page together (the JSON bodies). */
  readonly bytes: number;
}

/** What one run of the benchmark measured. */
export interface EngineBenchReport {
  readonly machine: MachineInfo;
  readonly api: ApiShape;
  /** Each query's M text, for the report. */
  readonly queries: Readonly<Record<Query, string>>;
  /** Times of each subject's runs, in milliseconds, in the order they ran. */
  readonly runs: Readonly<Record<Subject, readonly number[]>>;
  /** The fresh engines, run by run (the `rows` query). */
  readonly sessions: readonly Session[];
  /** Resident set size of the process, in MiB: before the engine's first run, and the peak. */
  readonly rssMib: { readonly before: number; readonly peak: number };
}

/** The median of each subject. */
export function subjectMedians(report: EngineBenchReport): Record<Subject, number> {
  return medianOfEach(report.runs, SUBJECTS);
}

/** Each subject's median over the anchor's. */
export function ratios(report: EngineBenchReport): Record<Subject, number> {
  const medians = subjectMedians(report);
  return {
    anchor: 1,
    count: medians.count / medians.anchor,
    rows: medians.rows / medians.anchor,
    table: medians.table / medians.anchor,
  };
}

/** The median of each phase of the fresh engines, and of their totals (not the medians' sum). */
export function sessionMedians(report: EngineBenchReport): Session & { readonly total: number } {
  const of = (pick: (session: Session) => number): number => median(report.sessions.map(pick));
  return {
    open: of((s) => s.open),
    evaluate: of((s) => s.evaluate),
    close: of((s) => s.close),
    total: of((s) => s.open + s.evaluate + s.close),
  };
}

/** Whether every query's median evaluation is under the target. */
export function meetsTarget(report: EngineBenchReport): boolean {
  const medians = subjectMedians(report);
  return QUERIES.every((query) => medians[query] < TARGET_MILLISECONDS);
}

/** An integer with thousands separators: `100,000`. */
export function thousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const LABELS: Readonly<Record<Subject, string>> = {
  anchor: 'anchor: fetch + JSON.parse, page after page',
  count: 'engine: count the rows',
  rows: 'engine: buffer every row, sum two columns',
  table: 'engine: the table itself, sent to the host',
};

/** The report as text. */
export function renderEngineBench(report: EngineBenchReport): string {
  const medians = subjectMedians(report);
  const ratio = ratios(report);
  const sessions = sessionMedians(report);
  const ms = (value: number): string => `${thousands(value)} ms`;
  const rows = SUBJECTS.map((subject) => [
    LABELS[subject],
    ms(medians[subject]),
    ms(Math.min(...report.runs[subject])),
    ms(Math.max(...report.runs[subject])),
    `${ratio[subject].toFixed(1)}×`,
    thousands(report.api.rows / (medians[subject] / 1000)),
  ]);
  const sessionRows = [
    ['MashupEngine.open (read the connector, start the worker)', ms(sessions.open)],
    ['evaluate the rows query (the first in a new worker)', ms(sessions.evaluate)],
    ['close (stop the worker)', ms(sessions.close)],
    ['open + evaluate + close (median of the totals)', ms(sessions.total)],
  ];
  const api = report.api;
  const met = meetsTarget(report);
  return [
    `Engine benchmark: ${report.machine.node}, ${report.machine.platform}, ${String(report.machine.cpus)} × ${report.machine.cpuModel}`,
    `a paged JSON API on 127.0.0.1: ${thousands(api.rows)} rows, ${thousands(api.pages)} pages of ${thousands(api.pageSize)}, ${(api.bytes / (1024 * 1024)).toFixed(1)} MiB of JSON`,
    `median of ${String(report.runs.rows.length)} runs each, interleaved, the engine already open; ratio = median / the anchor's`,
    ...QUERIES.map((query) => `  ${query}: ${report.queries[query]}`),
    '',
    renderTable(
      ['subject', 'median', 'min', 'max', 'ratio', 'rows/s'],
      rows,
      new Set([1, 2, 3, 4, 5]),
    ),
    '',
    `a fresh engine for each of ${String(report.sessions.length)} runs (medians):`,
    renderTable(['phase', 'median'], sessionRows, new Set([1])),
    '',
    `RSS of the process (server, anchor, engine and its worker): ${report.rssMib.before.toFixed(0)} MiB before the engine ran, ${report.rssMib.peak.toFixed(0)} MiB peak`,
    `target: each query's median evaluation < ${ms(TARGET_MILLISECONDS)}: ${met ? 'met' : 'MISSED'} (${QUERIES.map((query) => `${query} ${ms(medians[query])}`).join(', ')})`,
    '',
  ].join('\n');
}

/** The report as JSON. */
export function engineBenchJson(report: EngineBenchReport): object {
  const medians = subjectMedians(report);
  const ratio = ratios(report);
  const sessions = sessionMedians(report);
  return {
    machine: report.machine,
    api: report.api,
    queries: report.queries,
    medianMilliseconds: Object.fromEntries(
      SUBJECTS.map((subject) => [subject, round(medians[subject], 1)]),
    ),
    ratios: Object.fromEntries(SUBJECTS.map((subject) => [subject, round(ratio[subject], 2)])),
    runs: Object.fromEntries(
      SUBJECTS.map((subject) => [subject, report.runs[subject].map((ms) => round(ms, 1))]),
    ),
    freshEngineMedianMilliseconds: Object.fromEntries(
      (Object.entries(sessions) as [string, number][]).map(([phase, value]) => [
        phase,
        round(value, 1),
      ]),
    ),
    rssMib: { before: round(report.rssMib.before, 0), peak: round(report.rssMib.peak, 0) },
    targetMilliseconds: TARGET_MILLISECONDS,
    pass: meetsTarget(report),
  };
}

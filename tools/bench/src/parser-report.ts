import { MIB, type Corpus, type LargeSection } from './corpus.js';
import type { IsolatedReferenceRun, OursChildOutput } from './isolated.js';
import { median, mibPerSecond, round, type MachineInfo } from './stats.js';
import { renderTable } from './table.js';

/** Our corpus throughput must be at least this many times the reference's (ARCHITECTURE.md §7). */
export const TARGET_RATIO = 10;
/** Our parse of the large section document must take less than this. */
export const TARGET_LARGE_MILLISECONDS = 500;

/** Everything the parser benchmark measured. */
export interface ParserBenchReport {
  readonly machine: MachineInfo;
  readonly reference: string;
  /** The folders the corpus was made from, relative to the repository root. */
  readonly roots: readonly string[];
  readonly corpus: Corpus;
  readonly large: LargeSection;
  readonly warmupRounds: number;
  /** Milliseconds per timed round over the whole corpus, in the order they ran. */
  readonly referenceRounds: readonly number[];
  readonly oursRounds: readonly number[];
  /** Milliseconds per timed run of ours on the large document. */
  readonly largeRuns: readonly number[];
  readonly referenceLarge: IsolatedReferenceRun;
  readonly alone: OursChildOutput;
  /** Peak RSS of the benchmark process itself (both parsers loaded). */
  readonly processPeakRssMib: number;
}

/** The figures derived from a report, and whether the targets are met. */
export interface ParserBenchFigures {
  readonly referenceSpeed: number;
  readonly oursSpeed: number;
  readonly ratio: number;
  readonly throughputPass: boolean;
  readonly largeMedian: number;
  readonly largePass: boolean;
  readonly pass: boolean;
}

export function figures(report: ParserBenchReport): ParserBenchFigures {
  const referenceSpeed = mibPerSecond(report.corpus.bytes, median(report.referenceRounds));
  const oursSpeed = mibPerSecond(report.corpus.bytes, median(report.oursRounds));
  const ratio = oursSpeed / referenceSpeed;
  const largeMedian = median(report.largeRuns);
  const throughputPass = ratio >= TARGET_RATIO;
  const largePass = largeMedian < TARGET_LARGE_MILLISECONDS;
  return {
    referenceSpeed,
    oursSpeed,
    ratio,
    throughputPass,
    largeMedian,
    largePass,
    pass: throughputPass && largePass,
  };
}

/** `12.34 s`. */
export function seconds(milliseconds: number | undefined, digits = 2): string {
  return milliseconds === undefined ? '?' : `${(milliseconds / 1000).toFixed(digits)} s`;
}

/** `1,234`. */
export function group(value: number): string {
  return value.toLocaleString('en-US');
}

function droppedCounts(corpus: Corpus): { reference: number; ours: number; both: number } {
  const counts = { reference: 0, ours: 0, both: 0 };
  for (const rejection of corpus.rejections) counts[rejection.rejectedBy]++;
  return counts;
}

const ms = (values: readonly number[]): number[] => values.map((value) => round(value, 1));

/** Reference time over our time, round by round (the two ran one right after the other). */
function roundRatios(report: ParserBenchReport): number[] {
  return report.oursRounds.map((ours, index) => (report.referenceRounds[index] ?? NaN) / ours);
}

/** The report as one JSON-ready object. */
export function parserReportJson(report: ParserBenchReport): object {
  const { corpus, large, alone, referenceLarge } = report;
  const result = figures(report);
  return {
    benchmark: 'parser',
    machine: report.machine,
    reference: report.reference,
    corpus: {
      roots: report.roots,
      documents: corpus.documents.length,
      bytes: corpus.bytes,
      mib: round(corpus.bytes / MIB),
      sourceFiles: corpus.sourceFiles,
      sourceFilesAccepted: corpus.sources.length,
      copies: corpus.copies,
      dropped: {
        total: corpus.rejections.length,
        ...droppedCounts(corpus),
        documents: corpus.rejections,
      },
    },
    throughput: {
      warmupRounds: report.warmupRounds,
      rounds: report.oursRounds.length,
      referenceRoundsMilliseconds: ms(report.referenceRounds),
      oursRoundsMilliseconds: ms(report.oursRounds),
      referenceMedianMilliseconds: round(median(report.referenceRounds), 1),
      oursMedianMilliseconds: round(median(report.oursRounds), 1),
      referenceMibPerSecond: round(result.referenceSpeed),
      oursMibPerSecond: round(result.oursSpeed),
      ratio: round(result.ratio, 2),
      roundRatios: roundRatios(report).map((value) => round(value, 2)),
      targetRatio: TARGET_RATIO,
      pass: result.throughputPass,
    },
    largeSection: {
      bytes: large.bytes,
      lines: large.lines,
      members: large.members,
      sourceDocuments: large.sourceDocuments,
      oursRunsMilliseconds: ms(report.largeRuns),
      oursMedianMilliseconds: round(result.largeMedian, 1),
      targetMilliseconds: TARGET_LARGE_MILLISECONDS,
      pass: result.largePass,
      reference:
        referenceLarge.status === 'done'
          ? { ...referenceLarge, milliseconds: round(referenceLarge.milliseconds, 1) }
          : referenceLarge,
    },
    memory: {
      measuredIn:
        'a child process that loads only our parser and parses the same corpus and large document',
      oursPeakRssMib: round(alone.peakRssMib, 1),
      oursCorpusPeakRssMib: round(alone.corpusPeakRssMib, 1),
      oursBaselineRssMib: round(alone.baselineRssMib, 1),
      oursLargeRetainedHeapMib: round(alone.largeRetainedHeapMib, 1),
      benchmarkProcessPeakRssMib: round(report.processPeakRssMib, 1),
    },
    oursAlone: {
      corpusMedianMilliseconds: round(alone.corpusMedianMilliseconds, 1),
      corpusMibPerSecond: round(mibPerSecond(corpus.bytes, alone.corpusMedianMilliseconds)),
      largeMedianMilliseconds: round(alone.largeMedianMilliseconds, 1),
    },
    pass: result.pass,
  };
}

function describeReferenceLarge(run: IsolatedReferenceRun): string {
  switch (run.status) {
    case 'done':
      return `${seconds(run.milliseconds)} (1 run${run.ok ? '' : ', rejected it'})`;
    case 'timeout':
      return `> ${seconds(run.limitMilliseconds, 0)} (stopped)`;
    case 'failed':
      return `failed: ${run.message}`;
  }
}

function largeRatio(run: IsolatedReferenceRun, oursMilliseconds: number): string {
  switch (run.status) {
    case 'done':
      return `${(run.milliseconds / oursMilliseconds).toFixed(0)}×`;
    case 'timeout':
      return `> ${(run.limitMilliseconds / oursMilliseconds).toFixed(0)}×`;
    case 'failed':
      return '—';
  }
}

/** The report as readable text: a header that says what ran, a table, and notes on memory. */
export function renderParserReport(report: ParserBenchReport): string {
  const { corpus, large, alone, machine } = report;
  const result = figures(report);
  const dropped = droppedCounts(corpus);
  const lines: string[] = [
    'pqsdk parser benchmark',
    `machine:    Node ${machine.node}, ${machine.platform}, ${String(machine.cpus)} × ${machine.cpuModel}`,
    `anchor:     ${report.reference}, same documents, same process (BOM stripped for it)`,
    `corpus:     ${group(corpus.documents.length)} documents, ${(corpus.bytes / MIB).toFixed(2)} MiB, parsed one at a time,`,
    `            from ${String(corpus.sources.length)} of ${String(corpus.sourceFiles)} files under ${report.roots.join(', ')}:`,
    `            each as written + ${String(corpus.copies)} varied copies (declared names suffixed, literals changed)`,
    `dropped:    ${String(corpus.rejections.length)} documents (rejected by the reference only: ${String(dropped.reference)}, by ours only: ${String(dropped.ours)}, by both: ${String(dropped.both)})`,
  ];
  const shown = corpus.rejections.slice(0, 20);
  for (const rejection of shown) {
    const which = rejection.copy === 0 ? 'as written' : `copy ${String(rejection.copy)}`;
    lines.push(`            - ${rejection.source} (${which}): ${rejection.reason}`);
  }
  if (corpus.rejections.length > shown.length) {
    lines.push(
      `            … and ${String(corpus.rejections.length - shown.length)} more (see --json)`,
    );
  }
  lines.push(
    `large:      one section document, ${(large.bytes / 1e6).toFixed(2)} MB, ${group(large.lines)} lines, ${group(large.members)} members from ${String(large.sourceDocuments)} section documents`,
    '',
  );

  const rounds = report.oursRounds.length;
  const table = renderTable(
    ['measurement', 'reference', 'ours', 'ratio', 'target', 'result'],
    [
      [
        `corpus throughput (median of ${String(rounds)} rounds)`,
        `${result.referenceSpeed.toFixed(2)} MiB/s`,
        `${result.oursSpeed.toFixed(2)} MiB/s`,
        `${result.ratio.toFixed(1)}×`,
        `≥ ${String(TARGET_RATIO)}×`,
        result.throughputPass ? 'pass' : 'MISSED',
      ],
      [
        '  time per round (median)',
        seconds(median(report.referenceRounds)),
        seconds(median(report.oursRounds)),
        '',
        '',
        '',
      ],
      [
        'large section document',
        describeReferenceLarge(report.referenceLarge),
        `${seconds(result.largeMedian, 3)} (median of ${String(report.largeRuns.length)})`,
        largeRatio(report.referenceLarge, result.largeMedian),
        `< ${seconds(TARGET_LARGE_MILLISECONDS, 1)}`,
        result.largePass ? 'pass' : 'MISSED',
      ],
      ['peak RSS, ours (child process)', '—', `${alone.peakRssMib.toFixed(0)} MiB`, '', '', ''],
    ],
    new Set([1, 2, 3]),
  );
  const retained =
    alone.largeRetainedHeapMib < 0
      ? ''
      : ` Our result for the large document keeps ${alone.largeRetainedHeapMib.toFixed(0)} MiB of heap alive.`;
  const ratios = roundRatios(report);
  lines.push(
    table,
    '',
    `The ratio is of the medians. Round by round: ${ratios.map((value) => `${value.toFixed(1)}×`).join(', ')} (median ${median(ratios).toFixed(1)}×).`,
    `Peak RSS is process.resourceUsage().maxRSS of a child process that loads only our parser and`,
    `parses the same corpus (${String(rounds + 1)} rounds) and then the large document (${String(report.largeRuns.length + 1)} runs):`,
    `${alone.corpusPeakRssMib.toFixed(0)} MiB after the corpus, ${alone.peakRssMib.toFixed(0)} MiB after the large document, of which ${alone.baselineRssMib.toFixed(0)} MiB is Node,`,
    `the parser and the inputs before parsing.${retained}`,
    `That child, alone, read the corpus at ${mibPerSecond(corpus.bytes, alone.corpusMedianMilliseconds).toFixed(2)} MiB/s and the large document in ${seconds(alone.largeMedianMilliseconds, 3)}.`,
    `The benchmark process (both parsers loaded) peaked at ${report.processPeakRssMib.toFixed(0)} MiB.`,
    `Result: ${result.pass ? 'every target met' : 'a target was MISSED'}.`,
    '',
  );
  return lines.join('\n');
}

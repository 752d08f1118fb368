/**
 * The parser benchmark (ARCHITECTURE.md §7): our parser against `@microsoft/powerquery-parser` on
 * the same documents, in the same process. Run `node dist/parser-bench.js --help`.
 */
import { parse } from '@pqsdk/m-parser';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BenchUsageError,
  benchArgs,
  positiveInteger,
  progress,
  readCommandLine,
} from './bench-cli.js';
import { buildCorpus, buildLargeSection, MIB, type Corpus, type LargeSection } from './corpus.js';
import { runOursIsolated, runReferenceIsolated } from './isolated.js';
import { findRepoRoot, readMFiles, type MFile } from './m-files.js';
import {
  figures,
  group,
  parserReportJson,
  renderParserReport,
  seconds,
  type ParserBenchReport,
} from './parser-report.js';
import { referenceAccepts, referenceName, stripByteOrderMark } from './reference-parser.js';
import { machineInfo, peakRssMib } from './stats.js';

const USAGE = `Usage: node dist/parser-bench.js [options]

Times our M parser against @microsoft/powerquery-parser on a corpus made from the repository's own
M files (examples/ and packages/m-parser/test/fixtures/valid/), and on one large section document.

Options:
  --json                     print one JSON object instead of tables
  --rounds <n>               timed rounds over the corpus, per parser (default 5)
  --corpus-mib <n>           minimum corpus size in MiB (default 10)
  --large-runs <n>           timed runs of our parser on the large document (default 7)
  --reference-timeout <s>    stop the reference on the large document after this (default 60)
  --source <dir>             take the M files from <dir> instead (repeatable)
  -h, --help                 show this help

Example:
  pnpm --filter @pqsdk/bench bench:parser -- --json

Exit codes: 0 every target met, 1 a target missed, 2 bad arguments or no M files.`;

/** The large document: at least 3 MB and at least 100,000 lines (whichever needs more members). */
const LARGE_TARGET_BYTES = 3_000_000;
const LARGE_TARGET_LINES = 100_000;
/** How much of the corpus warms the reference up before its single run on the large document. */
const REFERENCE_WARMUP_BYTES = 512 * 1024;

interface Options {
  readonly json: boolean;
  readonly rounds: number;
  readonly corpusBytes: number;
  readonly largeRuns: number;
  readonly referenceTimeoutMilliseconds: number;
  readonly sources: readonly string[] | undefined;
}

function readOptions(argv: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: benchArgs(argv),
    options: {
      json: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '5' },
      'corpus-mib': { type: 'string', default: '10' },
      'large-runs': { type: 'string', default: '7' },
      'reference-timeout': { type: 'string', default: '60' },
      source: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    json: values.json,
    rounds: positiveInteger('--rounds', values.rounds),
    corpusBytes: positiveNumber('--corpus-mib', values['corpus-mib']) * MIB,
    largeRuns: positiveInteger('--large-runs', values['large-runs']),
    referenceTimeoutMilliseconds:
      positiveNumber('--reference-timeout', values['reference-timeout']) * 1000,
    sources: values.source,
  };
}

function positiveNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new BenchUsageError(`${name} needs a positive number, not "${text}"`);
  }
  return value;
}

/** Reads the M files of the corpus; names are relative to the repository root. */
function readSources(repoRoot: string, options: Options): { files: MFile[]; roots: string[] } {
  const roots = options.sources?.map((source) => resolve(source)) ?? [
    join(repoRoot, 'examples'),
    join(repoRoot, 'packages', 'm-parser', 'test', 'fixtures', 'valid'),
  ];
  const insideRepo = (root: string): boolean => {
    const path = relative(repoRoot, root);
    return path !== '' && !path.startsWith('..') && !isAbsolute(path);
  };
  const shown = roots.map((root) => (insideRepo(root) ? relative(repoRoot, root) : root));
  const files = roots.flatMap((root) => readMFiles(root, insideRepo(root) ? repoRoot : root));
  if (files.length === 0) {
    throw new BenchUsageError(
      `no .pq, .pqm or .m files under ${shown.join(' or ')}; the benchmark corpus is made from them`,
    );
  }
  return { files, roots: shown };
}

/** Parses every document with our parser; returns the elapsed milliseconds. */
function timeOurs(corpus: Corpus): number {
  const start = performance.now();
  for (const document of corpus.documents) {
    if (!parse(document.text).ok) throw new Error(`${document.source} no longer parses (ours)`);
  }
  return performance.now() - start;
}

/** Parses every document with the reference parser; returns the elapsed milliseconds. */
async function timeReference(corpus: Corpus): Promise<number> {
  const start = performance.now();
  for (const document of corpus.documents) {
    if (!(await referenceAccepts(document.referenceText))) {
      throw new Error(`${document.source} no longer parses (reference)`);
    }
  }
  return performance.now() - start;
}

interface Throughput {
  readonly referenceRounds: number[];
  readonly oursRounds: number[];
}

/** One untimed round each, then `rounds` timed rounds, alternating the parsers and their order. */
async function measureThroughput(corpus: Corpus, rounds: number): Promise<Throughput> {
  progress('warming up both parsers (one untimed round each)');
  timeOurs(corpus);
  await timeReference(corpus);
  const referenceRounds: number[] = [];
  const oursRounds: number[] = [];
  for (let index = 0; index < rounds; index++) {
    if (index % 2 === 0) {
      oursRounds.push(timeOurs(corpus));
      referenceRounds.push(await timeReference(corpus));
    } else {
      referenceRounds.push(await timeReference(corpus));
      oursRounds.push(timeOurs(corpus));
    }
    progress(
      `round ${String(index + 1)}/${String(rounds)}: reference ${seconds(referenceRounds.at(-1))}, ours ${seconds(oursRounds.at(-1))}`,
    );
  }
  return { referenceRounds, oursRounds };
}

/** Times our parser on the large document: two untimed runs, then `runs` timed ones. */
function timeOursOnLarge(large: LargeSection, runs: number): number[] {
  const once = (): number => {
    const start = performance.now();
    const result = parse(large.text);
    const elapsed = performance.now() - start;
    if (!result.ok) throw new Error('the large section document no longer parses (ours)');
    return elapsed;
  };
  once();
  once();
  return Array.from({ length: runs }, once);
}

async function main(): Promise<number> {
  const repoRoot = findRepoRoot(import.meta.url);
  const command = readCommandLine('parser-bench', USAGE, () => {
    const read = readOptions(process.argv.slice(2));
    return read === 'help' ? read : { options: read, sources: readSources(repoRoot, read) };
  });
  if (typeof command === 'number') return command;
  const { options, sources } = command;

  progress(`checking ${String(sources.files.length)} source files with both parsers`);
  const corpus = await buildCorpus(sources.files, options.corpusBytes, progress);
  const large = buildLargeSection(corpus.sources, LARGE_TARGET_BYTES, LARGE_TARGET_LINES);
  if (!parse(large.text).ok) {
    throw new Error('the generated large section document does not parse (ours); this is a bug');
  }
  progress(
    `corpus: ${group(corpus.documents.length)} documents, ${(corpus.bytes / MIB).toFixed(2)} MiB; large document: ${(large.bytes / 1e6).toFixed(2)} MB, ${group(large.lines)} lines`,
  );

  progress('running our parser alone in a child process (peak RSS)');
  const alone = await runOursIsolated({
    documents: corpus.documents.map((document) => document.text),
    large: large.text,
    rounds: options.rounds,
    largeRuns: options.largeRuns,
  });

  const throughput = await measureThroughput(corpus, options.rounds);
  progress('timing our parser on the large section document');
  const largeRuns = timeOursOnLarge(large, options.largeRuns);

  progress(
    `timing the reference once on the large section document (stopped after ${seconds(options.referenceTimeoutMilliseconds)})`,
  );
  const warmup: string[] = [];
  let warmupBytes = 0;
  for (const document of corpus.documents) {
    if (warmupBytes >= REFERENCE_WARMUP_BYTES) break;
    warmup.push(document.referenceText);
    warmupBytes += document.bytes;
  }
  const referenceLarge = await runReferenceIsolated(
    stripByteOrderMark(large.text),
    warmup,
    options.referenceTimeoutMilliseconds,
  );

  const report: ParserBenchReport = {
    machine: machineInfo(),
    reference: referenceName(),
    roots: sources.roots,
    corpus,
    large,
    warmupRounds: 1,
    referenceRounds: throughput.referenceRounds,
    oursRounds: throughput.oursRounds,
    largeRuns,
    referenceLarge,
    alone,
    processPeakRssMib: peakRssMib(),
  };
  process.stdout.write(
    options.json
      ? `${JSON.stringify(parserReportJson(report), null, 2)}\n`
      : renderParserReport(report),
  );
  return figures(report).pass ? 0 : 1;
}

process.exitCode = await main();

/**
 * Child-process entry: parses the benchmark inputs with our parser only, so that the peak RSS it
 * reports is ours alone (the reference parser is never loaded here). Started by
 * {@link runOursIsolated}; prints one JSON object ({@link OursChildOutput}) on stdout.
 */
import { parse } from '@pqsdk/m-parser';
import { readFileSync } from 'node:fs';
import type { OursChildInput, OursChildOutput } from './isolated.js';
import { currentRssMib, median, peakRssMib } from './stats.js';

function isInput(value: unknown): value is OursChildInput {
  if (typeof value !== 'object' || value === null) return false;
  const input = value as Partial<Record<keyof OursChildInput, unknown>>;
  return (
    Array.isArray(input.documents) &&
    input.documents.every((item) => typeof item === 'string') &&
    typeof input.large === 'string' &&
    typeof input.rounds === 'number' &&
    typeof input.largeRuns === 'number'
  );
}

/** Parses every text once; returns the elapsed milliseconds. */
function parseAll(texts: readonly string[]): number {
  const start = performance.now();
  for (const text of texts) {
    if (!parse(text).ok) throw new Error('ours-child: a corpus document no longer parses');
  }
  return performance.now() - start;
}

/**
 * The heap that our result for `text` keeps alive (tree, comments, diagnostics), measured between
 * two full collections; -1 when the process was started without `--expose-gc`.
 */
function retainedHeapMib(text: string): number {
  const collect = globalThis.gc;
  if (collect === undefined) return -1;
  collect();
  const before = process.memoryUsage().heapUsed;
  const result = parse(text);
  collect();
  const after = process.memoryUsage().heapUsed;
  if (!result.ok) throw new Error('ours-child: the large document no longer parses');
  return (after - before) / (1024 * 1024);
}

function main(): void {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: ours-child.js <input.json>');
  const input: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isInput(input)) throw new Error('ours-child: unexpected input');
  const baselineRssMib = currentRssMib();

  parseAll(input.documents);
  const corpusRounds: number[] = [];
  for (let round = 0; round < input.rounds; round++) corpusRounds.push(parseAll(input.documents));
  const corpusPeakRssMib = peakRssMib();

  parseAll([input.large]);
  const largeRuns: number[] = [];
  for (let run = 0; run < input.largeRuns; run++) largeRuns.push(parseAll([input.large]));

  const overallPeakRssMib = peakRssMib();

  const output: OursChildOutput = {
    baselineRssMib,
    corpusPeakRssMib,
    peakRssMib: overallPeakRssMib,
    corpusMedianMilliseconds: median(corpusRounds),
    largeMedianMilliseconds: median(largeRuns),
    largeRetainedHeapMib: retainedHeapMib(input.large),
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

main();

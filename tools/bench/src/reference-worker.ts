/**
 * Worker entry: times the reference parser on one text, once, after warming it up on a few
 * smaller texts. Started by {@link runReferenceIsolated}; the parent stops it at a deadline.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReferenceWorkerInput, ReferenceWorkerOutput } from './isolated.js';
import { referenceAccepts } from './reference-parser.js';

function isInput(value: unknown): value is ReferenceWorkerInput {
  if (typeof value !== 'object' || value === null) return false;
  const input = value as Partial<Record<keyof ReferenceWorkerInput, unknown>>;
  return (
    typeof input.text === 'string' &&
    Array.isArray(input.warmup) &&
    input.warmup.every((item) => typeof item === 'string')
  );
}

async function main(): Promise<void> {
  const data: unknown = workerData;
  if (parentPort === null || !isInput(data)) throw new Error('reference-worker: bad worker data');
  for (const text of data.warmup) await referenceAccepts(text);
  const started: ReferenceWorkerOutput = { type: 'started' };
  parentPort.postMessage(started);
  const start = performance.now();
  const ok = await referenceAccepts(data.text);
  const done: ReferenceWorkerOutput = { type: 'done', ok, milliseconds: performance.now() - start };
  parentPort.postMessage(done);
}

await main();

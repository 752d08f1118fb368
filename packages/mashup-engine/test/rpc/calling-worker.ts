/**
 * A worker for the sync-call tests: it makes the calls the test asks for (in `workerData`) and
 * reports what each returned or threw. It blocks its thread during every call, as the evaluation
 * side does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HostCallError, SyncCaller, type SyncCallEndpoint } from '../../src/rpc/sync-call.js';

interface Job {
  readonly endpoint: SyncCallEndpoint;
  readonly calls: readonly { readonly method: string; readonly argument: unknown }[];
}

function depth(n: number): number {
  try {
    return depth(n + 1);
  } catch {
    return n;
  }
}

const job = workerData as Job;
const caller = new SyncCaller<Record<string, (argument: never) => unknown>>(job.endpoint);
const results: unknown[] = [];
for (const { method, argument } of job.calls) {
  try {
    results.push({ ok: true, value: caller.call(method, argument as never) });
  } catch (error) {
    results.push({
      ok: false,
      hostCallError: error instanceof HostCallError,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
caller.close();
parentPort?.postMessage({ results, stackDepth: depth(0) });

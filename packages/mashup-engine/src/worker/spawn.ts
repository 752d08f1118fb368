import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Resource limits of an evaluation worker (DESIGN.md §1). */
export interface WorkerLimits {
  /** The worker thread's stack, in MiB: how deep M recursion may go. Default 256. */
  readonly stackSizeMb?: number;
  /** The worker's heap limit, in MiB. Default: Node's own. */
  readonly maxOldGenerationSizeMb?: number;
}

/** The default stack of an evaluation worker, in MiB. */
export const DEFAULT_STACK_SIZE_MB = 256;

/**
 * Starts a worker thread running the module at `entry` (a URL next to the calling module, such as
 * `new URL('./evaluation-worker.js', import.meta.url)`).
 *
 * Built code runs the `.js` file directly. Code run from its TypeScript sources (the tests, which
 * resolve workspace packages through the `@pqsdk/source` condition) runs the `.ts` file through
 * tsx's loader, registered inside the worker before the entry is imported; the worker resolves
 * workspace packages to their sources as well.
 */
export function spawnWorker(
  entry: URL,
  options: Pick<WorkerOptions, 'workerData' | 'transferList'> & WorkerLimits,
): Worker {
  const resourceLimits = {
    stackSizeMb: options.stackSizeMb ?? DEFAULT_STACK_SIZE_MB,
    ...(options.maxOldGenerationSizeMb === undefined
      ? {}
      : { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb }),
  };
  const common = {
    workerData: options.workerData as unknown,
    transferList: options.transferList,
    resourceLimits,
    stdout: false,
    stderr: false,
  };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, common);
  // The ES module build of tsx's API (its `import` export; `require` here would find the other).
  const tsxRoot = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const loader = new URL('dist/esm/api/index.mjs', tsxRoot).href;
  const bootstrap =
    `import(${JSON.stringify(loader)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, {
    ...common,
    eval: true,
    execArgv: ['--conditions=@pqsdk/source'],
  });
}

/**
 * One cold run of `run-test`'s work, timed phase by phase, in a fresh process (the child of
 * `cli-bench.ts`). It prints one JSON line: the milliseconds of each phase.
 *
 *   node dist/cli-phases-child.js <connector> <query file> <credentials file>
 *
 * - `importEngine`: loading `@pqsdk/mashup-engine` on the main thread (what `run-test` imports);
 * - `open`: `MashupEngine.open`: reading the connector, starting the worker, which loads the
 *   parser and the evaluator and loads the section document;
 * - `evaluate`: evaluating the query and turning its value into plain data;
 * - `close`: stopping the worker;
 * - `workerImports`: in another, fresh worker, loading `@pqsdk/m-parser` and
 *   `@pqsdk/m-evaluator` alone: the share of `open` that is module loading.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const started = performance.now();
const [connector, queryFile, credentialsFile] = process.argv.slice(2);
if (connector === undefined || queryFile === undefined || credentialsFile === undefined) {
  process.stderr.write('usage: cli-phases-child.js <connector> <query file> <credentials file>\n');
  process.exit(2);
}

const engineModule = await import('@pqsdk/mashup-engine');
const imported = performance.now();
const { CredentialStore, MashupEngine, credentialStoreProvider } = engineModule;
const engine = await MashupEngine.open(connector, {
  credentials: credentialStoreProvider(CredentialStore.at({ credentialsFile })),
});
const opened = performance.now();
const result = await engine.evaluate(readFileSync(queryFile, 'utf8'));
const evaluated = performance.now();
await engine.close();
const closed = performance.now();
if (!result.ok) {
  process.stderr.write(
    `the query failed: [${result.error.reason}] ${result.error.message ?? ''}\n`,
  );
  process.exit(1);
}

/** The time a fresh worker takes to import the parser and the evaluator. */
function workerImports(): Promise<number> {
  const source = `
    const { parentPort } = require('node:worker_threads');
    const start = performance.now();
    import(${JSON.stringify(import.meta.resolve('@pqsdk/m-parser'))})
      .then(() => import(${JSON.stringify(import.meta.resolve('@pqsdk/m-evaluator'))}))
      .then(() => parentPort.postMessage(performance.now() - start));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true });
    worker.once('message', (ms: number) => {
      resolve(ms);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

process.stdout.write(
  `${JSON.stringify({
    boot: started,
    importEngine: imported - started,
    open: opened - imported,
    evaluate: evaluated - opened,
    close: closed - evaluated,
    workerImports: await workerImports(),
  })}\n`,
);

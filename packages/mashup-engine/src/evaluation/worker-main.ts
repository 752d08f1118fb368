/**
 * The entry of the evaluation worker (DESIGN.md §1). It loads the connector given in `workerData`,
 * then serves the host's commands from `parentPort`, one at a time. Traces are posted as they are
 * written; data access goes through blocking calls to the host.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FoldEvent, TraceEntry } from '@pqsdk/m-evaluator';
import { SyncCaller } from '../rpc/sync-call.js';
import { ConnectorEvaluator } from './connector-evaluator.js';
import type { HostMethods, WorkerCommand, WorkerMessage, WorkerStart } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('worker-main runs only as a worker thread');

const start = workerData as WorkerStart;
const post = (message: WorkerMessage): void => {
  port.postMessage(message);
};
const caller = new SyncCaller<HostMethods>(start.endpoint);
const evaluator = new ConnectorEvaluator(
  start.connector,
  start.settings,
  caller,
  {
    trace: (entry: TraceEntry) => {
      post({ type: 'trace', entry });
    },
  },
  (event: FoldEvent) => {
    post({ type: 'fold', event });
  },
);

let failure;
try {
  failure = evaluator.load();
} catch (error) {
  failure = {
    code: 'PQSDK_CONNECTOR_WORKER' as const,
    message: `the connector could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
  };
}
if (failure === undefined) {
  post({ type: 'ready' });
  port.on('message', (command: WorkerCommand) => {
    post({ type: 'reply', id: command.id, reply: serve(command) });
  });
} else {
  post({ type: 'loadError', error: failure });
  caller.close();
}

function serve(command: WorkerCommand): unknown {
  switch (command.command) {
    case 'evaluate':
      return evaluator.evaluate(command.query, command.timeoutMs, {
        failOnFoldingFailure: command.failOnFoldingFailure ?? false,
      });
    case 'info':
      return evaluator.info();
    case 'testConnection':
      return evaluator.testConnection(command.dataSource, command.timeoutMs);
    case 'oauth':
      return evaluator.oauth(command.call, command.timeoutMs);
  }
}

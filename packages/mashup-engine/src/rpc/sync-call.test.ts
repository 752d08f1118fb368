import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnWorker } from '../worker/spawn.js';
import { createSyncChannel, serveSyncCalls } from './sync-call.js';

const WORKER = new URL('../../test/rpc/calling-worker.ts', import.meta.url);

interface WorkerReport {
  readonly results: readonly { ok: boolean; value?: unknown; message?: string }[];
  readonly stackDepth: number;
}

type Methods = {
  add: (argument: { a: number; b: number }) => number;
  later: (argument: number) => string;
  get: (argument: string) => { status: number; body: Uint8Array };
  fail: (argument: null) => never;
};

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end(`you asked for ${request.url ?? ''}`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

async function runCalls(
  calls: readonly { method: string; argument: unknown }[],
  stackSizeMb?: number,
): Promise<WorkerReport> {
  const { caller, host } = createSyncChannel();
  const serving = serveSyncCalls<Methods>(host, {
    add: ({ a, b }) => a + b,
    later: async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return `waited ${String(ms)} ms`;
    },
    get: async (path) => {
      const response = await fetch(baseUrl + path);
      return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
    },
    fail: () => {
      throw new Error('the service is down');
    },
  });
  const worker = spawnWorker(WORKER, {
    workerData: { endpoint: caller, calls },
    transferList: [caller.port],
    ...(stackSizeMb === undefined ? {} : { stackSizeMb }),
  });
  try {
    const [report] = (await once(worker, 'message')) as [WorkerReport];
    return report;
  } finally {
    serving.close();
    await worker.terminate();
  }
}

describe('synchronous host calls from a worker', () => {
  it('returns values, including ones the host computes asynchronously', async () => {
    const report = await runCalls([
      { method: 'add', argument: { a: 2, b: 40 } },
      { method: 'later', argument: 20 },
      { method: 'add', argument: { a: -1, b: 1 } },
    ]);
    expect(report.results).toEqual([
      { ok: true, value: 42 },
      { ok: true, value: 'waited 20 ms' },
      { ok: true, value: 0 },
    ]);
  });

  it('lets the host thread serve HTTP while the worker is blocked', async () => {
    const report = await runCalls([{ method: 'get', argument: '/items?page=2' }]);
    const [result] = report.results;
    const value = result?.value as { status: number; body: Uint8Array };
    expect(value.status).toBe(200);
    expect(new TextDecoder().decode(value.body)).toBe('you asked for /items?page=2');
  });

  it('turns a failing handler and an unknown method into errors the caller can catch', async () => {
    const report = await runCalls([
      { method: 'fail', argument: null },
      { method: 'nope', argument: null },
      { method: 'add', argument: { a: 1, b: 1 } },
    ]);
    expect(report.results).toEqual([
      { ok: false, hostCallError: true, message: 'host call fail failed: the service is down' },
      { ok: false, hostCallError: true, message: 'host call nope failed: no such method' },
      { ok: true, value: 2 },
    ]);
  });

  it('serves many calls in a row', async () => {
    const calls = Array.from({ length: 500 }, (_, index) => ({
      method: 'add',
      argument: { a: index, b: 1 },
    }));
    const report = await runCalls(calls);
    expect(report.results.map((result) => result.value)).toEqual(
      Array.from({ length: 500 }, (_, index) => index + 1),
    );
  });

  it('gives the worker the stack it asks for', async () => {
    const small = await runCalls([], 4);
    const large = await runCalls([], 64);
    expect(large.stackDepth).toBeGreaterThan(small.stackDepth * 8);
  });
});

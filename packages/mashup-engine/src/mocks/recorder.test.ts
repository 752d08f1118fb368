import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireRequest, WireResponse } from '../http/transport.js';
import { MockError } from './errors.js';
import { MockRecorder } from './recorder.js';

const REQUEST: WireRequest = {
  method: 'GET',
  url: 'https://api.example.com/items?page=1',
  headers: [],
  body: null,
  timeoutMs: 1000,
  maxBodyBytes: 1024,
  secrets: { headers: [], queryParameters: [] },
  excludedFromCacheKey: [],
};

const RESPONSE: WireResponse = {
  status: 200,
  statusText: 'OK',
  headers: [['content-type', 'text/plain']],
  body: new TextEncoder().encode('hello'),
};

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'pqsdk-recorder-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('MockRecorder', () => {
  it('writes a fixture file in a folder it creates, and leaves no temporary file', async () => {
    const recorder = new MockRecorder(join(folder, 'fixtures'));
    const path = await recorder.record(REQUEST, RESPONSE);
    expect(path.startsWith(join(folder, 'fixtures'))).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8'))).toBeTruthy();
    expect(recorder.files).toEqual([path]);
    expect(await readdir(join(folder, 'fixtures'))).toEqual([basename(path)]);
  });

  it('fails with PQSDK_MOCK_WRITE_FAILED, and removes its temporary file, when the file cannot be replaced', async () => {
    const path = await new MockRecorder(folder).record(REQUEST, RESPONSE);
    await rm(path);
    await mkdir(path);
    const failure = await new MockRecorder(folder).record(REQUEST, RESPONSE).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MockError);
    const error = failure as MockError;
    expect(error.code).toBe('PQSDK_MOCK_WRITE_FAILED');
    expect(error.file).toBe(path);
    expect(error.message).toMatch(
      /cannot write the recorded fixture \(.+\); check the --record folder$/,
    );
    expect(await readdir(folder)).toEqual([basename(path)]);
  });

  it('fails with PQSDK_MOCK_WRITE_FAILED, naming the file, when the folder cannot be made', async () => {
    const blocker = join(folder, 'blocker');
    await writeFile(blocker, 'not a folder');
    const recorder = new MockRecorder(join(blocker, 'fixtures'));
    const failure = await recorder.record(REQUEST, RESPONSE).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MockError);
    const error = failure as MockError;
    expect(error.code).toBe('PQSDK_MOCK_WRITE_FAILED');
    expect(error.file?.startsWith(join(blocker, 'fixtures'))).toBe(true);
    expect(error.message).toMatch(
      /cannot write the recorded fixture \(.*ENOTDIR.*\); check the --record folder$/,
    );
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOTDIR');
    expect(await readdir(folder)).toEqual(['blocker']);
  });
});

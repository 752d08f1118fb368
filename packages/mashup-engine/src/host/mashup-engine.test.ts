import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CredentialStore } from '../credentials/store.js';
import {
  ConnectorLoadError,
  credentialListProvider,
  credentialStoreProvider,
  MashupEngine,
  type EngineTraceEvent,
  type EvaluationResult,
} from '../index.js';
import { credential, EXAMPLES, startServer, tempFolder } from '../../test/helpers.js';

const PROBE = new URL('../../test/fixtures/Probe', import.meta.url).pathname;

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

describe('HelloWorld, end to end', () => {
  let engine: MashupEngine;

  beforeAll(async () => {
    engine = await MashupEngine.open(`${EXAMPLES}HelloWorld`, {
      credentials: credentialListProvider([
        credential.anonymous('HelloWorld', '{"message":"Hello, world"}'),
        credential.anonymous('HelloWorld', '{"message":"le monde"}'),
        credential.anonymous('HelloWorld', '{"message":"x"}'),
      ]),
    });
  });

  afterAll(async () => {
    await engine.close();
  });

  it('returns the greeting table of HelloWorld.Contents', async () => {
    const result = await engine.evaluate('HelloWorld.Contents("Hello, world", 2, "fr")');
    expect(result.ok ? result.value : result.error).toEqual({
      kind: 'table',
      literal:
        '#table(type table [Index = Int64.Type, Greeting = text, Language = text, Length = Int64.Type], {{1, "Bonjour, Hello, world (1)", "fr", 25}, {2, "Bonjour, Hello, world (2)", "fr", 25}})',
      json: [
        { Index: 1, Greeting: 'Bonjour, Hello, world (1)', Language: 'fr', Length: 25 },
        { Index: 2, Greeting: 'Bonjour, Hello, world (2)', Language: 'fr', Length: 25 },
      ],
      columns: ['Index', 'Greeting', 'Language', 'Length'],
    });
    expect(result.dataSources).toEqual([
      {
        kind: 'HelloWorld',
        path: '{"message":"Hello, world"}',
        authenticationKinds: ['Anonymous'],
        authenticationKind: 'Anonymous',
        label: 'Hello World',
      },
    ]);
  });

  it('evaluates the example query file', async () => {
    const query = readFileSync(`${EXAMPLES}HelloWorld/HelloWorld.query.pq`, 'utf8');
    const result = await engine.evaluate(query);
    expect(valueOf(result)).toEqual({
      RowCount: 3,
      FirstGreeting: 'Hello, world (1)',
      Columns: ['Index', 'Greeting', 'Language', 'Length'],
      UnknownLanguageFailed: true,
      UnknownLanguageReason: 'Expression.Error',
      BadRepeatMessage: 'repeat must be a positive whole number',
      FunctionName: 'Hello World greetings',
    });
  });

  it('describes the connector', async () => {
    const info = await engine.info();
    expect(info).toMatchObject({
      name: 'HelloWorld',
      version: '1.0.0',
      dataSources: [
        {
          kind: 'HelloWorld',
          label: 'Hello World',
          authenticationKinds: ['Anonymous'],
          supportsEncryption: false,
          testConnection: true,
          functions: [
            {
              name: 'HelloWorld.Contents',
              shared: true,
              publish: 'HelloWorld.Publish',
              path: 'json',
            },
          ],
        },
      ],
    });
    expect(info.dataSources[0]?.functions[0]?.parameters.map((p) => [p.name, p.inPath])).toEqual([
      ['message', true],
      ['repeat', false],
      ['language', false],
    ]);
    expect(info.members.find((member) => member.name === 'HelloWorld.Contents')).toEqual({
      name: 'HelloWorld.Contents',
      shared: true,
      valueKind: 'function',
    });
  });

  it('runs TestConnection for a data source path', async () => {
    const result = await engine.testConnection({
      kind: 'HelloWorld',
      path: '{"message":"x"}',
    });
    expect(result).toMatchObject({ ok: true, invocation: 'HelloWorld.Contents("x")' });
  });

  it('evaluates a section document query: its shared member', async () => {
    const result = await engine.evaluate(
      'section Test;\nHelper = (x) => x + 1;\nshared Query = Helper(Table.RowCount(HelloWorld.Contents("x", 3)));',
    );
    expect(valueOf(result)).toBe(4);
    const later = await engine.evaluate('Query');
    expect(later.ok ? later.value.literal : later.error.message).toContain("'Query' wasn't");
  });

  it('reports a syntax error in the query as an M error', async () => {
    const result = await engine.evaluate('1 +');
    expect(result.ok ? null : result.error.reason).toBe('Expression.SyntaxError');
  });
});

describe('traces', () => {
  it('sends every Diagnostics.Trace level to the host, with timestamps', async () => {
    const received: EngineTraceEvent[] = [];
    const engine = await MashupEngine.open(PROBE, {
      trace: (event) => received.push(event),
      now: new Date('2024-05-01T12:00:00Z'),
    });
    try {
      const result = await engine.evaluate('Probe.Traced(7)');
      expect(valueOf(result)).toBe(7);
      expect(
        received.map(({ level, message, detail, timestamp }) => ({
          level,
          message,
          detail,
          timestamp,
        })),
      ).toEqual(
        ['Critical', 'Error', 'Warning', 'Information', 'Verbose'].map((level) => ({
          level,
          message: level.toLowerCase(),
          detail: '7',
          timestamp: '2024-05-01T12:00:00.000Z',
        })),
      );
      expect(result.traces).toEqual(received);
      for (const event of received) expect(Date.parse(event.receivedAt)).not.toBeNaN();
    } finally {
      await engine.close();
    }
  });
});

describe('limits', () => {
  let engine: MashupEngine;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    server = await startServer(() => ({ hang: true }));
    engine = await MashupEngine.open(PROBE);
  });

  afterAll(async () => {
    await engine.close();
    await server.close();
  });

  it('stops a runaway List.Generate and works again afterwards', async () => {
    const result = await engine.evaluate(
      'List.Count(List.Generate(() => 0, each true, each _ + 1))',
      {
        timeoutMs: 300,
      },
    );
    expect(result.ok ? null : result.error.reason).toBe('PQSDK.Timeout');
    expect(valueOf(await engine.evaluate('1 + 1'))).toBe(2);
  });

  it('stops runaway recursion', async () => {
    const result = await engine.evaluate('let f = (x) => @f(x + 1) in f(0)', { timeoutMs: 300 });
    expect(result.ok).toBe(false);
    expect(['PQSDK.Timeout', 'Expression.Error']).toContain(result.ok ? null : result.error.reason);
    expect(valueOf(await engine.evaluate('2 + 2'))).toBe(4);
  });

  it('terminates a worker blocked on the host and starts a fresh one', async () => {
    const started = Date.now();
    const result = await engine.evaluate(`Binary.Length(Web.Contents("${server.url}/hang"))`, {
      timeoutMs: 300,
    });
    expect(result.ok ? null : result.error).toMatchObject({
      reason: 'PQSDK.Timeout',
      message: 'The evaluation did not finish within 300 ms; its worker was stopped.',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(valueOf(await engine.evaluate('Probe.Module(4)'))).toBe(8);
  });

  it('recurses 50,000 levels deep', async () => {
    const result = await engine.evaluate(
      'let f = (n) => if n = 0 then 0 else 1 + @f(n - 1) in f(50000)',
    );
    expect(valueOf(result)).toBe(50000);
  });
});

describe('credentials from the encrypted store', () => {
  it('finds the credential of a data source in a CredentialStore', async () => {
    const folder = tempFolder({});
    const store = CredentialStore.at({ credentialsFile: join(folder.path, 'credentials.json') });
    await store.set(credential.key('ProbeWeb', 'https://api.example', 'stored-key'));
    const engine = await MashupEngine.open(PROBE, { credentials: credentialStoreProvider(store) });
    try {
      const result = await engine.evaluate(
        'Probe.Navigation("https://api.example/v1"){[Name = "Key"]}[Data]',
      );
      expect(valueOf(result)).toBe('stored-key');
    } finally {
      await engine.close();
      folder.remove();
    }
  });
});

describe('loading errors', () => {
  it('reports a syntax error in the section document with file:line:col', async () => {
    const folder = tempFolder({ 'Broken.pq': 'section Broken;\n\nshared A = 1 +;\n' });
    try {
      const error = await MashupEngine.open(folder.path).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectorLoadError);
      expect(error).toMatchObject({ code: 'PQSDK_CONNECTOR_SYNTAX', file: 'Broken.pq', line: 3 });
      expect((error as Error).message).toMatch(/^Broken\.pq:3:\d+ /);
    } finally {
      folder.remove();
    }
  });

  it('refuses calls after close', async () => {
    const engine = await MashupEngine.open(PROBE);
    await engine.close();
    await expect(engine.evaluate('1')).rejects.toThrow('the engine is closed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credential } from '../credentials/types.js';
import { credentialListProvider, MashupEngine, type EvaluationResult } from '../index.js';
import { credential, startServer } from '../../test/helpers.js';

const PROBE = new URL('../../test/fixtures/Probe', import.meta.url).pathname;

let engine: MashupEngine;
let api: Awaited<ReturnType<typeof startServer>>;
let foreign: Awaited<ReturnType<typeof startServer>>;
const stored: Credential[] = [];

function echo(request: { url: string; headers: Record<string, unknown>; method: string }) {
  return {
    body: JSON.stringify({
      url: request.url,
      method: request.method,
      authorization: request.headers['authorization'] ?? null,
    }),
  };
}

beforeAll(async () => {
  api = await startServer(echo);
  foreign = await startServer(echo);
  engine = await MashupEngine.open(PROBE, {
    credentials: (dataSource) => {
      if (dataSource.path.includes('explode')) throw new Error('the store is locked');
      return credentialListProvider(stored)(dataSource);
    },
    now: new Date('2024-05-01T12:00:00Z'),
  });
});

afterAll(async () => {
  await engine.close();
  await api.close();
  await foreign.close();
});

function useCredentials(...credentials: Credential[]): void {
  stored.length = 0;
  stored.push(...credentials);
}

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

describe('data source paths', () => {
  it('uses the kind name for a function without required parameters', async () => {
    useCredentials(credential.anonymous('ProbeSingleton', 'ProbeSingleton'));
    const result = await engine.evaluate('Probe.Singleton()');
    expect(valueOf(result)).toEqual({ AuthenticationKind: 'Anonymous' });
    expect(result.dataSources).toEqual([
      {
        kind: 'ProbeSingleton',
        path: 'ProbeSingleton',
        authenticationKinds: ['Anonymous'],
        authenticationKind: 'Anonymous',
      },
    ]);
  });

  it('uses the compact JSON of the required parameters, leaving out optional ones and DataSource.Path = false', async () => {
    useCredentials(
      credential.usernamePassword('ProbeJson', '{"server":"db1","port":5432}', 'ann', 'secret'),
    );
    const result = await engine.evaluate('Probe.Database("db1", 5432, "sales", [Timeout = 1])');
    expect(result.dataSources.map(({ kind, path }) => ({ kind, path }))).toEqual([
      { kind: 'ProbeJson', path: '{"server":"db1","port":5432}' },
    ]);
    expect(valueOf(result)).toEqual({
      Server: 'db1',
      Catalog: 'sales',
      Credential: { AuthenticationKind: 'UsernamePassword', Username: 'ann', Password: 'secret' },
    });
  });

  it('uses the URL of a single Uri.Type parameter', async () => {
    useCredentials(credential.anonymous('ProbeWeb', api.url));
    const result = await engine.evaluate(`Probe.Get("${api.url}/v1/items")`);
    expect(result.dataSources[0]?.path).toBe(`${api.url}/v1/items`);
    expect(valueOf(result)).toMatchObject({ Status: 200, Echo: { url: '/v1/items' } });
  });
});

describe('a data source without a credential', () => {
  it('raises the credential error naming the kind, the path and the authentication kinds', async () => {
    useCredentials();
    const result = await engine.evaluate('Probe.Database("db2", 1, "x")');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      reason: 'Credential.Error',
      message: expect.stringContaining(
        'Credentials are required to connect to the ProbeJson source. (Source at {"server":"db2","port":1}.)',
      ) as unknown,
      detailJson: {
        DataSourceKind: 'ProbeJson',
        DataSourcePath: '{"server":"db2","port":1}',
        AuthenticationKinds: ['UsernamePassword', 'Windows'],
      },
    });
    expect(result.dataSources).toEqual([
      {
        kind: 'ProbeJson',
        path: '{"server":"db2","port":1}',
        authenticationKinds: ['UsernamePassword', 'Windows'],
        label: 'Probe database',
      },
    ]);
  });

  it('reports a credential provider that throws as a host error, not an M error', async () => {
    const result = await engine.evaluate('try Probe.Database("explode", 1, "x")');
    expect(result.ok ? null : result.error).toMatchObject({
      reason: 'PQSDK.HostError',
      message: 'host call credentials.find failed: the store is locked',
    });
  });

  it('can be caught with try as an error record', async () => {
    useCredentials();
    const result = await engine.evaluate('(try Probe.Singleton())[Error][Reason]');
    expect(valueOf(result)).toBe('Credential.Error');
  });

  it('refuses a credential of a kind the data source does not declare', async () => {
    useCredentials(credential.key('ProbeJson', '{"server":"db1","port":1}', 'k'));
    const result = await engine.evaluate('Probe.Database("db1", 1, "x")');
    expect(result.ok ? null : result.error.message).toContain(
      "is Key, which the data source doesn't support; it supports UsernamePassword, Windows",
    );
  });
});

describe('the data source scope', () => {
  it('keeps the scope for a navigation table leaf evaluated after the function returned', async () => {
    useCredentials(credential.key('ProbeWeb', api.url, 'k-123'));
    const nav = `Probe.Navigation("${api.url}/nav")`;
    expect(valueOf(await engine.evaluate(`${nav}{[Name = "Key"]}[Data]`))).toBe('k-123');
    expect(valueOf(await engine.evaluate(`${nav}{[Name = "Later"]}[Data]()[Key]`))).toBe('k-123');
    expect(valueOf(await engine.evaluate(`${nav}{[Name = "Fetch"]}[Data]`))).toMatchObject({
      url: '/nav/leaf',
      authorization: `Basic ${Buffer.from(':k-123').toString('base64')}`,
    });
  });

  it('gives no credential to a query’s own Web.Contents', async () => {
    useCredentials(credential.key('ProbeWeb', api.url, 'k-123'));
    const result = await engine.evaluate(`Json.Document(Web.Contents("${api.url}/own"))`);
    expect(valueOf(result)).toMatchObject({ url: '/own', authorization: null });
  });

  it('gives no credential to a request to another host from inside the scope', async () => {
    useCredentials(credential.key('ProbeWeb', api.url, 'k-123'));
    const result = await engine.evaluate(`Probe.Elsewhere("${api.url}", "${foreign.url}/x")`);
    expect(valueOf(result)).toMatchObject({ url: '/x', authorization: null });
  });

  it('raises the outside-scope error for Extension.CurrentCredential in a query', async () => {
    const result = await engine.evaluate('Extension.CurrentCredential()');
    expect(result.ok ? null : result.error.message).toContain(
      'Extension.CurrentCredential can only be used while a data source function runs',
    );
  });
});

describe('credentials applied by Web.Contents', () => {
  const basic = (user: string, password: string) =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it.each([
    ['Anonymous', () => credential.anonymous('ProbeWeb', api.url), null],
    ['Key', () => credential.key('ProbeWeb', api.url, 'the-key'), basic('', 'the-key')],
    [
      'UsernamePassword',
      () => credential.usernamePassword('ProbeWeb', api.url, 'ann', 'pw'),
      basic('ann', 'pw'),
    ],
    [
      'Windows',
      () => credential.windows('ProbeWeb', api.url, 'DOM\\bob', 'pw2'),
      basic('DOM\\bob', 'pw2'),
    ],
    ['OAuth', () => credential.oauth('ProbeWeb', api.url, 'tok-1'), 'Bearer tok-1'],
    ['Aad', () => credential.oauth('ProbeWeb', api.url, 'tok-2', true), 'Bearer tok-2'],
  ] as const)('sends the %s credential', async (_kind, make, expected) => {
    useCredentials(make());
    const result = await engine.evaluate(`Probe.Get("${api.url}/data")[Echo][authorization]`);
    expect(valueOf(result)).toBe(expected);
  });

  it('sends a Key as the ApiKeyName query parameter when the option names one', async () => {
    useCredentials(credential.key('ProbeWeb', api.url, 'k 1'));
    const result = await engine.evaluate(
      `Probe.Get("${api.url}/data", [ApiKeyName = "api_key", Query = [q = "x"]])[Echo]`,
    );
    expect(valueOf(result)).toEqual({
      url: '/data?q=x&api_key=k+1',
      method: 'GET',
      authorization: null,
    });
  });

  it('keeps the ApiKeyName parameter out of the Content.Uri metadata', async () => {
    useCredentials(credential.key('ProbeWeb', api.url, 'secret-key-1'));
    const result = await engine.evaluate(
      `Probe.Get("${api.url}/data", [ApiKeyName = "api_key", Query = [q = "x"]])[Uri]`,
    );
    expect(valueOf(result)).toBe(`${api.url}/data?q=x`);
  });

  it('sends nothing with ManualCredentials = true', async () => {
    useCredentials(credential.key('ProbeWeb', api.url, 'k'));
    const result = await engine.evaluate(
      `Probe.Get("${api.url}/data", [ManualCredentials = true])[Echo][authorization]`,
    );
    expect(valueOf(result)).toBe(null);
  });
});

describe('TestConnection', () => {
  it('runs the call TestConnection returns, in the data source scope', async () => {
    useCredentials(credential.usernamePassword('ProbeJson', '{"server":"db1","port":7}', 'u', 'p'));
    const result = await engine.testConnection({
      kind: 'ProbeJson',
      path: '{"server":"db1","port":7}',
    });
    expect(result).toMatchObject({
      ok: true,
      dataSource: { kind: 'ProbeJson', path: '{"server":"db1","port":7}' },
      invocation: 'Probe.Database("db1", 7, "master")',
      valueKind: 'record',
    });
  });

  it('finds the data source from a query that calls one', async () => {
    useCredentials(credential.anonymous('ProbeWeb', api.url));
    const result = await engine.testConnection(`Probe.Get("${api.url}/ping")`);
    expect(result).toMatchObject({ ok: true, invocation: `Probe.Get("${api.url}/ping")` });
  });

  it('refuses a query that calls no data source function', async () => {
    const result = await engine.testConnection('1 + 1');
    expect(result.ok ? null : result.error.reason).toBe('PQSDK.TestConnection');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../http/client.js';
import { MashupEngine, WEB_CONTENTS_OPTIONS, type EvaluationResult } from '../index.js';
import { startServer } from '../../test/helpers.js';

const PROBE = new URL('../../test/fixtures/Probe', import.meta.url).pathname;

let engine: MashupEngine;
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer((request) => {
    const status = /\/status\/(\d+)/.exec(request.url)?.[1];
    if (status !== undefined) {
      return { status: Number(status), body: `{"status":${status}}` };
    }
    return {
      headers: { 'x-trace-id': 'abc', 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        method: request.method,
        url: request.url,
        body: request.body,
        accept: request.headers['accept'] ?? null,
      }),
    };
  });
  engine = await MashupEngine.open(PROBE, {
    http: new HttpClient({ cache: false, sleep: () => Promise.resolve() }),
  });
});

afterAll(async () => {
  await engine.close();
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

describe('Web.Contents', () => {
  it('applies RelativePath, Query (texts and lists) and Headers', async () => {
    const result = await engine.evaluate(
      `Json.Document(Web.Contents("${server.url}/api/", [RelativePath = "items", Query = [q = "Power Query", tag = {"a", "b"}], Headers = [Accept = "application/json"]]))`,
    );
    expect(valueOf(result)).toEqual({
      method: 'GET',
      url: '/api/items?q=Power+Query&tag=a&tag=b',
      body: '',
      accept: 'application/json',
    });
  });

  it('makes a POST with Content', async () => {
    const result = await engine.evaluate(
      `Json.Document(Web.Contents("${server.url}/post", [Content = Json.FromValue([x = 1])]))`,
    );
    expect(valueOf(result)).toMatchObject({ method: 'POST', body: '{"x":1}' });
  });

  it('puts the response status, headers and URL in the metadata', async () => {
    const result = await engine.evaluate(
      `let m = Value.Metadata(Web.Contents("${server.url}/meta/file.json")) in [Status = m[Response.Status], Type = m[Content.Type], Uri = m[Content.Uri], Name = m[Content.Name], Trace = m[Headers][#"x-trace-id"]]`,
    );
    expect(valueOf(result)).toEqual({
      Status: 200,
      Type: 'application/json',
      Uri: `${server.url}/meta/file.json`,
      Name: 'file.json',
      Trace: 'abc',
    });
  });

  it('asks only when the bytes are needed, and once per evaluation', async () => {
    valueOf(await engine.evaluate(`let unused = Web.Contents("${server.url}/lazy") in 1`));
    expect(server.requests).toHaveLength(0);
    valueOf(
      await engine.evaluate(
        `let a = Web.Contents("${server.url}/once"), b = Web.Contents("${server.url}/once") in Binary.Length(a) + Binary.Length(b)`,
      ),
    );
    expect(server.requests).toHaveLength(1);
    valueOf(await engine.evaluate(`Binary.Length(Web.Contents("${server.url}/once"))`));
    expect(server.requests).toHaveLength(2);
  });

  it('asks again with IsRetry = true', async () => {
    valueOf(
      await engine.evaluate(
        `let a = Web.Contents("${server.url}/r"), b = Web.Contents("${server.url}/r", [IsRetry = true]) in Binary.Length(a) + Binary.Length(b)`,
      ),
    );
    expect(server.requests).toHaveLength(2);
  });

  it('turns an error status into DataSource.Error naming the status and the URL', async () => {
    const result = await engine.evaluate(`Web.Contents("${server.url}/status/404")`);
    expect(result.ok ? null : result.error).toMatchObject({
      reason: 'DataSource.Error',
      message: `Web.Contents failed to get contents from '${server.url}/status/404' (404): Not Found`,
      detailJson: {
        DataSourceKind: 'Web',
        DataSourcePath: `${server.url}/status/404`,
        Url: `${server.url}/status/404`,
        Status: 404,
      },
    });
  });

  it('turns 401 into a credential error', async () => {
    const result = await engine.evaluate(`Web.Contents("${server.url}/status/401")`);
    expect(result.ok ? null : result.error.reason).toBe('Credential.AccessDenied');
  });

  it('returns the response for a status listed in ManualStatusHandling', async () => {
    const result = await engine.evaluate(
      `let r = Web.Contents("${server.url}/status/404", [ManualStatusHandling = {404}]) in [Status = Value.Metadata(r)[Response.Status], Body = Json.Document(r)]`,
    );
    expect(valueOf(result)).toEqual({ Status: 404, Body: { status: 404 } });
  });

  it('refuses an unknown option, naming the valid ones', async () => {
    const result = await engine.evaluate(`Web.Contents("${server.url}", [Method = "PUT"])`);
    expect(result.ok ? null : result.error.message).toBe(
      `'Method' isn't a valid Web.Contents option. Valid options are: ${WEB_CONTENTS_OPTIONS.join(', ')}.`,
    );
  });

  it('checks the types of the options', async () => {
    const result = await engine.evaluate(`Web.Contents("${server.url}", [Timeout = 5])`);
    expect(result.ok ? null : result.error.message).toBe(
      'The Web.Contents option Timeout must be a duration.',
    );
  });
});

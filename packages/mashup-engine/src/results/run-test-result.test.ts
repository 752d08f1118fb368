import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../index.js';
import { toRunTestResult } from './run-test-result.js';

const TIMES = {
  startTime: '2024-05-01T12:00:00.000Z',
  endTime: '2024-05-01T12:00:01.000Z',
  traces: [],
  folding: [],
};

function passed(kind: string, json: unknown): EvaluationResult {
  return {
    ok: true,
    value: { kind, literal: '…', json: json as never },
    dataSources: [
      {
        kind: 'ProbeWeb',
        path: 'HTTPS://Api.Example.com:443/v1/',
        authenticationKinds: ['Anonymous', 'Key'],
        authenticationKind: 'Key',
      },
    ],
    ...TIMES,
  };
}

describe('toRunTestResult', () => {
  it('writes a table as its rows, with the data sources the query used', () => {
    const rows = [{ A: 1 }, { A: 2 }];
    expect(
      toRunTestResult(passed('table', rows), { name: 'q.query.pq', query: 'Probe()' }),
    ).toEqual({
      Name: 'q.query.pq',
      Status: 'Passed',
      Type: 'PQTest.Expression',
      Method: 'PQTest.RunTest',
      StartTime: TIMES.startTime,
      EndTime: TIMES.endTime,
      Output: rows,
      Error: null,
      DataSourceAnalysis: [
        {
          Kind: 'ProbeWeb',
          Path: 'HTTPS://Api.Example.com:443/v1/',
          NormalizedPath: 'https://api.example.com/v1',
          AuthenticationKinds: ['Anonymous', 'Key'],
          AuthenticationKind: 'Key',
          Label: null,
        },
      ],
      Details: 'Probe()',
    });
  });

  it.each([
    ['record', { A: 1 }, [{ A: 1 }]],
    ['list', [1, 'x'], [{ Value: 1 }, { Value: 'x' }]],
    ['number', 42, [{ Value: 42 }]],
  ] as const)('writes a %s as rows', (kind, json, output) => {
    expect(toRunTestResult(passed(kind, json), { name: 'q', query: 'x' }).Output).toEqual(output);
  });

  it('writes a failure with the error record’s fields and no output', () => {
    const result: EvaluationResult = {
      ok: false,
      error: {
        reason: 'DataSource.Error',
        message: 'it failed',
        detail: '[Url = "u"]',
        detailJson: { Url: 'u' },
        messageFormat: null,
        messageParameters: null,
      },
      dataSources: [],
      ...TIMES,
    };
    expect(
      toRunTestResult(result, { name: 'q', query: '// a test\nsection Test;\nshared A = 1;' }),
    ).toMatchObject({
      Status: 'Failed',
      Output: [],
      Error: {
        Reason: 'DataSource.Error',
        Message: 'it failed',
        Detail: '[Url = "u"]',
        'Message.Format': null,
        'Message.Parameters': null,
      },
      Details: 'section Test',
    });
  });
});

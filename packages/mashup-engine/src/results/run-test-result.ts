import { normalizeDataSourcePath } from '../credentials/data-source-path.js';
import type { DataSourceUse, EvaluationResult } from '../evaluation/evaluation-result.js';
import type { Json } from '../evaluation/protocol.js';

/** The error of a failed test, as PQTest writes it: the fields of the M error record. */
export interface RunTestError {
  readonly Reason: string | null;
  readonly Message: string | null;
  /** The detail as an M literal, or null. */
  readonly Detail: string | null;
  readonly 'Message.Format': string | null;
  /** The message parameters as an M literal, or null. */
  readonly 'Message.Parameters': string | null;
}

/** A data source the query touched, in `DataSourceAnalysis`. */
export interface RunTestDataSource {
  readonly Kind: string;
  readonly Path: string;
  /** The path as credentials are keyed by it (see the credential store). */
  readonly NormalizedPath: string;
  /** The authentication kinds the data source record declares. */
  readonly AuthenticationKinds: readonly string[];
  /** The authentication kind of the credential used, or null when none was found. */
  readonly AuthenticationKind: string | null;
  readonly Label: string | null;
}

/** One entry of PQTest's `run-test` output (the output is a JSON array of them). */
export interface RunTestResult {
  /** The query file's name. */
  readonly Name: string;
  readonly Status: 'Passed' | 'Failed';
  readonly Type: 'PQTest.Expression';
  readonly Method: 'PQTest.RunTest';
  /** ISO 8601. */
  readonly StartTime: string;
  /** ISO 8601. */
  readonly EndTime: string;
  /**
   * The rows of the result: a table's rows as objects keyed by column name; a record as one row;
   * a list as one `{ Value }` row per item; any other value as one `{ Value }` row. Empty when the
   * query failed.
   */
  readonly Output: readonly Json[];
  /** The error, when the query failed; null otherwise. */
  readonly Error: RunTestError | null;
  readonly DataSourceAnalysis: readonly RunTestDataSource[];
  /** The query's text, or `section <Name>` for a section document. */
  readonly Details: string;
}

/** What {@link toRunTestResult} needs besides the evaluation result. */
export interface RunTestInput {
  /** The query file's name, such as `HelloWorld.query.pq`. */
  readonly name: string;
  /** The query's text. */
  readonly query: string;
}

function outputRows(result: EvaluationResult): Json[] {
  if (!result.ok) return [];
  const { kind, json } = result.value;
  if (kind === 'table' && Array.isArray(json)) return [...(json as readonly Json[])];
  if (kind === 'record') return [json];
  if (kind === 'list' && Array.isArray(json)) {
    return (json as readonly Json[]).map((item) => ({ Value: item }));
  }
  return [{ Value: json }];
}

function dataSourceEntry(use: DataSourceUse): RunTestDataSource {
  return {
    Kind: use.kind,
    Path: use.path,
    NormalizedPath: normalizeDataSourcePath(use.path),
    AuthenticationKinds: use.authenticationKinds,
    AuthenticationKind: use.authenticationKind ?? null,
    Label: use.label ?? null,
  };
}

const SECTION_HEADER = /^\s*(?:\[[^\]]*\]\s*)?section\s+([^;\s]+)\s*;/u;

/**
 * A query's evaluation in the shape of one entry of PQTest's `run-test` output. Write
 * `JSON.stringify([toRunTestResult(result, input)])` for the whole output.
 *
 * @example
 * ```ts
 * const result = await engine.evaluate(query);
 * const entry = toRunTestResult(result, { name: 'HelloWorld.query.pq', query });
 * entry.Status; // 'Passed'
 * ```
 */
export function toRunTestResult(result: EvaluationResult, input: RunTestInput): RunTestResult {
  const section = SECTION_HEADER.exec(
    input.query.replace(/^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*/u, ''),
  );
  return {
    Name: input.name,
    Status: result.ok ? 'Passed' : 'Failed',
    Type: 'PQTest.Expression',
    Method: 'PQTest.RunTest',
    StartTime: result.startTime,
    EndTime: result.endTime,
    Output: outputRows(result),
    Error: result.ok
      ? null
      : {
          Reason: result.error.reason,
          Message: result.error.message,
          Detail: result.error.detail,
          'Message.Format': result.error.messageFormat,
          'Message.Parameters': result.error.messageParameters,
        },
    DataSourceAnalysis: result.dataSources.map(dataSourceEntry),
    Details: section?.[1] === undefined ? input.query : `section ${section[1]}`,
  };
}

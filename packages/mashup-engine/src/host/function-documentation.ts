import type { ErrorReport } from '../evaluation/evaluation-result.js';
import type { Json } from '../evaluation/protocol.js';
import type { CallOptions, MashupEngine } from './mashup-engine.js';

/** A JSON object. */
type JsonRecord = { readonly [name: string]: Json };

/** The documentation of one parameter of a function. */
export interface ParameterDocumentation {
  /** The parameter's name. */
  readonly name: string;
  /**
   * The metadata of the parameter's type, as JSON: `Documentation.FieldCaption`,
   * `Documentation.FieldDescription`, `Documentation.SampleValues`, `Documentation.AllowedValues`,
   * `DataSource.Path`, … A field whose value raises an error holds the text `[Reason] Message`.
   */
  readonly metadata: JsonRecord;
}

/** The documentation of a function: the metadata of its type and of its parameters' types. */
export interface FunctionDocumentation {
  /** The function's name, as asked for. */
  readonly name: string;
  /**
   * The metadata of the function's type, as JSON: `Documentation.Name`,
   * `Documentation.LongDescription`, `Documentation.Examples`, …
   */
  readonly metadata: JsonRecord;
  /** Its parameters, in order. */
  readonly parameters: readonly ParameterDocumentation[];
  /** The return type, as M text (`type table`). */
  readonly returnType: string;
}

/** What {@link functionDocumentation} found for one name. */
export type FunctionDocumentationResult =
  | { readonly ok: true; readonly documentation: FunctionDocumentation }
  | { readonly ok: false; readonly name: string; readonly problem: string };

/**
 * Reads the documentation metadata of shared functions of the connector (its data source
 * functions, typically): what the "Get Data" dialog shows. It evaluates one query that takes
 * `Value.Type` of each function, which never invokes it.
 *
 * @param names - Names of shared members whose values are functions.
 * @returns One result per name, in order; a name whose value is not a function, or whose type
 * cannot be read, gets a problem.
 * @throws Never for M errors; an engine failure (such as a timeout) gives every name its problem.
 *
 * @example
 * ```ts
 * const [hello] = await functionDocumentation(engine, ['HelloWorld.Contents']);
 * if (hello?.ok) console.log(hello.documentation.metadata['Documentation.Name']);
 * ```
 */
export async function functionDocumentation(
  engine: MashupEngine,
  names: readonly string[],
  options: CallOptions = {},
): Promise<FunctionDocumentationResult[]> {
  if (names.length === 0) return [];
  const fields = names.map((name) => `${quote(name)} = try Describe(${quote(name)})`).join(', ');
  const query = `let
    Describe = (f as function) as record =>
        let
            t = Value.Type(f),
            parameters = Type.FunctionParameters(t)
        in
            [
                Metadata = Value.Metadata(t),
                Parameters = List.Transform(
                    Record.FieldNames(parameters),
                    (n) => [Name = n, Metadata = Value.Metadata(Record.Field(parameters, n))]
                ),
                ReturnType = Type.FunctionReturn(t)
            ]
in
    [${fields}]`;
  const result = await engine.evaluate(query, options);
  if (!result.ok) {
    return names.map((name) => ({ ok: false, name, problem: describeError(result.error) }));
  }
  const json = asRecord(result.value.json) ?? {};
  return names.map((name) => readEntry(name, json[name]));
}

function readEntry(name: string, value: Json | undefined): FunctionDocumentationResult {
  const attempt = asRecord(value);
  if (attempt?.['HasError'] === true) {
    const error = asRecord(attempt['Error']);
    const reason = typeof error?.['Reason'] === 'string' ? error['Reason'] : 'Error';
    const message = typeof error?.['Message'] === 'string' ? ` ${error['Message']}` : '';
    return { ok: false, name, problem: `[${reason}]${message}` };
  }
  const described = asRecord(attempt?.['Value']);
  if (described === undefined) {
    return { ok: false, name, problem: typeof value === 'string' ? value : 'not a function' };
  }
  const parameters = Array.isArray(described['Parameters'])
    ? (described['Parameters'] as readonly Json[])
    : [];
  return {
    ok: true,
    documentation: {
      name,
      metadata: asRecord(described['Metadata']) ?? {},
      parameters: parameters.map((parameter) => {
        const entry = asRecord(parameter) ?? {};
        return {
          name: typeof entry['Name'] === 'string' ? entry['Name'] : '',
          metadata: asRecord(entry['Metadata']) ?? {},
        };
      }),
      returnType: typeof described['ReturnType'] === 'string' ? described['ReturnType'] : 'any',
    },
  };
}

function asRecord(value: Json | undefined): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

function describeError(error: ErrorReport): string {
  const reason = error.reason === null ? '' : `[${error.reason}]`;
  return [reason, error.message ?? ''].filter((part) => part !== '').join(' ') || '[error]';
}

/** A name as a quoted M identifier: `#"HelloWorld.Contents"`. */
function quote(name: string): string {
  return `#"${name.replaceAll('"', '""')}"`;
}

import type {
  DataSourceUse,
  ErrorReport,
  EvaluationResult,
} from '../evaluation/evaluation-result.js';

/** The reason of the error of a data source called without a stored credential. */
const CREDENTIAL_ERROR = 'Credential.Error';

/**
 * The result as Power Query reports an evaluation that needed a credential it does not have:
 * failed, with the credential error of the first data source called without one, even when the
 * query caught that error (`try`, or a record field that only failed when printed). Power Query
 * stops such an evaluation to ask for the credential rather than letting the query go on, so
 * `run-test` fails, and a tool can tell the user which credential to set. Results where every data
 * source had its credential are returned unchanged.
 *
 * @example
 * ```ts
 * const result = failOnMissingCredentials(await engine.evaluate(query));
 * if (!result.ok && result.error.reason === 'Credential.Error') console.error(result.error.message);
 * ```
 */
export function failOnMissingCredentials(result: EvaluationResult): EvaluationResult {
  const missing = result.dataSources.find((use) => use.authenticationKind === undefined);
  if (missing === undefined) return result;
  if (!result.ok && result.error.reason === CREDENTIAL_ERROR) return result;
  const error = missingCredentialReport(missing);
  if (!result.ok) return { ...result, error };
  const { value: _value, ...rest } = result;
  return { ...rest, ok: false, error };
}

/** The report of the engine's missing-credential error for a data source. */
function missingCredentialReport(use: DataSourceUse): ErrorReport {
  const kinds = use.authenticationKinds;
  return {
    reason: CREDENTIAL_ERROR,
    message: `Credentials are required to connect to the ${use.kind} source. (Source at ${use.path}.)`,
    detail: `[DataSourceKind = ${mText(use.kind)}, DataSourcePath = ${mText(use.path)}, AuthenticationKinds = {${kinds.map(mText).join(', ')}}]`,
    detailJson: {
      DataSourceKind: use.kind,
      DataSourcePath: use.path,
      AuthenticationKinds: [...kinds],
    },
    messageFormat: null,
    messageParameters: null,
  };
}

/** A text as an M text literal, with the escapes of the M specification. */
function mText(text: string): string {
  const escaped = text
    .replaceAll('#(', '#(#)(')
    .replaceAll('"', '""')
    .replaceAll('\r', '#(cr)')
    .replaceAll('\n', '#(lf)')
    .replaceAll('\t', '#(tab)')
    .replace(
      /\p{Cc}/gu,
      (character) =>
        `#(${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
    );
  return `"${escaped}"`;
}

import type { ErrorReport, Json } from '@pqsdk/mashup-engine';
import { describeDataSource } from './data-source-target.js';
import { shellQuote } from './pqtest-spellings.js';

/** The reason of the engine's error for a data source without a usable credential. */
export const CREDENTIAL_ERROR_REASON = 'Credential.Error';

/** How the failed command was run: what the suggested commands repeat. */
export interface HintInvocation {
  /** `-e` as given. */
  readonly extension: string;
  /** `-q` as given, when the verb had one. */
  readonly queryFile?: string;
  /** `--credentials-file` as given, when it was. */
  readonly credentialsFile?: string;
}

/**
 * One line that tells which command sets the credential a failed evaluation needed, or undefined
 * when the error is not about a missing (or unusable) credential. The data source, its
 * authentication kinds and its path come from the error's detail
 * (`[DataSourceKind, DataSourcePath, AuthenticationKinds]`).
 *
 * - Anonymous or Windows: `pqsdk set-credential … -ak Anonymous`;
 * - OAuth or Aad: `pqsdk set-credential … -ak OAuth --interactive`;
 * - Key, UsernamePassword: `credential-template` into a file, fill it in, then `set-credential`.
 *
 * The data source is named with `-q` when the command had a query, else with `-dsk`/`-dsp`.
 */
export function missingCredentialHint(
  error: ErrorReport,
  invocation: HintInvocation,
): string | undefined {
  if (error.reason !== CREDENTIAL_ERROR_REASON) return undefined;
  const detail = error.detailJson;
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return undefined;
  const record = detail as { readonly [name: string]: Json };
  const kind = record['DataSourceKind'];
  const path = record['DataSourcePath'];
  const kindsField = record['AuthenticationKinds'];
  if (typeof kind !== 'string' || typeof path !== 'string') return undefined;
  const kinds = Array.isArray(kindsField)
    ? (kindsField as readonly Json[]).filter((item): item is string => typeof item === 'string')
    : [];

  const target = [
    '-e',
    shellQuote(invocation.extension),
    ...(invocation.queryFile === undefined
      ? ['-dsk', shellQuote(kind), '-dsp', shellQuote(path)]
      : ['-q', shellQuote(invocation.queryFile)]),
    ...(invocation.credentialsFile === undefined
      ? []
      : ['--credentials-file', shellQuote(invocation.credentialsFile)]),
  ].join(' ');
  const subject = `set a credential for ${describeDataSource({ kind, path })}`;
  const automatic = kinds.find((candidate) => candidate === 'Anonymous' || candidate === 'Windows');
  if (automatic !== undefined || kinds.length === 0) {
    return `${subject}: pqsdk set-credential ${target} -ak ${automatic ?? 'Anonymous'}`;
  }
  const oauth = kinds.find((candidate) => candidate === 'OAuth' || candidate === 'Aad');
  if (oauth !== undefined) {
    return `${subject}: pqsdk set-credential ${target} -ak ${oauth} --interactive`;
  }
  const [first] = kinds;
  const placeholders = first === 'Key' ? '$$KEY$$' : '$$USERNAME$$ and $$PASSWORD$$';
  return `${subject}: pqsdk credential-template ${target} -ak ${first ?? 'Key'} > credential.json, replace ${placeholders} in it, then pqsdk set-credential ${target} < credential.json`;
}

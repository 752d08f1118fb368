/**
 * Refreshing an expired OAuth credential when a data source function is invoked (evaluation side,
 * DESIGN.md §5): the host says whether the stored token has expired; if so the data source
 * record's `Refresh` runs, the host stores the new tokens, and the function goes on with them.
 */
import { ArrayList, MError, RecordValue, type Context } from '@pqsdk/m-evaluator';
import { scrubSecrets } from '../credentials/secrets.js';
import type { CredentialFields, DataSourceId } from '../evaluation/protocol.js';
import { CREDENTIAL_REASONS } from '../extension/credential-functions.js';
import type { EvaluationServices } from '../extension/services.js';
import { OAuthStepError, refresh } from './oauth-calls.js';
import { readOAuthRecord } from './oauth-record.js';
import { credentialSecrets } from './token-values.js';

/** The key, in an evaluation's `ctx.cache`, of the data sources it refreshed. */
const REFRESHED = Object.freeze({ cache: 'oauth refreshed data sources' });

/**
 * The error of an OAuth credential that has expired and could not be refreshed: the
 * `Credential.AccessDenied` a 401 gives too (powerquery-docs `handling-status-codes.md`: a
 * credential error asks the user to sign in again when an OAuth token expired), with a hint.
 */
export function expiredCredentialError(
  dataSource: DataSourceId,
  authenticationKinds: readonly string[],
  why: string,
): MError {
  return MError.of(
    CREDENTIAL_REASONS.AccessDenied,
    `The OAuth credential for the ${dataSource.kind} source at ${dataSource.path} has expired and could not be refreshed: ${why} Sign in again (set-credential --interactive).`,
    RecordValue.of([
      ['DataSourceKind', dataSource.kind],
      ['DataSourcePath', dataSource.path],
      ['AuthenticationKinds', ArrayList.of([...authenticationKinds])],
    ]),
  );
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The credential to use for a data source function: `credential` itself unless it is an OAuth
 * credential whose stored token has expired (the host's `oauth.expired`). Then the data source
 * record's `Refresh` runs outside any scope, the host stores the new tokens, and the refreshed
 * credential is returned. A data source is refreshed at most once per evaluation.
 *
 * @throws {@link expiredCredentialError} when the record has no `Refresh`, the credential no
 * refresh token, `Refresh` fails or its result is not a token. The message never holds a token.
 */
export function refreshIfExpired(
  ctx: Context,
  services: EvaluationServices,
  dataSource: DataSourceId,
  credential: CredentialFields,
  authenticationKinds: readonly string[],
): CredentialFields {
  if (credential.AuthenticationKind !== 'OAuth') return credential;
  const key = `${dataSource.kind}\u0000${dataSource.path}`;
  let refreshed = ctx.cache.get(REFRESHED) as Set<string> | undefined;
  if (refreshed?.has(key) === true) return credential;
  if (!services.host.call('oauth.expired', dataSource)) return credential;
  const section = services.section;
  if (section === undefined) throw new Error('the connector section is not loaded');
  const secrets = credentialSecrets(credential);
  const fail = (why: string): MError =>
    expiredCredentialError(dataSource, authenticationKinds, sentence(scrubSecrets(why, secrets)));
  let token;
  try {
    token = services.scopes.outside(() => {
      const oauth = readOAuthRecord(ctx, section, dataSource.kind);
      if (oauth === undefined) {
        throw MError.expression(`the data source kind ${dataSource.kind} has no OAuth record`);
      }
      return refresh(ctx, oauth, dataSource.path, credential);
    });
  } catch (error) {
    if (error instanceof OAuthStepError) {
      throw fail(error.error.mMessage ?? error.error.reason ?? 'the refresh failed');
    }
    if (error instanceof MError) throw fail(`Refresh failed: ${error.describe()}`);
    throw error;
  }
  const stored = services.host.call('oauth.storeRefreshed', { dataSource, token });
  if (!stored.ok) throw fail(stored.message);
  if (refreshed === undefined) {
    refreshed = new Set();
    ctx.cache.set(REFRESHED, refreshed);
  }
  refreshed.add(key);
  return stored.credential;
}

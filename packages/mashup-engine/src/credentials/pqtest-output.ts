/**
 * The JSON PQTest prints for its credential verbs: the result object of `set-credential`,
 * `delete-credential` and `refresh-credential` (`Details`, `Message`, `Status`), and the array of
 * `list-credential`. None of them ever holds a secret.
 */

import { normalizeDataSourcePath } from './data-source-path.js';
import { tokenExpiresAt } from './oauth-token.js';
import type {
  AuthenticationKind,
  Credential,
  DataSource,
  JsonObject,
  JsonValue,
  PrivacySetting,
} from './types.js';

/** The result object of PQTest's credential verbs, with its fields in PQTest's order. */
export interface CredentialCommandResult<TDetails extends JsonObject = JsonObject> {
  /** What the verb acted on. */
  readonly Details: TDetails;
  /** One line for people. */
  readonly Message: string;
  /** `Success` or `Failure`. */
  readonly Status: 'Success' | 'Failure';
}

/** The `Details` of a result about one data source. */
export interface DataSourceDetails extends JsonObject {
  /** The data source kind. */
  readonly Kind: string;
  /** The data source path as given. */
  readonly Path: string;
  /** The path credentials are keyed by (`normalizeDataSourcePath`). */
  readonly NormalizedPath: string;
}

/** The `Details` of `set-credential`. */
export interface SetCredentialDetails extends DataSourceDetails {
  /** Always `false`: pqsdk keys every credential by a path, never by the kind alone. */
  readonly IsDefaultForKind: boolean;
}

/** The `Details` of `refresh-credential`. */
export interface RefreshCredentialDetails extends DataSourceDetails {
  /** When the new access token expires (ISO 8601, UTC), or `null` when the token does not say. */
  readonly Expires: string | null;
}

/** The `Details` of `delete-credential --ALL`. */
export interface DeleteAllCredentialsDetails extends JsonObject {
  /** How many credentials were deleted. */
  readonly Count: number;
}

/** One element of the `list-credential` array. */
export interface ListCredentialEntry extends JsonObject {
  /** The data source, with the path as it was given. */
  readonly DataSource: { readonly kind: string; readonly path: string };
  /** The authentication kind. */
  readonly AuthenticationKind: AuthenticationKind;
  /** The privacy level. */
  readonly PrivacySetting: PrivacySetting;
  /**
   * What can be shown without a secret: `Username` (UsernamePassword, and Windows with an
   * account), `EncryptConnection` when set, and for OAuth and Aad `token_type`, `scope`,
   * `expires` (the computed expiry, ISO 8601) and `HasRefreshToken`.
   */
  readonly Properties: JsonObject;
}

/**
 * The output of `set-credential` once the credential is stored.
 *
 * @example
 * ```json
 * { "Details": { "Kind": "MyConnector", "Path": "MyConnector", "NormalizedPath": "MyConnector",
 *   "IsDefaultForKind": false }, "Message": "Successfully set credential", "Status": "Success" }
 * ```
 */
export function setCredentialResult(
  credential: Credential,
): CredentialCommandResult<SetCredentialDetails> {
  return {
    Details: { ...dataSourceDetails(credential.dataSource), IsDefaultForKind: false },
    Message: 'Successfully set credential',
    Status: 'Success',
  };
}

/**
 * The output of `delete-credential` for one data source: `Success` when a credential was
 * deleted, `Failure` when none was stored for it.
 */
export function deleteCredentialResult(
  dataSource: DataSource,
  deleted: boolean,
): CredentialCommandResult<DataSourceDetails> {
  return {
    Details: dataSourceDetails(dataSource),
    Message: deleted
      ? 'Successfully deleted credential'
      : 'No credential is stored for this data source',
    Status: deleted ? 'Success' : 'Failure',
  };
}

/** The output of `delete-credential --ALL`. */
export function deleteAllCredentialsResult(
  count: number,
): CredentialCommandResult<DeleteAllCredentialsDetails> {
  return {
    Details: { Count: count },
    Message: 'Successfully deleted all credentials',
    Status: 'Success',
  };
}

/** The output of `refresh-credential` once the refreshed token is stored. */
export function refreshCredentialResult(
  credential: Credential,
): CredentialCommandResult<RefreshCredentialDetails> {
  let expires: string | null = null;
  if (credential.authenticationKind === 'OAuth' || credential.authenticationKind === 'Aad') {
    const expiresAt = tokenExpiresAt(credential.token);
    if (expiresAt !== undefined) expires = new Date(expiresAt).toISOString();
  }
  return {
    Details: { ...dataSourceDetails(credential.dataSource), Expires: expires },
    Message: 'Successfully refreshed credential',
    Status: 'Success',
  };
}

/**
 * A `Failure` result with a message, for any credential verb (such as a refresh that the
 * connector's `Refresh` function rejected). The message must not hold a secret.
 */
export function credentialFailureResult(
  message: string,
  dataSource?: DataSource,
): CredentialCommandResult {
  return {
    Details: dataSource === undefined ? {} : dataSourceDetails(dataSource),
    Message: message,
    Status: 'Failure',
  };
}

/**
 * The output of `list-credential`: one entry per stored credential, in the store's order, with
 * its data source, kind and privacy level and only the properties that are not secret.
 */
export function listEntries(credentials: readonly Credential[]): ListCredentialEntry[] {
  return credentials.map((credential) => ({
    DataSource: { kind: credential.dataSource.kind, path: credential.dataSource.path },
    AuthenticationKind: credential.authenticationKind,
    PrivacySetting: credential.privacySetting,
    Properties: visibleProperties(credential),
  }));
}

function dataSourceDetails(dataSource: DataSource): DataSourceDetails {
  return {
    Kind: dataSource.kind,
    Path: dataSource.path,
    NormalizedPath: normalizeDataSourcePath(dataSource.path),
  };
}

function visibleProperties(credential: Credential): JsonObject {
  const properties: Record<string, JsonValue> = {};
  switch (credential.authenticationKind) {
    case 'Anonymous':
    case 'Key':
      break;
    case 'UsernamePassword':
    case 'Windows':
      if (credential.username !== undefined) properties['Username'] = credential.username;
      break;
    case 'OAuth':
    case 'Aad': {
      const { token } = credential;
      if (token.tokenType !== undefined) properties['token_type'] = token.tokenType;
      if (token.scope !== undefined) properties['scope'] = token.scope;
      const expiresAt = tokenExpiresAt(token);
      if (expiresAt !== undefined) properties['expires'] = new Date(expiresAt).toISOString();
      properties['HasRefreshToken'] = token.refreshToken !== undefined;
      break;
    }
  }
  if (credential.encryptConnection !== undefined) {
    properties['EncryptConnection'] = credential.encryptConnection;
  }
  return properties;
}

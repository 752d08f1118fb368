/**
 * The credential model of the host side: what a stored credential is, independent of how it is
 * written to disk or shown by a CLI verb. The PQTest JSON shapes live in `set-credential-input.ts`
 * and `pqtest-output.ts`; this file holds the data they map to.
 */

/** A JSON value, as read from `JSON.parse` and written back by `JSON.stringify`. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [name: string]: JsonValue };

/** A JSON object (a record of JSON values). */
export type JsonObject = { readonly [name: string]: JsonValue };

/**
 * The authentication kinds a Power Query data source can declare in its `Authentication` record
 * (powerquery-docs `handling-authentication.md`), with the names PQTest prints.
 */
export type AuthenticationKind =
  'Anonymous' | 'Key' | 'UsernamePassword' | 'Windows' | 'OAuth' | 'Aad';

/** Every {@link AuthenticationKind}, in the order the docs list them. */
export const AUTHENTICATION_KINDS: readonly AuthenticationKind[] = [
  'Anonymous',
  'OAuth',
  'Aad',
  'UsernamePassword',
  'Windows',
  'Key',
];

/** The privacy levels PQTest accepts in `PrivacySetting`. */
export type PrivacySetting = 'None' | 'Public' | 'Organizational' | 'Private';

/** Every {@link PrivacySetting}. */
export const PRIVACY_SETTINGS: readonly PrivacySetting[] = [
  'None',
  'Public',
  'Organizational',
  'Private',
];

/**
 * A data source as PQTest names it: the data source kind (the `DataSource.Kind` of the data source
 * function) and the data source path (see `normalizeDataSourcePath`).
 */
export interface DataSource {
  /** The data source kind, compared ordinally (M names are case-sensitive). */
  readonly kind: string;
  /** The data source path as it was given. Lookups compare its normalized form. */
  readonly path: string;
}

/** What every credential has, whatever its authentication kind. */
export interface CredentialCommon {
  /** The data source the credential is for. */
  readonly dataSource: DataSource;
  /** The privacy level (`PrivacySetting`); `None` unless set. */
  readonly privacySetting: PrivacySetting;
  /** PQTest's `Permissions` array, kept as given (PQTest's templates always hold `[]`). */
  readonly permissions: readonly JsonValue[];
  /**
   * `EncryptConnection`: whether an encrypted connection is required. Set only when the data
   * source record declares `SupportsEncryption` and the user chose a value.
   */
  readonly encryptConnection?: boolean;
}

/** A credential that authenticates nobody (also called `Implicit`). */
export interface AnonymousCredential extends CredentialCommon {
  readonly authenticationKind: 'Anonymous';
}

/** An API key. The engine also exposes it as the `Password` of `Extension.CurrentCredential`. */
export interface KeyCredential extends CredentialCommon {
  readonly authenticationKind: 'Key';
  /** The key itself: a secret. */
  readonly key: string;
}

/** A user name and a password (Basic authentication). */
export interface UsernamePasswordCredential extends CredentialCommon {
  readonly authenticationKind: 'UsernamePassword';
  /** The user name (not treated as a secret). */
  readonly username: string;
  /** The password: a secret. */
  readonly password: string;
}

/**
 * A Windows credential. Without a user name it stands for the current user's identity, as
 * PQTest's automatic Windows credential does; with one it names an alternative account.
 */
export interface WindowsCredential extends CredentialCommon {
  readonly authenticationKind: 'Windows';
  /** The account, or `undefined` for the current user. */
  readonly username?: string;
  /** The account's password (a secret), present exactly when {@link username} is. */
  readonly password?: string;
}

/**
 * The tokens of an OAuth or Microsoft Entra ID (`Aad`) credential: what `FinishLogin` or
 * `Refresh` returned.
 */
export interface OAuthToken {
  /** `access_token`: a secret. */
  readonly accessToken: string;
  /** `refresh_token`: a secret, when the authorization server issued one. */
  readonly refreshToken?: string;
  /** `token_type`, such as `Bearer`. */
  readonly tokenType?: string;
  /** `scope`: the space-separated scopes granted. */
  readonly scope?: string;
  /** `expires`: when the access token expires, as an ISO 8601 date-time in UTC. */
  readonly expires?: string;
  /** `expires_in`: the lifetime of the access token in seconds, counted from {@link obtainedAt}. */
  readonly expiresIn?: number;
  /** When the token was obtained (ISO 8601, UTC): the origin of {@link expiresIn}. */
  readonly obtainedAt: string;
  /** Any other fields `FinishLogin` or `Refresh` returned, such as `id_token`, kept as given. */
  readonly properties: JsonObject;
}

/** An OAuth (`OAuth`) or Microsoft Entra ID (`Aad`) credential. */
export interface OAuthCredential extends CredentialCommon {
  readonly authenticationKind: 'OAuth' | 'Aad';
  /** The tokens. */
  readonly token: OAuthToken;
}

/** A stored credential: one data source, one authentication kind and its properties. */
export type Credential =
  | AnonymousCredential
  | KeyCredential
  | UsernamePasswordCredential
  | WindowsCredential
  | OAuthCredential;

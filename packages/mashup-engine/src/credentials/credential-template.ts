/**
 * `credential-template`: the JSON a user fills in and pipes into `set-credential`. Placeholders
 * are written `$$NAME$$`, as PQTest writes them, so that scripts which replace `$$USERNAME$$`,
 * `$$PASSWORD$$`, `$$KEY$$`, `$$ACCESS_TOKEN$$` or `$$REFRESH_TOKEN$$` work unchanged.
 */

import type { CredentialJson } from './credential-json.js';
import type { AuthenticationKind, JsonObject } from './types.js';

/** The placeholders of {@link credentialTemplate}, by what they stand for. */
export const CREDENTIAL_PLACEHOLDERS = {
  key: '$$KEY$$',
  username: '$$USERNAME$$',
  password: '$$PASSWORD$$',
  accessToken: '$$ACCESS_TOKEN$$',
  refreshToken: '$$REFRESH_TOKEN$$',
} as const;

/** Options of {@link credentialTemplate}. */
export interface CredentialTemplateOptions {
  /**
   * Whether the data source record declares `SupportsEncryption = true`. The template then holds
   * `"EncryptConnection": true` for the user to keep or change.
   */
  readonly supportsEncryption?: boolean;
}

/**
 * The credential template PQTest's `credential-template --authenticationKind <kind>` prints: the
 * kind, its properties with placeholders, `"PrivacySetting": "None"` and `"Permissions": []`.
 *
 * | kind | `AuthenticationProperties` |
 * |---|---|
 * | Anonymous | `{}` |
 * | UsernamePassword, Windows | `{ "Username": "$$USERNAME$$", "Password": "$$PASSWORD$$" }` |
 * | Key | `{ "Key": "$$KEY$$" }` |
 * | OAuth, Aad | `{ "access_token": "$$ACCESS_TOKEN$$", "refresh_token": "$$REFRESH_TOKEN$$" }` |
 *
 * @example
 * ```ts
 * JSON.stringify(credentialTemplate('Key'), null, 2);
 * ```
 */
export function credentialTemplate(
  authenticationKind: AuthenticationKind,
  options: CredentialTemplateOptions = {},
): CredentialJson {
  const encrypt: JsonObject =
    options.supportsEncryption === true ? { EncryptConnection: true } : {};
  return {
    AuthenticationKind: authenticationKind,
    AuthenticationProperties: { ...templateProperties(authenticationKind), ...encrypt },
    PrivacySetting: 'None',
    Permissions: [],
  };
}

function templateProperties(kind: AuthenticationKind): JsonObject {
  switch (kind) {
    case 'Anonymous':
      return {};
    case 'Key':
      return { Key: CREDENTIAL_PLACEHOLDERS.key };
    case 'UsernamePassword':
    case 'Windows':
      return {
        Username: CREDENTIAL_PLACEHOLDERS.username,
        Password: CREDENTIAL_PLACEHOLDERS.password,
      };
    case 'OAuth':
    case 'Aad':
      return {
        access_token: CREDENTIAL_PLACEHOLDERS.accessToken,
        refresh_token: CREDENTIAL_PLACEHOLDERS.refreshToken,
      };
  }
}

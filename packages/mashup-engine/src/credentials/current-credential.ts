/**
 * The record `Extension.CurrentCredential()` returns to a connector, as plain data for the
 * evaluation side (powerquery-docs `handling-authentication.md`, "Accessing the current
 * credentials").
 */

import type { Credential, JsonObject, JsonValue } from './types.js';

/**
 * The fields of `Extension.CurrentCredential()` for a credential, in the order the docs list them:
 * - `AuthenticationKind`, for every kind;
 * - `Username` and `Password` for UsernamePassword, and for Windows when an account is named;
 * - `Key` and `Password` (the same key) for Key;
 * - `access_token` and `Properties` for OAuth and Aad. `Properties` holds the other fields of the
 *   token: `refresh_token`, `token_type`, `scope`, `expires`, `expires_in` and whatever else
 *   `FinishLogin` returned;
 * - `EncryptConnection`, only when it was set.
 *
 * The result holds secrets: it is for the connector, never for a trace.
 */
export function currentCredentialFields(credential: Credential): JsonObject {
  const fields: Record<string, JsonValue> = { AuthenticationKind: credential.authenticationKind };
  switch (credential.authenticationKind) {
    case 'Anonymous':
      break;
    case 'Key':
      fields['Key'] = credential.key;
      fields['Password'] = credential.key;
      break;
    case 'UsernamePassword':
      fields['Username'] = credential.username;
      fields['Password'] = credential.password;
      break;
    case 'Windows':
      if (credential.username !== undefined) {
        fields['Username'] = credential.username;
        fields['Password'] = credential.password ?? '';
      }
      break;
    case 'OAuth':
    case 'Aad': {
      const { token } = credential;
      fields['access_token'] = token.accessToken;
      fields['Properties'] = {
        ...(token.refreshToken === undefined ? {} : { refresh_token: token.refreshToken }),
        ...(token.tokenType === undefined ? {} : { token_type: token.tokenType }),
        ...(token.scope === undefined ? {} : { scope: token.scope }),
        ...(token.expires === undefined ? {} : { expires: token.expires }),
        ...(token.expiresIn === undefined ? {} : { expires_in: token.expiresIn }),
        ...token.properties,
      };
      break;
    }
  }
  if (credential.encryptConnection !== undefined) {
    fields['EncryptConnection'] = credential.encryptConnection;
  }
  return fields;
}

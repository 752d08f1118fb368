/**
 * Keeping secrets out of text: the secret strings of a credential, a redacted copy for traces, and
 * a scrubber for any text (traces, mock recordings, error messages).
 */

import type { Credential, JsonObject, JsonValue } from './types.js';

/** What a secret is replaced with by {@link redactCredential} and {@link scrubSecrets}. */
export const REDACTED = '<redacted>';

/**
 * Names of further OAuth properties (`FinishLogin` fields beyond the standard ones) whose values
 * are treated as secrets: anything that looks like a token, a secret, a password, a key, a code,
 * an assertion, a credential or a signature (`id_token`, `client_secret`, `code_verifier`, ...).
 */
const SECRET_PROPERTY_NAME =
  /token|secret|password|passwd|key|code|assertion|credential|signature/iu;

/**
 * The secret strings of a credential, so other modules can scrub them from any text: the key,
 * the password, the access and refresh tokens and every further OAuth property whose name looks
 * secret (one that mentions a token, a secret, a password, a key, a code, an assertion, a
 * credential or a signature, such as `id_token`), at any depth. Also the forms in which the engine sends them: the
 * Basic authorization token `base64(username ":" password)`, and `base64(":" key)` for a key.
 * User names, token types and scopes are not secrets. Empty strings are left out.
 */
export function secretValues(credential: Credential): readonly string[] {
  const secrets: string[] = [];
  const basic = (user: string, password: string): string =>
    Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  switch (credential.authenticationKind) {
    case 'Anonymous':
      break;
    case 'Key':
      secrets.push(credential.key, basic('', credential.key));
      break;
    case 'UsernamePassword':
      secrets.push(credential.password, basic(credential.username, credential.password));
      break;
    case 'Windows':
      if (credential.username !== undefined && credential.password !== undefined) {
        secrets.push(credential.password, basic(credential.username, credential.password));
      }
      break;
    case 'OAuth':
    case 'Aad':
      secrets.push(credential.token.accessToken);
      if (credential.token.refreshToken !== undefined) secrets.push(credential.token.refreshToken);
      collectSecretProperties(credential.token.properties, false, secrets);
      break;
  }
  return [...new Set(secrets.filter((secret) => secret !== ''))];
}

/**
 * A copy of a credential with every secret replaced by {@link REDACTED}, for traces and
 * diagnostics. The data source, the kind, the user name, the token type, the scope and the expiry
 * stay visible.
 */
export function redactCredential(credential: Credential): Credential {
  switch (credential.authenticationKind) {
    case 'Anonymous':
      return credential;
    case 'Key':
      return { ...credential, key: REDACTED };
    case 'UsernamePassword':
      return { ...credential, password: REDACTED };
    case 'Windows':
      return credential.password === undefined ? credential : { ...credential, password: REDACTED };
    case 'OAuth':
    case 'Aad': {
      const { token } = credential;
      return {
        ...credential,
        token: {
          ...token,
          accessToken: REDACTED,
          ...(token.refreshToken === undefined ? {} : { refreshToken: REDACTED }),
          properties: redactProperties(token.properties, false),
        },
      };
    }
  }
}

/**
 * `text` with every occurrence of each secret replaced by `replacement`, longest secrets first.
 * The URL-encoded form of each secret (as in a query string) is replaced too.
 *
 * @param text - Any text: a trace line, a recorded request, an error message.
 * @param secrets - The secrets, typically from {@link secretValues}.
 * @param replacement - Default {@link REDACTED}.
 */
export function scrubSecrets(
  text: string,
  secrets: readonly string[],
  replacement: string = REDACTED,
): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
  }
  let result = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    result = result.split(form).join(replacement);
  }
  return result;
}

function collectSecretProperties(value: JsonValue, secretName: boolean, into: string[]): void {
  if (typeof value === 'string') {
    if (secretName) into.push(value);
  } else if (isJsonArray(value)) {
    for (const item of value) collectSecretProperties(item, secretName, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [name, item] of Object.entries(value)) {
      collectSecretProperties(item, secretName || SECRET_PROPERTY_NAME.test(name), into);
    }
  }
}

function redactProperties(properties: JsonObject, secretName: boolean): JsonObject {
  const result: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(properties)) {
    result[name] = redactValue(value, secretName || SECRET_PROPERTY_NAME.test(name));
  }
  return result;
}

function redactValue(value: JsonValue, secretName: boolean): JsonValue {
  if (typeof value === 'string') return secretName ? REDACTED : value;
  if (isJsonArray(value)) return value.map((item) => redactValue(item, secretName));
  if (typeof value === 'object' && value !== null) {
    return redactProperties(value, secretName);
  }
  return value;
}

function isJsonArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

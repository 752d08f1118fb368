/**
 * OAuth tokens: reading the fields `FinishLogin` and `Refresh` return (and set-credential JSON
 * carries), merging a refreshed token into a stored one, and telling when a token has expired.
 */

import {
  type CredentialInputProblem,
  type CredentialInputResult,
  describeJsonType,
  memberPath,
} from './input-problems.js';
import type { Credential, JsonObject, JsonValue, OAuthToken } from './types.js';

/**
 * The OAuth fields with a meaning of their own. Every other field is kept, as given, in
 * {@link OAuthToken.properties}.
 */
export const OAUTH_TOKEN_FIELDS = [
  'access_token',
  'refresh_token',
  'token_type',
  'scope',
  'expires',
  'expires_in',
  'obtained_at',
] as const;

/** The default margin of {@link isExpired}: a token within a minute of its expiry is expired. */
export const DEFAULT_EXPIRY_SKEW_MS = 60_000;

/** Options of {@link parseOAuthToken}. */
export interface ParseOAuthTokenOptions {
  /** When the token was obtained, if the fields carry no `obtained_at`. Default: now. */
  readonly now?: Date;
  /** The JSON path of the fields, for problems. Default `$`. */
  readonly path?: string;
}

/**
 * Reads an OAuth token from a record of fields, as `FinishLogin` or `Refresh` return it or as
 * set-credential JSON holds it in `AuthenticationProperties`:
 * - `access_token` (required, a non-empty string), `refresh_token`, `token_type` and `scope`
 *   (strings; `null` counts as absent);
 * - `expires`: an ISO 8601 (or RFC 1123) date-time with a zone (`Z`, an offset, `GMT` or `UTC`);
 * - `expires_in`: seconds, a non-negative number or a string of digits (Microsoft Entra ID v1
 *   endpoints send a string);
 * - `obtained_at`: when the token was obtained (pqsdk's own field; default `options.now`);
 * - `Properties`: a record of further fields. Fields named above may also be given there (the
 *   engine shows the `refresh_token` in `Properties`), but not in both places.
 * Every other field goes to {@link OAuthToken.properties}.
 */
export function parseOAuthToken(
  fields: JsonObject,
  options: ParseOAuthTokenOptions = {},
): CredentialInputResult<OAuthToken> {
  const problems: CredentialInputProblem[] = [];
  const path = options.path ?? '$';
  const merged = liftNestedFields(fields, path, problems);

  const accessToken = readString(merged, 'access_token', problems);
  if (accessToken === undefined) {
    if (!problems.some((problem) => problem.path === memberPath(path, 'access_token'))) {
      problems.push({ path: memberPath(path, 'access_token'), message: 'is missing' });
    }
  } else if (accessToken === '') {
    problems.push({ path: memberPath(path, 'access_token'), message: 'is empty' });
  }
  const refreshToken = readString(merged, 'refresh_token', problems);
  const tokenType = readString(merged, 'token_type', problems);
  const scope = readString(merged, 'scope', problems);
  const expires = readDateTime(merged, 'expires', path, problems);
  const expiresIn = readSeconds(merged, 'expires_in', problems);
  const obtainedAt =
    readDateTime(merged, 'obtained_at', path, problems) ??
    (options.now ?? new Date()).toISOString();

  if (problems.length > 0 || accessToken === undefined) return { ok: false, problems };
  return {
    ok: true,
    value: {
      accessToken,
      ...(refreshToken === undefined ? {} : { refreshToken }),
      ...(tokenType === undefined ? {} : { tokenType }),
      ...(scope === undefined ? {} : { scope }),
      ...(expires === undefined ? {} : { expires }),
      ...(expiresIn === undefined ? {} : { expiresIn }),
      obtainedAt,
      properties: merged.extras,
    },
  };
}

/**
 * The fields of a token in the shape {@link parseOAuthToken} reads: `access_token`,
 * `refresh_token`, `token_type`, `scope`, `expires`, `expires_in`, `obtained_at`, and
 * `Properties` when there are further fields. Holds secrets.
 */
export function oauthTokenFields(token: OAuthToken): JsonObject {
  return {
    access_token: token.accessToken,
    ...(token.refreshToken === undefined ? {} : { refresh_token: token.refreshToken }),
    ...(token.tokenType === undefined ? {} : { token_type: token.tokenType }),
    ...(token.scope === undefined ? {} : { scope: token.scope }),
    ...(token.expires === undefined ? {} : { expires: token.expires }),
    ...(token.expiresIn === undefined ? {} : { expires_in: token.expiresIn }),
    obtained_at: token.obtainedAt,
    ...(Object.keys(token.properties).length === 0 ? {} : { Properties: token.properties }),
  };
}

/**
 * The token to store after a refresh: the new token, keeping the previous refresh token when the
 * authorization server did not send a new one (RFC 6749 §6 lets it keep the old one valid). The
 * expiry comes from the new token only; further properties of both are merged, the new ones
 * winning.
 */
export function refreshedToken(previous: OAuthToken, next: OAuthToken): OAuthToken {
  const refreshToken = next.refreshToken ?? previous.refreshToken;
  return {
    ...next,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    properties: { ...previous.properties, ...next.properties },
  };
}

/**
 * When the access token expires, in milliseconds since the epoch: `expires` when given,
 * otherwise `obtained_at + expires_in`; `undefined` when the token carries no expiry.
 */
export function tokenExpiresAt(token: OAuthToken): number | undefined {
  if (token.expires !== undefined) return Date.parse(token.expires);
  if (token.expiresIn !== undefined) return Date.parse(token.obtainedAt) + token.expiresIn * 1000;
  return undefined;
}

/**
 * Whether a credential's access token has expired at `nowMs`, or will within `skewMs` (so that a
 * request does not start with a token that dies in flight). Credentials of other kinds, and
 * tokens without an expiry, never expire.
 *
 * @param credential - The stored credential.
 * @param nowMs - The current time in milliseconds since the epoch (from the caller's clock).
 * @param skewMs - The margin; default one minute.
 */
export function isExpired(
  credential: Credential,
  nowMs: number,
  skewMs: number = DEFAULT_EXPIRY_SKEW_MS,
): boolean {
  if (credential.authenticationKind !== 'OAuth' && credential.authenticationKind !== 'Aad') {
    return false;
  }
  const expiresAt = tokenExpiresAt(credential.token);
  return expiresAt !== undefined && nowMs + skewMs >= expiresAt;
}

interface MergedFields {
  readonly named: ReadonlyMap<string, { readonly value: JsonValue; readonly path: string }>;
  readonly extras: JsonObject;
}

/** Splits the fields into the named ones (wherever given) and the further properties. */
function liftNestedFields(
  fields: JsonObject,
  path: string,
  problems: CredentialInputProblem[],
): MergedFields {
  const named = new Map<string, { value: JsonValue; path: string }>();
  const extras: Record<string, JsonValue> = {};
  const isNamed = (name: string): boolean =>
    (OAUTH_TOKEN_FIELDS as readonly string[]).includes(name);

  for (const [name, value] of Object.entries(fields)) {
    if (name === 'Properties') continue;
    if (isNamed(name)) named.set(name, { value, path: memberPath(path, name) });
    else extras[name] = value;
  }

  const nested = fields['Properties'];
  const nestedPath = memberPath(path, 'Properties');
  if (nested !== undefined && nested !== null) {
    if (typeof nested !== 'object' || Array.isArray(nested)) {
      problems.push({
        path: nestedPath,
        message: `must be an object, not ${describeJsonType(nested)}`,
      });
    } else {
      for (const [name, value] of Object.entries(nested as JsonObject)) {
        const fieldPath = memberPath(nestedPath, name);
        if (isNamed(name)) {
          if (named.has(name)) {
            problems.push({
              path: fieldPath,
              message: `is also given as ${memberPath(path, name)}; give it once`,
            });
          } else {
            named.set(name, { value, path: fieldPath });
          }
        } else if (name in extras) {
          problems.push({
            path: fieldPath,
            message: `is also given as ${memberPath(path, name)}; give it once`,
          });
        } else {
          extras[name] = value;
        }
      }
    }
  }
  return { named, extras };
}

function readString(
  fields: MergedFields,
  name: string,
  problems: CredentialInputProblem[],
): string | undefined {
  const field = fields.named.get(name);
  if (field === undefined || field.value === null) return undefined;
  if (typeof field.value === 'string') return field.value;
  problems.push({
    path: field.path,
    message: `must be a string, not ${describeJsonType(field.value)}`,
  });
  return undefined;
}

function readDateTime(
  fields: MergedFields,
  name: string,
  path: string,
  problems: CredentialInputProblem[],
): string | undefined {
  const text = readString(fields, name, problems);
  if (text === undefined) return undefined;
  const field = fields.named.get(name);
  const ms = Date.parse(text);
  if (!/(?:Z|[+-]\d\d:?\d\d|GMT|UTC)\s*$/iu.test(text.trim()) || Number.isNaN(ms)) {
    problems.push({
      path: field?.path ?? memberPath(path, name),
      message: 'must be an ISO 8601 date-time with a zone, such as 2024-01-31T13:05:00Z',
    });
    return undefined;
  }
  return new Date(ms).toISOString();
}

function readSeconds(
  fields: MergedFields,
  name: string,
  problems: CredentialInputProblem[],
): number | undefined {
  const field = fields.named.get(name);
  if (field === undefined || field.value === null) return undefined;
  const { value } = field;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,12}$/u.test(value.trim())) return Number(value.trim());
  const got = typeof value === 'number' ? '' : `, not ${describeJsonType(value)}`;
  problems.push({ path: field.path, message: `must be a non-negative number of seconds${got}` });
  return undefined;
}

/**
 * Authentication kind names as users type them (`-ak windows`, `OAuth2`, `Implicit`), and the
 * choice of a kind when a data source supports several.
 */

import type { CredentialInputResult } from './input-problems.js';
import { AUTHENTICATION_KINDS, type AuthenticationKind } from './types.js';

/**
 * Other names of authentication kinds: `Implicit` is the docs' other name of `Anonymous`, and
 * PQTest's `--authenticationKind` help names OAuth `OAuth2`.
 */
const ALIASES: ReadonlyMap<string, AuthenticationKind> = new Map([
  ['implicit', 'Anonymous'],
  ['oauth2', 'OAuth'],
]);

/**
 * The authentication kind a name stands for, ignoring case (PQTest accepts `-ak windows`), with
 * the aliases `Implicit` (Anonymous) and `OAuth2` (OAuth).
 *
 * @returns The kind, or `undefined` for a name that is no authentication kind.
 */
export function parseAuthenticationKind(name: string): AuthenticationKind | undefined {
  const key = name.trim().toLowerCase();
  return AUTHENTICATION_KINDS.find((kind) => kind.toLowerCase() === key) ?? ALIASES.get(key);
}

/**
 * The authentication kind to use for a data source, as `credential-template` and `set-credential`
 * choose it: the requested kind when the data source supports it; the only supported kind when
 * none was requested; otherwise a problem that lists the choices.
 *
 * @param supported - The kinds of the data source record's `Authentication` field.
 * @param requested - The `--authenticationKind` option, if given.
 */
export function selectAuthenticationKind(
  supported: readonly AuthenticationKind[],
  requested?: string,
): CredentialInputResult<AuthenticationKind> {
  const path = '--authenticationKind';
  const choices = supported.join(', ');
  if (requested === undefined) {
    const [only, ...others] = supported;
    if (only !== undefined && others.length === 0) return { ok: true, value: only };
    const message =
      only === undefined
        ? 'the data source declares no authentication kind'
        : `is required: the data source supports ${choices}`;
    return { ok: false, problems: [{ path, message }] };
  }
  const kind = parseAuthenticationKind(requested);
  if (kind === undefined) {
    return {
      ok: false,
      problems: [
        {
          path,
          message: `names no authentication kind; use one of ${AUTHENTICATION_KINDS.join(', ')}`,
        },
      ],
    };
  }
  if (!supported.includes(kind)) {
    return {
      ok: false,
      problems: [{ path, message: `${kind} is not supported by the data source; use ${choices}` }],
    };
  }
  return { ok: true, value: kind };
}

/**
 * Pure operations on a list of credentials: the lookup rules and the upsert and removal the
 * store performs under its lock.
 */

import { coverage, normalizeDataSourcePath, parseDataSourcePath } from './data-source-path.js';
import type { Credential } from './types.js';

/**
 * Finds the credential for a data source.
 *
 * - The kind must be equal (ordinal comparison: M names are case-sensitive).
 * - A credential whose normalized path equals the requested one wins.
 * - Otherwise, for URL paths, the credential with the longest path that covers the requested
 *   one on the same scheme, host and port (see `dataSourcePathCovers`) is used, as Power Query
 *   applies a credential set for `https://api.example.com` to `https://api.example.com/v1`.
 *
 * @returns The credential, or `undefined` when none applies.
 */
export function findCredential(
  credentials: readonly Credential[],
  kind: string,
  path: string,
): Credential | undefined {
  const target = parseDataSourcePath(path);
  let best: Credential | undefined;
  let bestScore = -1;
  for (const credential of credentials) {
    if (credential.dataSource.kind !== kind) continue;
    const score = coverage(parseDataSourcePath(credential.dataSource.path), target);
    if (score !== undefined && score > bestScore) {
      best = credential;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The credential stored for exactly this data source (same kind, same normalized path), with no
 * prefix matching: what `delete-credential` and `refresh-credential` act on.
 */
export function findExactCredential(
  credentials: readonly Credential[],
  kind: string,
  path: string,
): Credential | undefined {
  const normalized = normalizeDataSourcePath(path);
  return credentials.find((credential) => sameDataSource(credential, kind, normalized));
}

/**
 * The list with `credential` in place of the one stored for the same data source, or added at
 * the end when there was none. The input is not changed.
 */
export function upsertCredential(
  credentials: readonly Credential[],
  credential: Credential,
): readonly Credential[] {
  const normalized = normalizeDataSourcePath(credential.dataSource.path);
  const index = credentials.findIndex((stored) =>
    sameDataSource(stored, credential.dataSource.kind, normalized),
  );
  if (index === -1) return [...credentials, credential];
  return credentials.map((stored, position) => (position === index ? credential : stored));
}

/**
 * The list without the credential stored for exactly this data source. The input is not changed;
 * when nothing matches, the result has the same length.
 */
export function removeCredential(
  credentials: readonly Credential[],
  kind: string,
  path: string,
): readonly Credential[] {
  const normalized = normalizeDataSourcePath(path);
  return credentials.filter((credential) => !sameDataSource(credential, kind, normalized));
}

function sameDataSource(credential: Credential, kind: string, normalizedPath: string): boolean {
  return (
    credential.dataSource.kind === kind &&
    normalizeDataSourcePath(credential.dataSource.path) === normalizedPath
  );
}

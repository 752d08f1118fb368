import { describe, expect, it } from 'vitest';
import {
  findCredential,
  findExactCredential,
  removeCredential,
  upsertCredential,
} from './lookup.js';
import type { Credential } from './types.js';

function keyCredential(kind: string, path: string, key: string): Credential {
  return {
    dataSource: { kind, path },
    authenticationKind: 'Key',
    key,
    privacySetting: 'None',
    permissions: [],
  };
}

/** The key of the credential found, which tells the test cases apart. */
function keyOf(credential: Credential | undefined): string | undefined {
  return credential?.authenticationKind === 'Key' ? credential.key : undefined;
}

const STORED: readonly Credential[] = [
  keyCredential('Api', 'https://api.example.com', 'root'),
  keyCredential('Api', 'https://api.example.com/v1/', 'v1'),
  keyCredential('Api', 'https://api.example.com/v1/admin', 'admin'),
  keyCredential('Api', 'https://api.example.com/v2?tenant=a', 'tenant-a'),
  keyCredential('Other', 'https://api.example.com/v1', 'other-kind'),
  keyCredential('Singleton', 'Singleton', 'singleton'),
  keyCredential('Sql', '{"server":"db1","database":"sales"}', 'sql'),
];

describe('findCredential', () => {
  it.each([
    ['an exact match', 'https://api.example.com/v1/admin', 'admin'],
    ['an exact match, ignoring the trailing slash', 'https://api.example.com/v1', 'v1'],
    ['an exact match, ignoring the case of scheme and host', 'HTTPS://API.EXAMPLE.COM/v1/', 'v1'],
    ['the most specific prefix', 'https://api.example.com/v1/items/3', 'v1'],
    ['a deeper prefix over a shallower one', 'https://api.example.com/v1/admin/users', 'admin'],
    ['the root for a path under no other', 'https://api.example.com/v3/items', 'root'],
    ['a prefix only on segment boundaries', 'https://api.example.com/v10', 'root'],
    ['the root when the path case differs', 'https://api.example.com/V1/items', 'root'],
    ['a query-scoped path only exactly', 'https://api.example.com/v2?tenant=a', 'tenant-a'],
    ['the root, not a query-scoped path, below it', 'https://api.example.com/v2/x', 'root'],
    ['a singleton by its kind name', 'Singleton', 'singleton'],
    ['a JSON path, ignoring white space', '{ "server": "db1", "database": "sales" }', 'sql'],
  ])('finds %s', (_case, path, key) => {
    const kind = path === 'Singleton' ? 'Singleton' : path.startsWith('{') ? 'Sql' : 'Api';
    expect(keyOf(findCredential(STORED, kind, path))).toBe(key);
  });

  it.each([
    ['another host', 'Api', 'https://other.example.com/v1'],
    ['another scheme', 'Api', 'http://api.example.com/v1'],
    ['another port', 'Api', 'https://api.example.com:8443/v1'],
    ['a host that only starts the same', 'Api', 'https://api.example.com.evil.example/v1'],
    ['another kind', 'Missing', 'https://api.example.com/v1'],
    ['a kind in another case (kinds are case-sensitive)', 'api', 'https://api.example.com/v1'],
    ['a JSON path with other values', 'Sql', '{"server":"db2","database":"sales"}'],
  ])('finds nothing for %s', (_case, kind, path) => {
    expect(findCredential(STORED, kind, path)).toBeUndefined();
  });

  it('keeps kinds apart on the same path', () => {
    expect(keyOf(findCredential(STORED, 'Other', 'https://api.example.com/v1/x'))).toBe(
      'other-kind',
    );
  });
});

describe('findExactCredential', () => {
  it('matches the normalized path and never a prefix', () => {
    expect(keyOf(findExactCredential(STORED, 'Api', 'https://API.example.com/v1'))).toBe('v1');
    expect(findExactCredential(STORED, 'Api', 'https://api.example.com/v1/items')).toBeUndefined();
  });
});

describe('upsertCredential', () => {
  it('replaces the credential of the same data source in place', () => {
    const next = upsertCredential(
      STORED,
      keyCredential('Api', 'https://api.example.com/v1', 'new'),
    );
    expect(next).toHaveLength(STORED.length);
    expect(keyOf(next[1])).toBe('new');
    expect(keyOf(STORED[1])).toBe('v1');
  });

  it('adds a credential for a new data source at the end', () => {
    const next = upsertCredential(STORED, keyCredential('Api', 'https://api.example.com/v3', 'v3'));
    expect(next).toHaveLength(STORED.length + 1);
    expect(keyOf(next.at(-1))).toBe('v3');
  });
});

describe('removeCredential', () => {
  it('removes exactly the named data source', () => {
    const next = removeCredential(STORED, 'Api', 'https://api.example.com/v1');
    expect(next.map(keyOf)).toEqual([
      'root',
      'admin',
      'tenant-a',
      'other-kind',
      'singleton',
      'sql',
    ]);
  });

  it('leaves the list whole when nothing matches', () => {
    expect(removeCredential(STORED, 'Api', 'https://api.example.com/v9')).toHaveLength(
      STORED.length,
    );
  });
});

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CredentialError } from './errors.js';
import { parseOAuthToken } from './oauth-token.js';
import { secretValues } from './secrets.js';
import { CredentialStore } from './store.js';
import type { Credential, OAuthToken } from './types.js';

const temporaryFolders: string[] = [];

afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A new private folder for one test. */
function makeFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-credentials-'));
  temporaryFolders.push(folder);
  return folder;
}

/** A store in a folder of its own (created by the store, below a fresh temporary folder). */
function makeStore(options: { lockTimeoutMs?: number } = {}): CredentialStore {
  return new CredentialStore({
    file: join(makeFolder(), 'pqsdk', 'credentials.json'),
    lock: { timeoutMs: options.lockTimeoutMs ?? 5000 },
  });
}

/** The error code a store operation fails with, or `ok`. */
async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (error instanceof CredentialError) return error.code;
    throw error;
  }
}

/** The message of the error a store operation fails with. */
async function messageOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error) {
      const cause = error.cause instanceof Error ? error.cause.message : '';
      return cause === '' ? error.message : `${error.message} (${cause})`;
    }
  }
  throw new Error('expected the operation to fail');
}

function token(fields: Record<string, string | number>, now = '2024-01-31T12:00:00Z'): OAuthToken {
  const result = parseOAuthToken(fields, { now: new Date(now) });
  if (!result.ok) throw new Error('bad token fixture');
  return result.value;
}

const common = { privacySetting: 'None', permissions: [] } as const;

/** One credential of every kind, each with secrets of its own. */
const EVERY_KIND: readonly Credential[] = [
  { ...common, dataSource: { kind: 'Anon', path: 'Anon' }, authenticationKind: 'Anonymous' },
  {
    ...common,
    dataSource: { kind: 'Api', path: 'https://api.example.com' },
    authenticationKind: 'Key',
    key: 'key-7f3a9c1d2e',
    privacySetting: 'Private',
  },
  {
    ...common,
    dataSource: { kind: 'Db', path: '{"server":"db1"}' },
    authenticationKind: 'UsernamePassword',
    username: 'alice',
    password: 'pass-5b8e0f4a6c',
    encryptConnection: true,
  },
  { ...common, dataSource: { kind: 'Win', path: 'Win' }, authenticationKind: 'Windows' },
  {
    ...common,
    dataSource: { kind: 'Win', path: 'https://intranet.example.com' },
    authenticationKind: 'Windows',
    username: 'CORP\\bob',
    password: 'winpass-1d2c3b4a',
  },
  {
    ...common,
    dataSource: { kind: 'OAuthApi', path: 'https://oauth.example.com/v1' },
    authenticationKind: 'OAuth',
    token: token({
      access_token: 'access-9a8b7c6d5e',
      refresh_token: 'refresh-0f1e2d3c4b',
      token_type: 'Bearer',
      expires_in: 3600,
      id_token: 'idtoken-5e6f7a8b9c',
    }),
  },
  {
    ...common,
    dataSource: { kind: 'Graph', path: 'https://graph.example.com' },
    authenticationKind: 'Aad',
    token: token({ access_token: 'aad-access-3c4d5e6f', expires: '2024-02-01T00:00:00Z' }),
  },
];

const ALL_SECRETS = EVERY_KIND.flatMap(secretValues);

async function storeWithEveryKind(): Promise<CredentialStore> {
  const store = makeStore();
  for (const credential of EVERY_KIND) await store.set(credential);
  return store;
}

describe('CredentialStore', () => {
  it('reads an absent store as empty, creating nothing', async () => {
    const folder = makeFolder();
    const store = new CredentialStore({ file: join(folder, 'missing', 'credentials.json') });
    expect(await store.load()).toEqual([]);
    expect(await store.list()).toEqual([]);
    expect(await store.find('Api', 'https://api.example.com')).toBeUndefined();
    expect(await store.delete('Api', 'https://api.example.com')).toBe(false);
    expect(await store.deleteAll()).toBe(0);
    expect(readdirSync(folder)).toEqual(['missing']);
    expect(readdirSync(join(folder, 'missing'))).toEqual([]);
  });

  it('round-trips a credential of every kind through the file', async () => {
    const store = await storeWithEveryKind();
    const reopened = new CredentialStore({ file: store.file });
    expect(await reopened.load()).toEqual(EVERY_KIND);
  });

  it('replaces the credential of a data source given in another spelling', async () => {
    const store = await storeWithEveryKind();
    const replacement: Credential = {
      ...common,
      dataSource: { kind: 'Api', path: 'HTTPS://API.EXAMPLE.COM/' },
      authenticationKind: 'Key',
      key: 'key-new',
    };
    await store.set(replacement);
    const loaded = await store.load();
    expect(loaded).toHaveLength(EVERY_KIND.length);
    expect(loaded[1]).toEqual(replacement);
  });

  it('finds credentials with the lookup rules: exact, then the longest URL prefix', async () => {
    const store = await storeWithEveryKind();
    expect((await store.find('Api', 'https://api.example.com/v2/items'))?.authenticationKind).toBe(
      'Key',
    );
    expect(await store.find('Api', 'https://evil.example.com/')).toBeUndefined();
    expect((await store.find('Win', 'Win'))?.dataSource.path).toBe('Win');
  });

  it('deletes one credential, exactly', async () => {
    const store = await storeWithEveryKind();
    expect(await store.delete('Api', 'https://api.example.com/v1')).toBe(false);
    expect(await store.delete('Api', 'https://api.example.com/')).toBe(true);
    expect(await store.delete('Api', 'https://api.example.com')).toBe(false);
    expect((await store.load()).map((c) => c.dataSource.kind)).toEqual([
      'Anon',
      'Db',
      'Win',
      'Win',
      'OAuthApi',
      'Graph',
    ]);
  });

  it('deletes every credential and keeps an empty store and its key', async () => {
    const store = await storeWithEveryKind();
    expect(await store.deleteAll()).toBe(EVERY_KIND.length);
    expect(await store.load()).toEqual([]);
    expect(existsSync(store.file)).toBe(true);
    expect(existsSync(store.keyFile)).toBe(true);
    await store.set(EVERY_KIND[1]!);
    expect(await store.load()).toEqual([EVERY_KIND[1]]);
  });

  it('lists data sources and kinds without secrets', async () => {
    const store = await storeWithEveryKind();
    const list = await store.list();
    expect(list.map((entry) => [entry.DataSource.kind, entry.AuthenticationKind])).toEqual([
      ['Anon', 'Anonymous'],
      ['Api', 'Key'],
      ['Db', 'UsernamePassword'],
      ['Win', 'Windows'],
      ['Win', 'Windows'],
      ['OAuthApi', 'OAuth'],
      ['Graph', 'Aad'],
    ]);
    const text = JSON.stringify(list);
    for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
  });

  it('updates the tokens of an OAuth credential after a refresh', async () => {
    const store = await storeWithEveryKind();
    const dataSource = { kind: 'OAuthApi', path: 'https://oauth.example.com/v1/' };
    const next = token({ access_token: 'access-new', expires_in: 60 }, '2024-01-31T13:00:00Z');
    const updated = await store.updateTokens(dataSource, next);
    expect(updated.token).toEqual({
      accessToken: 'access-new',
      refreshToken: 'refresh-0f1e2d3c4b',
      expiresIn: 60,
      obtainedAt: '2024-01-31T13:00:00.000Z',
      properties: { id_token: 'idtoken-5e6f7a8b9c' },
    });
    const reloaded = await store.find('OAuthApi', 'https://oauth.example.com/v1');
    expect(reloaded).toEqual(updated);
    expect(reloaded?.dataSource.path).toBe('https://oauth.example.com/v1');
  });

  it('refuses to update the tokens of a missing or non-OAuth credential', async () => {
    const store = await storeWithEveryKind();
    const next = token({ access_token: 'x' });
    expect(await codeOf(() => store.updateTokens({ kind: 'Nope', path: 'Nope' }, next))).toBe(
      'PQSDK_CREDENTIALS_NOT_FOUND',
    );
    expect(
      await codeOf(() =>
        store.updateTokens({ kind: 'Api', path: 'https://api.example.com' }, next),
      ),
    ).toBe('PQSDK_CREDENTIALS_NOT_OAUTH');
    expect(await store.load()).toEqual(EVERY_KIND);
  });

  it('refuses a credential that is not well-formed', async () => {
    const store = makeStore();
    const bad: Credential = {
      ...common,
      dataSource: { kind: 'Api', path: 'Api' },
      authenticationKind: 'Key',
      key: '',
    };
    expect(await messageOf(() => store.set(bad))).toMatchInlineSnapshot(
      `"the credential is not well-formed: $.AuthenticationProperties.Key: is empty"`,
    );
    expect(existsSync(store.file)).toBe(false);
  });

  it('finds its files through resolveCredentialsLocation', () => {
    const store = CredentialStore.at({
      credentialsFile: 'creds.json',
      cwd: '/work',
      env: {},
      platform: 'linux',
    });
    expect([store.file, store.keyFile]).toEqual(['/work/creds.json', '/work/creds.json.key']);
  });
});

describe('CredentialStore encryption at rest', () => {
  it('writes no secret to disk, in any encoding', async () => {
    const store = await storeWithEveryKind();
    const raw = Buffer.concat([
      readFileSync(store.file),
      ...readdirSync(join(store.file, '..')).map((name) =>
        readFileSync(join(store.file, '..', name)),
      ),
    ]);
    for (const secret of ALL_SECRETS) {
      for (const form of [
        secret,
        Buffer.from(secret).toString('base64'),
        Buffer.from(secret).toString('base64url'),
        Buffer.from(secret).toString('hex'),
      ]) {
        expect(raw.includes(Buffer.from(form))).toBe(false);
      }
    }
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toMatchObject({
      format: 'pqsdk-credentials',
      version: 1,
      algorithm: 'aes-256-gcm',
    });
  });

  it('encrypts each write under a fresh IV', async () => {
    const store = makeStore();
    await store.set(EVERY_KIND[1]!);
    const first = JSON.parse(readFileSync(store.file, 'utf8')) as {
      iv: string;
      ciphertext: string;
    };
    await store.set(EVERY_KIND[1]!);
    const second = JSON.parse(readFileSync(store.file, 'utf8')) as {
      iv: string;
      ciphertext: string;
    };
    expect(second.iv).not.toBe(first.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
  });

  it('refuses a store with a changed byte, and never overwrites it', async () => {
    const store = await storeWithEveryKind();
    const envelope = JSON.parse(readFileSync(store.file, 'utf8')) as Record<string, string>;
    const bytes = Buffer.from(envelope['ciphertext']!, 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 0x04;
    envelope['ciphertext'] = bytes.toString('base64');
    const tampered = JSON.stringify(envelope);
    writeFileSync(store.file, tampered, { mode: 0o600 });
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_CORRUPT');
    expect(await codeOf(() => store.set(EVERY_KIND[0]!))).toBe('PQSDK_CREDENTIALS_CORRUPT');
    expect(readFileSync(store.file, 'utf8')).toBe(tampered);
  });

  it('refuses a store whose raw text was damaged', async () => {
    const store = await storeWithEveryKind();
    const raw = readFileSync(store.file);
    raw[Math.floor(raw.length * 0.75)] = 0x21;
    writeFileSync(store.file, raw, { mode: 0o600 });
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_CORRUPT');
  });

  it('refuses a store under a wrong key, and never overwrites it', async () => {
    const store = await storeWithEveryKind();
    const before = readFileSync(store.file);
    writeFileSync(store.keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_KEY_MISMATCH');
    expect(await codeOf(() => store.deleteAll())).toBe('PQSDK_CREDENTIALS_KEY_MISMATCH');
    expect(readFileSync(store.file).equals(before)).toBe(true);
  });

  it('refuses a store whose key file is gone, and creates no new key over it', async () => {
    const store = await storeWithEveryKind();
    const before = readFileSync(store.file);
    rmSync(store.keyFile);
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_KEY_MISSING');
    expect(await codeOf(() => store.set(EVERY_KIND[0]!))).toBe('PQSDK_CREDENTIALS_KEY_MISSING');
    expect(existsSync(store.keyFile)).toBe(false);
    expect(readFileSync(store.file).equals(before)).toBe(true);
  });

  it('creates a key with the first write when there is no store yet', async () => {
    const store = makeStore();
    expect(existsSync(store.keyFile)).toBe(false);
    await store.set(EVERY_KIND[1]!);
    expect(readFileSync(store.keyFile, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/u);
  });

  it('uses an existing key when there is no store yet', async () => {
    const store = makeStore();
    mkdirSync(join(store.file, '..'), { recursive: true, mode: 0o700 });
    const key = `${randomBytes(32).toString('base64')}\n`;
    writeFileSync(store.keyFile, key, { mode: 0o600 });
    await store.set(EVERY_KIND[1]!);
    expect(readFileSync(store.keyFile, 'utf8')).toBe(key);
    expect(await store.load()).toEqual([EVERY_KIND[1]]);
  });

  it('keeps the key where it is told to', async () => {
    const keyFile = join(makeFolder(), 'keys', 'pqsdk.key');
    const store = new CredentialStore({ file: join(makeFolder(), 'creds.json'), keyFile });
    await store.set(EVERY_KIND[1]!);
    expect(existsSync(keyFile)).toBe(true);
    expect(existsSync(`${store.file}.key`)).toBe(false);
    expect(await new CredentialStore({ file: store.file, keyFile }).load()).toEqual([
      EVERY_KIND[1],
    ]);
  });

  it.each([
    ['not base64', 'not a key!\n'],
    ['too short', `${randomBytes(16).toString('base64')}\n`],
  ])('refuses a key file that is %s', async (_case, content) => {
    const store = await storeWithEveryKind();
    writeFileSync(store.keyFile, content, { mode: 0o600 });
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_KEY_INVALID');
  });

  it('puts no secret and no file contents in any error message', async () => {
    const store = await storeWithEveryKind();
    const messages: string[] = [];
    const original = readFileSync(store.file);
    const damaged = Buffer.from(original);
    damaged[40] = 0x7b;
    writeFileSync(store.file, damaged, { mode: 0o600 });
    messages.push(await messageOf(() => store.load()));
    writeFileSync(store.file, original, { mode: 0o600 });
    const key = readFileSync(store.keyFile);
    writeFileSync(store.keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    messages.push(await messageOf(() => store.load()));
    writeFileSync(store.keyFile, 'garbage', { mode: 0o600 });
    messages.push(await messageOf(() => store.load()));
    rmSync(store.keyFile);
    messages.push(await messageOf(() => store.set(EVERY_KIND[1]!)));
    writeFileSync(store.keyFile, key, { mode: 0o600 });
    messages.push(
      await messageOf(() =>
        store.updateTokens(
          { kind: 'Api', path: 'https://api.example.com' },
          token({ access_token: 'x' }),
        ),
      ),
    );
    const text = messages.join('\n');
    expect(messages).toHaveLength(5);
    for (const secret of [...ALL_SECRETS, key.toString('utf8').trim()]) {
      expect(text).not.toContain(secret);
    }
    const envelope = JSON.parse(original.toString('utf8')) as { ciphertext: string };
    expect(text).not.toContain(envelope.ciphertext.slice(0, 16));
  });
});

describe.skipIf(process.platform === 'win32')('CredentialStore permissions (POSIX)', () => {
  const modeOf = (path: string): number => statSync(path).mode & 0o7777;

  it('creates the folder 0700 and the store and key 0600', async () => {
    const store = await storeWithEveryKind();
    expect(modeOf(join(store.file, '..'))).toBe(0o700);
    expect(modeOf(store.file)).toBe(0o600);
    expect(modeOf(store.keyFile)).toBe(0o600);
  });

  it.each([
    ['the store', 'file', 0o644],
    ['the store', 'file', 0o604],
    ['the key', 'keyFile', 0o640],
  ] as const)('refuses %s with mode %o', async (_what, which, mode) => {
    const store = await storeWithEveryKind();
    chmodSync(store[which], mode);
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_INSECURE_PERMISSIONS');
    expect(await codeOf(() => store.set(EVERY_KIND[0]!))).toBe(
      'PQSDK_CREDENTIALS_INSECURE_PERMISSIONS',
    );
    expect(await messageOf(() => store.load())).toContain('run chmod 600');
  });

  it('refuses a folder that other users can write to', async () => {
    const store = await storeWithEveryKind();
    chmodSync(join(store.file, '..'), 0o777);
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_INSECURE_PERMISSIONS');
    expect(await messageOf(() => store.load())).toContain('run chmod 700');
  });

  it('accepts a shared folder with the sticky bit, such as /tmp', async () => {
    const folder = makeFolder();
    chmodSync(folder, 0o1777);
    const store = new CredentialStore({ file: join(folder, 'credentials.json') });
    await store.set(EVERY_KIND[1]!);
    expect(await store.load()).toEqual([EVERY_KIND[1]]);
  });

  it('refuses a store that is a symbolic link', async () => {
    const store = await storeWithEveryKind();
    const elsewhere = join(makeFolder(), 'real.json');
    writeFileSync(elsewhere, readFileSync(store.file), { mode: 0o600 });
    rmSync(store.file);
    symlinkSync(elsewhere, store.file);
    expect(await codeOf(() => store.load())).toBe('PQSDK_CREDENTIALS_INSECURE_PERMISSIONS');
  });
});

describe('CredentialStore writes', () => {
  /** A pid that ran on this machine and has exited. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', '']);
    return child.pid;
  }

  const leftovers = (store: CredentialStore): string[] =>
    readdirSync(join(store.file, '..')).filter(
      (name) => name.endsWith('.tmp') || name.includes('.lock'),
    );

  it('ignores a temporary file left by a crashed writer, and removes it with the next write', async () => {
    const store = await storeWithEveryKind();
    const crashed = join(store.file, '..', '.credentials.json.4242-deadbeef0000.tmp');
    writeFileSync(crashed, '{"format":"pqsdk-credentials","version":1,"trunc', { mode: 0o600 });
    expect(await store.load()).toEqual(EVERY_KIND);
    await store.delete('Anon', 'Anon');
    expect(existsSync(crashed)).toBe(false);
    expect(await store.load()).toEqual(EVERY_KIND.slice(1));
  });

  it('breaks a lock left by a process that no longer runs', async () => {
    const store = await storeWithEveryKind();
    writeFileSync(
      `${store.file}.lock`,
      JSON.stringify({ pid: deadPid(), host: hostname(), token: 'crashed' }),
      { mode: 0o600 },
    );
    const started = Date.now();
    await store.delete('Anon', 'Anon');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(leftovers(store)).toEqual([]);
  });

  it('breaks a lock older than the stale age, whoever holds it', async () => {
    const folder = makeFolder();
    const store = new CredentialStore({
      file: join(folder, 'credentials.json'),
      lock: { timeoutMs: 5000, staleMs: 1000 },
    });
    const lock = `${store.file}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'another-machine', token: 'old' }), {
      mode: 0o600,
    });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await store.set(EVERY_KIND[1]!);
    expect(await store.load()).toEqual([EVERY_KIND[1]]);
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a live lock and then fails with PQSDK_CREDENTIALS_LOCKED', async () => {
    const store = makeStore({ lockTimeoutMs: 150 });
    mkdirSync(join(store.file, '..'), { recursive: true, mode: 0o700 });
    const lock = `${store.file}.lock`;
    const held = JSON.stringify({ pid: process.pid, host: hostname(), token: 'someone-else' });
    writeFileSync(lock, held, { mode: 0o600 });
    expect(await codeOf(() => store.set(EVERY_KIND[1]!))).toBe('PQSDK_CREDENTIALS_LOCKED');
    expect(readFileSync(lock, 'utf8')).toBe(held);
    expect(existsSync(store.file)).toBe(false);
  });

  it('keeps every entry when writers run at once', async () => {
    const store = makeStore();
    const other = new CredentialStore({ file: store.file, lock: { timeoutMs: 10_000 } });
    const credentials: Credential[] = Array.from({ length: 12 }, (_, index) => ({
      ...common,
      dataSource: { kind: 'Api', path: `https://api.example.com/tenant/${String(index)}` },
      authenticationKind: 'Key',
      key: `key-${String(index)}`,
    }));
    await Promise.all(
      credentials.map((credential, index) => (index % 2 === 0 ? store : other).set(credential)),
    );
    const loaded = await store.load();
    expect(loaded).toHaveLength(credentials.length);
    expect(new Set(loaded.map((c) => c.dataSource.path))).toEqual(
      new Set(credentials.map((c) => c.dataSource.path)),
    );
    expect(leftovers(store)).toEqual([]);
  });

  it('keeps both entries when two async writers set at once', async () => {
    const store = makeStore();
    await Promise.all([store.set(EVERY_KIND[1]!), store.set(EVERY_KIND[2]!)]);
    const loaded = await store.load();
    expect(loaded).toHaveLength(2);
    expect(loaded).toEqual(expect.arrayContaining([EVERY_KIND[1], EVERY_KIND[2]]));
  });

  it('serializes sets and deletes of one store', async () => {
    const store = await storeWithEveryKind();
    await Promise.all([
      store.delete('Anon', 'Anon'),
      store.delete('Win', 'Win'),
      store.set({
        ...common,
        dataSource: { kind: 'New', path: 'New' },
        authenticationKind: 'Anonymous',
      }),
    ]);
    expect((await store.load()).map((c) => c.dataSource.path).sort()).toEqual(
      [
        'New',
        'https://api.example.com',
        '{"server":"db1"}',
        'https://intranet.example.com',
        'https://oauth.example.com/v1',
        'https://graph.example.com',
      ].sort(),
    );
  });
});

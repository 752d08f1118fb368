/**
 * The credential store of the host side: a file encrypted with AES-256-GCM under a key file
 * (see `envelope.ts` for the format), in a private folder, written atomically under a lock.
 */

import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { credentialToJson, parseCredentialJson } from './credential-json.js';
import { corrupt, openStore, sealStore } from './envelope.js';
import { CredentialError } from './errors.js';
import { type FileLockOptions, withFileLock } from './file-lock.js';
import { formatCredentialInputProblem, withArticle } from './input-problems.js';
import {
  type CredentialsLocation,
  resolveCredentialsLocation,
  type ResolveCredentialsLocationOptions,
} from './locations.js';
import {
  findCredential,
  findExactCredential,
  removeCredential,
  upsertCredential,
} from './lookup.js';
import { refreshedToken } from './oauth-token.js';
import { type ListCredentialEntry, listEntries } from './pqtest-output.js';
import {
  checkDirectory,
  checkPrivateFile,
  createKeyFile,
  ensurePrivateDirectory,
  ioError,
  pathExists,
  readKeyFile,
  removeTemporaryFiles,
  writePrivateFileAtomically,
} from './secure-files.js';
import type { Credential, DataSource, OAuthCredential, OAuthToken } from './types.js';

/** Options of {@link CredentialStore}. */
export interface CredentialStoreOptions {
  /** The encrypted store file. */
  readonly file: string;
  /** The key file. Default: {@link file} with `.key` appended. */
  readonly keyFile?: string;
  /** How long writers wait for each other, and when a lock is stale. */
  readonly lock?: FileLockOptions;
}

/**
 * The encrypted credential store.
 *
 * - Reads need no lock: writes replace the file atomically, so a reader sees a whole store.
 * - Every change is a read-modify-write under the lock file `<file>.lock`, so concurrent writers
 *   (processes, or async calls in one process) never lose each other's changes.
 * - The key is created with the first write, and only when there is no store yet. A store whose
 *   key file is gone fails with `PQSDK_CREDENTIALS_KEY_MISSING` and is never overwritten.
 * - On POSIX systems the folder is created 0700 and the files 0600; a store, key or folder that
 *   other users can read or change is refused (`PQSDK_CREDENTIALS_INSECURE_PERMISSIONS`).
 *
 * @example
 * ```ts
 * const store = CredentialStore.at({ credentialsFile: options.credentialsFile });
 * await store.set(credential);
 * const found = await store.find('MyConnector', 'https://api.example.com/v1');
 * ```
 */
export class CredentialStore {
  /** The encrypted store file. */
  readonly file: string;
  /** The key file. */
  readonly keyFile: string;
  private readonly lockOptions: FileLockOptions;

  /** @param options - The files, and the lock's timing. */
  constructor(options: CredentialStoreOptions) {
    this.file = options.file;
    this.keyFile = options.keyFile ?? `${options.file}.key`;
    this.lockOptions = options.lock ?? {};
  }

  /**
   * The store at the location `resolveCredentialsLocation` finds: the `--credentials-file`
   * option, `PQSDK_CREDENTIALS_FILE`, or the user's configuration folder.
   */
  static at(
    options: ResolveCredentialsLocationOptions & { readonly lock?: FileLockOptions } = {},
  ): CredentialStore {
    const location: CredentialsLocation = resolveCredentialsLocation(options);
    return new CredentialStore({
      file: location.file,
      keyFile: location.keyFile,
      ...(options.lock === undefined ? {} : { lock: options.lock }),
    });
  }

  /** Every stored credential, in the order they were first set. An absent store is empty. */
  async load(): Promise<readonly Credential[]> {
    const folder = dirname(this.file);
    if (!(await pathExists(folder))) return [];
    await checkDirectory(folder);
    if (!(await checkPrivateFile(this.file))) return [];
    const key = await readKeyFile(this.keyFile);
    if (key === undefined) throw this.keyMissing();
    return this.decrypt(key);
  }

  /** The credential for a data source, with the lookup rules of `findCredential`. */
  async find(kind: string, path: string): Promise<Credential | undefined> {
    return findCredential(await this.load(), kind, path);
  }

  /** `list-credential`: the stored data sources and kinds, without secrets. */
  async list(): Promise<ListCredentialEntry[]> {
    return listEntries(await this.load());
  }

  /**
   * Stores a credential, replacing the one stored for the same data source (same kind, same
   * normalized path).
   *
   * @throws {@link CredentialError} `PQSDK_CREDENTIALS_INVALID` when the credential is not
   * well-formed (such as an empty key).
   */
  async set(credential: Credential): Promise<Credential> {
    const checked = parseCredentialJson(credentialToJson(credential));
    if (!checked.ok) {
      const first = checked.problems[0];
      throw new CredentialError(
        'PQSDK_CREDENTIALS_INVALID',
        `the credential is not well-formed: ${first === undefined ? 'unknown problem' : formatCredentialInputProblem(first)}`,
      );
    }
    await this.change((credentials) => upsertCredential(credentials, checked.value));
    return checked.value;
  }

  /**
   * Deletes the credential stored for exactly this data source (no prefix matching).
   *
   * @returns Whether one was stored.
   */
  async delete(kind: string, path: string): Promise<boolean> {
    let deleted = false;
    await this.change((credentials) => {
      const remaining = removeCredential(credentials, kind, path);
      deleted = remaining.length !== credentials.length;
      return deleted ? remaining : credentials;
    });
    return deleted;
  }

  /**
   * Deletes every credential (`delete-credential --ALL`). The store file stays, empty, and so
   * does its key.
   *
   * @returns How many credentials were deleted.
   */
  async deleteAll(): Promise<number> {
    let count = 0;
    await this.change((credentials) => {
      count = credentials.length;
      return count === 0 ? credentials : [];
    });
    return count;
  }

  /**
   * Stores the tokens of an OAuth refresh for exactly this data source: the access token and the
   * expiry are replaced; the refresh token too when the new token carries one (see
   * `refreshedToken`).
   *
   * @returns The updated credential.
   * @throws {@link CredentialError} `PQSDK_CREDENTIALS_NOT_FOUND` or `PQSDK_CREDENTIALS_NOT_OAUTH`.
   */
  async updateTokens(dataSource: DataSource, token: OAuthToken): Promise<OAuthCredential> {
    let updated: OAuthCredential | undefined;
    await this.change((credentials) => {
      const stored = findExactCredential(credentials, dataSource.kind, dataSource.path);
      if (stored === undefined) {
        throw new CredentialError(
          'PQSDK_CREDENTIALS_NOT_FOUND',
          `no credential is stored for the data source ${dataSource.kind} at ${dataSource.path}; set one with set-credential`,
        );
      }
      if (stored.authenticationKind !== 'OAuth' && stored.authenticationKind !== 'Aad') {
        throw new CredentialError(
          'PQSDK_CREDENTIALS_NOT_OAUTH',
          `the credential of the data source ${dataSource.kind} at ${dataSource.path} is ${withArticle(stored.authenticationKind)} credential, which has no tokens to refresh`,
        );
      }
      updated = { ...stored, token: refreshedToken(stored.token, token) };
      return upsertCredential(credentials, updated);
    });
    if (updated === undefined) throw new Error('updateTokens: the change did not run');
    return updated;
  }

  /**
   * Runs a read-modify-write under the lock. `update` returns the new list, or the same list
   * (by identity) when nothing changed, in which case nothing is written.
   */
  private async change(
    update: (credentials: readonly Credential[]) => readonly Credential[],
  ): Promise<void> {
    await ensurePrivateDirectory(dirname(this.file));
    await withFileLock(`${this.file}.lock`, this.lockOptions, async () => {
      await removeTemporaryFiles(this.file);
      await removeTemporaryFiles(this.keyFile);
      const exists = await checkPrivateFile(this.file);
      let key = await readKeyFile(this.keyFile);
      if (exists && key === undefined) throw this.keyMissing();
      const current = exists && key !== undefined ? await this.decrypt(key) : [];
      const next = update(current);
      if (next === current) return;
      key ??= await createKeyFile(this.keyFile);
      const payload = JSON.stringify({ credentials: next.map(credentialToJson) });
      await writePrivateFileAtomically(this.file, sealStore(Buffer.from(payload, 'utf8'), key));
    });
  }

  private async decrypt(key: Uint8Array): Promise<readonly Credential[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      throw ioError('read', this.file, error);
    }
    const plaintext = openStore(text, key, this.file);
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(plaintext).toString('utf8'));
    } catch {
      // The parser's message could quote the decrypted secrets; it is dropped.
      throw corrupt(this.file);
    }
    const entries =
      typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)['credentials']
        : undefined;
    if (!Array.isArray(entries)) throw corrupt(this.file);
    return entries.map((entry: unknown) => {
      const parsed = parseCredentialJson(entry);
      if (!parsed.ok) throw corrupt(this.file);
      return parsed.value;
    });
  }

  private keyMissing(): CredentialError {
    return new CredentialError(
      'PQSDK_CREDENTIALS_KEY_MISSING',
      `the credential store ${this.file} exists but its key file ${this.keyFile} does not; restore the key file, or delete the store and set the credentials again`,
      { file: this.keyFile },
    );
  }
}

/**
 * A lock file that serializes the writers of one credential store, across processes and within
 * one: each writer creates `<store>.lock` exclusively (`O_CREAT | O_EXCL`), does its
 * read-modify-write, and removes the lock. A lock is stale, and is broken, when its writer is a
 * process of this machine that no longer runs, or when it is older than the stale age (a writer
 * holds it for milliseconds).
 */

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { CredentialError } from './errors.js';
import { errorCode, ioError, PRIVATE_FILE_MODE } from './secure-files.js';

/** How long to wait for a lock, and when a lock is stale. */
export interface FileLockOptions {
  /** How long to wait for another writer before failing. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /** The age after which a lock is broken whoever holds it. Default 30 000 ms. */
  readonly staleMs?: number;
}

/** The default of {@link FileLockOptions.timeoutMs}. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

/** The default of {@link FileLockOptions.staleMs}. */
export const DEFAULT_STALE_LOCK_MS = 30_000;

/** What a lock file holds: who took it. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

/**
 * Runs `action` while holding the lock file, and removes the lock afterwards (also when the
 * action fails).
 *
 * @throws {@link CredentialError} `PQSDK_CREDENTIALS_LOCKED` when the lock stays taken for
 * longer than the timeout.
 */
export async function withFileLock<T>(
  lockFile: string,
  options: FileLockOptions,
  action: () => Promise<T>,
): Promise<T> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(12).toString('hex'),
  };
  await acquire(lockFile, owner, options);
  try {
    return await action();
  } finally {
    await release(lockFile, owner);
  }
}

async function acquire(
  lockFile: string,
  owner: LockOwner,
  options: FileLockOptions,
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_LOCK_MS;
  const deadline = Date.now() + timeoutMs;
  let delay = 5;
  for (;;) {
    if (await tryCreate(lockFile, owner)) return;
    if (await breakIfStale(lockFile, staleMs)) continue;
    if (Date.now() >= deadline) {
      throw new CredentialError(
        'PQSDK_CREDENTIALS_LOCKED',
        `the credential store is locked by another writer (${lockFile}); retry, or delete the lock file if no pqsdk is running`,
        { file: lockFile },
      );
    }
    await sleep(Math.min(delay, Math.max(1, deadline - Date.now())) * (0.5 + Math.random()));
    delay = Math.min(delay * 2, 100);
  }
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockFile, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw ioError('create the lock file', lockFile, error);
  }
  try {
    await handle.writeFile(JSON.stringify(owner), 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes the lock when it is stale. The lock is first renamed to a name of its own, so that two
 * waiters cannot both remove it and one of them a new lock; if the renamed lock turns out to be a
 * fresh one (taken between the check and the rename), it is put back.
 *
 * @returns Whether a lock was removed (or had disappeared), so that taking it may succeed now.
 */
async function breakIfStale(lockFile: string, staleMs: number): Promise<boolean> {
  const judged = await inspect(lockFile, staleMs);
  if (judged === 'gone') return true;
  if (judged === 'live') return false;
  const aside = `${lockFile}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true;
    throw ioError('break the stale lock', lockFile, error);
  }
  if ((await inspect(aside, staleMs)) === 'live') {
    await link(aside, lockFile).catch(() => undefined);
  }
  await rm(aside, { force: true });
  return true;
}

async function inspect(lockFile: string, staleMs: number): Promise<'gone' | 'live' | 'stale'> {
  let modified: number;
  let text: string;
  try {
    modified = (await stat(lockFile)).mtimeMs;
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    throw ioError('read the lock file', lockFile, error);
  }
  if (Date.now() - modified > staleMs) return 'stale';
  const owner = parseOwner(text);
  if (owner === undefined) {
    // Being written right now, or left empty by a crash: the age decides.
    return 'live';
  }
  return owner.host === hostname() && !processRuns(owner.pid) ? 'stale' : 'live';
}

async function release(lockFile: string, owner: LockOwner): Promise<void> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch {
    return;
  }
  // Only our own lock is removed: a lock broken as stale may have been taken by another writer.
  if (parseOwner(text)?.token === owner.token) await rm(lockFile, { force: true });
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, token } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof token !== 'string') {
      return undefined;
    }
    return { pid, host, token };
  } catch {
    return undefined;
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

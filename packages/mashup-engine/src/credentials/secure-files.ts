/**
 * Private files: the store's folder (0700), the store and its key (0600), checked before use on
 * POSIX systems, and written atomically. On Windows the per-user profile folders carry the
 * protection (ACLs), and POSIX modes are not checked.
 */

import { randomBytes } from 'node:crypto';
import { chmod, link, lstat, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { KEY_BYTES } from './envelope.js';
import { makeDirectories } from '@pqsdk/packager';
import { CredentialError } from './errors.js';

/** The mode of the store and key files. */
export const PRIVATE_FILE_MODE = 0o600;

/** The mode of a store folder that pqsdk creates. */
export const PRIVATE_DIRECTORY_MODE = 0o700;

/** Whether POSIX modes are enforced on this platform. */
export function enforcesModes(platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32';
}

/** The error code of a Node.js file-system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

/** Wraps a file-system failure in a `PQSDK_CREDENTIALS_IO` error that names the file. */
export function ioError(action: string, file: string, cause: unknown): CredentialError {
  const code = errorCode(cause);
  return new CredentialError(
    'PQSDK_CREDENTIALS_IO',
    `cannot ${action} ${file}${code === undefined ? '' : ` (${code})`}; check that the folder exists and is yours`,
    { file, cause },
  );
}

/** Whether something exists at the path (a file, a folder or a link). */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw ioError('inspect', path, error);
  }
}

/**
 * Creates the folder with mode 0700 when it is missing (with its missing parents), or checks the
 * existing one: it must be a folder that other users cannot write to (a world-writable folder
 * with the sticky bit, such as `/tmp`, is accepted, because others cannot replace files in it).
 */
export async function ensurePrivateDirectory(directory: string): Promise<void> {
  let created: string | undefined;
  try {
    created = makeDirectories(directory, PRIVATE_DIRECTORY_MODE);
  } catch (error) {
    throw ioError('create the folder', directory, error);
  }
  if (created !== undefined && enforcesModes()) {
    // The umask may have removed bits only; set the mode exactly on the folder itself.
    await chmod(directory, PRIVATE_DIRECTORY_MODE).catch((error: unknown) => {
      throw ioError('set the mode of', directory, error);
    });
  }
  await checkDirectory(directory);
}

/** Checks an existing folder as {@link ensurePrivateDirectory} does. */
export async function checkDirectory(directory: string): Promise<void> {
  if (!enforcesModes()) return;
  let info;
  try {
    info = await stat(directory);
  } catch (error) {
    throw ioError('inspect the folder', directory, error);
  }
  if (!info.isDirectory()) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_IO',
      `${directory} is not a folder; choose another credentials file location`,
      { file: directory },
    );
  }
  const writableByOthers = (info.mode & 0o022) !== 0;
  const sticky = (info.mode & 0o1000) !== 0;
  if (writableByOthers && !sticky) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_INSECURE_PERMISSIONS',
      `the credentials folder ${directory} can be changed by other users (mode ${modeText(info.mode)}); run chmod 700 on it`,
      { file: directory },
    );
  }
}

/**
 * Checks a store or key file before it is read: a regular file (not a symbolic link), owned by
 * the current user, with no permission for the group or others.
 *
 * @returns `false` when the file does not exist.
 */
export async function checkPrivateFile(file: string): Promise<boolean> {
  let info;
  try {
    info = await lstat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw ioError('inspect', file, error);
  }
  if (!info.isFile()) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_INSECURE_PERMISSIONS',
      `${file} is not a regular file (a link or a folder); replace it with the real file`,
      { file },
    );
  }
  if (!enforcesModes()) return true;
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_INSECURE_PERMISSIONS',
      `${file} belongs to another user; credentials must be in files of your own`,
      { file },
    );
  }
  if ((info.mode & 0o077) !== 0) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_INSECURE_PERMISSIONS',
      `${file} can be read or changed by other users (mode ${modeText(info.mode)}); run chmod 600 on it`,
      { file },
    );
  }
  return true;
}

/** The name prefix of the temporary files written next to `file`. */
export function temporaryPrefix(file: string): string {
  return `.${basename(file)}.`;
}

/**
 * Writes a file atomically with mode 0600: a temporary file in the same folder is written,
 * flushed to disk and renamed over the target, then the folder is flushed. Readers see the old
 * file or the new one, never a part of one; a crash leaves at most a temporary file, which
 * readers ignore and the next writer removes ({@link removeTemporaryFiles}).
 */
export async function writePrivateFileAtomically(file: string, data: string): Promise<void> {
  const temporary = join(
    dirname(file),
    `${temporaryPrefix(file)}${String(process.pid)}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeNewFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw ioError('write', file, error);
  }
  await syncDirectory(dirname(file));
}

/**
 * Removes the temporary files that a writer which crashed left next to `file`. Call it only
 * while holding the store's lock, when no other writer can be writing one.
 */
export async function removeTemporaryFiles(file: string): Promise<void> {
  const prefix = temporaryPrefix(file);
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
      .map((name) => rm(join(dirname(file), name), { force: true })),
  );
}

/**
 * Reads the key file.
 *
 * @returns The key, or `undefined` when the file does not exist.
 * @throws {@link CredentialError} `PQSDK_CREDENTIALS_KEY_INVALID` when it does not hold a
 * 32-byte key in base64, or `PQSDK_CREDENTIALS_INSECURE_PERMISSIONS`.
 */
export async function readKeyFile(keyFile: string): Promise<Uint8Array | undefined> {
  if (!(await checkPrivateFile(keyFile))) return undefined;
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw ioError('read', keyFile, error);
  }
  const encoded = text.trim();
  const key = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/u.test(encoded) || key.length !== KEY_BYTES) {
    throw new CredentialError(
      'PQSDK_CREDENTIALS_KEY_INVALID',
      `the key file ${keyFile} does not hold a ${String(KEY_BYTES)}-byte key in base64; restore it from a backup`,
      { file: keyFile },
    );
  }
  return key;
}

/**
 * Creates a key file with a new random key, mode 0600, without ever replacing an existing one
 * (the key is written to a temporary file that is then hard-linked to the key's name, which fails
 * if the name exists). When another writer created the key first, that key is returned.
 */
export async function createKeyFile(keyFile: string): Promise<Uint8Array> {
  await ensurePrivateDirectory(dirname(keyFile));
  const key = randomBytes(KEY_BYTES);
  const temporary = join(
    dirname(keyFile),
    `${temporaryPrefix(keyFile)}${String(process.pid)}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeNewFile(temporary, `${key.toString('base64')}\n`);
    try {
      await link(temporary, keyFile);
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && NO_HARD_LINKS.has(code)) {
        await writeNewFile(keyFile, `${key.toString('base64')}\n`);
      } else {
        if (code !== 'EEXIST') throw error;
        const existing = await readKeyFile(keyFile);
        if (existing !== undefined) return existing;
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    throw ioError('create the key file', keyFile, error);
  } finally {
    await rm(temporary, { force: true });
  }
  await syncDirectory(dirname(keyFile));
  return key;
}

/** Errors of a file system without hard links. */
const NO_HARD_LINKS: ReadonlySet<string> = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Writes a file that must not exist yet (`wx`), mode 0600, and flushes it. */
async function writeNewFile(file: string, data: string): Promise<void> {
  const handle = await open(file, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot flush a folder; the rename is still atomic.
  }
}

function modeText(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PackagerError } from './errors.js';
import { makeDirectories } from './make-directories.js';

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder (created if
 * missing), are flushed to disk, and the temporary file is then renamed over the target. Readers
 * see the old file or the new one, never a part of it, and a failure leaves no temporary file.
 * The temporary name starts with a dot, so a connector build never packages one.
 *
 * @throws {@link PackagerError} `PQSDK_BUILD_WRITE_FAILED` when the folder or file cannot be
 * written.
 */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  const directory = dirname(path);
  const temporary = join(
    directory,
    `.${basename(path)}.${String(process.pid)}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    makeDirectories(directory);
    const descriptor = openSync(temporary, 'wx');
    try {
      writeFileSync(descriptor, data);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new PackagerError('PQSDK_BUILD_WRITE_FAILED', `cannot write ${path}: ${reason}`, {
      cause: error,
    });
  }
}

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MockError } from './errors.js';

/**
 * Writes a file atomically: the text goes to a temporary file in the same folder (created if
 * missing), is flushed, and the temporary file is renamed over the target. A reader sees the old
 * file or the new one, never part of one, and a failure leaves no temporary file. The temporary
 * name starts with a dot and ends in `.tmp`, so a fixture folder being loaded never picks it up.
 *
 * @throws {@link MockError} `PQSDK_MOCK_WRITE_FAILED` when the folder or file cannot be written.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const temporary = join(
    folder,
    `.${basename(path)}.${String(process.pid)}-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await mkdir(folder, { recursive: true });
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new MockError(
      'PQSDK_MOCK_WRITE_FAILED',
      `${path}: cannot write the recorded fixture (${(error as Error).message}); check the --record folder`,
      { file: path, cause: error },
    );
  }
}

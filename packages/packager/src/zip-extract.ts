import { closeSync, openSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ZipError } from './errors.js';
import { makeDirectories } from './make-directories.js';
import { quoteEntryName } from './zip-entry-name.js';
import { readZip, type ReadZipOptions, type ZipArchive } from './zip-reader.js';

/** What {@link extractZip} wrote. */
export interface ExtractResult {
  /** The real, absolute path of the target folder. */
  readonly target: string;
  /** The absolute paths of the files written, in the order of the archive. */
  readonly files: readonly string[];
}

/**
 * Extracts an archive under a target folder, safely. The archive is first read through `readZip`
 * (so every unsafe name, bomb or damage is refused before anything is written); then:
 *
 * - the target must not exist or be an empty folder, so nothing already in it (a symbolic link,
 *   say) can redirect a write; it is created if missing;
 * - every path is resolved and checked to lie inside the target before it is written;
 * - files are created exclusively (`wx`): nothing is overwritten or followed.
 *
 * @param source - The archive bytes, or an archive already read by `readZip`.
 * @param targetDir - The folder to extract into.
 * @param options - Limits for reading the archive.
 * @throws {@link ZipError} for a refused archive, or `PQSDK_ZIP_EXTRACT_TARGET` when the target is
 * not an empty folder or a path would leave it.
 *
 * @example
 * ```ts
 * extractZip(readFileSync('HelloWorld.mez'), 'out/HelloWorld');
 * ```
 */
export function extractZip(
  source: Uint8Array | ZipArchive,
  targetDir: string,
  options: ReadZipOptions = {},
): ExtractResult {
  const archive = source instanceof Uint8Array ? readZip(source, options) : source;
  const target = prepareTarget(targetDir);
  const files: string[] = [];
  for (const folder of archive.folders) {
    const path = insideTarget(target, folder);
    writing(path, () => makeDirectories(path));
  }
  for (const entry of archive.entries) {
    const path = insideTarget(target, entry.name);
    writing(path, () => {
      makeDirectories(dirname(path));
      const descriptor = openSync(path, 'wx');
      try {
        writeFileSync(descriptor, entry.data);
      } finally {
        closeSync(descriptor);
      }
    });
    files.push(path);
  }
  return { target, files };
}

function writing(path: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new ZipError(
      'PQSDK_ZIP_EXTRACT_TARGET',
      `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

function prepareTarget(targetDir: string): string {
  const absolute = resolve(targetDir);
  try {
    makeDirectories(absolute);
    const real = realpathSync(absolute);
    if (readdirSync(real).length > 0) {
      throw new ZipError(
        'PQSDK_ZIP_EXTRACT_TARGET',
        `cannot extract into ${targetDir}: the folder is not empty; extract into a new folder`,
      );
    }
    return real;
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(
      'PQSDK_ZIP_EXTRACT_TARGET',
      `cannot extract into ${targetDir}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

function insideTarget(target: string, name: string): string {
  const path = resolve(target, ...name.split('/').filter((segment) => segment !== ''));
  const within = relative(target, path);
  if (within === '' || within.startsWith(`..${sep}`) || within === '..' || isAbsolute(within)) {
    throw new ZipError(
      'PQSDK_ZIP_EXTRACT_TARGET',
      `entry ${quoteEntryName(name)} would be written outside ${target}; nothing more is extracted`,
      { entry: name },
    );
  }
  return join(target, within);
}

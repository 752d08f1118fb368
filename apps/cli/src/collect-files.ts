import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathError } from './path-error.js';
import { UsageError } from './usage-error.js';

/** The file name endings of M source files found in directories (compared case-insensitively). */
export const M_FILE_EXTENSIONS: readonly string[] = ['.pq', '.pqm', '.m'];

/** A file to read. */
export interface CollectedFile {
  /** The absolute path. */
  readonly path: string;
  /** The path as the user gave it, or joined onto a directory they gave, with `/` separators. */
  readonly displayPath: string;
}

/** Options of {@link collectFiles}. */
export interface CollectFilesOptions {
  /** The directory relative paths are resolved from. */
  readonly cwd: string;
  /** Called each time a file is found, with the count so far (for progress). */
  readonly onFile?: (count: number) => void;
}

/**
 * Expands the paths of a command line into the files to read, in a stable order.
 *
 * - A file is taken whatever its name.
 * - A directory is searched recursively for M files ({@link M_FILE_EXTENSIONS}), skipping
 *   `node_modules` and directories whose name starts with `.`. Entries are visited in order of
 *   their names (by UTF-16 code units, so the order is the same on every machine and locale).
 * - A file reached twice is listed once, where it was first found.
 *
 * @throws {@link UsageError} when a path does not exist, cannot be read, or is neither a file nor
 * a directory.
 */
export function collectFiles(
  paths: readonly string[],
  options: CollectFilesOptions,
): CollectedFile[] {
  const files: CollectedFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, displayPath: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, displayPath });
    options.onFile?.(files.length);
  };
  const visitedDirectories = new Set<string>();

  const walk = (directory: string, displayDirectory: string): void => {
    let entries: Dirent[];
    let real: string;
    try {
      real = realpathSync(directory);
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      throw pathError(error, displayDirectory);
    }
    // A symbolic link back up the tree would otherwise be walked forever.
    if (visitedDirectories.has(real)) return;
    visitedDirectories.add(real);
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const displayPath = joinDisplay(displayDirectory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // A dangling link names nothing to read.
        }
      }
      if (isDirectory) {
        if (!isSkippedDirectory(entry.name)) walk(path, displayPath);
      } else if (isFile && isMFileName(entry.name)) {
        add(path, displayPath);
      }
    }
  };

  for (const given of paths) {
    const path = resolve(options.cwd, given);
    const displayPath = toDisplayPath(given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw pathError(error, displayPath);
    }
    if (stats.isDirectory()) {
      walk(path, displayPath);
    } else if (stats.isFile()) {
      add(path, displayPath);
    } else {
      throw new UsageError('PQSDK_UNREADABLE_PATH', `not a file or directory: ${displayPath}`);
    }
  }
  return files;
}

/** True for a file name that ends with one of {@link M_FILE_EXTENSIONS}, in any case. */
export function isMFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return M_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function isSkippedDirectory(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function compareNames(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

function toDisplayPath(path: string): string {
  return sep === '\\' ? path.replaceAll('\\', '/') : path;
}

function joinDisplay(directory: string, name: string): string {
  return toDisplayPath(join(directory, name));
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The extensions of M source files: connectors (`.pq`), modules (`.pqm`) and plain M (`.m`). */
export const M_FILE_EXTENSIONS: readonly string[] = ['.pq', '.pqm', '.m'];

/** Folders that never hold M sources of interest. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.nx', 'dist']);

/** An M source file, read as text. */
export interface MFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the folder it was found under, with `/` separators. */
  readonly name: string;
  /** The text as stored, including a leading byte-order mark if there is one. */
  readonly text: string;
}

/**
 * Finds the workspace root (the folder with `pnpm-workspace.yaml`) from a module's URL, so the
 * benchmarks work from `src/` and from `dist/` alike.
 */
export function findRepoRoot(moduleUrl: string): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(folder, 'pnpm-workspace.yaml'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) {
      throw new Error(
        `cannot find the workspace root (no pnpm-workspace.yaml above ${fileURLToPath(moduleUrl)})`,
      );
    }
    folder = parent;
  }
}

/**
 * Every `.pq`, `.pqm` and `.m` file under `root`, in a stable order (sorted by relative path).
 * Returns an empty list when `root` does not exist.
 */
export function listMFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && M_FILE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        found.push(path);
      }
    }
  }
  return found
    .map((path) => ({ path, key: relative(root, path).split(sep).join('/') }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((file) => file.path);
}

/** Reads the M files under `root` (see {@link listMFiles}); names are relative to `base`. */
export function readMFiles(root: string, base: string = root): MFile[] {
  return listMFiles(root).map((path) => ({
    path,
    name: relative(base, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}

/** UTF-8 size of a text, in bytes. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The number of lines of a text (a final line without a line break counts). */
export function countLines(text: string): number {
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lines++;
  }
  return text.endsWith('\n') ? lines - 1 : lines;
}

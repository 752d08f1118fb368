import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates a folder and the missing folders above it, like `mkdir -p`, and returns the first
 * folder it created (or `undefined` when the folder existed). Each level is created on its own,
 * so a path that cannot exist fails with the system's error (`ENOENT`, `EACCES`, `ENOTDIR`)
 * instead of hanging: Node's `mkdir` with `recursive: true` never returns for a path under
 * `/proc` or `/sys` on Linux.
 *
 * @param mode - The mode of the folders created (before the umask). Default `0o777`.
 * @throws The system error of the first level that cannot be created.
 *
 * @example
 * ```ts
 * makeDirectories('out/bin/AnyCPU/Debug');
 * ```
 */
export function makeDirectories(path: string, mode = 0o777): string | undefined {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      if (statSync(current).isDirectory()) break;
      // A file where a folder should be: let mkdir report it (EEXIST / ENOTDIR).
      mkdirSync(current, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  let first: string | undefined;
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode });
    } catch (error) {
      // Made meanwhile by someone else: that is what was asked for.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder).isDirectory()) {
        continue;
      }
      throw error;
    }
    first ??= folder;
  }
  return first;
}

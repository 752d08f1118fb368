import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  fileRole,
  PACKAGED_ROLES,
  type ConnectorFile,
  type ProjectFileRole,
} from './connector-files.js';
import { PackagerError } from './errors.js';

/** A file in the top folder of a connector project. */
export interface ProjectFile {
  /** Its name, which is also its name in the package. */
  readonly name: string;
  /** Its absolute path. */
  readonly path: string;
  readonly role: ProjectFileRole;
}

/** The files of a connector project, sorted by name (code units), by what happens to them. */
export interface ProjectFiles {
  /** The files that go into the `.mez`: the section document, modules, icons and resources. */
  readonly packaged: readonly ProjectFile[];
  /** Files that are never packaged: queries, test settings and dotfiles. */
  readonly excluded: readonly ProjectFile[];
  /** Any other file (`README.md`, `*.proj`, …): ignored, and listed so that a tool can say so. */
  readonly ignored: readonly ProjectFile[];
}

/**
 * Lists the files of a connector project: the files of its top folder (as in the Power Query SDK's
 * project layout), sorted by name. Sub-folders, such as `bin/`, `obj/` and `.vscode/`, are never
 * part of a package. Symbolic links count as what they point to.
 *
 * @throws {@link PackagerError} `PQSDK_BUILD_NOT_A_DIRECTORY` when the folder cannot be read.
 */
export function listProjectFiles(projectDir: string): ProjectFiles {
  const root = resolve(projectDir);
  let entries: Dirent[];
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch (error) {
    throw new PackagerError(
      'PQSDK_BUILD_NOT_A_DIRECTORY',
      `cannot read the project folder ${projectDir}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const packaged: ProjectFile[] = [];
  const excluded: ProjectFile[] = [];
  const ignored: ProjectFile[] = [];
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (!isFile(entry, path)) continue;
    const file: ProjectFile = { name: entry.name, path, role: fileRole(entry.name) };
    if (PACKAGED_ROLES.has(file.role)) packaged.push(file);
    else if (file.role === 'other') ignored.push(file);
    else excluded.push(file);
  }
  return { packaged, excluded, ignored };
}

/**
 * Reads project files into memory.
 *
 * @throws {@link PackagerError} `PQSDK_BUILD_READ_FAILED` when one cannot be read.
 */
export function readProjectFiles(files: readonly ProjectFile[]): ConnectorFile[] {
  return files.map((file) => {
    try {
      return { name: file.name, data: new Uint8Array(readFileSync(file.path)) };
    } catch (error) {
      throw new PackagerError(
        'PQSDK_BUILD_READ_FAILED',
        `cannot read ${file.path}: ${error instanceof Error ? error.message : String(error)}`,
        { entry: file.name, cause: error },
      );
    }
  });
}

function isFile(entry: Dirent, path: string): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { BuildProblem } from './build-problem.js';
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
  /**
   * The `<MezContent>` items of the project's `.proj` files that name no file that can be
   * packaged (the SDK's MSBuild build fails on them too).
   */
  readonly problems: readonly BuildProblem[];
}

/**
 * Lists the files of a connector project: the files of its top folder (as in the Power Query SDK's
 * project layout), sorted by name. Sub-folders, such as `bin/`, `obj/` and `.vscode/`, are never
 * part of a package. Symbolic links count as what they point to.
 *
 * A `*.proj` file in the top folder (the MSBuild project of the older SDK and of the
 * DataConnectors samples) may list more files as `<MezContent Include="…"/>`: each one that is
 * not already packaged goes into the package under its file name, with the role `content`, as
 * the project's `Copy` to a flat folder does. `$(MSBuildProjectName)` stands for the `.proj`
 * file's name; `;` separates several items; `*` and `?` match within one folder. An item that
 * matches no file, leaves the project folder, or would be packaged under the name of another
 * file is a problem of the result.
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
  const problems: BuildProblem[] = [];
  for (const project of ignored.filter((file) => /\.proj$/i.test(file.name))) {
    for (const item of mezContentItems(project)) {
      const matched = matchContent(root, item.include);
      if (typeof matched === 'string') {
        problems.push(contentProblem(project, item, matched));
        continue;
      }
      for (const path of matched) {
        const name = basename(path);
        const known = [...packaged, ...excluded].find((file) => file.name === name);
        if (known !== undefined) {
          if (known.path !== path) {
            problems.push(
              contentProblem(
                project,
                item,
                `it would be packaged as ${name}, the name of another file`,
              ),
            );
          }
          continue;
        }
        const index = ignored.findIndex((file) => file.path === path);
        if (index >= 0) ignored.splice(index, 1);
        packaged.push({
          name,
          path,
          role: fileRole(name) === 'other' ? 'content' : fileRole(name),
        });
      }
    }
  }
  packaged.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { packaged, excluded, ignored, problems };
}

/** One `<MezContent Include="…">` value, with its place in the `.proj`. */
interface MezContentItem {
  readonly include: string;
  readonly line: number;
  readonly column: number;
}

/** The `<MezContent Include="…">` items of a `.proj`, properties replaced, split on `;`. */
function mezContentItems(project: ProjectFile): MezContentItem[] {
  let text: string;
  try {
    text = readFileSync(project.path, 'utf8');
  } catch {
    return [];
  }
  const projectName = project.name.replace(/\.proj$/i, '');
  const items: MezContentItem[] = [];
  for (const element of text.matchAll(/<MezContent\b([^>]*)>/g)) {
    const attribute = /\sInclude\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(element[1] ?? '');
    if (attribute === null) continue;
    const before = text.slice(0, element.index);
    const line = before.split('\n').length;
    const column = element.index - before.lastIndexOf('\n');
    const value = unescapeXml(attribute[1] ?? attribute[2] ?? '')
      .replace(/\$\(MSBuildProjectName\)/gi, projectName)
      .replace(/\$\(MSBuildProjectDirectory\)[\\/]?/gi, '');
    for (const include of value.split(';')) {
      const trimmed = include.trim();
      if (trimmed !== '') items.push({ include: trimmed, line, column });
    }
  }
  return items;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => XML_ENTITIES[name] ?? '');
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  amp: '&',
};

/**
 * The files an item names, as absolute paths; or why it names none. Wildcards (`*`, `?`) match
 * in the last segment only.
 */
function matchContent(root: string, include: string): string[] | string {
  if (include.includes('$(')) return 'it uses an MSBuild property pqsdk does not know';
  const path = resolve(root, include.replace(/\\/g, '/'));
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) {
    return 'it names a file outside the project folder';
  }
  const name = basename(path);
  if (!/[*?]/.test(name)) {
    return isFileAt(path) ? [path] : 'no such file';
  }
  const folder = resolve(path, '..');
  if (/[*?]/.test(relative(root, folder))) return 'wildcards only work in the file name';
  const pattern = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return 'no such folder';
  }
  const found = names.filter((entry) => pattern.test(entry)).map((entry) => join(folder, entry));
  const files = found.filter(isFileAt);
  return files.length > 0 ? files : 'no file matches';
}

function isFileAt(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function contentProblem(project: ProjectFile, item: MezContentItem, why: string): BuildProblem {
  return {
    code: 'PQSDK_BUILD_BAD_MEZ_CONTENT',
    message: `<MezContent Include="${item.include}"> cannot be packaged: ${why}`,
    file: project.name,
    line: item.line,
    column: item.column,
  };
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

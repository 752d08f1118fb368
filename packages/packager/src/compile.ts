import { basename, join, resolve } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { BuildProblem } from './build-problem.js';
import { PackagerError } from './errors.js';
import { writeMez } from './mez.js';
import { listProjectFiles, readProjectFiles } from './project-files.js';
import { validateConnectorFiles } from './validate-connector.js';
import type { WriteZipOptions } from './zip-writer.js';

/** Options of {@link compileConnector}. */
export interface CompileOptions extends WriteZipOptions {
  /**
   * The name of the output file, with or without `.mez`. Default: the name of the project folder,
   * as the Power Query SDK does.
   */
  readonly target?: string;
  /** The folder to write to (created if missing). Default: `<projectDir>/bin/AnyCPU/Debug`. */
  readonly outDir?: string;
}

/** A file of a connector and its size in bytes. */
export interface PackagedFile {
  readonly name: string;
  readonly size: number;
}

/** What {@link compileConnector} did. */
export type CompileResult =
  | {
      readonly ok: true;
      /** The absolute path of the `.mez` written. */
      readonly outputPath: string;
      /** Its size in bytes. */
      readonly bytes: number;
      /** The files packaged, sorted by name. */
      readonly files: readonly PackagedFile[];
      /** The project files that were ignored because they are not part of a connector. */
      readonly ignored: readonly string[];
    }
  | {
      readonly ok: false;
      /** Every problem found, ordered by file and position; nothing was written. */
      readonly problems: readonly BuildProblem[];
      readonly files: readonly PackagedFile[];
      readonly ignored: readonly string[];
    };

/**
 * Builds a connector project into a `.mez`, like the Power Query SDK's build (`MakePQX compile`).
 *
 * 1. Lists the project's files (`listProjectFiles`): the section document (`*.pq` or `*.m`),
 *    modules (`*.pqm`), icons (`*.png`) and `resources*.resx` are packaged; query files
 *    (`*.query.pq`, `*.parameterquery.pq`), `*.testsettings.json`, dotfiles and sub-folders never
 *    are; any other file is ignored and listed in the result.
 * 2. Validates them all (`validateConnectorFiles`). With any problem, it returns every problem and
 *    writes nothing.
 * 3. Writes the `.mez` reproducibly (`writeMez`) and atomically (`writeFileAtomic`) to
 *    `<outDir>/<target>.mez`.
 *
 * @throws {@link PackagerError} when the project folder or a file cannot be read
 * (`PQSDK_BUILD_NOT_A_DIRECTORY`, `PQSDK_BUILD_READ_FAILED`), the target name is not a file name
 * (`PQSDK_BUILD_BAD_OUTPUT`), or the output cannot be written (`PQSDK_BUILD_WRITE_FAILED`).
 *
 * @example
 * ```ts
 * const result = await compileConnector('examples/HelloWorld');
 * if (result.ok) console.log(result.outputPath);
 * else for (const problem of result.problems) console.log(formatBuildProblem(problem));
 * ```
 */
export async function compileConnector(
  projectDir: string,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const outputPath = mezOutputPath(projectDir, options);
  const project = listProjectFiles(projectDir);
  const files = readProjectFiles(project.packaged);
  const packaged = files.map((file) => ({ name: file.name, size: file.data.length }));
  const ignored = project.ignored.map((file) => file.name);
  const problems = [...project.problems, ...validateConnectorFiles(files)];
  if (problems.length > 0) return { ok: false, problems, files: packaged, ignored };

  const bytes = await writeMez(files, options.date === undefined ? {} : { date: options.date });
  writeFileAtomic(outputPath, bytes);
  return { ok: true, outputPath, bytes: bytes.length, files: packaged, ignored };
}

/**
 * Where {@link compileConnector} writes: `<outDir>/<target>.mez`, by default
 * `<projectDir>/bin/AnyCPU/Debug/<project folder name>.mez`, as an absolute path.
 *
 * @throws {@link PackagerError} `PQSDK_BUILD_BAD_OUTPUT` when the target is not a plain file name.
 */
export function mezOutputPath(
  projectDir: string,
  options: Pick<CompileOptions, 'target' | 'outDir'> = {},
): string {
  const project = resolve(projectDir);
  const target = (options.target ?? basename(project)).replace(/\.mez$/i, '');
  // eslint-disable-next-line no-control-regex -- control characters are refused in file names
  if (target === '' || target === '.' || target === '..' || /[/\\\u0000-\u001f]/.test(target)) {
    throw new PackagerError(
      'PQSDK_BUILD_BAD_OUTPUT',
      `the output name ${JSON.stringify(options.target ?? target)} is not a file name; give a name such as "MyConnector", and the folder separately`,
    );
  }
  const outDir = options.outDir ?? join(project, 'bin', 'AnyCPU', 'Debug');
  return join(resolve(outDir), `${target}.mez`);
}

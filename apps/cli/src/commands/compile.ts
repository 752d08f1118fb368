import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compileConnector, PackagerError } from '@pqsdk/packager';
import type { CliIo } from '../cli-io.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { pathError } from '../path-error.js';
import { readArguments } from '../read-arguments.js';
import { UsageError } from '../usage-error.js';
import { COMPILE_HELP } from './compile-help.js';
import { formatCompileJson, formatCompileReport } from './compile-report.js';

const OPTIONS = {
  target: { type: 'string', short: 't' },
  dest: { type: 'string', short: 'd' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs `pqsdk compile [-t <name>] [-d <folder>] [--json] <project-folder>`: builds the project
 * into a `.mez` with `@pqsdk/packager`, and returns 0 when it was written, 1 when the project has
 * problems (nothing is written) or the output cannot be written.
 *
 * @throws {@link UsageError} for bad arguments, a project folder that does not exist or cannot be
 * read, or a target that is not a file name.
 */
export async function runCompile(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(argv, OPTIONS, 'pqsdk compile --help');
  if (options.help) {
    io.stdout(COMPILE_HELP);
    return EXIT_OK;
  }
  const [project, ...extra] = positionals;
  if (project === undefined) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      'no project folder given; run pqsdk compile --help',
    );
  }
  if (extra.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `give one project folder, not ${String(positionals.length)}; run pqsdk compile --help`,
    );
  }
  if (options.target === '') {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      'option "--target" needs a file name; run pqsdk compile --help',
    );
  }
  const projectPath = resolve(io.cwd, project);
  checkFolder(projectPath, project);

  let result;
  try {
    result = await compileConnector(projectPath, {
      ...(options.target === undefined ? {} : { target: options.target }),
      ...(options.dest === undefined ? {} : { outDir: resolve(io.cwd, options.dest) }),
    });
  } catch (error) {
    if (!(error instanceof PackagerError)) throw error;
    if (error.code === 'PQSDK_BUILD_BAD_OUTPUT') {
      throw new UsageError('PQSDK_BAD_OPTION_VALUE', error.message);
    }
    io.stderr(`pqsdk compile: ${error.message}\n`);
    return EXIT_FAILED;
  }

  const shownProject = sep === '\\' ? project.replaceAll('\\', '/') : project;
  const prefix = shownProject.endsWith('/') ? shownProject : `${shownProject}/`;
  const output = result.ok ? displayPath(result.outputPath, io.cwd) : '';
  io.stdout(
    options.json
      ? formatCompileJson(result, prefix, output)
      : formatCompileReport(result, prefix, output),
  );
  return result.ok ? EXIT_OK : EXIT_FAILED;
}

function checkFolder(path: string, given: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw pathError(error, given);
  }
  if (!isDirectory) {
    throw new UsageError(
      'PQSDK_UNREADABLE_PATH',
      `not a folder: ${given}; give the project folder`,
    );
  }
}

/** A path relative to the working folder when it is inside it, else the absolute path. */
function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  const shown = inside === '' || outside ? path : inside;
  return sep === '\\' ? shown.replaceAll('\\', '/') : shown;
}

import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isRegularIdentifier } from '@pqsdk/m-ast';
import { makeDirectories } from '@pqsdk/packager';
import type { CliIo } from '../cli-io.js';
import { CommandFailure } from '../command-failure.js';
import { EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings, shellQuote } from './pqtest-spellings.js';
import { UsageError } from '../usage-error.js';
import { ICON_SIZES, projectIcon } from './new-icons.js';
import { NEW_HELP } from './new-help.js';
import { connectorDocument, resourceFile, testQuery } from './new-template.js';

const OPTIONS = {
  dest: { type: 'string', short: 'd' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP_COMMAND = 'pqsdk new --help';

/** The files of a new project, by name, in the order they are listed. */
export function projectFiles(name: string): ReadonlyMap<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>([
    [`${name}.pq`, connectorDocument(name)],
    [`${name}.query.pq`, testQuery(name)],
    ['resources.resx', resourceFile(name)],
  ]);
  for (const size of ICON_SIZES) files.set(`${name}${String(size)}.png`, projectIcon(name, size));
  return files;
}

/**
 * Checks a project name: an M regular identifier without dots.
 *
 * @throws {@link UsageError} when it is not one.
 */
export function checkProjectName(name: string): void {
  if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name) || !isRegularIdentifier(name)) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `"${name}" is not a valid connector name: use letters, digits and _, starting with a letter or _, and not an M keyword (such as MyConnector); run ${HELP_COMMAND}`,
    );
  }
}

/**
 * Runs `pqsdk new <Name> [-d <folder>]`: writes a connector project into `<folder>/<Name>`. The
 * files are written into a temporary folder beside it, which is then renamed, so a project is
 * created whole or not at all.
 *
 * @throws {@link UsageError} for a bad name or arguments; `CommandFailure` when the folder exists
 * and is not empty, or cannot be written.
 */
export function runNew(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(NEW_HELP);
    return Promise.resolve(EXIT_OK);
  }
  const [name, ...extra] = positionals;
  if (name === undefined) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      `no project name given, such as pqsdk new MyConnector; run ${HELP_COMMAND}`,
    );
  }
  if (extra.length > 0) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `give one project name, not ${String(positionals.length)}; run ${HELP_COMMAND}`,
    );
  }
  checkProjectName(name);
  const parent = resolve(io.cwd, options.dest ?? '.');
  const folder = join(parent, name);
  const shown = displayPath(folder, io.cwd);
  if (!isEmptyOrMissing(folder)) {
    throw new CommandFailure(`${shown} exists and is not empty; choose another name or folder`);
  }
  const files = projectFiles(name);
  const staging = join(
    parent,
    `.${name}.${String(process.pid)}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    makeDirectories(staging);
    for (const [file, content] of files)
      writeFileSync(join(staging, file), content, { flag: 'wx' });
    renameSync(staging, folder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    throw new CommandFailure(`could not create ${shown}: ${message}`);
  }
  const lines = [...files.keys()].map((file) => `created ${shown}/${file}`);
  const extension = shellQuote(shown);
  const query = shellQuote(`${shown}/${name}.query.pq`);
  io.stdout(
    `${lines.join('\n')}
Next:
  pqsdk set-credential -e ${extension} -q ${query} -ak Anonymous
  pqsdk run-test -e ${extension} -q ${query}
  pqsdk compile ${extension}
`,
  );
  return Promise.resolve(EXIT_OK);
}

function isEmptyOrMissing(folder: string): boolean {
  try {
    return readdirSync(folder).length === 0;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return true;
    if (error instanceof Error && 'code' in error && error.code === 'ENOTDIR') return false;
    throw error;
  }
}

/** A path relative to the working folder when it is inside it, with `/`. */
function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  const outside =
    inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  const shown = outside ? path : inside;
  return sep === '\\' ? shown.replaceAll('\\', '/') : shown;
}

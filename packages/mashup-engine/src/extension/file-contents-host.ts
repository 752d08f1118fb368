/**
 * The host side of `File.Contents` (DESIGN.md §1: the evaluation side does no I/O): a file is
 * read only when it lies under one of the folders of the engine's `fileRoots` setting, after `.`,
 * `..` and symbolic links are resolved.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileReadRequest, FileReadResult } from '../evaluation/protocol.js';

/** The name of the setting, for messages: `MashupEngineOptions.fileRoots`. */
export const FILE_ROOTS_SETTING = 'fileRoots';

/** Whether `path` is `root` itself or lies under it (both absolute and normalized). */
function isUnder(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (!isAbsolute(rest) && rest !== '..' && !rest.startsWith(`..${sep}`));
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

async function realRoots(roots: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const root of roots) {
    try {
      found.push(await realpath(resolve(root)));
    } catch {
      // A root that does not exist allows nothing.
    }
  }
  return found;
}

/**
 * Reads a file for `File.Contents`. The checks, in order: a root is configured; the path is
 * absolute; its lexical form (`.` and `..` resolved) is under a root, so that nothing is revealed
 * about files elsewhere; it exists and is a regular file; its real path (symbolic links resolved)
 * is still under a root's real path.
 */
export async function readAllowedFile(
  roots: readonly string[],
  request: FileReadRequest,
): Promise<FileReadResult> {
  const given = request.path;
  if (roots.length === 0) {
    return {
      ok: false,
      kind: 'noRoots',
      message: `File.Contents cannot read '${given}': reading files is off because the engine's ${FILE_ROOTS_SETTING} setting names no folder. Add the folder that holds the file to ${FILE_ROOTS_SETTING} (MashupEngineOptions.${FILE_ROOTS_SETTING}).`,
    };
  }
  if (!isAbsolute(given)) {
    return {
      ok: false,
      kind: 'notAbsolute',
      message: `File.Contents cannot read '${given}': the path must be absolute.`,
    };
  }
  const lexical = resolve(given);
  const outside: FileReadResult = {
    ok: false,
    kind: 'outsideRoots',
    message: `File.Contents cannot read '${given}': it is not under a folder of the engine's ${FILE_ROOTS_SETTING} setting (${roots.join(', ')}).`,
  };
  const lexicalRoots = roots.map((root) => resolve(root));
  const real = await realRoots(roots);
  if (![...lexicalRoots, ...real].some((root) => isUnder(root, lexical))) return outside;
  let target: string;
  try {
    target = await realpath(lexical);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, kind: 'notFound', message: `Could not find file '${lexical}'.` };
    }
    return {
      ok: false,
      kind: 'failed',
      message: `File.Contents cannot read '${lexical}': ${code ?? String(error)}.`,
    };
  }
  if (!real.some((root) => isUnder(root, target))) return outside;
  try {
    const info = await stat(target);
    if (!info.isFile()) {
      return {
        ok: false,
        kind: 'notAFile',
        message: `File.Contents cannot read '${lexical}': it is not a file.`,
      };
    }
    const bytes = await readFile(target);
    return {
      ok: true,
      // A copy with its own buffer: structured clone sends a view's whole buffer.
      bytes: new Uint8Array(bytes),
      path: lexical,
    };
  } catch (error) {
    return {
      ok: false,
      kind: 'failed',
      message: `File.Contents cannot read '${lexical}': ${errorCode(error) ?? String(error)}.`,
    };
  }
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * Transpiles modules of `src/` (type annotations removed, nothing else changed) into a fresh
 * folder under `out-tsc/`, inside the package, so that their imports of npm packages (jszip)
 * resolve as they do for the sources. A child `node` process can then import them without any
 * TypeScript loader. Returns the folder; {@link removeTranspiled} deletes it.
 */
export function transpileSources(names: readonly string[]): string {
  const parent = join(PACKAGE_DIR, 'out-tsc');
  mkdirSync(parent, { recursive: true });
  const directory = mkdtempSync(join(parent, 'child-'));
  for (const name of names) {
    const source = readFileSync(join(PACKAGE_DIR, 'src', name), 'utf8');
    const output = ts.transpileModule(source, {
      fileName: name,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    writeFileSync(join(directory, basename(name).replace(/\.ts$/, '.js')), output.outputText);
  }
  return directory;
}

/** Deletes a folder made by {@link transpileSources}. */
export function removeTranspiled(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
}

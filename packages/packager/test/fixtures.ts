import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example connector projects of the repository, by folder name. */
export const EXAMPLES = [
  'HelloWorld',
  'RestApi',
  'OAuthPkce',
  'ODataFeed',
  'TableViewFolding',
] as const;

/** The absolute path of the repository's `examples/` folder. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** The absolute path of an example project. */
export function examplePath(name: string): string {
  return join(EXAMPLES_DIR, name);
}

/** The names of the files in the top folder of an example project, sorted. */
export function exampleFileNames(name: string): string[] {
  return readdirSync(examplePath(name), { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
}

const created: string[] = [];

/**
 * Creates a temporary folder holding `files` (paths with `/`, created with their folders) and
 * returns its path. {@link removeTempDirectories} removes it.
 */
export function makeTempDirectory(
  files: Readonly<Record<string, string | Uint8Array>> = {},
): string {
  const root = mkdtempSync(join(tmpdir(), 'pqsdk-packager-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** Removes every folder {@link makeTempDirectory} created. */
export function removeTempDirectories(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** UTF-8 bytes of a text. */
export function text(value: string): Uint8Array {
  return new TextEncoder().encode(value);
}

/** A minimal `resources.resx` holding the given strings. */
export function resx(strings: Readonly<Record<string, string>>): string {
  const data = Object.entries(strings)
    .map(
      ([name, value]) =>
        `  <data name="${name}" xml:space="preserve">\n    <value>${value}</value>\n  </data>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<root>\n${data}\n</root>\n`;
}

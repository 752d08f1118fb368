import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, from this file's place in it. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The folders of M the project writes itself: the example connectors and the parser's fixtures. */
export const CORPUS_DIRECTORIES = [
  join(REPO_ROOT, 'examples'),
  join(REPO_ROOT, 'packages', 'm-parser', 'test', 'fixtures', 'valid'),
];

/** One M file of the corpus. */
export interface CorpusFile {
  /** Path relative to the repository root, with forward slashes. */
  readonly name: string;
  readonly text: string;
}

function collect(directory: string, into: string[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) collect(path, into);
    else if (/\.(pq|pqm|m)$/i.test(entry.name)) into.push(path);
  }
}

let cached: CorpusFile[] | undefined;

/** Every `.pq`, `.pqm` and `.m` file of the corpus, read once. */
export function corpusFiles(): CorpusFile[] {
  if (cached !== undefined) return cached;
  const paths: string[] = [];
  for (const directory of CORPUS_DIRECTORIES) collect(directory, paths);
  cached = paths.map((path) => ({
    name: relative(REPO_ROOT, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));
  return cached;
}

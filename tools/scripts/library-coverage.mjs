#!/usr/bin/env node
/**
 * Compares the standard library of @pqsdk/m-evaluator with the Power Query M function reference:
 * for each namespace, how many documented functions and constants the evaluator defines, and which
 * are missing.
 *
 *   node tools/scripts/library-coverage.mjs <query-docs checkout> [Namespace…]
 *
 * The reference is read from a checkout of MicrosoftDocs/query-docs (one page per library name,
 * `query-languages/m/<namespace>-<name>.md`, whose `title:` is the name). Build the evaluator first
 * (`npx tsc -b packages/m-evaluator/tsconfig.lib.json`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [docsRoot, ...namespaces] = process.argv.slice(2);
if (docsRoot === undefined) {
  process.stderr.write('usage: library-coverage.mjs <query-docs checkout> [Namespace…]\n');
  process.exit(2);
}

const evaluator = await import(
  pathToFileURL(join(import.meta.dirname, '../../packages/m-evaluator/dist/index.js')).href
);
const defined = new Set(evaluator.STANDARD_LIBRARY.map((entry) => entry.name));

const folder = join(docsRoot, 'query-languages/m');
const documented = new Map();
for (const file of readdirSync(folder)) {
  if (!file.endsWith('.md')) continue;
  const title = /^title:\s*"?([A-Za-z0-9#.]+)"?\s*$/m.exec(
    readFileSync(join(folder, file), 'utf8'),
  );
  const name = title?.[1];
  if (name === undefined || !/^[A-Z#][A-Za-z0-9]*\.[A-Z][A-Za-z0-9.]*$/.test(name)) continue;
  const namespace = name.slice(0, name.indexOf('.'));
  if (!documented.has(namespace)) documented.set(namespace, new Set());
  documented.get(namespace).add(name);
}

const wanted = namespaces.length > 0 ? namespaces : [...documented.keys()].sort();
let totalDocumented = 0;
let totalDefined = 0;
const rows = [];
for (const namespace of wanted) {
  const names = [...(documented.get(namespace) ?? [])].sort();
  const missing = names.filter((name) => !defined.has(name));
  totalDocumented += names.length;
  totalDefined += names.length - missing.length;
  rows.push(
    `| ${namespace} | ${String(names.length - missing.length)} / ${String(names.length)} | ${missing.join(', ')} |`,
  );
}
process.stdout.write('| namespace | defined / documented | missing |\n|---|---|---|\n');
process.stdout.write(`${rows.join('\n')}\n`);
process.stdout.write(`| **all** | ${String(totalDefined)} / ${String(totalDocumented)} | |\n`);

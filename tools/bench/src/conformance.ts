/**
 * Conformance against real connectors: parses every `.pq`, `.pqm` and `.m` file under a folder
 * with our parser and with `@microsoft/powerquery-parser`, and fails when the reference accepts a
 * file that we reject. Run `node dist/conformance.js --help`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchUsageError, benchArgs, readCommandLine } from './bench-cli.js';
import { listMFiles } from './m-files.js';
import { ourVerdict, type OurVerdict } from './ours.js';
import { referenceName, referenceVerdict, type ReferenceVerdict } from './reference-parser.js';

const USAGE = `Usage: node dist/conformance.js --dir <path> [--json]

Parses every .pq, .pqm and .m file under <path> (under <path>/samples when that exists, as in a
checkout of microsoft/DataConnectors) with our parser and with @microsoft/powerquery-parser.

Options:
  --dir <path>    the folder to walk (or give it as the only positional argument)
  --json          print one JSON object instead of one line per file
  -h, --help      show this help

Example:
  pnpm --filter @pqsdk/bench conformance -- --dir ~/src/DataConnectors

Exit codes: 0 we accept every file the reference accepts, 1 we reject a file that the reference
accepts, 2 bad arguments or no M files.`;

interface FileResult {
  readonly path: string;
  readonly reference: ReferenceVerdict;
  readonly ours: OurVerdict;
}

function readOptions(argv: readonly string[]): { dir: string; json: boolean } | 'help' {
  const { values, positionals } = parseArgs({
    args: benchArgs(argv),
    options: {
      dir: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  const dir = values.dir ?? (positionals.length === 1 ? positionals[0] : undefined);
  if (dir === undefined || positionals.length > (values.dir === undefined ? 1 : 0)) {
    throw new BenchUsageError('give one folder: --dir <path> (see --help)');
  }
  return { dir, json: values.json };
}

/** The folder to walk: `<dir>/samples` when it exists (a DataConnectors checkout), else `<dir>`. */
function folderToWalk(dir: string): string {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new BenchUsageError(`${dir} is not a folder`);
  }
  const samples = join(root, 'samples');
  return existsSync(samples) && statSync(samples).isDirectory() ? samples : root;
}

function verdictCell(name: string, ok: boolean): string {
  return `${name} ${ok ? 'ok  ' : 'FAIL'}`;
}

function fileLine(result: FileResult): string {
  const cells = `${verdictCell('ref', result.reference.ok)}  ${verdictCell('ours', result.ours.ok)}  ${result.path}`;
  const notes: string[] = [];
  if (!result.ours.ok && result.ours.firstDiagnostic !== undefined) {
    const more =
      result.ours.diagnosticCount > 1 ? ` (+${String(result.ours.diagnosticCount - 1)} more)` : '';
    notes.push(`ours: ${result.ours.firstDiagnostic}${more}`);
  }
  if (!result.reference.ok) notes.push(`reference: ${result.reference.message ?? 'rejected'}`);
  return notes.length === 0 ? cells : `${cells}\n      ${notes.join('\n      ')}`;
}

interface Summary {
  readonly files: number;
  readonly acceptedByReference: number;
  readonly acceptedByOurs: number;
  readonly acceptedByReferenceRejectedByOurs: number;
  readonly rejectedByReferenceAcceptedByOurs: number;
  readonly rejectedByBoth: number;
}

function summarize(results: readonly FileResult[]): Summary {
  const count = (test: (result: FileResult) => boolean): number => results.filter(test).length;
  return {
    files: results.length,
    acceptedByReference: count((r) => r.reference.ok),
    acceptedByOurs: count((r) => r.ours.ok),
    acceptedByReferenceRejectedByOurs: count((r) => r.reference.ok && !r.ours.ok),
    rejectedByReferenceAcceptedByOurs: count((r) => !r.reference.ok && r.ours.ok),
    rejectedByBoth: count((r) => !r.reference.ok && !r.ours.ok),
  };
}

function renderSummary(folder: string, results: readonly FileResult[], summary: Summary): string {
  const lines = [
    '',
    `folder:                                        ${folder}`,
    `reference:                                     ${referenceName()} (BOM stripped for it)`,
    `files (.pq, .pqm, .m):                         ${String(summary.files)}`,
    `accepted by the reference:                     ${String(summary.acceptedByReference)}`,
    `accepted by ours:                              ${String(summary.acceptedByOurs)}`,
    `accepted by the reference, rejected by ours:   ${String(summary.acceptedByReferenceRejectedByOurs)}`,
  ];
  for (const result of results) {
    if (result.reference.ok && !result.ours.ok) {
      lines.push(`  - ${result.path}: ${result.ours.firstDiagnostic ?? 'rejected'}`);
    }
  }
  lines.push(
    `rejected by the reference, accepted by ours:   ${String(summary.rejectedByReferenceAcceptedByOurs)}`,
  );
  for (const result of results) {
    if (!result.reference.ok && result.ours.ok) {
      lines.push(`  - ${result.path}: ${result.reference.message ?? 'rejected'}`);
    }
  }
  lines.push(
    `rejected by both:                              ${String(summary.rejectedByBoth)}`,
    `result:                                        ${summary.acceptedByReferenceRejectedByOurs === 0 ? 'pass' : 'FAIL'}`,
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  const command = readCommandLine('conformance', USAGE, () => {
    const read = readOptions(process.argv.slice(2));
    if (read === 'help') return read;
    const folder = folderToWalk(read.dir);
    const paths = listMFiles(folder);
    if (paths.length === 0) throw new BenchUsageError(`no .pq, .pqm or .m files under ${folder}`);
    return { options: read, folder, paths };
  });
  if (typeof command === 'number') return command;
  const { options, folder, paths } = command;

  const results: FileResult[] = [];
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const result: FileResult = {
      path: relative(folder, path).split(sep).join('/'),
      reference: await referenceVerdict(text),
      ours: ourVerdict(text),
    };
    results.push(result);
    if (!options.json) process.stdout.write(`${fileLine(result)}\n`);
  }

  const summary = summarize(results);
  const pass = summary.acceptedByReferenceRejectedByOurs === 0;
  if (options.json) {
    const output = { folder, reference: referenceName(), summary, pass, files: results };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    process.stdout.write(renderSummary(folder, results, summary));
  }
  return pass ? 0 : 1;
}

process.exitCode = await main();

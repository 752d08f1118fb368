/**
 * The CLI cold-start benchmark (ARCHITECTURE.md §7, "tools: the wall time of the whole pqsdk
 * process, cold"): `pqsdk run-test` of the HelloWorld example, each run a new process, against
 * Node's own start-up (`node -e ""`) in the same run. Run `node dist/cli-bench.js --help`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { progress, readCommandLine, readRunsOptions } from './bench-cli.js';
import {
  type CliBenchReport,
  cliBenchJson,
  meetsTarget,
  type Phases,
  renderCliBench,
  SUBJECTS,
  type Subject,
  TARGET_MILLISECONDS,
} from './cli-bench-report.js';
import { findRepoRoot } from './m-files.js';
import { machineInfo } from './stats.js';

const USAGE = `Usage: node dist/cli-bench.js [options]

Times a cold "pqsdk run-test" of the HelloWorld example (its HelloWorld.query.pq, with an
Anonymous credential set first, untimed): the wall time of the whole process, from its start to
its exit, each run a new process. Three processes, interleaved run by run:
  anchor   node -e ""                                  (Node's own start-up)
  built    node apps/cli/dist/main.js run-test …        (the CLI as tsc builds it, unbundled)
  bundled  node apps/cli/dist/bundle/bin/pqsdk.js …     (the pqsdk bin: the same code bundled by
                                                         tools/scripts/bundle-cli.mjs)
Then, to show where the time goes, the phases of the same work in a fresh process: loading the
engine, opening the connector (starting the worker, which loads the parser and the evaluator),
evaluating, closing; and "pqsdk --version" alone.

Build the CLI first (the bench:cli script does): apps/cli/dist/main.js must exist.

Options:
  --runs <n>   timed runs of each process (default 15), after one untimed warm-up each
  --json       print one JSON object instead of tables
  -h, --help   show this help

Target: the pqsdk bin (bundled) under ${String(TARGET_MILLISECONDS)} ms (median).
Exit codes: 0 the target is met, 1 it is missed, 2 bad arguments or a run that failed.`;

/** One run of a process: its wall time, and what it printed. */
interface ProcessRun {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runProcess(args: readonly string[]): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.error !== undefined) throw result.error;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Checks that a run of `pqsdk run-test` passed; anything else stops the benchmark. */
function checkPassed(subject: Subject, run: ProcessRun): void {
  if (subject === 'anchor') return;
  if (run.status !== 0 || !run.stdout.includes('"Status":"Passed"')) {
    throw new Error(
      `the ${subject} run-test did not pass (exit ${String(run.status)}): ${run.stderr.trim() || run.stdout.slice(0, 300)}`,
    );
  }
}

const RSS_MARKER = 'pqsdk-bench-peak-rss-kib=';

/** A preload that prints the process's peak RSS on standard error when it exits. */
function writeRssProbe(folder: string): string {
  const path = join(folder, 'rss-probe.mjs');
  writeFileSync(
    path,
    `process.on('exit', () => { process.stderr.write('\\n${RSS_MARKER}' + String(process.resourceUsage().maxRSS) + '\\n'); });\n`,
  );
  return pathToFileURL(path).href;
}

function peakRssMib(args: readonly string[], probe: string): number {
  const run = runProcess(['--import', probe, ...args]);
  const match = new RegExp(`${RSS_MARKER}(\\d+)`).exec(run.stderr);
  if (match?.[1] === undefined) throw new Error(`no peak RSS reported by ${args.join(' ')}`);
  return Number(match[1]) / 1024;
}

/** The bytes of JavaScript under `folder`. */
function javascriptBytes(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) bytes += javascriptBytes(path);
    else if (entry.name.endsWith('.js')) bytes += statSync(path).size;
  }
  return bytes;
}

function main(): number {
  const options = readCommandLine('cli-bench', USAGE, () =>
    readRunsOptions(process.argv.slice(2), 15),
  );
  if (typeof options === 'number') return options;
  const root = findRepoRoot(import.meta.url);
  const cliMain = join(root, 'apps', 'cli', 'dist', 'main.js');
  if (!existsSync(cliMain)) {
    process.stderr.write(`cli-bench: ${cliMain} is not built; run the bench:cli script\n`);
    return 2;
  }
  const connector = join(root, 'examples', 'HelloWorld');
  const query = join(connector, 'HelloWorld.query.pq');
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-cli-bench-'));
  try {
    const credentials = join(folder, 'state', 'credentials.json');
    progress('bundling the built CLI with esbuild (tools/scripts/bundle-cli.mjs)');
    const bundling = runProcess([join(root, 'tools', 'scripts', 'bundle-cli.mjs')]);
    if (bundling.status !== 0) throw new Error(`bundling failed: ${bundling.stderr.trim()}`);
    const bundleFolder = join(root, 'apps', 'cli', 'dist', 'bundle');
    const bundle = { bytes: javascriptBytes(bundleFolder), ms: bundling.ms };
    const bundledMain = join(bundleFolder, 'bin', 'pqsdk.js');

    const target = ['-e', connector, '-q', query, '--credentials-file', credentials];
    const set = runProcess([cliMain, 'set-credential', ...target, '-ak', 'Anonymous']);
    if (set.status !== 0) throw new Error(`set-credential failed: ${set.stderr.trim()}`);

    const args: Record<Subject, readonly string[]> = {
      anchor: ['-e', ''],
      built: [cliMain, 'run-test', ...target],
      bundled: [bundledMain, 'run-test', ...target],
    };
    progress('warm-up: one untimed run of each');
    for (const subject of SUBJECTS) checkPassed(subject, runProcess(args[subject]));

    const runs: Record<Subject, number[]> = { anchor: [], built: [], bundled: [] };
    for (let index = 0; index < options.runs; index++) {
      const order = SUBJECTS.map((_, offset) => SUBJECTS[(index + offset) % SUBJECTS.length]);
      for (const subject of order) {
        if (subject === undefined) continue;
        const run = runProcess(args[subject]);
        checkPassed(subject, run);
        runs[subject].push(run.ms);
      }
      progress(
        `run ${String(index + 1)}/${String(options.runs)}: ${SUBJECTS.map((subject) => `${subject} ${(runs[subject].at(-1) ?? 0).toFixed(0)} ms`).join(', ')}`,
      );
    }

    progress('peak RSS: one more run of each');
    const probe = writeRssProbe(folder);
    const peak = {
      anchor: peakRssMib(args.anchor, probe),
      built: peakRssMib(args.built, probe),
      bundled: peakRssMib(args.bundled, probe),
    };

    progress('phases: where the time of the built CLI goes');
    const child = fileURLToPath(new URL('./cli-phases-child.js', import.meta.url));
    const phases: Phases[] = [];
    const entryOnly: number[] = [];
    for (let index = 0; index < options.runs; index++) {
      const run = runProcess([child, connector, query, credentials]);
      if (run.status !== 0) throw new Error(`the phases child failed: ${run.stderr.trim()}`);
      phases.push(JSON.parse(run.stdout) as Phases);
      entryOnly.push(runProcess([cliMain, '--version']).ms);
    }

    const display = (list: readonly string[]): string =>
      ['node', ...list]
        .map((arg) => {
          if (arg === '') return '""';
          if (arg.startsWith(folder)) return `<temp>${arg.slice(folder.length)}`;
          return arg.startsWith(root) ? arg.slice(root.length + 1) : arg;
        })
        .join(' ');
    const report: CliBenchReport = {
      machine: machineInfo(),
      commands: {
        anchor: display(args.anchor),
        built: display(args.built),
        bundled: display(args.bundled),
      },
      runs,
      peakRssMib: peak,
      entryOnly,
      phases,
      bundle: { bytes: bundle.bytes, buildMilliseconds: Math.round(bundle.ms) },
    };
    process.stdout.write(
      options.json ? `${JSON.stringify(cliBenchJson(report), null, 2)}\n` : renderCliBench(report),
    );
    return meetsTarget(report) ? 0 : 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`cli-bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

/**
 * The packaging benchmark (ARCHITECTURE.md §7): compile, pack, sign and verify a connector with
 * 10 MiB of assets, against an anchor measured in the same run (node:zlib deflate and SHA-256 of
 * the same bytes). Run `node dist/packaging-bench.js --help`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import {
  compileConnector,
  pqxFromMez,
  readOpcPackage,
  readZip,
  writeFileAtomic,
} from '@pqsdk/packager';
import {
  createDevelopmentCertificate,
  packPqx,
  signOpcPackage,
  signPqx,
  verifyPqx,
} from '@pqsdk/signer';
import {
  BenchUsageError,
  benchArgs,
  positiveInteger,
  progress,
  readCommandLine,
} from './bench-cli.js';
import { findRepoRoot } from './m-files.js';
import { writeBenchmarkConnector, type Asset } from './packaging-assets.js';
import { median, machineInfo, peakRssMib, round, type MachineInfo } from './stats.js';
import { renderTable } from './table.js';

const USAGE = `Usage: node dist/packaging-bench.js [options]

Builds a connector (the HelloWorld example plus 10 MiB of image-like .png and .resx assets) and
times each step as pqsdk runs it: compile (.mez), pack (unsigned .pqx), sign, verify, and
pack -c (pack and sign in one step), each with its file written atomically. The anchor, timed in
the same run: node:zlib deflate (level 6, as the zip writer uses) and SHA-256 of the same files.

Options:
  --json           print one JSON object instead of tables
  --rounds <n>     timed rounds (default 5), after one untimed warm-up
  --mib <n>        asset size in MiB (default 10)
  -h, --help       show this help

Target: compile + pack + sign + verify under 1 s (median of the rounds).
Exit codes: 0 the target is met, 1 it is missed, 2 bad arguments.`;

const MIB = 1024 * 1024;
const TARGET_MILLISECONDS = 1000;
const STEPS = ['compile', 'pack', 'sign', 'verify', 'packSigned', 'signInMemory'] as const;
type Step = (typeof STEPS)[number];

interface Options {
  readonly json: boolean;
  readonly rounds: number;
  readonly mib: number;
}

function readOptions(argv: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: benchArgs(argv),
    options: {
      json: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '5' },
      mib: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const rounds = positiveInteger('--rounds', values.rounds);
  const mib = Number(values.mib);
  if (!Number.isFinite(mib) || mib <= 0 || mib > 48)
    throw new BenchUsageError(`--mib needs a number from 0 to 48, not "${values.mib}"`);
  return { json: values.json, rounds, mib };
}

/** Milliseconds of one step of each round. */
type Timings = Record<Step, number>;

interface Run {
  readonly timings: Timings;
  readonly anchor: number;
  readonly sizes: { readonly mez: number; readonly pqx: number; readonly signed: number };
}

async function runOnce(
  project: string,
  out: string,
  identity: Parameters<typeof packPqx>[1],
): Promise<Run> {
  if (identity === undefined) throw new Error('the benchmark signs with a certificate');
  const timings = {} as Timings;
  const time = async <T>(step: Step, work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings[step] = performance.now() - start;
    return result;
  };

  const mezPath = await time('compile', async () => {
    const result = await compileConnector(project, { outDir: out, target: 'Bench' });
    if (!result.ok)
      throw new Error(
        `the benchmark connector does not compile: ${result.problems[0]?.message ?? ''}`,
      );
    return result.outputPath;
  });
  const mez = readFileSync(mezPath);
  const unsigned = await time('pack', async () => {
    const bytes = await pqxFromMez(mez);
    writeFileAtomic(join(out, 'Bench.pqx'), bytes);
    return bytes;
  });
  const signed = await time('sign', async () => {
    const { bytes } = await signPqx(unsigned, identity);
    writeFileAtomic(join(out, 'Bench.signed.pqx'), bytes);
    return bytes;
  });
  await time('verify', () => {
    const verification = verifyPqx(readFileSync(join(out, 'Bench.signed.pqx')), {
      trustedThumbprints: [identity.certificate.thumbprint],
    });
    if (!verification.trusted)
      throw new Error(`the signed package does not verify: ${verification.problem ?? ''}`);
  });
  await time('packSigned', async () => {
    writeFileAtomic(join(out, 'Bench.packed.pqx'), await packPqx(mez, identity));
  });

  // The signer's own share of `sign`: digests, XML and RSA, on a package already read.
  const opened = readOpcPackage(unsigned);
  await time('signInMemory', () => signOpcPackage(opened, identity));

  // The anchor: the floor under any zip writer and signer, on the same bytes.
  const files = readZip(mez).entries;
  const start = performance.now();
  for (const file of files) {
    deflateRawSync(file.data, { level: 6 });
    createHash('sha256').update(file.data).digest();
  }
  const anchor = performance.now() - start;
  return {
    timings,
    anchor,
    sizes: { mez: mez.length, pqx: unsigned.length, signed: signed.length },
  };
}

interface PackagingReport {
  readonly machine: MachineInfo;
  readonly assets: readonly Asset[];
  readonly connectorBytes: number;
  readonly rounds: readonly Run[];
  readonly peakRssMib: number;
}

function medians(
  report: PackagingReport,
): Timings & { anchor: number; total: number; oneStep: number } {
  const of = (pick: (run: Run) => number): number => median(report.rounds.map(pick));
  const timings = Object.fromEntries(
    STEPS.map((step) => [step, of((run) => run.timings[step])]),
  ) as Timings;
  return {
    ...timings,
    anchor: of((run) => run.anchor),
    total: of(
      (run) => run.timings.compile + run.timings.pack + run.timings.sign + run.timings.verify,
    ),
    oneStep: of((run) => run.timings.compile + run.timings.packSigned + run.timings.verify),
  };
}

function render(report: PackagingReport): string {
  const figures = medians(report);
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const ratio = (value: number): string => `${(value / figures.anchor).toFixed(1)}×`;
  const [first] = report.rounds;
  const rows = [
    ['compile (.mez, validated, deflated, written)', ms(figures.compile), ratio(figures.compile)],
    ['pack (unsigned .pqx, written)', ms(figures.pack), ratio(figures.pack)],
    ['sign (read, sign, rewrite, written)', ms(figures.sign), ratio(figures.sign)],
    [
      '  of which signing in memory (digests, XML, RSA)',
      ms(figures.signInMemory),
      ratio(figures.signInMemory),
    ],
    ['verify (read, digests, RSA, chain)', ms(figures.verify), ratio(figures.verify)],
    ['compile + pack + sign + verify', ms(figures.total), ratio(figures.total)],
    ['pack -c (pack and sign in one step)', ms(figures.packSigned), ratio(figures.packSigned)],
    ['compile + pack -c + verify', ms(figures.oneStep), ratio(figures.oneStep)],
    ['anchor: node:zlib deflate -6 + SHA-256', ms(figures.anchor), '1.0×'],
  ];
  const pass = figures.total < TARGET_MILLISECONDS;
  return [
    `packaging benchmark: ${report.machine.node}, ${report.machine.platform}, ${String(report.machine.cpus)} × ${report.machine.cpuModel}`,
    `connector: HelloWorld + ${String(report.assets.length)} assets, ${(report.connectorBytes / MIB).toFixed(2)} MiB of files; .mez ${(first?.sizes.mez ?? 0).toLocaleString('en-US')} bytes, signed .pqx ${(first?.sizes.signed ?? 0).toLocaleString('en-US')} bytes`,
    `median of ${String(report.rounds.length)} rounds (after one warm-up); ratio = our time / the anchor's`,
    '',
    renderTable(['step', 'median', 'ratio'], rows, new Set([1, 2])),
    '',
    `rounds (compile + pack + sign + verify): ${report.rounds
      .map((run) =>
        ms(run.timings.compile + run.timings.pack + run.timings.sign + run.timings.verify),
      )
      .join(', ')}`,
    `peak RSS: ${report.peakRssMib.toFixed(0)} MiB`,
    `target: compile + pack + sign + verify < ${ms(TARGET_MILLISECONDS)}: ${pass ? 'met' : 'MISSED'} (${ms(figures.total)})`,
    '',
  ].join('\n');
}

function json(report: PackagingReport): object {
  const figures = medians(report);
  return {
    machine: report.machine,
    assets: report.assets,
    connectorBytes: report.connectorBytes,
    medianMilliseconds: Object.fromEntries(
      Object.entries(figures).map(([key, value]) => [key, round(value, 1)]),
    ),
    ratios: Object.fromEntries(
      Object.entries(figures)
        .filter(([key]) => key !== 'anchor')
        .map(([key, value]) => [key, round(value / figures.anchor, 2)]),
    ),
    rounds: report.rounds.map((run) => ({
      ...Object.fromEntries(
        Object.entries(run.timings).map(([key, value]) => [key, round(value, 1)]),
      ),
      anchor: round(run.anchor, 1),
    })),
    peakRssMib: round(report.peakRssMib, 0),
    targetMilliseconds: TARGET_MILLISECONDS,
    pass: figures.total < TARGET_MILLISECONDS,
  };
}

async function main(): Promise<number> {
  const options = readCommandLine('packaging-bench', USAGE, () =>
    readOptions(process.argv.slice(2)),
  );
  if (typeof options === 'number') return options;
  const root = findRepoRoot(import.meta.url);
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-packaging-bench-'));
  try {
    const project = join(folder, 'Bench');
    const assets = writeBenchmarkConnector(
      join(root, 'examples', 'HelloWorld'),
      project,
      options.mib * MIB,
    );
    progress(`wrote the connector: ${String(assets.length)} assets in ${project}`);
    const { identity } = createDevelopmentCertificate({
      subject: 'CN=pqsdk packaging bench',
      password: 'bench',
      keySize: 3072,
    });
    const out = join(folder, 'out');
    progress('warm-up round (untimed)');
    await runOnce(project, out, identity);
    const rounds: Run[] = [];
    for (let index = 0; index < options.rounds; index++) {
      const run = await runOnce(project, out, identity);
      rounds.push(run);
      progress(
        `round ${String(index + 1)}/${String(options.rounds)}: ${STEPS.map((step) => `${step} ${run.timings[step].toFixed(0)} ms`).join(', ')}; anchor ${run.anchor.toFixed(0)} ms`,
      );
    }
    const connectorBytes = readZip(readFileSync(join(out, 'Bench.mez'))).entries.reduce(
      (sum, entry) => sum + entry.data.length,
      0,
    );
    const report: PackagingReport = {
      machine: machineInfo(),
      assets,
      connectorBytes,
      rounds,
      peakRssMib: peakRssMib(),
    };
    process.stdout.write(
      options.json ? `${JSON.stringify(json(report), null, 2)}\n` : render(report),
    );
    return medians(report).total < TARGET_MILLISECONDS ? 0 : 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

process.exitCode = await main();

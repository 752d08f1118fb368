#!/usr/bin/env node
/**
 * Bundles the CLI from its TypeScript sources (and those of the packages it uses, through their
 * `@pqsdk/source` export condition) into apps/cli/dist/bundle with esbuild: the `pqsdk` bin
 * (`bin/pqsdk.js`), the engine's evaluation worker (`evaluation/worker-main.js`, where the
 * engine's host code looks for it: one folder up from the chunk that holds it) and the code they
 * share in `chunks/`, split so that a verb still loads only what it uses. A cold
 * `pqsdk run-test` loads one file per chunk instead of hundreds of modules, which is most of its
 * start-up time (tools/bench, `bench:cli`). esbuild does not type-check: `pnpm typecheck` (part
 * of `pnpm test`) does.
 *
 *   node tools/scripts/bundle-cli.mjs [--out <folder>]
 *
 * `--out` writes the bundle elsewhere (the CLI's tests bundle into a temporary folder).
 *
 * The bundle is written to a temporary folder beside the target and renamed into place, so a
 * failed build never leaves half a bundle behind.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'apps', 'cli');
const outAt = process.argv.indexOf('--out');
const target =
  outAt >= 0 && process.argv[outAt + 1] !== undefined
    ? resolve(process.argv[outAt + 1])
    : join(cli, 'dist', 'bundle');
const main = join(cli, 'src', 'main.ts');
const worker = join(root, 'packages', 'mashup-engine', 'src', 'evaluation', 'worker-main.ts');
const manifest = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));

for (const input of [main, worker]) {
  if (!existsSync(input)) {
    process.stderr.write(`bundle-cli: ${input} is missing\n`);
    process.exit(2);
  }
}

const temporary = `${target}.tmp-${String(process.pid)}`;
rmSync(temporary, { recursive: true, force: true });
try {
  await build({
    entryPoints: { 'bin/pqsdk': main, 'evaluation/worker-main': worker },
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['@pqsdk/source'],
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    // Bundled CommonJS dependencies (jszip, node-forge, xmldom) call require.
    banner: {
      js: "import { createRequire as __pqsdkCreateRequire } from 'node:module'; const require = __pqsdkCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // `pqsdk --version` reads the package.json one folder up from the code that asks.
  const bundleManifest = { name: manifest.name, version: manifest.version, type: 'module' };
  writeFileSync(join(temporary, 'package.json'), `${JSON.stringify(bundleManifest, null, 2)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
} catch (error) {
  rmSync(temporary, { recursive: true, force: true });
  process.stderr.write(`bundle-cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

#!/usr/bin/env node
/**
 * Bundles the built CLI (apps/cli/dist, from `tsc -b apps/cli/tsconfig.lib.json`) into
 * apps/cli/dist/bundle with esbuild: the `pqsdk` bin (`bin/pqsdk.js`), the engine's evaluation
 * worker (`evaluation/worker-main.js`, where the engine's host code looks for it: one folder up
 * from the chunk that holds it) and the code they share in `chunks/`, split so that a verb still
 * loads only what it uses. A cold `pqsdk run-test` loads one file per chunk instead of hundreds
 * of modules, which is most of its start-up time (tools/bench, `bench:cli`).
 *
 *   node tools/scripts/bundle-cli.mjs
 *
 * The bundle is written to a temporary folder beside the target and renamed into place, so a
 * failed build never leaves half a bundle behind.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'apps', 'cli', 'dist');
const target = join(dist, 'bundle');
const main = join(dist, 'main.js');
const worker = join(root, 'packages', 'mashup-engine', 'dist', 'evaluation', 'worker-main.js');

for (const input of [main, worker]) {
  if (!existsSync(input)) {
    process.stderr.write(
      `bundle-cli: ${input} is not built; run tsc -b apps/cli/tsconfig.lib.json\n`,
    );
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
  writeFileSync(join(temporary, 'package.json'), '{ "type": "module" }\n');
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
} catch (error) {
  rmSync(temporary, { recursive: true, force: true });
  process.stderr.write(`bundle-cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

#!/usr/bin/env node
// Runs the pqsdk command from a checkout: `pnpm pqsdk <verb> …`.
// Rebuilds the CLI (tools/scripts/bundle-cli.mjs: the esbuild bundle of its TypeScript sources and
// of the packages it uses) when any of their sources is newer than the last build, then runs the
// bundled bin, apps/cli/dist/bundle/bin/pqsdk.js, in this process with the remaining arguments.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stamp = join(root, 'apps', 'cli', 'dist', 'bundle', '.build-stamp');

function newestSource(directory) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist')
        newest = Math.max(newest, newestSource(path));
    } else if (/\.(ts|tsx|json)$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function lastBuild() {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = Math.max(
  newestSource(join(root, 'packages')),
  newestSource(join(root, 'apps', 'cli')),
  statSync(join(root, 'tsconfig.base.json')).mtimeMs,
  statSync(join(root, 'tools', 'scripts', 'bundle-cli.mjs')).mtimeMs,
);
if (sources > lastBuild()) {
  try {
    execFileSync(process.execPath, [join(root, 'tools', 'scripts', 'bundle-cli.mjs')], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch {
    process.stderr.write('pqsdk: building the CLI failed (see the errors above)\n');
    process.exit(2);
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

await import(pathToFileURL(join(root, 'apps', 'cli', 'dist', 'bundle', 'bin', 'pqsdk.js')).href);

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../src/cli-io.js';
import { run } from '../src/run.js';

/** What one in-process run of the CLI printed and returned. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pqsdk <argv…>` in-process, capturing its output. */
export async function runCli(
  argv: readonly string[],
  io: Partial<Omit<CliIo, 'stdout' | 'stderr'>> & Pick<Partial<CliIo>, 'stdout'> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: process.cwd(),
    isTTY: false,
    ...io,
  });
  return { code, stdout, stderr };
}

/** A clock that moves `stepMs` forward each time it is read, starting at 0. */
export function steppingClock(stepMs: number): () => number {
  let time = -stepMs;
  return () => (time += stepMs);
}

/** Replaces the run time of the summary line, which varies, with `<ms>`. */
export function normaliseMs(text: string): string {
  return text.replace(/, \d+ ms$/m, ', <ms> ms').replace(/"ms":\d+/, '"ms":"<ms>"');
}

/**
 * Creates a temporary directory holding `files` (paths with `/`, created with their folders),
 * and returns its path. Remove it with {@link removeTempDirectories}.
 */
export function makeTempDirectory(
  files: Readonly<Record<string, string | Uint8Array>> = {},
): string {
  const root = mkdtempSync(join(tmpdir(), 'pqsdk-cli-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, ...path.split('/'));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

const created: string[] = [];

/** Removes every directory {@link makeTempDirectory} created. */
export function removeTempDirectories(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

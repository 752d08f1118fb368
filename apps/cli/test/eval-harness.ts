import { Readable } from 'node:stream';
import type { Engine } from '@pqsdk/m-evaluator';
import { runEval } from '../src/commands/eval.js';
import { EXIT_INTERNAL, EXIT_USAGE } from '../src/exit-code.js';
import { UsageError } from '../src/usage-error.js';
import type { CliResult } from './cli-harness.js';

/** How {@link runEvalCli} runs: where, what standard input holds, and with which engine. */
export interface EvalRunOptions {
  readonly cwd?: string;
  /**
   * Standard input: a text or bytes (one chunk), several chunks, or a stream of one's own. It is
   * always read as a real stream. Default: an empty stream.
   */
  readonly stdin?: string | Uint8Array | readonly (string | Uint8Array)[] | Readable;
  readonly engine?: Engine;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs `pqsdk eval <argv…>` in-process, capturing its output, with the error handling of `run`: a
 * usage error is one line on standard error and exit code 2, anything else exit code 70.
 * (Until `eval` is registered in `commands.ts`, `runCli` cannot reach it.)
 */
export async function runEvalCli(
  argv: readonly string[],
  options: EvalRunOptions = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    cwd: options.cwd ?? process.cwd(),
    isTTY: false,
    stdin: streamOf(options.stdin ?? []),
    ...(options.env === undefined ? {} : { env: options.env }),
  };
  let code: number;
  try {
    code = await runEval(argv, io, options.engine);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr += `pqsdk eval: ${error.message}\n`;
      code = EXIT_USAGE;
    } else {
      stderr += `pqsdk: internal error: ${error instanceof Error ? error.message : String(error)}\n`;
      code = EXIT_INTERNAL;
    }
  }
  return { code, stdout, stderr };
}

function streamOf(stdin: NonNullable<EvalRunOptions['stdin']>): Readable {
  if (stdin instanceof Readable) return stdin;
  const chunks = typeof stdin === 'string' || stdin instanceof Uint8Array ? [stdin] : stdin;
  // Bytes, as a process's standard input gives them.
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
}

/** The lines of JSON output, parsed. */
export function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line): unknown => JSON.parse(line));
}

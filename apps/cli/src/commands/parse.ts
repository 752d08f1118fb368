import { readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from '@pqsdk/m-parser';
import type { CliIo } from '../cli-io.js';
import { collectFiles } from '../collect-files.js';
import { EXIT_FAILED, EXIT_OK } from '../exit-code.js';
import { pathError } from '../path-error.js';
import { readArguments } from '../read-arguments.js';
import { Spinner } from '../spinner.js';
import { UsageError } from '../usage-error.js';
import { PARSE_HELP } from './parse-help.js';
import {
  type FileReport,
  formatFileReport,
  formatJsonReport,
  formatSummary,
  type ParseSummary,
} from './parse-report.js';

const OPTIONS = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Give the event loop a turn this often, so output is flushed and the process stays responsive. */
const YIELD_EVERY_MS = 50;

/**
 * Runs `pqsdk parse [--json] [--quiet] <files or directories…>`: parses every file, prints each
 * one's result and a summary, and returns 0 when all parsed, 1 when any had diagnostics.
 *
 * @throws {@link UsageError} for bad arguments, or a path that does not exist or cannot be read.
 */
export async function runParse(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(argv, OPTIONS, 'pqsdk parse --help');
  if (options.help) {
    io.stdout(PARSE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      'no files or directories given; run pqsdk parse --help',
    );
  }

  const now = io.now ?? (() => performance.now());
  const startedAt = now();
  const spinner =
    io.isTTY && !options.json && !options.quiet ? new Spinner(io.stderr, { now }) : undefined;
  try {
    const files = collectFiles(positionals, {
      cwd: io.cwd,
      onFile: (count) => {
        spinner?.update(`finding M files: ${String(count)} found`);
      },
    });

    const reports: FileReport[] = [];
    let failed = 0;
    let bytes = 0;
    let lastTurnAt = now();
    for (const [index, file] of files.entries()) {
      let source: Buffer;
      try {
        source = readFileSync(file.path);
      } catch (error) {
        throw pathError(error, file.displayPath);
      }
      // Buffer decoding keeps a byte-order mark as U+FEFF; the parser expects and skips it.
      const result = parse(source.toString('utf8'), { mode: 'auto' });
      const report: FileReport = {
        path: file.displayPath,
        bytes: source.byteLength,
        diagnostics: result.diagnostics,
      };
      bytes += report.bytes;
      if (report.diagnostics.length > 0) failed++;
      if (options.json) {
        reports.push(report);
      } else {
        const text = formatFileReport(report, options.quiet);
        if (text !== '') {
          spinner?.clear();
          io.stdout(text);
        }
      }
      spinner?.update(`parsing: ${String(index + 1)} of ${String(files.length)} files`);
      if (now() - lastTurnAt >= YIELD_EVERY_MS) {
        await nextTurn();
        lastTurnAt = now();
      }
    }

    spinner?.stop();
    const summary: ParseSummary = {
      files: files.length,
      failed,
      bytes,
      ms: Math.round(now() - startedAt),
    };
    io.stdout(options.json ? formatJsonReport(reports, summary) : formatSummary(summary));
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    spinner?.stop();
  }
}

import { formatBuildProblem, type BuildProblem, type CompileResult } from '@pqsdk/packager';

/** One problem in the `--json` document of `pqsdk compile`. */
export interface JsonBuildProblem {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly code: string;
  readonly message: string;
}

/** The one document `pqsdk compile --json` prints. */
export interface JsonCompileReport {
  readonly ok: boolean;
  /** The path of the `.mez` written, as shown to the user; null when nothing was written. */
  readonly output: string | null;
  readonly bytes: number | null;
  readonly files: readonly { readonly name: string; readonly size: number }[];
  readonly ignored: readonly string[];
  readonly problems: readonly JsonBuildProblem[];
}

/**
 * The human-readable report of a build: a line per ignored file, then either
 * `wrote <output> (<N> files, <B> bytes)`, or one `<file>:<line>:<column> <message>` line per
 * problem (file names prefixed with `projectPrefix`) and a closing line.
 */
export function formatCompileReport(
  result: CompileResult,
  projectPrefix: string,
  outputPath: string,
): string {
  let text = '';
  for (const name of result.ignored) {
    text += `ignored ${projectPrefix}${name}: not a connector file\n`;
  }
  if (result.ok) {
    const files = `${String(result.files.length)} ${result.files.length === 1 ? 'file' : 'files'}`;
    return `${text}wrote ${outputPath} (${files}, ${String(result.bytes)} bytes)\n`;
  }
  for (const problem of result.problems) {
    text += `${oneLine(formatBuildProblem(problem, projectPrefix))}\n`;
  }
  const count = result.problems.length;
  return `${text}build failed: ${String(count)} ${count === 1 ? 'problem' : 'problems'}; nothing was written\n`;
}

/** The `--json` document of a build, as one line of JSON followed by a newline. */
export function formatCompileJson(
  result: CompileResult,
  projectPrefix: string,
  outputPath: string,
): string {
  const report: JsonCompileReport = {
    ok: result.ok,
    output: result.ok ? outputPath : null,
    bytes: result.ok ? result.bytes : null,
    files: result.files,
    ignored: result.ignored.map((name) => `${projectPrefix}${name}`),
    problems: result.ok
      ? []
      : result.problems.map((problem) => jsonProblem(problem, projectPrefix)),
  };
  return `${JSON.stringify(report)}\n`;
}

function jsonProblem(problem: BuildProblem, projectPrefix: string): JsonBuildProblem {
  return {
    file: problem.file === undefined ? null : `${projectPrefix}${problem.file}`,
    line: problem.line ?? null,
    column: problem.column ?? null,
    code: problem.code,
    message: problem.message,
  };
}

/** Keeps a problem on its one line, whatever its message holds. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ');
}

import type { Span } from '@pqsdk/m-ast';
import type { DiagnosticCode } from '@pqsdk/m-parser';

/**
 * Stable codes of the problems that stop a connector from being packaged. Syntax errors keep the
 * parser's own code (`PQSDK_PARSE_…`, `PQSDK_LEX_…`).
 */
export type BuildProblemCode =
  /** Not exactly one section document (`.pq` or `.m`) among the files. */
  | 'PQSDK_BUILD_SECTION_COUNT'
  /** An M or resource file that is not valid UTF-8 (or UTF-16 with a byte-order mark). */
  | 'PQSDK_BUILD_NOT_TEXT'
  /** `DataSource.Kind` or `Publish` whose value is not a text literal. */
  | 'PQSDK_BUILD_BAD_ATTRIBUTE'
  /** `DataSource.Kind = "X"` but the section has no member `X`. */
  | 'PQSDK_BUILD_UNKNOWN_DATA_SOURCE_KIND'
  /** `Publish = "Y"` but the section has no member `Y`. */
  | 'PQSDK_BUILD_UNKNOWN_PUBLISH'
  /** `Publish = "Y"` where the member `Y` is not a record expression. */
  | 'PQSDK_BUILD_PUBLISH_NOT_RECORD'
  /** `Extension.Contents("…")` naming a file that is not in the package. */
  | 'PQSDK_BUILD_MISSING_FILE'
  /** `Extension.LoadString("…")` naming a string that `resources.resx` does not have. */
  | 'PQSDK_BUILD_MISSING_STRING'
  /** A `.resx` file that is not well-formed, or has a nameless or repeated `<data>`. */
  | 'PQSDK_BUILD_BAD_RESX'
  /** A `<MezContent Include="…">` of the project's `.proj` that names no file it can package. */
  | 'PQSDK_BUILD_BAD_MEZ_CONTENT';

/**
 * A problem that stops a connector from being packaged, with its place: the file (a name in the
 * package or project), and the 1-based line and column when there is a position.
 */
export interface BuildProblem {
  readonly code: BuildProblemCode | DiagnosticCode;
  /** One sentence that says what is wrong and what to do. */
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** A problem at the start of a node or diagnostic span of `file`. */
export function problemAt(
  code: BuildProblemCode | DiagnosticCode,
  message: string,
  file: string,
  span: Pick<Span, 'line' | 'column'>,
): BuildProblem {
  return { code, message, file, line: span.line, column: span.column };
}

/**
 * Formats a problem as one line, as `pqsdk parse` does: `file:line:column message`,
 * `file: message` without a position, or just the message without a file. `prefix` (such as the
 * project folder, with a trailing `/`) goes before the file name.
 */
export function formatBuildProblem(problem: BuildProblem, prefix = ''): string {
  if (problem.file === undefined) return problem.message;
  if (problem.line === undefined) return `${prefix}${problem.file}: ${problem.message}`;
  const column = String(problem.column ?? 1);
  return `${prefix}${problem.file}:${String(problem.line)}:${column} ${problem.message}`;
}

/**
 * Orders problems: those without a file first, then by file name (code units), line and column;
 * problems at the same place keep their order.
 */
export function sortBuildProblems(problems: readonly BuildProblem[]): BuildProblem[] {
  return [...problems].sort(
    (a, b) =>
      compareOptional(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

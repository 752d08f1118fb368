import type { Diagnostic } from '@pqsdk/m-parser';

/** What `pqsdk parse` found in one file. */
export interface FileReport {
  /** The path as shown to the user. */
  readonly path: string;
  /** The size of the file in bytes. */
  readonly bytes: number;
  readonly diagnostics: readonly Diagnostic[];
}

/** The totals of a `pqsdk parse` run. */
export interface ParseSummary {
  readonly files: number;
  /** How many files had diagnostics. */
  readonly failed: number;
  readonly bytes: number;
  /** Wall time of the whole run, in whole milliseconds. */
  readonly ms: number;
}

/** One diagnostic in the `--json` document. */
export interface JsonDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** One file in the `--json` document. */
export interface JsonFileReport {
  readonly path: string;
  readonly ok: boolean;
  readonly diagnostics: readonly JsonDiagnostic[];
}

/** The one document `pqsdk parse --json` prints. */
export interface JsonParseReport {
  readonly files: readonly JsonFileReport[];
  readonly summary: ParseSummary;
}

/**
 * The human-readable lines for one file: `path: ok`, or one `path:line:column message` line per
 * diagnostic. With `quiet`, a file without diagnostics prints nothing.
 */
export function formatFileReport(report: FileReport, quiet: boolean): string {
  if (report.diagnostics.length === 0) return quiet ? '' : `${report.path}: ok\n`;
  let text = '';
  for (const diagnostic of report.diagnostics) {
    const { line, column } = diagnostic.span;
    text += `${report.path}:${String(line)}:${String(column)} ${oneLine(diagnostic.message)}\n`;
  }
  return text;
}

/** `3 files, 1 failed, 2048 bytes, 12 ms` (and `1 file` for one). */
export function formatSummary(summary: ParseSummary): string {
  const files = `${String(summary.files)} ${summary.files === 1 ? 'file' : 'files'}`;
  return `${files}, ${String(summary.failed)} failed, ${String(summary.bytes)} bytes, ${String(summary.ms)} ms\n`;
}

/** The `--json` document for a run, as one line of JSON followed by a newline. */
export function formatJsonReport(reports: readonly FileReport[], summary: ParseSummary): string {
  const document: JsonParseReport = {
    files: reports.map((report) => ({
      path: report.path,
      ok: report.diagnostics.length === 0,
      diagnostics: report.diagnostics.map((diagnostic) => ({
        line: diagnostic.span.line,
        column: diagnostic.span.column,
        endLine: diagnostic.span.endLine,
        endColumn: diagnostic.span.endColumn,
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: diagnostic.message,
      })),
    })),
    summary,
  };
  return `${JSON.stringify(document)}\n`;
}

/** Keeps a diagnostic on its one line, whatever its message holds. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ');
}

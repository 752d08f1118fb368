import { formatTextLiteral } from '@pqsdk/m-ast';
import {
  formatBuildProblem,
  type ConnectorInspection,
  type SignatureReport,
  type StaticValue,
} from '@pqsdk/packager';
import type { JsonBuildProblem } from './compile-report.js';

/** The one document `pqsdk inspect --json` prints. */
export interface JsonInspectReport {
  readonly file: string;
  readonly format: ConnectorInspection['format'];
  /** The section name; null when there is no section document that could be read. */
  readonly connector: string | null;
  readonly version: string | null;
  readonly sectionFile: string | null;
  readonly dataSourceKinds: readonly {
    readonly name: string;
    readonly label: string | null;
    readonly authenticationKinds: readonly string[] | null;
    readonly functions: readonly string[];
  }[];
  readonly publish: readonly {
    readonly member: string;
    readonly functions: readonly string[];
    readonly fields: Readonly<Record<string, StaticValue>>;
  }[];
  readonly entries: ConnectorInspection['entries'];
  readonly signature: SignatureReport;
  readonly problems: readonly JsonBuildProblem[];
}

/** The `--json` document for an inspected archive, as one line of JSON and a newline. */
export function formatInspectJson(file: string, inspection: ConnectorInspection): string {
  const { metadata } = inspection;
  const report: JsonInspectReport = {
    file,
    format: inspection.format,
    connector: metadata?.name ?? null,
    version: metadata?.version ?? null,
    sectionFile: inspection.sectionFile ?? null,
    dataSourceKinds: metadata?.dataSourceKinds ?? [],
    publish: metadata?.publish ?? [],
    entries: inspection.entries,
    signature: inspection.signature,
    problems: inspection.problems.map((problem) => ({
      file: problem.file ?? null,
      line: problem.line ?? null,
      column: problem.column ?? null,
      code: problem.code,
      message: problem.message,
    })),
  };
  return `${JSON.stringify(report)}\n`;
}

/** The human-readable report of an inspected archive. */
export function formatInspectReport(file: string, inspection: ConnectorInspection): string {
  const { metadata } = inspection;
  const lines: string[] = [];
  const count = inspection.entries.length;
  lines.push(
    `file:        ${file} (${inspection.format}, ${String(count)} ${count === 1 ? 'entry' : 'entries'})`,
  );
  lines.push(`connector:   ${metadata?.name ?? '(no section document could be read)'}`);
  if (metadata !== undefined) {
    lines.push(`version:     ${metadata.version ?? '(none)'}`);
    for (const kind of metadata.dataSourceKinds) {
      lines.push(`data source: ${kind.name}`);
      lines.push(
        `  label:            ${kind.label === null ? '(unknown)' : formatTextLiteral(kind.label)}`,
      );
      lines.push(
        `  authentication:   ${kind.authenticationKinds === null ? '(unknown)' : kind.authenticationKinds.join(', ') || '(none)'}`,
      );
      lines.push(`  functions:        ${kind.functions.join(', ')}`);
    }
    for (const record of metadata.publish) {
      lines.push(`publish:     ${record.member} (for ${record.functions.join(', ')})`);
      for (const [name, value] of Object.entries(record.fields)) {
        lines.push(`  ${`${name}:`.padEnd(17)} ${formatValue(value)}`);
      }
    }
  }
  lines.push('entries:');
  const width = Math.max(...inspection.entries.map((entry) => entry.name.length), 0);
  const sizeWidth = Math.max(...inspection.entries.map((entry) => String(entry.size).length), 0);
  for (const entry of inspection.entries) {
    const role = inspection.format === 'pqx' ? `  ${entry.role}` : '';
    lines.push(
      `  ${entry.name.padEnd(width)}  ${String(entry.size).padStart(sizeWidth)}${role}`.trimEnd(),
    );
  }
  lines.push(`signature:   ${formatSignature(inspection.signature)}`);
  if (inspection.problems.length > 0) {
    lines.push('problems:');
    for (const problem of inspection.problems) lines.push(`  ${formatBuildProblem(problem)}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatSignature(signature: SignatureReport): string {
  const parts = signature.parts.length;
  const counted = signature.present
    ? `; ${String(parts)} signature ${parts === 1 ? 'part' : 'parts'}`
    : '';
  switch (signature.status) {
    case 'unsigned':
      return `none (${signature.detail})`;
    case 'not-verified':
      return `not verified (${signature.detail})${counted}`;
    case 'valid':
      return `valid (${signature.detail})${counted}`;
    case 'invalid':
      return `INVALID (${signature.detail})${counted}`;
  }
}

/** A static value as M would write it: `"text"`, `true`, `{1, 2}`, `[a = 1]`. */
function formatValue(value: StaticValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return formatTextLiteral(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return `{${value.map((item: StaticValue) => formatValue(item)).join(', ')}}`;
  return `[${Object.entries(value)
    .map(([name, item]) => `${name} = ${formatValue(item)}`)
    .join(', ')}]`;
}

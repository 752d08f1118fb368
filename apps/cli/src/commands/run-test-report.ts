import type { ErrorReport, EvaluationResult, Json, RunTestResult } from '@pqsdk/mashup-engine';
import { formatTextTable } from '../text-table.js';

/** How many rows the terminal table shows at most. */
export const MAX_TABLE_ROWS = 50;

/** Options of {@link formatRunTestForPeople}. */
export interface PeopleReportOptions {
  /** The terminal's width, in columns. */
  readonly width: number;
}

/**
 * The result of `run-test` for a person at a terminal: the value (a table's rows as an aligned
 * table, a record as its fields, a list as its items, another value as its M literal), the row
 * count, then the status line with the query's name and the time it took; for a failure, the
 * error and its detail instead of the value.
 */
export function formatRunTestForPeople(
  result: EvaluationResult,
  entry: RunTestResult,
  options: PeopleReportOptions,
): string {
  const lines: string[] = [];
  if (result.ok) {
    const { value } = result;
    if (value.kind === 'table') {
      const rows = entry.Output.map(asObject);
      const columns = value.columns ?? Object.keys(rows[0] ?? {});
      lines.push(
        ...grid(
          columns,
          rows.map((row) => columns.map((name) => row[name] ?? null)),
          options,
        ),
      );
      lines.push(count(rows.length, 'row'));
    } else if (value.kind === 'record') {
      const fields = Object.entries(asObject(entry.Output[0] ?? {}));
      lines.push(
        ...grid(
          ['Field', 'Value'],
          fields.map(([name, cell]) => [name, cell]),
          options,
        ),
      );
      lines.push(count(fields.length, 'field'));
    } else if (value.kind === 'list') {
      const items = entry.Output.map((row) => asObject(row)['Value'] ?? null);
      lines.push(
        ...grid(
          ['Value'],
          items.map((item) => [item]),
          options,
        ),
      );
      lines.push(count(items.length, 'item'));
    } else {
      lines.push(value.literal);
    }
  } else {
    const { error } = result;
    lines.push(describeError(error));
    if (error.detail !== null) lines.push(error.detail);
  }
  lines.push(`${entry.Status}  ${entry.Name}  ${formatDuration(entry.StartTime, entry.EndTime)}`);
  return `${lines.join('\n')}\n`;
}

function grid(
  headers: readonly string[],
  rows: readonly (readonly Json[])[],
  options: PeopleReportOptions,
): string[] {
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const rightAligned = new Set<number>();
  headers.forEach((_name, index) => {
    const cells = shown.map((row) => row[index] ?? null).filter((cell) => cell !== null);
    if (cells.length > 0 && cells.every((cell) => typeof cell === 'number')) {
      rightAligned.add(index);
    }
  });
  const lines = formatTextTable(
    headers,
    shown.map((row) => row.map(cellText)),
    { width: options.width, rightAligned },
  );
  if (rows.length > shown.length) {
    lines.push(`… ${String(rows.length - shown.length)} more (--json prints them all)`);
  }
  return lines;
}

/**
 * An M error in one line: `[Reason] Message`, the parts it has (an error record may lack both).
 */
export function describeError(error: ErrorReport): string {
  const reason = error.reason === null ? '' : `[${error.reason}]`;
  return [reason, error.message ?? ''].filter((part) => part !== '').join(' ') || '[error]';
}

/** A cell as text: texts as they are, null as `null`, lists and records as compact JSON. */
export function cellText(cell: Json): string {
  if (cell === null) return 'null';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return JSON.stringify(cell);
}

function asObject(value: Json): { readonly [name: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as { readonly [name: string]: Json })
    : { Value: value };
}

function count(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** The time between two ISO 8601 instants: `48 ms`, `1.25 s`. */
export function formatDuration(start: string, end: string): string {
  const ms = Math.max(0, Date.parse(end) - Date.parse(start));
  if (Number.isNaN(ms)) return '';
  return ms < 1000 ? `${String(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

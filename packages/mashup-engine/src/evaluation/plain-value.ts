import {
  AnnotatedValue,
  BinaryValue,
  cell,
  errorToRecord,
  guard,
  ListValue,
  MError,
  primitiveTypeOf,
  printValue,
  RecordValue,
  strip,
  TableValue,
  type Context,
  type Value,
} from '@pqsdk/m-evaluator';
import type { ErrorReport, ValueReport } from './evaluation-result.js';
import type { Json } from './protocol.js';

/**
 * A value as JSON (see {@link ValueReport.json}). A field, item or cell that raises an error is
 * written as the text `[Reason] Message`.
 */
export function jsonOf(ctx: Context, value: Value): Json {
  const plain = value instanceof AnnotatedValue ? value.value : value;
  if (plain === null || typeof plain === 'boolean' || typeof plain === 'string') return plain;
  if (typeof plain === 'number') return Number.isFinite(plain) ? plain : String(plain);
  if (plain instanceof RecordValue) {
    const object: Record<string, Json> = {};
    plain.names.forEach((name, index) => {
      object[name] = safely(() => jsonOf(ctx, plain.at(index)));
    });
    return object;
  }
  if (plain instanceof ListValue) {
    const items: Json[] = [];
    const cursor = plain.cursor(ctx);
    for (;;) {
      let item: Json;
      try {
        if (!cursor.next()) break;
        item = jsonOf(ctx, cursor.current);
      } catch (error) {
        if (!(error instanceof MError)) throw error;
        item = error.describe();
      }
      items.push(item);
    }
    return items;
  }
  if (plain instanceof TableValue) return tableRows(ctx, plain);
  if (plain instanceof BinaryValue) return Buffer.from(plain.bytes).toString('base64');
  return printValue(ctx, plain);
}

function safely(run: () => Json): Json {
  try {
    return run();
  } catch (error) {
    if (error instanceof MError) return error.describe();
    throw error;
  }
}

/** The rows of a table as JSON objects keyed by column name (PQTest's `Output`). */
export function tableRows(ctx: Context, table: TableValue): Json[] {
  const rows: Json[] = [];
  const names = table.columnNames;
  const cursor = table.cursor(ctx);
  while (cursor.next()) {
    const row = cursor.current;
    const object: Record<string, Json> = {};
    names.forEach((name, index) => {
      object[name] = safely(() => jsonOf(ctx, cell(row, index)));
    });
    rows.push(object);
  }
  return rows;
}

/** A value as plain data: its kind, its M literal and its JSON. */
export function valueReport(ctx: Context, value: Value): ValueReport {
  return guard(() => {
    const plain = strip(value);
    const literal = printValue(ctx, value);
    return {
      kind: primitiveTypeOf(value),
      literal,
      json: jsonOf(ctx, value),
      ...(plain instanceof TableValue ? { columns: [...plain.columnNames] } : {}),
    };
  });
}

function printedOrNull(ctx: Context, value: Value): string | null {
  if (strip(value) === null) return null;
  try {
    return guard(() => printValue(ctx, value));
  } catch (error) {
    if (!(error instanceof MError)) throw error;
    return `error ${printValue(ctx, errorToRecord(error))}`;
  }
}

/** An M error as plain data: its record's fields, the detail printed and as JSON. */
export function errorReport(ctx: Context, error: MError): ErrorReport {
  return {
    reason: error.reason,
    message: error.mMessage,
    detail: printedOrNull(ctx, error.detail),
    detailJson:
      strip(error.detail) === null ? null : safely(() => guard(() => jsonOf(ctx, error.detail))),
    messageFormat: error.messageFormat,
    messageParameters: printedOrNull(ctx, error.messageParameters),
  };
}

/** An error that is not an M error, as an error report with a `PQSDK.*` reason. */
export function engineErrorReport(
  reason: string,
  message: string,
  detail: string | null = null,
): ErrorReport {
  return {
    reason,
    message,
    detail: detail === null ? null : JSON.stringify(detail),
    detailJson: detail,
    messageFormat: null,
    messageParameters: null,
  };
}

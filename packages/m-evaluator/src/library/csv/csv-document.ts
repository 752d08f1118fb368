import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { TableValue, type RowCursor, type RowSource } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import { fieldsOf, recordType, tableType, TYPE, type TypeValue } from '../../values/type.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { decodeText } from '../encoding.js';
import { csvOptionsOf, EXTRA_VALUES, sourceBytesOrText, type CsvOptions } from './csv-options.js';
import { readRecords } from './csv-reader.js';

/**
 * `Csv.Document`: a CSV text or binary as a table. The source is read once, in one pass, into rows
 * of text cells (no thunk per cell); a record with fewer fields than the table has columns is
 * padded with nulls. Columns are of type `any` unless a table type says otherwise. When the columns
 * are given, nothing is read until the rows are; when they are not, the source is read at once to
 * count them (the longest record decides).
 */

/**
 * The rows of a CSV source. Under `ExtraValues.Error`, `rows` stops before the first record that is
 * too long, and `failure` is the error that reading past them raises.
 */
interface CsvRowsData {
  readonly rows: Slot[][];
  readonly failure: MError | null;
}

/** `Column1`, `Column2`, … */
function defaultNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Column${String(index + 1)}`);
}

function anyColumns(names: readonly string[]): TypeValue {
  return tableType(recordType(names.map((name) => ({ name, type: TYPE.any, optional: false }))));
}

/** Fits records to `width` columns: pads with null and applies the extra values option. */
function shapeRows(records: string[][], width: number, options: CsvOptions): CsvRowsData {
  const rows: Slot[][] = records;
  const { extraValues } = options;
  for (let index = 0; index < records.length; index++) {
    const fields = records[index] as string[];
    const count = fields.length;
    if (extraValues === EXTRA_VALUES.list && width > 0 && count >= width) {
      // The last column holds the list of every field from its position on.
      const row: Slot[] = fields.slice(0, width - 1);
      row.push(ArrayList.of(fields.slice(width - 1)));
      rows[index] = row;
      continue;
    }
    if (count === width) continue;
    if (count < width) {
      const row: Slot[] = fields;
      for (let cell = count; cell < width; cell++) row.push(null);
      continue;
    }
    if (extraValues === EXTRA_VALUES.error) {
      return {
        rows: rows.slice(0, index),
        failure: MError.expression(
          'There were more columns in the result than expected.',
          RecordValue.of([
            ['Columns', width],
            ['Fields', count],
          ]),
        ),
      };
    }
    rows[index] = fields.slice(0, width);
  }
  return { rows, failure: null };
}

/** The rows of a CSV source, read when first walked (or given, when already read). */
class CsvRows implements RowSource {
  #data: CsvRowsData | undefined;

  constructor(
    private readonly read: (ctx: Context) => CsvRowsData,
    data?: CsvRowsData,
  ) {
    this.#data = data;
  }

  get knownCount(): number | undefined {
    const data = this.#data;
    return data?.failure === null ? data.rows.length : undefined;
  }

  cursor(ctx: Context): RowCursor {
    this.#data ??= this.read(ctx);
    return new CsvRowCursor(this.#data, ctx);
  }
}

class CsvRowCursor implements RowCursor {
  current: Slot[] = [];
  #index = -1;

  constructor(
    private readonly data: CsvRowsData,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    const index = ++this.#index;
    const { rows, failure } = this.data;
    if (index >= rows.length) {
      if (failure !== null) throw failure;
      return false;
    }
    this.current = rows[index] as Slot[];
    this.ctx.tick();
    return true;
  }
}

/** The table of a CSV source. */
export function csvDocument(
  ctx: Context,
  source: string | Uint8Array,
  options: CsvOptions,
): TableValue {
  const text = (): string =>
    typeof source === 'string' ? source : decodeText(source, options.codePage);
  const { columns } = options;
  if (columns.kind === 'detect') {
    const records = readRecords(ctx, text(), options.syntax);
    let width = 0;
    for (const record of records) if (record.length > width) width = record.length;
    const data = shapeRows(records, width, options);
    return new TableValue(anyColumns(defaultNames(width)), new CsvRows(() => data, data));
  }
  const type =
    columns.kind === 'type'
      ? columns.type
      : anyColumns(columns.kind === 'count' ? defaultNames(columns.count) : columns.names);
  const width = fieldsOf(type).length;
  return new TableValue(
    type,
    new CsvRows((readCtx) =>
      shapeRows(readRecords(readCtx, text(), options.syntax), width, options),
    ),
  );
}

/** `Csv.Document`. */
export const CSV_DOCUMENT_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Csv.Document',
    '(source as any, optional columns as any, optional delimiter as any, optional extraValues as nullable number, optional encoding as nullable number) as table',
    (ctx, [source, columns, delimiter, extraValues, encoding]) =>
      csvDocument(
        ctx,
        sourceBytesOrText(source),
        csvOptionsOf(ctx, columns, delimiter, extraValues, encoding),
      ),
  ),
];

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { RecordLayout, type RecordValue } from '../../values/record.js';
import { ArrayRows, cell, TableValue } from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';
import { nullablePrimitive, type RecordTypeField, type TypeValue } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import {
  asLogical,
  asNumber,
  asOptions,
  asTable,
  asText,
  asTextOrNull,
  typeError,
} from '../arguments.js';
import { checkCulture } from '../text/unicode.js';
import { column, keysOf, tableTypeOf } from './common.js';

/**
 * The options record of the fuzzy table functions (`Table.FuzzyJoin`, `Table.FuzzyNestedJoin`,
 * `Table.FuzzyGroup`, `Table.AddFuzzyClusterColumn`): which fields each function accepts, their
 * defaults, and the checks that turn a bad value into an `Expression.Error`.
 */

/** The options of the fuzzy joins. */
export const JOIN_OPTION_NAMES: readonly string[] = [
  'ConcurrentRequests',
  'Culture',
  'IgnoreCase',
  'IgnoreSpace',
  'NumberOfMatches',
  'SimilarityColumnName',
  'Threshold',
  'TransformationTable',
];

/** The options of `Table.FuzzyGroup` and `Table.AddFuzzyClusterColumn`. */
export const GROUP_OPTION_NAMES: readonly string[] = [
  'Culture',
  'IgnoreCase',
  'IgnoreSpace',
  'SimilarityColumnName',
  'Threshold',
  'TransformationTable',
];

/** The default `Threshold`. */
export const DEFAULT_THRESHOLD = 0.8;

/** The most parallel requests `ConcurrentRequests` allows. */
const MAX_CONCURRENT_REQUESTS = 8;

/** How key texts are compared: everything the similarity score depends on. */
export interface MatchOptions {
  /** The culture of case folding; `""` is the invariant culture. */
  readonly culture: string;
  readonly ignoreCase: boolean;
  /** Whether words separated only by spaces may be combined into one word. */
  readonly ignoreSpace: boolean;
  /** The lowest similarity score that counts as a match, from 0 to 1. */
  readonly threshold: number;
}

/** The options of a fuzzy function, read and checked. */
export interface FuzzyOptions extends MatchOptions {
  /** The most matches kept for each row of the first table (joins), or null for all of them. */
  readonly numberOfMatches: number | null;
  /** The name of the column of similarity scores, or null for none. */
  readonly similarityColumnName: string | null;
  /** The `From`/`To` table, or null; its rows are read when the matching starts. */
  readonly transformationTable: TableValue | null;
}

/** One row of a transformation table: the text to look for and its replacement. */
export interface Transformation {
  readonly from: string;
  readonly to: string;
}

function optionValue(record: RecordValue, name: string): Value {
  return strip(record.fieldOrUndefined(name) ?? null);
}

function logicalOption(value: Value, fallback: boolean): boolean {
  return value === null ? fallback : asLogical(value);
}

function thresholdOption(value: Value): number {
  if (value === null) return DEFAULT_THRESHOLD;
  const threshold = asNumber(value);
  if (!(threshold >= 0 && threshold <= 1)) {
    throw MError.expression('The Threshold option must be a number between 0 and 1.', threshold);
  }
  return threshold;
}

function wholeNumberOption(value: Value, name: string, min: number, max: number): number {
  const number = asNumber(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    const range =
      max === Number.POSITIVE_INFINITY
        ? `a whole number of at least ${String(min)}`
        : `a whole number between ${String(min)} and ${String(max)}`;
    throw MError.expression(`The ${name} option must be ${range}.`, number);
  }
  return number;
}

function transformationTableOption(value: Value): TableValue | null {
  if (value === null) return null;
  const table = asTable(value);
  if (table.layout.indexOf('From') < 0 || table.layout.indexOf('To') < 0) {
    throw MError.expression(
      'The TransformationTable option must be a table with From and To columns.',
      table,
    );
  }
  return table;
}

/**
 * Reads an options record: unknown fields raise `The option 'X' is not recognized.`, a field whose
 * value is null takes its default, and a value of the wrong type or out of range raises.
 */
export function fuzzyOptions(value: Value, allowed: readonly string[]): FuzzyOptions {
  const record = asOptions(value);
  for (const name of record.names) {
    if (!allowed.includes(name)) {
      throw MError.expression(`The option '${name}' is not recognized.`, record);
    }
  }
  const concurrent = optionValue(record, 'ConcurrentRequests');
  if (concurrent !== null) {
    wholeNumberOption(concurrent, 'ConcurrentRequests', 1, MAX_CONCURRENT_REQUESTS);
  }
  const culture = asTextOrNull(optionValue(record, 'Culture'));
  const matches = optionValue(record, 'NumberOfMatches');
  return {
    culture: culture === null ? '' : checkCulture(culture),
    ignoreCase: logicalOption(optionValue(record, 'IgnoreCase'), true),
    ignoreSpace: logicalOption(optionValue(record, 'IgnoreSpace'), true),
    threshold: thresholdOption(optionValue(record, 'Threshold')),
    numberOfMatches:
      matches === null
        ? null
        : wholeNumberOption(matches, 'NumberOfMatches', 1, Number.POSITIVE_INFINITY),
    similarityColumnName: asTextOrNull(optionValue(record, 'SimilarityColumnName')),
    transformationTable: transformationTableOption(optionValue(record, 'TransformationTable')),
  };
}

/** The rows of a transformation table: a `From` that is null is skipped, a `To` that is null is "". */
export function transformationsOf(ctx: Context, table: TableValue | null): Transformation[] {
  if (table === null) return [];
  const fromIndex = table.layout.indexOf('From');
  const toIndex = table.layout.indexOf('To');
  const out: Transformation[] = [];
  const cursor = table.cursor(ctx);
  while (cursor.next()) {
    const row = cursor.current;
    const from = strip(cell(row, fromIndex));
    const to = strip(cell(row, toIndex));
    if (from === null) continue;
    if (typeof from !== 'string') throw typeError(from, 'text');
    out.push({ from, to: to === null ? '' : asText(to) });
  }
  return out;
}

/** The column of similarity scores (`SimilarityColumnName`): numbers, null where nothing matched. */
export function similarityColumn(name: string): RecordTypeField {
  return column(name, nullablePrimitive('number'));
}

/** `columns`, followed by the similarity column when `name` is not null. */
export function withSimilarityColumn(
  columns: readonly RecordTypeField[],
  name: string | null,
): readonly RecordTypeField[] {
  return name === null ? columns : [...columns, similarityColumn(name)];
}

/** `row`, followed by its similarity score when the similarity column `name` is not null. */
export function withSimilarity(row: Slot[], name: string | null, score: number | null): Slot[] {
  return name === null ? row : [...row, score];
}

/** Tables of the rows of one table, with the similarity column when it is named. */
export interface ScoredTables {
  /** The tables' type: the table's own without the similarity column, else one with it added. */
  readonly type: TypeValue;
  /** A table of these rows (each carrying its score when the similarity column is named). */
  readonly of: (rows: Slot[][]) => TableValue;
}

/**
 * Tables of rows of `table` whose columns are `columns` (`withSimilarityColumn` of the table's):
 * without a similarity column they keep the table's type and layout, and with one they keep its
 * keys.
 */
export function scoredTables(
  table: TableValue,
  columns: readonly RecordTypeField[],
  name: string | null,
): ScoredTables {
  const type = name === null ? table.type : tableTypeOf(columns, keysOf(table));
  const layout = name === null ? table.layout : RecordLayout.of(columns.map((field) => field.name));
  return { type, of: (rows) => new TableValue(type, new ArrayRows(rows), null, layout) };
}

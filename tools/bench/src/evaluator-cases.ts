import {
  BinaryValue,
  cell,
  DateTimeValue,
  DateValue,
  type Engine,
  FunctionValue,
  ListValue,
  RecordValue,
  TableValue,
  type Context,
  type Value,
} from '@pqsdk/m-evaluator';
import { existsSync, readFileSync } from 'node:fs';

/**
 * The evaluator benchmark's cases (ARCHITECTURE.md §7): each an M program and the same work as a
 * plain TypeScript loop, the anchor. Both sides end in a digest (a short text) that must be equal, so
 * that a fast wrong answer cannot pass.
 */

/** What a case must achieve. */
export type Target =
  /** Our median time at most `max` times the anchor's. */
  | { readonly kind: 'ratio'; readonly max: number }
  /** Our median time below `milliseconds`. */
  | { readonly kind: 'time'; readonly milliseconds: number };

/** One side of a case, ready to run: each call does the whole work once and returns its digest. */
export type Run = () => string;

/** Where the cases find their inputs. */
export interface CaseInputs {
  /** The taxi CSV of the shared data sets, which may be absent. */
  readonly taxiCsvPath: string;
}

/** A benchmark case. */
export interface EvaluatorCase {
  /** A short name for `--case` and the report. */
  readonly name: string;
  /** What ours runs (M). */
  readonly ours: string;
  /** What the anchor does (words). */
  readonly anchor: string;
  readonly target: Target;
  /** Why the case cannot run here (missing data), or undefined. */
  unavailable(inputs: CaseInputs): string | undefined;
  /** Prepares our side: the M is evaluated in a fresh evaluation each run. */
  prepareOurs(engine: Engine, inputs: CaseInputs): Run;
  /** Prepares the anchor. */
  prepareAnchor(inputs: CaseInputs): Run;
}

const FIXED_NOW = new Date('2024-01-31T13:05:00Z');

/** Computes a value completely: every item, field and cell (so that laziness cannot skip work). */
export function forceValue(ctx: Context, value: Value): void {
  if (value instanceof TableValue) {
    const width = value.columnCount;
    const cursor = value.cursor(ctx);
    while (cursor.next()) {
      const row = cursor.current;
      for (let index = 0; index < width; index++) forceValue(ctx, cell(row, index));
    }
  } else if (value instanceof ListValue) {
    const cursor = value.cursor(ctx);
    while (cursor.next()) forceValue(ctx, cursor.current);
  } else if (value instanceof RecordValue) {
    for (let index = 0; index < value.size; index++) forceValue(ctx, value.at(index));
  }
}

/** Evaluates M text in a fresh evaluation, forces the result, and digests it. */
function evaluating(
  engine: Engine,
  text: string,
  digest: (ctx: Context, value: Value) => string,
): Run {
  return () => {
    const ctx = engine.createContext({ now: FIXED_NOW });
    const value = engine.evaluateIn(ctx, text);
    forceValue(ctx, value);
    return digest(ctx, value);
  };
}

function numberDigest(_ctx: Context, value: Value): string {
  if (typeof value !== 'number') throw new Error('the result is not a number');
  return String(value);
}

const always = (): undefined => undefined;

/**
 * A case that needs no input and whose result is a number: `ours` is the M program itself, and
 * `anchor` computes the same number.
 */
function numberCase(
  about: Pick<EvaluatorCase, 'name' | 'ours' | 'anchor' | 'target'>,
  anchor: () => number,
): EvaluatorCase {
  return {
    ...about,
    unavailable: always,
    prepareOurs: (engine) => evaluating(engine, about.ours, numberDigest),
    prepareAnchor: () => () => String(anchor()),
  };
}

const LIST_COUNT = 1_000_000;

const listTransformSum = numberCase(
  {
    name: 'list-transform-sum',
    ours: 'List.Sum(List.Transform({1..1000000}, each _ * 2))',
    anchor: 'a for loop over 1..1,000,000 calling a doubling function and adding up',
    target: { kind: 'ratio', max: 30 },
  },
  () => {
    const double = (value: number): number => value * 2;
    let sum = 0;
    for (let value = 1; value <= LIST_COUNT; value++) sum += double(value);
    return sum;
  },
);

const TABLE_ROWS = 1_000_000;
const TABLE_PIPELINE = `let
    Source = #table(type table [n = number], List.Transform({1..${String(TABLE_ROWS)}}, each {_})),
    Added = Table.AddColumn(Source, "k", each Number.Mod([n], 100), Int64.Type),
    Selected = Table.SelectRows(Added, each Number.Mod([n], 3) <> 0),
    Grouped = Table.Group(Selected, {"k"}, {{"count", each Table.RowCount(_), Int64.Type}, {"sum", each List.Sum([n]), type number}})
in
    Grouped`;

/** `k:count:sum` for each group, sorted by key. */
function groupsDigest(groups: readonly (readonly [number, number, number])[]): string {
  return [...groups]
    .sort((a, b) => a[0] - b[0])
    .map(([key, count, sum]) => `${String(key)}:${String(count)}:${String(sum)}`)
    .join(',');
}

function tableGroupsDigest(ctx: Context, value: Value): string {
  if (!(value instanceof TableValue)) throw new Error('the result is not a table');
  const key = value.layout.indexOf('k');
  const count = value.layout.indexOf('count');
  const sum = value.layout.indexOf('sum');
  const groups: [number, number, number][] = [];
  const cursor = value.cursor(ctx);
  while (cursor.next()) {
    const row = cursor.current;
    groups.push(
      [cell(row, key), cell(row, count), cell(row, sum)].map(Number) as [number, number, number],
    );
  }
  return groupsDigest(groups);
}

const tablePipeline: EvaluatorCase = {
  name: 'table-pipeline',
  ours: `a ${TABLE_ROWS.toLocaleString('en-US')}-row #table through Table.AddColumn, Table.SelectRows and Table.Group (100 groups, count and sum)`,
  anchor: 'the same with arrays of row objects (map, filter) and a Map of groups',
  target: { kind: 'time', milliseconds: 3000 },
  unavailable: always,
  prepareOurs: (engine) => evaluating(engine, TABLE_PIPELINE, tableGroupsDigest),
  prepareAnchor: () => () => {
    const source: { n: number }[] = [];
    for (let n = 1; n <= TABLE_ROWS; n++) source.push({ n });
    const added = source.map((row) => ({ n: row.n, k: row.n % 100 }));
    const selected = added.filter((row) => row.n % 3 !== 0);
    const groups = new Map<number, { count: number; sum: number }>();
    for (const row of selected) {
      const group = groups.get(row.k);
      if (group === undefined) groups.set(row.k, { count: 1, sum: row.n });
      else {
        group.count++;
        group.sum += row.n;
      }
    }
    return groupsDigest([...groups].map(([key, group]) => [key, group.count, group.sum] as const));
  },
};

const fib25 = numberCase(
  {
    name: 'fib-25',
    ours: 'let fib = (n) => if n < 2 then n else @fib(n - 1) + @fib(n - 2) in fib(25)',
    anchor: 'the same recursive function in TypeScript',
    target: { kind: 'time', milliseconds: 1000 },
  },
  () => {
    const fib = (n: number): number => (n < 2 ? n : fib(n - 1) + fib(n - 2));
    return fib(25);
  },
);

/** The column types of `NycTaxiGreen` in the SDK test framework's schema file. */
const TAXI_COLUMNS: readonly (readonly [string, 'int' | 'datetime' | 'logical' | 'number'])[] = [
  ['RecordID', 'int'],
  ['VendorID', 'int'],
  ['lpep_pickup_datetime', 'datetime'],
  ['lpep_dropoff_datetime', 'datetime'],
  ['store_and_fwd_flag', 'logical'],
  ['RatecodeID', 'int'],
  ['PULocationID', 'int'],
  ['DOLocationID', 'int'],
  ['passenger_count', 'int'],
  ['trip_distance', 'number'],
  ['fare_amount', 'number'],
  ['extra', 'number'],
  ['mta_tax', 'number'],
  ['tip_amount', 'number'],
  ['tolls_amount', 'number'],
  ['improvement_surcharge', 'number'],
  ['total_amount', 'number'],
  ['payment_type', 'int'],
  ['trip_type', 'int'],
  ['congestion_surcharge', 'number'],
];

const M_TYPES = {
  int: 'Int64.Type',
  datetime: 'type datetime',
  logical: 'type logical',
  number: 'type number',
};

const TAXI_LOAD = `(source as binary) => Table.TransformColumnTypes(
    Table.PromoteHeaders(Csv.Document(source, [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.None]), [PromoteAllScalars = true]),
    {${TAXI_COLUMNS.map(([name, type]) => `{"${name}", ${M_TYPES[type]}}`).join(', ')}})`;

/** What both sides must agree on: the row count, sums and the range of pickup times. */
interface TaxiSummary {
  rows: number;
  recordIds: number;
  totalAmount: number;
  storedAndForwarded: number;
  missingPassengerCounts: number;
  firstPickup: string;
  lastPickup: string;
}

function taxiDigest(summary: TaxiSummary): string {
  return [
    `rows=${String(summary.rows)}`,
    `RecordID sum=${String(summary.recordIds)}`,
    `total_amount sum=${summary.totalAmount.toFixed(2)}`,
    `store_and_fwd_flag true=${String(summary.storedAndForwarded)}`,
    `passenger_count null=${String(summary.missingPassengerCounts)}`,
    `pickups ${summary.firstPickup}..${summary.lastPickup}`,
  ].join('; ');
}

const two = (value: number): string => String(value).padStart(2, '0');

/** `2023-02-26 18:57` of a datetime value. */
function pickupText(value: DateTimeValue): string {
  const { year, month, day } = new DateValue(value.days).civil;
  const minutes = Math.floor(value.ticks / 600_000_000);
  return `${String(year)}-${two(month)}-${two(day)} ${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

function ourTaxiDigest(ctx: Context, table: TableValue): string {
  const column = (name: string): number => table.layout.indexOf(name);
  const [id, pickup, flag, passengers, total] = [
    column('RecordID'),
    column('lpep_pickup_datetime'),
    column('store_and_fwd_flag'),
    column('passenger_count'),
    column('total_amount'),
  ];
  const summary: TaxiSummary = {
    rows: 0,
    recordIds: 0,
    totalAmount: 0,
    storedAndForwarded: 0,
    missingPassengerCounts: 0,
    firstPickup: '',
    lastPickup: '',
  };
  let first: DateTimeValue | undefined;
  let last: DateTimeValue | undefined;
  const instant = (value: DateTimeValue): number => value.days * 864e9 + value.ticks;
  const cursor = table.cursor(ctx);
  while (cursor.next()) {
    const row = cursor.current;
    summary.rows++;
    summary.recordIds += cell(row, id) as number;
    summary.totalAmount += (cell(row, total) as number | null) ?? 0;
    if (cell(row, flag) === true) summary.storedAndForwarded++;
    if (cell(row, passengers) === null) summary.missingPassengerCounts++;
    const time = cell(row, pickup);
    if (!(time instanceof DateTimeValue)) throw new Error('a pickup time is not a datetime');
    if (first === undefined || instant(time) < instant(first)) first = time;
    if (last === undefined || instant(time) > instant(last)) last = time;
  }
  if (first !== undefined && last !== undefined) {
    summary.firstPickup = pickupText(first);
    summary.lastPickup = pickupText(last);
  }
  return taxiDigest(summary);
}

type AnchorCell = number | boolean | null;

/** `2023-02-02 0:06` as milliseconds since 1970 (UTC), or null when empty. */
function anchorDateTime(text: string): number | null {
  if (text === '') return null;
  const [date = '', time = ''] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const value = Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN, hour ?? NaN, minute ?? NaN);
  if (Number.isNaN(value)) throw new Error(`not a datetime: ${text}`);
  return value;
}

function anchorCell(text: string, type: (typeof TAXI_COLUMNS)[number][1]): AnchorCell {
  switch (type) {
    case 'datetime':
      return anchorDateTime(text);
    case 'logical':
      return text === '' ? null : text.toLowerCase() === 'true';
    case 'int':
    case 'number': {
      if (text === '') return null;
      const value = Number(text);
      if (Number.isNaN(value)) throw new Error(`not a number: ${text}`);
      return value;
    }
  }
}

function anchorTaxiDigest(header: readonly string[], rows: readonly AnchorCell[][]): string {
  const column = (name: string): number => header.indexOf(name);
  const [id, pickup, flag, passengers, total] = [
    column('RecordID'),
    column('lpep_pickup_datetime'),
    column('store_and_fwd_flag'),
    column('passenger_count'),
    column('total_amount'),
  ];
  const summary: TaxiSummary = {
    rows: rows.length,
    recordIds: 0,
    totalAmount: 0,
    storedAndForwarded: 0,
    missingPassengerCounts: 0,
    firstPickup: '',
    lastPickup: '',
  };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    summary.recordIds += row[id] as number;
    summary.totalAmount += (row[total] as number | null) ?? 0;
    if (row[flag] === true) summary.storedAndForwarded++;
    if (row[passengers] === null) summary.missingPassengerCounts++;
    const time = row[pickup] as number;
    if (time < first) first = time;
    if (time > last) last = time;
  }
  const text = (milliseconds: number): string =>
    new Date(milliseconds).toISOString().slice(0, 16).replace('T', ' ');
  if (rows.length > 0) {
    summary.firstPickup = text(first);
    summary.lastPickup = text(last);
  }
  return taxiDigest(summary);
}

const taxiCsv: EvaluatorCase = {
  name: 'taxi-csv',
  ours: 'Csv.Document of the taxi CSV (10,000 rows, 20 columns), Table.PromoteHeaders, Table.TransformColumnTypes to the schema',
  anchor: 'UTF-8 decoding, split on line breaks and commas, Number() and Date.UTC() per cell',
  target: { kind: 'time', milliseconds: 500 },
  unavailable: (inputs) =>
    existsSync(inputs.taxiCsvPath)
      ? undefined
      : `${inputs.taxiCsvPath} is absent (the shared data sets)`,
  prepareOurs: (engine, inputs) => {
    const bytes = new Uint8Array(readFileSync(inputs.taxiCsvPath));
    return () => {
      const ctx = engine.createContext({ now: FIXED_NOW });
      const load = engine.evaluateIn(ctx, TAXI_LOAD);
      if (!(load instanceof FunctionValue)) throw new Error('the taxi loader is not a function');
      const table = load.invoke(ctx, [new BinaryValue(bytes)]);
      if (!(table instanceof TableValue)) throw new Error('the taxi loader did not return a table');
      forceValue(ctx, table);
      return ourTaxiDigest(ctx, table);
    };
  },
  prepareAnchor: (inputs) => {
    const bytes = new Uint8Array(readFileSync(inputs.taxiCsvPath));
    return () => {
      const lines = new TextDecoder('utf-8').decode(bytes).split(/\r?\n/);
      if (lines.at(-1) === '') lines.pop();
      const header = (lines[0] ?? '').split(',');
      const types = header.map(
        (name) => TAXI_COLUMNS.find(([column]) => column === name)?.[1] ?? 'number',
      );
      const rows = lines
        .slice(1)
        .map((line) =>
          line.split(',').map((text, index) => anchorCell(text, types[index] ?? 'number')),
        );
      return anchorTaxiDigest(header, rows);
    };
  },
};

/** Every case, in the order the report lists them. */
export const EVALUATOR_CASES: readonly EvaluatorCase[] = [
  listTransformSum,
  tablePipeline,
  fib25,
  taxiCsv,
];

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_OPTIONS, testEngine } from '../../../test/evaluate.js';
import type { Context } from '../../context.js';
import { printValue } from '../../print/print-value.js';
import { BinaryValue } from '../../values/binary.js';
import { FunctionValue } from '../../values/function.js';
import { cell, TableValue } from '../../values/table.js';

/**
 * The NYC taxi sample of the Power Query SDK test framework (`../shared/data`, beside the
 * repository): 10,000 trips and a header row, read with `Csv.Document`, promoted and typed as the
 * SDK's schema file says.
 */

const here = dirname(fileURLToPath(import.meta.url));
const TAXI_CSV = resolve(here, '../../../../../../shared/data/nyc_taxi_tripdata.csv');
const ZONE_CSV = resolve(TAXI_CSV, '../taxi+_zone_lookup.csv');
const present = existsSync(TAXI_CSV) && existsSync(ZONE_CSV);
if (!present) {
  console.warn(
    `Skipping the taxi CSV tests: ${TAXI_CSV} or ${ZONE_CSV} is absent (see ARCHITECTURE.md §6).`,
  );
}

/** The column types of `NycTaxiGreen` in `PQSDKTestFrameworkDataSchema.sql`. */
const TYPES = `{
  {"RecordID", Int64.Type}, {"VendorID", Int64.Type},
  {"lpep_pickup_datetime", type datetime}, {"lpep_dropoff_datetime", type datetime},
  {"store_and_fwd_flag", type logical}, {"RatecodeID", Int64.Type},
  {"PULocationID", Int64.Type}, {"DOLocationID", Int64.Type}, {"passenger_count", Int64.Type},
  {"trip_distance", type number}, {"fare_amount", type number}, {"extra", type number},
  {"mta_tax", type number}, {"tip_amount", type number}, {"tolls_amount", type number},
  {"improvement_surcharge", type number}, {"total_amount", type number},
  {"payment_type", Int64.Type}, {"trip_type", Int64.Type}, {"congestion_surcharge", type number}
}`;

const PROMOTED =
  '(source as binary) => Table.PromoteHeaders(Csv.Document(source), [PromoteAllScalars = true])';
const TYPED = `(source as binary) => Table.TransformColumnTypes(
  Table.PromoteHeaders(Csv.Document(source, [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.None]), [PromoteAllScalars = true]),
  ${TYPES}
)`;

/** Applies an M function of the file's bytes, in a fresh evaluation. */
function load(ctx: Context, functionText: string, bytes: Uint8Array): TableValue {
  const fn = testEngine().evaluateIn(ctx, functionText);
  if (!(fn instanceof FunctionValue)) throw new Error('expected a function');
  const table = fn.invoke(ctx, [new BinaryValue(bytes)]);
  if (!(table instanceof TableValue)) throw new Error('expected a table');
  return table;
}

/** The rows of a table with every cell computed and printed. */
function printedRows(ctx: Context, table: TableValue): string[][] {
  return table.rows(ctx).map((row) => row.map((_slot, index) => printValue(ctx, cell(row, index))));
}

describe.skipIf(!present)('the taxi CSV', () => {
  const bytes = present ? new Uint8Array(readFileSync(TAXI_CSV)) : new Uint8Array(0);

  it('reads 10,000 trips of 20 text cells under the promoted header', () => {
    const ctx = testEngine().createContext(TEST_OPTIONS);
    const table = load(ctx, PROMOTED, bytes);
    expect(table.columnNames).toEqual([
      'RecordID',
      'VendorID',
      'lpep_pickup_datetime',
      'lpep_dropoff_datetime',
      'store_and_fwd_flag',
      'RatecodeID',
      'PULocationID',
      'DOLocationID',
      'passenger_count',
      'trip_distance',
      'fare_amount',
      'extra',
      'mta_tax',
      'tip_amount',
      'tolls_amount',
      'improvement_surcharge',
      'total_amount',
      'payment_type',
      'trip_type',
      'congestion_surcharge',
    ]);
    const rows = table.rows(ctx);
    expect(rows.length).toBe(10_000);
    expect(rows[0]).toEqual(
      '55340,2,2023-02-26 18:57,2023-02-26 19:04,FALSE,1,7,7,1,1.07,7.9,0,0.5,1.88,0,1,11.28,1,1,0'.split(
        ',',
      ),
    );
    expect(rows[7]?.slice(0, 9)).toEqual([
      '63272',
      '2',
      '2023-02-19 11:16',
      '2023-02-19 11:36',
      '',
      '',
      '157',
      '173',
      '',
    ]);
    expect(
      rows.every((row) => row.length === 20 && row.every((value) => typeof value === 'string')),
    ).toBe(true);
  });

  it('types the columns per the schema', () => {
    // Speed is measured by tools/bench (bench:evaluator, case taxi-csv), not here.
    const ctx = testEngine().createContext(TEST_OPTIONS);
    const table = load(ctx, TYPED, bytes);
    const rows = printedRows(ctx, table);
    expect(printValue(ctx, table.type)).toBe(
      'type table [RecordID = Int64.Type, VendorID = Int64.Type, lpep_pickup_datetime = datetime, lpep_dropoff_datetime = datetime, store_and_fwd_flag = logical, RatecodeID = Int64.Type, PULocationID = Int64.Type, DOLocationID = Int64.Type, passenger_count = Int64.Type, trip_distance = number, fare_amount = number, extra = number, mta_tax = number, tip_amount = number, tolls_amount = number, improvement_surcharge = number, total_amount = number, payment_type = Int64.Type, trip_type = Int64.Type, congestion_surcharge = number]',
    );
    expect(rows.length).toBe(10_000);
    expect(rows[0]).toEqual([
      '55340',
      '2',
      '#datetime(2023, 2, 26, 18, 57, 0)',
      '#datetime(2023, 2, 26, 19, 4, 0)',
      'false',
      '1',
      '7',
      '7',
      '1',
      '1.07',
      '7.9',
      '0',
      '0.5',
      '1.88',
      '0',
      '1',
      '11.28',
      '1',
      '1',
      '0',
    ]);
    // Empty fields become null; a one-digit hour still reads as a datetime.
    expect(rows[7]?.slice(0, 10)).toEqual([
      '63272',
      '2',
      '#datetime(2023, 2, 19, 11, 16, 0)',
      '#datetime(2023, 2, 19, 11, 36, 0)',
      'null',
      'null',
      '157',
      '173',
      'null',
      '3.14',
    ]);
    expect(rows[11]?.slice(0, 3)).toEqual(['60177', '2', '#datetime(2023, 2, 2, 0, 6, 0)']);
    expect(rows[9_999]?.slice(-4)).toEqual(['19.89', '1', '1', '0']);
  });

  it('reads the quoted zone lookup, quotes removed, typed with the schema', () => {
    const ctx = testEngine().createContext(TEST_OPTIONS);
    const zones = load(
      ctx,
      `(source as binary) => Table.TransformColumnTypes(
        Table.PromoteHeaders(Csv.Document(source, [Delimiter = ",", Columns = 4, Encoding = 65001, QuoteStyle = QuoteStyle.None]), [PromoteAllScalars = true]),
        {{"LocationID", Int64.Type}, {"Borough", type text}, {"Zone", type text}, {"service_zone", type text}})`,
      new Uint8Array(readFileSync(ZONE_CSV)),
    );
    expect(printValue(ctx, zones.type)).toBe(
      'type table [LocationID = Int64.Type, Borough = text, Zone = text, service_zone = text]',
    );
    const rows = printedRows(ctx, zones);
    expect(rows.length).toBe(265);
    expect(rows[0]).toEqual(['1', '"EWR"', '"Newark Airport"', '"EWR"']);
    expect(rows[2]).toEqual(['3', '"Bronx"', '"Allerton/Pelham Gardens"', '"Boro Zone"']);
    expect(rows[264]).toEqual(['265', '"Unknown"', '"NA"', '"N/A"']);
  });
});

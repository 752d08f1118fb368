import { MError, REASON } from '../../errors.js';
import { RecordValue } from '../../values/record.js';
import { ArrayRows, TableValue } from '../../values/table.js';
import { recordType, tableType, TYPE } from '../../values/type.js';
import { asFunction, asList, asRecord, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { viewFunction } from '../table/view.js';
import { viewErrorRecord } from '../table/view-error.js';

/**
 * The `Value.*` functions the real engine uses for query plans, lineage, versions, the formula
 * firewall and `Table.View`. An offline engine has no query plans, versions or privacy partitions;
 * each function does the closest faithful thing, as `SPEC-DEVIATIONS.md` records.
 */

function emptyTable(columns: readonly string[]): TableValue {
  return new TableValue(
    tableType(recordType(columns.map((name) => ({ name, type: TYPE.any, optional: false })))),
    new ArrayRows([]),
  );
}

/** The engine-internal `Value.*` functions. */
export const VALUE_INTERNALS: readonly LibraryEntry[] = [
  defineFunction('Value.Optimize', '(value as any) as any', (_ctx, [value]) => value, {
    keepMetadata: true,
  }),
  defineFunction('Value.Alternates', '(alternates as list) as any', (ctx, [alternates]) => {
    const first = asList(alternates).item(ctx, 0);
    if (first === undefined) {
      throw MError.expression('Value.Alternates needs at least one alternate.', alternates);
    }
    return first;
  }),
  defineFunction(
    'Value.Expression',
    '(value as any) as nullable record',
    (_ctx, [value]) =>
      RecordValue.of([
        ['Kind', 'Constant'],
        ['Value', value],
      ]),
    { keepMetadata: true },
  ),
  defineFunction('Value.Firewall', '(key as text) as any', (_ctx, [key]) => {
    throw MError.of(
      REASON.firewall,
      `The firewall partition '${asText(key)}' is unknown: this engine evaluates without privacy partitions.`,
      key,
    );
  }),
  defineFunction('Value.Lineage', '(value as any) as any', () => null),
  defineFunction('Value.Traits', '(value as any) as table', () => emptyTable(['Name', 'Value'])),
  defineFunction('Value.VersionIdentity', '(value as any) as any', () => null),
  defineFunction('Value.Versions', '(value as any) as table', () =>
    emptyTable(['Version', 'Data']),
  ),
  defineFunction(
    'Value.NativeQuery',
    '(target as any, query as text, optional parameters as any, optional options as nullable record) as any',
    () => {
      throw MError.expression("Native queries aren't supported by this value.");
    },
  ),
  // The same as `Table.ViewError` and `Table.ViewFunction` (`../table/view.ts`).
  defineFunction('Value.ViewError', '(errorRecord as record) as record', (_ctx, [record]) =>
    viewErrorRecord(asRecord(record)),
  ),
  defineFunction('Value.ViewFunction', '(function as function) as function', (_ctx, [fn]) =>
    viewFunction(asFunction(fn)),
  ),
];

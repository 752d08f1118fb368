import { describe, expect, it } from 'vitest';
import type { Context } from '../../context.js';
import { Engine } from '../../engine.js';
import { printValue } from '../../print/print-value.js';
import {
  ArrayRows,
  TableValue,
  type RowCursor,
  type RowSource,
  type TableOperation,
} from '../../values/table.js';
import { recordType, tableType, TYPE } from '../../values/type.js';
import { defineConstant } from '../define.js';
import { STANDARD_LIBRARY } from '../standard-library.js';
import { TEST_OPTIONS } from '../../../test/evaluate.js';

/**
 * A row source that records every operation the `Table.*` functions offer it (as `Table.View`
 * handlers would see them), performing `take` and `rowCount` itself and declining the rest.
 */
class RecordingSource implements RowSource {
  readonly offers: string[] = [];
  readonly #rows = new ArrayRows([
    [1, 'a'],
    [2, 'b'],
    [3, 'c'],
  ]);

  get knownCount(): undefined {
    return undefined;
  }

  cursor(ctx: Context): RowCursor {
    return this.#rows.cursor(ctx);
  }

  fold(_ctx: Context, operation: TableOperation): TableValue | number | undefined {
    this.offers.push(describeOperation(operation));
    if (operation.kind === 'rowCount') return 42;
    if (operation.kind === 'take') {
      return new TableValue(
        TABLE_TYPE,
        new ArrayRows([[-1, `folded take ${String(operation.count)}`]]),
      );
    }
    return undefined;
  }
}

function describeOperation(operation: TableOperation): string {
  switch (operation.kind) {
    case 'take':
    case 'skip':
      return `${operation.kind} ${String(operation.count)}`;
    case 'selectColumns':
    case 'distinct':
      return `${operation.kind} ${operation.columns.join(',')}`;
    case 'renameColumns':
      return `renameColumns ${operation.renames.map(([from, to]) => `${from}>${to}`).join(',')}`;
    case 'sort':
      return `sort ${operation.order.map((level) => `${level.column}${level.ascending ? '' : ' desc'}`).join(',')}`;
    case 'selectRows':
      return 'selectRows';
    case 'addColumns':
      return `addColumns ${operation.columns.map((added) => added.name).join(',')}`;
    case 'group':
      return `group ${operation.keys.join(',')} ${operation.aggregates.map((aggregate) => aggregate.name).join(',')}`;
    case 'join':
      return `join ${operation.leftKeys.join(',')}=${operation.rightKeys.join(',')} kind ${String(operation.joinKind)}`;
    case 'rowCount':
      return 'rowCount';
    case 'invoke':
      return 'invoke';
  }
}

const TABLE_TYPE = tableType(
  recordType([
    { name: 'N', type: TYPE.number, optional: false },
    { name: 'T', type: TYPE.text, optional: false },
  ]),
);

/** Evaluates M where `Probe` is a table over a fresh recording source; returns the result and offers. */
function probe(text: string): { result: string; offers: string[] } {
  const source = new RecordingSource();
  const engine = new Engine({
    library: [...STANDARD_LIBRARY, defineConstant('Probe', new TableValue(TABLE_TYPE, source))],
  });
  const ctx = engine.createContext(TEST_OPTIONS);
  return { result: printValue(ctx, engine.evaluateIn(ctx, text)), offers: source.offers };
}

describe('folding: operations offered to the row source', () => {
  it.each([
    ['Table.FirstN(Probe, 2)', ['take 2']],
    ['Table.Skip(Probe, 1)', ['skip 1']],
    ['Table.Range(Probe, 1, 1)', ['skip 1']],
    ['Table.SelectColumns(Probe, {"T"})', ['selectColumns T']],
    ['Table.RemoveColumns(Probe, "T")', ['selectColumns N']],
    ['Table.RenameColumns(Probe, {"T", "Text"})', ['renameColumns T>Text']],
    ['Table.Sort(Probe, {{"N", Order.Descending}, "T"})', ['sort N desc,T']],
    ['Table.Sort(Probe, each [N])', []],
    ['Table.Distinct(Probe)', ['distinct N,T']],
    ['Table.Distinct(Probe, "T")', ['distinct T']],
    ['Table.SelectRows(Probe, each [N] > 1)', ['selectRows']],
    ['Table.AddColumn(Probe, "X", each 1)', ['addColumns X']],
    ['Table.Group(Probe, "T", {"C", each 1})', ['group T C']],
    ['Table.Group(Probe, "T", {"C", each 1}, GroupKind.Local)', []],
    ['Table.Join(Probe, "N", #table({"M"}, {{1}}), "M")', ['join N=M kind 0']],
    ['Table.Join(Probe, "N", #table({"M"}, {{1}}), "M", JoinKind.LeftOuter)', ['join N=M kind 1']],
    ['Table.RowCount(Probe)', ['rowCount']],
    ['Table.RowCount(Table.StopFolding(Probe))', []],
    ['Table.FirstN(Table.Buffer(Probe), 1)', []],
    // After a local step the source is no longer asked.
    ['Table.FirstN(Table.AddColumn(Probe, "X", each 1), 1)', ['addColumns X']],
  ])('%s offers %j', (text, offers) => {
    expect(probe(text).offers).toEqual(offers);
  });

  it.each([
    [
      'Table.FirstN(Probe, 2)',
      '#table(type table [N = number, T = text], {{-1, "folded take 2"}})',
    ],
    ['Table.RowCount(Probe)', '42'],
    ['Table.RowCount(Table.StopFolding(Probe))', '3'],
    ['Table.Skip(Probe, 1)', '#table(type table [N = number, T = text], {{2, "b"}, {3, "c"}})'],
    ['Table.Range(Probe, 1, 1)', '#table(type table [N = number, T = text], {{2, "b"}})'],
    [
      'Table.SelectRows(Probe, each [N] > 2)',
      '#table(type table [N = number, T = text], {{3, "c"}})',
    ],
  ])('%s = %s', (text, expected) => {
    expect(probe(text).result).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const DATA = 'Table.FromRecords({[n = 1, t = "x"], [n = 3, t = null], [n = 3, t = "y"]})';

describe('Table.Profile', () => {
  cases([
    [
      `Table.Profile(${DATA})`,
      '#table(type table [Column = text, Min = any, Max = any, Average = any, StandardDeviation = any, Count = number, NullCount = number, DistinctCount = number], {{"n", 1, 3, 2.3333333333333335, 1.1547005383792515, 3, 0, 2}, {"t", "x", "y", null, null, 3, 1, 3}})',
    ],
    [
      `Table.Profile(${DATA}, {{"Sum", each Type.Is(_, type number), List.Sum}})[[Column], [Sum]]`,
      '#table(type table [Column = text, Sum = any], {{"n", null}, {"t", null}})',
    ],
    [
      'Table.Profile(#table(type table [n = number], {{1}, {2}}), {{"Sum", each Type.Is(_, type number), List.Sum}})[Sum]',
      '{3}',
    ],
    [
      'Table.Profile(#table({"n"}, {}))[[Count], [Min]]',
      '#table(type table [Count = number, Min = any], {{0, null}})',
    ],
    [
      'Table.Profile(#table({"a"}, {{1}}), {{"x"}})',
      'error [Expression.Error] An additional aggregate must be a list of a name, a type check function and an aggregation function.',
    ],
  ]);
});

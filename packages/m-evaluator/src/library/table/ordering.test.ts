import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const ORDERS =
  'Table.FromRecords({[Order = 1, Customer = 2, Price = 5], [Order = 2, Customer = 1, Price = 20], [Order = 3, Customer = 2, Price = 1], [Order = 4, Customer = 1, Price = 7]})';
const orders = (...ids: number[]): string => {
  const rows: Record<number, string> = {
    1: '{1, 2, 5}',
    2: '{2, 1, 20}',
    3: '{3, 2, 1}',
    4: '{4, 1, 7}',
  };
  return `#table(type table [Order = any, Customer = any, Price = any], {${ids.map((id) => rows[id] ?? '').join(', ')}})`;
};

describe('Table.Sort', () => {
  cases([
    [`Table.Sort(${ORDERS}, "Price")`, orders(3, 1, 4, 2)],
    [`Table.Sort(${ORDERS}, {"Price", Order.Descending})`, orders(2, 4, 1, 3)],
    [`Table.Sort(${ORDERS}, {{"Customer", Order.Ascending}, "Price"})`, orders(4, 2, 3, 1)],
    [
      `Table.Sort(${ORDERS}, {{"Customer", Order.Descending}, {"Order", Order.Descending}})`,
      orders(3, 1, 4, 2),
    ],
    [`Table.Sort(${ORDERS}, {"Customer"})`, orders(2, 4, 1, 3)],
    [`Table.Sort(${ORDERS}, each [Price])`, orders(3, 1, 4, 2)],
    [`Table.Sort(${ORDERS}, {each [Price], Order.Descending})`, orders(2, 4, 1, 3)],
    [`Table.Sort(${ORDERS}, (x, y) => Value.Compare(y[Order], x[Order]))`, orders(4, 3, 2, 1)],
    [
      `Table.Sort(${ORDERS}, "Nope")`,
      "error [Expression.Error] The column 'Nope' of the table wasn't found.",
    ],
    [
      'Table.Sort(Table.FromRecords({[a = null], [a = 2], [a = 1]}), "a")',
      '#table(type table [a = any], {{null}, {1}, {2}})',
    ],
    [
      'Table.Sort(Table.FromRecords({[a = "b"], [a = "B"], [a = "a"]}), "a")',
      '#table(type table [a = any], {{"B"}, {"a"}, {"b"}})',
    ],
    [
      `Table.Keys(Table.Sort(Table.AddKey(${ORDERS}, {"Order"}, true), "Price"))`,
      '{[Columns = {"Order"}, Primary = true]}',
    ],
  ]);
});

describe('Table.Distinct, Table.IsDistinct', () => {
  cases([
    [
      'Table.Distinct(Table.FromRecords({[a = "A", b = "a"], [a = "B", b = "b"], [a = "A", b = "a"]}))',
      '#table(type table [a = any, b = any], {{"A", "a"}, {"B", "b"}})',
    ],
    [
      'Table.Distinct(Table.FromRecords({[a = "A", b = "a"], [a = "B", b = "a"], [a = "A", b = "b"]}), "b")',
      '#table(type table [a = any, b = any], {{"A", "a"}, {"A", "b"}})',
    ],
    [
      'Table.Distinct(Table.FromRecords({[a = "x", b = 1], [a = "X", b = 1], [a = "y", b = 2]}), Comparer.OrdinalIgnoreCase)',
      '#table(type table [a = any, b = any], {{"x", 1}, {"y", 2}})',
    ],
    [
      'Table.Distinct(Table.FromRecords({[a = "x", b = 1], [a = "X", b = 2]}), {"a", Comparer.OrdinalIgnoreCase})',
      '#table(type table [a = any, b = any], {{"x", 1}})',
    ],
    [
      'Table.Distinct(Table.FromRecords({[a = 1, b = 1], [a = 1, b = 2], [a = 1, b = 1]}), {"a", "b"})',
      '#table(type table [a = any, b = any], {{1, 1}, {1, 2}})',
    ],
    [
      'Table.FirstN(Table.Distinct(Table.FromColumns({List.Generate(() => 0, each true, each _ + 1)}, {"n"})), 2)',
      '#table(type table [n = any], {{0}, {1}})',
    ],
    [
      'Table.Distinct(Table.FromRecords({[a = 1]}), "z")',
      "error [Expression.Error] The column 'z' of the table wasn't found.",
    ],
    [
      'Table.IsDistinct(Table.FromRecords({[ID = 1, Name = "Bob"], [ID = 5, Name = "Bob"]}))',
      'true',
    ],
    [
      'Table.IsDistinct(Table.FromRecords({[ID = 1, Name = "Bob"], [ID = 5, Name = "Bob"]}), "Name")',
      'false',
    ],
    ['Table.IsDistinct(#table({"a"}, {}))', 'true'],
  ]);
});

describe('Table.Max, Table.Min, Table.MaxN, Table.MinN', () => {
  cases([
    ['Table.Max(Table.FromRecords({[a = 2, b = 4], [a = 6, b = 8]}), "a")', '[a = 6, b = 8]'],
    ['Table.Max(#table({"a"}, {}), "a", -1)', '-1'],
    ['Table.Max(#table({"a"}, {}), "a")', 'null'],
    ['Table.Min(Table.FromRecords({[a = 2, b = 4], [a = 6, b = 8]}), "a")', '[a = 2, b = 4]'],
    ['Table.Min(Table.FromRecords({[a = 2, b = 4], [a = 6, b = 8]}), each -[a])', '[a = 6, b = 8]'],
    ['Table.Min(#table({"a"}, {}), "a", -1)', '-1'],
    [
      'Table.MaxN(Table.FromRecords({[a = 2, b = 4], [a = 0, b = 0], [a = 6, b = 2]}), "a", each [a] > 0)',
      '#table(type table [a = any, b = any], {{6, 2}, {2, 4}})',
    ],
    [
      'Table.MaxN(Table.FromRecords({[a = 2, b = 4], [a = 8, b = 0], [a = 6, b = 2]}), "a", each [b] > 0)',
      '#table(type table [a = any, b = any], {})',
    ],
    [
      'Table.MaxN(Table.FromRecords({[a = 2], [a = 8], [a = 6]}), "a", 2)',
      '#table(type table [a = any], {{8}, {6}})',
    ],
    [
      'Table.MinN(Table.FromRecords({[a = 2, b = 4], [a = 0, b = 0], [a = 6, b = 4]}), "a", each [a] < 3)',
      '#table(type table [a = any, b = any], {{0, 0}, {2, 4}})',
    ],
    [
      'Table.MinN(Table.FromRecords({[a = 2], [a = 8]}), "a", each [a] < 0)',
      '#table(type table [a = any], {})',
    ],
  ]);
});

describe('Table.AddRankColumn', () => {
  const REVENUE =
    'Table.FromRecords({[ID = 1, Revenue = 200], [ID = 2, Revenue = 100], [ID = 3, Revenue = 200], [ID = 4, Revenue = 50]})';
  cases([
    [
      `Table.AddRankColumn(${REVENUE}, "Rank", {"Revenue", Order.Descending})`,
      '#table(type table [ID = any, Revenue = any, Rank = number], {{1, 200, 1}, {3, 200, 1}, {2, 100, 3}, {4, 50, 4}})',
    ],
    [
      `Table.AddRankColumn(${REVENUE}, "Rank", {"Revenue", Order.Descending}, [RankKind = RankKind.Dense])[Rank]`,
      '{1, 1, 2, 3}',
    ],
    [
      `Table.AddRankColumn(${REVENUE}, "Rank", {"Revenue", Order.Descending}, [RankKind = RankKind.Ordinal])[Rank]`,
      '{1, 2, 3, 4}',
    ],
    [
      `Table.AddRankColumn(${REVENUE}, "Rank", "Revenue", [RankKind = 9])`,
      'error [Expression.Error] The RankKind option must be RankKind.Competition, RankKind.Dense or RankKind.Ordinal.',
    ],
  ]);
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const SALES =
  'Table.FromRecords({[Shop = 1, Price = 20], [Shop = 2, Price = 10], [Shop = 2, Price = 20], [Shop = 1, Price = 10], [Shop = 3, Price = 20], [Shop = 3, Price = 5]})';
const TYPED = '#table(type table [Shop = text, Price = number], {{"a", 1}, {"b", 2}, {"a", 3}})';

describe('Table.Group', () => {
  cases([
    [
      `Table.Group(${SALES}, "Shop", {"Total", each List.Sum([Price])})`,
      '#table(type table [Shop = any, Total = any], {{1, 30}, {2, 30}, {3, 25}})',
    ],
    [
      `Table.Group(${SALES}, {"Shop"}, {{"Total", each List.Sum([Price]), type number}, {"Count", each Table.RowCount(_), Int64.Type}})`,
      '#table(type table [Shop = any, Total = number, Count = Int64.Type], {{1, 30, 2}, {2, 30, 2}, {3, 25, 2}})',
    ],
    [
      `Value.Type(Table.Group(${TYPED}, "Shop", {{"Total", each List.Sum([Price]), type number}, {"Rows", each _, type table}}))`,
      'type table [Shop = text, Total = number, Rows = table]',
    ],
    [`Table.Group(${TYPED}, "Shop", {})`, '#table(type table [Shop = text], {{"a"}, {"b"}})'],
    [
      `Table.Group(${TYPED}, "Shop", {"Rows", each _})`,
      '#table(type table [Shop = text, Rows = any], {{"a", #table(type table [Shop = text, Price = number], {{"a", 1}, {"a", 3}})}, {"b", #table(type table [Shop = text, Price = number], {{"b", 2}})}})',
    ],
    [`Table.Keys(Table.Group(${TYPED}, "Shop", {}))`, '{[Columns = {"Shop"}, Primary = true]}'],
    [
      'Table.Group(Table.FromRecords({[a = 1, b = 1, v = 1], [a = 1, b = 2, v = 2], [a = 1, b = 1, v = 3]}), {"a", "b"}, {"n", each List.Sum([v])})',
      '#table(type table [a = any, b = any, n = any], {{1, 1, 4}, {1, 2, 2}})',
    ],
    [
      'Table.Group(Table.FromRecords({[a = 1, v = 1], [a = 1, v = 2], [a = 2, v = 3], [a = 1, v = 4]}), "a", {"n", each List.Sum([v])}, GroupKind.Local)',
      '#table(type table [a = any, n = any], {{1, 3}, {2, 3}, {1, 4}})',
    ],
    [
      'Table.Group(Table.FromRecords({[a = "x", v = 1], [a = "X", v = 2], [a = "y", v = 3]}), "a", {"n", each List.Sum([v])}, GroupKind.Global, Comparer.OrdinalIgnoreCase)',
      '#table(type table [a = any, n = any], {{"x", 3}, {"y", 3}})',
    ],
    [
      'Table.Group(Table.FromRecords({[a = "x", v = 1], [a = "X", v = 2], [a = "y", v = 3]}), "a", {"n", each List.Sum([v])}, GroupKind.Local, Comparer.OrdinalIgnoreCase)',
      '#table(type table [a = any, n = any], {{"x", 3}, {"y", 3}})',
    ],
    [
      'Table.Group(Table.FromRecords({[a = 1, v = 1], [a = 1, v = 2]}), {}, {"n", each List.Sum([v])})',
      '#table(type table [n = any], {{3}})',
    ],
    [
      'Table.Group(Table.FromRecords({[a = null, v = 1], [a = null, v = 2]}), "a", {"n", each List.Sum([v])})',
      '#table(type table [a = any, n = any], {{null, 3}})',
    ],
    [
      'Table.Group(Table.FromRecords({[a = #date(2024, 1, 1), v = 1], [a = #date(2024, 1, 1), v = 2]}), "a", {"n", each List.Sum([v])})',
      '#table(type table [a = any, n = any], {{#date(2024, 1, 1), 3}})',
    ],
    [
      `Table.Group(${SALES}, "Nope", {})`,
      "error [Expression.Error] The column 'Nope' of the table wasn't found.",
    ],
    [
      `Table.Group(${SALES}, "Shop", {"n"})`,
      'error [Expression.Error] An aggregated column must be a list of a name, a function and, optionally, a type.',
    ],
    [
      `Table.Group(${SALES}, "Shop", {"n", 1})`,
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
    [
      `Table.Group(${SALES}, "Shop", {}, 5)`,
      'error [Expression.Error] The groupKind must be GroupKind.Local or GroupKind.Global.',
    ],
    // Aggregates are computed when read: an error is that cell's error only.
    [`Table.RowCount(Table.Group(${SALES}, "Shop", {"bad", each error "agg"}))`, '3'],
    [`Table.Group(${SALES}, "Shop", {"bad", each error "agg"})[Shop]`, '{1, 2, 3}'],
    [
      'Table.RowCount(Table.Group(Table.FromColumns({{1..100000}, List.Transform({1..100000}, each Number.Mod(_, 7))}, {"A", "B"}), "B", {"n", each Table.RowCount(_)}))',
      '7',
    ],
  ]);
});

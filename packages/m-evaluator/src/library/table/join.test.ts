import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const CUSTOMERS =
  'Table.FromRecords({[ID = 1, Name = "Ann"], [ID = 2, Name = "Ben"], [ID = 3, Name = "Cy"]})';
const ORDERS =
  'Table.FromRecords({[Order = 10, Customer = 1], [Order = 11, Customer = 1], [Order = 12, Customer = 2], [Order = 13, Customer = 9], [Order = 14, Customer = 1]})';
const LEFT = 'Table.FromRecords({[K = 1, L = "a"], [K = 2, L = "b"]})';
const RIGHT = 'Table.FromRecords({[R = 1, V = 10], [R = 3, V = 30]})';

describe('Table.Join', () => {
  cases([
    [
      `Table.Join(${CUSTOMERS}, "ID", ${ORDERS}, "Customer")`,
      '#table(type table [ID = any, Name = any, Order = any, Customer = any], {{1, "Ann", 10, 1}, {1, "Ann", 11, 1}, {2, "Ben", 12, 2}, {1, "Ann", 14, 1}})',
    ],
    [
      'Table.Join(Table.FromRecords({[ID = 1, Name = "Ann"]}), "ID", Table.FromRecords({[Order = 5, ID = 1]}), "ID")',
      '#table(type table [ID = any, Name = any, Order = any], {{1, "Ann", 5}})',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", JoinKind.LeftOuter)`,
      '#table(type table [K = any, L = any, R = any, V = any], {{1, "a", 1, 10}, {2, "b", null, null}})',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", JoinKind.RightOuter)`,
      '#table(type table [K = any, L = any, R = any, V = any], {{1, "a", 1, 10}, {null, null, 3, 30}})',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", JoinKind.FullOuter)`,
      '#table(type table [K = any, L = any, R = any, V = any], {{1, "a", 1, 10}, {2, "b", null, null}, {null, null, 3, 30}})',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", JoinKind.LeftAnti)`,
      '#table(type table [K = any, L = any, R = any, V = any], {{2, "b", null, null}})',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", JoinKind.RightAnti)`,
      '#table(type table [K = any, L = any, R = any, V = any], {{null, null, 3, 30}})',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", JoinKind.LeftSemi)`,
      '#table(type table [K = any, L = any], {{1, "a"}})',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", JoinKind.RightSemi)`,
      '#table(type table [R = any, V = any], {{1, 10}})',
    ],
    [
      'Table.Join(Table.FromRecords({[K = 1, L = "a"], [K = 2, L = "b"]}), "K", Table.FromRecords({[K = 1, V = 10], [K = 3, V = 30]}), "K", JoinKind.FullOuter)',
      '#table(type table [K = any, L = any, V = any], {{1, "a", 10}, {2, "b", null}, {3, null, 30}})',
    ],
    [
      'Table.Join(Table.FromRecords({[T = 1, C = 1, N = "Ann"], [T = 1, C = 2, N = "Ben"]}), {"T", "C"}, Table.FromRecords({[OT = 1, OC = 2, Item = "pen"]}), {"OT", "OC"})',
      '#table(type table [T = any, C = any, N = any, OT = any, OC = any, Item = any], {{1, 2, "Ben", 1, 2, "pen"}})',
    ],
    [
      'Table.Join(Table.FromRecords({[K = "a", N = 1]}), "K", Table.FromRecords({[R = "A", V = 10]}), "R", JoinKind.Inner, JoinAlgorithm.SortMerge, {Comparer.OrdinalIgnoreCase})',
      '#table(type table [K = any, N = any, R = any, V = any], {{"a", 1, "A", 10}})',
    ],
    [
      'Table.Join(Table.FromRecords({[K = null, N = 1]}), "K", Table.FromRecords({[R = null, V = 10]}), "R")',
      '#table(type table [K = any, N = any, R = any, V = any], {{null, 1, null, 10}})',
    ],
    [
      'Table.Join(Table.FromRecords({[K = 1, Name = "x"]}), "K", Table.FromRecords({[R = 1, Name = "y"]}), "R")',
      'error [Expression.Error] A join operation cannot result in a table with duplicate column names ("Name").',
    ],
    [
      `Table.Join(${LEFT}, {"K", "L"}, ${RIGHT}, "R")`,
      'error [Expression.Error] The two tables must be joined on the same number of key columns.',
    ],
    [
      `Table.Join(${LEFT}, "Z", ${RIGHT}, "R")`,
      "error [Expression.Error] The column 'Z' of the table wasn't found.",
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", 9)`,
      'error [Expression.Error] The joinKind must be one of the JoinKind values.',
    ],
    [
      `Table.Join(${LEFT}, "K", ${RIGHT}, "R", null, 9)`,
      'error [Expression.Error] The joinAlgorithm must be one of the JoinAlgorithm values.',
    ],
    [
      'Table.RowCount(Table.Join(Table.FromColumns({{1..50000}}, {"A"}), "A", Table.FromColumns({{1..50000}}, {"B"}), "B"))',
      '50000',
    ],
  ]);
});

describe('Table.NestedJoin, Table.AddJoinColumn', () => {
  cases([
    [
      `Table.NestedJoin(Table.FromRecords({[Call = 1], [Call = 3]}), {"Call"}, ${CUSTOMERS}, {"ID"}, "Who")`,
      '#table(type table [Call = any, Who = table [ID = any, Name = any]], {{1, #table(type table [ID = any, Name = any], {{1, "Ann"}})}, {3, #table(type table [ID = any, Name = any], {{3, "Cy"}})}})',
    ],
    [
      `Table.NestedJoin(${LEFT}, "K", ${RIGHT}, "R", "T")`,
      '#table(type table [K = any, L = any, T = table [R = any, V = any]], {{1, "a", #table(type table [R = any, V = any], {{1, 10}})}, {2, "b", #table(type table [R = any, V = any], {})}})',
    ],
    [`Table.NestedJoin(${LEFT}, "K", ${RIGHT}, "R", "T", JoinKind.Inner)[K]`, '{1}'],
    [`Table.NestedJoin(${LEFT}, "K", ${RIGHT}, "R", "T", JoinKind.LeftAnti)[K]`, '{2}'],
    [
      `Table.NestedJoin(${LEFT}, "K", ${RIGHT}, "R", "T", JoinKind.FullOuter)`,
      '#table(type table [K = any, L = any, T = table [R = any, V = any]], {{1, "a", #table(type table [R = any, V = any], {{1, 10}})}, {2, "b", #table(type table [R = any, V = any], {})}, {null, null, #table(type table [R = any, V = any], {{3, 30}})}})',
    ],
    [`Table.NestedJoin(${LEFT}, "K", ${RIGHT}, "R", "T", JoinKind.RightAnti)[T]{0}[V]`, '{30}'],
    [
      'Table.ExpandTableColumn(Table.NestedJoin(Table.FromRecords({[K = 1], [K = 2]}), "K", Table.FromRecords({[R = 1, V = "x"], [R = 1, V = "y"]}), "R", "T"), "T", {"V"})',
      '#table(type table [K = any, V = any], {{1, "x"}, {1, "y"}, {2, null}})',
    ],
    [
      'Table.AddJoinColumn(Table.FromRecords({[sale = 1, item = "Shirt"]}), "sale", Table.FromRecords({[sale = 1, price = 20]}), "sale", "price")',
      '#table(type table [sale = any, item = any, price = table [sale = any, price = any]], {{1, "Shirt", #table(type table [sale = any, price = any], {{1, 20}})}})',
    ],
  ]);
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const NESTED =
  'Table.FromRecords({[t = Table.FromRecords({[a = 1, b = 2], [a = 2, b = 4]}), k = "x"], [t = #table({"a", "b"}, {}), k = "y"], [t = null, k = "z"]})';

describe('Table.ExpandRecordColumn', () => {
  cases([
    [
      'Table.ExpandRecordColumn(Table.FromRecords({[r = [aa = 1, bb = 2, cc = 3], b = 2]}), "r", {"aa", "bb", "cc"})',
      '#table(type table [aa = any, bb = any, cc = any, b = any], {{1, 2, 3, 2}})',
    ],
    [
      'Table.ExpandRecordColumn(Table.FromRecords({[r = [x = 1], k = 1], [r = null, k = 2]}), "r", {"x", "y"}, {"r.x", "r.y"})',
      '#table(type table [r.x = any, r.y = any, k = any], {{1, null, 1}, {null, null, 2}})',
    ],
    [
      'Value.Type(Table.ExpandRecordColumn(#table(type table [r = [x = number, y = text]], {}), "r", {"y", "z"}))',
      'type table [y = text, z = any]',
    ],
    [
      'Table.ExpandRecordColumn(Table.FromRecords({[r = 5, k = 1]}), "r", {"x"}){0}[x]',
      'error [Expression.Error] We cannot convert the value 5 to type Record.',
    ],
    ['Table.ExpandRecordColumn(Table.FromRecords({[r = 5, k = 1]}), "r", {"x"})[k]', '{1}'],
    [
      'Table.ExpandRecordColumn(Table.FromRecords({[r = [x = error "e"], k = 1]}), "r", {"x"})[k]',
      '{1}',
    ],
    [
      'Table.ExpandRecordColumn(Table.FromRecords({[r = [x = 1], k = 1]}), "r", {"x"}, {"a", "b"})',
      'error [Expression.Error] The new column names must be as many as the names of the columns to expand.',
    ],
    [
      'Table.ExpandRecordColumn(Table.FromRecords({[r = [k = 1], k = 1]}), "r", {"k"})',
      "error [Expression.Error] The field 'k' already exists in the record.",
    ],
    [
      'Table.ExpandRecordColumn(#table({"a"}, {}), "z", {"x"})',
      "error [Expression.Error] The column 'z' of the table wasn't found.",
    ],
  ]);
});

describe('Table.ExpandTableColumn', () => {
  cases([
    [
      `Table.ExpandTableColumn(${NESTED}, "t", {"a", "b"}, {"t.a", "t.b"})`,
      '#table(type table [t.a = any, t.b = any, k = any], {{1, 2, "x"}, {2, 4, "x"}, {null, null, "y"}, {null, null, "z"}})',
    ],
    [
      `Table.ExpandTableColumn(${NESTED}, "t", {"b", "missing"})`,
      '#table(type table [b = any, missing = any, k = any], {{2, null, "x"}, {4, null, "x"}, {null, null, "y"}, {null, null, "z"}})',
    ],
    [
      'Value.Type(Table.ExpandTableColumn(#table(type table [t = table [a = number]], {}), "t", {"a"}))',
      'type table [a = number]',
    ],
    [
      'Table.ExpandTableColumn(Table.FromRecords({[t = 1]}), "t", {"a"})',
      'error [Expression.Error] We cannot convert the value 1 to type Table.',
    ],
  ]);
});

describe('Table.ExpandListColumn', () => {
  cases([
    [
      'Table.ExpandListColumn(Table.FromRecords({[Name = {"Ann", "Ben"}, Discount = .15]}), "Name")',
      '#table(type table [Name = any, Discount = any], {{"Ann", 0.15}, {"Ben", 0.15}})',
    ],
    [
      'Table.ExpandListColumn(#table({"Part", "Items"}, {{"Tool", #table({"Name", "Qty"}, {{"Nut", 2}, {"Bolt", 3}})}}), "Items")',
      '#table(type table [Part = any, Items = any], {{"Tool", [Name = "Nut", Qty = 2]}, {"Tool", [Name = "Bolt", Qty = 3]}})',
    ],
    [
      'Table.ExpandListColumn(Table.FromRecords({[l = {}, k = 1], [l = null, k = 2], [l = 7, k = 3]}), "l")',
      '#table(type table [l = any, k = any], {{null, 1}, {null, 2}, {7, 3}})',
    ],
    [
      'Value.Type(Table.ExpandListColumn(#table(type table [l = {number}], {}), "l"))',
      'type table [l = number]',
    ],
    ['Table.RowCount(Table.ExpandListColumn(Table.FromRecords({[l = {error "a", 2}]}), "l"))', '2'],
  ]);
});

describe('Table.AggregateTableColumn', () => {
  cases([
    [
      'Table.AggregateTableColumn(Table.FromRecords({[t = Table.FromRecords({[a = 1, b = 2], [a = 2, b = 4]}), k = 2]}), "t", {{"a", List.Sum, "sum a"}, {"b", List.Min, "min b"}, {"b", List.Max, "max b"}, {"a", List.Count, "count a"}})',
      '#table(type table [sum a = any, min b = any, max b = any, count a = any, k = any], {{3, 2, 4, 2, 2}})',
    ],
    [
      'Table.AggregateTableColumn(Table.FromRecords({[t = null, k = 1]}), "t", {{"a", List.Sum, "s"}})',
      '#table(type table [s = any, k = any], {{null, 1}})',
    ],
    [
      'Table.AggregateTableColumn(Table.FromRecords({[t = #table({"a"}, {{1}}), k = 1]}), "t", {{"z", List.Sum, "s"}}){0}[s]',
      "error [Expression.Error] The column 'z' of the table wasn't found.",
    ],
    [
      'Table.AggregateTableColumn(Table.FromRecords({[t = #table({"a"}, {{1}}), k = 1]}), "t", {{"a", List.Sum}})',
      'error [Expression.Error] An aggregation must be a list of a column name, a function and a new column name.',
    ],
  ]);
});

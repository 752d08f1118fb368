import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

describe('Table.FromRecords', () => {
  cases([
    [
      'Table.FromRecords({[ID = 7, Item = "pen"], [ID = 8, Item = "ink"]})',
      '#table(type table [ID = any, Item = any], {{7, "pen"}, {8, "ink"}})',
    ],
    ['Table.FromRecords({})', '#table(type table [], {})'],
    [
      'Table.FromRecords({[b = 2, a = 1]}, {"a", "b"})',
      '#table(type table [a = any, b = any], {{1, 2}})',
    ],
    [
      'Table.FromRecords({[a = 1, b = "x"]}, type table [a = number, b = text])',
      '#table(type table [a = number, b = text], {{1, "x"}})',
    ],
    [
      'Table.FromRecords({[a = 1, b = "x"], [a = 2]}, type table [a = number, b = nullable text], MissingField.UseNull)',
      '#table(type table [a = number, b = nullable text], {{1, "x"}, {2, null}})',
    ],
    [
      'Table.ColumnsOfType(Table.FromRecords({[n = 1, t = "x"]}, type table [n = Int64.Type, t = text]), {type number})',
      '{"n"}',
    ],
    [
      'Table.FromRecords({[a = 1], [b = 2]})',
      "error [Expression.Error] The field 'a' of the record wasn't found.",
    ],
    [
      'Table.FromRecords({[a = 1]}, null, MissingField.Ignore)',
      'error [Expression.Error] Table.FromRecords does not accept MissingField.Ignore.',
    ],
    [
      'Table.FromRecords({1})',
      'error [Expression.Error] We cannot convert the value 1 to type Record.',
    ],
    [
      'Table.FromRecords(null)',
      'error [Expression.Error] We cannot convert the value null to type List.',
    ],
    // Fields stay lazy: an error in a field is an error in that cell only.
    ['Table.RowCount(Table.FromRecords({[a = error "bad"], [a = 2]}))', '2'],
    ['Table.FromRecords({[a = error "bad", b = 1]})[b]', '{1}'],
    [
      'Table.FromRecords({[a = 1, extra = 2], [a = 3]}, {"a"})',
      '#table(type table [a = any], {{1}, {3}})',
    ],
  ]);
});

describe('Table.FromRows', () => {
  cases([
    [
      'Table.FromRows({{1, "pen"}, {2, "ink"}}, {"ID", "Item"})',
      '#table(type table [ID = any, Item = any], {{1, "pen"}, {2, "ink"}})',
    ],
    [
      'Table.FromRows({{1, "pen"}}, type table [ID = number, Item = text])',
      '#table(type table [ID = number, Item = text], {{1, "pen"}})',
    ],
    ['Table.FromRows({{1, 2}})', '#table(type table [Column1 = any, Column2 = any], {{1, 2}})'],
    ['Table.FromRows({{1, 2}}, 2)', '#table(type table [Column1 = any, Column2 = any], {{1, 2}})'],
    ['Table.FromRows({})', '#table(type table [], {})'],
    [
      'Table.FromRows({{1, 2}, {3}}, {"a", "b"})',
      'error [Expression.Error] The row has 1 values, but the table has 2 columns.',
    ],
    ['Table.RowCount(Table.FromRows({{1, error "x"}}, {"a", "b"}))', '1'],
    [
      'Table.Keys(Table.FromRows({{1}}, Type.AddTableKey(type table [a = number], {"a"}, true)))',
      '{[Columns = {"a"}, Primary = true]}',
    ],
  ]);
});

describe('Table.FromColumns', () => {
  cases([
    [
      'Table.FromColumns({{1, 2}, {"x", "y"}})',
      '#table(type table [Column1 = any, Column2 = any], {{1, "x"}, {2, "y"}})',
    ],
    [
      'Table.FromColumns({{1, 2, 3}, {4}, {5, 6}}, {"p", "q", "r"})',
      '#table(type table [p = any, q = any, r = any], {{1, 4, 5}, {2, null, 6}, {3, null, null}})',
    ],
    ['Table.FromColumns({{1}}, type table [n = number])', '#table(type table [n = number], {{1}})'],
    ['Table.FromColumns({{1}}, {"a", "b"})', '#table(type table [a = any, b = any], {{1, null}})'],
    [
      'Table.FromColumns({{1}, {2}}, {"a"})',
      'error [Expression.Error] There are 2 lists, but only 1 columns were given.',
    ],
    ['Table.FromColumns({})', '#table(type table [], {})'],
    ['Table.RowCount(Table.FromColumns({{1..1000000000}}))', '1000000000'],
    [
      'Table.FirstN(Table.FromColumns({{1..1000000000}}), 2)',
      '#table(type table [Column1 = any], {{1}, {2}})',
    ],
    ['Table.RowCount(Table.FromColumns({List.Transform({1, 2}, each error "x")}))', '2'],
    [
      'Table.FromColumns({List.Select({1, 2, 3}, each _ > 1), {"a"}})',
      '#table(type table [Column1 = any, Column2 = any], {{2, "a"}, {3, null}})',
    ],
  ]);
});

describe('Table.FromList', () => {
  cases([
    [
      'Table.FromList({"a,apple", "b,ball"}, null, {"Letter", "Word"})',
      '#table(type table [Letter = any, Word = any], {{"a", "apple"}, {"b", "ball"}})',
    ],
    [
      'Table.FromList({"a,apple"}, Splitter.SplitByNothing(), {"Whole"})',
      '#table(type table [Whole = any], {{"a,apple"}})',
    ],
    [
      'Table.FromList({[ID = 1, Name = "Bob"]}, Record.FieldValues, {"ID", "Name"})',
      '#table(type table [ID = any, Name = any], {{1, "Bob"}})',
    ],
    ['Table.FromList({"x,y"})', '#table(type table [Column1 = any, Column2 = any], {{"x", "y"}})'],
    [
      'Table.FromList({"a,b", "c"}, null, 2, "-")',
      '#table(type table [Column1 = any, Column2 = any], {{"a", "b"}, {"c", "-"}})',
    ],
    [
      'Table.FromList({"a,b", "c,d,e"}, null, 2)',
      'error [Expression.Error] There were more columns in the result than expected.',
    ],
    [
      'Table.FromList({"a,b", "c,d,e"}, null, 2, null, 2)',
      '#table(type table [Column1 = any, Column2 = any], {{"a", "b"}, {"c", "d"}})',
    ],
    [
      'Table.FromList({"a,b", "c,d,e"}, null, 2, null, 0)',
      '#table(type table [Column1 = any, Column2 = any], {{"a", {"b"}}, {"c", {"d", "e"}}})',
    ],
    ['Table.FromList({1})', 'error [Expression.Error] We cannot convert the value 1 to type Text.'],
    [
      'Table.FromList({"a"}, null, null, null, 7)',
      'error [Expression.Error] The extraValues argument must be ExtraValues.List, ExtraValues.Error or ExtraValues.Ignore.',
    ],
  ]);
});

describe('Table.FromValue', () => {
  cases([
    ['Table.FromValue(1)', '#table(type table [Value = any], {{1}})'],
    ['Table.FromValue({1, "b"})', '#table(type table [Value = any], {{1}, {"b"}})'],
    ['Table.FromValue(1, [DefaultColumnName = "V"])', '#table(type table [V = any], {{1}})'],
    [
      'Table.FromValue([a = 1, b = 2])',
      '#table(type table [Name = text, Value = any], {{"a", 1}, {"b", 2}})',
    ],
    ['Table.FromValue(#table({"x"}, {{1}}))', '#table(type table [x = any], {{1}})'],
    ['Table.FromValue(null)', '#table(type table [Value = any], {{null}})'],
  ]);
});

describe('Table.FromPartitions', () => {
  cases([
    [
      'Table.FromPartitions("Year", {{2023, #table({"v"}, {{1}})}, {2024, #table({"v"}, {{2}, {3}})}})',
      '#table(type table [v = any, Year = any], {{1, 2023}, {2, 2024}, {3, 2024}})',
    ],
    [
      'Table.FromPartitions("Y", {{1, Table.FromPartitions("M", {{"Jan", #table({"v"}, {{"a"}})}})}}, type number)',
      '#table(type table [v = any, M = any, Y = number], {{"a", "Jan", 1}})',
    ],
    [
      'Table.FromPartitions("Y", {{1}})',
      'error [Expression.Error] A partition must be a list of a value and a table.',
    ],
  ]);
});

describe('#table', () => {
  cases([
    ['#table(2, {{1, 2}})', '#table(type table [Column1 = any, Column2 = any], {{1, 2}})'],
    ['#table(type table [a = number], {{1}})', '#table(type table [a = number], {{1}})'],
  ]);
});

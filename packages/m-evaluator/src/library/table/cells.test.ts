import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const MISSING = (name: string): string =>
  `error [Expression.Error] The column '${name}' of the table wasn't found.`;

describe('Table.ReplaceValue', () => {
  cases([
    [
      'Table.ReplaceValue(Table.FromRecords({[A = 1, B = "bye"], [A = 2, B = "byes"]}), "bye", "hi", Replacer.ReplaceValue, {"B"})',
      '#table(type table [A = any, B = any], {{1, "hi"}, {2, "byes"}})',
    ],
    [
      'Table.ReplaceValue(Table.FromRecords({[A = 1, B = "wurld"]}), "ur", "or", Replacer.ReplaceText, {"B"})',
      '#table(type table [A = any, B = any], {{1, "world"}})',
    ],
    [
      'Table.ReplaceValue(Table.FromRecords({[Name = "Cindy", Country = "US"], [Name = "Bob", Country = "CA"]}), each if [Country] = "US" then [Name] else false, each Text.Repeat("*", Text.Length([Name])), Replacer.ReplaceValue, {"Name"})',
      '#table(type table [Name = any, Country = any], {{"*****", "US"}, {"Bob", "CA"}})',
    ],
    [
      'Table.ReplaceValue(Table.FromRecords({[Name = "Cindy", Country = "US"], [Name = "Bob", Country = "CA"]}), each [Country] = "US", "?", (current, isUS, mark) => if isUS then Text.Repeat(mark, Text.Length(current)) else current, {"Name", "Country"})',
      '#table(type table [Name = any, Country = any], {{"?????", "??"}, {"Bob", "CA"}})',
    ],
    [
      'Table.ReplaceValue(#table(type table [n = number], {{null}, {1}}), null, 0, Replacer.ReplaceValue, {"n"})',
      '#table(type table [n = number], {{0}, {1}})',
    ],
    ['Table.ReplaceValue(#table({"a"}, {}), 1, 2, Replacer.ReplaceValue, {"b"})', MISSING('b')],
    [
      'Table.ReplaceValue(#table({"a"}, {{1}}), "1", "2", Replacer.ReplaceText, {"a"}){0}[a]',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Table.RowCount(Table.ReplaceValue(#table({"a"}, {{1}}), "1", "2", Replacer.ReplaceText, {"a"}))',
      '1',
    ],
  ]);
});

describe('Table.ReplaceErrorValues', () => {
  cases([
    [
      'Table.ReplaceErrorValues(Table.FromRows({{1, "hello"}, {3, error "x"}}, {"A", "B"}), {"B", "world"})',
      '#table(type table [A = any, B = any], {{1, "hello"}, {3, "world"}})',
    ],
    [
      'Table.ReplaceErrorValues(Table.FromRows({{error "a", error "b"}, {1, 2}}, {"A", "B"}), {{"A", "hello"}, {"B", "world"}})',
      '#table(type table [A = any, B = any], {{"hello", "world"}, {1, 2}})',
    ],
    [
      'Table.ReplaceErrorValues(Table.TransformColumnTypes(#table({"n"}, {{"x"}, {"2"}}), {"n", type number}), {"n", -1})',
      '#table(type table [n = number], {{-1}, {2}})',
    ],
    [
      'Table.ReplaceErrorValues(#table({"A"}, {}), {{"A", 1}, {"A", 2}})',
      "error [Expression.Error] The column 'A' has more than one replacement value.",
    ],
    ['Table.ReplaceErrorValues(#table({"A"}, {}), {"Z", 1})', MISSING('Z')],
  ]);
});

describe('Table.FillDown, Table.FillUp, Table.ClearDown', () => {
  cases([
    [
      'Table.FillDown(Table.FromRecords({[P = 1, N = "a"], [P = null, N = "b"], [P = 2, N = "c"], [P = null, N = "d"], [P = null, N = "e"]}), {"P"})',
      '#table(type table [P = any, N = any], {{1, "a"}, {1, "b"}, {2, "c"}, {2, "d"}, {2, "e"}})',
    ],
    [
      'Table.FillDown(Table.FromRecords({[P = null], [P = 1]}), {"P"})',
      '#table(type table [P = any], {{null}, {1}})',
    ],
    [
      'Table.FillUp(Table.FromRecords({[A = 1, B = 2], [A = 3, B = null], [A = 5, B = 3]}), {"B"})',
      '#table(type table [A = any, B = any], {{1, 2}, {3, 3}, {5, 3}})',
    ],
    [
      'Table.FillUp(Table.FromRecords({[B = null], [B = null]}), {"B"})',
      '#table(type table [B = any], {{null}, {null}})',
    ],
    ['Table.FillDown(#table({"a"}, {}), {"b"})', MISSING('b')],
    [
      'Table.FillDown(Table.FromRecords({[P = 1, Q = error "x"], [P = null, Q = 2]}), {"P"}){1}[P]',
      '1',
    ],
    [
      'Table.ClearDown(Table.FromRecords({[R = "W", P = 1, N = "a"], [R = "W", P = 1, N = "b"], [R = "W", P = 2, N = "c"], [R = "E", P = 3, N = "d"], [R = "E", P = 3, N = "e"]}), {"R", "P"})',
      '#table(type table [R = any, P = any, N = any], {{"W", 1, "a"}, {null, null, "b"}, {"W", 2, "c"}, {"E", 3, "d"}, {null, null, "e"}})',
    ],
  ]);
});

describe('Table.SelectRowsWithErrors, Table.RemoveRowsWithErrors', () => {
  cases([
    [
      'Table.SelectRowsWithErrors(Table.FromRecords({[ID = error "x", Name = "Ann"], [ID = 2, Name = "Ben"]}))[Name]',
      '{"Ann"}',
    ],
    [
      'Table.RemoveRowsWithErrors(Table.FromRecords({[C = error "x"], [C = 2], [C = 3]}))',
      '#table(type table [C = any], {{2}, {3}})',
    ],
    [
      'Table.RemoveRowsWithErrors(Table.FromRecords({[C = error "x", D = 1], [C = 2, D = error "y"]}), {"C"})[D]{0}',
      'error [Expression.Error] y',
    ],
    [
      'Table.RowCount(Table.SelectRowsWithErrors(Table.FromRecords({[C = error "x", D = 1], [C = 2, D = error "y"]}), {"D"}))',
      '1',
    ],
    ['Table.SelectRowsWithErrors(#table({"a"}, {}), {"b"})', MISSING('b')],
  ]);
});

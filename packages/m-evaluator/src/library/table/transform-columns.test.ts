import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const AB = 'Table.FromRecords({[A = "1", B = 2], [A = "5", B = 10]})';
const MISSING = (name: string): string =>
  `error [Expression.Error] The column '${name}' of the table wasn't found.`;

describe('Table.TransformColumns', () => {
  cases([
    [
      `Table.TransformColumns(${AB}, {{"A", Number.FromText}, {"B", Text.From}})`,
      '#table(type table [A = any, B = any], {{1, "2"}, {5, "10"}})',
    ],
    [
      `Table.TransformColumns(${AB}, {"B", each Text.From(_ + 1), type text}, Number.FromText)`,
      '#table(type table [A = any, B = text], {{1, "3"}, {5, "11"}})',
    ],
    [
      `Table.TransformColumns(${AB}, {"X", Number.FromText}, null, MissingField.UseNull)`,
      '#table(type table [A = any, B = any, X = any], {{"1", 2, null}, {"5", 10, null}})',
    ],
    [
      `Table.TransformColumns(${AB}, {"X", Number.FromText}, null, MissingField.Ignore)`,
      '#table(type table [A = any, B = any], {{"1", 2}, {"5", 10}})',
    ],
    [`Table.TransformColumns(${AB}, {"X", Number.FromText})`, MISSING('X')],
    [
      `Table.TransformColumns(${AB}, {{"B", each _ + 1}, {"B", each _}})`,
      "error [Expression.Error] The column 'B' is transformed more than once.",
    ],
    [
      `Table.TransformColumns(${AB}, {"B", 1})`,
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
    [
      `Table.TransformColumns(${AB}, {"B"})`,
      'error [Expression.Error] A transform operation must be a list of a column name, a function and, optionally, a type.',
    ],
    [
      'Table.TransformColumns(#table(type table [Task = text, Day = date], {{"Audit", #date(2025, 9, 1)}}), {{"Day", each Date.AddDays(_, 1), type date}})',
      '#table(type table [Task = text, Day = date], {{"Audit", #date(2025, 9, 2)}})',
    ],
    // Each transformed cell is computed when read: a failing cell is that cell's error.
    [`Table.RowCount(Table.TransformColumns(${AB}, {"A", each error "no"}))`, '2'],
    [`Table.TransformColumns(${AB}, {"A", each error "no"})[B]`, '{2, 10}'],
    [
      `Table.Keys(Table.TransformColumns(Table.AddKey(${AB}, {"B"}, true), {"A", Number.FromText}))`,
      '{[Columns = {"B"}, Primary = true]}',
    ],
  ]);
});

describe('Table.TransformColumnTypes', () => {
  cases([
    [
      'Table.TransformColumnTypes(#table(type table [a = number, b = number], {{1, 2}, {3, 4}}), {"a", type text})',
      '#table(type table [a = text, b = number], {{"1", 2}, {"3", 4}})',
    ],
    [
      'Table.TransformColumnTypes(#table({"d"}, {{#date(2024, 3, 24)}}), {"d", type text}, "fr-FR")',
      '#table(type table [d = text], {{"24/03/2024"}})',
    ],
    [
      'Table.TransformColumnTypes(#table({"d", "v"}, {{#date(2024, 3, 12), 0.25}}), {{"d", type text}, {"v", Percentage.Type}}, "de-DE")',
      '#table(type table [d = text, v = Percentage.Type], {{"12.03.2024", 0.25}})',
    ],
    [
      'Table.TransformColumnTypes(#table({"d"}, {{#date(2024, 3, 24)}}), {{"d", type text}, {"n", type number}}, [Culture = "fr-FR", MissingField = MissingField.UseNull])',
      '#table(type table [d = text, n = number], {{"24/03/2024", null}})',
    ],
    [
      'Table.TransformColumnTypes(#table({"d"}, {}), {{"n", type number}}, [MissingField = MissingField.Ignore])',
      '#table(type table [d = any], {})',
    ],
    ['Table.TransformColumnTypes(#table({"d"}, {}), {{"n", type number}})', MISSING('n')],
    [
      'Table.TransformColumnTypes(#table({"n"}, {{"1,5"}}), {"n", type number}, "de-DE")',
      '#table(type table [n = number], {{1.5}})',
    ],
    [
      'Table.TransformColumnTypes(#table({"n"}, {{2.5}, {3.5}}), {"n", Int64.Type})',
      '#table(type table [n = Int64.Type], {{2}, {4}})',
    ],
    [
      'Table.TransformColumnTypes(#table({"n"}, {{null}}), {"n", type number})',
      '#table(type table [n = number], {{null}})',
    ],
    [
      'Table.TransformColumnTypes(#table({"n"}, {{"1"}}), {"n", type list})',
      'error [Expression.Error] Table.TransformColumnTypes cannot convert a column to type list.',
    ],
    [
      'Table.TransformColumnTypes(#table({"n"}, {{"1"}}), {"n", 1})',
      'error [Expression.Error] We cannot convert the value 1 to type Type.',
    ],
    // A cell that does not convert is an error in that cell, raised when it is read.
    [
      'Table.RowCount(Table.TransformColumnTypes(#table({"n"}, {{"1"}, {"x"}}), {"n", type number}))',
      '2',
    ],
    ['Table.TransformColumnTypes(#table({"n"}, {{"1"}, {"x"}}), {"n", type number}){0}[n]', '1'],
    [
      'Table.TransformColumnTypes(#table({"n"}, {{"1"}, {"x"}}), {"n", type number}){1}[n]',
      "error [DataFormat.Error] We couldn't convert to Number.",
    ],
    [
      'Table.RemoveRowsWithErrors(Table.TransformColumnTypes(#table({"n"}, {{"1"}, {"x"}}), {"n", type number}))',
      '#table(type table [n = number], {{1}})',
    ],
    [
      'Value.Type(Table.TransformColumnTypes(#table({"a", "b"}, {}), {{"a", type nullable date}, {"b", Int64.Type}}))',
      'type table [a = nullable date, b = Int64.Type]',
    ],
  ]);
});

describe('Table.CombineColumns, Table.CombineColumnsToRecord, Table.SplitColumn', () => {
  cases([
    [
      'Table.CombineColumns(Table.FromRecords({[First = "Ann", Last = "Lee", Age = 30]}), {"Last", "First"}, Combiner.CombineTextByDelimiter(",", QuoteStyle.None), "Full")',
      '#table(type table [Full = any, Age = any], {{"Lee,Ann", 30}})',
    ],
    [
      'Table.CombineColumns(Table.FromRecords({[Age = 30, First = "Ann", Last = "Lee"]}), {"First", "Last"}, each Text.Combine(_, " "), "Full")',
      '#table(type table [Age = any, Full = any], {{30, "Ann Lee"}})',
    ],
    ['Table.CombineColumns(Table.FromRecords({[a = "x"]}), {"z"}, each "", "n")', MISSING('z')],
    [
      'Table.CombineColumnsToRecord(#table(type table [a = number, b = text, c = logical], {{1, "x", true}}), "r", {"a", "b"})',
      '#table(type table [r = [a = number, b = text], c = logical], {{[a = 1, b = "x"], true}})',
    ],
    [
      'Table.SplitColumn(#table(type table [ID = number, Name = text], {{1, "Ann Lee"}, {2, "Bo"}}), "Name", Splitter.SplitTextByDelimiter(" "))',
      '#table(type table [ID = number, #"Name.1" = any, #"Name.2" = any], {{1, "Ann", "Lee"}, {2, "Bo", null}})',
    ],
    [
      'Table.SplitColumn(#table(type table [ID = number, Name = text], {{1, "Ann Lee"}, {2, "Bo"}}), "Name", Splitter.SplitTextByDelimiter(" "), {"First", "Last"}, "-")',
      '#table(type table [ID = number, First = any, Last = any], {{1, "Ann", "Lee"}, {2, "Bo", "-"}})',
    ],
    [
      'Table.SplitColumn(#table({"Name"}, {{"Ann J. Lee"}}), "Name", Splitter.SplitTextByDelimiter(" "), {"First", "Rest"}, null, 0)',
      '#table(type table [First = any, Rest = any], {{"Ann", {"J.", "Lee"}}})',
    ],
    [
      'Table.SplitColumn(#table({"Name"}, {{"Ann J. Lee"}}), "Name", Splitter.SplitTextByDelimiter(" "), 2)',
      '#table(type table [#"Name.1" = any, #"Name.2" = any], {{"Ann", "J."}})',
    ],
    [
      'Table.SplitColumn(#table({"Name"}, {{"Ann J. Lee"}}), "Name", Splitter.SplitTextByDelimiter(" "), 2, null, 1){0}[Name.1]',
      'error [Expression.Error] There were more columns in the result than expected.',
    ],
    [
      'Table.SplitColumn(#table({"Name", "x"}, {{null, 1}}), "Name", Splitter.SplitTextByDelimiter(" "), 2)',
      '#table(type table [#"Name.1" = any, #"Name.2" = any, x = any], {{null, null, 1}})',
    ],
    [
      'Table.SplitColumn(#table({"a"}, {}), "b", Splitter.SplitTextByDelimiter(" "), 2)',
      MISSING('b'),
    ],
  ]);
});

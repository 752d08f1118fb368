import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const PEOPLE = 'Table.FromRecords({[ID = 1, Name = "Ann"], [ID = 2, Name = "Ben"]})';

describe('Table.ToRecords, Table.ToRows, Table.ToColumns, Table.ToList', () => {
  cases([
    [`Table.ToRecords(${PEOPLE})`, '{[ID = 1, Name = "Ann"], [ID = 2, Name = "Ben"]}'],
    [`Table.ToRows(${PEOPLE})`, '{{1, "Ann"}, {2, "Ben"}}'],
    [`Table.ToColumns(${PEOPLE})`, '{{1, 2}, {"Ann", "Ben"}}'],
    [
      'Table.ToList(Table.FromRows({{"1", "Ann"}, {"2", "Ben"}}), Combiner.CombineTextByDelimiter(";"))',
      '{"1;Ann", "2;Ben"}',
    ],
    ['Table.ToList(Table.FromRows({{"a", "b"}}))', '{"a,b"}'],
    ['Table.ToList(Table.FromRows({{"a", null}}), each Text.Combine(_, "|"))', '{"a"}'],
    ['Table.ToRecords(#table({"a"}, {}))', '{}'],
    ['List.Count(Table.ToRecords(Table.FromColumns({{1..1000000}})))', '1000000'],
    ['Table.ToRecords(#table({"a", "b"}, {{1, error "x"}})){0}[a]', '1'],
    ['Table.ToRows(#table({"a", "b"}, {{1, error "x"}})){0}{0}', '1'],
    [
      'Table.ToRecords(null)',
      'error [Expression.Error] We cannot convert the value null to type Table.',
    ],
  ]);
});

describe('Table.Column, Table.ColumnNames, Table.TransformRows', () => {
  cases([
    [`Table.Column(${PEOPLE}, "Name")`, '{"Ann", "Ben"}'],
    [
      `Table.Column(${PEOPLE}, "Age")`,
      "error [Expression.Error] The column 'Age' of the table wasn't found.",
    ],
    [`Table.ColumnNames(${PEOPLE})`, '{"ID", "Name"}'],
    ['Table.ColumnNames(#table({}, {}))', '{}'],
    [`Table.TransformRows(${PEOPLE}, each [ID] * 10)`, '{10, 20}'],
    [
      `Table.TransformRows(${PEOPLE}, (row) as record => [Tag = Text.Upper(row[Name])])`,
      '{[Tag = "ANN"], [Tag = "BEN"]}',
    ],
    [`List.Count(Table.TransformRows(${PEOPLE}, each error "lazy"))`, '2'],
  ]);
});

describe('Table.Schema', () => {
  cases([
    [
      'Table.Schema(#table(type table [A = Int64.Type, B = nullable text], {}))[[Name], [Position], [TypeName], [Kind], [IsNullable], [NumericPrecisionBase], [NumericPrecision], [NumericScale]]',
      '#table(type table [Name = text, Position = number, TypeName = text, Kind = text, IsNullable = logical, NumericPrecisionBase = nullable number, NumericPrecision = nullable number, NumericScale = nullable number], {{"A", 0, "Int64.Type", "number", false, 2, 64, 0}, {"B", 1, "Text.Type", "text", true, null, null, null}})',
    ],
    [
      'Table.ColumnNames(Table.Schema(#table({"a"}, {})))',
      '{"Name", "Position", "TypeName", "Kind", "IsNullable", "NumericPrecisionBase", "NumericPrecision", "NumericScale", "DateTimePrecision", "MaxLength", "IsVariableLength", "NativeTypeName", "NativeDefaultExpression", "NativeExpression", "Description", "IsWritable", "FieldCaption"}',
    ],
    [
      'Table.Schema(Table.TransformColumnTypes(#table({"a"}, {{"1"}}), {"a", type number}))[TypeName]',
      '{"Number.Type"}',
    ],
  ]);
});

import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

describe('table keys', () => {
  cases([
    [
      'Type.TableKeys(Type.AddTableKey(type table [ID = number, Name = text], {"ID"}, true))',
      '{[Columns = {"ID"}, Primary = true]}',
    ],
    ['Type.TableKeys(type table [ID = number])', '{}'],
    ['Type.TableKeys(type table)', '{}'],
    [
      'Type.TableKeys(Type.AddTableKey(Type.AddTableKey(type table [A = number, B = text], {"A"}, true), {"A", "B"}, false))',
      '{[Columns = {"A"}, Primary = true], [Columns = {"A", "B"}, Primary = false]}',
    ],
    ['Type.AddTableKey(type table [A = number], {"A"}, true)', 'type table [A = number]'],
    [
      'Type.AddTableKey(type table [A = number], {"Z"}, true)',
      "error [Expression.Error] The column 'Z' of the table wasn't found.",
    ],
    [
      'Type.AddTableKey(Type.AddTableKey(type table [A = number, B = text], {"A"}, true), {"B"}, true)',
      'error [Expression.Error] A table type can have only one primary key.',
    ],
    [
      'Type.AddTableKey(type [A = number], {"A"}, true)',
      'error [Expression.Error] The type must be a table type.',
    ],
    [
      'Type.AddTableKey(type table [A = number], {1}, true)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Type.AddTableKey(type table [A = number], {"A"}, null)',
      'error [Expression.Error] We cannot convert the value null to type Logical.',
    ],
    [
      'Value.Metadata(Type.AddTableKey(type table [A = number] meta [Documentation.Name = "T"], {"A"}, false))',
      '[Documentation.Name = "T"]',
    ],
    [
      'let t = type table [ID = number, FirstName = text, LastName = text] in Type.TableKeys(Type.ReplaceTableKeys(t, {[Columns = {"ID"}, Primary = true], [Columns = {"FirstName", "LastName"}, Primary = false]}))',
      '{[Columns = {"ID"}, Primary = true], [Columns = {"FirstName", "LastName"}, Primary = false]}',
    ],
    [
      'Type.TableKeys(Type.ReplaceTableKeys(Type.AddTableKey(type table [ID = number, Name = text], {"ID"}, true), {}))',
      '{}',
    ],
    [
      'Type.ReplaceTableKeys(type table [A = number, B = text], {[Columns = {"A"}, Primary = true], [Columns = {"B"}, Primary = true]})',
      'error [Expression.Error] A table type can have only one primary key.',
    ],
    [
      'Type.ReplaceTableKeys(type table [A = number], {[Columns = {"C"}, Primary = false]})',
      "error [Expression.Error] The column 'C' of the table wasn't found.",
    ],
    [
      'Type.ReplaceTableKeys(type table [A = number], {[Columns = {"A"}]})',
      "error [Expression.Error] The field 'Primary' of the record wasn't found.",
    ],
    [
      'Type.TableKeys(Value.Type(Value.ReplaceType(#table({"A"}, {{1}}), Type.AddTableKey(type table [K = number], {"K"}, true))))',
      '{[Columns = {"K"}, Primary = true]}',
    ],
    ['Type.TableKeys(type number)', 'error [Expression.Error] The type must be a table type.'],
  ]);
});

describe('partition keys', () => {
  cases([
    ['Type.TablePartitionKey(type table [A = number])', 'null'],
    [
      'Type.TablePartitionKey(Type.ReplaceTablePartitionKey(type table [A = number, B = text], {"B"}))',
      '{"B"}',
    ],
    [
      'Type.TablePartitionKey(Type.ReplaceTablePartitionKey(Type.ReplaceTablePartitionKey(type table [A = number], {"A"}), null))',
      'null',
    ],
    [
      'Type.TablePartitionKey(Type.AddTableKey(Type.ReplaceTablePartitionKey(type table [A = number], {"A"}), {"A"}, true))',
      '{"A"}',
    ],
    [
      'Type.ReplaceTablePartitionKey(type table [A = number], {"Z"})',
      "error [Expression.Error] The column 'Z' of the table wasn't found.",
    ],
    [
      'Type.ReplaceTablePartitionKey(type table [A = number], "A")',
      'error [Expression.Error] We cannot convert the value "A" to type List.',
    ],
  ]);
});

describe('columns and rows', () => {
  cases([
    ['Type.TableColumn(type table [A = number, B = nullable text], "B")', 'type nullable text'],
    [
      'Type.TableColumn(type table [A = number], "Z")',
      "error [Expression.Error] The column 'Z' of the table wasn't found.",
    ],
    ['Type.TableColumn(type table, "Z")', 'type any'],
    [
      'Value.Metadata(Type.TableColumn(type table [A = (type text meta [Documentation.FieldCaption = "Aye"])], "A"))',
      '[Documentation.FieldCaption = "Aye"]',
    ],
    [
      'Type.TableColumn(type [A = number], "A")',
      'error [Expression.Error] The type must be a table type.',
    ],
    [
      'Type.RecordFields(Type.TableRow(Value.Type(#table({"Column1"}, {}))))',
      '[Column1 = [Type = type any, Optional = false]]',
    ],
    ['Type.TableRow(type table [X = number, Y = date])', 'type [X = number, Y = date]'],
    ['Type.TableRow(type table)', 'type record'],
    ['Type.TableRow(type {number})', 'error [Expression.Error] The type must be a table type.'],
    [
      'Type.TableSchema(type table [A = number, B = nullable text])',
      '#table(type table [Name = text, Position = number, TypeName = text, Kind = text, IsNullable = logical, NumericPrecisionBase = nullable number, NumericPrecision = nullable number, NumericScale = nullable number, DateTimePrecision = nullable number, MaxLength = nullable number, IsVariableLength = nullable logical, NativeTypeName = nullable text, NativeDefaultExpression = nullable text, NativeExpression = nullable text, Description = nullable text, IsWritable = logical, FieldCaption = nullable text], {{"A", 0, "Number.Type", "number", false, null, null, null, null, null, null, null, null, null, null, false, null}, {"B", 1, "Text.Type", "text", true, null, null, null, null, null, null, null, null, null, null, false, null}})',
    ],
    [
      'let s = Type.TableSchema(type table [D = (Type.ReplaceFacets(type text, [MaxLength = 10, NativeTypeName = "nvarchar"]) meta [Documentation.FieldCaption = "Dee", Documentation.FieldDescription = "The D"])]) in Record.SelectFields(s{0}, {"TypeName", "Kind", "MaxLength", "NativeTypeName", "Description", "FieldCaption"})',
      '[TypeName = "Text.Type", Kind = "text", MaxLength = 10, NativeTypeName = "nvarchar", Description = "The D", FieldCaption = "Dee"]',
    ],
    [
      'Type.TableSchema(type table [])',
      '#table(type table [Name = text, Position = number, TypeName = text, Kind = text, IsNullable = logical, NumericPrecisionBase = nullable number, NumericPrecision = nullable number, NumericScale = nullable number, DateTimePrecision = nullable number, MaxLength = nullable number, IsVariableLength = nullable logical, NativeTypeName = nullable text, NativeDefaultExpression = nullable text, NativeExpression = nullable text, Description = nullable text, IsWritable = logical, FieldCaption = nullable text], {})',
    ],
    ['Type.TableSchema(type text)', 'error [Expression.Error] The type must be a table type.'],
  ]);
});

describe('a navigation table built in M from Type.AddTableKey and Value.ReplaceType', () => {
  const helper = `
    let
      Table.ToNavigationTable = (
        table as table,
        keyColumns as list,
        nameColumn as text,
        dataColumn as text,
        itemKindColumn as text,
        itemNameColumn as text,
        isLeafColumn as text
      ) as table =>
        let
          tableType = Value.Type(table),
          newTableType = Type.AddTableKey(tableType, keyColumns, true) meta [
            NavigationTable.NameColumn = nameColumn,
            NavigationTable.DataColumn = dataColumn,
            NavigationTable.ItemKindColumn = itemKindColumn,
            Preview.DelayColumn = itemNameColumn,
            NavigationTable.IsLeafColumn = isLeafColumn
          ]
        in
          Value.ReplaceType(table, newTableType),
      source = #table(
        {"Name", "Key", "Data", "ItemKind", "ItemName", "IsLeaf"},
        {
          {"Item1", "item1", #table({"A"}, {{1}}), "Table", "Table", true},
          {"Item2", "item2", error "never read", "Table", "Table", true}
        }
      ),
      nav = Table.ToNavigationTable(source, {"Key"}, "Name", "Data", "ItemKind", "ItemName", "IsLeaf")
    in
  `;

  it.each([
    [
      'Value.Metadata(Value.Type(nav))',
      '[NavigationTable.NameColumn = "Name", NavigationTable.DataColumn = "Data", NavigationTable.ItemKindColumn = "ItemKind", Preview.DelayColumn = "ItemName", NavigationTable.IsLeafColumn = "IsLeaf"]',
    ],
    ['Type.TableKeys(Value.Type(nav))', '{[Columns = {"Key"}, Primary = true]}'],
    [
      'Type.TableRow(Value.Type(nav))',
      'type [Name = any, Key = any, Data = any, ItemKind = any, ItemName = any, IsLeaf = any]',
    ],
    ['nav{[Key = "item1"]}[Data]', '#table(type table [A = any], {{1}})'],
    ['nav{[Key = "item1"]}[Name]', '"Item1"'],
    ['Value.Type(nav) = Value.Type(source)', 'true'],
    ['Value.Metadata(nav)', '[]'],
  ])('%s = %s', (expression, expected) => {
    expect(m(`${helper} ${expression}`)).toBe(expected);
  });
});

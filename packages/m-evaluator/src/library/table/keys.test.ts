import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const IDS = 'Table.FromRecords({[Id = 1, Name = "Hi"], [Id = 2, Name = "Bye"]})';

describe('Table.AddKey, Table.Keys, Table.ReplaceKeys', () => {
  cases([
    [`Table.Keys(${IDS})`, '{}'],
    [`Table.Keys(Table.AddKey(${IDS}, {"Id"}, true))`, '{[Columns = {"Id"}, Primary = true]}'],
    [
      `Table.AddKey(${IDS}, {"Id"}, true)`,
      '#table(type table [Id = any, Name = any], {{1, "Hi"}, {2, "Bye"}})',
    ],
    [
      `Table.Keys(Table.AddKey(Table.AddKey(${IDS}, {"Id"}, true), {"Name", "Id"}, false))`,
      '{[Columns = {"Id"}, Primary = true], [Columns = {"Name", "Id"}, Primary = false]}',
    ],
    [
      `Table.AddKey(${IDS}, {"Nope"}, true)`,
      "error [Expression.Error] The column 'Nope' of the table wasn't found.",
    ],
    [
      `Table.AddKey(Table.AddKey(${IDS}, {"Id"}, true), {"Name"}, true)`,
      'error [Expression.Error] A table type can have only one primary key.',
    ],
    [
      `Table.AddKey(${IDS}, {"Id"}, null)`,
      'error [Expression.Error] We cannot convert the value null to type Logical.',
    ],
    [
      `Table.Keys(Table.ReplaceKeys(Table.AddKey(${IDS}, {"Id"}, true), {[Columns = {"Id"}, Primary = false]}))`,
      '{[Columns = {"Id"}, Primary = false]}',
    ],
    [`Table.Keys(Table.ReplaceKeys(Table.AddKey(${IDS}, {"Id"}, true), {}))`, '{}'],
    [
      `Table.ReplaceKeys(${IDS}, {[Columns = {"Id"}, Primary = true], [Columns = {"Name"}, Primary = true]})`,
      'error [Expression.Error] A table type can have only one primary key.',
    ],
    [
      `Table.ReplaceKeys(${IDS}, {[Columns = {"X"}, Primary = true]})`,
      "error [Expression.Error] The column 'X' of the table wasn't found.",
    ],
    [
      `Type.TableKeys(Value.Type(Table.AddKey(${IDS}, {"Id"}, true)))`,
      '{[Columns = {"Id"}, Primary = true]}',
    ],
  ]);
});

describe('navigation tables', () => {
  const NAVIGATION = `
    let
      ToNavigationTable = (table as table, keyColumns as list, nameColumn as text, dataColumn as text,
          itemKindColumn as text, itemNameColumn as text, isLeafColumn as text) as table =>
        let
          tableType = Value.Type(table),
          newTableType = Type.AddTableKey(tableType, keyColumns, true) meta [
            NavigationTable.NameColumn = nameColumn,
            NavigationTable.DataColumn = dataColumn,
            NavigationTable.ItemKindColumn = itemKindColumn,
            Preview.DelayColumn = itemNameColumn,
            NavigationTable.IsLeafColumn = isLeafColumn
          ],
          navigationTable = Value.ReplaceType(table, newTableType)
        in
          navigationTable,
      source = #table(
        {"Name", "Key", "Data", "ItemKind", "ItemName", "IsLeaf"},
        {
          {"Orders", "orders", #table({"n"}, {{1}, {2}}), "Table", "Table", true},
          {"Lines", "lines", error "not read", "Table", "Table", true}
        }),
      navigation = ToNavigationTable(source, {"Key"}, "Name", "Data", "ItemKind", "ItemName", "IsLeaf")
    in
  `;
  cases([
    [
      `${NAVIGATION} Value.Metadata(Value.Type(navigation))`,
      '[NavigationTable.NameColumn = "Name", NavigationTable.DataColumn = "Data", NavigationTable.ItemKindColumn = "ItemKind", Preview.DelayColumn = "ItemName", NavigationTable.IsLeafColumn = "IsLeaf"]',
    ],
    [`${NAVIGATION} Table.Keys(navigation)`, '{[Columns = {"Key"}, Primary = true]}'],
    [`${NAVIGATION} Table.RowCount(navigation)`, '2'],
    [
      `${NAVIGATION} navigation{[Key = "orders"]}[Data]`,
      '#table(type table [n = any], {{1}, {2}})',
    ],
    [
      `${NAVIGATION} Table.ColumnNames(navigation)`,
      '{"Name", "Key", "Data", "ItemKind", "ItemName", "IsLeaf"}',
    ],
    [
      `${NAVIGATION} Value.Metadata(Value.Type(Table.SelectRows(navigation, each [Key] = "orders")))[NavigationTable.DataColumn]`,
      '"Data"',
    ],
  ]);
});

describe('Table.Buffer, Table.StopFolding', () => {
  cases([
    [
      'Table.Buffer(Table.FromRecords({[a = 1], [a = 2]}))',
      '#table(type table [a = any], {{1}, {2}})',
    ],
    ['Table.Buffer(Table.FromRecords({[a = 1, b = error "x"]})){0}[a]', '1'],
    [
      'Table.Buffer(Table.FromRecords({[a = 1, b = error "x"]})){0}[b]',
      'error [Expression.Error] x',
    ],
    ['Table.RowCount(Table.Buffer(Table.FromRecords({[a = 1, b = error "x"]})))', '1'],
    [
      'Table.Buffer(Table.FromRecords({[a = 1]}), [BufferMode = BufferMode.Delayed])',
      '#table(type table [a = any], {{1}})',
    ],
    [
      'Table.Buffer(Table.FromRecords({[a = 1]}), [BufferMode = 7])',
      'error [Expression.Error] The BufferMode must be BufferMode.Eager or BufferMode.Delayed.',
    ],
    [
      'let t = Table.Buffer(Table.AddColumn(#table({"a"}, {{1}}), "r", each Number.Random())) in t{0}[r] = t{0}[r]',
      'true',
    ],
    [
      'Table.Keys(Table.Buffer(Table.AddKey(#table({"a"}, {{1}}), {"a"}, true)))',
      '{[Columns = {"a"}, Primary = true]}',
    ],
    ['Table.StopFolding(Table.FromRecords({[a = 1]}))', '#table(type table [a = any], {{1}})'],
  ]);
});

describe('enumerations', () => {
  cases([
    [
      '{JoinKind.Inner, JoinKind.LeftOuter, JoinKind.RightOuter, JoinKind.FullOuter, JoinKind.LeftAnti, JoinKind.RightAnti, JoinKind.LeftSemi, JoinKind.RightSemi}',
      '{0, 1, 2, 3, 4, 5, 6, 7}',
    ],
    [
      '{JoinAlgorithm.Dynamic, JoinAlgorithm.PairwiseHash, JoinAlgorithm.SortMerge, JoinAlgorithm.LeftHash, JoinAlgorithm.RightHash, JoinAlgorithm.LeftIndex, JoinAlgorithm.RightIndex}',
      '{0, 1, 2, 3, 4, 5, 6}',
    ],
    ['{JoinSide.Left, JoinSide.Right}', '{0, 1}'],
    ['{GroupKind.Local, GroupKind.Global}', '{0, 1}'],
    ['{MissingField.Error, MissingField.Ignore, MissingField.UseNull}', '{0, 1, 2}'],
    ['{RankKind.Competition, RankKind.Dense, RankKind.Ordinal}', '{0, 1, 2}'],
    ['{BufferMode.Eager, BufferMode.Delayed}', '{1, 2}'],
    [
      '{JoinKind.Type, JoinAlgorithm.Type, JoinSide.Type, GroupKind.Type, MissingField.Type, RankKind.Type, BufferMode.Type}',
      '{type number, type number, type number, type number, type number, type number, type number}',
    ],
  ]);
});

describe('function types', () => {
  cases([
    [
      'Value.Type(Table.AddColumn)',
      'type function (table as table, newColumnName as text, columnGenerator as function, optional columnType as nullable type) as table',
    ],
    [
      'Type.FunctionParameters(Value.Type(Table.Group))',
      '[table = type table, key = type any, aggregatedColumns = type list, groupKind = type nullable number, comparer = type nullable function]',
    ],
    ['Type.FunctionRequiredParameters(Value.Type(Table.Join))', '4'],
    ['Type.FunctionReturn(Value.Type(Table.PositionOf))', 'type any'],
    ['Table.RowCount(1)', 'error [Expression.Error] We cannot convert the value 1 to type Table.'],
    [
      'Table.RowCount()',
      'error [Expression.Error] 0 arguments were passed to a function which expects 1.',
    ],
  ]);
});

describe('internal functions', () => {
  cases([
    ['Table.ViewError([Reason = "r", Message = "m"])', '[Reason = "r", Message = "m"]'],
    ['Table.ViewFunction(each _ + 1)(2)', '3'],
    ['Table.WithErrorContext(5, "ctx")', '5'],
    [
      'Table.ReplaceRelationshipIdentity(#table({"a"}, {{1}}), "id")',
      '#table(type table [a = any], {{1}})',
    ],
    [
      'Table.ConformToPageReader(#table({"a"}, {}), each _)',
      'error [Expression.Error] Table.ConformToPageReader is intended for internal use only and is not available in pqsdk.',
    ],
    [
      'Table.FilterWithDataTable(#table({"a"}, {}), "id")',
      'error [Expression.Error] Table.FilterWithDataTable is intended for internal use only and is not available in pqsdk.',
    ],
  ]);
});

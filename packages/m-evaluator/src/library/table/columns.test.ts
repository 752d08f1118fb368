import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const ORDERS =
  'Table.FromRecords({[Order = 1, Price = 100.0, Freight = 10.0], [Order = 2, Price = 5.0, Freight = 15.0]})';
const ROW = 'Table.FromRecords({[ID = 1, Name = "Ann", Phone = "555"]})';
const KEYED =
  'Table.AddKey(Table.FromRecords({[ID = 1, Name = "Ann", Phone = "555"]}), {"ID"}, true)';
const MISSING = (name: string): string =>
  `error [Expression.Error] The column '${name}' of the table wasn't found.`;

describe('Table.AddColumn', () => {
  cases([
    [
      `Table.AddColumn(${ORDERS}, "Total", each [Price] + [Freight], type number)`,
      '#table(type table [Order = any, Price = any, Freight = any, Total = number], {{1, 100, 10, 110}, {2, 5, 15, 20}})',
    ],
    [
      `Value.Type(Table.AddColumn(${ORDERS}, "Total", each 1))`,
      'type table [Order = any, Price = any, Freight = any, Total = any]',
    ],
    [
      `Table.AddColumn(${ORDERS}, "Order", each 1)`,
      "error [Expression.Error] The field 'Order' already exists in the record.",
    ],
    [
      `Table.AddColumn(${ORDERS}, "x", 1)`,
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
    [
      `Table.AddColumn(${ORDERS}, "x", each 1, 5)`,
      'error [Expression.Error] We cannot convert the value 5 to type Type.',
    ],
    // The new cells are computed only when read.
    [`Table.RowCount(Table.AddColumn(${ORDERS}, "x", each error "boom"))`, '2'],
    [`Table.AddColumn(${ORDERS}, "x", each error "boom")[Order]`, '{1, 2}'],
    [`Table.AddColumn(${ORDERS}, "x", each error "boom"){0}[x]`, 'error [Expression.Error] boom'],
    [
      `try Table.AddColumn(${ORDERS}, "x", each error "boom"){1}[x] catch (e) => e[Message]`,
      '"boom"',
    ],
    [
      `Table.AddColumn(${ORDERS}, "x", each [Missing]){0}[x]`,
      "error [Expression.Error] The field 'Missing' of the record wasn't found.",
    ],
    [`Table.Keys(Table.AddColumn(${KEYED}, "x", each 1))`, '{[Columns = {"ID"}, Primary = true]}'],
    [
      'Table.AddColumn(Table.FromRecords({[a = 1]}), "r", each _)',
      '#table(type table [a = any, r = any], {{1, [a = 1]}})',
    ],
  ]);
});

describe('Table.SelectColumns, Table.RemoveColumns', () => {
  cases([
    [`Table.SelectColumns(${ROW}, "Name")`, '#table(type table [Name = any], {{"Ann"}})'],
    [
      `Table.SelectColumns(${ROW}, {"Phone", "ID"})`,
      '#table(type table [Phone = any, ID = any], {{"555", 1}})',
    ],
    [`Table.SelectColumns(${ROW}, "Mail")`, MISSING('Mail')],
    [
      `Table.SelectColumns(${ROW}, {"ID", "Mail"}, MissingField.UseNull)`,
      '#table(type table [ID = any, Mail = any], {{1, null}})',
    ],
    [
      `Table.SelectColumns(${ROW}, {"ID", "Mail"}, MissingField.Ignore)`,
      '#table(type table [ID = any], {{1}})',
    ],
    [
      `Table.SelectColumns(${ROW}, 1)`,
      'error [Expression.Error] We cannot convert the value 1 to type List.',
    ],
    [
      `Table.Keys(Table.SelectColumns(${KEYED}, {"Name", "ID"}))`,
      '{[Columns = {"ID"}, Primary = true]}',
    ],
    [`Table.Keys(Table.SelectColumns(${KEYED}, {"Name"}))`, '{}'],
    [
      `Table.RemoveColumns(${ROW}, "Phone")`,
      '#table(type table [ID = any, Name = any], {{1, "Ann"}})',
    ],
    [`Table.RemoveColumns(${ROW}, {"Phone", "Name"})`, '#table(type table [ID = any], {{1}})'],
    [`Table.RemoveColumns(${ROW}, "Address")`, MISSING('Address')],
    [
      `Table.RemoveColumns(${ROW}, {"Address", "Phone"}, MissingField.Ignore)`,
      '#table(type table [ID = any, Name = any], {{1, "Ann"}})',
    ],
    [`Table.Keys(Table.RemoveColumns(${KEYED}, "ID"))`, '{}'],
    [`Table.Keys(Table.RemoveColumns(${KEYED}, "Phone"))`, '{[Columns = {"ID"}, Primary = true]}'],
    [
      'Table.RemoveColumns(#table(type table [a = number, b = text], {{1, error "x"}}), "b")',
      '#table(type table [a = number], {{1}})',
    ],
  ]);
});

describe('Table.RenameColumns, Table.ReorderColumns, Table.PrefixColumns, Table.TransformColumnNames', () => {
  cases([
    [
      `Table.RenameColumns(${ROW}, {"ID", "Key"})`,
      '#table(type table [Key = any, Name = any, Phone = any], {{1, "Ann", "555"}})',
    ],
    [
      `Table.RenameColumns(${ROW}, {{"ID", "Key"}, {"Phone", "Tel"}})`,
      '#table(type table [Key = any, Name = any, Tel = any], {{1, "Ann", "555"}})',
    ],
    [
      `Table.RenameColumns(${ROW}, {{"ID", "Name"}, {"Name", "ID"}})`,
      '#table(type table [Name = any, ID = any, Phone = any], {{1, "Ann", "555"}})',
    ],
    [`Table.RenameColumns(${ROW}, {"Nope", "X"})`, MISSING('Nope')],
    [
      `Table.RenameColumns(${ROW}, {"Nope", "X"}, MissingField.Ignore)`,
      '#table(type table [ID = any, Name = any, Phone = any], {{1, "Ann", "555"}})',
    ],
    [
      `Table.RenameColumns(${ROW}, {"Nope", "X"}, MissingField.UseNull)`,
      '#table(type table [ID = any, Name = any, Phone = any, X = any], {{1, "Ann", "555", null}})',
    ],
    [
      `Table.RenameColumns(${ROW}, {"ID", "Name"})`,
      "error [Expression.Error] The field 'Name' already exists in the record.",
    ],
    [
      `Table.RenameColumns(${ROW}, {{"ID", "A"}, {"ID", "B"}})`,
      "error [Expression.Error] The column 'ID' is renamed more than once.",
    ],
    [
      `Table.RenameColumns(${ROW}, {"ID"})`,
      'error [Expression.Error] A rename operation must be a list of two column names: the old name and the new name.',
    ],
    [
      `Table.Keys(Table.RenameColumns(${KEYED}, {"ID", "Key"}))`,
      '{[Columns = {"Key"}, Primary = true]}',
    ],
    [
      'Table.ReorderColumns(Table.FromRecords({[ID = 1, Phone = "555", Name = "Ann"]}), {"Name", "Phone"})',
      '#table(type table [ID = any, Name = any, Phone = any], {{1, "Ann", "555"}})',
    ],
    [
      `Table.ReorderColumns(${ROW}, {"Phone", "Address"}, MissingField.Ignore)`,
      '#table(type table [ID = any, Name = any, Phone = any], {{1, "Ann", "555"}})',
    ],
    [`Table.ReorderColumns(${ROW}, {"Phone", "Address"})`, MISSING('Address')],
    [
      `Table.ReorderColumns(${ROW}, {"Address", "ID"}, MissingField.UseNull)`,
      '#table(type table [Address = any, Name = any, Phone = any, ID = any], {{null, "Ann", "555", 1}})',
    ],
    [
      `Table.PrefixColumns(${ROW}, "T")`,
      '#table(type table [T.ID = any, T.Name = any, T.Phone = any], {{1, "Ann", "555"}})',
    ],
    [
      'Table.TransformColumnNames(Table.FromRecords({[#"Co#(tab)l" = 1]}), Text.Clean)',
      '#table(type table [Col = any], {{1}})',
    ],
    [
      'Table.TransformColumnNames(Table.FromRecords({[AmountNet = 1, aMountnet = 2, amoUNTNET = 3]}), Text.Clean, [MaxLength = 6, Comparer = Comparer.OrdinalIgnoreCase])',
      '#table(type table [Amount = any, aMoun1 = any, amoUN2 = any], {{1, 2, 3}})',
    ],
    [
      'Table.TransformColumnNames(Table.FromRecords({[a = 1, b = 2]}), each "x")',
      '#table(type table [x = any, x1 = any], {{1, 2}})',
    ],
    [
      `Table.TransformColumnNames(${ROW}, each 1)`,
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
  ]);
});

describe('Table.DuplicateColumn, Table.AddIndexColumn', () => {
  cases([
    [
      'Table.DuplicateColumn(Table.FromRecords({[a = 1, b = 2], [a = 3, b = 4]}), "a", "copy")',
      '#table(type table [a = any, b = any, copy = any], {{1, 2, 1}, {3, 4, 3}})',
    ],
    [
      'Value.Type(Table.DuplicateColumn(#table(type table [a = number], {}), "a", "b"))',
      'type table [a = number, b = number]',
    ],
    [
      'Value.Type(Table.DuplicateColumn(#table(type table [a = number], {}), "a", "b", type text))',
      'type table [a = number, b = text]',
    ],
    ['Table.DuplicateColumn(#table({"a"}, {}), "z", "b")', MISSING('z')],
    [
      `Table.AddIndexColumn(${ORDERS}, "Index")`,
      '#table(type table [Order = any, Price = any, Freight = any, Index = any], {{1, 100, 10, 0}, {2, 5, 15, 1}})',
    ],
    [`Table.AddIndexColumn(${ORDERS}, "Index", 10, 5, Int64.Type)[Index]`, '{10, 15}'],
    [
      `Value.Type(Table.AddIndexColumn(${ORDERS}, "Index", 1, 1, Int64.Type))`,
      'type table [Order = any, Price = any, Freight = any, Index = Int64.Type]',
    ],
    ['Table.RowCount(Table.AddIndexColumn(Table.FromColumns({{1..1000000}}), "i"))', '1000000'],
  ]);
});

describe('Table.HasColumns, Table.ColumnCount, Table.ColumnsOfType', () => {
  cases([
    [`Table.HasColumns(${ROW}, "Name")`, 'true'],
    [`Table.HasColumns(${ROW}, {"Name", "Mail"})`, 'false'],
    [`Table.HasColumns(${ROW}, {})`, 'true'],
    [`Table.ColumnCount(${ROW})`, '3'],
    ['Table.ColumnCount(#table({}, {}))', '0'],
    [
      'Table.ColumnsOfType(#table(type table [a = number, b = text, c = Int64.Type, d = nullable number], {}), {type number})',
      '{"a", "c"}',
    ],
    [
      'Table.ColumnsOfType(#table(type table [a = number, b = text, d = nullable number], {}), {type nullable number})',
      '{"a", "d"}',
    ],
    [
      'Table.ColumnsOfType(#table(type table [a = number], {}), {1})',
      'error [Expression.Error] We cannot convert the value 1 to type Type.',
    ],
  ]);
});

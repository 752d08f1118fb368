import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const notRecord = (call: string): readonly [string, string] => [
  call,
  'error [Expression.Error] We cannot convert the value 1 to type Record.',
];

/** A record whose field `Bad` raises an error when it is read. */
const LAZY = '[A = 1, Bad = error "read", C = 3]';

describe('Record.FieldCount, Record.HasFields, Record.FieldNames', () => {
  cases([
    ['Record.FieldCount([CustomerID = 1, Name = "Bob"])', '2'],
    ['Record.FieldCount([])', '0'],
    [`Record.FieldCount(${LAZY})`, '3'],
    notRecord('Record.FieldCount(1)'),
    ['Record.HasFields([CustomerID = 1, Name = "Bob", Phone = "123-4567"], "CustomerID")', 'true'],
    [
      'Record.HasFields([CustomerID = 1, Name = "Bob", Phone = "123-4567"], {"CustomerID", "Address"})',
      'false',
    ],
    ['Record.HasFields([a = 1, b = 2], {"a", "b"})', 'true'],
    ['Record.HasFields([a = 1], {})', 'true'],
    ['Record.HasFields([a = 1], "A")', 'false'],
    [`Record.HasFields(${LAZY}, "Bad")`, 'true'],
    [
      'Record.HasFields([a = 1], 1)',
      'error [Expression.Error] We cannot convert the value 1 to type List.',
    ],
    notRecord('Record.HasFields(1, "a")'),
    [
      'Record.FieldNames([OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = 100.0])',
      '{"OrderID", "CustomerID", "Item", "Price"}',
    ],
    ['Record.FieldNames([])', '{}'],
    [`Record.FieldNames(${LAZY})`, '{"A", "Bad", "C"}'],
    notRecord('Record.FieldNames(1)'),
  ]);
});

describe('Record.Field and Record.FieldOrDefault', () => {
  cases([
    ['Record.Field([CustomerID = 1, Name = "Bob", Phone = "123-4567"], "CustomerID")', '1'],
    [`Record.Field(${LAZY}, "C")`, '3'],
    [`Record.Field(${LAZY}, "Bad")`, 'error [Expression.Error] read'],
    [
      'Record.Field([a = 1], "b")',
      "error [Expression.Error] The field 'b' of the record wasn't found.",
    ],
    [
      'Record.Field([a = 1], null)',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    notRecord('Record.Field(1, "a")'),
    ['Record.FieldOrDefault([CustomerID = 1, Name = "Bob"], "Phone")', 'null'],
    ['Record.FieldOrDefault([CustomerID = 1, Name = "Bob"], "Phone", "123-4567")', '"123-4567"'],
    ['Record.FieldOrDefault([CustomerID = 1, Name = "Bob"], "Name", "x")', '"Bob"'],
    ['Record.FieldOrDefault(null, "Name", "x")', '"x"'],
    ['Record.FieldOrDefault(null, "Name")', 'null'],
    [`Record.FieldOrDefault(${LAZY}, "C")`, '3'],
    [`Record.FieldOrDefault(${LAZY}, "Bad", 0)`, 'error [Expression.Error] read'],
    notRecord('Record.FieldOrDefault(1, "a")'),
  ]);
});

describe('Record.FieldValues and Record.ToList', () => {
  cases([
    [
      'Record.FieldValues([CustomerID = 1, Name = "Bob", Phone = "123-4567"])',
      '{1, "Bob", "123-4567"}',
    ],
    ['Record.FieldValues([])', '{}'],
    [`Record.FieldValues(${LAZY}){2}`, '3'],

    notRecord('Record.FieldValues(1)'),
    ['Record.ToList([A = 1, B = 2, C = 3])', '{1, 2, 3}'],
    [`Record.ToList(${LAZY}){0}`, '1'],
    [`Record.ToList(${LAZY}){1}`, 'error [Expression.Error] read'],
    notRecord('Record.ToList(1)'),
  ]);
});

describe('Record.ToTable and Record.FromTable', () => {
  cases([
    [
      'Record.ToTable([OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = 100.0])',
      '#table(type table [Name = text, Value = any], {{"OrderID", 1}, {"CustomerID", 1}, {"Item", "Fishing rod"}, {"Price", 100}})',
    ],
    ['Record.ToTable([])', '#table(type table [Name = text, Value = any], {})'],
    [`Record.ToTable(${LAZY}){2}[Value]`, '3'],
    notRecord('Record.ToTable(1)'),
    [
      'Record.FromTable(#table({"Name", "Value"}, {{"CustomerID", 1}, {"Name", "Bob"}, {"Phone", "123-4567"}}))',
      '[CustomerID = 1, Name = "Bob", Phone = "123-4567"]',
    ],
    ['Record.FromTable(Record.ToTable([a = 1, b = "x"]))', '[a = 1, b = "x"]'],
    ['Record.FromTable(#table({"Value", "Name"}, {{1, "a"}}))', '[a = 1]'],
    ['Record.FromTable(#table({"Name", "Value"}, {{"a", error "lazy"}, {"b", 2}}))[b]', '2'],
    [
      'Record.FromTable(#table({"Name", "Value"}, {{"a", 1}, {"a", 2}}))',
      "error [Expression.Error] The field 'a' already exists in the record.",
    ],
    [
      'Record.FromTable(#table({"Name", "Other"}, {{"a", 1}}))',
      "error [Expression.Error] The column 'Value' of the table wasn't found.",
    ],
    [
      'Record.FromTable(#table({"Name", "Value"}, {{1, 1}}))',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Record.FromTable([a = 1])',
      'error [Expression.Error] We cannot convert the value of type Record to type Table.',
    ],
  ]);
});

describe('Record.FromList', () => {
  cases([
    [
      'Record.FromList({1, "Bob", "123-4567"}, {"CustomerID", "Name", "Phone"})',
      '[CustomerID = 1, Name = "Bob", Phone = "123-4567"]',
    ],
    [
      'Record.FromList({1, "Bob", "123-4567"}, type [CustomerID = number, Name = text, Phone = number])',
      '[CustomerID = 1, Name = "Bob", Phone = "123-4567"]',
    ],
    [
      'Value.Type(Record.FromList({1, "Bob"}, type [CustomerID = number, Name = text]))',
      'type [CustomerID = number, Name = text]',
    ],
    ['Record.FromList({}, {})', '[]'],
    ['Record.FromList({error "lazy", 2}, {"a", "b"})[b]', '2'],
    [
      'Record.FromList({1, 2}, {"a", "a"})',
      "error [Expression.Error] The field 'a' already exists in the record.",
    ],
    [
      'Record.FromList({1, 2}, {"a"})',
      'error [Expression.Error] The list has 2 values, but 1 field names were given.',
    ],
    [
      'Record.FromList({1}, type {number})',
      'error [Expression.Error] The fields must be a list of names or a record type.',
    ],
    [
      'Record.FromList({1}, {1})',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Record.FromList(1, {"a"})',
      'error [Expression.Error] We cannot convert the value 1 to type List.',
    ],
  ]);
});

describe('Record.AddField', () => {
  cases([
    [
      'Record.AddField([CustomerID = 1, Name = "Bob", Phone = "123-4567"], "Address", "123 Main St.")',
      '[CustomerID = 1, Name = "Bob", Phone = "123-4567", Address = "123 Main St."]',
    ],
    ['Record.AddField([], "a", null)', '[a = null]'],
    ['Record.AddField([a = 1], "b", () => 2, true)', '[a = 1, b = 2]'],
    ['Record.AddField([a = 1], "b", () => error "later", true)[a]', '1'],
    [
      'Record.AddField([a = 1], "b", () => error "later", true)[b]',
      'error [Expression.Error] later',
    ],
    ['Record.FieldNames(Record.AddField([a = 1], "b", 2, false))', '{"a", "b"}'],
    [`Record.AddField(${LAZY}, "D", 4)[D]`, '4'],
    [
      'Record.AddField([a = 1], "a", 2)',
      "error [Expression.Error] The field 'a' already exists in the record.",
    ],
    [
      'Record.AddField([a = 1], "b", 2, true)',
      'error [Expression.Error] We cannot convert the value 2 to type Function.',
    ],
    [
      'Record.AddField([a = 1], 2, 2)',
      'error [Expression.Error] We cannot convert the value 2 to type Text.',
    ],
    [
      'Value.Type(Record.AddField(Value.ReplaceType([a = 1], type [a = number]), "b", 2))',
      'type [a = number, b = any]',
    ],
  ]);
});

describe('Record.Combine', () => {
  cases([
    [
      'Record.Combine({[CustomerID = 1, Name = "Bob"], [Phone = "123-4567"]})',
      '[CustomerID = 1, Name = "Bob", Phone = "123-4567"]',
    ],
    ['Record.Combine({[a = 1, b = 2], [a = 3], [c = 4]})', '[a = 3, b = 2, c = 4]'],
    ['Record.Combine({})', '[]'],
    ['Record.Combine({[a = 1]})', '[a = 1]'],
    ['Record.Combine({[a = error "lazy"], [b = 2]})[b]', '2'],
    ['Value.Metadata(Record.Combine({[a = 1] meta [m = 1]}))', '[]'],
    [
      'Record.Combine({[a = 1], 2})',
      'error [Expression.Error] Record.Combine can only combine records.',
    ],
    [
      'Record.Combine([a = 1])',
      'error [Expression.Error] We cannot convert the value of type Record to type List.',
    ],
  ]);
});

describe('Record.RemoveFields', () => {
  cases([
    [
      'Record.RemoveFields([CustomerID = 1, Item = "Fishing rod", Price = 18.00], "Price")',
      '[CustomerID = 1, Item = "Fishing rod"]',
    ],
    [
      'Record.RemoveFields([CustomerID = 1, Item = "Fishing rod", Price = 18.00], {"Price", "Item"})',
      '[CustomerID = 1]',
    ],
    ['Record.RemoveFields([a = 1], {})', '[a = 1]'],
    [`Record.RemoveFields(${LAZY}, "A")[C]`, '3'],
    [`Record.RemoveFields(${LAZY}, "Bad")`, '[A = 1, C = 3]'],
    [
      'Record.RemoveFields([a = 1], "b")',
      "error [Expression.Error] The field 'b' of the record wasn't found.",
    ],
    [
      'Record.RemoveFields([a = 1], "b", 0)',
      "error [Expression.Error] The field 'b' of the record wasn't found.",
    ],
    ['Record.RemoveFields([a = 1], {"a", "b"}, 1)', '[]'],
    ['Record.RemoveFields([a = 1], {"b"}, 2)', '[a = 1]'],
    [
      'Record.RemoveFields([a = 1], "a", 3)',
      'error [Expression.Error] The missingField argument must be MissingField.Error, MissingField.Ignore or MissingField.UseNull.',
    ],
    notRecord('Record.RemoveFields(1, "a")'),
  ]);
});

describe('Record.SelectFields', () => {
  cases([
    [
      'Record.SelectFields([OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = 100.0], {"Item", "Price"})',
      '[Item = "Fishing rod", Price = 100]',
    ],
    ['Record.SelectFields([a = 1, b = 2, c = 3], {"c", "a"})', '[c = 3, a = 1]'],
    ['Record.SelectFields([a = 1, b = 2], "b")', '[b = 2]'],
    ['Record.SelectFields([a = 1], {})', '[]'],
    [`Record.SelectFields(${LAZY}, {"A", "C"})`, '[A = 1, C = 3]'],
    [
      'Record.SelectFields([a = 1], {"a", "z"})',
      "error [Expression.Error] The field 'z' of the record wasn't found.",
    ],
    ['Record.SelectFields([a = 1], {"a", "z"}, 1)', '[a = 1]'],
    ['Record.SelectFields([a = 1], {"z", "a"}, 2)', '[z = null, a = 1]'],
    [
      'Record.SelectFields([a = 1], {"a", "a"})',
      "error [Expression.Error] The field 'a' already exists in the record.",
    ],
    [
      'Value.Type(Record.SelectFields(Value.ReplaceType([a = 1, b = "x"], type [a = number, b = text]), {"b"}))',
      'type [b = text]',
    ],
    notRecord('Record.SelectFields(1, "a")'),
  ]);
});

describe('Record.RenameFields', () => {
  cases([
    [
      'Record.RenameFields([OrderID = 1, CustomerID = 1, Item = "Fishing rod", UnitPrice = 100.0], {"UnitPrice", "Price"})',
      '[OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = 100]',
    ],
    [
      'Record.RenameFields([OrderNum = 1, CustomerID = 1, Item = "Fishing rod", UnitPrice = 100.0], {{"UnitPrice", "Price"}, {"OrderNum", "OrderID"}})',
      '[OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = 100]',
    ],
    ['Record.RenameFields([a = 1, b = 2], {{"a", "b"}, {"b", "a"}})', '[b = 1, a = 2]'],
    ['Record.RenameFields([a = 1], {})', '[a = 1]'],
    [`Record.RenameFields(${LAZY}, {"Bad", "Worse"})[C]`, '3'],
    [`Record.FieldNames(Record.RenameFields(${LAZY}, {"Bad", "Worse"}))`, '{"A", "Worse", "C"}'],
    [
      'Record.RenameFields([a = 1, b = 2], {"a", "b"})',
      "error [Expression.Error] The field 'b' already exists in the record.",
    ],
    [
      'Record.RenameFields([a = 1], {"z", "y"})',
      "error [Expression.Error] The field 'z' of the record wasn't found.",
    ],
    ['Record.RenameFields([a = 1], {"z", "y"}, 1)', '[a = 1]'],
    ['Record.RenameFields([a = 1], {"z", "y"}, 2)', '[a = 1, y = null]'],
    [
      'Record.RenameFields([a = 1], {{"a", "b"}, {"a", "c"}})',
      "error [Expression.Error] The field 'a' is renamed more than once.",
    ],
    [
      'Record.RenameFields([a = 1], {"a"})',
      'error [Expression.Error] A rename operation must be a list of two field names: the old name and the new name.',
    ],
    [
      'Value.Type(Record.RenameFields(Value.ReplaceType([a = 1], type [a = number]), {"a", "b"}))',
      'type [b = number]',
    ],
    notRecord('Record.RenameFields(1, {"a", "b"})'),
  ]);
});

describe('Record.ReorderFields', () => {
  cases([
    [
      'Record.ReorderFields([CustomerID = 1, OrderID = 1, Item = "Fishing rod", Price = 100.0], {"OrderID", "CustomerID"})',
      '[OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = 100]',
    ],
    [
      'Record.ReorderFields([CustomerID = 3, First Name = "Paul", Phone = "543-7890", Purchase = "Fishing Rod"], {"Purchase", "Last Name", "First Name"}, 2)',
      '[CustomerID = 3, Purchase = "Fishing Rod", Phone = "543-7890", Last Name = null, First Name = "Paul"]',
    ],
    [
      'Record.ReorderFields([name = "Tom", id = 1, city = "London", country = "UK"], {"country", "city", "name"})',
      '[country = "UK", id = 1, city = "London", name = "Tom"]',
    ],
    [
      'Record.ReorderFields([name = "Tom", id = 1, city = "London", country = "UK"], {"country", "location", "name"}, 1)',
      '[country = "UK", id = 1, city = "London", name = "Tom"]',
    ],
    [
      'Record.ReorderFields([a = 1, b = 2], {"b", "z"})',
      "error [Expression.Error] The field 'z' of the record wasn't found.",
    ],
    ['Record.ReorderFields([a = 1, b = 2], {})', '[a = 1, b = 2]'],
    [`Record.ReorderFields(${LAZY}, {"C", "Bad", "A"})[A]`, '1'],
    [
      'Record.ReorderFields([a = 1, b = 2], {"b", "b"})',
      "error [Expression.Error] The field 'b' is listed more than once.",
    ],
    notRecord('Record.ReorderFields(1, {})'),
  ]);
});

describe('Record.TransformFields', () => {
  cases([
    [
      'Record.TransformFields([OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = "100.0"], {"Price", (t) => t & "!"})',
      '[OrderID = 1, CustomerID = 1, Item = "Fishing rod", Price = "100.0!"]',
    ],
    [
      'Record.TransformFields([OrderID = "1", CustomerID = 1, Price = 10], {{"OrderID", each _ & "0"}, {"Price", each _ * 2}})',
      '[OrderID = "10", CustomerID = 1, Price = 20]',
    ],
    ['Record.TransformFields([a = 1], {})', '[a = 1]'],
    ['Record.TransformFields([a = 1, b = 2], {"a", each error "lazy"})[b]', '2'],
    [
      'Record.TransformFields([a = 1, b = 2], {"a", each error "lazy"})[a]',
      'error [Expression.Error] lazy',
    ],
    [`Record.TransformFields(${LAZY}, {"Bad", each _ + 1})[C]`, '3'],
    [
      'Record.TransformFields([a = 1], {"z", each _})',
      "error [Expression.Error] The field 'z' of the record wasn't found.",
    ],
    ['Record.TransformFields([a = 1], {"z", each _}, 1)', '[a = 1]'],
    ['Record.TransformFields([a = 1], {"z", each _ ?? 0}, 2)', '[a = 1, z = 0]'],
    [
      'Record.TransformFields([a = 1], {"a", 2})',
      'error [Expression.Error] We cannot convert the value 2 to type Function.',
    ],
    [
      'Record.TransformFields([a = 1], {{"a", each _}, {"a", each _}})',
      "error [Expression.Error] The field 'a' is transformed more than once.",
    ],
    [
      'Record.TransformFields([a = 1], {"a"})',
      'error [Expression.Error] A transform operation must be a list of a field name and a function.',
    ],
    notRecord('Record.TransformFields(1, {})'),
  ]);
});

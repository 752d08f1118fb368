import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const LONG =
  'Table.FromRecords({[key = "x", attribute = "a", value = 1], [key = "x", attribute = "c", value = 3], [key = "y", attribute = "a", value = 2], [key = "y", attribute = "b", value = 4]})';
const TWICE =
  'Table.FromRecords({[key = "x", attribute = "c", value = 3], [key = "x", attribute = "c", value = 5], [key = "y", attribute = "a", value = 2]})';
const WIDE =
  'Table.FromRecords({[key = "x", a = 1, b = null, c = 3], [key = "y", a = 2, b = 4, c = null]})';

describe('Table.Pivot', () => {
  cases([
    [
      `Table.Pivot(${LONG}, {"a", "b", "c"}, "attribute", "value")`,
      '#table(type table [key = any, a = any, b = any, c = any], {{"x", 1, null, 3}, {"y", 2, 4, null}})',
    ],
    [
      `Table.Pivot(${TWICE}, {"a", "c"}, "attribute", "value", List.Max)`,
      '#table(type table [key = any, a = any, c = any], {{"x", null, 5}, {"y", 2, null}})',
    ],
    [
      `Table.Pivot(${TWICE}, {"a", "c"}, "attribute", "value", List.Count)`,
      '#table(type table [key = any, a = any, c = any], {{"x", 0, 2}, {"y", 1, 0}})',
    ],
    [
      `Table.Pivot(${TWICE}, {"a", "c"}, "attribute", "value"){0}[c]`,
      'error [Expression.Error] There were too many elements in the enumeration to complete the operation.',
    ],
    [`Table.Pivot(${TWICE}, {"a", "c"}, "attribute", "value"){1}[a]`, '2'],
    [
      `Table.Pivot(${LONG}, {"a"}, "attribute", "value")`,
      '#table(type table [key = any, a = any], {{"x", 1}, {"y", 2}})',
    ],
    [
      `Table.Pivot(${LONG}, {"a"}, "nope", "value")`,
      "error [Expression.Error] The column 'nope' of the table wasn't found.",
    ],
    [
      `Table.Pivot(${LONG}, {1}, "attribute", "value")`,
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Table.Pivot(Table.FromRecords({[attribute = "a", value = 1], [attribute = "b", value = 2]}), {"a", "b"}, "attribute", "value")',
      '#table(type table [a = any, b = any], {{1, 2}})',
    ],
  ]);
});

describe('Table.Unpivot, Table.UnpivotOtherColumns', () => {
  cases([
    [
      `Table.Unpivot(${WIDE}, {"a", "b", "c"}, "attribute", "value")`,
      '#table(type table [key = any, attribute = text, value = any], {{"x", "a", 1}, {"x", "c", 3}, {"y", "a", 2}, {"y", "b", 4}})',
    ],
    [
      `Table.UnpivotOtherColumns(${WIDE}, {"key"}, "attribute", "value")`,
      '#table(type table [key = any, attribute = text, value = any], {{"x", "a", 1}, {"x", "c", 3}, {"y", "a", 2}, {"y", "b", 4}})',
    ],
    [
      `Table.Unpivot(${WIDE}, {"c", "a"}, "attr", "val")`,
      '#table(type table [key = any, b = any, attr = text, val = any], {{"x", null, "a", 1}, {"x", null, "c", 3}, {"y", 4, "a", 2}})',
    ],
    [
      `Table.Unpivot(${WIDE}, {"zz"}, "attr", "val")`,
      "error [Expression.Error] The column 'zz' of the table wasn't found.",
    ],
    [
      'Table.RowCount(Table.Unpivot(Table.FromRecords({[k = 1, a = error "e", b = 2]}), {"a", "b"}, "attr", "val"))',
      '2',
    ],
  ]);
});

describe('Table.Transpose', () => {
  cases([
    [
      'Table.Transpose(Table.FromRecords({[Name = "Full Name", Value = "Fred"], [Name = "Age", Value = 42]}))',
      '#table(type table [Column1 = any, Column2 = any], {{"Full Name", "Age"}, {"Fred", 42}})',
    ],
    [
      'Table.Transpose(Table.FromRecords({[a = 1, b = 2]}), {"x"})',
      '#table(type table [x = any], {{1}, {2}})',
    ],
    [
      'Table.Transpose(Table.FromRecords({[a = 1, b = 2]}), type table [n = number])',
      '#table(type table [n = number], {{1}, {2}})',
    ],
    [
      'Table.Transpose(Table.FromRecords({[a = 1, b = 2]}), {"x", "y"})',
      'error [Expression.Error] The table has 1 rows, but 2 columns were given.',
    ],
    ['Table.Transpose(#table({"a", "b"}, {}))', '#table(type table [], {{}, {}})'],
  ]);
});

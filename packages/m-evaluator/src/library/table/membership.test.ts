import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const PEOPLE =
  'Table.FromRecords({[ID = 1, Name = "Ann"], [ID = 2, Name = "Ben"], [ID = 3, Name = "Cy"]})';
const PAIRS = 'Table.FromRecords({[a = 2, b = 4], [a = 1, b = 4], [a = 2, b = 4], [a = 6, b = 8]})';

describe('Table.Contains, Table.ContainsAll, Table.ContainsAny', () => {
  cases([
    [`Table.Contains(${PEOPLE}, [Name = "Ann"])`, 'true'],
    [`Table.Contains(${PEOPLE}, [Name = "Ted"])`, 'false'],
    [`Table.Contains(${PEOPLE}, [ID = 3, Name = "Ann"])`, 'false'],
    [`Table.Contains(${PEOPLE}, [ID = 9, Name = "Ann"], "Name")`, 'true'],
    [`Table.Contains(${PEOPLE}, [Name = "ann"], {"Name", Comparer.OrdinalIgnoreCase})`, 'true'],
    [`Table.Contains(${PEOPLE}, [ID = 2], each [ID])`, 'true'],
    [`Table.Contains(${PEOPLE}, [Age = 2])`, 'false'],
    [
      `Table.Contains(${PEOPLE}, 1)`,
      'error [Expression.Error] We cannot convert the value 1 to type Record.',
    ],
    [`Table.ContainsAll(${PEOPLE}, {[ID = 1, Name = "x"], [ID = 2, Name = "y"]}, "ID")`, 'true'],
    [`Table.ContainsAll(${PEOPLE}, {[ID = 1, Name = "x"], [ID = 2, Name = "y"]})`, 'false'],
    [`Table.ContainsAll(${PEOPLE}, {})`, 'true'],
    [`Table.ContainsAny(${PAIRS}, {[a = 1, b = 4], [a = 3, b = 5]})`, 'true'],
    [`Table.ContainsAny(${PAIRS}, {[a = 1, b = 3], [a = 3, b = 5]})`, 'false'],
    [`Table.ContainsAny(${PAIRS}, {[a = 1, b = 3], [a = 3, b = 5]}, "a")`, 'true'],
    [`Table.ContainsAny(${PAIRS}, {})`, 'false'],
  ]);
});

describe('Table.PositionOf, Table.PositionOfAny', () => {
  cases([
    [`Table.PositionOf(${PAIRS}, [a = 2, b = 4])`, '0'],
    [`Table.PositionOf(${PAIRS}, [a = 2, b = 4], Occurrence.Last)`, '2'],
    [`Table.PositionOf(${PAIRS}, [a = 2, b = 4], Occurrence.All)`, '{0, 2}'],
    [`Table.PositionOf(${PAIRS}, [a = 9])`, '-1'],
    [`Table.PositionOf(${PAIRS}, [a = 9], Occurrence.All)`, '{}'],
    [`Table.PositionOf(${PAIRS}, [a = 5, b = 8], null, "b")`, '3'],
    [
      `Table.PositionOf(${PAIRS}, [a = 2], 5)`,
      'error [Expression.Error] The occurrence must be Occurrence.First (0), Occurrence.Last (1) or Occurrence.All (2).',
    ],
    [`Table.PositionOfAny(${PAIRS}, {[a = 1, b = 4], [a = 6, b = 8]})`, '1'],
    [
      `Table.PositionOfAny(${PAIRS}, {[a = 2, b = 4], [a = 6, b = 8]}, Occurrence.All)`,
      '{0, 2, 3}',
    ],
    [`Table.PositionOfAny(${PAIRS}, {[a = 2, b = 4]}, Occurrence.Last)`, '2'],
  ]);
});

describe('Table.RemoveMatchingRows, Table.ReplaceMatchingRows', () => {
  cases([
    [
      'Table.RemoveMatchingRows(Table.FromRecords({[a = 1, b = 2], [a = 3, b = 4], [a = 1, b = 6]}), {[a = 1]}, "a")',
      '#table(type table [a = any, b = any], {{3, 4}})',
    ],
    [
      'Table.RemoveMatchingRows(#table(type table [ID = number, Product = text], {{101, "Widget"}, {102, "Gadget"}, {103, "Widget"}}), {[ID = 103, Product = "widget"]}, Comparer.OrdinalIgnoreCase)',
      '#table(type table [ID = number, Product = text], {{101, "Widget"}, {102, "Gadget"}})',
    ],
    [
      'Table.RemoveMatchingRows(#table(type table [Task = text, Day = date], {{"a", #date(2025, 7, 10)}, {"b", #date(2025, 9, 1)}}), {[Day = #date(2025, 9, 1)]}, {"Day"})',
      '#table(type table [Task = text, Day = date], {{"a", #date(2025, 7, 10)}})',
    ],
    [
      'Table.RemoveMatchingRows(Table.FromRecords({[a = 1, b = 2], [a = 1, b = 3]}), {[a = 1, b = 2]})',
      '#table(type table [a = any, b = any], {{1, 3}})',
    ],
    [
      'Table.ReplaceMatchingRows(Table.FromRecords({[a = 1, b = 2], [a = 2, b = 3], [a = 3, b = 4], [a = 1, b = 2]}), {{[a = 1, b = 2], [a = -1, b = -2]}, {[a = 2, b = 3], [a = -2, b = -3]}})',
      '#table(type table [a = any, b = any], {{-1, -2}, {-2, -3}, {3, 4}, {-1, -2}})',
    ],
    [
      'Table.ReplaceMatchingRows(Table.FromRecords({[a = 1, b = 2]}), {{[a = 1], [a = 0, b = 0]}}, "a")',
      '#table(type table [a = any, b = any], {{0, 0}})',
    ],
    [
      'Table.ReplaceMatchingRows(Table.FromRecords({[a = 1]}), {{[a = 1]}})',
      'error [Expression.Error] A row replacement must be a list of two records: the old row and the new row.',
    ],
  ]);
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const FOUR = 'Table.FromRecords({[n = 1], [n = 2], [n = 3], [n = 4]})';
const rowsOf = (...values: number[]): string =>
  `#table(type table [n = any], {${values.map((value) => `{${String(value)}}`).join(', ')}})`;
const ENDLESS = 'Table.FromColumns({List.Generate(() => 1, each true, each _ + 1)}, {"n"})';
const NOT_ENOUGH =
  "error [Expression.Error] There weren't enough elements in the enumeration to complete the operation.";
const TOO_MANY =
  'error [Expression.Error] There were too many elements in the enumeration to complete the operation.';

describe('Table.SelectRows', () => {
  cases([
    [`Table.SelectRows(${FOUR}, each [n] > 2)`, rowsOf(3, 4)],
    [`Table.SelectRows(${FOUR}, each false)`, '#table(type table [n = any], {})'],
    [
      'Table.SelectRows(Table.FromRecords({[p = null], [p = 12], [p = 3]}), each [p] > 10)',
      '#table(type table [p = any], {{12}})',
    ],
    [
      `Table.SelectRows(${FOUR}, each 1)`,
      'error [Expression.Error] We cannot convert the value 1 to type Logical.',
    ],
    [
      `Table.SelectRows(${FOUR}, 1)`,
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
    [
      `Table.SelectRows(${FOUR}, each [m] > 1)`,
      "error [Expression.Error] The field 'm' of the record wasn't found.",
    ],
    [`Table.FirstN(Table.SelectRows(${ENDLESS}, each Number.IsEven([n])), 2)`, rowsOf(2, 4)],
    [
      `Table.Keys(Table.SelectRows(Table.AddKey(${FOUR}, {"n"}, true), each [n] > 2))`,
      '{[Columns = {"n"}, Primary = true]}',
    ],
    [
      'Table.SelectRows(#table({"a", "b"}, {{1, error "x"}, {2, 3}}), each [a] > 1)',
      '#table(type table [a = any, b = any], {{2, 3}})',
    ],
  ]);
});

describe('Table.FirstN, Table.LastN, Table.Skip, Table.RemoveFirstN, Table.RemoveLastN', () => {
  cases([
    [`Table.FirstN(${FOUR}, 2)`, rowsOf(1, 2)],
    [`Table.FirstN(${FOUR}, 0)`, '#table(type table [n = any], {})'],
    [`Table.FirstN(${FOUR}, 9)`, rowsOf(1, 2, 3, 4)],
    [`Table.FirstN(${FOUR}, each [n] < 3)`, rowsOf(1, 2)],
    [`Table.FirstN(${ENDLESS}, 3)`, rowsOf(1, 2, 3)],
    [`Table.FirstN(${ENDLESS}, each [n] < 3)`, rowsOf(1, 2)],
    [`Table.FirstN(${FOUR}, -1)`, 'error [Expression.Error] The count cannot be negative.'],
    [
      `Table.FirstN(${FOUR}, "2")`,
      'error [Expression.Error] We cannot convert the value "2" to type Number.',
    ],
    [`Table.LastN(${FOUR}, 2)`, rowsOf(3, 4)],
    [`Table.LastN(Table.FromRecords({[n = -1], [n = 3], [n = 5]}), each [n] > 0)`, rowsOf(3, 5)],
    [`Table.Skip(${FOUR})`, rowsOf(2, 3, 4)],
    [`Table.Skip(${FOUR}, 2)`, rowsOf(3, 4)],
    [`Table.Skip(${FOUR}, each [n] < 3)`, rowsOf(3, 4)],
    [`Table.FirstN(Table.Skip(${ENDLESS}, 5), 1)`, rowsOf(6)],
    [`Table.RemoveFirstN(${FOUR})`, rowsOf(2, 3, 4)],
    [`Table.RemoveFirstN(${FOUR}, each [n] <= 2)`, rowsOf(3, 4)],
    [`Table.RemoveLastN(${FOUR})`, rowsOf(1, 2, 3)],
    [`Table.RemoveLastN(${FOUR}, 3)`, rowsOf(1)],
    [`Table.RemoveLastN(${FOUR}, each [n] >= 2)`, rowsOf(1)],
    [`Table.RemoveLastN(Table.SelectRows(${FOUR}, each true), 2)`, rowsOf(1, 2)],
    [`Table.RowCount(Table.Skip(Table.FromColumns({{1..1000000000}}), 10))`, '999999990'],
  ]);
});

describe('Table.Range, Table.RemoveRows, Table.InsertRows, Table.ReplaceRows', () => {
  cases([
    [`Table.Range(${FOUR}, 1)`, rowsOf(2, 3, 4)],
    [`Table.Range(${FOUR}, 1, 2)`, rowsOf(2, 3)],
    [`Table.Range(${FOUR}, 9)`, '#table(type table [n = any], {})'],
    [`Table.Range(${FOUR}, -1)`, 'error [Expression.Error] The offset cannot be negative.'],
    [`Table.RemoveRows(${FOUR}, 0)`, rowsOf(2, 3, 4)],
    [`Table.RemoveRows(${FOUR}, 1, 2)`, rowsOf(1, 4)],
    [`Table.InsertRows(${FOUR}, 1, {[n = 9]})`, rowsOf(1, 9, 2, 3, 4)],
    [`Table.InsertRows(${FOUR}, 4, {[n = 8], [n = 9]})`, rowsOf(1, 2, 3, 4, 8, 9)],
    [
      `Table.InsertRows(${FOUR}, 5, {[n = 9]})`,
      'error [Expression.Error] The offset is outside the bounds of the table.',
    ],
    [
      `Table.InsertRows(${FOUR}, 0, {[m = 9]})`,
      "error [Expression.Error] The field 'n' of the record wasn't found.",
    ],
    [`Table.ReplaceRows(${FOUR}, 1, 2, {[n = 7]})`, rowsOf(1, 7, 4)],
    [
      'Table.ReplaceRows(Table.FromRecords({[c = 1], [c = 2], [c = 3], [c = 4], [c = 5]}), 1, 3, {[c = 6], [c = 7]})',
      '#table(type table [c = any], {{1}, {6}, {7}, {5}})',
    ],
  ]);
});

describe('Table.RowCount, Table.IsEmpty, Table.First, Table.Last, Table.FirstValue, Table.SingleRow', () => {
  cases([
    [`Table.RowCount(${FOUR})`, '4'],
    [`Table.RowCount(Table.SelectRows(${FOUR}, each [n] > 1))`, '3'],
    [`Table.ApproximateRowCount(${FOUR})`, '4'],
    [`Table.IsEmpty(${FOUR})`, 'false'],
    [`Table.IsEmpty(Table.SelectRows(${FOUR}, each [n] > 9))`, 'true'],
    [`Table.IsEmpty(${ENDLESS})`, 'false'],
    [`Table.First(${FOUR})`, '[n = 1]'],
    ['Table.First(Table.FromRecords({}), [a = 0])', '[a = 0]'],
    ['Table.First(#table({"a"}, {}))', 'null'],
    [`Table.Last(${FOUR})`, '[n = 4]'],
    ['Table.Last(#table({"a"}, {}), -1)', '-1'],
    ['Table.FirstValue(Table.FromRecords({[a = 7, b = 1]}))', '7'],
    ['Table.FirstValue(#table({"a"}, {}), "none")', '"none"'],
    ['Table.SingleRow(Table.FromRecords({[a = 1]}))', '[a = 1]'],
    [`Table.SingleRow(${FOUR})`, TOO_MANY],
    ['Table.SingleRow(#table({"a"}, {}))', NOT_ENOUGH],
  ]);
});

describe('Table.ReverseRows, Table.Repeat, Table.AlternateRows, Table.Split, Table.SplitAt', () => {
  cases([
    [`Table.ReverseRows(${FOUR})`, rowsOf(4, 3, 2, 1)],
    ['Table.Repeat(Table.FromRecords({[n = 1], [n = 3]}), 2)', rowsOf(1, 3, 1, 3)],
    ['Table.Repeat(Table.FromRecords({[n = 1]}), 0)', '#table(type table [n = any], {})'],
    ['Table.RowCount(Table.Repeat(Table.FromRecords({[n = 1], [n = 3]}), 3))', '6'],
    ['Table.AlternateRows(Table.FromRecords({[n = 1], [n = 2], [n = 3]}), 1, 1, 1)', rowsOf(1, 3)],
    ['Table.AlternateRows(Table.FromColumns({{1..10}}, {"n"}), 0, 2, 1)', rowsOf(3, 6, 9)],
    [
      'Table.Split(Table.FromColumns({{1..5}}, {"n"}), 2)',
      `{${rowsOf(1, 2)}, ${rowsOf(3, 4)}, ${rowsOf(5)}}`,
    ],
    ['List.Count(Table.Split(Table.FromColumns({{1..5}}, {"n"}), 2))', '3'],
    [`Table.Split(${FOUR}, 0)`, 'error [Expression.Error] The page size must be greater than 0.'],
    [
      'Table.SplitAt(#table({"a", "b"}, {{1, 2}, {3, 4}, {5, 6}}), 2)',
      '{#table(type table [a = any, b = any], {{1, 2}, {3, 4}}), #table(type table [a = any, b = any], {{5, 6}})}',
    ],
  ]);
});

describe('limits', () => {
  it('stops a long walk at the time limit', () => {
    expect(() =>
      m('Table.RowCount(Table.SelectRows(Table.FromColumns({{1..1000000000}}), each false))', {
        timeoutMs: 50,
      }),
    ).toThrow(/ran out of time/);
  });
});

describe('Table.MatchesAllRows, Table.MatchesAnyRows, Table.FindText', () => {
  cases([
    [
      'Table.MatchesAllRows(Table.FromRecords({[a = 2], [a = 4]}), each Number.IsEven([a]))',
      'true',
    ],
    [
      'Table.MatchesAllRows(Table.FromRecords({[a = 2], [a = 3]}), each Number.IsEven([a]))',
      'false',
    ],
    ['Table.MatchesAllRows(#table({"a"}, {}), each false)', 'true'],
    [
      'Table.MatchesAnyRows(Table.FromRecords({[a = 1], [a = 4]}), each Number.IsEven([a]))',
      'true',
    ],
    ['Table.MatchesAnyRows(#table({"a"}, {}), each true)', 'false'],
    [`Table.MatchesAnyRows(${ENDLESS}, each [n] = 5)`, 'true'],
    [
      'Table.FindText(Table.FromRecords({[ID = 1, Name = "Bob"], [ID = 2, Name = "Jim"]}), "Bo")',
      '#table(type table [ID = any, Name = any], {{1, "Bob"}})',
    ],
    [
      'Table.FindText(Table.FromRecords({[ID = 1, Name = "Bob"]}), "zz")',
      '#table(type table [ID = any, Name = any], {})',
    ],
  ]);
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const PARTS =
  '{Table.FromRecords({[Name = "Ann", Phone = "1"]}), Table.FromRecords({[Fax = "2", Phone = "3"]}), Table.FromRecords({[Cell = "4"]})}';

describe('Table.Combine', () => {
  cases([
    [
      'Table.Combine({Table.FromRecords({[ID = 1, Name = "Ann"]}), Table.FromRecords({[ID = 2, Name = "Ben"]})})',
      '#table(type table [ID = any, Name = any], {{1, "Ann"}, {2, "Ben"}})',
    ],
    [
      `Table.Combine(${PARTS})`,
      '#table(type table [Name = any, Phone = any, Fax = any, Cell = any], {{"Ann", "1", null, null}, {null, "3", "2", null}, {null, null, null, "4"}})',
    ],
    [
      `Table.Combine(${PARTS}, type table [ID = text, Name = text])`,
      '#table(type table [ID = text, Name = text], {{null, "Ann"}, {null, null}, {null, null}})',
    ],
    [
      `Table.Combine(${PARTS}, {"Phone"})`,
      '#table(type table [Phone = any], {{"1"}, {"3"}, {null}})',
    ],
    ['Table.Combine({})', '#table(type table [], {})'],
    [
      'Value.Type(Table.Combine({#table(type table [a = number], {}), #table(type table [a = number, b = text], {})}))',
      'type table [a = number, b = text]',
    ],
    [
      'Value.Type(Table.Combine({#table(type table [a = number], {}), #table(type table [a = text], {})}))',
      'type table [a = any]',
    ],
    ['Table.Combine({1})', 'error [Expression.Error] We cannot convert the value 1 to type Table.'],
    [
      'Table.RowCount(Table.Combine({Table.FromColumns({{1..1000000}}), Table.FromColumns({{1..1000000}})}))',
      '2000000',
    ],
  ]);
});

describe('Table.Partition, Table.PartitionKey, Table.ReplacePartitionKey, Table.PartitionValues', () => {
  cases([
    [
      'Table.Partition(Table.FromRecords({[a = 2, b = 4], [a = 1, b = 4], [a = 2, b = 4], [a = 1, b = 5]}), "a", 2, each _)',
      '{#table(type table [a = any, b = any], {{2, 4}, {2, 4}}), #table(type table [a = any, b = any], {{1, 4}, {1, 5}})}',
    ],
    [
      'List.Transform(Table.Partition(Table.FromColumns({{1..10}}, {"n"}), "n", 3, each _), Table.RowCount)',
      '{3, 4, 3}',
    ],
    [
      'Table.Partition(#table({"n"}, {{1}}), "n", 2, each "x"){0}',
      'error [Expression.Error] The hash function must return a whole number.',
    ],
    [
      'Table.Partition(#table({"n"}, {}), "n", 0, each _)',
      'error [Expression.Error] The number of groups must be greater than 0.',
    ],
    ['Table.PartitionKey(#table({"a"}, {}))', 'null'],
    ['Table.PartitionKey(Table.ReplacePartitionKey(#table({"a", "b"}, {}), {"b"}))', '{"b"}'],
    [
      'Table.ReplacePartitionKey(#table({"a"}, {}), {"z"})',
      "error [Expression.Error] The column 'z' of the table wasn't found.",
    ],
    [
      'Table.PartitionValues(Table.ReplacePartitionKey(Table.FromRecords({[y = 1, v = 1], [y = 2, v = 2], [y = 1, v = 3]}), {"y"}))',
      '#table(type table [y = any], {{1}, {2}})',
    ],
    ['Table.PartitionValues(#table({"a"}, {{1}}))', '#table(type table [], {})'],
  ]);
});

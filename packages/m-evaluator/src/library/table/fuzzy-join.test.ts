import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

// The reference pages' example tables.
const CUSTOMERS =
  'Table.FromRecords({[CustomerID = 1, FirstName1 = "Bob", Phone = "555-1234"], [CustomerID = 2, FirstName1 = "Robert", Phone = "555-4567"]}, type table [CustomerID = nullable number, FirstName1 = nullable text, Phone = nullable text])';
const STATES =
  'Table.FromRecords({[CustomerStateID = 1, FirstName2 = "Bob", State = "TX"], [CustomerStateID = 2, FirstName2 = "bOB", State = "CA"]}, type table [CustomerStateID = nullable number, FirstName2 = nullable text, State = nullable text])';

const LEFT =
  '#table(type table [Id = number, Name = text], {{1, "Grapes"}, {2, "Apple"}, {3, "Kiwi"}})';
const RIGHT =
  '#table(type table [Fruit = text, Code = number], {{"graes", 10}, {"aple", 20}, {"Pear", 30}, {"GRAPES", 40}})';
const BOTH = 'type table [Id = number, Name = text, Fruit = text, Code = number]';
const JOIN = `Table.FuzzyJoin(${LEFT}, "Name", ${RIGHT}, "Fruit"`;
const NESTED = `Table.FuzzyNestedJoin(${LEFT}, "Name", ${RIGHT}, "Fruit", "Match"`;
const FRUIT = 'type table [Fruit = text, Code = number]';

describe('Table.FuzzyJoin', () => {
  cases([
    [
      `Table.FuzzyJoin(${CUSTOMERS}, {"FirstName1"}, ${STATES}, {"FirstName2"}, JoinKind.LeftOuter, [IgnoreCase = true, IgnoreSpace = false])`,
      '#table(type table [CustomerID = nullable number, FirstName1 = nullable text, Phone = nullable text, CustomerStateID = nullable number, FirstName2 = nullable text, State = nullable text], {{1, "Bob", "555-1234", 1, "Bob", "TX"}, {1, "Bob", "555-1234", 2, "bOB", "CA"}, {2, "Robert", "555-4567", null, null, null}})',
    ],
    [
      'Value.Type(Table.FuzzyJoin)',
      'type function (table1 as table, key1 as any, table2 as table, key2 as any, optional joinKind as nullable number, optional joinOptions as nullable record) as table',
    ],
    [
      'Record.FieldNames(Type.FunctionParameters(Value.Type(Table.FuzzyJoin)))',
      '{"table1", "key1", "table2", "key2", "joinKind", "joinOptions"}',
    ],
    // The default join kind is inner; like Table.Join it lists rows in the second table's order.
    [
      `${JOIN})`,
      `#table(${BOTH}, {{1, "Grapes", "graes", 10}, {2, "Apple", "aple", 20}, {1, "Grapes", "GRAPES", 40}})`,
    ],
    [
      `${JOIN}, JoinKind.LeftOuter)`,
      `#table(${BOTH}, {{1, "Grapes", "graes", 10}, {1, "Grapes", "GRAPES", 40}, {2, "Apple", "aple", 20}, {3, "Kiwi", null, null}})`,
    ],
    [
      `${JOIN}, JoinKind.RightOuter)`,
      `#table(${BOTH}, {{1, "Grapes", "graes", 10}, {2, "Apple", "aple", 20}, {null, null, "Pear", 30}, {1, "Grapes", "GRAPES", 40}})`,
    ],
    [
      `${JOIN}, JoinKind.FullOuter)`,
      `#table(${BOTH}, {{1, "Grapes", "graes", 10}, {1, "Grapes", "GRAPES", 40}, {2, "Apple", "aple", 20}, {3, "Kiwi", null, null}, {null, null, "Pear", 30}})`,
    ],
    [`${JOIN}, JoinKind.LeftAnti)`, `#table(${BOTH}, {{3, "Kiwi", null, null}})`],
    [`${JOIN}, JoinKind.RightAnti)`, `#table(${BOTH}, {{null, null, "Pear", 30}})`],
    [
      `${JOIN}, JoinKind.LeftSemi)`,
      '#table(type table [Id = number, Name = text], {{1, "Grapes"}, {2, "Apple"}})',
    ],
    [
      `${JOIN}, JoinKind.RightSemi)`,
      `#table(${FRUIT}, {{"graes", 10}, {"aple", 20}, {"GRAPES", 40}})`,
    ],
    // Options.
    [
      `${JOIN}, JoinKind.LeftOuter, [SimilarityColumnName = "Score"])`,
      '#table(type table [Id = number, Name = text, Fruit = text, Code = number, Score = nullable number], {{1, "Grapes", "graes", 10, 0.83}, {1, "Grapes", "GRAPES", 40, 1}, {2, "Apple", "aple", 20, 0.8}, {3, "Kiwi", null, null, null}})',
    ],
    [
      `${JOIN}, JoinKind.LeftSemi, [SimilarityColumnName = "Score"])`,
      '#table(type table [Id = number, Name = text, Score = nullable number], {{1, "Grapes", 1}, {2, "Apple", 0.8}})',
    ],
    [`${JOIN}, JoinKind.LeftAnti, [SimilarityColumnName = "Score"])[Score]`, '{null}'],
    [`${JOIN}, null, [Threshold = 0.9])[Fruit]`, '{"GRAPES"}'],
    [`${JOIN}, null, [Threshold = 0.83])[Fruit]`, '{"graes", "GRAPES"}'],
    [`${JOIN}, null, [Threshold = 1])[Fruit]`, '{"GRAPES"}'],
    [`Table.RowCount(${JOIN}, null, [Threshold = 0]))`, '12'],
    [`${JOIN}, JoinKind.LeftOuter, [NumberOfMatches = 1])[Fruit]`, '{"GRAPES", "aple", null}'],
    [
      `${JOIN}, JoinKind.FullOuter, [NumberOfMatches = 1])[Fruit]`,
      '{"GRAPES", "aple", null, "graes", "Pear"}',
    ],
    [`${JOIN}, null, [IgnoreCase = false])[Fruit]`, '{}'],
    [`${JOIN}, null, [IgnoreCase = false, Threshold = 0.6])[Fruit]`, '{"graes", "aple"}'],
    [
      `${JOIN}, null, [ConcurrentRequests = 8, Culture = "de-DE"])[Fruit]`,
      '{"graes", "aple", "GRAPES"}',
    ],
    [
      'Table.FuzzyJoin(#table({"A"}, {{"Gra pes"}, {"M 365"}}), "A", #table({"B"}, {{"Grapes"}, {"M365"}}), "B", JoinKind.LeftOuter)',
      '#table(type table [A = any, B = any], {{"Gra pes", "Grapes"}, {"M 365", null}})',
    ],
    [
      'Table.FuzzyJoin(#table({"A"}, {{"Gra pes"}}), "A", #table({"B"}, {{"Grapes"}}), "B", JoinKind.LeftOuter, [IgnoreSpace = false])',
      '#table(type table [A = any, B = any], {{"Gra pes", null}})',
    ],
    [
      'Table.FuzzyJoin(#table({"A"}, {{"KIRMIZI"}}), "A", #table({"B"}, {{"kırmızı"}}), "B", null, [Culture = "tr-TR"])',
      '#table(type table [A = any, B = any], {{"KIRMIZI", "kırmızı"}})',
    ],
    [
      'Table.RowCount(Table.FuzzyJoin(#table({"A"}, {{"KIRMIZI"}}), "A", #table({"B"}, {{"kırmızı"}}), "B"))',
      '0',
    ],
    // The transformation table maps words on both sides; a match through it scores at most 0.95.
    [
      'Table.FuzzyJoin(#table({"A"}, {{"Grapes"}, {"Grapes are sweet"}, {"Figs"}}), "A", #table({"B"}, {{"Raisins"}, {"raisins are sweet"}}), "B", JoinKind.LeftOuter, [TransformationTable = #table({"From", "To"}, {{"grapes", "Raisins"}, {null, "x"}}), SimilarityColumnName = "S"])',
      '#table(type table [A = any, B = any, S = nullable number], {{"Grapes", "Raisins", 0.95}, {"Grapes are sweet", "raisins are sweet", 0.95}, {"Figs", null, null}})',
    ],
    // Several key columns pool their words, each word pairing within its column.
    [
      'Table.FuzzyJoin(#table({"F", "L"}, {{"John", "Smith"}, {"Ann", "Lee"}}), {"F", "L"}, #table({"G", "M"}, {{"Jon", "Smith"}, {"Lee", "Ann"}}), {"G", "M"}, null, [SimilarityColumnName = "S"])',
      '#table(type table [F = any, L = any, G = any, M = any, S = nullable number], {{"John", "Smith", "Jon", "Smith", 0.87}})',
    ],
    // Null keys match nothing, not even null.
    [
      'Table.FuzzyJoin(#table({"A"}, {{null}, {"x"}}), "A", #table({"B"}, {{null}, {"x"}}), "B", JoinKind.FullOuter)',
      '#table(type table [A = any, B = any], {{null, null}, {"x", "x"}, {null, null}})',
    ],
    [
      'Table.RowCount(Table.FuzzyJoin(Table.FromColumns({List.Transform({1..2000}, each "item" & Text.From(_))}, {"A"}), "A", Table.FromColumns({List.Transform({1..2000}, each "ITEM" & Text.From(2001 - _))}, {"B"}), "B", null, [Threshold = 1]))',
      '2000',
    ],
    // Errors.
    [
      `Table.ColumnNames(Table.FuzzyJoin(#table({"A"}, {{1}}), "A", ${RIGHT}, "Fruit"))`,
      '{"A", "Fruit", "Code"}',
    ],
    [
      `Table.FuzzyJoin(#table({"A"}, {{1}}), "A", ${RIGHT}, "Fruit")`,
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      `${JOIN}, null, [Threshold = 1.5])`,
      'error [Expression.Error] The Threshold option must be a number between 0 and 1.',
    ],
    [
      `${JOIN}, null, [Threshold = "high"])`,
      'error [Expression.Error] We cannot convert the value "high" to type Number.',
    ],
    [
      `${JOIN}, null, [NumberOfMatches = 0])`,
      'error [Expression.Error] The NumberOfMatches option must be a whole number of at least 1.',
    ],
    [
      `${JOIN}, null, [NumberOfMatches = 1.5])`,
      'error [Expression.Error] The NumberOfMatches option must be a whole number of at least 1.',
    ],
    [
      `${JOIN}, null, [ConcurrentRequests = 9])`,
      'error [Expression.Error] The ConcurrentRequests option must be a whole number between 1 and 8.',
    ],
    [
      `${JOIN}, null, [IgnoreCase = "yes"])`,
      'error [Expression.Error] We cannot convert the value "yes" to type Logical.',
    ],
    [
      `${JOIN}, null, [Culture = "not a culture!"])`,
      "error [Expression.Error] The culture 'not a culture!' is not a valid culture name.",
    ],
    [
      `${JOIN}, null, [SimilarityColumnName = 1])`,
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      `${JOIN}, null, [TransformationTable = #table({"From"}, {{"a"}})])`,
      'error [Expression.Error] The TransformationTable option must be a table with From and To columns.',
    ],
    [
      `${JOIN}, null, [TransformationTable = #table({"From", "To"}, {{1, "a"}})])`,
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      `${JOIN}, null, [Treshold = 0.5])`,
      "error [Expression.Error] The option 'Treshold' is not recognized.",
    ],
    [`${JOIN}, 8)`, 'error [Expression.Error] The joinKind must be one of the JoinKind values.'],
    [
      `${JOIN}, null, "options")`,
      'error [Expression.Error] We cannot convert the value "options" to type Record.',
    ],
    [
      `Table.FuzzyJoin(${LEFT}, {"Name", "Id"}, ${RIGHT}, "Fruit")`,
      'error [Expression.Error] The two tables must be joined on the same number of key columns.',
    ],
    [
      `Table.FuzzyJoin(${LEFT}, "Nope", ${RIGHT}, "Fruit")`,
      "error [Expression.Error] The column 'Nope' of the table wasn't found.",
    ],
    [
      `Table.FuzzyJoin(${LEFT}, "Name", ${LEFT}, "Name")`,
      'error [Expression.Error] A join operation cannot result in a table with duplicate column names ("Id").',
    ],
    [
      `${JOIN}, null, [SimilarityColumnName = "Code"])`,
      'error [Expression.Error] A join operation cannot result in a table with duplicate column names ("Code").',
    ],
  ]);
});

describe('Table.FuzzyNestedJoin', () => {
  cases([
    [
      `Table.FuzzyNestedJoin(${CUSTOMERS}, {"FirstName1"}, ${STATES}, {"FirstName2"}, "NestedTable", JoinKind.LeftOuter, [IgnoreCase = true, IgnoreSpace = false])`,
      '#table(type table [CustomerID = nullable number, FirstName1 = nullable text, Phone = nullable text, NestedTable = table [CustomerStateID = nullable number, FirstName2 = nullable text, State = nullable text]], {{1, "Bob", "555-1234", #table(type table [CustomerStateID = nullable number, FirstName2 = nullable text, State = nullable text], {{1, "Bob", "TX"}, {2, "bOB", "CA"}})}, {2, "Robert", "555-4567", #table(type table [CustomerStateID = nullable number, FirstName2 = nullable text, State = nullable text], {})}})',
    ],
    [
      'Value.Type(Table.FuzzyNestedJoin)',
      'type function (table1 as table, key1 as any, table2 as table, key2 as any, newColumnName as text, optional joinKind as nullable number, optional joinOptions as nullable record) as table',
    ],
    // The default join kind is left outer.
    [
      `${NESTED})`,
      `#table(type table [Id = number, Name = text, Match = ${FRUIT.slice(5)}], {{1, "Grapes", #table(${FRUIT}, {{"graes", 10}, {"GRAPES", 40}})}, {2, "Apple", #table(${FRUIT}, {{"aple", 20}})}, {3, "Kiwi", #table(${FRUIT}, {})}})`,
    ],
    [`${NESTED}, JoinKind.Inner)[Id]`, '{1, 2}'],
    [`${NESTED}, JoinKind.LeftSemi)[Id]`, '{1, 2}'],
    [`${NESTED}, JoinKind.LeftAnti)[Id]`, '{3}'],
    [`${NESTED}, JoinKind.RightOuter)[Id]`, '{1, 2, null}'],
    [`${NESTED}, JoinKind.FullOuter)[Id]`, '{1, 2, 3, null}'],
    [`${NESTED}, JoinKind.RightAnti)[Match]{0}[Fruit]`, '{"Pear"}'],
    [`Table.RowCount(${NESTED}, JoinKind.RightAnti))`, '1'],
    [
      `${NESTED}, null, [SimilarityColumnName = "Score", NumberOfMatches = 1])`,
      `#table(type table [Id = number, Name = text, Match = table [Fruit = text, Code = number, Score = nullable number]], {{1, "Grapes", #table(type table [Fruit = text, Code = number, Score = nullable number], {{"GRAPES", 40, 1}})}, {2, "Apple", #table(type table [Fruit = text, Code = number, Score = nullable number], {{"aple", 20, 0.8}})}, {3, "Kiwi", #table(type table [Fruit = text, Code = number, Score = nullable number], {})}})`,
    ],
    // Unmatched rows of the second table are one row per (folded) key text.
    [
      'Table.FuzzyNestedJoin(#table({"A"}, {{"x"}}), "A", #table({"B", "N"}, {{"pear", 1}, {"fig", 2}, {"PEAR", 3}}), "B", "T", JoinKind.RightAnti, [SimilarityColumnName = "S"])',
      '#table(type table [A = any, T = table [B = any, N = any, S = nullable number]], {{null, #table(type table [B = any, N = any, S = nullable number], {{"pear", 1, null}, {"PEAR", 3, null}})}, {null, #table(type table [B = any, N = any, S = nullable number], {{"fig", 2, null}})}})',
    ],
    [
      `${NESTED}, null, [SimilarityColumnName = "Fruit"])`,
      'error [Expression.Error] A join operation cannot result in a table with duplicate column names ("Fruit").',
    ],
    [
      `${NESTED}, null, [NumberOfMatches = -1])`,
      'error [Expression.Error] The NumberOfMatches option must be a whole number of at least 1.',
    ],
    [
      `Table.FuzzyNestedJoin(${LEFT}, "Name", ${RIGHT}, "Fruit", "Name")`,
      "error [Expression.Error] The field 'Name' already exists in the record.",
    ],
  ]);
});

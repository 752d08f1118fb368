import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

// The reference pages' example table.
const EMPLOYEES =
  'Table.FromRecords({[EmployeeID = 1, Location = "Seattle"], [EmployeeID = 2, Location = "seattl"], [EmployeeID = 3, Location = "Vancouver"], [EmployeeID = 4, Location = "Seatle"], [EmployeeID = 5, Location = "vancover"], [EmployeeID = 6, Location = "Seattle"], [EmployeeID = 7, Location = "Vancouver"]}, type table [EmployeeID = nullable number, Location = nullable text])';
// The people of the Power Query "Cluster values" article, and its transformation table.
const PEOPLE =
  '#table(type table [id = number, Person = text], {{1, "miguel"}, {2, "Miguel"}, {3, "migueeel"}, {4, "mike"}, {5, "Mike"}, {6, "William"}, {7, "Bill"}, {8, "billy"}, {9, "Miguel"}})';
const NICKNAMES = '#table({"From", "To"}, {{"mike", "Miguel"}, {"William", "Bill"}})';
const CITIES =
  '#table(type table [N = number, City = text], {{1, "b"}, {2, "a"}, {3, "a"}, {4, "A"}})';

describe('Table.FuzzyGroup', () => {
  cases([
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {"Count", each Table.RowCount(_)}, [IgnoreCase = true, IgnoreSpace = true])`,
      '#table(type table [Location = nullable text, Count = any], {{"Seattle", 4}, {"Vancouver", 3}})',
    ],
    [
      'Value.Type(Table.FuzzyGroup)',
      'type function (table as table, key as any, aggregatedColumns as list, optional options as nullable record) as table',
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, {"Location"}, {{"Count", each Table.RowCount(_), Int64.Type}, {"Ids", each [EmployeeID], type list}})`,
      '#table(type table [Location = nullable text, Count = Int64.Type, Ids = list], {{"Seattle", 4, {1, 2, 4, 6}}, {"Vancouver", 3, {3, 5, 7}}})',
    ],
    // The similarity column is added to each group's rows.
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {"Rows", each _}, [SimilarityColumnName = "Score"]){0}[Rows]`,
      '#table(type table [EmployeeID = nullable number, Location = nullable text, Score = nullable number], {{1, "Seattle", 1}, {2, "seattl", 0.85}, {4, "Seatle", 0.85}, {6, "Seattle", 1}})',
    ],
    // Groups follow their first row; the representative is the most frequent original value.
    [
      `Table.FuzzyGroup(${CITIES}, "City", {"N", each [N]})`,
      '#table(type table [City = text, N = any], {{"b", {1}}, {"a", {2, 3, 4}}})',
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {}, [Threshold = 0])`,
      '#table(type table [Location = nullable text], {{"Seattle"}})',
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {"Count", each Table.RowCount(_)}, [Threshold = 1])[Count]`,
      '{2, 1, 2, 1, 1}',
    ],
    [
      `Table.FuzzyGroup(${CITIES}, "City", {"N", each [N]}, [IgnoreCase = false, Threshold = 1])`,
      '#table(type table [City = text, N = any], {{"b", {1}}, {"a", {2, 3}}, {"A", {4}}})',
    ],
    [
      `Table.FuzzyGroup(${CITIES}, {}, {"N", each List.Sum([N])})`,
      '#table(type table [N = any], {{10}})',
    ],
    [
      'Table.FuzzyGroup(#table({"K", "V"}, {{null, 1}, {"x", 2}, {null, 3}}), "K", {"V", each [V]})',
      '#table(type table [K = any, V = any], {{null, {1, 3}}, {"x", {2}}})',
    ],
    [
      'Table.FuzzyGroup(#table({"F", "L", "V"}, {{"John", "Smith", 1}, {"Jon", "Smith", 2}, {"John", "Smyth", 3}, {"Ann", "Lee", 4}}), {"F", "L"}, {"V", each [V]})',
      '#table(type table [F = any, L = any, V = any], {{"John", "Smith", {1, 2, 3}}, {"Ann", "Lee", {4}}})',
    ],
    // Aggregates are computed when read.
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {"Bad", each error "agg"})[Location]`,
      '{"Seattle", "Vancouver"}',
    ],
    [
      `Table.FuzzyGroup(#table({"K"}, {{1}}), "K", {})`,
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {}, [NumberOfMatches = 1])`,
      "error [Expression.Error] The option 'NumberOfMatches' is not recognized.",
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {}, [Threshold = -0.1])`,
      'error [Expression.Error] The Threshold option must be a number between 0 and 1.',
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {"n"})`,
      'error [Expression.Error] An aggregated column must be a list of a name, a function and, optionally, a type.',
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Place", {})`,
      "error [Expression.Error] The column 'Place' of the table wasn't found.",
    ],
    [
      `Table.FuzzyGroup(${EMPLOYEES}, "Location", {}, [SimilarityColumnName = "Location"])`,
      "error [Expression.Error] The field 'Location' already exists in the record.",
    ],
  ]);
});

describe('Table.AddFuzzyClusterColumn', () => {
  cases([
    [
      `Table.AddFuzzyClusterColumn(${EMPLOYEES}, "Location", "Location_Cleaned", [IgnoreCase = true, IgnoreSpace = true])`,
      '#table(type table [EmployeeID = nullable number, Location = nullable text, Location_Cleaned = nullable text], {{1, "Seattle", "Seattle"}, {2, "seattl", "Seattle"}, {3, "Vancouver", "Vancouver"}, {4, "Seatle", "Seattle"}, {5, "vancover", "Vancouver"}, {6, "Seattle", "Seattle"}, {7, "Vancouver", "Vancouver"}})',
    ],
    [
      'Value.Type(Table.AddFuzzyClusterColumn)',
      'type function (table as table, columnName as text, newColumnName as text, optional options as nullable record) as table',
    ],
    [
      `Table.AddFuzzyClusterColumn(${EMPLOYEES}, "Location", "Cluster", [SimilarityColumnName = "Score"])[Score]`,
      '{1, 0.85, 1, 0.85, 0.88, 1, 1}',
    ],
    // Equally frequent values: the first one represents the cluster ("mike" before "Mike").
    [
      `Table.AddFuzzyClusterColumn(${PEOPLE}, "Person", "Cluster")[Cluster]`,
      '{"Miguel", "Miguel", "migueeel", "mike", "mike", "William", "Bill", "Bill", "Miguel"}',
    ],
    // Through the transformation table "mike" is "Miguel" and "William" is "Bill" (scored 0.95).
    [
      `Table.AddFuzzyClusterColumn(${PEOPLE}, "Person", "Cluster", [TransformationTable = ${NICKNAMES}, SimilarityColumnName = "Person_Cluster_Similarity"])`,
      '#table(type table [id = number, Person = text, Cluster = text, Person_Cluster_Similarity = nullable number], {{1, "miguel", "Miguel", 1}, {2, "Miguel", "Miguel", 1}, {3, "migueeel", "migueeel", 1}, {4, "mike", "Miguel", 0.95}, {5, "Mike", "Miguel", 0.95}, {6, "William", "William", 1}, {7, "Bill", "William", 0.95}, {8, "billy", "billy", 1}, {9, "Miguel", "Miguel", 1}})',
    ],
    [
      `Table.AddFuzzyClusterColumn(${PEOPLE}, "Person", "Cluster", [Threshold = 0.75])[Cluster]`,
      '{"Miguel", "Miguel", "Miguel", "mike", "mike", "William", "Bill", "Bill", "Miguel"}',
    ],
    [
      'Table.AddFuzzyClusterColumn(#table({"K"}, {{null}, {"Apple"}, {"aple"}, {"Apple"}}), "K", "C", [SimilarityColumnName = "S"])',
      '#table(type table [K = any, C = any, S = nullable number], {{null, null, null}, {"Apple", "Apple", 1}, {"aple", "Apple", 0.8}, {"Apple", "Apple", 1}})',
    ],
    [
      `Table.Keys(Table.AddFuzzyClusterColumn(Table.AddKey(${CITIES}, {"N"}, true), "City", "C"))`,
      '{[Columns = {"N"}, Primary = true]}',
    ],
    [
      `Table.ColumnNames(Table.AddFuzzyClusterColumn(#table({"K"}, {{1}}), "K", "C"))`,
      '{"K", "C"}',
    ],
    [
      `Table.AddFuzzyClusterColumn(#table({"K"}, {{1}}), "K", "C")`,
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      `Table.AddFuzzyClusterColumn(${EMPLOYEES}, "Location", "EmployeeID")`,
      "error [Expression.Error] The field 'EmployeeID' already exists in the record.",
    ],
    [
      `Table.AddFuzzyClusterColumn(${EMPLOYEES}, "Place", "C")`,
      "error [Expression.Error] The column 'Place' of the table wasn't found.",
    ],
    [
      `Table.AddFuzzyClusterColumn(${EMPLOYEES}, "Location", "C", [ConcurrentRequests = 2])`,
      "error [Expression.Error] The option 'ConcurrentRequests' is not recognized.",
    ],
    [
      `Table.AddFuzzyClusterColumn(${EMPLOYEES}, "Location", "C", [TransformationTable = "x"])`,
      'error [Expression.Error] We cannot convert the value "x" to type Table.',
    ],
  ]);
});

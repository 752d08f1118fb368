import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';
import { uniqueNames } from './headers.js';

describe('Table.PromoteHeaders', () => {
  it.each([
    // The documented examples, re-derived: a date is not promoted by default; with PromoteAllScalars
    // it is, as text in the culture.
    [
      'Table.PromoteHeaders(#table({"Column1", "Column2", "Column3"}, {{"Id", "Pet", #date(1999, 12, 31)}, {4, "Cat", #date(1999, 12, 31)}}))',
      '#table(type table [Id = any, Pet = any, Column3 = any], {{4, "Cat", #date(1999, 12, 31)}})',
    ],
    [
      'Table.PromoteHeaders(#table({"Rank", "Name", "Date"}, {{2, "Name", #date(1999, 12, 31)}, {2, "Cat", #date(1999, 12, 31)}}), [PromoteAllScalars = true, Culture = "en-US"])',
      '#table(type table [#"2" = any, Name = any, #"12/31/1999" = any], {{2, "Cat", #date(1999, 12, 31)}})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B"}, {{#date(1999, 12, 31), 1.5}}), [PromoteAllScalars = true, Culture = "de-DE"])',
      '#table(type table [#"31.12.1999" = any, #"1,5" = any], {})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B"}, {{#date(1999, 12, 31), 1.5}}), [PromoteAllScalars = true, Culture = "fr-FR"])',
      '#table(type table [#"31/12/1999" = any, #"1,5" = any], {})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B"}, {{1.5, "x"}}), [Culture = "de-DE"])',
      '#table(type table [#"1,5" = any, x = any], {})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B"}, {{1.5, "x"}}))',
      '#table(type table [#"1.5" = any, x = any], {})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B"}, {{1.5, "x"}}), null, null)',
      'error [Expression.Error] 3 arguments were passed to a function which expects between 1 and 2.',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B", "C", "D"}, {{true, #time(9, 30, 0), #duration(1, 2, 0, 0), null}}), [PromoteAllScalars = true])',
      '#table(type table [true = any, #"9:30:00 AM" = any, #"1.02:00:00" = any, Column4 = any], {})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B", "C"}, {{true, {1}, [a = 1]}}))',
      '#table(type table [Column1 = any, Column2 = any, Column3 = any], {})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B", "C"}, {{true, {1}, [a = 1]}}), [PromoteAllScalars = true])',
      '#table(type table [true = any, Column2 = any, Column3 = any], {})',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    [
      'Table.PromoteHeaders(Csv.Document("Name,Name,,Name#(lf)a,b,c,d"))',
      '#table(type table [Name = any, Name_1 = any, Column3 = any, Name_2 = any], {{"a", "b", "c", "d"}})',
    ],
    [
      'Table.PromoteHeaders(Csv.Document("A,A,A_1#(lf)1,2,3"))',
      '#table(type table [A = any, A_2 = any, A_1 = any], {{"1", "2", "3"}})',
    ],
    [
      'Table.PromoteHeaders(Csv.Document(",Column1#(lf)1,2"))',
      '#table(type table [Column1 = any, Column1_1 = any], {{"1", "2"}})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B"}, {{null, ""}, {1, 2}}))',
      '#table(type table [Column1 = any, Column2 = any], {{1, 2}})',
    ],
    [
      'Table.PromoteHeaders(#table({"A", "B"}, {{" x ", "x"}}))',
      '#table(type table [#" x " = any, x = any], {})',
    ],
    [
      'Table.PromoteHeaders(#table(type table [A = number, B = text], {{1, "b"}, {2, "c"}}))',
      '#table(type table [#"1" = number, b = text], {{2, "c"}})',
    ],
    ['Table.PromoteHeaders(#table({"A"}, {}))', '#table(type table [A = any], {})'],
    ['Table.PromoteHeaders(Csv.Document(""))', '#table(type table [], {})'],
    [
      'Table.PromoteHeaders(#table({"A"}, {{"x"}}), [Colour = 1])',
      "error [Expression.Error] The option 'Colour' is not recognized.",
    ],
    [
      'Table.PromoteHeaders(#table({"A"}, {{"x"}}), [PromoteAllScalars = 1])',
      'error [Expression.Error] We cannot convert the value 1 to type Logical.',
    ],
    [
      'Table.PromoteHeaders({1})',
      'error [Expression.Error] We cannot convert the value of type List to type Table.',
    ],
    [
      'Table.PromoteHeaders(#table({"A"}, {{error "bad header"}, {1}}))',
      'error [Expression.Error] bad header',
    ],
    // Only the header row is read: an error in a later cell stays in its cell.
    [
      'Value.Type(Table.PromoteHeaders(#table({"A"}, {{"h"}, {error "later"}})))',
      'type table [h = any]',
    ],
    [
      'let t = #table({"A", "B"}, {{"x", "y"}, {1, 2}}) in Type.TableKeys(Value.Type(Table.PromoteHeaders(Value.ReplaceType(t, Type.AddTableKey(Value.Type(t), {"A"}, true)))))',
      '{[Columns = {"x"}, Primary = true]}',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    [
      ['A', 'B'],
      ['A', 'B'],
    ],
    [
      ['A', 'A', 'A'],
      ['A', 'A_1', 'A_2'],
    ],
    [
      ['A', 'A', 'A_1'],
      ['A', 'A_2', 'A_1'],
    ],
    [
      ['A_1', 'A', 'A'],
      ['A_1', 'A', 'A_2'],
    ],
  ])('makes %j unique as %j', (names, expected) => {
    expect(uniqueNames(names)).toEqual(expected);
  });
});

describe('Table.DemoteHeaders', () => {
  it.each([
    [
      'Table.DemoteHeaders(#table(type table [Id = number, Pet = text], {{4, "Cat"}, {5, "Dog"}}))',
      '#table(type table [Column1 = any, Column2 = any], {{"Id", "Pet"}, {4, "Cat"}, {5, "Dog"}})',
    ],
    ['Table.DemoteHeaders(#table({"A"}, {}))', '#table(type table [Column1 = any], {{"A"}})'],
    ['Table.DemoteHeaders(#table({}, {}))', '#table(type table [], {{}})'],
    [
      'Table.PromoteHeaders(Table.DemoteHeaders(#table({"A", "B"}, {{1, 2}})))',
      '#table(type table [A = any, B = any], {{1, 2}})',
    ],
    [
      'Table.DemoteHeaders(Table.DemoteHeaders(#table({"A"}, {{1}})))',
      '#table(type table [Column1 = any], {{"Column1"}, {"A"}, {1}})',
    ],
    [
      'Value.Type(Table.DemoteHeaders(#table({"A"}, {{error "later"}})))',
      'type table [Column1 = any]',
    ],
    [
      'Table.DemoteHeaders(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Table.',
    ],
    ['Value.Type(Table.DemoteHeaders)', 'type function (table as table) as table'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

describe('List.Transform', () => {
  it.each([
    ['List.Transform({1, 2}, each _ + 1)', '{2, 3}'],
    ['List.Transform({}, each _ + 1)', '{}'],
    ['List.Transform({1, null}, each _ * 2)', '{2, null}'],
    ['List.Transform({[a = 1], [a = 2]}, each [a])', '{1, 2}'],
    ['List.Transform({1..1000000000}, each _ * 2){999999999}', '2000000000'],
    ['List.FirstN(List.Transform({1..1000000000}, each _ * 10), 3)', '{10, 20, 30}'],
    ['List.Sum(List.Transform({1..1000}, each _ * 2))', '1001000'],
    ['List.Count(List.Transform({1, 2, 3}, each error "e"))', '3'],
    [
      'List.Buffer(List.Transform({1, 2}, (x, y) => x))',
      'error [Expression.Error] 1 arguments were passed to a function which expects 2.',
    ],
    [
      'List.Transform({1, 2}, "f")',
      'error [Expression.Error] We cannot convert the value "f" to type Function.',
    ],
    ['List.Transform(List.Select({1..6}, each _ > 3), each -_)', '{-4, -5, -6}'],
    ['List.Count(List.Transform(List.Select({1..6}, each _ > 3), each error "e"))', '3'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('computes only the items that are read', () => {
    expect(m('List.Skip(List.Transform({1, 2}, each if _ = 1 then error "x" else _), 1)')).toBe(
      '{2}',
    );
  });
});

describe('List.Accumulate, List.TransformMany', () => {
  it.each([
    ['List.Accumulate({1, 2, 3, 4, 5}, 0, (state, current) => state + current)', '15'],
    ['List.Accumulate({}, "seed", (state, current) => state & current)', '"seed"'],
    ['List.Accumulate({"a", "b", "c"}, "", (state, current) => state & current)', '"abc"'],
    [
      'List.Accumulate({#duration(0, 1, 0, 0), #duration(0, 2, 0, 0)}, {#datetime(2025, 9, 8, 19, 0, 0)}, (times, step) => times & {List.Last(times) + step})',
      '{#datetime(2025, 9, 8, 19, 0, 0), #datetime(2025, 9, 8, 20, 0, 0), #datetime(2025, 9, 8, 22, 0, 0)}',
    ],
    [
      'List.Accumulate({1, 2}, 0, each _)',
      'error [Expression.Error] 2 arguments were passed to a function which expects 1.',
    ],
    [
      'List.TransformMany({[Name = "Alice", Pets = {"Scruffy", "Sam"}], [Name = "Bob", Pets = {"Walker"}]}, each [Pets], (person, pet) => [Name = person[Name], Pet = pet])',
      '{[Name = "Alice", Pet = "Scruffy"], [Name = "Alice", Pet = "Sam"], [Name = "Bob", Pet = "Walker"]}',
    ],
    [
      'List.TransformMany({1, 2, 3}, each List.Repeat({_}, _ - 1), (x, y) => x * 10)',
      '{20, 30, 30}',
    ],
    ['List.TransformMany({}, each {_}, (x, y) => y)', '{}'],
    [
      'List.Buffer(List.TransformMany({1}, each _, (x, y) => y))',
      'error [Expression.Error] We cannot convert the value 1 to type List.',
    ],
    ['List.FirstN(List.TransformMany({1..1000000000}, each {_, _}, (x, y) => y), 3)', '{1, 1, 2}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Combine, List.Zip, List.Split, List.Repeat, List.Reverse', () => {
  it.each([
    ['List.Combine({{1, 2}, {3, 4}})', '{1, 2, 3, 4}'],
    ['List.Combine({{1, 2}, {3, {4, 5}}})', '{1, 2, 3, {4, 5}}'],
    ['List.Combine({})', '{}'],
    ['List.Combine({{}, {1}, {}})', '{1}'],
    [
      'List.Combine({{1}, 2})',
      'error [Expression.Error] We cannot convert the value 2 to type List.',
    ],
    ['List.Count(List.Combine({{1..1000000000}, {1..1000000000}}))', '2000000000'],
    ['List.Combine({{1, 2}, List.Select({3..9}, each _ < 5)})', '{1, 2, 3, 4}'],
    ['List.Zip({{1, 2}, {3, 4}})', '{{1, 3}, {2, 4}}'],
    ['List.Zip({{1, 2}, {3}})', '{{1, 3}, {2, null}}'],
    ['List.Zip({})', '{}'],
    ['List.Zip({{}, {}})', '{}'],
    ['List.Zip({{1}, {"a", "b"}, {true}})', '{{1, "a", true}, {null, "b", null}}'],
    ['List.Count(List.Zip({{1, 2, 3}, {4}}))', '3'],
    ['List.FirstN(List.Zip({{1..1000000000}, {1..1000000000}}), 1)', '{{1, 1}}'],
    ['List.Zip({1})', 'error [Expression.Error] We cannot convert the value 1 to type List.'],
    ['List.Split({1..7}, 3)', '{{1, 2, 3}, {4, 5, 6}, {7}}'],
    ['List.Split({1..6}, 3)', '{{1, 2, 3}, {4, 5, 6}}'],
    ['List.Split({}, 3)', '{}'],
    ['List.Split(List.Select({1..7}, each true), 3)', '{{1, 2, 3}, {4, 5, 6}, {7}}'],
    ['List.Count(List.Split({1..1000000000}, 3))', '333333334'],
    ['List.Split({1, 2}, 0)', 'error [Expression.Error] The page size must be greater than zero.'],
    ['List.Repeat({1, 2}, 3)', '{1, 2, 1, 2, 1, 2}'],
    ['List.Repeat({1, 2}, 0)', '{}'],
    ['List.Repeat({}, 1000000000)', '{}'],
    ['List.Count(List.Repeat({1..1000}, 1000000))', '1000000000'],
    ['List.Repeat(List.Select({1..3}, each _ > 1), 2)', '{2, 3, 2, 3}'],
    ['List.Count(List.Repeat(List.Select({1..3}, each _ > 1), 2))', '4'],
    ['List.Repeat(List.Select({1..3}, each _ > 5), 1000000000)', '{}'],
    ['List.Repeat({1}, -1)', 'error [Expression.Error] The count cannot be negative.'],
    ['List.Reverse({1..10})', '{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}'],
    ['List.Reverse({})', '{}'],
    ['List.Reverse({error "x", 2}){0}', '2'],
    ['List.Reverse({1..1000000000}){0}', '1000000000'],
    ['List.Reverse(List.Select({1..5}, each _ > 2))', '{5, 4, 3}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.RemoveNulls, List.RemoveItems, List.RemoveMatchingItems', () => {
  it.each([
    ['List.RemoveNulls({1, 2, 3, null, 4, 5, null, 6})', '{1, 2, 3, 4, 5, 6}'],
    ['List.RemoveNulls({null})', '{}'],
    ['List.RemoveNulls({})', '{}'],
    ['List.FirstN(List.RemoveNulls({1..1000000000}), 2)', '{1, 2}'],
    ['List.RemoveItems({1, 2, 3, 4, 2, 5, 5}, {2, 4, 6})', '{1, 3, 5, 5}'],
    ['List.RemoveItems({1, 2}, {})', '{1, 2}'],
    ['List.RemoveItems({"a", 1, null, {1}}, {"1", null, {1}})', '{"a", 1}'],
    [
      'List.RemoveItems({#date(2024, 1, 1), #date(2024, 1, 2)}, {#date(2024, 1, 2)})',
      '{#date(2024, 1, 1)}',
    ],
    ['List.RemoveMatchingItems({1, 2, 3, 4, 5, 5}, {1, 5})', '{2, 3, 4}'],
    ['List.RemoveMatchingItems({1, 2, 3, 4, 5}, {0}, each _ > 2)', '{3, 4, 5}'],
    [
      'List.RemoveMatchingItems({1, 2, 10, 11}, {12}, (x, y) => (if x > y then x - y else y - x) <= 2)',
      '{1, 2}',
    ],
    [
      'List.RemoveMatchingItems({[a = 1, b = 2], [a = 2, b = 2]}, {[a = 1]}, each [a])',
      '{[a = 2, b = 2]}',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.ReplaceMatchingItems, List.ReplaceValue', () => {
  it.each([
    ['List.ReplaceMatchingItems({1, 2, 3, 4, 5}, {{5, -5}, {1, -1}})', '{-1, 2, 3, 4, -5}'],
    ['List.ReplaceMatchingItems({1, 2, 1}, {{1, "one"}, {1, "uno"}})', '{"one", 2, "one"}'],
    ['List.ReplaceMatchingItems({1, 2}, {})', '{1, 2}'],
    ['List.ReplaceMatchingItems({1, 2, 3}, {{0, "small"}}, each _ < 2)', '{"small", 2, 3}'],
    [
      'List.ReplaceMatchingItems({1, 2}, {{1}})',
      'error [Expression.Error] Each replacement must be a list of two items: the old value and the new value.',
    ],
    [
      'List.ReplaceMatchingItems({1, 2}, {5})',
      'error [Expression.Error] Each replacement must be a list of two items: the old value and the new value.',
    ],
    [
      'List.ReplaceValue({"a", "B", "a", "a"}, "a", "A", (value, old, new) => if value = old then new else value)',
      '{"A", "B", "A", "A"}',
    ],
    ['List.ReplaceValue({}, 1, 2, (value, old, new) => new)', '{}'],
    [
      'List.Buffer(List.ReplaceValue({1}, 1, 2, each _))',
      'error [Expression.Error] 3 arguments were passed to a function which expects 1.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.ConformToPageReader', () => {
  it('is declared but reserved for internal use', () => {
    expect(m('List.ConformToPageReader({1})')).toBe(
      'error [Expression.Error] List.ConformToPageReader is intended for internal use only and is not available in pqsdk.',
    );
  });
});

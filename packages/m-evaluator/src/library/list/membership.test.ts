import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

/** A custom equality comparer: numbers within two of each other. */
const NEAR = '(x, y) => (if x > y then x - y else y - x) <= 2';

describe('List.AllTrue, List.AnyTrue', () => {
  it.each([
    ['List.AllTrue({true, true, 2 > 0})', 'true'],
    ['List.AllTrue({true, false, 2 < 0})', 'false'],
    ['List.AllTrue({})', 'true'],
    ['List.AllTrue({false, error "x"})', 'false'],
    [
      'List.AllTrue({1})',
      'error [Expression.Error] We cannot convert the value 1 to type Logical.',
    ],
    ['List.AnyTrue({true, false, 2 > 0})', 'true'],
    ['List.AnyTrue({2 = 0, false, 2 < 0})', 'false'],
    ['List.AnyTrue({})', 'false'],
    ['List.AnyTrue({true, error "x"})', 'true'],
    [
      'List.AnyTrue({null})',
      'error [Expression.Error] We cannot convert the value null to type Logical.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Contains, List.ContainsAll, List.ContainsAny', () => {
  it.each([
    ['List.Contains({1, 2, 3, 4, 5}, 3)', 'true'],
    ['List.Contains({1, 2, 3, 4, 5}, 6)', 'false'],
    ['List.Contains({}, null)', 'false'],
    ['List.Contains({null}, null)', 'true'],
    ['List.Contains({"1"}, 1)', 'false'],
    ['List.Contains({{1, 2}, [a = 1]}, [a = 1])', 'true'],
    ['List.Contains({#date(2024, 2, 23), #date(2022, 4, 8)}, #date(2022, 4, 8))', 'true'],
    ['List.Contains({1..1000000000}, 3)', 'true'],
    ['List.Contains({1, error "x"}, 1)', 'true'],
    ['List.Contains({10, 15, 20}, 17, ' + NEAR + ')', 'true'],
    ['List.Contains({10, 15, 20}, 13, ' + NEAR + ')', 'true'],
    ['List.Contains({10, 15, 20}, 12.5, ' + NEAR + ')', 'false'],
    ['List.Contains({[a = 1], [a = 2]}, [a = 2, b = 0], each [a])', 'true'],
    [
      'List.Contains({1}, 1, 5)',
      'error [Expression.Error] The equation criteria must be a key selector, a comparer function, or a list of a key selector and a comparer.',
    ],
    ['List.ContainsAll({1, 2, 3, 4, 5}, {3, 4})', 'true'],
    ['List.ContainsAll({1, 2, 3, 4, 5}, {5, 6})', 'false'],
    ['List.ContainsAll({1, 2}, {})', 'true'],
    ['List.ContainsAll({1, 2}, {2, 2, 1})', 'true'],
    ['List.ContainsAll({1..1000000000}, {2, 3})', 'true'],
    [
      'List.ContainsAll({#date(2022, 4, 8), #date(2021, 7, 6)}, {#date(2021, 7, 6), #date(2022, 4, 8)})',
      'true',
    ],
    ['List.ContainsAll({10, 20}, {11, 19}, ' + NEAR + ')', 'true'],
    ['List.ContainsAll({10, 20}, {11, 15}, ' + NEAR + ')', 'false'],
    ['List.ContainsAny({1, 2, 3, 4, 5}, {3, 9})', 'true'],
    ['List.ContainsAny({1, 2, 3, 4, 5}, {6, 7})', 'false'],
    ['List.ContainsAny({1, 2}, {})', 'false'],
    ['List.ContainsAny({1..1000000000}, {0, 5})', 'true'],
    ['List.ContainsAny({10, 20}, {4, 22}, ' + NEAR + ')', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.PositionOf, List.PositionOfAny', () => {
  it.each([
    ['List.PositionOf({1, 2, 3}, 3)', '2'],
    ['List.PositionOf({1, 2, 3}, 4)', '-1'],
    ['List.PositionOf({2021, 2022, 2023, 2022, 2022, 2024}, 2022, Occurrence.All)', '{1, 3, 4}'],
    ['List.PositionOf({2021, 2022, 2023, 2022}, 2022, Occurrence.Last)', '3'],
    ['List.PositionOf({2021, 2022}, 2022, Occurrence.First)', '1'],
    ['List.PositionOf({1, 2}, 5, Occurrence.All)', '{}'],
    ['List.PositionOf({1, 2}, 5, Occurrence.Last)', '-1'],
    ['List.PositionOf({10, 15, 20, 25, 30}, 28, Occurrence.First, ' + NEAR + ')', '4'],
    [
      'List.PositionOf({"dog", "cat", "dog"}, "DOG", Occurrence.Last, each if _ = "DOG" then "dog" else _)',
      '2',
    ],
    [
      'List.PositionOf({1, 2}, 1, 3)',
      'error [Expression.Error] The occurrence must be Occurrence.First (0), Occurrence.Last (1) or Occurrence.All (2).',
    ],
    ['List.PositionOf({1..1000000000}, 3)', '2'],
    ['List.PositionOf({1, 2, error "x"}, 2)', '1'],
    ['List.PositionOfAny({1, 2, 3}, {2, 3})', '1'],
    ['List.PositionOfAny({1, 2, 3}, {7})', '-1'],
    [
      'List.PositionOfAny({2021, 2022, 2023, 2025, 2022, 2024}, {2022, 2023}, Occurrence.All)',
      '{1, 2, 4}',
    ],
    ['List.PositionOfAny({"dog", "cat", "pony", "cat"}, {"dog", "cat"}, Occurrence.Last)', '3'],
    ['List.PositionOfAny({10, 15, 20, 25, 30}, {17, 28}, Occurrence.All, ' + NEAR + ')', '{1, 4}'],
    ['List.PositionOfAny({1, 2}, {}, Occurrence.All)', '{}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Distinct, List.IsDistinct', () => {
  it.each([
    ['List.Distinct({1, 1, 2, 3, 3, 3})', '{1, 2, 3}'],
    ['List.Distinct({})', '{}'],
    ['List.Distinct({null, null, 1})', '{null, 1}'],
    ['List.Distinct({1, "1", 1})', '{1, "1"}'],
    ['List.Distinct({{1, 2}, {1, 2}, {2, 1}})', '{{1, 2}, {2, 1}}'],
    ['List.Distinct({[a = 1, b = 2], [b = 2, a = 1]})', '{[a = 1, b = 2]}'],
    ['List.Distinct({{1, 2}, List.Select({1, 2}, each true), {1..2}})', '{{1, 2}}'],
    ['List.Distinct({1, -0, 0})', '{1, 0}'],
    [
      'List.Distinct({#date(2024, 1, 1), #date(2024, 1, 1), #datetime(2024, 1, 1, 0, 0, 0)})',
      '{#date(2024, 1, 1), #datetime(2024, 1, 1, 0, 0, 0)}',
    ],
    [
      'List.Distinct({#datetimezone(2024, 1, 1, 1, 0, 0, 1, 0), #datetimezone(2024, 1, 1, 0, 0, 0, 0, 0)})',
      '{#datetimezone(2024, 1, 1, 1, 0, 0, 1, 0)}',
    ],
    [
      'List.Distinct({"Fig", "Date", "Cherry", "Banana", "Apple"}, each List.Count(List.Repeat({0}, 0)) + 1)',
      '{"Fig"}',
    ],
    ['List.Distinct({1, 2, 3, 4, 5, 6}, each _ > 3)', '{1, 4}'],
    ['List.Distinct({10, 11, 15, 20, 21}, ' + NEAR + ')', '{10, 15, 20}'],
    [
      'List.Distinct({{"USA", 1}, {"Usa", 2}, {"USA", 3}}, {each _{0}, (x, y) => if x = y then 0 else 1})',
      '{{"USA", 1}, {"Usa", 2}}',
    ],
    [
      'List.Distinct({1, 2}, {each _, each _})',
      'error [Expression.Error] The equation criteria must be a key selector, a comparer function, or a list of a key selector and a comparer.',
    ],
    ['List.FirstN(List.Distinct({1..1000000000}), 2)', '{1, 2}'],
    ['List.FirstN(List.Distinct({1, 1, error "x"}), 1)', '{1}'],
    ['List.IsDistinct({1, 2, 3})', 'true'],
    ['List.IsDistinct({1, 2, 3, 3})', 'false'],
    ['List.IsDistinct({})', 'true'],
    ['List.IsDistinct({1, 1, error "x"})', 'false'],
    ['List.IsDistinct({1, 5, 9}, ' + NEAR + ')', 'true'],
    ['List.IsDistinct({1, 5, 6}, ' + NEAR + ')', 'false'],
    ['List.IsDistinct({[a = 1], [a = 1, b = 1]}, each [a])', 'false'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('keeps the first of equal items and walks the source once per read', () => {
    expect(m('let l = List.Distinct({3, 1, 3, 2, 1}) in {l, List.Count(l)}')).toBe(
      '{{3, 1, 2}, 3}',
    );
  });
});

describe('List.Difference, List.Intersect, List.Union', () => {
  it.each([
    ['List.Difference({1, 2, 3, 4, 5}, {4, 5, 3})', '{1, 2}'],
    ['List.Difference({1, 2}, {1, 2, 3})', '{}'],
    ['List.Difference({1, 1, 2, 1}, {1})', '{1, 2, 1}'],
    ['List.Difference({1, 2}, {})', '{1, 2}'],
    ['List.Difference({10, 20, 30}, {19}, ' + NEAR + ')', '{10, 30}'],
    ['List.Difference({[a = 1], [a = 2]}, {[a = 2, b = 5]}, each [a])', '{[a = 1]}'],
    ['List.Intersect({{1..5}, {2..6}, {3..7}})', '{3, 4, 5}'],
    ['List.Intersect({{1, 1, 2, 3}, {1, 1, 1, 3}})', '{1, 1, 3}'],
    ['List.Intersect({})', '{}'],
    ['List.Intersect({{1, 2}})', '{1, 2}'],
    ['List.Intersect({{1, 2}, {}})', '{}'],
    ['List.Intersect({{10, 20}, {21}}, ' + NEAR + ')', '{20}'],
    ['List.Intersect({1})', 'error [Expression.Error] We cannot convert the value 1 to type List.'],
    ['List.Union({{1..5}, {2..6}, {3..7}})', '{1, 2, 3, 4, 5, 6, 7}'],
    ['List.Union({{1, 1, 2}, {1, 2, 2}})', '{1, 1, 2, 2}'],
    ['List.Union({{2, 1}, {3, 1}})', '{2, 1, 3}'],
    ['List.Union({})', '{}'],
    ['List.Union({{"a"}, {"A"}}, each if _ = "A" then "a" else _)', '{"a"}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

describe('List.Sort', () => {
  it.each([
    ['List.Sort({2, 3, 1})', '{1, 2, 3}'],
    ['List.Sort({2, 3, 1}, Order.Descending)', '{3, 2, 1}'],
    ['List.Sort({2, 3, 1}, Order.Ascending)', '{1, 2, 3}'],
    [
      'List.Sort({2, 3, 1}, (x, y) => if 1 / x < 1 / y then -1 else if 1 / x > 1 / y then 1 else 0)',
      '{3, 2, 1}',
    ],
    ['List.Sort({2, 3, 1}, {each 1 / _, Order.Descending})', '{1, 2, 3}'],
    ['List.Sort({2, 3, 1}, each -_)', '{3, 2, 1}'],
    ['List.Sort({})', '{}'],
    ['List.Sort({"b", "B", "a", "A"})', '{"A", "B", "a", "b"}'],
    [
      'List.Sort({"b", null, 1, true, #date(2024, 1, 1)})',
      '{null, true, 1, #date(2024, 1, 1), "b"}',
    ],
    [
      'List.Sort({#duration(1, 0, 0, 0), #duration(0, 1, 0, 0)})',
      '{#duration(0, 1, 0, 0), #duration(1, 0, 0, 0)}',
    ],
    [
      'List.Sort({[a = 2, b = 1], [a = 1, b = 2], [a = 2, b = 0]}, {{each [a], Order.Descending}, each [b]})',
      '{[a = 2, b = 0], [a = 2, b = 1], [a = 1, b = 2]}',
    ],
    [
      'List.Sort({[a = 1, n = "x"], [a = 0, n = "y"], [a = 1, n = "z"]}, each [a])',
      '{[a = 0, n = "y"], [a = 1, n = "x"], [a = 1, n = "z"]}',
    ],
    [
      'List.Sort({[a = 1, n = "x"], [a = 0, n = "y"], [a = 1, n = "z"]}, {each [a], Order.Descending})',
      '{[a = 1, n = "x"], [a = 1, n = "z"], [a = 0, n = "y"]}',
    ],
    ['List.Sort({{1}, {2}})', 'error [Expression.Error] We cannot compare values of type List.'],
    [
      'List.Sort({1, 2}, 2)',
      'error [Expression.Error] The order must be Order.Ascending (0) or Order.Descending (1).',
    ],
    [
      'List.Sort({1, 2}, "a")',
      'error [Expression.Error] The comparison criteria must be an Order value, a key selector, a comparer function, or a list of these.',
    ],
    [
      'List.Sort({1, 2}, (x, y) => "less")',
      'error [Expression.Error] We cannot convert the value "less" to type Number.',
    ],
    ['List.Sort({3, 1, 2}, {Order.Descending})', '{3, 2, 1}'],
    ['List.Sort(List.Reverse({1..5}))', '{1, 2, 3, 4, 5}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Max, List.Min', () => {
  it.each([
    ['List.Max({1, 4, 7, 3, -2, 5}, 1)', '7'],
    ['List.Max({}, -1)', '-1'],
    ['List.Max({})', 'null'],
    ['List.Max({"boy", "dog", "girl", "zebra", "cat", "mouse", "rabbit"}, "none")', '"zebra"'],
    ['List.Max({1, null, 3})', '3'],
    ['List.Max({null, null}, "empty")', '"empty"'],
    ['List.Max({#date(2024, 1, 5), #date(2023, 12, 31)})', '#date(2024, 1, 5)'],
    ['List.Max({#duration(0, 1, 0, 0), #duration(0, 0, 59, 0)})', '#duration(0, 1, 0, 0)'],
    ['List.Max({"a", 5})', '"a"'],
    ['List.Max({"x", "yyy", "zz"}, null, each -List.Count(List.Repeat({0}, 0)) - 1)', '"x"'],
    [
      'List.Max({[n = "a", v = 2], [n = "b", v = 9], [n = "c", v = 9]}, null, each [v])',
      '[n = "b", v = 9]',
    ],
    ['List.Max({1, 2, 3}, null, Order.Descending)', '1'],
    ['List.Max({1, 2, 3}, null, (x, y) => if x < y then 1 else if x > y then -1 else 0)', '1'],
    ['List.Max({1..1000000})', '1000000'],
    ['List.Max({1, #nan, 3})', '3'],
    ['List.Min({1, 4, 7, 3, -2, 5})', '-2'],
    ['List.Min({}, -1)', '-1'],
    ['List.Min({3, null, 2})', '2'],
    ['List.Min({3, null, 2}, null, null, true)', 'null'],
    ['List.Min({3, null, 2}, null, null, false)', '2'],
    ['List.Max({3, null, 2}, null, null, true)', '3'],
    ['List.Min({"b", "a"})', '"a"'],
    [
      'List.Min({#datetime(2024, 1, 1, 10, 0, 0), #datetime(2024, 1, 1, 9, 0, 0)})',
      '#datetime(2024, 1, 1, 9, 0, 0)',
    ],
    ['List.Min({[v = 2], [v = 1]}, null, each [v])', '[v = 1]'],
    ['List.Min({{1}, {2}})', 'error [Expression.Error] We cannot compare values of type List.'],
    [
      'List.Min({1}, null, null, "yes")',
      'error [Expression.Error] We cannot convert the value "yes" to type Logical.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.MaxN, List.MinN', () => {
  it.each([
    ['List.MaxN({3, 4, 5, -1, 7, 8, 2}, 5)', '{8, 7, 5, 4, 3}'],
    [
      'List.MaxN({"boy", "dog", "pony", "cat", "rabbit", "bat"}, each _ > "d")',
      '{"rabbit", "pony", "dog"}',
    ],
    ['List.MaxN({1, 2}, 5)', '{2, 1}'],
    ['List.MaxN({}, 2)', '{}'],
    ['List.MaxN({1, null, 2}, 3)', '{2, 1}'],
    ['List.MaxN({1, null, 2}, 3, null, true)', '{2, 1, null}'],
    ['List.MaxN({[v = 1], [v = 3], [v = 2]}, 2, each [v])', '{[v = 3], [v = 2]}'],
    ['List.MaxN({1, 2, 3}, null)', '{3}'],
    ['List.MinN({3, 4, 5, -1, 7, 8, 2}, 5)', '{-1, 2, 3, 4, 5}'],
    ['List.MinN({3, 4, 5, -1, 7, 8, 2}, each _ < 4)', '{-1, 2, 3}'],
    ['List.MinN({10, "apple", 5, "banana"}, 2)', '{5, 10}'],
    ['List.MinN({3, 1, 2}, null)', '{1}'],
    ['List.MinN({3, 1, 2}, 2, Order.Descending)', '{3, 2}'],
    ['List.MinN({1, 2}, -1)', 'error [Expression.Error] The count cannot be negative.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Median', () => {
  it.each([
    ['List.Median({5, 3, 1, 7, 9})', '5'],
    ['List.Median({5, 3, 1, 7})', '4'],
    ['List.Median({})', 'null'],
    ['List.Median({null, 4, null})', '4'],
    ['List.Median({"b", "d", "a", "c"})', '"b"'],
    ['List.Median({#duration(0, 1, 0, 0), #duration(0, 2, 0, 0)})', '#duration(0, 1, 30, 0)'],
    [
      'List.Median({#datetime(2024, 1, 1, 0, 0, 0), #datetime(2024, 1, 2, 0, 0, 0)})',
      '#datetime(2024, 1, 1, 12, 0, 0)',
    ],
    ['List.Median({#time(10, 0, 0), #time(11, 0, 0)})', '#time(10, 30, 0)'],
    ['List.Median({#date(2024, 1, 1), #date(2024, 1, 3)})', '#date(2024, 1, 1)'],
    ['List.Median({1, 2, 3, 4}, Order.Descending)', '2.5'],
    ['List.Median({1, "a"})', '1'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Percentile', () => {
  it.each([
    ['List.Percentile({5, 3, 1, 7, 9}, 0.25)', '3'],
    [
      'List.Percentile({5, 3, 1, 7, 9}, {0.25, 0.5, 0.75}, [PercentileMode = PercentileMode.ExcelExc])',
      '{2, 5, 8}',
    ],
    ['List.Percentile({5, 3, 1, 7, 9}, {0, 1})', '{1, 9}'],
    ['List.Percentile({1, 2, 3, 4}, 0.5)', '2.5'],
    ['List.Percentile({1, 2, 3, 4}, 0.5, [PercentileMode = PercentileMode.SqlCont])', '2.5'],
    ['List.Percentile({1, 2, 3, 4}, 0.5, [PercentileMode = PercentileMode.SqlDisc])', '2'],
    ['List.Percentile({1, 2, 3, 4}, 0.51, [PercentileMode = PercentileMode.SqlDisc])', '3'],
    ['List.Percentile({1, 2, 3, 4}, 0, [PercentileMode = PercentileMode.SqlDisc])', '1'],
    ['List.Percentile({1, 2, 3}, 0.01, [PercentileMode = PercentileMode.ExcelExc])', '1'],
    ['List.Percentile({}, 0.5)', 'null'],
    ['List.Percentile({}, {0.5})', '{null}'],
    ['List.Percentile({1, null, 3}, 0.5)', '2'],
    [
      'List.Percentile({#duration(0, 0, 0, 0), #duration(0, 1, 0, 0)}, 0.25)',
      '#duration(0, 0, 15, 0)',
    ],
    [
      'List.Percentile({1, 2}, 1.5)',
      'error [Expression.Error] The percentile must be a number from 0 to 1.',
    ],
    [
      'List.Percentile({1, 2}, 0.5, [PercentileMode = 7])',
      'error [Expression.Error] The PercentileMode option must be PercentileMode.ExcelInc, ExcelExc, SqlDisc or SqlCont.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

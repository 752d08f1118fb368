import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

describe('List.Sum', () => {
  it.each([
    ['List.Sum({1, 2, 3})', '6'],
    ['List.Sum({})', 'null'],
    ['List.Sum({null, null})', 'null'],
    ['List.Sum({null, 1500, 500, null, 100})', '2100'],
    ['List.Sum({1..1000000})', '500000500000'],
    ['List.Sum(List.Transform({1..1000000}, each _ * 2))', '1000001000000'],
    ['List.Sum({0.1, 0.2})', '0.30000000000000004'],
    ['List.Sum({0.1, 0.2}, Precision.Double)', '0.30000000000000004'],
    ['List.Sum({0.1, 0.2}, 1)', '0.3'],
    ['List.Sum({1e20, 1, -1e20}, 1)', '1'],
    ['List.Sum({#duration(0, 1, 0, 0), null, #duration(0, 0, 30, 0)})', '#duration(0, 1, 30, 0)'],
    ['List.Sum({#duration(1, 0, 0, 0)})', '#duration(1, 0, 0, 0)'],
    [
      'List.Sum({1, #duration(1, 0, 0, 0)})',
      'error [Expression.Error] We cannot apply operator + to types Number and Duration.',
    ],
    [
      'List.Sum({1, "a"})',
      'error [Expression.Error] We cannot apply operator + to types Number and Text.',
    ],
    [
      'List.Sum({"a"})',
      'error [Expression.Error] We cannot apply operator + to types Text and Text.',
    ],
    ['List.Sum({#infinity, 1})', '#infinity'],
    [
      'List.Sum({1, 2}, 3)',
      'error [Expression.Error] The precision must be Precision.Double (0) or Precision.Decimal (1).',
    ],
    ['List.Sum({1 meta [a = 1], 2})', '3'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Product', () => {
  it.each([
    ['List.Product({1, 2, 3, 3, 4, 5, 5})', '1800'],
    ['List.Product({})', 'null'],
    ['List.Product({null, 2, null, 4})', '8'],
    ['List.Product({0.1, 3})', '0.30000000000000004'],
    ['List.Product({0.1, 3}, 1)', '0.3'],
    [
      'List.Product({1, "2"})',
      'error [Expression.Error] We cannot convert the value "2" to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Average', () => {
  it.each([
    ['List.Average({3, 4, 6})', '4.333333333333333'],
    ['List.Average({})', 'null'],
    ['List.Average({null})', 'null'],
    ['List.Average({2, null, 4})', '3'],
    ['List.Average({0.1, 0.2}, 1)', '0.15'],
    [
      'List.Average({#date(2011, 1, 1), #date(2011, 1, 2), #date(2011, 1, 3)})',
      '#date(2011, 1, 2)',
    ],
    ['List.Average({#date(2011, 1, 1), #date(2011, 1, 2)})', '#date(2011, 1, 1)'],
    [
      'List.Average({#datetime(2011, 1, 1, 0, 0, 0), #datetime(2011, 1, 2, 0, 0, 0)})',
      '#datetime(2011, 1, 1, 12, 0, 0)',
    ],
    ['List.Average({#duration(0, 1, 0, 0), #duration(0, 2, 0, 0)})', '#duration(0, 1, 30, 0)'],
    ['List.Average({#time(1, 0, 0), #time(2, 0, 0)})', '#time(1, 30, 0)'],
    [
      'List.Average({#datetimezone(2024, 1, 1, 2, 0, 0, 2, 0), #datetimezone(2024, 1, 1, 2, 0, 0, 0, 0)})',
      '#datetimezone(2024, 1, 1, 3, 0, 0, 2, 0)',
    ],
    [
      'List.Average({1, #date(2011, 1, 1)})',
      'error [Expression.Error] We cannot apply operator + to types Number and Date.',
    ],
    [
      'List.Average({"a", "b"})',
      'error [Expression.Error] We cannot apply operator + to types Text and Text.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.StandardDeviation, List.Covariance', () => {
  it.each([
    ['List.StandardDeviation({1..5})', '1.5811388300841898'],
    ['List.StandardDeviation({2, 4, 4, 4, 5, 5, 7, 9})', '2.138089935299395'],
    ['List.StandardDeviation({3, null, 5})', '1.4142135623730951'],
    ['List.StandardDeviation({7})', 'null'],
    [
      'List.StandardDeviation({})',
      "error [Expression.Error] There weren't enough elements in the enumeration to complete the operation.",
    ],
    [
      'List.StandardDeviation({#duration(0, 1, 0, 0), #duration(0, 3, 0, 0)})',
      '#duration(0, 1, 24, 51.1688245)',
    ],
    [
      'List.StandardDeviation({#datetime(2024, 1, 1, 0, 0, 0), #datetime(2024, 1, 1, 2, 0, 0)})',
      '#duration(0, 1, 24, 51.1688245)',
    ],
    [
      'List.StandardDeviation({1, "a"})',
      'error [Expression.Error] We cannot apply operator + to types Number and Text.',
    ],
    ['List.Covariance({1, 2, 3}, {1, 2, 3})', '0.6666666666666666'],
    ['List.Covariance({1, 2, 3, 4}, {2, 4, 6, 8})', '2.5'],
    ['List.Covariance({}, {})', 'null'],
    [
      'List.Covariance({1, 2}, {1})',
      'error [Expression.Error] The two lists must have the same number of items.',
    ],
    [
      'List.Covariance({1, "a"}, {1, 2})',
      'error [Expression.Error] We cannot convert the value "a" to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Mode, List.Modes', () => {
  it.each([
    ['List.Mode({"A", 1, 2, 3, 3, 4, 5})', '3'],
    ['List.Mode({"A", 1, 2, 3, 3, 4, 5, 5})', '5'],
    ['List.Mode({1})', '1'],
    ['List.Mode({null, null, 1})', 'null'],
    [
      'List.Mode({})',
      "error [Expression.Error] There weren't enough elements in the enumeration to complete the operation.",
    ],
    ['List.Mode({1, 2, 12, 3}, (x, y) => if x > y + 9 or y > x + 9 then 1 else 0)', '1'],
    [
      'List.Mode({[k = 1, v = "a"], [k = 2, v = "b"], [k = 2, v = "c"]}, each [k])',
      '[k = 2, v = "b"]',
    ],
    ['List.Modes({"A", 1, 2, 3, 3, 4, 5, 5})', '{3, 5}'],
    ['List.Modes({1, 2, 3})', '{1, 2, 3}'],
    [
      'List.Modes({})',
      "error [Expression.Error] There weren't enough elements in the enumeration to complete the operation.",
    ],
    ['List.Modes({1, 2, 3, 4}, each _ > 2)', '{1, 3}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

describe('List.Numbers', () => {
  it.each([
    ['List.Numbers(1, 10)', '{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}'],
    ['List.Numbers(1, 10, 2)', '{1, 3, 5, 7, 9, 11, 13, 15, 17, 19}'],
    ['List.Numbers(5, 3, -2)', '{5, 3, 1}'],
    ['List.Numbers(0, 3, 0.5)', '{0, 0.5, 1}'],
    ['List.Numbers(1.5, 2)', '{1.5, 2.5}'],
    ['List.Numbers(1, 0)', '{}'],
    ['List.Numbers(1, 3, null)', '{1, 2, 3}'],
    ['List.Count(List.Numbers(0, 1000000000, 3))', '1000000000'],
    ['List.Last(List.Numbers(0, 1000000000, 3))', '2999999997'],
    ['List.Numbers(1, -1)', 'error [Expression.Error] The count cannot be negative.'],
    [
      'List.Numbers("1", 2)',
      'error [Expression.Error] We cannot convert the value "1" to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Dates, List.DateTimes, List.DateTimeZones, List.Times, List.Durations', () => {
  it.each([
    [
      'List.Dates(#date(2011, 12, 31), 5, #duration(1, 0, 0, 0))',
      '{#date(2011, 12, 31), #date(2012, 1, 1), #date(2012, 1, 2), #date(2012, 1, 3), #date(2012, 1, 4)}',
    ],
    [
      'List.Dates(#date(2024, 1, 1), 3, #duration(0, 12, 0, 0))',
      '{#date(2024, 1, 1), #date(2024, 1, 1), #date(2024, 1, 2)}',
    ],
    [
      'List.Dates(#date(2024, 3, 1), 2, #duration(-1, 0, 0, 0))',
      '{#date(2024, 3, 1), #date(2024, 2, 29)}',
    ],
    ['List.Dates(#date(2024, 1, 1), 0, #duration(1, 0, 0, 0))', '{}'],
    ['List.Dates(#date(9999, 12, 30), 3, #duration(1, 0, 0, 0)){1}', '#date(9999, 12, 31)'],
    [
      'List.Dates(#datetime(2024, 1, 1, 0, 0, 0), 1, #duration(1, 0, 0, 0))',
      'error [Expression.Error] We cannot convert the value of type DateTime to type Date.',
    ],
    [
      'List.DateTimes(#datetime(2011, 12, 31, 23, 58, 0), 3, #duration(0, 0, 1, 0))',
      '{#datetime(2011, 12, 31, 23, 58, 0), #datetime(2011, 12, 31, 23, 59, 0), #datetime(2012, 1, 1, 0, 0, 0)}',
    ],
    [
      'List.DateTimeZones(#datetimezone(2011, 12, 31, 23, 59, 0, -8, 0), 2, #duration(0, 0, 1, 0))',
      '{#datetimezone(2011, 12, 31, 23, 59, 0, -8, 0), #datetimezone(2012, 1, 1, 0, 0, 0, -8, 0)}',
    ],
    [
      'List.Times(#time(12, 0, 0), 4, #duration(0, 1, 0, 0))',
      '{#time(12, 0, 0), #time(13, 0, 0), #time(14, 0, 0), #time(15, 0, 0)}',
    ],
    ['List.Times(#time(23, 0, 0), 2, #duration(0, 1, 0, 0))', '{#time(23, 0, 0), #time(0, 0, 0)}'],
    [
      'List.Durations(#duration(0, 1, 0, 0), 5, #duration(0, 1, 0, 0))',
      '{#duration(0, 1, 0, 0), #duration(0, 2, 0, 0), #duration(0, 3, 0, 0), #duration(0, 4, 0, 0), #duration(0, 5, 0, 0)}',
    ],
    [
      'List.Durations(#duration(0, 0, 0, 1), 2, #duration(0, 0, 0, -2))',
      '{#duration(0, 0, 0, 1), #duration(0, 0, 0, -1)}',
    ],
    ['List.Count(List.Dates(#date(2000, 1, 1), 1000000000, #duration(0, 0, 0, 1)))', '1000000000'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Generate', () => {
  it.each([
    ['List.Generate(() => 10, each _ > 0, each _ - 1)', '{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}'],
    [
      'List.Generate(() => [x = 1, y = {}], each [x] < 10, each [x = List.Count([y]), y = [y] & {x}], each [x])',
      '{1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}',
    ],
    ['List.Generate(() => 0, each false, each _ + 1)', '{}'],
    ['List.FirstN(List.Generate(() => 1, each true, each _ * 2), 5)', '{1, 2, 4, 8, 16}'],
    ['List.FirstN(List.Generate(() => 1, each true, each _ * 2), each _ < 10)', '{1, 2, 4, 8}'],
    ['List.Count(List.Generate(() => 1, each _ <= 1000, each _ + 1))', '1000'],
    ['List.Generate(() => 1, each _ < 3, each _ + 1, each {_})', '{{1}, {2}}'],
    [
      'List.Buffer(List.Generate(() => 1, each 1, each _ + 1))',
      'error [Expression.Error] We cannot convert the value 1 to type Logical.',
    ],
    [
      'List.Generate(1, each true, each _)',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('computes the next candidate only when the next item is read', () => {
    expect(
      m(
        'List.FirstN(List.Generate(() => 1, each true, each if _ = 2 then error "too far" else _ + 1), 2)',
      ),
    ).toBe('{1, 2}');
  });
});

describe('List.Random', () => {
  it('gives count numbers from 0 to 1, the same for one seed', () => {
    expect(
      m('let l = List.Random(3, 2) in {List.Count(l), List.MatchesAll(l, each _ >= 0 and _ < 1)}'),
    ).toBe('{3, true}');
    expect(m('List.Random(4, 7) = List.Random(4, 7)')).toBe('true');
    expect(m('List.Random(4, 7) = List.Random(4, 8)')).toBe('false');
  });

  it('takes numbers from the evaluation without a seed, so runs repeat', () => {
    expect(m('List.Random(3)')).toBe(m('List.Random(3)'));
    expect(m('let a = List.Random(2), b = List.Random(2) in a = b')).toBe('false');
    expect(m('let a = List.Random(2) in a = a')).toBe('true');
  });

  it.each([
    ['List.Random(0)', '{}'],
    ['List.Random(-1)', 'error [Expression.Error] The count cannot be negative.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

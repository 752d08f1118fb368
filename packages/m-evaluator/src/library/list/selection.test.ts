import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const NOT_ENOUGH =
  "error [Expression.Error] There weren't enough elements in the enumeration to complete the operation.";
const TOO_MANY =
  'error [Expression.Error] There were too many elements in the enumeration to complete the operation.';
const NOT_A_LIST = 'error [Expression.Error] We cannot convert the value null to type List.';

describe('List.Count, List.IsEmpty, List.NonNullCount', () => {
  it.each([
    ['List.Count({1, 2, 3})', '3'],
    ['List.Count({})', '0'],
    ['List.Count({error "a", error "b"})', '2'],
    ['List.Count({1..1000000000})', '1000000000'],
    ['List.Count(List.Transform({1..1000000000}, each error "never"))', '1000000000'],
    ['List.Count({1, 2} & {3..10})', '10'],
    ['List.Count(List.Select({1..10}, each _ > 7))', '3'],
    ['List.Count(null)', NOT_A_LIST],
    [
      'List.Count("abc")',
      'error [Expression.Error] We cannot convert the value "abc" to type List.',
    ],
    ['List.IsEmpty({})', 'true'],
    ['List.IsEmpty({1, 2})', 'false'],
    ['List.IsEmpty({error "a"})', 'false'],
    ['List.IsEmpty(List.Select({1..5}, each _ > 5))', 'true'],
    ['List.IsEmpty(List.Generate(() => 1, each true, each _ + 1))', 'false'],
    ['List.NonNullCount({1, null, "a", null})', '2'],
    ['List.NonNullCount({})', '0'],
    ['List.NonNullCount({null})', '0'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.First, List.Last, List.Single, List.SingleOrDefault', () => {
  it.each([
    ['List.First({1, 2, 3})', '1'],
    ['List.First({}, -1)', '-1'],
    ['List.First({})', 'null'],
    ['List.First({null}, 5)', 'null'],
    ['List.First({1, error "x"})', '1'],
    ['List.First({error "x", 2})', 'error [Expression.Error] x'],
    ['List.First({7..1000000000})', '7'],
    ['List.First(List.Generate(() => 1, each true, each _ + 1))', '1'],
    ['List.Last({1, 2, 3})', '3'],
    ['List.Last({}, -1)', '-1'],
    ['List.Last({})', 'null'],
    ['List.Last({error "x", 2})', '2'],
    ['List.Last({1..1000000000})', '1000000000'],
    ['List.Last(List.Select({1..10}, each _ < 4))', '3'],
    ['List.Last(List.Select({1..10}, each _ > 10), "none")', '"none"'],
    ['List.Single({1})', '1'],
    ['List.Single({1, 2, 3})', TOO_MANY],
    ['List.Single({})', NOT_ENOUGH],
    ['List.Single(List.Select({1..10}, each _ = 4))', '4'],
    ['List.Single(List.Select({1..10}, each _ > 4))', TOO_MANY],
    ['List.SingleOrDefault({1})', '1'],
    ['List.SingleOrDefault({})', 'null'],
    ['List.SingleOrDefault({}, -1)', '-1'],
    ['List.SingleOrDefault({1, 2}, -1)', TOO_MANY],
    ['List.SingleOrDefault(List.Select({1..3}, each _ > 3), "x")', '"x"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.FirstN, List.LastN, List.Skip, List.RemoveFirstN, List.RemoveLastN', () => {
  it.each([
    ['List.FirstN({3, 4, 5, -1, 7, 8, 2}, 2)', '{3, 4}'],
    ['List.FirstN({3, 4, 5, -1, 7, 8, 2}, each _ > 0)', '{3, 4, 5}'],
    ['List.FirstN({1, 2}, 5)', '{1, 2}'],
    ['List.FirstN({1, 2}, 0)', '{}'],
    ['List.FirstN({1..1000000000}, 3)', '{1, 2, 3}'],
    ['List.FirstN({1, error "x"}, 1)', '{1}'],
    ['List.FirstN(List.Generate(() => 0, each true, each _ + 1), 4)', '{0, 1, 2, 3}'],
    ['List.FirstN(List.Generate(() => 0, each true, each _ + 1), each _ < 3)', '{0, 1, 2}'],
    ['List.FirstN({1, 2}, -1)', 'error [Expression.Error] The count cannot be negative.'],
    ['List.FirstN({1, 2}, 1.5)', 'error [Expression.Error] The count must be a whole number.'],
    [
      'List.Buffer(List.FirstN({1, 2}, each "yes"))',
      'error [Expression.Error] We cannot convert the value "yes" to type Logical.',
    ],
    ['List.FirstN(null, 1)', NOT_A_LIST],
    ['List.LastN({3, 4, 5, -1, 7, 8, 2}, 1)', '{2}'],
    ['List.LastN({3, 4, 5, -1, 7, 8, 2}, each _ > 0)', '{7, 8, 2}'],
    ['List.LastN({1, 2}, 5)', '{1, 2}'],
    ['List.LastN({}, 2)', '{}'],
    ['List.LastN({1..1000000000}, 2)', '{999999999, 1000000000}'],
    ['List.LastN({error "x", 1, 2}, 2)', '{1, 2}'],
    [
      'List.LastN({1, 2})',
      'error [Expression.Error] We cannot convert the value null to type Number.',
    ],
    ['List.LastN(List.Select({1..10}, each _ < 6), 2)', '{4, 5}'],
    ['List.Skip({1, 2, 3, 4, 5}, 3)', '{4, 5}'],
    ['List.Skip({5, 4, 2, 6, 1}, each _ > 3)', '{2, 6, 1}'],
    ['List.Skip({1, 2, 3})', '{2, 3}'],
    ['List.Skip({1, 2, 3}, null)', '{2, 3}'],
    ['List.Skip({}, 2)', '{}'],
    ['List.Skip({1, 2}, 5)', '{}'],
    ['List.Skip({error "x", 2})', '{2}'],
    ['List.Skip({1..1000000000}, 999999998)', '{999999999, 1000000000}'],
    ['List.Count(List.Skip({1..1000000000}, 10))', '999999990'],
    ['List.Skip(List.Select({1..6}, each _ > 2), 2)', '{5, 6}'],
    ['List.RemoveFirstN({1, 2, 3, 4, 5}, 3)', '{4, 5}'],
    ['List.RemoveFirstN({5, 4, 2, 6, 1}, each _ > 3)', '{2, 6, 1}'],
    ['List.RemoveFirstN({1, 2, 3})', '{2, 3}'],
    ['List.RemoveLastN({1, 2, 3, 4, 5}, 3)', '{1, 2}'],
    ['List.RemoveLastN({5, 4, 2, 6, 4}, each _ > 3)', '{5, 4, 2}'],
    ['List.RemoveLastN({1, 2, 3})', '{1, 2}'],
    ['List.RemoveLastN({1, 2}, 5)', '{}'],
    ['List.RemoveLastN({1, 2, error "x"})', '{1, 2}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Range, List.InsertRange, List.RemoveRange, List.ReplaceRange', () => {
  it.each([
    ['List.Range({1..10}, 6)', '{7, 8, 9, 10}'],
    ['List.Range({1..10}, 6, 2)', '{7, 8}'],
    ['List.Range({1..10}, 8, 5)', '{9, 10}'],
    ['List.Range({1..10}, 20)', '{}'],
    ['List.Range({1..10}, 0, 0)', '{}'],
    ['List.Range({1, error "x", 3}, 2)', '{3}'],
    ['List.Range({1..10}, -1)', 'error [Expression.Error] The offset cannot be negative.'],
    ['List.Range(List.Select({1..10}, each _ > 2), 1, 2)', '{4, 5}'],
    ['List.InsertRange({1, 2, 5}, 2, {3, 4})', '{1, 2, 3, 4, 5}'],
    ['List.InsertRange({2, 3, 4}, 0, {1, {1.1, 1.2}})', '{1, {1.1, 1.2}, 2, 3, 4}'],
    ['List.InsertRange({1, 2}, 2, {3})', '{1, 2, 3}'],
    [
      'List.InsertRange({1, 2}, 3, {3})',
      'error [Expression.Error] The index is outside the bounds of the list.',
    ],
    ['List.InsertRange({1..1000000000}, 1, {0}){1}', '0'],
    ['List.RemoveRange({1, 2, 3, 4, -6, -2, -1, 5}, 4, 3)', '{1, 2, 3, 4, 5}'],
    ['List.RemoveRange({1, 2, 3}, 1)', '{1, 3}'],
    ['List.RemoveRange({1, 2, 3}, 1, 0)', '{1, 2, 3}'],
    [
      'List.RemoveRange({1, 2, 3}, 2, 2)',
      'error [Expression.Error] The range is outside the bounds of the list.',
    ],
    ['List.ReplaceRange({1, 2, 7, 8, 9, 5}, 2, 3, {3, 4})', '{1, 2, 3, 4, 5}'],
    ['List.ReplaceRange({1, 2}, 0, 0, {0})', '{0, 1, 2}'],
    ['List.ReplaceRange({1, 2}, 1, 1, {})', '{1}'],
    [
      'List.ReplaceRange({1, 2}, 1, 2, {})',
      'error [Expression.Error] The range is outside the bounds of the list.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Alternate', () => {
  it.each([
    ['List.Alternate({1..10}, 1)', '{2, 3, 4, 5, 6, 7, 8, 9, 10}'],
    ['List.Alternate({1..10}, 1, 1)', '{2, 4, 6, 8, 10}'],
    ['List.Alternate({1..10}, 1, 1, 1)', '{1, 3, 5, 7, 9}'],
    ['List.Alternate({1..10}, 1, 2, 1)', '{1, 3, 4, 6, 7, 9, 10}'],
    ['List.Alternate({1..10}, 2, 1)', '{3, 6, 9}'],
    ['List.Alternate({1..10}, 0, 1)', '{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}'],
    ['List.Alternate({1..10}, 3, 0, 2)', '{1, 2}'],
    ['List.Alternate({}, 1, 1)', '{}'],
    ['List.Alternate({1, error "x", 3}, 1, 1, 1)', '{1, 3}'],
    ['List.Count(List.Alternate({1..1000000000}, 1, 1))', '500000000'],
    ['List.Alternate(List.Select({1..10}, each true), 1, 2, 1)', '{1, 3, 4, 6, 7, 9, 10}'],
    ['List.Alternate(List.Select({1..10}, each true), 1)', '{2, 3, 4, 5, 6, 7, 8, 9, 10}'],
    ['List.Alternate({1..3}, -1)', 'error [Expression.Error] The count cannot be negative.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('List.Select, List.FindText, List.MatchesAll, List.MatchesAny, List.Positions, List.Buffer', () => {
  it.each([
    ['List.Select({1, -3, 4, 9, -2}, each _ > 0)', '{1, 4, 9}'],
    ['List.Select({}, each _ > 0)', '{}'],
    ['List.Select({[a = 1], [a = 5]}, each [a] > 2)', '{[a = 5]}'],
    [
      'List.Buffer(List.Select({1, 2}, each null))',
      'error [Expression.Error] We cannot convert the value null to type Logical.',
    ],
    [
      'List.Select({1, 2}, 1)',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
    ['List.FirstN(List.Select({1..1000000000}, each _ > 10), 2)', '{11, 12}'],
    ['List.FindText({"a", "b", "ab"}, "a")', '{"a", "ab"}'],
    ['List.FindText({"A", 1, null, [x = "cat"], [x = 1]}, "a")', '{[x = "cat"]}'],
    ['List.FindText({"abc", "ABC"}, "")', '{"abc", "ABC"}'],
    ['List.MatchesAll({11, 12, 13}, each _ > 10)', 'true'],
    ['List.MatchesAll({1, 2, 3}, each _ > 10)', 'false'],
    ['List.MatchesAll({}, each false)', 'true'],
    ['List.MatchesAll({1, error "x"}, each _ > 5)', 'false'],
    ['List.MatchesAny({9, 10, 11}, each _ > 10)', 'true'],
    ['List.MatchesAny({1, 2, 3}, each _ > 10)', 'false'],
    ['List.MatchesAny({}, each true)', 'false'],
    ['List.MatchesAny({1..1000000000}, each _ = 3)', 'true'],
    ['List.Positions({1, 2, 3, 4, null, 5})', '{0, 1, 2, 3, 4, 5}'],
    ['List.Positions({})', '{}'],
    ['List.Count(List.Positions({1..1000000000}))', '1000000000'],
    ['List.Buffer({1..10})', '{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}'],
    ['List.Buffer({})', '{}'],
    ['List.Buffer({1, error "x"})', 'error [Expression.Error] x'],
    ['try List.Buffer({1, error "x"}) otherwise "raised"', '"raised"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('evaluates a selection again each time it is read, with the same result', () => {
    expect(m('let l = List.Select({1..5}, each _ > 2) in {List.Count(l), List.Sum(l), l}')).toBe(
      '{3, 12, {3, 4, 5}}',
    );
  });
});

describe('slices of slices', () => {
  it.each([
    ['List.Skip(List.Skip({1..10}, 2), 3)', '{6, 7, 8, 9, 10}'],
    ['List.FirstN(List.Skip(List.FirstN({1, 2, 3, 4, 5, 6}, 5), 1), 2)', '{2, 3}'],
    ['List.Skip(List.FirstN(List.Skip({1, 2, 3, 4, 5, 6}, 1), 3), 1)', '{3, 4}'],
    ['List.Range(List.Range({1..100}, 10, 20), 15, 10)', '{26, 27, 28, 29, 30}'],
    ['List.Skip(List.Skip(List.Select({1..10}, each true), 2), 3)', '{6, 7, 8, 9, 10}'],
    ['List.FirstN(List.Skip(List.FirstN(List.Select({1..6}, each true), 5), 1), 2)', '{2, 3}'],
    ['List.Skip(List.FirstN(List.Skip(List.Select({1..6}, each true), 1), 3), 1)', '{3, 4}'],
    ['List.FirstN(List.FirstN(List.Select({1..6}, each true), 4), 9)', '{1, 2, 3, 4}'],
    ['List.Skip(List.FirstN(List.Select({1..6}, each true), 2), 3)', '{}'],
    ['List.Count(List.Skip(List.FirstN(List.Select({1..6}, each true), 5), 1))', '4'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('stays shallow when a recursive function skips one item at a time', () => {
    const sum = (source: string): string =>
      m(
        `let f = (l, acc) => if List.IsEmpty(l) then acc else @f(List.Skip(l, 1), acc + List.First(l)) in f(${source}, 0)`,
      );
    expect(sum('{1..1000}')).toBe('500500');
    expect(sum('List.Buffer({1..1000})')).toBe('500500');
    expect(sum('List.Select({1..1000}, each true)')).toBe('500500');
  });

  it.each([
    ['{1..30000}'],
    ['List.Buffer({1..30000})'],
    ['List.Transform({1..30000}, each _)'],
    ['List.Select({1..30000}, each true)'],
  ])('reads the source of 20000 nested skips of %s in one step', (source) => {
    expect(m(`List.First(List.Accumulate({1..20000}, ${source}, (l, _) => List.Skip(l, 1)))`)).toBe(
      '20001',
    );
  });
});

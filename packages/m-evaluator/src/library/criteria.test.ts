import { describe, expect, it } from 'vitest';
import { m, TEST_OPTIONS, testEngine } from '../../test/evaluate.js';
import { MError } from '../errors.js';
import { ArrayList } from '../values/list.js';
import { defineFunction } from './define.js';
import { NativeFunction } from './native-function.js';
import { RecordValue } from '../values/record.js';
import type { Value } from '../values/value.js';
import {
  compileComparison,
  compileEquation,
  comparisonFunction,
  equalityFunction,
  KeyMap,
  type CriteriaOptions,
} from './criteria.js';

const ctx = testEngine().createContext(TEST_OPTIONS);

/** Evaluates M to a value (for criteria written in M). */
function value(text: string): Value {
  return testEngine().evaluateIn(ctx, text);
}

function row(a: Value, b: Value): RecordValue {
  return RecordValue.of([
    ['A', a],
    ['B', b],
  ]);
}

/** How a table function would read column names as criteria. */
const COLUMNS: CriteriaOptions<RecordValue> = {
  asValue: (item) => item,
  keyOf: (criterion) =>
    typeof criterion === 'string' ? (item: RecordValue) => item.field(criterion) : undefined,
};

const ROWS = [row(1, 'x'), row(2, 'y'), row(1, 'z'), row(2, 'X')];

function sorted(criteria: string): string {
  return compileComparison(ctx, value(criteria), COLUMNS)
    .sort(ROWS)
    .map((item) => `${item.field('A') as number}${item.field('B') as string}`)
    .join(' ');
}

describe('compileComparison', () => {
  it.each([
    ['null', '1x 2y 1z 2X'],
    ['"A"', '1x 1z 2y 2X'],
    ['{"A", Order.Descending}', '2y 2X 1x 1z'],
    ['{{"A", Order.Descending}, "B"}', '2X 2y 1x 1z'],
    ['{"A", "B"}', '1x 1z 2X 2y'],
    ['{{"A", 0}, {"B", 1}}', '1z 1x 2y 2X'],
    ['each [B]', '2X 1x 2y 1z'],
    ['{each [B], Order.Descending}', '1z 2y 1x 2X'],
    ['(x, y) => Value.Compare(y[B], x[B])', '1z 2y 1x 2X'],
    ['{"A", (x, y) => Value.Compare(y[B], x[B])}', '1z 1x 2y 2X'],
    ['{}', '1x 2y 1z 2X'],
  ])('sorts rows by %s', (criteria, expected) => {
    if (criteria === 'null') {
      // Records have no order of their own.
      expect(() => sorted(criteria)).toThrow(MError);
      return;
    }
    expect(sorted(criteria)).toBe(expected);
  });

  it('rejects criteria it cannot read', () => {
    expect(() => compileComparison(ctx, value('{true}'), COLUMNS)).toThrow(
      'The comparison criteria must be an Order value',
    );
    expect(() => compileComparison(ctx, 'A')).toThrow('The comparison criteria must be');
    expect(() => compileComparison(ctx, value('{{"A", 1, 2}}'), COLUMNS)).toThrow(
      'The comparison criteria must be',
    );
    expect(() => compileComparison(ctx, value('() => 1'))).toThrow(
      'The comparison criteria must be',
    );
  });

  it('compares values with a plain comparison function', () => {
    const compare = comparisonFunction(ctx, value('Order.Descending'));
    expect(compare(1, 2)).toBe(1);
    expect(compare('a', 'a')).toBe(0);
    expect(comparisonFunction(ctx, null)(null, 0)).toBe(-1);
  });

  it('runs a key selector once per item when sorting', () => {
    let calls = 0;
    const selector = new NativeFunction(
      defineFunction('Test.Key', '(x as any) as any', (_ctx, [x]) => {
        calls++;
        return x;
      }),
    );
    const items = Array.from({ length: 100 }, (_, index) => (index * 37) % 100);
    const result = compileComparison(ctx, selector).sort(items);
    expect(result.slice(0, 3)).toEqual([0, 1, 2]);
    expect(calls).toBe(100);
  });
});

describe('compileEquation', () => {
  it('compares by several columns, each with its own comparer', () => {
    const equation = compileEquation(
      ctx,
      value('{"A", {"B", Comparer.OrdinalIgnoreCase}}'),
      COLUMNS,
    );
    const [first, , , fourth] = ROWS as [RecordValue, RecordValue, RecordValue, RecordValue];
    expect(equation.equals(equation.key(row(2, 'Y')), equation.key(ROWS[1] as RecordValue))).toBe(
      true,
    );
    expect(equation.equals(equation.key(first), equation.key(fourth))).toBe(false);
    expect(equation.hash).toBeUndefined();
  });

  it('hashes plain column keys', () => {
    const equation = compileEquation(ctx, value('{"A", "B"}'), COLUMNS);
    expect(equation.hash).toBeDefined();
    const seen = new KeyMap<true>(equation);
    for (const item of [...ROWS, row(1, 'x')]) seen.set(equation.key(item), true);
    expect(seen.size).toBe(4);
  });

  it('reads a key and a comparer for one column', () => {
    const equation = compileEquation(ctx, value('{"B", Comparer.OrdinalIgnoreCase}'), COLUMNS);
    expect(equation.equals(equation.key(row(0, 'x')), equation.key(row(9, 'X')))).toBe(true);
    expect(equation.order).toBeDefined();
  });

  it('gives a plain equality function', () => {
    const same = equalityFunction(ctx, value('each _ > 2'));
    expect(same(3, 4)).toBe(true);
    expect(same(1, 4)).toBe(false);
    expect(equalityFunction(ctx, null)(ArrayList.of([1]), ArrayList.of([1]))).toBe(true);
  });

  it('rejects criteria it cannot read', () => {
    expect(() => compileEquation(ctx, value('{"A", "B"}'))).toThrow(
      'The equation criteria must be',
    );
    expect(() => compileEquation(ctx, 1)).toThrow('The equation criteria must be');
    expect(() => compileEquation(ctx, value('{each _, Comparer.Ordinal, 1}'))).toThrow(
      'The equation criteria must be',
    );
  });
});

describe('KeyMap', () => {
  it.each([
    ['null', '{1, "1", null, {1}, [a = 1], #date(2024, 1, 1)}', 6],
    ['null', '{1, 1, null, null, {1}, {1}, [a = 1], [a = 1]}', 4],
    ['Comparer.OrdinalIgnoreCase', '{"a", "A", "b", "B", "c"}', 3],
    ['Comparer.Ordinal', '{"a", "A", "a"}', 2],
    ['(x, y) => if x = y then 0 else 1', '{1, 2, 1, 2, 3}', 3],
  ])('with %s keeps the distinct keys of %s', (criteria, items, size) => {
    const equation = compileEquation(ctx, value(criteria));
    const map = new KeyMap<number>(equation);
    for (const item of (value(items) as ArrayList).toArray()) {
      map.set(equation.key(item), (map.get(equation.key(item)) ?? 0) + 1);
    }
    expect(map.size).toBe(size);
  });
});

describe('criteria forms in the List functions', () => {
  it.each([
    [
      'List.Contains({"Pears", "Bananas", "Rhubarb", "Peaches"}, "rhubarb", Comparer.OrdinalIgnoreCase)',
      'true',
    ],
    ['List.Contains({"Pears"}, "pears", Comparer.Ordinal)', 'false'],
    [
      'List.ContainsAll({"dog", "cat", "racoon", "horse", "rabbit"}, {"DOG", "Horse"}, Comparer.OrdinalIgnoreCase)',
      'true',
    ],
    [
      'List.ContainsAny({"dog", "cat", "racoon", "horse", "rabbit"}, {"Horse", "OWL"}, Comparer.OrdinalIgnoreCase)',
      'true',
    ],
    [
      'List.Distinct({"apple", "Pear", "aPPle", "banana", "ORANGE", "pear", "Banana", "Cherry"}, Comparer.OrdinalIgnoreCase)',
      '{"apple", "Pear", "banana", "ORANGE", "Cherry"}',
    ],
    [
      'List.Distinct({{"USA", 567}, {"canada", 254}, {"Usa", 450}, {"CANADA", 357}, {"Panama", 20}, {"panama", 40}}, {each _{0}, Comparer.OrdinalIgnoreCase})',
      '{{"USA", 567}, {"canada", 254}, {"Panama", 20}}',
    ],
    [
      'List.PositionOf({"dog", "cat", "DOG", "pony", "bat", "rabbit", "dOG"}, "dog", Occurrence.Last, Comparer.OrdinalIgnoreCase)',
      '6',
    ],
    [
      'List.PositionOfAny({"dog", "cat", "DOG", "pony", "bat", "rabbit", "dOG"}, {"dog", "cat"}, Occurrence.Last, Comparer.OrdinalIgnoreCase)',
      '6',
    ],
    ['List.Difference({"a", "B", "c"}, {"A", "b"}, Comparer.OrdinalIgnoreCase)', '{"c"}'],
    ['List.Union({{"a", "b"}, {"A", "c"}}, Comparer.OrdinalIgnoreCase)', '{"a", "b", "c"}'],
    ['List.Intersect({{"a", "b"}, {"B"}}, Comparer.OrdinalIgnoreCase)', '{"b"}'],
    ['List.IsDistinct({"a", "A"}, Comparer.OrdinalIgnoreCase)', 'false'],
    ['List.Mode({"a", "B", "A", "b", "b"}, Comparer.OrdinalIgnoreCase)', '"B"'],
    ['List.RemoveMatchingItems({"a", "B", "c"}, {"A"}, Comparer.OrdinalIgnoreCase)', '{"B", "c"}'],
    [
      'List.ReplaceMatchingItems({"a", "B"}, {{"b", "bee"}}, Comparer.OrdinalIgnoreCase)',
      '{"a", "bee"}',
    ],
    ['List.Sort({2, 3, 1}, (x, y) => Value.Compare(1 / x, 1 / y))', '{3, 2, 1}'],
    ['List.Sort({"b", "a", "B", "A"}, Comparer.OrdinalIgnoreCase)', '{"a", "A", "b", "B"}'],
    [
      'List.Sort({"b", "a", "B"}, {Comparer.OrdinalIgnoreCase, Order.Descending})',
      '{"b", "B", "a"}',
    ],
    ['List.Max({"a", "B"}, null, Comparer.OrdinalIgnoreCase)', '"B"'],
    ['List.Max({"a", "B"})', '"a"'],
    ['List.Distinct({"a", "A", "b"}, Comparer.FromCulture("en-US", true))', '{"a", "b"}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Order, Occurrence and PercentileMode', () => {
  it.each([
    ['Order.Ascending', '0'],
    ['Order.Descending', '1'],
    ['Order.Type', 'type number'],
    ['Occurrence.First', '0'],
    ['Occurrence.Last', '1'],
    ['Occurrence.All', '2'],
    ['Occurrence.Optional', '0'],
    ['Occurrence.Required', '1'],
    ['Occurrence.Repeating', '2'],
    ['Occurrence.Type', 'type number'],
    ['PercentileMode.ExcelInc', '1'],
    ['PercentileMode.ExcelExc', '2'],
    ['PercentileMode.SqlDisc', '3'],
    ['PercentileMode.SqlCont', '4'],
    ['PercentileMode.Type', 'type number'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

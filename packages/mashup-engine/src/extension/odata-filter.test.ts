import { describe, expect, it } from 'vitest';
import { Engine, STANDARD_LIBRARY, type PrimitiveTypeName } from '@pqsdk/m-evaluator';
import { filterText, odataLiteral } from './odata-filter.js';

const engine = new Engine({ library: STANDARD_LIBRARY });
const ctx = engine.createContext({ now: new Date('2024-01-01T00:00:00Z') });
const hasRowExpression = STANDARD_LIBRARY.some((entry) => entry.name === 'RowExpression.From');

const COLUMNS = new Map<string, PrimitiveTypeName>([
  ['Name', 'text'],
  ['Age', 'number'],
  ['Active', 'logical'],
  ['Born', 'date'],
  ['Seen', 'datetimezone'],
  ['Blob', 'any'],
]);

function filterOf(condition: string): string | undefined {
  const tree = engine.evaluateIn(
    ctx,
    `let x = 30, names = {"a", "b"} in RowExpression.From(${condition})`,
  );
  return filterText(ctx, tree, COLUMNS);
}

describe.runIf(hasRowExpression)('filterText', () => {
  it.each([
    ['each [Name] = "Ann"', "Name eq 'Ann'"],
    ['each [Name] <> "O\'Neil"', "Name ne 'O''Neil'"],
    ['each [Age] > x', 'Age gt 30'],
    ['each 18 <= [Age]', '18 le Age'],
    ['each [Age] >= 18 and [Age] < 65', '(Age ge 18) and (Age lt 65)'],
    ['each [Name] = null or [Active]', '(Name eq null) or (Active eq true)'],
    ['each [Active]', 'Active eq true'],
    ['each not [Active]', 'Active eq false'],
    ['each [Born] = #date(2000, 2, 29)', 'Born eq 2000-02-29'],
    [
      'each [Seen] < #datetimezone(2024, 6, 21, 8, 30, 0.5, -2, -30)',
      'Seen lt 2024-06-21T08:30:00.5000000-02:30',
    ],
    ['each Text.StartsWith([Name], "A")', "startswith(Name,'A')"],
    ['each Text.Contains([Name], "nn")', "contains(Name,'nn')"],
    ['each List.Contains(names, [Name])', "Name eq 'a' or Name eq 'b'"],
  ])('%s → %s', (condition, expected) => {
    expect(filterOf(condition)).toBe(expected);
  });

  it.each([
    ['each [Age] = "30"', 'a constant of another kind'],
    ['each [Age] > null', 'an ordering against null'],
    ['each [Blob] = 1', 'a column of no known kind'],
    ['each [Missing] = 1', 'a column the table does not have'],
    ['each not ([Age] > 1)', 'not of a comparison (M gives null for a null column)'],
    ['each [Age] + 1 > 2', 'arithmetic'],
    ['each Text.Upper([Name]) = "A"', 'a function OData.Feed does not translate'],
    ['each [Name] = [Name]', 'two columns'],
    ['each Text.StartsWith([Name], "A", Comparer.OrdinalIgnoreCase)', 'a third argument'],
    [
      'each [Seen] > #datetime(2024, 1, 1, 0, 0, 0)',
      'a datetime, which OData v4 has no literal for',
    ],
  ])('%s is left to local evaluation (%s)', (condition) => {
    expect(filterOf(condition)).toBeUndefined();
  });
});

describe('odataLiteral', () => {
  it.each([
    ['"it\'s"', "'it''s'"],
    ['1.5', '1.5'],
    ['true', 'true'],
    ['null', 'null'],
    ['#time(7, 5, 0)', '07:05:00'],
    ['#date(1, 1, 1)', '0001-01-01'],
    ['#datetimezone(2024, 1, 2, 3, 4, 5, 0, 0)', '2024-01-02T03:04:05Z'],
  ])('%s → %s', (value, literal) => {
    expect(odataLiteral(engine.evaluateIn(ctx, value))).toBe(literal);
  });

  it.each(['#nan', '{1}', '#datetime(2024, 1, 1, 0, 0, 0)'])('%s has no literal', (value) => {
    expect(odataLiteral(engine.evaluateIn(ctx, value))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

/** The introduction chapter of the M language specification, as expression = printed result. */

describe('kinds of values, written literally', () => {
  it.each([
    ['123', '123'],
    ['true', 'true'],
    ['"abc"', '"abc"'],
    ['null', 'null'],
    ['{123, true, "A"}', '{123, true, "A"}'],
    ['{1, 2, 3}', '{1, 2, 3}'],
    ['[A = 1, B = 2, C = 3]', '[A = 1, B = 2, C = 3]'],
    [
      '#table({"A", "B"}, {{1, 2}, {3, 4}})',
      '#table(type table [A = any, B = any], {{1, 2}, {3, 4}})',
    ],
    ['(x, y) => (x + y) / 2', '(x, y) => ...'],
    ['((x, y) => (x + y) / 2)(3, 4)', '3.5'],
    ['1 + 1', '2'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('fields that refer to each other, like spreadsheet cells', () => {
  it.each([
    ['[A1 = A2 * 2, A2 = A3 + 1, A3 = 1]', '[A1 = 4, A2 = 2, A3 = 1]'],
    ['[A1 = A2 * 2, A2 = A3 + 1, A3 = 1] = [A1 = 4, A2 = 2, A3 = 1]', 'true'],
    [
      '[Sales = [FirstHalf = 1000, SecondHalf = 1100], Total = Sales[FirstHalf] + Sales[SecondHalf]]',
      '[Sales = [FirstHalf = 1000, SecondHalf = 1100], Total = 2100]',
    ],
    [
      `[
        Sales = {
          [Year = 2007, FirstHalf = 1000, SecondHalf = 1100, Total = FirstHalf + SecondHalf],
          [Year = 2008, FirstHalf = 1200, SecondHalf = 1300, Total = FirstHalf + SecondHalf]
        },
        TotalSales = Sales{0}[Total] + Sales{1}[Total]
      ][TotalSales]`,
      '4600',
    ],
    ['{[Year = 2007, H1 = 10, H2 = 11, Total = H1 + H2]}{0}[Total]', '21'],
    ['[A = error "never read", B = 1][B]', '1'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('functions, the library and operators', () => {
  it.each([
    ['((x) => x + 1)(41)', '42'],
    ['((x, y) => x + y)(40, 2)', '42'],
    [
      '[Add = (x, y) => x + y, OnePlusOne = Add(1, 1), OnePlusTwo = Add(1, 2)]',
      '[Add = (x, y) => ..., OnePlusOne = 2, OnePlusTwo = 3]',
    ],
    ['Number.E', '2.718281828459045'],
    ['Text.PositionOf("Hello", "ll")', '2'],
    ['1 + 2', '3'],
    ['#time(12, 23, 0) + #duration(0, 0, 2, 0)', '#time(12, 25, 0)'],
    ['"A" & "BC"', '"ABC"'],
    ['{1} & {2, 3}', '{1, 2, 3}'],
    ['[a = 1] & [b = 2]', '[a = 1, b = 2]'],
    ['1 + "2"', 'error [Expression.Error] We cannot apply operator + to types Number and Text.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('metadata records', () => {
  it.each([
    ['Value.Metadata(1)', '[]'],
    [
      'Value.Metadata("Mozart" meta [Rating = 5, Tags = {"Classical"}])',
      '[Rating = 5, Tags = {"Classical"}]',
    ],
    ['"Mozart" meta [Rating = 5]', '"Mozart"'],
    ['("Mozart" meta [Rating = 5]) = "Mozart"', 'true'],
    [
      'Value.Metadata(("Mozart" meta [Rating = 5]) meta [Tags = {"Classical"}])',
      '[Rating = 5, Tags = {"Classical"}]',
    ],
    [
      'Value.Metadata("Mozart" meta ([Rating = 5] & [Tags = {"Classical"}]))',
      '[Rating = 5, Tags = {"Classical"}]',
    ],
    [
      '[Composer = "Mozart" meta [Rating = 5, Tags = {"Classical"}], ComposerRating = Value.Metadata(Composer)[Rating]][ComposerRating]',
      '5',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('let, if and errors', () => {
  const sales = (units: number): string => `let
      Sales = [
        Revenue = 2000,
        Units = ${String(units)},
        UnitPrice = if Units = 0 then error "No Units" else Revenue / Units
      ],
      UnitPrice = try Number.ToText(Sales[UnitPrice]),
      Result = "Unit Price: " &
        (if UnitPrice[HasError] then UnitPrice[Error][Message] else UnitPrice[Value])
    in
      Result`;

  it.each([
    [
      `let
        Sales2007 = [Year = 2007, FirstHalf = 1000, SecondHalf = 1100, Total = FirstHalf + SecondHalf],
        Sales2008 = [Year = 2008, FirstHalf = 1200, SecondHalf = 1300, Total = FirstHalf + SecondHalf],
        TotalSales = Sales2007[Total] + Sales2008[Total]
      in
        TotalSales`,
      '4600',
    ],
    ['if 2 > 1 then 2 + 2 else 1 + 1', '4'],
    ['if 1 > 2 then 2 + 2 else 1 + 1', '2'],
    [sales(1000), '"Unit Price: 2"'],
    [sales(0), '"Unit Price: No Units"'],
    [
      'try error "negative unit count"',
      '[HasError = true, Error = [Reason = "Expression.Error", Message = "negative unit count", Detail = null, Message.Format = null, Message.Parameters = null]]',
    ],
    ['(try error "negative unit count")[Error][Message]', '"negative unit count"'],
    ['try error "negative unit count" otherwise 42', '42'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

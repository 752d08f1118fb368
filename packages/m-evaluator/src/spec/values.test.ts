import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../context.js';
import { m } from '../../test/evaluate.js';

/**
 * The values chapter of the M language specification: one literal per kind, the constructors' range
 * rules, and every operator each kind lists. The operators chapter covers their full semantics.
 */

describe('a literal of every kind', () => {
  it.each([
    ['null', 'null'],
    ['true', 'true'],
    ['false', 'false'],
    ['0', '0'],
    ['-1', '-1'],
    ['1.5', '1.5'],
    ['2.3e-5', '0.000023'],
    ['#time(09, 15, 00)', '#time(9, 15, 0)'],
    ['#date(2013, 02, 26)', '#date(2013, 2, 26)'],
    ['#datetime(2013, 02, 26, 09, 15, 00)', '#datetime(2013, 2, 26, 9, 15, 0)'],
    [
      '#datetimezone(2013, 02, 26, 09, 15, 00, 09, 00)',
      '#datetimezone(2013, 2, 26, 9, 15, 0, 9, 0)',
    ],
    ['#duration(0, 1, 30, 0)', '#duration(0, 1, 30, 0)'],
    ['"hello"', '"hello"'],
    ['#binary("AQID")', '#binary("AQID")'],
    ['{1, 2, 3}', '{1, 2, 3}'],
    ['[A = 1, B = 2]', '[A = 1, B = 2]'],
    [
      '#table({"X", "Y"}, {{0, 1}, {1, 0}})',
      '#table(type table [X = any, Y = any], {{0, 1}, {1, 0}})',
    ],
    ['(x) => x + 1', '(x) => ...'],
    ['type {number}', 'type {number}'],
    ['type table [A = any, B = text]', 'type table [A = any, B = text]'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('null and logical', () => {
  it.each([
    ['null > null', 'null'],
    ['null >= 1', 'null'],
    ['null < 1', 'null'],
    ['null <= null', 'null'],
    ['null = null', 'true'],
    ['null <> 1', 'true'],
    ['null ?? 1', '1'],
    ['Value.Type(null)', 'type null'],
    ['true > false', 'true'],
    ['false >= true', 'false'],
    ['true < false', 'false'],
    ['true <= true', 'true'],
    ['true = true', 'true'],
    ['true <> false', 'true'],
    ['false or true', 'true'],
    ['true and false', 'false'],
    ['false ?? true', 'false'],
    ['not false', 'true'],
    ['Value.Type(true)', 'type logical'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('numbers', () => {
  it.each([
    ['3.14', '3.14'],
    ['-1.5', '-1.5'],
    ['1.0e3', '1000'],
    ['123', '123'],
    ['1e3', '1000'],
    ['0xff', '255'],
    ['1.0 / 0.0', '#infinity'],
    ['-1.0 / 0.0', '-#infinity'],
    ['0 / 0', '#nan'],
    // Too small for a double: a zero keeping the sign (seen through 1 / x).
    ['5e-324 / 2', '0'],
    ['1 / (-5e-324 / 2)', '-#infinity'],
    // Too large: an infinity of the same sign.
    ['1e308 * 10', '#infinity'],
    ['-1e308 * 10', '-#infinity'],
    ['#nan + 1', '#nan'],
    ['2 > 1', 'true'],
    ['2 >= 2', 'true'],
    ['1 < 2', 'true'],
    ['2 <= 1', 'false'],
    ['1 = 1.0', 'true'],
    ['1 <> 2', 'true'],
    ['1 + 2', '3'],
    ['1 - 2', '-1'],
    ['2 * 3', '6'],
    ['3 / 2', '1.5'],
    ['1 ?? 2', '1'],
    ['+1', '1'],
    ['-(1)', '-1'],
    ['Value.Type(1)', 'type number'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('times', () => {
  it.each([
    ['#time(24, 0, 0)', '#time(24, 0, 0)'],
    ['#time(23, 59, 59.9999999)', '#time(23, 59, 59.9999999)'],
    [
      '#time(24, 0, 1)',
      'error [Expression.Error] The arguments do not represent a valid time of day.',
    ],
    ['#time(-1, 0, 0)', 'error [Expression.Error] The hour must be a whole number from 0 to 24.'],
    [
      '#time(23, 60, 0)',
      'error [Expression.Error] The minute must be a whole number from 0 to 59.',
    ],
    [
      '#time(0, 0, 60)',
      'error [Expression.Error] The second must be a number from 0 to less than 60.',
    ],
    ['#time(1, 2, 3) = #time(1, 2, 3)', 'true'],
    ['#time(1, 2, 3) <> #time(1, 2, 4)', 'true'],
    ['#time(1, 2, 3) >= #time(1, 2, 3)', 'true'],
    ['#time(1, 2, 3) > #time(1, 2, 4)', 'false'],
    ['#time(1, 2, 3) < #time(1, 2, 4)', 'true'],
    ['#time(1, 2, 3) <= #time(1, 2, 2)', 'false'],
    ['#time(1, 2, 3) ?? null', '#time(1, 2, 3)'],
    ['#time(8, 0, 0) + #duration(0, 1, 0, 0)', '#time(9, 0, 0)'],
    ['#duration(0, 1, 0, 0) + #time(23, 0, 0)', '#time(0, 0, 0)'],
    ['#time(8, 0, 0) - #duration(0, 9, 0, 0)', '#time(23, 0, 0)'],
    ['#time(8, 0, 0) - #time(6, 30, 0)', '#duration(0, 1, 30, 0)'],
    ['#date(2013, 2, 26) & #time(9, 17, 0)', '#datetime(2013, 2, 26, 9, 17, 0)'],
    ['Value.Type(#time(1, 0, 0))', 'type time'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['#date(1, 1, 1)', '#date(1, 1, 1)'],
    ['#date(9999, 12, 31)', '#date(9999, 12, 31)'],
    ['#date(2024, 2, 29)', '#date(2024, 2, 29)'],
    ['#date(0, 1, 1)', 'error [Expression.Error] The year must be a whole number from 1 to 9999.'],
    [
      '#date(10000, 1, 1)',
      'error [Expression.Error] The year must be a whole number from 1 to 9999.',
    ],
    [
      '#date(2024, 13, 1)',
      'error [Expression.Error] The month must be a whole number from 1 to 12.',
    ],
    ['#date(2024, 1, 32)', 'error [Expression.Error] The day must be a whole number from 1 to 31.'],
    ['#date(2023, 2, 29)', 'error [Expression.Error] The arguments do not represent a valid date.'],
    ['#date(2024, 1, 2) = #date(2024, 1, 2)', 'true'],
    ['#date(2024, 1, 2) <> #date(2024, 1, 3)', 'true'],
    ['#date(2024, 1, 31) < #date(2024, 2, 1)', 'true'],
    ['#date(2024, 1, 31) <= #date(2023, 12, 31)', 'false'],
    ['#date(2024, 1, 31) > #date(2024, 2, 1)', 'false'],
    ['#date(2024, 1, 31) >= #date(2024, 1, 31)', 'true'],
    ['null ?? #date(2024, 1, 1)', '#date(2024, 1, 1)'],
    ['#date(2024, 1, 1) + #duration(1, 0, 0, 0)', '#date(2024, 1, 2)'],
    ['#duration(1, 0, 0, 0) + #date(2024, 1, 1)', '#date(2024, 1, 2)'],
    ['#date(2024, 1, 1) - #duration(1, 0, 0, 0)', '#date(2023, 12, 31)'],
    ['#date(2024, 3, 1) - #date(2024, 2, 1)', '#duration(29, 0, 0, 0)'],
    ['Value.Type(#date(2024, 1, 1))', 'type date'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('datetimes and datetimezones', () => {
  it.each([
    ['#datetime(2024, 1, 1, 23, 59, 59)', '#datetime(2024, 1, 1, 23, 59, 59)'],
    [
      '#datetime(2024, 1, 1, 24, 0, 0)',
      'error [Expression.Error] The arguments do not represent a valid time of day.',
    ],
    [
      '#datetime(2024, 1, 1, 0, 0, 60)',
      'error [Expression.Error] The second must be a number from 0 to less than 60.',
    ],
    ['#datetime(2024, 1, 2, 3, 4, 5) = #datetime(2024, 1, 2, 3, 4, 5)', 'true'],
    ['#datetime(2024, 1, 2, 3, 4, 5) <> #datetime(2024, 1, 2, 3, 4, 6)', 'true'],
    ['#datetime(2024, 1, 1, 23, 0, 0) < #datetime(2024, 1, 2, 0, 0, 0)', 'true'],
    ['#datetime(2024, 1, 1, 23, 0, 0) <= #datetime(2024, 1, 1, 22, 0, 0)', 'false'],
    ['#datetime(2024, 1, 1, 23, 0, 0) > #datetime(2024, 1, 1, 22, 0, 0)', 'true'],
    ['#datetime(2024, 1, 1, 23, 0, 0) >= #datetime(2024, 1, 2, 0, 0, 0)', 'false'],
    ['null ?? #datetime(2024, 1, 1, 0, 0, 0)', '#datetime(2024, 1, 1, 0, 0, 0)'],
    ['#datetime(2024, 1, 1, 10, 0, 0) + #duration(0, 15, 0, 0)', '#datetime(2024, 1, 2, 1, 0, 0)'],
    ['#duration(0, 15, 0, 0) + #datetime(2024, 1, 1, 10, 0, 0)', '#datetime(2024, 1, 2, 1, 0, 0)'],
    [
      '#datetime(2024, 1, 1, 10, 0, 0) - #duration(0, 15, 0, 0)',
      '#datetime(2023, 12, 31, 19, 0, 0)',
    ],
    [
      '#datetime(2024, 1, 2, 10, 0, 0) - #datetime(2024, 1, 1, 11, 30, 0)',
      '#duration(0, 22, 30, 0)',
    ],
    ['Value.Type(#datetime(2024, 1, 1, 0, 0, 0))', 'type datetime'],
    ['#datetimezone(2024, 1, 1, 0, 0, 0, 14, 0)', '#datetimezone(2024, 1, 1, 0, 0, 0, 14, 0)'],
    ['#datetimezone(2024, 1, 1, 0, 0, 0, -14, 0)', '#datetimezone(2024, 1, 1, 0, 0, 0, -14, 0)'],
    ['#datetimezone(2024, 1, 1, 0, 0, 0, -5, -30)', '#datetimezone(2024, 1, 1, 0, 0, 0, -5, -30)'],
    [
      '#datetimezone(2024, 1, 1, 0, 0, 0, 15, 0)',
      'error [Expression.Error] The offset hour must be a whole number from -14 to 14.',
    ],
    [
      '#datetimezone(2024, 1, 1, 0, 0, 0, 0, 60)',
      'error [Expression.Error] The offset minute must be a whole number from -59 to 59.',
    ],
    [
      '#datetimezone(2024, 1, 1, 0, 0, 0, 14, 1)',
      'error [Expression.Error] The offset must be within 14 hours of UTC.',
    ],
    [
      '#datetimezone(2024, 1, 1, 0, 0, 0, -14, -1)',
      'error [Expression.Error] The offset must be within 14 hours of UTC.',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) = #datetimezone(2024, 1, 1, 8, 0, 0, 0, 0)',
      'true',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) < #datetimezone(2024, 1, 1, 9, 0, 0, 0, 0)',
      'true',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) <> #datetimezone(2024, 1, 1, 10, 0, 0, 0, 0)',
      'true',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) <= #datetimezone(2024, 1, 1, 8, 0, 0, 0, 0)',
      'true',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) > #datetimezone(2024, 1, 1, 7, 0, 0, 0, 0)',
      'true',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) >= #datetimezone(2024, 1, 1, 9, 0, 0, 0, 0)',
      'false',
    ],
    [
      '#datetimezone(2024, 1, 1, 0, 0, 0, 0, 0) ?? null',
      '#datetimezone(2024, 1, 1, 0, 0, 0, 0, 0)',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) + #duration(0, 20, 0, 0)',
      '#datetimezone(2024, 1, 2, 6, 0, 0, 2, 0)',
    ],
    [
      '#duration(0, 20, 0, 0) + #datetimezone(2024, 1, 1, 10, 0, 0, 2, 0)',
      '#datetimezone(2024, 1, 2, 6, 0, 0, 2, 0)',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) - #duration(0, 20, 0, 0)',
      '#datetimezone(2023, 12, 31, 14, 0, 0, 2, 0)',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) - #datetimezone(2024, 1, 1, 10, 0, 0, 0, 0)',
      '#duration(0, -2, 0, 0)',
    ],
    ['Value.Type(#datetimezone(2024, 1, 1, 0, 0, 0, 0, 0))', 'type datetimezone'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('durations', () => {
  it.each([
    ['#duration(0, 0, 0, 5.5)', '#duration(0, 0, 0, 5.5)'],
    ['#duration(0, 0, 0, -5.5)', '#duration(0, 0, 0, -5.5)'],
    ['#duration(0, 0, 5, 30)', '#duration(0, 0, 5, 30)'],
    ['#duration(0, 0, 5, -30)', '#duration(0, 0, 4, 30)'],
    ['#duration(0, 24, 0, 0)', '#duration(1, 0, 0, 0)'],
    ['#duration(1, 0, 0, 0)', '#duration(1, 0, 0, 0)'],
    ['#duration(10675199, 2, 48, 5.4775807)', '#duration(10675199, 2, 48, 5.4775807)'],
    ['#duration(-10675199, -2, -48, -5.4775808)', '#duration(-10675199, -2, -48, -5.4775808)'],
    [
      '#duration(10675199, 2, 48, 5.4775808)',
      'error [Expression.Error] The duration is outside the range of durations.',
    ],
    ['#duration(0, 24, 0, 0) = #duration(1, 0, 0, 0)', 'true'],
    ['#duration(0, 0, 1, 0) <> #duration(0, 0, 0, 60)', 'false'],
    ['#duration(0, 25, 0, 0) > #duration(1, 0, 0, 0)', 'true'],
    ['#duration(-1, 0, 0, 0) < #duration(0, 0, 0, 0)', 'true'],
    ['#duration(0, 1, 0, 0) >= #duration(0, 0, 60, 0)', 'true'],
    ['#duration(0, 1, 0, 0) <= #duration(0, 0, 59, 0)', 'false'],
    ['#duration(0, 1, 0, 0) ?? 1', '#duration(0, 1, 0, 0)'],
    ['#duration(0, 0, 3, 0) + #duration(0, 0, 1, 0)', '#duration(0, 0, 4, 0)'],
    ['#duration(0, 0, 3, 0) - #duration(0, 0, 1, 0)', '#duration(0, 0, 2, 0)'],
    ['#duration(0, 0, 1, 0) * 3', '#duration(0, 0, 3, 0)'],
    ['3 * #duration(0, 0, 1, 0)', '#duration(0, 0, 3, 0)'],
    ['#duration(0, 0, 3, 0) / 2', '#duration(0, 0, 1, 30)'],
    ['#duration(0, 0, 3, 0) / #duration(0, 0, 1, 0)', '3'],
    ['Value.Type(#duration(1, 0, 0, 0))', 'type duration'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('text and binary', () => {
  it.each([
    ['"ABC"', '"ABC"'],
    ['"say ""hi"""', '"say ""hi"""'],
    ['Text.Length("a""b")', '3'],
    ['"#(tab)" = Character.FromNumber(9)', 'true'],
    ['"a" = "a"', 'true'],
    ['"a" <> "A"', 'true'],
    ['"a" >= "a"', 'true'],
    ['"b" > "a"', 'true'],
    ['"B" < "a"', 'true'],
    ['"b" <= "a"', 'false'],
    ['"a" & "b"', '"ab"'],
    ['null ?? "a"', '"a"'],
    ['Value.Type("a")', 'type text'],
    ['#binary({0x00, 0x01, 0x02, 0x03})', '#binary("AAECAw==")'],
    ['#binary({1, 2}) = #binary({1, 2})', 'true'],
    ['#binary({1}) <> #binary({2})', 'true'],
    ['#binary({1, 2}) < #binary({1, 3})', 'true'],
    ['#binary({2}) > #binary({1, 255})', 'true'],
    ['#binary({1}) >= #binary({1})', 'true'],
    ['#binary({1}) <= #binary({})', 'false'],
    ['#binary({1}) ?? null', '#binary("AQ==")'],
    ['Value.Type(#binary({1}))', 'type binary'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('lists', () => {
  it.each([
    ['{"A", "B", "C"}', '{"A", "B", "C"}'],
    ['{"A", "B", "C"}{0}', '"A"'],
    ['{1, 5..9, 11}', '{1, 5, 6, 7, 8, 9, 11}'],
    ['{5..1}', '{}'],
    ['List.Count({true, false})', '2'],
    ['List.Count({})', '0'],
    ['{}', '{}'],
    // An item is computed only when it is read.
    ['{error "a", 2}{1}', '2'],
    ['List.Count({error "a", error "b"})', '2'],
    ['{1, 2} & {3, 4, 5}', '{1, 2, 3, 4, 5}'],
    ['{1, 2} = {1, 2}', 'true'],
    ['{2, 1} <> {1, 2}', 'true'],
    ['null ?? {1}', '{1}'],
    ['Value.Type({1})', 'type {any}'],
    ['Type.ListItem(Value.Type({1}))', 'type any'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('records', () => {
  it.each([
    ['[x = 1, y = 2]', '[x = 1, y = 2]'],
    ['[a = [b = 2]]', '[a = [b = 2]]'],
    ['[a = [b = 2]][a][b]', '2'],
    [
      '[x = 1, x = 2]',
      'error [Expression.SyntaxError] the field name `x` is defined more than once in this record (1,9)',
    ],
    ['[X = 1, x = 2]', '[X = 1, x = 2]'],
    ['[]', '[]'],
    ['Record.FieldNames([x = 1, y = 2])', '{"x", "y"}'],
    ['Record.FieldNames([y = 1, x = 2])', '{"y", "x"}'],
    ['Record.FieldCount([x = 1, y = 2])', '2'],
    ['Record.FieldCount([])', '0'],
    ['Record.FromList({1, 2}, {"a", "b"})', '[a = 1, b = 2]'],
    ['Record.FromList({1, 2}, {"a", "b"}) = [a = 1, b = 2]', 'true'],
    ['[a = 1, b = 2] & [c = 3]', '[a = 1, b = 2, c = 3]'],
    ['[a = 1, b = 2] & [a = 3]', '[a = 3, b = 2]'],
    ['[a = 1, b = 2] = [b = 2, a = 1]', 'true'],
    ['[a = 1, b = 2, c = 3] <> [a = 1, b = 2]', 'true'],
    ['null ?? [a = 1]', '[a = 1]'],
    // A field's error is kept with the field, and raised again when it is read.
    ['[a = error "bad", b = 1][b]', '1'],
    ['[a = error "bad", b = 1][a]', 'error [Expression.Error] bad'],
    ['Value.Metadata([a = 1])', '[]'],
    ['Value.Type([X = 1, Y = 2])', 'type [X = any, Y = any]'],
    ['Type.Is(Value.Type([X = 1, Y = 2]), type record)', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('computes a field at most once, and only when it is read', () => {
    const messages: string[] = [];
    const trace = { trace: (entry: TraceEntry) => messages.push(entry.message) };
    const text = `let r = [
        a = Diagnostics.Trace(TraceLevel.Information, "a", () => 1, true),
        b = Diagnostics.Trace(TraceLevel.Information, "b", () => 2, true)
      ] in {r[a], r[a]}`;
    expect(m(text, { trace })).toBe('{1, 1}');
    expect(messages).toEqual(['a']);
  });
});

describe('tables', () => {
  it.each([
    [
      '#table({"x", "x^2"}, {{1, 1}, {2, 4}, {3, 9}})',
      '#table(type table [x = any, #"x^2" = any], {{1, 1}, {2, 4}, {3, 9}})',
    ],
    [
      '#table(type table [Digit = number, Name = text], {{1, "one"}, {2, "two"}, {3, "three"}})',
      '#table(type table [Digit = number, Name = text], {{1, "one"}, {2, "two"}, {3, "three"}})',
    ],
    [
      '#table({"A", "B"}, {{1, 2}}) & #table({"B", "C"}, {{3, 4}})',
      '#table(type table [A = any, B = any, C = any], {{1, 2, null}, {null, 3, 4}})',
    ],
    ['#table({"A"}, {{1}}) = #table({"A"}, {{1}})', 'true'],
    ['#table({"A"}, {{1}}) <> #table({"A"}, {{2}})', 'true'],
    ['null ?? #table({"A"}, {{1}})', '#table(type table [A = any], {{1}})'],
    ['Value.Type(#table({"A", "B"}, {{1, 2}}))', 'type table [A = any, B = any]'],
    ['Type.TableKeys(Value.Type(#table({"A", "B"}, {{1, 2}})))', '{}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('functions and types', () => {
  it.each([
    ['let f = (x) => x in f = f', 'true'],
    ['let f = (x) => x in f <> f', 'false'],
    ['Value.Type((x) => x + 1)', 'type function (x as any) as any'],
    ['type number = type number', 'true'],
    ['type number <> type text', 'true'],
    ['null ?? type number', 'type number'],
    ['Value.Type(type number)', 'type type'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

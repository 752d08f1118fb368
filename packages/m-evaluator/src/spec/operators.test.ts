import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

/**
 * The operators chapter of the M language specification, first part: precedence, metadata,
 * cyclic values, item and field access, equality, ordering and the conditional logical operators.
 * Arithmetic, combination, the unary and the type operators are in `operators-arithmetic.test.ts`.
 */

describe('precedence', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['-2 * 3', '-6'],
    ['1 - 2 - 3', '-4'],
    ['12 / 2 / 3', '2'],
    // Unary binds tighter than meta, meta tighter than the arithmetic operators.
    ['Value.Metadata(not true meta [a = 1])', '[a = 1]'],
    ['Value.Metadata(-2 meta [a = 1])', '[a = 1]'],
    ['Value.Metadata(2 * 3 meta [a = 1])', '[]'],
    ['Value.Metadata(1 + 2 meta [a = 1])', '[]'],
    // Additive before relational, relational before equality.
    ['1 + 1 < 3', 'true'],
    ['1 < 2 = true', 'true'],
    ['1 = 1 < 2', 'false'],
    // Equality before as, as before is, is before and, and before or, or before ??.
    ['1 = 1 as logical', 'true'],
    ['1 as number is number', 'true'],
    ['1 is number and true', 'true'],
    ['true or false and false', 'true'],
    ['false and false or true', 'true'],
    ['1 ?? 2 = 3', '1'],
    ['(1 ?? 2) = 3', 'false'],
    ['1 + null ?? 5', '5'],
    ['...', 'error [Expression.Error] Not Implemented'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('operators and metadata', () => {
  it.each([
    ['Value.Metadata("Mozart")', '[]'],
    ['Value.Metadata(null meta [a = 1])', '[a = 1]'],
    // Operators that build a new value drop the operands' metadata.
    ['Value.Metadata("Amadeus " & ("Mozart" meta [Rating = 5]))', '[]'],
    ['"Amadeus " & ("Mozart" meta [Rating = 5]) = "Amadeus " & "Mozart"', 'true'],
    ['Value.Metadata((1 meta [a = 1]) + 1)', '[]'],
    ['Value.Metadata(-(1 meta [a = 1]))', '[]'],
    ['Value.Metadata(({1} meta [a = 1]) & {2})', '[]'],
    ['Value.Metadata(([x = 1] meta [a = 1]) & [y = 2])', '[]'],
    ['Value.Metadata(Value.RemoveMetadata(1 meta [a = 1]))', '[]'],
    ['Value.Metadata(Value.ReplaceMetadata(1 meta [a = 1], [b = 2]))', '[b = 2]'],
    // Passing a value along keeps its metadata.
    ['Value.Metadata(let x = 1 meta [a = 1] in x)', '[a = 1]'],
    ['Value.Metadata([f = 1 meta [a = 1]][f])', '[a = 1]'],
    ['Value.Metadata({1 meta [a = 1]}{0})', '[a = 1]'],
    ['Value.Metadata(if true then 1 meta [a = 1] else 2)', '[a = 1]'],
    ['Value.Metadata(try (1 meta [a = 1]) otherwise 0)', '[a = 1]'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('cyclic values', () => {
  it.each([
    ['let l = {0, @l} in l{1}{1}{1}{0}', '0'],
    ['let r = [A = {B}, B = {A}] in List.Count(r[A]{0}{0}{0})', '1'],
    [
      '[A = B, B = A]',
      '[A = error [Reason = "Expression.Error", Message = "A cyclic reference was encountered during evaluation.", Detail = null, Message.Format = null, Message.Parameters = null], B = error [Reason = "Expression.Error", Message = "A cyclic reference was encountered during evaluation.", Detail = null, Message.Format = null, Message.Parameters = null]]',
    ],
    [
      '[A = B, B = A][B]',
      'error [Expression.Error] A cyclic reference was encountered during evaluation.',
    ],
    // Writing out an infinite expansion cannot finish.
    [
      'let l = {0, @l} in l',
      'error [Expression.Error] The value is nested too deeply to be written (it may be cyclic).',
    ],
    // Neither can comparing one: it runs out of stack and stops with an M error.
    [
      'let a = {0, @a}, b = {0, @b} in a = b',
      'error [Expression.Error] Evaluation resulted in a stack overflow and cannot continue.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('item access', () => {
  const t = '#table({"A", "B"}, {{0, 1}, {2, 1}})';
  it.each([
    ['{"a", "b", "c"}{0}', '"a"'],
    ['{1, [A = 2], 3}{1}', '[A = 2]'],
    [
      '{true, false}{2}',
      "error [Expression.Error] There weren't enough elements in the enumeration to complete the operation.",
    ],
    [`${t}{0}`, '[A = 0, B = 1]'],
    [`${t}{[A = 2]}`, '[A = 2, B = 1]'],
    [`${t}{[B = 3]}`, "error [Expression.Error] The key didn't match any rows in the table."],
    [`${t}{[B = 1]}`, 'error [Expression.Error] The key matched more than one row in the table.'],
    ['{"a", "b", "c"}{0}?', '"a"'],
    ['{1, [A = 2], 3}{1}?', '[A = 2]'],
    ['{true, false}{2}?', 'null'],
    [`${t}{0}?`, '[A = 0, B = 1]'],
    [`${t}{5}?`, 'null'],
    [`${t}{[A = 2]}?`, '[A = 2, B = 1]'],
    [`${t}{[B = 3]}?`, 'null'],
    [`${t}{[B = 1]}?`, 'error [Expression.Error] The key matched more than one row in the table.'],
    // Only the selected item is computed.
    ['{error "a", 1, error "c"}{1}', '1'],
    ['{error "a", error "b"}{1}', 'error [Expression.Error] b'],
    // The errors of x and y pass through.
    ['(error "x"){0}', 'error [Expression.Error] x'],
    ['{1}{error "y"}', 'error [Expression.Error] y'],
    // x is a list or a table, y a number (or a record for a table).
    ['[A = 1]{0}', 'error [Expression.Error] We cannot apply operator {} to type Record.'],
    [
      '{1, 2}{"a"}',
      'error [Expression.Error] We cannot convert a value of type Text to type Number.',
    ],
    [
      '{1, 2}{[A = 1]}',
      'error [Expression.Error] We cannot convert a value of type Record to type Number.',
    ],
    ['{1, 2}{-1}', 'error [Expression.Error] The index cannot be negative.'],
    ['{1, 2}{-1}?', 'error [Expression.Error] The index cannot be negative.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('field access and projection', () => {
  it.each([
    ['[A = 1, B = 2][B]', '2'],
    ['[A = 1, B = 2][C]', "error [Expression.Error] The field 'C' of the record wasn't found."],
    ['[A = 1, B = 2][C]?', 'null'],
    ['[A = 1, B = 2][[B]]', '[B = 2]'],
    ['[A = 1, B = 2][[C]]', "error [Expression.Error] The field 'C' of the record wasn't found."],
    ['[A = 1, B = 2][[B], [C]]?', '[B = 2, C = null]'],
    // [y] is _[y]: the shorthand reads the variable named _.
    ['let _ = [A = 1, B = 2] in [A]', '1'],
    ['let _ = [A = 1, B = 2] in [A] = _[A]', 'true'],
    ['let _ = [A = 1, B = 2] in [[A], [B]]', '[A = 1, B = 2]'],
    ['let _ = [A = 1, B = 2] in [C]?', 'null'],
    ['List.Select({[a = 1, b = 1], [a = 2, b = 4]}, each [a] = [b])', '{[a = 1, b = 1]}'],
    ['List.Select({[a = 1, b = 1], [a = 2, b = 4]}, (_) => _[a] = _[b])', '{[a = 1, b = 1]}'],
    // Only the selected fields are computed.
    ['[A = error "a", B = 1, C = error "c"][B]', '1'],
    ['[A = error "a", B = error "b"][B]', 'error [Expression.Error] b'],
    ['[A = error "a", B = 1][[B]]', '[B = 1]'],
    ['(error "x")[A]', 'error [Expression.Error] x'],
    ['1[A]', 'error [Expression.Error] We cannot apply field access to the type Number.'],
    // Tables project to columns.
    ['#table({"A", "B"}, {{1, 2}, {3, 4}})[A]', '{1, 3}'],
    ['#table({"A", "B"}, {{1, 2}, {3, 4}})[[B]]', '#table(type table [B = any], {{2}, {4}})'],
    [
      '#table({"A", "B"}, {{1, 2}, {3, 4}})[C]',
      "error [Expression.Error] The column 'C' of the table wasn't found.",
    ],
    ['#table({"A", "B"}, {{1, 2}, {3, 4}})[C]?', 'null'],
    [
      '#table({"A", "B"}, {{1, 2}, {3, 4}})[[B], [C]]?',
      '#table(type table [B = any, C = any], {{2, null}, {4, null}})',
    ],
    // A field's error stays with the field: reading it again raises the same error.
    ['let r = [A = error "boom"], x = try r[A], y = try r[A] in x = y', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('the meta operator', () => {
  it.each([
    ['Value.Metadata("Mozart" meta [Rating = 5])', '[Rating = 5]'],
    ['Value.Metadata("Mozart" meta [Rating = 5])[Rating]', '5'],
    ['"Mozart" meta [Rating = 5]', '"Mozart"'],
    ['1 meta 2', 'error [Expression.Error] The right operand of meta must be a record.'],
    ['(error "x") meta [a = 1]', 'error [Expression.Error] x'],
    ['1 meta (error "y")', 'error [Expression.Error] y'],
    // The new metadata is merged into the old, the right side winning.
    ['Value.Metadata(1 meta [a = 1] meta [b = 2])', '[a = 1, b = 2]'],
    ['Value.Metadata((1 meta [a = 1, b = 1]) meta [a = 2])', '[a = 2, b = 1]'],
    ['(1 meta [a = 1]) meta [a = 2]', '1'],
    // The three equivalent spellings of x meta y.
    [
      'let x = 1 meta [a = 1], y = [a = 3, b = 2] in {Value.Metadata(x meta y), Value.Metadata(Value.ReplaceMetadata(x, Value.Metadata(x) & y)), Value.Metadata(Value.RemoveMetadata(x) meta (Value.Metadata(x) & y))}',
      '{[a = 3, b = 2], [a = 3, b = 2], [a = 3, b = 2]}',
    ],
    // Any kind of value can carry metadata.
    ['Value.Metadata({1} meta [m = 1])', '[m = 1]'],
    ['Value.Metadata([a = 1] meta [m = 1])', '[m = 1]'],
    ['Value.Metadata(((x) => x) meta [m = 1])', '[m = 1]'],
    ['Value.Metadata((type number) meta [m = 1])', '[m = 1]'],
    ['Value.Metadata(#table({"A"}, {}) meta [m = 1])', '[m = 1]'],
    ['Value.Metadata(#date(2024, 1, 1) meta [m = 1])', '[m = 1]'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('equality', () => {
  it.each([
    ['1 = 1', 'true'],
    ['1 = 2', 'false'],
    ['1 <> 1', 'false'],
    ['1 <> 2', 'true'],
    ['null = true', 'false'],
    ['null = false', 'false'],
    ['null = null', 'true'],
    ['(1 meta [a = 1]) = (1 meta [a = 2])', 'true'],
    ['(1 meta [a = 1]) = 1', 'true'],
    ['(error "l") = 1', 'error [Expression.Error] l'],
    ['1 <> (error "r")', 'error [Expression.Error] r'],
    // Values of different kinds are never equal.
    ['1 = "1"', 'false'],
    ['true = 1', 'false'],
    ['{1} = [a = 1]', 'false'],
    ['#date(2024, 1, 1) = #datetime(2024, 1, 1, 0, 0, 0)', 'false'],
    ['#datetime(2024, 1, 1, 0, 0, 0) = #datetimezone(2024, 1, 1, 0, 0, 0, 0, 0)', 'false'],
    ['let x = 1, y = 2 in (x = y) = not (x <> y)', 'true'],
    ['true = true', 'true'],
    ['false = false', 'true'],
    ['true = false', 'false'],
    ['1.0 = 1', 'true'],
    ['2 = 1', 'false'],
    ['#nan = #nan', 'false'],
    ['#nan <> #nan', 'true'],
    ['-0 = 0', 'true'],
    ['#duration(0, 24, 0, 0) = #duration(1, 0, 0, 0)', 'true'],
    ['#time(1, 2, 3) = #time(1, 2, 3)', 'true'],
    ['#date(2024, 1, 2) = #date(2024, 1, 2)', 'true'],
    ['#datetime(2024, 1, 2, 3, 4, 5) = #datetime(2024, 1, 2, 3, 4, 5)', 'true'],
    // Datetimezones are compared as UTC instants.
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) = #datetimezone(2024, 1, 1, 8, 0, 0, 0, 0)',
      'true',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) = #datetimezone(2024, 1, 1, 10, 0, 0, 0, 0)',
      'false',
    ],
    // Text: ordinal and case-sensitive.
    ['"abc" = "abc"', 'true'],
    ['"a" = "A"', 'false'],
    ['#binary({1, 2}) = #binary({1, 2})', 'true'],
    ['{1, 2} = {1, 2}', 'true'],
    ['{2, 1} = {1, 2}', 'false'],
    ['{1, 2, 3} = {1, 2}', 'false'],
    ['{1, {2}} = {1, {2}}', 'true'],
    ['[A = 1, B = 2] = [A = 1, B = 2]', 'true'],
    ['[B = 2, A = 1] = [A = 1, B = 2]', 'true'],
    ['[A = 1, B = 2, C = 3] = [A = 1, B = 2]', 'false'],
    ['[A = 1] = [A = 1, B = 2]', 'false'],
    ['[A = 1] = [B = 1]', 'false'],
    ['#table({"A", "B"}, {{1, 2}}) = #table({"A", "B"}, {{1, 2}})', 'true'],
    ['#table({"A", "B"}, {{1, 2}}) = #table({"X", "Y"}, {{1, 2}})', 'false'],
    ['#table({"A", "B"}, {{1, 2}}) = #table({"B", "A"}, {{2, 1}})', 'true'],
    ['#table({"A", "B"}, {{1, 2}}) = #table({"A"}, {{1}})', 'false'],
    ['#table({"A"}, {{1}}) = #table({"A"}, {{1}, {1}})', 'false'],
    ['#table({"A"}, {{1}, {2}}) = #table({"A"}, {{2}, {1}})', 'false'],
    // A function is equal to itself; two function expressions make different functions.
    ['let f = (x) => x, g = f in g = f', 'true'],
    ['((x) => x) = ((x) => x)', 'false'],
    ['let t = type [a = text] in t = t', 'true'],
    ['(type text) = (type text)', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('ordering', () => {
  it.each([
    ['0 <= 1', 'true'],
    ['null < 1', 'null'],
    ['null <= null', 'null'],
    ['null > "a"', 'null'],
    ['"ab" < "abc"', 'true'],
    ['#nan >= #nan', 'false'],
    ['#nan <= #nan', 'false'],
    ['#nan < 1', 'false'],
    ['1 > #nan', 'false'],
    ['(error "l") < 1', 'error [Expression.Error] l'],
    ['1 < (error "r")', 'error [Expression.Error] r'],
    // Only the scalar kinds are ordered, and only against their own kind (or null).
    ['1 < "a"', 'error [Expression.Error] We cannot apply operator < to types Number and Text.'],
    [
      '1 < #date(2024, 1, 1)',
      'error [Expression.Error] We cannot apply operator < to types Number and Date.',
    ],
    ['{1} < {2}', 'error [Expression.Error] We cannot apply operator < to types List and List.'],
    [
      '[a = 1] <= [a = 2]',
      'error [Expression.Error] We cannot apply operator <= to types Record and Record.',
    ],
    [
      '#table({"A"}, {}) > #table({"A"}, {})',
      'error [Expression.Error] We cannot apply operator > to types Table and Table.',
    ],
    [
      '((x) => x) >= ((x) => x)',
      'error [Expression.Error] We cannot apply operator >= to types Function and Function.',
    ],
    [
      '(type number) < (type text)',
      'error [Expression.Error] We cannot apply operator < to types Type and Type.',
    ],
    ['null < {1}', 'error [Expression.Error] We cannot apply operator < to types Null and List.'],
    // Binary: byte by byte, a prefix first.
    ['#binary({1, 2, 3}) < #binary({1, 2, 4})', 'true'],
    ['#binary({1, 2}) < #binary({1, 2, 0})', 'true'],
    ['#binary({2}) > #binary({1, 255})', 'true'],
    ['#date(2024, 1, 31) < #date(2024, 2, 1)', 'true'],
    ['#date(2024, 2, 1) < #date(2023, 12, 31)', 'false'],
    ['#datetime(2024, 1, 1, 23, 0, 0) < #datetime(2024, 1, 2, 0, 0, 0)', 'true'],
    ['#datetime(2024, 1, 1, 12, 0, 0) < #datetime(2024, 1, 1, 12, 0, 1)', 'true'],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) < #datetimezone(2024, 1, 1, 9, 0, 0, 0, 0)',
      'true',
    ],
    [
      '#datetimezone(2024, 1, 1, 10, 0, 0, 2, 0) <= #datetimezone(2024, 1, 1, 8, 0, 0, 0, 0)',
      'true',
    ],
    ['#duration(0, 25, 0, 0) > #duration(1, 0, 0, 0)', 'true'],
    ['#duration(-1, 0, 0, 0) < #duration(0, 0, 0, 0)', 'true'],
    ['false < true', 'true'],
    ['true >= false', 'true'],
    ['-0 < 0', 'false'],
    ['-0 >= 0', 'true'],
    ['-#infinity < -1e308', 'true'],
    ['-#infinity = -#infinity', 'true'],
    ['#infinity > 1e308', 'true'],
    ['#infinity >= #infinity', 'true'],
    // Text: ordinal, so upper case comes before lower case.
    ['"Z" < "a"', 'true'],
    ['"a" > "B"', 'true'],
    ['#time(1, 59, 59) < #time(2, 0, 0)', 'true'],
    ['#time(0, 0, 0) <= #time(24, 0, 0)', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('conditional logical operators', () => {
  // The truth tables, with `error` for an operand that raises.
  const operand: Record<string, string> = {
    true: 'true',
    false: 'false',
    null: 'null',
    error: '(error "E")',
  };
  const and = [
    ['true', ['true', 'false', 'null', 'error']],
    ['false', ['false', 'false', 'false', 'false']],
    ['null', ['null', 'false', 'null', 'error']],
    ['error', ['error', 'error', 'error', 'error']],
  ] as const;
  const or = [
    ['true', ['true', 'true', 'true', 'true']],
    ['false', ['true', 'false', 'null', 'error']],
    ['null', ['true', 'null', 'null', 'error']],
    ['error', ['error', 'error', 'error', 'error']],
  ] as const;
  const columns = ['true', 'false', 'null', 'error'];
  const rows = (operator: string, table: typeof and | typeof or): [string, string][] =>
    table.flatMap(([left, results]) =>
      results.map((result, index): [string, string] => [
        `${operand[left] ?? left} ${operator} ${operand[columns[index] ?? ''] ?? ''}`,
        result === 'error' ? 'error [Expression.Error] E' : result,
      ]),
    );

  it.each(rows('and', and))('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each(rows('or', or))('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    // Operands are logical or null; the right one is read only when needed.
    ['1 and true', 'error [Expression.Error] We cannot apply operator and to type Number.'],
    ['true and 1', 'error [Expression.Error] We cannot apply operator and to type Number.'],
    ['false and 1', 'false'],
    ['"a" or false', 'error [Expression.Error] We cannot apply operator or to type Text.'],
    ['true or 1', 'true'],
    ['false and ...', 'false'],
    ['true or ...', 'true'],
    // A guarded predicate, and its if-then-else form.
    ['let d = 0, n = 5 in d <> 0 and n / d > 1', 'false'],
    ['let d = 0, n = 5 in if d <> 0 then n / d > 1 else false', 'false'],
    ['let d = 2, n = 5 in d <> 0 and n / d > 1', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

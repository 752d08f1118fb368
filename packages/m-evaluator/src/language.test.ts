import { describe, expect, it } from 'vitest';
import type { TraceEntry } from './context.js';
import { m } from '../test/evaluate.js';

describe('arithmetic and precedence', () => {
  it.each([
    ['1 + 2 * 3', '7'],
    ['(1 + 2) * 3', '9'],
    ['1 - 2 - 3', '-4'],
    ['8 / 0', '#infinity'],
    ['0 / 0', '#nan'],
    ['-#infinity', '-#infinity'],
    ['1 + null', 'null'],
    ['null * 2', 'null'],
    ['1 + "a"', 'error [Expression.Error] We cannot apply operator + to types Number and Text.'],
    ['"AB" & "CDE"', '"ABCDE"'],
    ['"a" & null', 'null'],
    ['-(1 + 1)', '-2'],
    ['- - 1', '1'],
    ['+ #nan', '#nan'],
    ['not true', 'false'],
    ['not null', 'null'],
    ['not 1', 'error [Expression.Error] We cannot apply operator not to type Number.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('dates, times and durations (spec examples)', () => {
  it.each([
    ['#duration(2,1,0,15.1) + #duration(0,1,30,45.3)', '#duration(2, 2, 31, 0.4)'],
    ['#datetime(2010,05,20,12,00,00) + #duration(0,04,30,00)', '#datetime(2010, 5, 20, 16, 30, 0)'],
    ['#time(8,0,0) + #duration(30,5,0,0)', '#time(13, 0, 0)'],
    ['#duration(1,2,30,0) - #duration(0,0,0,30.45)', '#duration(1, 2, 29, 29.55)'],
    ['#date(2010,01,31) - #date(2010,01,15)', '#duration(16, 0, 0, 0)'],
    ['#date(2010,01,15) - #date(2010,01,31)', '#duration(-16, 0, 0, 0)'],
    ['#time(01,30,00) - #time(08,00,00)', '#duration(0, -6, -30, 0)'],
    ['#duration(2,0,0,0) / #duration(0,1,30,0)', '32'],
    ['#duration(2,0,0,0) / 32', '#duration(0, 1, 30, 0)'],
    ['#date(2013,02,26) & #time(09,17,00)', '#datetime(2013, 2, 26, 9, 17, 0)'],
    [
      '#datetimezone(2010,10,10,0,0,0,0,0) + #duration(1,0,0,0)',
      '#datetimezone(2010, 10, 11, 0, 0, 0, 0, 0)',
    ],
    [
      '#datetime(2010,05,20,16,06,00) - #datetime(2008,12,15,04,19,19)',
      '#duration(521, 11, 46, 41)',
    ],
    ['-#duration(0,1,30,0)', '#duration(0, -1, -30, 0)'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('equality and comparison (spec examples)', () => {
  it.each([
    ['1 = 1', 'true'],
    ['null = null', 'true'],
    ['null = true', 'false'],
    ['#nan = #nan', 'false'],
    ['#nan <> #nan', 'true'],
    ['(1 meta [a = 1]) = (1 meta [a = 2])', 'true'],
    ['{1, 2} = {1, 2}', 'true'],
    ['{2, 1} = {1, 2}', 'false'],
    ['[A = 1, B = 2] = [B = 2, A = 1]', 'true'],
    ['[A = 1] = [A = 1, B = 2]', 'false'],
    ['#table({"A","B"},{{1,2}}) = #table({"B","A"},{{2,1}})', 'true'],
    ['#table({"A","B"},{{1,2}}) = #table({"X","Y"},{{1,2}})', 'false'],
    ['0 <= 1', 'true'],
    ['null < 1', 'null'],
    ['null <= null', 'null'],
    ['"ab" < "abc"', 'true'],
    ['#nan >= #nan', 'false'],
    ['{1} < {2}', 'error [Expression.Error] We cannot apply operator < to types List and List.'],
    ['#datetimezone(2024,1,1,0,0,0,1,0) = #datetimezone(2023,12,31,23,0,0,0,0)', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('logical operators', () => {
  it.each([
    ['true and null', 'null'],
    ['false and (error "x")', 'false'],
    ['null and false', 'false'],
    ['true or (error "x")', 'true'],
    ['null or true', 'true'],
    ['null or false', 'null'],
    ['1 and true', 'error [Expression.Error] We cannot apply operator and to type Number.'],
    ['null ?? 2', '2'],
    ['1 ?? (error "never")', '1'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('laziness', () => {
  it('never evaluates a field or item that is not read', () => {
    expect(m('[A = error "a", B = 1][B]')).toBe('1');
    expect(m('{error "a", 1, error "c"}{1}')).toBe('1');
    expect(m('let unused = error "never" in 42')).toBe('42');
  });

  it('keeps the error of a field and raises it on every read', () => {
    expect(m('[A = error "a", B = 1][A]')).toBe('error [Expression.Error] a');
    expect(m('try [A = error "a"] otherwise 0')).toBe(
      '[A = error [Reason = "Expression.Error", Message = "a", Detail = null, Message.Format = null, Message.Parameters = null]]',
    );
  });

  it('reports cyclic references', () => {
    expect(m('let a = b, b = a in a')).toBe(
      'error [Expression.Error] A cyclic reference was encountered during evaluation.',
    );
  });

  it('does not allocate a huge range', () => {
    expect(m('{1..1000000000}{999999999}')).toBe('1000000000');
    expect(m('List.FirstN({1..1000000000}, 3)')).toBe('{1, 2, 3}');
    expect(m('List.FirstN(List.Transform({1..1e9}, each _ * 2), 3)')).toBe('{2, 4, 6}');
    expect(m('List.Count({1..1e9})')).toBe('1000000000');
  });

  it('evaluates a let variable once, however often it is read (Diagnostics.Trace counts)', () => {
    const traces: TraceEntry[] = [];
    const trace = { trace: (entry: TraceEntry) => traces.push(entry) };
    const text =
      'let x = Diagnostics.Trace(TraceLevel.Information, "computing x", () => 21, true) in x + x + x';
    expect(m(text, { trace })).toBe('63');
    expect(traces.map((entry) => entry.message)).toEqual(['computing x']);
  });

  it('evaluates a record field once, and a never-read field never (Diagnostics.Trace counts)', () => {
    const traces: TraceEntry[] = [];
    const trace = { trace: (entry: TraceEntry) => traces.push(entry) };
    const text = `let r = [
        a = Diagnostics.Trace(TraceLevel.Warning, "a", () => 1, true),
        b = Diagnostics.Trace(TraceLevel.Warning, "b", () => 2, true)
      ] in r[a] + r[a] + r[a]`;
    expect(m(text, { trace })).toBe('3');
    expect(traces.map((entry) => entry.message)).toEqual(['a']);
  });

  it('evaluates every argument once, before the body, even one the body never reads (spec)', () => {
    const traces: TraceEntry[] = [];
    const trace = { trace: (entry: TraceEntry) => traces.push(entry) };
    const text = `let
        f = (x, y) => x + x,
        y = Diagnostics.Trace(TraceLevel.Error, "y", () => 2, true)
      in f(1, y)`;
    expect(m(text, { trace })).toBe('2');
    expect(traces.map((entry) => entry.message)).toEqual(['y']);
    expect(m('((x, y) => x)(1, error "raised before the body")')).toBe(
      'error [Expression.Error] raised before the body',
    );
  });
});

describe('functions', () => {
  it.each([
    ['((x, optional y) => if y = null then x else x + y)(1)', '1'],
    ['((x, optional y) => if y = null then x else x + y)(1, 2)', '3'],
    [
      '((x) => x)()',
      'error [Expression.Error] 0 arguments were passed to a function which expects 1.',
    ],
    [
      '((x as number) => x)("a")',
      'error [Expression.Error] We cannot convert the value "a" to type Number.',
    ],
    [
      '((x) as text => x)(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    ['(each _ + 1)(2)', '3'],
    ['(each [a])([a = 5])', '5'],
    ['let fib = (n) => if n < 2 then n else @fib(n - 1) + @fib(n - 2) in fib(20)', '6765'],
    [
      '[Factorial = (x) => if x = 0 then 1 else x * @Factorial(x - 1), Result = Factorial(3)][Result]',
      '6',
    ],
    [
      'let f = (n) => if n = 0 then 0 else 1 + @f(n - 1) in f(100000)',
      'error [Expression.Error] Evaluation resulted in a stack overflow and cannot continue.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('errors', () => {
  it.each([
    ['try 1', '[HasError = false, Value = 1]'],
    ['try error "x" otherwise 2', '2'],
    ['try error "x" catch (e) => e[Message]', '"x"'],
    ['try error "x" catch () => "caught"', '"caught"'],
    [
      'try error [Reason = "R", Message = "M", Detail = 1]',
      '[HasError = true, Error = [Reason = "R", Message = "M", Detail = 1, Message.Format = null, Message.Parameters = null]]',
    ],
    [
      'error [Message.Format = "#{0} and #{1}", Message.Parameters = {1, "two"}]',
      'error 1 and two',
    ],
    ['...', 'error [Expression.Error] Not Implemented'],
    ['{1, 2}{2}?', 'null'],
    ['[a = 1][b]', "error [Expression.Error] The field 'b' of the record wasn't found."],
    ['[a = 1][[a], [b]]?', '[a = 1, b = null]'],
    ['#table({"A","B"},{{0,1},{2,1}}){[A=2]}', '[A = 2, B = 1]'],
    ['#table({"A","B"},{{0,1},{2,1}}){[B=3]}?', 'null'],
    [
      '#table({"A","B"},{{0,1},{2,1}}){[B=1]}?',
      'error [Expression.Error] The key matched more than one row in the table.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('types and metadata', () => {
  it.each([
    ['1 is number', 'true'],
    ['null is nullable number', 'true'],
    ['null is number', 'false'],
    ['"A" as number', 'error [Expression.Error] We cannot convert the value "A" to type Number.'],
    ['null as nullable number', 'null'],
    ['Value.Metadata("Mozart" meta [Rating = 5])', '[Rating = 5]'],
    ['Value.Metadata(("Mozart" meta [a = 1]) meta [b = 2])', '[a = 1, b = 2]'],
    ['Value.Metadata("Amadeus " & ("Mozart" meta [Rating = 5]))', '[]'],
    ['type {number}', 'type {number}'],
    ['type [a = number, ...]', 'type [a = number, ...]'],
    ['Value.Type(1)', 'type number'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

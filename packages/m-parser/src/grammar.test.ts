import { describe, expect, it } from 'vitest';
import { shape } from '../test/shape.js';
import { parse, type ParseMode } from './parse.js';

/** Parses `text` and returns its shape, failing the test with the diagnostics if it does not parse. */
function read(text: string, mode: ParseMode = 'expression'): string {
  const result = parse(text, { mode });
  if (!result.ok) {
    throw new Error(
      `${JSON.stringify(text)} did not parse:\n${result.diagnostics
        .map((d) => `${String(d.span.line)}:${String(d.span.column)} ${d.message}`)
        .join('\n')}`,
    );
  }
  return shape(result.ast);
}

describe('literal expressions', () => {
  it.each([
    ['1', '1'],
    ['1.5', '1.5'],
    ['.5', '.5'],
    ['.05', '.05'],
    ['1e10', '1e10'],
    ['1E-3', '1E-3'],
    ['1.5e+3', '1.5e+3'],
    ['0xff', '0xff'],
    ['0XFF', '0XFF'],
    ['#infinity', '#infinity'],
    ['#nan', '#nan'],
    ['"text"', '"text"'],
    ['"say ""hi"""', '"say \\"hi\\""'],
    ['""', '""'],
    ['true', 'true'],
    ['false', 'false'],
    ['null', 'null'],
    ['#!"not parsed"', '#!"not parsed"'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('gives numbers their values', () => {
    const values = ['1', '1.5', '.05', '1e3', '0xff', '0X10', '#infinity'].map((text) => {
      const ast = parse(text).ast;
      return ast?.kind === 'ExpressionDocument' && ast.expression.kind === 'NumberLiteral'
        ? ast.expression.value
        : undefined;
    });
    expect(values).toEqual([1, 1.5, 0.05, 1000, 255, 16, Number.POSITIVE_INFINITY]);
    const nan = parse('#nan').ast;
    expect(
      nan?.kind === 'ExpressionDocument' &&
        nan.expression.kind === 'NumberLiteral' &&
        Number.isNaN(nan.expression.value),
    ).toBe(true);
  });

  it.each([
    ['"a#(cr,lf)b"', 'a\r\nb'],
    ['"#(tab)"', '\t'],
    ['"#(lf)#(cr)"', '\n\r'],
    ['"#(0041)"', 'A'],
    ['"#(0001F600)"', '😀'],
    ['"#(#)(x)"', '#(x)'],
    ['"#(0041,0042,cr)"', 'AB\r'],
    ['"# ( # x"', '# ( # x'],
    ['"line\nbreak"', 'line\nbreak'],
  ])('decodes the escapes of %s', (text, value) => {
    const ast = parse(text).ast;
    expect(
      ast?.kind === 'ExpressionDocument' &&
        ast.expression.kind === 'TextLiteral' &&
        ast.expression.value,
    ).toBe(value);
  });
});

describe('identifier expressions', () => {
  it.each([
    ['x', 'x'],
    ['_', '_'],
    ['Table.AddColumn', 'Table.AddColumn'],
    ['Foo.Bar.Baz', 'Foo.Bar.Baz'],
    ['#"A B"', '#"A B"'],
    ['#"with ""quotes"""', '#"with "quotes""'],
    ['#"let"', '#"let"'],
    ['@fib', '@fib'],
    ['@#"A B"', '@#"A B"'],
    ['Größe', 'Größe'],
    ['名前', '名前'],
    ['Section1!Member', 'Section1!Member'],
    ['#"Section 1"!#"Member 1"', '#"Section 1"!#"Member 1"'],
    ['#table', '#table'],
    ['#date', '#date'],
    ['#datetime', '#datetime'],
    ['#datetimezone', '#datetimezone'],
    ['#duration', '#duration'],
    ['#time', '#time'],
    ['#binary', '#binary'],
    ['#shared', '#shared'],
    ['#sections', '#sections'],
    ['letter', 'letter'],
    ['type.Name', 'type.Name'],
    ['each_one', 'each_one'],
    ['nullable', 'nullable'],
    ['optional', 'optional'],
    ['catch', 'catch'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('parenthesized, not-implemented, invoke', () => {
  it.each([
    ['(1)', '(paren 1)'],
    ['((x))', '(paren (paren x))'],
    ['...', '...'],
    ['f()', '(call f)'],
    ['f(1, "a", g(x))', '(call f 1 "a" (call g x))'],
    ['f(each _)(2)', '(call (call f (each _)) 2)'],
    ['#date(2024, 1, 31)', '(call #date 2024 1 31)'],
    ['#table({"A"}, {{1}})', '(call #table {"A"} {{1}})'],
    ['f(let a = 1 in a, if x then 1 else 2)', '(call f (let a=1 a) (if x 1 2))'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('lists and ranges', () => {
  it.each([
    ['{}', '{}'],
    ['{1}', '{1}'],
    ['{1, 2, 3}', '{1, 2, 3}'],
    ['{1..10}', '{(.. 1 10)}'],
    ['{1..10, 20}', '{(.. 1 10), 20}'],
    ['{a..b}', '{(.. a b)}'],
    ['{1 + 1..2 * 5}', '{(.. (+ 1 1) (* 2 5))}'],
    ['{{1, 2}, {}}', '{{1, 2}, {}}'],
    ['{"a".."z"}', '{(.. "a" "z")}'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('records and field names', () => {
  it.each([
    ['[]', '[]'],
    ['[a = 1]', '[a=1]'],
    ['[a = 1, b = "x"]', '[a=1, b="x"]'],
    ['[Content Type = "json"]', '[Content Type="json"]'],
    ['[#"A B" = 1]', '[#"A B"=1]'],
    ['[Date.From = 1]', '[Date.From=1]'],
    ['[1st = 1]', '[1st=1]'],
    ['[type = 1, if = 2, let = 3]', '[type=1, if=2, let=3]'],
    ['[a b c = 1]', '[a b c=1]'],
    ['[a = [b = [c = 1]]]', '[a=[b=[c=1]]]'],
    ['[a = each _ + 1, b = (x) => x]', '[a=(each (+ _ 1)), b=(fn (x) x)]'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('item and field access', () => {
  it.each([
    ['x{0}', '(item x 0)'],
    ['x{0}?', '(item? x 0)'],
    ['x{[k = 1]}', '(item x [k=1])'],
    ['x{[k = 1, j = "a"]}?', '(item? x [k=1, j="a"])'],
    ['x[a]', '(field x a)'],
    ['x[a]?', '(field? x a)'],
    ['x[Content Type]', '(field x Content Type)'],
    ['x[#"A B"]?', '(field? x #"A B")'],
    ['x[[a], [b]]', '(project x a b)'],
    ['x[[a]]?', '(project? x a)'],
    ['[a]', '(field _ a)'],
    ['[a]?', '(field? _ a)'],
    ['[[a], [b]]', '(project _ a b)'],
    ['[[a]]?', '(project? _ a)'],
    ['x{0}[a]{1}(2)[[b]]', '(project (call (item (field (item x 0) a) 1) 2) b)'],
    ['Source{[Name = "x"]}[Data]', '(field (item Source [Name="x"]) Data)'],
    ['f(x)[a]', '(field (call f x) a)'],
    ['[a][b]', '(field (field _ a) b)'],
    ['{1, 2}{0}', '(item {1, 2} 0)'],
    ['[a = 1][a]', '(field [a=1] a)'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('functions and each', () => {
  it.each([
    ['() => 1', '(fn () 1)'],
    ['(x) => x', '(fn (x) x)'],
    ['(x, y) => x + y', '(fn (x y) (+ x y))'],
    ['(x as number) => x', '(fn (x:number) x)'],
    ['(x as nullable text) as text => x', '(fn (x:(nullable text)) :text x)'],
    ['(optional x) => x', '(fn (?x) x)'],
    [
      '(x as number, optional y as nullable text) as list => {x, y}',
      '(fn (x:number ?y:(nullable text)) :list {x, y})',
    ],
    ['(#"a b") => 1', '(fn (#"a b") 1)'],
    ['(optional) => optional', '(fn (optional) optional)'],
    ['(x) as any => (y) => x', '(fn (x) :any (fn (y) x))'],
    ['(x as type) => x', '(fn (x:type) x)'],
    ['(x as null) => x', '(fn (x:null) x)'],
    ['each _', '(each _)'],
    ['each [a] + 1', '(each (+ (field _ a) 1))'],
    ['each each _', '(each (each _))'],
    ['(x) as number', '(as (paren x) number)'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('let, if, error and try', () => {
  it.each([
    ['let a = 1 in a', '(let a=1 a)'],
    ['let a = 1, b = a + 1 in b', '(let a=1 b=(+ a 1) b)'],
    ['let #"a b" = 1 in #"a b"', '(let #"a b"=1 #"a b")'],
    ['let a = let b = 1 in b in a', '(let a=(let b=1 b) a)'],
    ['if a then b else c', '(if a b c)'],
    ['if a then if b then c else d else e', '(if a (if b c d) e)'],
    ['if a then b else if c then d else e', '(if a b (if c d e))'],
    ['error "x"', '(error "x")'],
    ['error [Reason = "R", Message = "M"]', '(error [Reason="R", Message="M"])'],
    ['try x', '(try x)'],
    ['try x otherwise 0', '(try x (otherwise 0))'],
    ['try x catch (e) => e', '(try x (catch e e))'],
    ['try x catch () => 1', '(try x (catch 1))'],
    ['try try x otherwise 1', '(try (try x (otherwise 1)))'],
    ['try x otherwise try y otherwise z', '(try x (otherwise (try y (otherwise z))))'],
    ['try error "a" catch (e) => e[Message]', '(try (error "a") (catch e (field e Message)))'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('operators, precedence and associativity', () => {
  it.each([
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['1 / 2 / 3', '(/ (/ 1 2) 3)'],
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['"a" & "b" & "c"', '(& (& "a" "b") "c")'],
    ['1 + 2 & 3', '(& (+ 1 2) 3)'],
    ['1 < 2 = true', '(= (< 1 2) true)'],
    ['a <= b <> c >= d', '(<> (<= a b) (>= c d))'],
    ['a > b < c', '(< (> a b) c)'],
    ['a = b = c', '(= (= a b) c)'],
    ['a and b or c and d', '(or (and a b) (and c d))'],
    ['a or b and c', '(or a (and b c))'],
    ['a ?? b ?? c', '(?? (?? a b) c)'],
    ['a ?? b or c', '(?? a (or b c))'],
    ['x as number', '(as x number)'],
    ['x as nullable number', '(as x (nullable number))'],
    ['x is text', '(is x text)'],
    ['x = 1 as logical', '(as (= x 1) logical)'],
    ['x as number is number', '(is (as x number) number)'],
    ['x is number and y', '(and (is x number) y)'],
    ['x as any ?? 1', '(?? (as x any) 1)'],
    ['1 meta [a = 1]', '(meta 1 [a=1])'],
    ['1 meta [a = 1] meta [b = 2]', '(meta (meta 1 [a=1]) [b=2])'],
    ['1 + 2 meta [a = 1]', '(+ 1 (meta 2 [a=1]))'],
    ['-1', '(- 1)'],
    ['+x', '(+ x)'],
    ['not x', '(not x)'],
    ['not not x', '(not (not x))'],
    ['- -1', '(- (- 1))'],
    ['-x meta [a = 1]', '(meta (- x) [a=1])'],
    ['1 - -1', '(- 1 (- 1))'],
    ['not a and b', '(and (not a) b)'],
    ['a * -b', '(* a (- b))'],
    ['(1 + 2) * 3', '(* (paren (+ 1 2)) 3)'],
    ['type number meta [a = 1]', '(meta (type number) [a=1])'],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('types', () => {
  it.each([
    ['type number', '(type number)'],
    ['type any', '(type any)'],
    ['type anynonnull', '(type anynonnull)'],
    ['type none', '(type none)'],
    ['type null', '(type null)'],
    ['type type', '(type type)'],
    ['type action', '(type action)'],
    ['type table', '(type table)'],
    ['type function', '(type function)'],
    ['type nullable number', '(type (nullable number))'],
    ['type nullable Foo.Type', '(type (nullable Foo.Type))'],
    ['type nullable [a = number]', '(type (nullable (record a:number)))'],
    ['type {number}', '(type (list number))'],
    ['type {{text}}', '(type (list (list text)))'],
    ['type {Int64.Type}', '(type (list Int64.Type))'],
    ['type []', '(type (record))'],
    ['type [...]', '(type (record ...))'],
    ['type [a = number, ...]', '(type (record a:number ...))'],
    ['type [a, optional b, optional c = text]', '(type (record a ?b ?c:text))'],
    ['type [optional = number]', '(type (record optional:number))'],
    ['type [Content Type = text, #"A B" = any]', '(type (record Content Type:text #"A B":any))'],
    [
      'type [a = Int64.Type, b = (type number)]',
      '(type (record a:Int64.Type b:(paren (type number))))',
    ],
    ['type [a = [b = number]]', '(type (record a:(record b:number)))'],
    [
      'type table [A = number, optional B = nullable text]',
      '(type (table (record A:number ?B:(nullable text))))',
    ],
    ['type table []', '(type (table (record)))'],
    ['type table Foo.RowType', '(type (table Foo.RowType))'],
    ['type table (RowType)', '(type (table (paren RowType)))'],
    ['type table @Row', '(type (table @Row))'],
    ['type table #"Row type"', '(type (table #"Row type"))'],
    ['type function () as any', '(type (function () any))'],
    [
      'type function (x as number, optional y as text) as list',
      '(type (function (x:number ?y:text) list))',
    ],
    [
      'type function (x as (type text meta [Documentation.FieldCaption = "X"])) as table',
      '(type (function (x:(paren (meta (type text) [Documentation.FieldCaption="X"]))) table))',
    ],
    [
      'type function (x as nullable Uri.Type) as [a = number]',
      '(type (function (x:(nullable Uri.Type)) (record a:number)))',
    ],
  ])('%s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });
});

describe('section documents', () => {
  it.each([
    ['section A;', '(section A)'],
    ['section #"A B";', '(section #"A B")'],
    ['section A; x = 1;', '(section A (member x 1))'],
    ['section A; shared x = 1; y = x;', '(section A (shared x 1) (member y x))'],
    ['[Version = "1.0.0"] section A;', '(section A [Version="1.0.0"])'],
    [
      'section A; [DataSource.Kind = "A", Publish = "A.Publish"] shared A.Contents = () => 1;',
      '(section A (shared A.Contents (fn () 1) [DataSource.Kind="A", Publish="A.Publish"]))',
    ],
    [
      'section A; [a = {1, "x", true, null, [b = {}]}] x = 1;',
      '(section A (member x 1 [a={1, "x", true, null, [b={}]}]))',
    ],
    ['section A; [] x = 1;', '(section A (member x 1 []))'],
    ['section A; #"x y" = 1;', '(section A (member #"x y" 1))'],
  ])('%s', (text, expected) => {
    expect(read(text, 'section')).toBe(expected);
  });

  it('tells sections from expressions in auto mode', () => {
    expect(parse('section A; x = 1;').ast?.kind).toBe('SectionDocument');
    expect(parse('[Version = "1"] section A;').ast?.kind).toBe('SectionDocument');
    expect(parse('[a = [b = 1]] section A;').ast?.kind).toBe('SectionDocument');
    expect(parse('[a = 1]').ast?.kind).toBe('ExpressionDocument');
    expect(parse('let section = 1 in 2', { mode: 'auto' }).ok).toBe(false);
    expect(parse('x').ast?.kind).toBe('ExpressionDocument');
  });

  it('reads an expression as a section only when asked', () => {
    expect(parse('1', { mode: 'section' }).ok).toBe(false);
    expect(parse('section A;', { mode: 'expression' }).ok).toBe(false);
  });
});

describe('trivia', () => {
  it('skips comments and every kind of white space', () => {
    const text =
      '/* a */ let // b\r\n x\u00a0=\t1, /* c\n */ y = 2\u2028in\u3000x\u000b+\u000cy // end';
    expect(read(text)).toBe('(let x=1 y=2 (+ x y))');
  });

  it('returns the comments in source order', () => {
    const result = parse('// one\nx /* two */ + /* three\n four */ 1');
    expect(result.comments.map((comment) => [comment.kind, comment.text])).toEqual([
      ['LineComment', '// one'],
      ['BlockComment', '/* two */'],
      ['BlockComment', '/* three\n four */'],
    ]);
  });

  it('reads a text that starts with a byte-order mark and has CRLF line ends', () => {
    const result = parse('\ufeffsection A;\r\nshared x = 1;\r\n');
    expect(result.ok).toBe(true);
    expect(shape(result.ast)).toBe('(section A (shared x 1))');
  });
});

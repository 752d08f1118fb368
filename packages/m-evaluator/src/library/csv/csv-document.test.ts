import { describe, expect, it } from 'vitest';
import { m, TEST_OPTIONS, testEngine } from '../../../test/evaluate.js';
import type { Context } from '../../context.js';
import type { TableValue } from '../../values/table.js';
import { csvOptionsOf } from './csv-options.js';
import { csvDocument } from './csv-document.js';

/** The printed table type with `n` columns `Column1 = any`, … */
function anyColumns(count: number): string {
  const columns = Array.from({ length: count }, (_, index) => `Column${String(index + 1)} = any`);
  return `type table [${columns.join(', ')}]`;
}

describe('Csv.Document: the documented examples', () => {
  it.each([
    [
      'Table.PromoteHeaders(Csv.Document(Text.Combine({"Code,Fruit", "7,Plum", "8,Green apple"}, "#(cr,lf)")))',
      '#table(type table [Code = any, Fruit = any], {{"7", "Plum"}, {"8", "Green apple"}})',
    ],
    [
      'Table.PromoteHeaders(Csv.Document(Text.Combine({"Code~~Shade", "7~~Teal", "8~~Ochre"}, "#(cr,lf)"), null, "~~"))',
      '#table(type table [Code = any, Shade = any], {{"7", "Teal"}, {"8", "Ochre"}})',
    ],
  ])('%s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: records, fields and line endings', () => {
  it.each([
    ['Csv.Document("a,b")', `#table(${anyColumns(2)}, {{"a", "b"}})`],
    ['Csv.Document("a,b#(cr,lf)c,d")', `#table(${anyColumns(2)}, {{"a", "b"}, {"c", "d"}})`],
    ['Csv.Document("a,b#(lf)c,d")', `#table(${anyColumns(2)}, {{"a", "b"}, {"c", "d"}})`],
    ['Csv.Document("a,b#(cr)c,d")', `#table(${anyColumns(2)}, {{"a", "b"}, {"c", "d"}})`],
    [
      'Csv.Document("a#(cr,lf)b#(lf)c#(cr)d")',
      `#table(${anyColumns(1)}, {{"a"}, {"b"}, {"c"}, {"d"}})`,
    ],
    ['Csv.Document("a,b#(cr,lf)")', `#table(${anyColumns(2)}, {{"a", "b"}})`],
    [
      'Csv.Document("a,b#(lf)#(lf)c,d#(lf)#(lf)")',
      `#table(${anyColumns(2)}, {{"a", "b"}, {"", null}, {"c", "d"}, {"", null}})`,
    ],
    ['Csv.Document("a,,#(lf),b,")', `#table(${anyColumns(3)}, {{"a", "", ""}, {"", "b", ""}})`],
    ['Csv.Document("")', '#table(type table [], {})'],
    ['Csv.Document("#(lf)")', `#table(${anyColumns(1)}, {{""}})`],
    [
      'Csv.Document("a,b,c#(lf)d#(lf)e,f")',
      `#table(${anyColumns(3)}, {{"a", "b", "c"}, {"d", null, null}, {"e", "f", null}})`,
    ],
    [
      'Csv.Document("x#(lf)a,b,c,d")',
      `#table(${anyColumns(4)}, {{"x", null, null, null}, {"a", "b", "c", "d"}})`,
    ],
    ['Csv.Document(" a , b ")', `#table(${anyColumns(2)}, {{" a ", " b "}})`],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: quotes', () => {
  it.each([
    ['Csv.Document("""a,b"",c")', `#table(${anyColumns(2)}, {{"a,b", "c"}})`],
    ['Csv.Document("""say """"hi"""""",x")', `#table(${anyColumns(2)}, {{"say ""hi""", "x"}})`],
    ['Csv.Document("""""")', `#table(${anyColumns(1)}, {{""}})`],
    ['Csv.Document(""""",x")', `#table(${anyColumns(2)}, {{"", "x"}})`],
    [
      'Csv.Document("""one#(cr,lf)two"",3#(lf)4,5")',
      `#table(${anyColumns(2)}, {{"one#(cr,lf)two", "3"}, {"4", "5"}})`,
    ],
    [
      'Csv.Document("a,""open#(lf)to the end")',
      `#table(${anyColumns(2)}, {{"a", "open#(lf)to the end"}})`,
    ],
    ['Csv.Document("a,""unterminated")', `#table(${anyColumns(2)}, {{"a", "unterminated"}})`],
    ['Csv.Document("""ab""cd,e")', `#table(${anyColumns(2)}, {{"abcd", "e"}})`],
    // After the delimiter only: a quote inside a field is an ordinary character.
    ['Csv.Document("ab""c,d""e")', `#table(${anyColumns(2)}, {{"ab""c", "d""e"}})`],
    [
      'Csv.Document("1,""x"",""y""#(lf)2")',
      `#table(${anyColumns(3)}, {{"1", "x", "y"}, {"2", null, null}})`,
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    [
      'Csv.Document("ab""c,d""e", [CsvStyle = CsvStyle.QuoteAlways])',
      `#table(${anyColumns(1)}, {{"abc,de"}})`,
    ],
    [
      'Csv.Document("ab""c,d""e,f", [CsvStyle = CsvStyle.QuoteAlways])',
      `#table(${anyColumns(2)}, {{"abc,de", "f"}})`,
    ],
    [
      'Csv.Document("ab""c,d""e,f", [CsvStyle = CsvStyle.QuoteAfterDelimiter])',
      `#table(${anyColumns(3)}, {{"ab""c", "d""e", "f"}})`,
    ],
    [
      'Csv.Document("a,""b#(lf)c"",d", [QuoteStyle = QuoteStyle.Csv])',
      `#table(${anyColumns(3)}, {{"a", "b#(lf)c", "d"}})`,
    ],
    // QuoteStyle.None: quotes still group delimiters, but every line break ends the record.
    [
      'Csv.Document("""a,b"",c#(lf)""d#(lf)e"",f", [QuoteStyle = QuoteStyle.None])',
      `#table(${anyColumns(2)}, {{"a,b", "c"}, {"d", null}, {"e""", "f"}})`,
    ],
    [
      'Csv.Document("x,""y#(cr,lf)z", [QuoteStyle = QuoteStyle.None])',
      `#table(${anyColumns(2)}, {{"x", "y"}, {"z", null}})`,
    ],
    [
      'Csv.Document("a", [CsvStyle = 2])',
      'error [Expression.Error] The CSV style must be CsvStyle.QuoteAfterDelimiter or CsvStyle.QuoteAlways.',
    ],
    [
      'Csv.Document("a", [QuoteStyle = 5])',
      'error [Expression.Error] The quote style must be QuoteStyle.None or QuoteStyle.Csv.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: delimiters', () => {
  it.each([
    ['Csv.Document("a;b,c", null, ";")', `#table(${anyColumns(2)}, {{"a", "b,c"}})`],
    ['Csv.Document("a#(tab)b c", null, "#(tab)")', `#table(${anyColumns(2)}, {{"a", "b c"}})`],
    ['Csv.Document("a||b|c", null, "||")', `#table(${anyColumns(2)}, {{"a", "b|c"}})`],
    ['Csv.Document("a||b||", null, "||")', `#table(${anyColumns(3)}, {{"a", "b", ""}})`],
    ['Csv.Document("a;b,c|d", null, {";", ","})', `#table(${anyColumns(3)}, {{"a", "b", "c|d"}})`],
    ['Csv.Document("a::b:c", null, {"::", ":"})', `#table(${anyColumns(3)}, {{"a", "b", "c"}})`],
    ['Csv.Document("a;b", null, {";"})', `#table(${anyColumns(2)}, {{"a", "b"}})`],
    [
      'Csv.Document("a  b#(tab) c#(lf)d e", null, "")',
      `#table(${anyColumns(3)}, {{"a", "b", "c"}, {"d", "e", null}})`,
    ],
    ['Csv.Document("  a b", null, "")', `#table(${anyColumns(3)}, {{"", "a", "b"}})`],
    ['Csv.Document("""a b"" c", null, "")', `#table(${anyColumns(2)}, {{"a b", "c"}})`],
    ['Csv.Document("a;""b;c""", null, ";")', `#table(${anyColumns(2)}, {{"a", "b;c"}})`],
    ['Csv.Document("a;b", [Delimiter = ";"])', `#table(${anyColumns(2)}, {{"a", "b"}})`],
    [
      'Csv.Document("a", null, 1)',
      'error [Expression.Error] The delimiter must be a text or a list of texts.',
    ],
    ['Csv.Document("a", null, {})', 'error [Expression.Error] The list of delimiters is empty.'],
    [
      'Csv.Document("a", null, {""})',
      'error [Expression.Error] A delimiter in the list cannot be empty.',
    ],
    [
      'Csv.Document("a", null, {1})',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: columns', () => {
  it.each([
    ['Csv.Document("a,b,c", 2)', `#table(${anyColumns(2)}, {{"a", "b"}})`],
    ['Csv.Document("a,b", 4)', `#table(${anyColumns(4)}, {{"a", "b", null, null}})`],
    ['Csv.Document("a,b", 0)', '#table(type table [], {{}})'],
    ['Csv.Document("", 2)', `#table(${anyColumns(2)}, {})`],
    ['Csv.Document("a,b", {"X", "Y"})', '#table(type table [X = any, Y = any], {{"a", "b"}})'],
    ['Csv.Document("a,b,c", {"X"})', '#table(type table [X = any], {{"a"}})'],
    [
      'Csv.Document("a,b", type table [X = text, Y = text])',
      '#table(type table [X = text, Y = text], {{"a", "b"}})',
    ],
    ['Csv.Document("a,b,c", [Columns = 2])', `#table(${anyColumns(2)}, {{"a", "b"}})`],
    ['Csv.Document("a", [Columns = {"Only"}])', '#table(type table [Only = any], {{"a"}})'],
    ['Value.Type(Csv.Document("1,2"))', 'type table [Column1 = any, Column2 = any]'],
    ['Csv.Document("a", -1)', 'error [Expression.Error] The column count cannot be negative.'],
    ['Csv.Document("a", 1.5)', 'error [Expression.Error] The column count must be a whole number.'],
    [
      'Csv.Document("a", {"X", "X"})',
      "error [Expression.Error] The field 'X' already exists in the record.",
    ],
    [
      'Csv.Document("a", {1})',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Csv.Document("a", true)',
      'error [Expression.Error] The columns must be null, a number of columns, a list of column names, a table type or an options record.',
    ],
    [
      'Csv.Document("a", type text)',
      'error [Expression.Error] The columns must be null, a number of columns, a list of column names, a table type or an options record.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: extra values', () => {
  it.each([
    [
      'Csv.Document("a,b,c#(lf)d", 2, null, ExtraValues.Ignore)',
      `#table(${anyColumns(2)}, {{"a", "b"}, {"d", null}})`,
    ],
    [
      'Csv.Document("a,b,c#(lf)d", 2, null, null)',
      `#table(${anyColumns(2)}, {{"a", "b"}, {"d", null}})`,
    ],
    [
      'Csv.Document("a,b,c#(lf)d,e#(lf)f", 2, null, ExtraValues.List)',
      `#table(${anyColumns(2)}, {{"a", {"b", "c"}}, {"d", {"e"}}, {"f", null}})`,
    ],
    [
      'Csv.Document("a,b,c", 1, null, ExtraValues.List)',
      `#table(${anyColumns(1)}, {{{"a", "b", "c"}}})`,
    ],
    [
      'Csv.Document("a,b#(lf)c,d,e", 2, null, ExtraValues.Error)',
      'error [Expression.Error] There were more columns in the result than expected.',
    ],
    [
      'Table.PromoteHeaders(Csv.Document("a,b#(lf)c,d,e", 2, null, ExtraValues.Error))',
      'error [Expression.Error] There were more columns in the result than expected.',
    ],
    [
      'Value.Type(Table.PromoteHeaders(Csv.Document("a,b#(lf)c,d,e", 2, null, ExtraValues.Error)))',
      'type table [a = any, b = any]',
    ],
    ['(try Csv.Document("a,b#(lf)c,d,e", 2, null, ExtraValues.Error))[HasError]', 'false'],
    [
      '(try Table.DemoteHeaders(Csv.Document("a,b,c", 2, null, ExtraValues.Error)))[HasError]',
      'false',
    ],
    ['Value.Type(Csv.Document("a,b,c", 2, null, ExtraValues.Error))', anyColumns(2)],
    ['ExtraValues.List', '0'],
    ['ExtraValues.Error', '1'],
    ['ExtraValues.Ignore', '2'],
    ['ExtraValues.Type', 'type number'],
    [
      'Csv.Document("a", null, null, 3)',
      'error [Expression.Error] The extraValues argument must be ExtraValues.List, ExtraValues.Error or ExtraValues.Ignore.',
    ],
    [
      'Csv.Document("a", null, null, "x")',
      'error [Expression.Error] We cannot convert the value "x" to type Number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: binary sources and encodings', () => {
  it.each([
    [
      'Csv.Document(Text.ToBinary("é,ü#(lf)1,2"))',
      `#table(${anyColumns(2)}, {{"é", "ü"}, {"1", "2"}})`,
    ],
    [
      'Csv.Document(#binary({239, 187, 191, 97, 44, 98}))',
      `#table(${anyColumns(2)}, {{"a", "b"}})`,
    ],
    [
      'Csv.Document(#binary({239, 187, 191, 97, 44, 98}), null, null, null, TextEncoding.Utf8)',
      `#table(${anyColumns(2)}, {{"a", "b"}})`,
    ],
    [
      'Csv.Document(Text.ToBinary("ä,€", TextEncoding.Utf16, true))',
      `#table(${anyColumns(2)}, {{"ä", "€"}})`,
    ],
    [
      'Csv.Document(Text.ToBinary("ä,€", TextEncoding.Utf16), null, null, null, TextEncoding.Utf16)',
      `#table(${anyColumns(2)}, {{"ä", "€"}})`,
    ],
    [
      'Csv.Document(Text.ToBinary("ä,€", TextEncoding.Utf16), [Encoding = 1200])',
      `#table(${anyColumns(2)}, {{"ä", "€"}})`,
    ],
    [
      'Csv.Document(#binary({99, 97, 102, 233, 44, 128}), null, null, null, 1252)',
      `#table(${anyColumns(2)}, {{"café", "€"}})`,
    ],
    [
      'Csv.Document(#binary({99, 97, 102, 233, 44, 128}), [Encoding = TextEncoding.Windows, Columns = 2])',
      `#table(${anyColumns(2)}, {{"café", "€"}})`,
    ],
    ['Csv.Document("a", null, null, null, 1200)', `#table(${anyColumns(1)}, {{"a"}})`],
    [
      'Csv.Document(#binary({97}), null, null, null, 12345)',
      'error [Expression.Error] The text encoding 12345 is not supported. Use one of the TextEncoding values or another Windows code page that this engine knows.',
    ],
    ['Csv.Document(42)', 'error [Expression.Error] We cannot convert the value 42 to type Binary.'],
    [
      'Csv.Document(null)',
      'error [Expression.Error] We cannot convert the value null to type Binary.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: the options record', () => {
  it.each([
    [
      'Csv.Document("a;""b#(lf)c""", [Delimiter = ";", Columns = 2, Encoding = 65001, QuoteStyle = QuoteStyle.Csv, CsvStyle = CsvStyle.QuoteAfterDelimiter])',
      `#table(${anyColumns(2)}, {{"a", "b#(lf)c"}})`,
    ],
    [
      'Csv.Document("a,b", [IncludeByteOrderMark = true])',
      `#table(${anyColumns(2)}, {{"a", "b"}})`,
    ],
    ['Csv.Document("a,b", [])', `#table(${anyColumns(2)}, {{"a", "b"}})`],
    [
      'Csv.Document("a", [Columns = 1], ";")',
      'error [Expression.Error] When the columns argument is an options record, the delimiter, extraValues and encoding arguments must be null.',
    ],
    [
      'Csv.Document("a", [Colour = 1])',
      "error [Expression.Error] The option 'Colour' is not recognized.",
    ],
    [
      'Csv.Document("a", [IncludeByteOrderMark = 1])',
      'error [Expression.Error] We cannot convert the value 1 to type Logical.',
    ],
    ['CsvStyle.QuoteAfterDelimiter', '0'],
    ['CsvStyle.QuoteAlways', '1'],
    ['CsvStyle.Type', 'type number'],
    [
      'Value.Type(Csv.Document)',
      'type function (source as any, optional columns as any, optional delimiter as any, optional extraValues as nullable number, optional encoding as nullable number) as table',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Csv.Document: reading', () => {
  const ctx = (): Context => testEngine().createContext(TEST_OPTIONS);

  function table(text: string, columns: number | null): TableValue {
    const context = ctx();
    return csvDocument(context, text, csvOptionsOf(context, columns, null, null, null));
  }

  it('does not read the source until the rows are walked when the columns are given', () => {
    const csv = table('a,b\nc,d', 2);
    expect(csv.source.knownCount).toBeUndefined();
    expect(csv.rowCount(ctx())).toBe(2);
    expect(csv.source.knownCount).toBe(2);
  });

  it('reads the source once, however often the rows are walked', () => {
    const csv = table('a,b\nc,d', 2);
    const first = csv.rows(ctx());
    const second = csv.rows(ctx());
    expect(second[0]).toBe(first[0]);
    expect(first).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads at once when the columns must be counted, and holds plain text cells', () => {
    const csv = table('a\nb,c,d', null);
    expect(csv.source.knownCount).toBe(2);
    expect(csv.columnNames).toEqual(['Column1', 'Column2', 'Column3']);
    expect(csv.rows(ctx())).toEqual([
      ['a', null, null],
      ['b', 'c', 'd'],
    ]);
  });

  it('reads 100,000 records', () => {
    const lines = Array.from(
      { length: 100_000 },
      (_, index) => `${String(index)},"x,${String(index)}"`,
    );
    const csv = table(lines.join('\r\n'), null);
    const rows = csv.rows(ctx());
    expect(rows.length).toBe(100_000);
    expect(rows[99_999]).toEqual(['99999', 'x,99999']);
  });

  it('stops at the abort signal', () => {
    const controller = new AbortController();
    controller.abort();
    const context = testEngine().createContext({ ...TEST_OPTIONS, signal: controller.signal });
    const text = 'a\n'.repeat(10_000);
    expect(() => csvDocument(context, text, csvOptionsOf(context, null, null, null, null))).toThrow(
      /cancelled/,
    );
  });
});

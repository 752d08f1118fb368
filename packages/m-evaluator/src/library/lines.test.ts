import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Lines.FromText', () => {
  it.each([
    ['Lines.FromText("a#(cr,lf)b#(lf)c#(cr)d")', '{"a", "b", "c", "d"}'],
    ['Lines.FromText("a#(lf)#(lf)b#(lf)")', '{"a", "", "b"}'],
    ['Lines.FromText("")', '{}'],
    ['Lines.FromText("one line")', '{"one line"}'],
    ['Lines.FromText("a#(cr,lf)b#(lf)", null, true)', '{"a#(cr,lf)", "b#(lf)"}'],
    ['Lines.FromText("a,""b#(lf)c""#(lf)d")', '{"a,""b", "c""", "d"}'],
    ['Lines.FromText("a,""b#(lf)c""#(lf)d", QuoteStyle.Csv)', '{"a,""b#(lf)c""", "d"}'],
    ['Lines.FromText("a,""b#(lf)c""#(lf)d", QuoteStyle.None)', '{"a,""b", "c""", "d"}'],
    ['Lines.FromText("""x""""#(lf)y""#(lf)z", QuoteStyle.Csv)', '{"""x""""#(lf)y""", "z"}'],
    [
      'Lines.FromText("a,""b#(lf)c""#(lf)d", [QuoteStyle = QuoteStyle.Csv])',
      '{"a,""b#(lf)c""", "d"}',
    ],
    [
      'Lines.FromText("a""b#(lf)c""#(lf)d", [QuoteStyle = QuoteStyle.Csv, CsvStyle = 0, Delimiter = ","])',
      '{"a""b", "c""", "d"}',
    ],
    [
      'Lines.FromText("a""b#(lf)c""#(lf)d", [QuoteStyle = QuoteStyle.Csv, CsvStyle = 1])',
      '{"a""b#(lf)c""", "d"}',
    ],
    ['Lines.FromText("x;""a#(lf)b""", [CsvStyle = 0, Delimiter = ";"])', '{"x;""a#(lf)b"""}'],
    ['Lines.FromText("a#(lf)b", [IncludeLineSeparators = true])', '{"a#(lf)", "b"}'],
    [
      'Lines.FromText("a", [Colour = 1])',
      "error [Expression.Error] The option 'Colour' is not recognized.",
    ],
    [
      'Lines.FromText("a", [Encoding = 65001])',
      "error [Expression.Error] The option 'Encoding' is not recognized.",
    ],
    [
      'Lines.FromText("a", [QuoteStyle = 1], true)',
      'error [Expression.Error] When the options are a record, the other optional arguments must be null.',
    ],
    [
      'Lines.FromText("a", 3)',
      'error [Expression.Error] The quote style must be QuoteStyle.None or QuoteStyle.Csv.',
    ],
    [
      'Lines.FromText(null)',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    ['List.Count(Lines.FromText(Text.Repeat("x#(lf)", 5000)))', '5000'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Lines.FromBinary, Lines.ToText, Lines.ToBinary', () => {
  it.each([
    ['Lines.FromBinary(Text.ToBinary("a#(cr,lf)é"))', '{"a", "é"}'],
    ['Lines.FromBinary(Text.ToBinary("a#(lf)é", TextEncoding.Utf16, true))', '{"a", "é"}'],
    [
      'Lines.FromBinary(Text.ToBinary("a#(lf)é", TextEncoding.Windows), null, null, 1252)',
      '{"a", "é"}',
    ],
    [
      'Lines.FromBinary(Text.ToBinary("a#(lf)é", TextEncoding.Windows), [Encoding = 1252, IncludeLineSeparators = true])',
      '{"a#(lf)", "é"}',
    ],
    ['Lines.FromBinary(Text.ToBinary("""a#(lf)b"""), QuoteStyle.Csv)', '{"""a#(lf)b"""}'],
    [
      'Lines.ToText({"ID,Name", "1,Bob Smith", "2,Jan Lee"})',
      '"ID,Name#(cr,lf)1,Bob Smith#(cr,lf)2,Jan Lee#(cr,lf)"',
    ],
    ['Lines.ToText({"a", "b"}, "|")', '"a|b|"'],
    ['Lines.ToText({})', '""'],
    [
      'Lines.ToText({"a", null})',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    ['Binary.ToList(Lines.ToBinary({"a", "b"}))', '{97, 13, 10, 98, 13, 10}'],
    ['Binary.ToList(Lines.ToBinary({"é"}, "#(lf)", TextEncoding.Windows))', '{233, 10}'],
    ['Binary.ToList(Lines.ToBinary({"a"}, "#(lf)", null, true))', '{239, 187, 191, 97, 10}'],
    [
      'Lines.FromBinary(Lines.ToBinary({"x", "y"}, null, TextEncoding.Utf16), null, null, TextEncoding.Utf16)',
      '{"x", "y"}',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

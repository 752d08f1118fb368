import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Splitter.SplitTextByDelimiter', () => {
  it.each([
    ['Splitter.SplitTextByDelimiter(",", QuoteStyle.Csv)("a,""b,c"",d")', '{"a", "b,c", "d"}'],
    ['Splitter.SplitTextByDelimiter(",")("a,""b,c"",d")', '{"a", "b,c", "d"}'],
    [
      'Splitter.SplitTextByDelimiter(",", QuoteStyle.None)("a,""b,c"",d")',
      '{"a", """b", "c""", "d"}',
    ],
    ['Splitter.SplitTextByDelimiter(",")("a,""say """"hi"""""",b")', '{"a", "say ""hi""", "b"}'],
    ['Splitter.SplitTextByDelimiter(",")("x""y,z""w,v")', '{"xy,zw", "v"}'],
    [
      'Splitter.SplitTextByDelimiter(",", QuoteStyle.Csv, 0)("x""y,z""w,v")',
      '{"x""y", "z""w", "v"}',
    ],
    ['Splitter.SplitTextByDelimiter(",", QuoteStyle.Csv, 0)("""a,b"",c")', '{"a,b", "c"}'],
    ['Splitter.SplitTextByDelimiter(",")("a,""unterminated,b")', '{"a", "unterminated,b"}'],
    ['Splitter.SplitTextByDelimiter(", ")("a, b, c")', '{"a", "b", "c"}'],
    ['Splitter.SplitTextByDelimiter(",")("a,,b,")', '{"a", "", "b", ""}'],
    ['Splitter.SplitTextByDelimiter(",")("")', '{""}'],
    ['Splitter.SplitTextByDelimiter(",")(null)', '{}'],
    [
      'Splitter.SplitTextByDelimiter(",")(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Splitter.SplitTextByDelimiter("")',
      'error [Expression.Error] The delimiter cannot be empty.',
    ],
    [
      'Splitter.SplitTextByDelimiter(",", 2)',
      'error [Expression.Error] The quote style must be QuoteStyle.None or QuoteStyle.Csv.',
    ],
    [
      'Value.Type(Splitter.SplitTextByDelimiter(","))',
      'type function (line as nullable text) as list',
    ],
    ['Value.Metadata(Splitter.SplitTextByDelimiter(","))', '[Text.ToText = true]'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Splitter.SplitTextByEachDelimiter, Splitter.SplitTextByAnyDelimiter', () => {
  it.each([
    ['Splitter.SplitTextByEachDelimiter({",", ";"})("a,b;c,d")', '{"a", "b", "c,d"}'],
    [
      'Splitter.SplitTextByEachDelimiter({",", ";"}, QuoteStyle.None, true)("a,""b;c"",d")',
      '{"a,""b", "c""", "d"}',
    ],
    ['Splitter.SplitTextByEachDelimiter({",", ";"})("a;b,c")', '{"a;b", "c"}'],
    ['Splitter.SplitTextByEachDelimiter({"::", "->"})("a::b->c->d")', '{"a", "b", "c->d"}'],
    ['Splitter.SplitTextByEachDelimiter({",", ";"})(null)', '{}'],
    [
      'Splitter.SplitTextByEachDelimiter({",", ""})',
      'error [Expression.Error] Each delimiter must be a non-empty text.',
    ],
    [
      'Splitter.SplitTextByAnyDelimiter({",", ";"}, QuoteStyle.Csv)("a,b;""c,d;e"",f")',
      '{"a", "b", "c,d;e", "f"}',
    ],
    [
      'Splitter.SplitTextByAnyDelimiter({",", ";"}, QuoteStyle.Csv, true)("a,""b;c,d")',
      '{"a,b", "c", "d"}',
    ],
    ['Splitter.SplitTextByAnyDelimiter({"--", "+"})("a--b+c-d")', '{"a", "b", "c-d"}'],
    [
      'Splitter.SplitTextByAnyDelimiter({",", ";"}, QuoteStyle.None)("a,""b;c""")',
      '{"a", """b", "c"""}',
    ],
    [
      'Splitter.SplitTextByAnyDelimiter({1})',
      'error [Expression.Error] Each delimiter must be a non-empty text.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Splitter.SplitTextByWhitespace, SplitTextByCharacterTransition, SplitByNothing', () => {
  it.each([
    ['Splitter.SplitTextByWhitespace(QuoteStyle.None)("a b#(tab)c")', '{"a", "b", "c"}'],
    ['Splitter.SplitTextByWhitespace()("a   b#(cr,lf)c")', '{"a", "b", "c"}'],
    ['Splitter.SplitTextByWhitespace()(" a b ")', '{"", "a", "b", ""}'],
    ['Splitter.SplitTextByWhitespace()("""a b"" c")', '{"a b", "c"}'],
    ['Splitter.SplitTextByWhitespace(QuoteStyle.None)("""a b"" c")', '{"""a", "b""", "c"}'],
    ['Splitter.SplitTextByWhitespace()(null)', '{}'],
    [
      'Splitter.SplitTextByCharacterTransition({"A".."Z", "a".."z"}, {"0".."9"})("Abc123")',
      '{"Abc", "123"}',
    ],
    [
      'Splitter.SplitTextByCharacterTransition({"a".."z"}, {"A".."Z"})("camelCaseText")',
      '{"camel", "Case", "Text"}',
    ],
    [
      'Splitter.SplitTextByCharacterTransition((c) => c <> " ", (c) => c = " ")("ab cd")',
      '{"ab", " cd"}',
    ],
    ['Splitter.SplitTextByCharacterTransition({"a"}, {"b"})("")', '{""}'],
    [
      'Splitter.SplitTextByCharacterTransition({"ab"}, {"b"})',
      'error [Expression.Error] Each item must be a single character.',
    ],
    [
      'Splitter.SplitTextByCharacterTransition(null, {"b"})',
      'error [Expression.Error] We cannot convert the value null to type AnyNonNull.',
    ],
    ['Splitter.SplitByNothing()("a,b")', '{"a,b"}'],
    ['Splitter.SplitByNothing()(null)', '{null}'],
    ['Splitter.SplitByNothing()(1)', '{1}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Splitter by lengths, positions and ranges', () => {
  it.each([
    ['Splitter.SplitTextByLengths({2, 3})("AB123")', '{"AB", "123"}'],
    ['Splitter.SplitTextByLengths({5, 2}, true)("RedmondWA98052")', '{"WA", "98052"}'],
    ['Splitter.SplitTextByLengths({2, 3})("AB")', '{"AB", ""}'],
    ['Splitter.SplitTextByLengths({2})("ABCDE")', '{"AB"}'],
    ['Splitter.SplitTextByLengths({2})(null)', '{}'],
    [
      'Splitter.SplitTextByLengths({-1})',
      'error [Expression.Error] The length cannot be negative.',
    ],
    ['Splitter.SplitTextByPositions({0, 3, 4})("ABC|12345")', '{"ABC", "|", "12345"}'],
    ['Splitter.SplitTextByPositions({0, 5}, true)("Redmond98052")', '{"Redmond", "98052"}'],
    ['Splitter.SplitTextByPositions({2, 4})("ABCDEF")', '{"CD", "EF"}'],
    ['Splitter.SplitTextByPositions({0, 10})("ABC")', '{"ABC", ""}'],
    [
      'Splitter.SplitTextByPositions({3, 1})',
      'error [Expression.Error] The positions must be in increasing order.',
    ],
    ['Splitter.SplitTextByRanges({{0, 4}, {2, 10}})("codelimiter")', '{"code", "delimiter"}'],
    ['Splitter.SplitTextByRanges({{0, 5}, {6, 2}}, true)("RedmondWA?98052")', '{"WA", "98052"}'],
    ['Splitter.SplitTextByRanges({{0, 5}, {5, null}})("98052Redmond")', '{"98052", "Redmond"}'],
    ['Splitter.SplitTextByRanges({{20, 2}})("short")', '{""}'],
    [
      'Splitter.SplitTextByRanges({{0}})',
      'error [Expression.Error] Each range must be a list of an offset and a length.',
    ],
    [
      'Splitter.SplitTextByRanges({{-1, 2}})',
      'error [Expression.Error] The range offset cannot be negative.',
    ],
    ['Splitter.SplitTextByRepeatedLengths(3)("12345678")', '{"123", "456", "78"}'],
    ['Splitter.SplitTextByRepeatedLengths(3, true)("87654321")', '{"87", "654", "321"}'],
    ['Splitter.SplitTextByRepeatedLengths(3)("")', '{}'],
    ['Splitter.SplitTextByRepeatedLengths(0)("abc")', '{""}'],
    [
      'Splitter.SplitTextByRepeatedLengths(-2)',
      'error [Expression.Error] The length cannot be negative.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

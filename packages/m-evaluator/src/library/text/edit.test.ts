import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const NULL_TO_TEXT = 'error [Expression.Error] We cannot convert the value null to type Text.';

describe('Text.Length, Text.At, Text.Start, Text.End', () => {
  it.each([
    ['Text.Length("Hello World")', '11'],
    ['Text.Length("")', '0'],
    ['Text.Length(null)', 'null'],
    ['Text.Length("😀")', '2'],
    ['Text.Length(1)', 'error [Expression.Error] We cannot convert the value 1 to type Text.'],
    ['Text.At("Hello, World", 4)', '"o"'],
    ['Text.At(null, 4)', 'null'],
    [
      'Text.At("abc", 3)',
      'error [Expression.Error] The index 3 is outside the text, which has 3 characters.',
    ],
    [
      'Text.At("abc", -1)',
      'error [Expression.Error] The index -1 is outside the text, which has 3 characters.',
    ],
    ['Text.At("abc", 1.5)', 'error [Expression.Error] The index must be a whole number.'],
    ['Text.Start("Hello, World", 5)', '"Hello"'],
    ['Text.Start("abc", 10)', '"abc"'],
    ['Text.Start(null, 1)', 'null'],
    ['Text.Start("abc", -1)', 'error [Expression.Error] The count cannot be negative.'],
    ['Text.End("Hello, World", 5)', '"World"'],
    ['Text.End("abc", 10)', '"abc"'],
    ['Text.End("abc", 0)', '""'],
    ['Text.End(null, 2)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.Middle, Text.Range', () => {
  it.each([
    ['Text.Middle("Hello World", 6, 5)', '"World"'],
    ['Text.Middle("Hello World", 6, 20)', '"World"'],
    ['Text.Middle("Hello World", 0, 2)', '"He"'],
    ['Text.Middle("Hello World", 6)', '"World"'],
    ['Text.Middle("abc", 5, 1)', '""'],
    ['Text.Middle(null, 0, 1)', 'null'],
    ['Text.Middle("abc", -1)', 'error [Expression.Error] The start cannot be negative.'],
    ['Text.Range("Hello World", 6)', '"World"'],
    ['Text.Range("Hello World Hello", 6, 5)', '"World"'],
    ['Text.Range("abc", 3)', '""'],
    ['Text.Range(null, 0)', 'null'],
    [
      'Text.Range("abc", 4)',
      'error [Expression.Error] The offset 4 is outside the text, which has 3 characters.',
    ],
    [
      'Text.Range("abc", 1, 5)',
      'error [Expression.Error] The count 5 is outside the text, which has 3 characters.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.Insert, Text.RemoveRange, Text.ReplaceRange, Text.Replace', () => {
  it.each([
    ['Text.Insert("ABD", 2, "C")', '"ABCD"'],
    ['Text.Insert("ABD", 3, "E")', '"ABDE"'],
    ['Text.Insert(null, 0, "x")', 'null'],
    ['Text.Insert("a", 0, null)', NULL_TO_TEXT],
    [
      'Text.Insert("ABD", 4, "C")',
      'error [Expression.Error] The offset 4 is outside the text, which has 3 characters.',
    ],
    ['Text.RemoveRange("ABCDE", 2)', '"ABDE"'],
    ['Text.RemoveRange("ABCDE", 1, 2)', '"ADE"'],
    ['Text.RemoveRange(null, 1, 2)', 'null'],
    [
      'Text.RemoveRange("ABC", 2, 2)',
      'error [Expression.Error] The count 2 is outside the text, which has 3 characters.',
    ],
    ['Text.ReplaceRange("ABGF", 2, 1, "CDE")', '"ABCDEF"'],
    ['Text.ReplaceRange("ABC", 3, 0, "D")', '"ABCD"'],
    ['Text.ReplaceRange(null, 0, 0, "D")', 'null'],
    [
      'Text.ReplaceRange("ABC", 1, 3, "D")',
      'error [Expression.Error] The count 3 is outside the text, which has 3 characters.',
    ],
    [
      'Text.Replace("the quick brown fox jumps over the lazy dog", "the", "a")',
      '"a quick brown fox jumps over a lazy dog"',
    ],
    ['Text.Replace("The the", "the", "a")', '"The a"'],
    ['Text.Replace("aaa", "aa", "b")', '"ba"'],
    ['Text.Replace("abc", "", "x")', '"abc"'],
    ['Text.Replace(null, "a", "b")', 'null'],
    ['Text.Replace("abc", null, "b")', NULL_TO_TEXT],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.Remove, Text.Select, Text.Clean', () => {
  it.each([
    ['Text.Remove("a,b;c", {",", ";"})', '"abc"'],
    ['Text.Remove("a,b;c", ",")', '"ab;c"'],
    ['Text.Remove("a,b;c", ",;")', '"abc"'],
    ['Text.Remove(null, ",")', 'null'],
    [
      'Text.Remove("abc", {1})',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    ['Text.Select("a,b;c", {"a".."z"})', '"abc"'],
    ['Text.Select("a1b2", {"0".."9"})', '"12"'],
    ['Text.Select(null, "a")', 'null'],
    ['Text.Clean("ABC#(lf)D")', '"ABCD"'],
    ['Text.Clean("a#(tab)b#(cr,lf)c#(0007)d")', '"abcd"'],
    ['Text.Clean("keep spaces")', '"keep spaces"'],
    ['Text.Clean(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.Repeat, Text.Reverse, Text.PadStart, Text.PadEnd', () => {
  it.each([
    ['Text.Repeat("a", 5)', '"aaaaa"'],
    ['Text.Repeat("helloworld.", 3)', '"helloworld.helloworld.helloworld."'],
    ['Text.Repeat("a", 0)', '""'],
    ['Text.Repeat(null, 2)', 'null'],
    ['Text.Repeat("a", -1)', 'error [Expression.Error] The count cannot be negative.'],
    ['Text.Reverse("123")', '"321"'],
    ['Text.Reverse("a😀b")', '"b😀a"'],
    ['Text.Reverse(null)', 'null'],
    ['Text.PadStart("Name", 10)', '"      Name"'],
    ['Text.PadStart("Name", 10, "|")', '"||||||Name"'],
    ['Text.PadStart("Name", 2)', '"Name"'],
    ['Text.PadStart(null, 2)', 'null'],
    [
      'Text.PadStart("Name", 10, "ab")',
      'error [Expression.Error] The pad character must be a text of exactly one character.',
    ],
    ['Text.PadEnd("Name", 10)', '"Name      "'],
    ['Text.PadEnd("Name", 10, "|")', '"Name||||||"'],
    ['Text.PadEnd("Name", 4, "|")', '"Name"'],
    [
      'Text.PadEnd("Name", 10, "")',
      'error [Expression.Error] The pad character must be a text of exactly one character.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.Trim, Text.TrimStart, Text.TrimEnd', () => {
  it.each([
    ['Text.Trim("     a b c d    ")', '"a b c d"'],
    ['Text.Trim("0000056.4200", "0")', '"56.42"'],
    ['Text.Trim("<div/>", {"<", ">", "/"})', '"div"'],
    ['Text.Trim("##@@Pending@@##", {"#", "@"})', '"Pending"'],
    ['Text.Trim("#(tab)#(lf)#(00A0)x#(3000)")', '"x"'],
    ['Text.Trim("#(FEFF)x")', '"#(FEFF)x"'],
    ['Text.Trim("   ")', '""'],
    ['Text.Trim(null)', 'null'],
    ['Text.TrimStart("   a b c d    ")', '"a b c d    "'],
    ['Text.TrimStart("0000056.420", "0")', '"56.420"'],
    ['Text.TrimStart("@****847263-US", {"*", "@"})', '"847263-US"'],
    ['Text.TrimStart(null)', 'null'],
    ['Text.TrimEnd("     a b c d    ")', '"     a b c d"'],
    ['Text.TrimEnd("03.487700000", "0")', '"03.4877"'],
    ['Text.TrimEnd("US-847263****@", {"*", "@"})', '"US-847263"'],
    ['Text.TrimEnd(null, "0")', 'null'],
    ['Text.Trim("x", {1})', 'error [Expression.Error] We cannot convert the value 1 to type Text.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.ToList, Text.Split, Text.SplitAny, Text.Combine', () => {
  it.each([
    ['Text.ToList("Hello")', '{"H", "e", "l", "l", "o"}'],
    ['Text.ToList("")', '{}'],
    ['Text.ToList(null)', NULL_TO_TEXT],
    ['Text.Split("Name|Address|PhoneNumber", "|")', '{"Name", "Address", "PhoneNumber"}'],
    [
      'Text.Split("Name, the Customer, the Purchase Date", ", the ")',
      '{"Name", "Customer", "Purchase Date"}',
    ],
    ['Text.Split("a||b|", "|")', '{"a", "", "b", ""}'],
    ['Text.Split("", ",")', '{""}'],
    ['Text.Split("abc", "")', '{"abc"}'],
    ['Text.Split(null, ",")', NULL_TO_TEXT],
    [
      'Text.SplitAny("Name|Customer ID|Purchase|Month-Day-Year", "|-")',
      '{"Name", "Customer ID", "Purchase", "Month", "Day", "Year"}',
    ],
    ['Text.SplitAny("a,,b", ",")', '{"a", "", "b"}'],
    ['Text.SplitAny("abc", "")', '{"abc"}'],
    ['Text.Combine({"Seattle", "WA"})', '"SeattleWA"'],
    ['Text.Combine({"Seattle", "WA"}, ", ")', '"Seattle, WA"'],
    ['Text.Combine({"Seattle", null, "WA"}, ", ")', '"Seattle, WA"'],
    ['Text.Combine({}, ", ")', '""'],
    ['Text.Combine({"a", "b"}, null)', '"ab"'],
    [
      'Text.Combine({"a", 1})',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Text.Combine(null)',
      'error [Expression.Error] We cannot convert the value null to type List.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text function types', () => {
  it.each([
    [
      'Value.Type(Text.Middle)',
      'type function (text as nullable text, start as number, optional count as nullable number) as nullable text',
    ],
    [
      'Value.Type(Text.Combine)',
      'type function (texts as list, optional separator as nullable text) as text',
    ],
    [
      'Text.Start("a")',
      'error [Expression.Error] 1 arguments were passed to a function which expects 2.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('characters are UTF-16 code units', () => {
  it.each([
    ['Text.ToList("a😀")', '{"a", "#(D83D)", "#(DE00)"}'],
    ['Text.Remove("a😀b", "😀")', '"ab"'],
    ['Text.Trim("😀a😀", "😀")', '"a"'],
    ['Text.Select("a😀b", {"a", "b"})', '"ab"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

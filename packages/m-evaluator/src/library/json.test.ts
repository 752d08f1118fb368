import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Json.Document', () => {
  it.each([
    [
      'Json.Document("{""project"": ""Contosoware"", ""components"": [""Website"", ""CRM""]}")',
      '[project = "Contosoware", components = {"Website", "CRM"}]',
    ],
    ['Json.Document("[1, -2.5, 3e2, true, false, null]")', '{1, -2.5, 300, true, false, null}'],
    ['Json.Document(""" a\\""b\\\\c\\n\\u00e9\\ud83d\\ude00 """)', '" a""b\\c#(lf)é😀 "'],
    ['Json.Document("  42  ")', '42'],
    ['Json.Document("{}")', '[]'],
    ['Json.Document("[]")', '{}'],
    ['Json.Document("{""z"": 1, ""a"": 2, ""10"": 3}")[#"10"]', '3'],
    ['Json.Document("{""z"": 1, ""10"": 3, ""a"": 2}") = [z = 1, #"10" = 3, a = 2]', 'true'],
    ['Json.Document("{""z"": 1, ""a"": 2}")', '[z = 1, a = 2]'],
    ['Json.Document("{""a"": {""b"": [{}]}}")[a][b]{0}', '[]'],
    ['Json.Document(Text.ToBinary("{""x"": ""é""}"))', '[x = "é"]'],
    ['Json.Document(Text.ToBinary("[""é""]", TextEncoding.Utf16, true))', '{"é"}'],
    [
      'Json.Document(Text.ToBinary("[""é""]", TextEncoding.Windows), TextEncoding.Windows)',
      '{"é"}',
    ],
    ['Json.Document("#(FEFF)[1]")', '{1}'],
    [
      'Json.Document("[1, 2")',
      'error [DataFormat.Error] We reached the end of the JSON input before the value was complete.',
    ],
    [
      'Json.Document("[1 2]")',
      'error [DataFormat.Error] We found an unexpected character in the JSON input.',
    ],
    [
      'Json.Document("{""a"": 1} x")',
      'error [DataFormat.Error] We found extra characters at the end of the JSON input.',
    ],
    [
      'Json.Document("{a: 1}")',
      'error [DataFormat.Error] We found an unexpected character in the JSON input.',
    ],
    [
      'Json.Document("[01]")',
      'error [DataFormat.Error] We found an unexpected character in the JSON input.',
    ],
    [
      'Json.Document("")',
      'error [DataFormat.Error] We reached the end of the JSON input before the value was complete.',
    ],
    [
      'Json.Document("{""a"": 1, ""a"": 2}")',
      "error [Expression.Error] The field 'a' already exists in the record.",
    ],
    [
      'Json.Document(1)',
      'error [Expression.Error] Json.Document takes a text or a binary, not a value of type Number.',
    ],
    ['(try Json.Document("[1,]"))[Error][Detail]', '[Value = "]", Position = 3]'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Json.FromValue', () => {
  const json = (value: string): string => `Text.FromBinary(Json.FromValue(${value}))`;
  it.each([
    [
      json('[A = {1, true, "3"}, B = #date(2012, 3, 25)]'),
      '"{""A"":[1,true,""3""],""B"":""2012-03-25""}"',
    ],
    [json('null'), '"null"'],
    [json('"a""b\\c#(lf)#(tab)#(0001)é"'), '"""a\\""b\\\\c\\n\\t\\u0001é"""'],
    [
      json('{1.5, -0.25, 1e21, 1e-7, 123456789012, #infinity, #nan}'),
      '"[1.5,-0.25,1E+21,1E-07,123456789012,null,null]"',
    ],
    [json('#datetime(2024, 1, 31, 13, 5, 0)'), '"""2024-01-31T13:05:00"""'],
    [json('#datetime(2024, 1, 31, 13, 5, 1.25)'), '"""2024-01-31T13:05:01.25"""'],
    [json('#datetimezone(2024, 1, 31, 13, 5, 0, -5, -30)'), '"""2024-01-31T13:05:00-05:30"""'],
    [json('#time(9, 8, 7)'), '"""09:08:07"""'],
    [json('#duration(1, 2, 3, 4.5)'), '"""P1DT2H3M4.5S"""'],
    [json('#duration(0, 0, 0, 0)'), '"""PT0S"""'],
    [json('-#duration(2, 0, 0, 0)'), '"""-P2D"""'],
    [json('#binary({1, 2, 3})'), '"""AQID"""'],
    [
      json('#table({"a", "b"}, {{1, "x"}, {2, null}})'),
      '"[{""a"":1,""b"":""x""},{""a"":2,""b"":null}]"',
    ],
    [json('[]'), '"{}"'],
    [json('{}'), '"[]"'],
    [json('[#"a b" = [c = {}]]'), '"{""a b"":{""c"":[]}}"'],
    ['Binary.ToList(Json.FromValue("é", TextEncoding.Utf16))', '{34, 0, 233, 0, 34, 0}'],
    [
      json('Text.Upper'),
      'error [Expression.Error] We cannot convert a value of type Function to JSON.',
    ],
    [json('type text'), 'error [Expression.Error] We cannot convert a value of type Type to JSON.'],
    [json('[a = error "boom"]'), 'error [Expression.Error] boom'],
    ['Json.Document(Json.FromValue([a = {1, "x"}, b = null]))', '[a = {1, "x"}, b = null]'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

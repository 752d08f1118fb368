import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Binary text forms and lists', () => {
  it.each([
    ['Binary.From("1011") = Binary.FromText("1011", BinaryEncoding.Base64)', 'true'],
    ['Binary.From("1011")', '#binary("1011")'],
    ['Binary.From(#binary({1}))', '#binary("AQ==")'],
    ['Binary.From("1011", BinaryEncoding.Hex)', '#binary("EBE=")'],
    ['Binary.From(null)', 'null'],
    ['Binary.From(1)', 'error [Expression.Error] We cannot convert the value 1 to type Binary.'],
    ['Binary.FromText("1011")', '#binary("1011")'],
    [
      'Binary.FromText("1011", BinaryEncoding.Hex) = Binary.FromText("EBE=", BinaryEncoding.Base64)',
      'true',
    ],
    ['Binary.ToList(Binary.FromText("0aFF", BinaryEncoding.Hex))', '{10, 255}'],
    ['Binary.ToList(Binary.FromText("AQID"))', '{1, 2, 3}'],
    ['Binary.ToList(Binary.FromText("AQI"))', '{1, 2}'],
    ['Binary.ToList(Binary.FromText(" AQ ID "))', '{1, 2, 3}'],
    ['Binary.FromText(null)', 'null'],
    ['Binary.FromText("A$")', 'error [DataFormat.Error] The text is not valid base64.'],
    [
      'Binary.FromText("ABC", BinaryEncoding.Hex)',
      'error [DataFormat.Error] The text is not valid hexadecimal (two digits for each byte).',
    ],
    [
      'Binary.FromText("AQID", 2)',
      'error [Expression.Error] The binary encoding must be BinaryEncoding.Base64 or BinaryEncoding.Hex.',
    ],
    ['Binary.ToText(#binary({1, 2, 3}))', '"AQID"'],
    ['Binary.ToText(#binary({1, 2, 3}), BinaryEncoding.Base64)', '"AQID"'],
    ['Binary.ToText(#binary({1, 171, 255}), BinaryEncoding.Hex)', '"01abff"'],
    ['Binary.ToText(null)', 'null'],
    ['Binary.FromList({0..10}) = #binary({0..10})', 'true'],
    ['Binary.ToList(Binary.FromList({0, 127, 255}))', '{0, 127, 255}'],
    ['Binary.FromList({})', '#binary("")'],
    [
      'Binary.FromList({256})',
      'error [Expression.Error] Each item must be a whole number from 0 to 255.',
    ],
    [
      'Binary.FromList({"a"})',
      'error [Expression.Error] We cannot convert the value "a" to type Number.',
    ],
    ['Binary.ToList(#binary({}))', '{}'],
    ['BinaryEncoding.Base64', '0'],
    ['BinaryEncoding.Hex', '1'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Binary length, range, combine, split, buffer', () => {
  it.each([
    ['Binary.Buffer(Binary.FromList({0..10})) = #binary({0..10})', 'true'],
    ['Binary.Buffer(null)', 'null'],
    ['Binary.Length(#binary({1, 2, 3}))', '3'],
    ['Binary.Length(null)', 'null'],
    ['Binary.ApproximateLength(Binary.FromText("i45WMlSKjQUA", BinaryEncoding.Base64))', '9'],
    ['Binary.ApproximateLength(null)', 'null'],
    ['Binary.Range(#binary({0..10}), 6) = #binary({6, 7, 8, 9, 10})', 'true'],
    ['Binary.Range(#binary({0..10}), 6, 2) = #binary({6, 7})', 'true'],
    ['Binary.Range(#binary({0..10}), 9, 5) = #binary({9, 10})', 'true'],
    ['Binary.Range(#binary({0..10}), 11) = #binary({})', 'true'],
    [
      'Binary.Range(#binary({0, 1}), 3)',
      'error [Expression.Error] The offset 3 is past the end of the binary, which has 2 bytes.',
    ],
    [
      'Binary.Range(#binary({0, 1}), -1)',
      'error [Expression.Error] The offset cannot be negative.',
    ],
    ['Binary.Combine({#binary({1}), #binary({2, 3}), #binary({})}) = #binary({1, 2, 3})', 'true'],
    ['Binary.Combine({})', '#binary("")'],
    [
      'Binary.Combine({#binary({1}), null})',
      'error [Expression.Error] We cannot convert the value null to type Binary.',
    ],
    ['List.Transform(Binary.Split(#binary({1..5}), 2), Binary.ToList)', '{{1, 2}, {3, 4}, {5}}'],
    ['List.Count(Binary.Split(#binary({1..5}), 5))', '1'],
    ['Binary.Split(#binary({}), 3)', '{}'],
    ['Binary.Split(#binary({1}), 0)', 'error [Expression.Error] The page size must be 1 or more.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Binary.Compress, Binary.Decompress, Compression', () => {
  it.each([
    [
      'Binary.Compress(Binary.FromList(List.Repeat({10}, 1000)), Compression.Deflate) = #binary({227, 226, 26, 5, 163, 96, 20, 12, 119, 0, 0})',
      'true',
    ],
    [
      'Binary.Decompress(#binary({115, 103, 200, 7, 194, 20, 134, 36, 134, 74, 134, 84, 6, 0}), Compression.Deflate) = #binary({71, 0, 111, 0, 111, 0, 100, 0, 98, 0, 121, 0, 101, 0})',
      'true',
    ],
    [
      'Text.FromBinary(Binary.Decompress(Binary.Compress(Text.ToBinary("hello hello"), Compression.GZip), Compression.GZip))',
      '"hello hello"',
    ],
    [
      'Binary.ToList(Binary.Range(Binary.Compress(#binary({1}), Compression.GZip), 0, 2))',
      '{31, 139}',
    ],
    [
      'Text.FromBinary(Binary.Decompress(Binary.Compress(Text.ToBinary("brötli"), Compression.Brotli), Compression.Brotli))',
      '"brötli"',
    ],
    ['Binary.Compress(#binary({1, 2}), Compression.None) = #binary({1, 2})', 'true'],
    ['Binary.Compress(null, Compression.GZip)', 'null'],
    ['Binary.Decompress(null, Compression.GZip)', 'null'],
    [
      'Binary.Decompress(#binary({1, 2, 3}), Compression.GZip)',
      'error [DataFormat.Error] The data could not be decompressed: incorrect header check.',
    ],
    [
      'Binary.Compress(#binary({1}), Compression.Snappy)',
      'error [Expression.Error] Snappy compression is not supported by this engine.',
    ],
    [
      'Binary.Compress(#binary({1}), 9)',
      'error [Expression.Error] The compression type must be one of the Compression values.',
    ],
    [
      '{Compression.None, Compression.GZip, Compression.Deflate, Compression.Snappy}',
      '{-1, 0, 1, 2}',
    ],
    ['{Compression.Brotli, Compression.LZ4, Compression.Zstandard}', '{3, 4, 5}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Binary.InferContentType, Binary.View', () => {
  it.each([
    [
      'Binary.InferContentType(Text.ToBinary("a,b#(lf)c,d"))',
      '[Content.Type = "text/csv", Content.Encoding = 65001]',
    ],
    [
      'Binary.InferContentType(Text.ToBinary("hello there"))',
      '[Content.Type = "text/plain", Content.Encoding = 65001]',
    ],
    [
      'Binary.InferContentType(Text.ToBinary("{""a"": 1}", TextEncoding.Utf16, true))',
      '[Content.Type = "application/json", Content.Encoding = 1200]',
    ],
    ['Binary.InferContentType(Text.ToBinary("<html><body/></html>"))[Content.Type]', '"text/html"'],
    [
      'Binary.InferContentType(Text.ToBinary("<?xml version=""1.0""?><a/>"))[Content.Type]',
      '"text/xml"',
    ],
    ['Binary.InferContentType(Text.ToBinary("%PDF-1.7"))', '[Content.Type = "application/pdf"]'],
    [
      'Binary.InferContentType(#binary({137, 80, 78, 71, 13, 10, 26, 10, 0}))',
      '[Content.Type = "image/png"]',
    ],
    [
      'Binary.InferContentType(Binary.Compress(#binary({1}), Compression.GZip))',
      '[Content.Type = "application/gzip"]',
    ],
    [
      'Binary.InferContentType(Binary.Combine({#binary({80, 75, 3, 4}), Text.ToBinary("xl/workbook.xml")}))',
      '[Content.Type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]',
    ],
    [
      'Binary.InferContentType(#binary({0, 1, 2, 255}))',
      '[Content.Type = "application/octet-stream"]',
    ],
    [
      'Binary.View(null, [GetLength = () => 12, GetStream = () => Text.ToBinary("hello world!")]) = Text.ToBinary("hello world!")',
      'true',
    ],
    ['Binary.View(#binary({1}), []) = #binary({1})', 'true'],
    ['Binary.View(#binary({1}), [GetStream = () => error "no"]) = #binary({1})', 'true'],
    [
      'Binary.View(null, [])',
      'error [Expression.Error] A view of a null binary needs a GetStream handler.',
    ],
    [
      'Binary.ViewError([Reason = "x", Message = "m", Detail = null])',
      '[Reason = "x", Message = "m", Detail = null]',
    ],
    ['Binary.ViewFunction(Text.Upper)("a")', '"A"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

describe('Text.Lower, Text.Upper, Text.Proper', () => {
  it.each([
    ['Text.Lower("AbCd")', '"abcd"'],
    ['Text.Lower(null)', 'null'],
    ['Text.Lower("ÀÉÎÕÜ")', '"àéîõü"'],
    ['Text.Lower("ΣΑΣ")', '"σασ"'],
    ['Text.Lower("İ")', '"i"'],
    ['Text.Lower("TITLE", "en-US")', '"title"'],
    ['Text.Lower("TITLE", "tr-TR")', '"tıtle"'],
    ['Text.Lower("İSTANBUL", "tr-TR")', '"istanbul"'],
    ['Text.Lower("ÄÖÜ", "de-DE")', '"äöü"'],
    ['Text.Lower("ÉLÈVE", "fr-FR")', '"élève"'],
    ['Text.Upper("aBcD")', '"ABCD"'],
    ['Text.Upper(null)', 'null'],
    ['Text.Upper("straße")', '"STRAßE"'],
    ['Text.Upper("straße", "de-DE")', '"STRAßE"'],
    ['Text.Upper("élève", "fr-FR")', '"ÉLÈVE"'],
    ['Text.Upper("istanbul", "en-US")', '"ISTANBUL"'],
    ['Text.Upper("istanbul", "tr-TR")', '"İSTANBUL"'],
    ['Text.Upper("ﬁ")', '"ﬁ"'],
    ['Text.Upper("a", "")', '"A"'],
    [
      'Text.Upper("a", "not a culture!")',
      "error [Expression.Error] The culture 'not a culture!' is not a valid culture name.",
    ],
    ['Text.Upper("a", 1)', 'error [Expression.Error] We cannot convert the value 1 to type Text.'],
    [
      'Text.Proper("the QUICK BrOWn fOx jUmPs oVER tHe LAzy DoG")',
      '"The Quick Brown Fox Jumps Over The Lazy Dog"',
    ],
    ['Text.Proper("hello-world o\'neil 1st a1b")', '"Hello-World O\'neil 1St A1b"'],
    ['Text.Proper("  multiple   spaces ")', '"  Multiple   Spaces "'],
    ['Text.Proper("ǆungla")', '"ǅungla"'],
    ['Text.Proper("istanbul izmir", "tr-TR")', '"İstanbul İzmir"'],
    ['Text.Proper("ÉCOLE ÉLÉMENTAIRE", "fr-FR")', '"École Élémentaire"'],
    ['Text.Proper("GROßE STRAßE", "de-DE")', '"Große Straße"'],
    ['Text.Proper(null)', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('uses the culture of the evaluation by default', () => {
    expect(m('Text.Upper("i")', { culture: 'tr-TR' })).toBe('"İ"');
    expect(m('Text.Upper("i")', { culture: 'de-DE' })).toBe('"I"');
  });
});

describe('Text.ToBinary, Text.FromBinary', () => {
  it.each([
    [
      'Binary.ToText(Text.ToBinary("Testing 1-2-3"), BinaryEncoding.Base64)',
      '"VGVzdGluZyAxLTItMw=="',
    ],
    ['Text.FromBinary(Text.ToBinary("Testing 1-2-3"))', '"Testing 1-2-3"'],
    [
      'Binary.ToText(Text.ToBinary("Testing 1-2-3", TextEncoding.Utf16, true), BinaryEncoding.Hex)',
      '"fffe540065007300740069006e006700200031002d0032002d003300"',
    ],
    [
      'Text.FromBinary(Text.ToBinary("Testing 1-2-3", TextEncoding.Utf16, true), TextEncoding.Utf16)',
      '"Testing 1-2-3"',
    ],
    ['Text.FromBinary(Text.ToBinary("Ünïcødé", TextEncoding.Utf16, true))', '"Ünïcødé"'],
    ['Binary.ToList(Text.ToBinary("é", TextEncoding.Utf8, true))', '{239, 187, 191, 195, 169}'],
    ['Binary.ToList(Text.ToBinary("é"))', '{195, 169}'],
    ['Binary.ToList(Text.ToBinary("Aé", TextEncoding.BigEndianUnicode))', '{0, 65, 0, 233}'],
    [
      'Binary.ToList(Text.ToBinary("Aé", TextEncoding.BigEndianUnicode, true))',
      '{254, 255, 0, 65, 0, 233}',
    ],
    ['Binary.ToList(Text.ToBinary("é€", TextEncoding.Windows))', '{233, 128}'],
    ['Binary.ToList(Text.ToBinary("é€😀", TextEncoding.Ascii))', '{63, 63, 63}'],
    ['Binary.ToList(Text.ToBinary("é€", 28591))', '{233, 63}'],
    ['Binary.ToList(Text.ToBinary("Ω", 1253))', '{217}'],
    ['Binary.ToList(Text.ToBinary("A", 12000))', '{65, 0, 0, 0}'],
    ['Text.FromBinary(#binary({233, 128, 129}), TextEncoding.Windows)', '"é€#(0081)"'],
    ['Text.FromBinary(#binary({72, 233}), TextEncoding.Ascii)', '"H?"'],
    ['Text.FromBinary(#binary({217}), 1253)', '"Ω"'],
    ['Text.FromBinary(#binary({130, 160}), 932)', '"あ"'],
    ['Text.FromBinary(#binary({255}))', '"\uFFFD"'],
    ['Text.FromBinary(#binary({254, 255, 0, 65}))', '"A"'],
    ['Text.FromBinary(#binary({239, 187, 191, 65}), TextEncoding.Utf8)', '"A"'],
    ['Text.ToBinary(null)', 'null'],
    ['Text.FromBinary(null)', 'null'],
    [
      'Text.ToBinary("a", 12345)',
      'error [Expression.Error] The text encoding 12345 is not supported. Use one of the TextEncoding values or another Windows code page that this engine knows.',
    ],
    [
      'Text.ToBinary("a", 932)',
      'error [Expression.Error] Text can be decoded from the code page 932, but not encoded to it.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Text.NewGuid, Text.InferNumberType', () => {
  it('makes version 4 GUIDs from the seeded random numbers', () => {
    const guid = m('Text.NewGuid()');
    expect(guid).toMatch(/^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
    expect(m('Text.NewGuid()')).toBe(guid);
    expect(m('Text.NewGuid()', { seed: 7 })).not.toBe(guid);
    expect(m('Text.NewGuid() = Text.NewGuid()')).toBe('false');
  });

  it.each([
    ['Text.InferNumberType("1")', 'Int64.Type'],
    ['Text.InferNumberType("-1,234")', 'Int64.Type'],
    ['Text.InferNumberType("1.5")', 'Double.Type'],
    ['Text.InferNumberType("1e3")', 'Double.Type'],
    ['Text.InferNumberType("99999999999999999999")', 'Double.Type'],
    ['Text.InferNumberType("12%")', 'Percentage.Type'],
    ['Text.InferNumberType("1,5", "de-DE")', 'Double.Type'],
    ['Text.InferNumberType("1.234", "de-DE")', 'Int64.Type'],
    ['Text.InferNumberType("1 234,5", "fr-FR")', 'Double.Type'],
    [
      'Text.InferNumberType("1,5", "en-US")',
      "error [DataFormat.Error] We couldn't convert to Number.",
    ],
    ['Text.InferNumberType("abc")', "error [DataFormat.Error] We couldn't convert to Number."],
    ['Text.InferNumberType("")', "error [DataFormat.Error] We couldn't convert to Number."],
    ['Text.InferNumberType("1") = type number', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

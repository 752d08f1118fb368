import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const END = 'error [DataFormat.Error] We reached the end of the buffer.';

/** Reads `bytes` (an M list of numbers) with the format `format` (an M expression). */
function read(format: string, bytes: string): string {
  return m(`let data = #binary(${bytes}), format = ${format} in format(data)`);
}

describe('BinaryFormat.Binary and BinaryFormat.Text', () => {
  it.each([
    ['BinaryFormat.Binary()', '{1, 2, 3}', '#binary("AQID")'],
    ['BinaryFormat.Binary(null)', '{1, 2, 3}', '#binary("AQID")'],
    ['BinaryFormat.Binary(2)', '{1, 2, 3}', '#binary("AQI=")'],
    ['BinaryFormat.Binary(0)', '{1, 2, 3}', '#binary("")'],
    ['BinaryFormat.Binary(BinaryFormat.Byte)', '{2, 9, 8, 7}', '#binary("CQg=")'],
    ['BinaryFormat.Binary(4)', '{1, 2, 3}', END],
    ['BinaryFormat.Binary(BinaryFormat.Byte)', '{3, 1}', END],
    ['BinaryFormat.Text(2, TextEncoding.Ascii)', '{65, 66, 67}', '"AB"'],
    ['BinaryFormat.Text(BinaryFormat.Byte, TextEncoding.Ascii)', '{2, 65, 66}', '"AB"'],
    ['BinaryFormat.Text(3)', '{0x68, 0xC3, 0xA9}', '"hé"'],
    ['BinaryFormat.Text(5)', '{0xEF, 0xBB, 0xBF, 0x68, 0x69}', '"hi"'],
    ['BinaryFormat.Text(6)', '{0xFF, 0xFE, 0x68, 0, 0x69, 0}', '"hi"'],
    ['BinaryFormat.Text(4, TextEncoding.Unicode)', '{0x68, 0, 0x69, 0}', '"hi"'],
    ['BinaryFormat.Text(4, TextEncoding.BigEndianUnicode)', '{0, 0x68, 0, 0x69}', '"hi"'],
    ['BinaryFormat.Text(1, TextEncoding.Ascii)', '{0xE9}', '"?"'],
    ['BinaryFormat.Text(0)', '{}', '""'],
    ['BinaryFormat.Text(3, TextEncoding.Ascii)', '{65, 66}', END],
    [
      'BinaryFormat.Binary(-1)',
      '{1}',
      'error [Expression.Error] The length of BinaryFormat.Binary cannot be negative.',
    ],
    [
      'BinaryFormat.Binary(1.5)',
      '{1}',
      'error [Expression.Error] The length of BinaryFormat.Binary must be a whole number.',
    ],
    [
      'BinaryFormat.Binary("2")',
      '{1}',
      'error [Expression.Error] The length of BinaryFormat.Binary must be a number or a binary format.',
    ],
    [
      'BinaryFormat.Text(null)',
      '{1}',
      'error [Expression.Error] The length of BinaryFormat.Text must be a number or a binary format.',
    ],
    [
      'BinaryFormat.Text(BinaryFormat.Text(1))',
      '{65, 66}',
      'error [Expression.Error] The length of BinaryFormat.Text read from the data must be a number.',
    ],
    [
      'BinaryFormat.Text(1, 12345)',
      '{65}',
      'error [Expression.Error] The text encoding 12345 is not supported. Use one of the TextEncoding values or another Windows code page that this engine knows.',
    ],
    [
      'BinaryFormat.Text(1, "utf-8")',
      '{65}',
      'error [Expression.Error] We cannot convert the value "utf-8" to type Number.',
    ],
  ])('%s over %s = %s', (format, bytes, expected) => {
    expect(read(format, bytes)).toBe(expected);
  });
});

describe('BinaryFormat.Length', () => {
  it.each([
    ['BinaryFormat.Length(BinaryFormat.List(BinaryFormat.Byte), 2)', '{1, 2, 3}', '{1, 2}'],
    [
      'BinaryFormat.Length(BinaryFormat.List(BinaryFormat.Byte), BinaryFormat.Byte)',
      '{1, 2, 3}',
      '{2}',
    ],
    ['BinaryFormat.Length(BinaryFormat.Binary(), 2)', '{1, 2, 3}', '#binary("AQI=")'],
    [
      'BinaryFormat.Record([A = BinaryFormat.Length(BinaryFormat.List(BinaryFormat.Byte), 2), B = BinaryFormat.Byte])',
      '{1, 2, 3}',
      '[A = {1, 2}, B = 3]',
    ],
    [
      'BinaryFormat.Record([A = BinaryFormat.Length(BinaryFormat.Byte, 3), B = BinaryFormat.Byte])',
      '{1, 2, 3, 4}',
      '[A = 1, B = 4]',
    ],
    ['BinaryFormat.Length(BinaryFormat.UnsignedInteger32, 2)', '{1, 2, 3, 4}', END],
    ['BinaryFormat.Length(BinaryFormat.List(BinaryFormat.Byte), 4)', '{1, 2, 3}', END],
    [
      'BinaryFormat.Length(BinaryFormat.ByteOrder(BinaryFormat.UnsignedInteger16, ByteOrder.LittleEndian), BinaryFormat.UnsignedInteger16)',
      '{0, 2, 1, 2}',
      '513',
    ],
    [
      'BinaryFormat.Length((b) => 1, 1)',
      '{1}',
      'error [Expression.Error] The format of BinaryFormat.Length must be a binary format, such as BinaryFormat.Byte or a format that another BinaryFormat function returns.',
    ],
    [
      'BinaryFormat.Length(BinaryFormat.Byte, null)',
      '{1}',
      'error [Expression.Error] The length of BinaryFormat.Length must be a number or a binary format.',
    ],
  ])('%s over %s = %s', (format, bytes, expected) => {
    expect(read(format, bytes)).toBe(expected);
  });
});

describe('BinaryFormat.List', () => {
  it.each([
    ['BinaryFormat.List(BinaryFormat.Byte)', '{1, 2, 3}', '{1, 2, 3}'],
    ['BinaryFormat.List(BinaryFormat.Byte, 2)', '{1, 2, 3}', '{1, 2}'],
    ['BinaryFormat.List(BinaryFormat.Byte, (x) => x < 2)', '{1, 2, 3}', '{1, 2}'],
    ['BinaryFormat.List(BinaryFormat.Byte, BinaryFormat.Byte)', '{2, 5, 6, 7}', '{5, 6}'],
    ['BinaryFormat.List(BinaryFormat.Byte)', '{}', '{}'],
    ['BinaryFormat.List(BinaryFormat.Byte, 0)', '{}', '{}'],
    ['BinaryFormat.List(BinaryFormat.Byte, each true)', '{1, 2}', '{1, 2}'],
    ['BinaryFormat.List(BinaryFormat.Byte, each false)', '{1, 2}', '{1}'],
    ['BinaryFormat.List(BinaryFormat.UnsignedInteger16)', '{0, 1, 0, 2}', '{1, 2}'],
    [
      'BinaryFormat.List(BinaryFormat.Record([A = BinaryFormat.Byte, B = BinaryFormat.Byte]), 2)',
      '{1, 2, 3, 4}',
      '{[A = 1, B = 2], [A = 3, B = 4]}',
    ],
    ['BinaryFormat.List(BinaryFormat.Byte, 4)', '{1, 2, 3}', END],
    ['BinaryFormat.List(BinaryFormat.UnsignedInteger16)', '{0, 1, 0}', END],
    ['BinaryFormat.List(BinaryFormat.Byte, BinaryFormat.Byte)', '{3, 5, 6}', END],
    [
      'BinaryFormat.List(BinaryFormat.Byte, -1)',
      '{1}',
      'error [Expression.Error] The count of BinaryFormat.List cannot be negative.',
    ],
    [
      'BinaryFormat.List(BinaryFormat.Byte, "2")',
      '{1}',
      'error [Expression.Error] The count of BinaryFormat.List must be a number or a binary format.',
    ],
    [
      'BinaryFormat.List(BinaryFormat.Byte, each null)',
      '{1}',
      'error [Expression.Error] We cannot convert the value null to type Logical.',
    ],
    [
      'BinaryFormat.List(BinaryFormat.Null)',
      '{1}',
      'error [Expression.Error] BinaryFormat.List cannot repeat an item format that reads no bytes until the end of the data.',
    ],
    ['BinaryFormat.List(BinaryFormat.Null, 2)', '{}', '{null, null}'],
    [
      'BinaryFormat.List(each _)',
      '{1}',
      'error [Expression.Error] The item format of BinaryFormat.List must be a binary format, such as BinaryFormat.Byte or a format that another BinaryFormat function returns.',
    ],
  ])('%s over %s = %s', (format, bytes, expected) => {
    expect(read(format, bytes)).toBe(expected);
  });
});

describe('BinaryFormat.Record and BinaryFormat.Transform', () => {
  it.each([
    [
      'BinaryFormat.Record([A = BinaryFormat.UnsignedInteger16, B = BinaryFormat.UnsignedInteger32])',
      '{0x00, 0x01, 0x00, 0x00, 0x00, 0x02}',
      '[A = 1, B = 2]',
    ],
    [
      'BinaryFormat.Record([Kind = "point", X = BinaryFormat.Byte, Scale = 10, Y = BinaryFormat.Byte])',
      '{3, 4}',
      '[Kind = "point", X = 3, Scale = 10, Y = 4]',
    ],
    ['BinaryFormat.Record([])', '{1}', '[]'],
    [
      'BinaryFormat.Record([A = BinaryFormat.Byte, B = BinaryFormat.UnsignedInteger16])',
      '{1, 2}',
      END,
    ],
    ['BinaryFormat.Record([A = BinaryFormat.Byte meta [Note = "x"]])', '{9}', '[A = 9]'],
    ['BinaryFormat.Transform(BinaryFormat.Byte, (x) => x + 1)', '{1}', '2'],
    ['BinaryFormat.Transform(BinaryFormat.List(BinaryFormat.Byte), List.Sum)', '{1, 2, 3}', '6'],
    [
      'BinaryFormat.Transform(BinaryFormat.Byte, (x) => error "bad byte")',
      '{1}',
      'error [Expression.Error] bad byte',
    ],
    [
      'BinaryFormat.Transform(BinaryFormat.Byte, (x, y) => x)',
      '{1}',
      'error [Expression.Error] 1 arguments were passed to a function which expects 2.',
    ],
    [
      'BinaryFormat.Record(null)',
      '{1}',
      'error [Expression.Error] We cannot convert the value null to type Record.',
    ],
  ])('%s over %s = %s', (format, bytes, expected) => {
    expect(read(format, bytes)).toBe(expected);
  });
});

describe('BinaryFormat.Choice', () => {
  it.each([
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (length) => BinaryFormat.List(BinaryFormat.Byte, length))',
      '{2, 3, 4, 5}',
      '{3, 4}',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (length) => BinaryFormat.Record([length = length, list = BinaryFormat.List(BinaryFormat.Byte, length)]))',
      '{2, 3, 4, 5}',
      '[length = 2, list = {3, 4}]',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (length) => BinaryFormat.List(BinaryFormat.Byte, length), type list)',
      '{2, 3, 4, 5}',
      '{3, 4}',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (length) => BinaryFormat.Binary(length), type binary)',
      '{2, 3, 4, 5}',
      '#binary("AwQ=")',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (kind) => if kind = 1 then BinaryFormat.Byte else BinaryFormat.UnsignedInteger16, type any, (kind, value) => {kind, value})',
      '{2, 1, 0}',
      '{2, 256}',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (kind) => if kind = 1 then BinaryFormat.Byte else BinaryFormat.UnsignedInteger16, null, null)',
      '{1, 7}',
      '7',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (n) => BinaryFormat.List(BinaryFormat.Byte, n))',
      '{3, 1}',
      END,
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (n) => n)',
      '{1, 2}',
      'error [Expression.Error] The value the choice function of BinaryFormat.Choice returns must be a binary format, such as BinaryFormat.Byte or a format that another BinaryFormat function returns.',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (n) => BinaryFormat.Byte, type number)',
      '{1, 2}',
      'error [Expression.Error] The type of BinaryFormat.Choice must be type any, type list or type binary.',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, (n) => BinaryFormat.Byte, type nullable list)',
      '{1, 2}',
      'error [Expression.Error] The type of BinaryFormat.Choice must be type any, type list or type binary.',
    ],
    [
      'BinaryFormat.Choice(BinaryFormat.Byte, null)',
      '{1, 2}',
      'error [Expression.Error] We cannot convert the value null to type Function.',
    ],
  ])('%s over %s = %s', (format, bytes, expected) => {
    expect(read(format, bytes)).toBe(expected);
  });
});

describe('BinaryFormat.ByteOrder', () => {
  it.each([
    ['BinaryFormat.UnsignedInteger16', '{1, 2}', '258'],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.UnsignedInteger16, ByteOrder.BigEndian)',
      '{1, 2}',
      '258',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.UnsignedInteger16, ByteOrder.LittleEndian)',
      '{1, 2}',
      '513',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.SignedInteger32, ByteOrder.LittleEndian)',
      '{0xFE, 0xFF, 0xFF, 0xFF}',
      '-2',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.SignedInteger64, ByteOrder.LittleEndian)',
      '{0, 1, 0, 0, 0, 0, 0, 0}',
      '256',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.Double, ByteOrder.LittleEndian)',
      '{0, 0, 0, 0, 0, 0, 0xF8, 0x3F}',
      '1.5',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.Single, ByteOrder.LittleEndian)',
      '{0, 0, 0xC0, 0x3F}',
      '1.5',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.Record([A = BinaryFormat.UnsignedInteger16, B = BinaryFormat.UnsignedInteger32]), ByteOrder.LittleEndian)',
      '{1, 0, 2, 0, 0, 0}',
      '[A = 1, B = 2]',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.Record([A = BinaryFormat.UnsignedInteger16, B = BinaryFormat.ByteOrder(BinaryFormat.UnsignedInteger16, ByteOrder.BigEndian)]), ByteOrder.LittleEndian)',
      '{1, 0, 0, 2}',
      '[A = 1, B = 2]',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.List(BinaryFormat.UnsignedInteger16, BinaryFormat.UnsignedInteger16), ByteOrder.LittleEndian)',
      '{2, 0, 1, 0, 2, 0}',
      '{1, 2}',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.UnsignedInteger16, 2)',
      '{1, 2}',
      'error [Expression.Error] The byte order must be ByteOrder.LittleEndian (0) or ByteOrder.BigEndian (1).',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.UnsignedInteger16, null)',
      '{1, 2}',
      'error [Expression.Error] We cannot convert the value null to type Number.',
    ],
  ])('%s over %s = %s', (format, bytes, expected) => {
    expect(read(format, bytes)).toBe(expected);
  });
});

describe('BinaryFormat format values', () => {
  it.each([
    [
      'Type.FunctionParameters(Value.Type(BinaryFormat.List(BinaryFormat.Byte)))',
      '[binary = type binary]',
    ],
    ['Type.FunctionReturn(Value.Type(BinaryFormat.Record([])))', 'type any'],
    [
      'Record.FieldNames(Type.FunctionParameters(Value.Type(BinaryFormat.Choice)))',
      '{"binaryFormat", "chooseFunction", "type", "combineFunction"}',
    ],
    ['Type.FunctionRequiredParameters(Value.Type(BinaryFormat.Choice))', '2'],
    ['Type.FunctionRequiredParameters(Value.Type(BinaryFormat.Binary))', '0'],
    ['Type.FunctionReturn(Value.Type(BinaryFormat.Group))', 'type function'],
    [
      'BinaryFormat.List(BinaryFormat.Byte)(null)',
      'error [Expression.Error] We cannot convert the value null to type Binary.',
    ],
    [
      'BinaryFormat.List(BinaryFormat.Byte)()',
      'error [Expression.Error] 0 arguments were passed to a function which expects 1.',
    ],
    [
      'let f = BinaryFormat.List(BinaryFormat.Byte, 1) in {f(#binary({1, 2})), f(#binary({3}))}',
      '{{1}, {3}}',
    ],
    [
      'BinaryFormat.List(Value.ReplaceType(BinaryFormat.Byte, type function (b as binary) as number))(#binary({4, 5}))',
      '{4, 5}',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

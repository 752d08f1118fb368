import { describe, expect, it } from 'vitest';
import { m } from '../../../test/evaluate.js';

const END = 'error [DataFormat.Error] We reached the end of the buffer.';

describe('BinaryFormat integers', () => {
  it.each([
    ['BinaryFormat.Byte(#binary({200}))', '200'],
    ['BinaryFormat.Byte(#binary({7, 8, 9}))', '7'],
    ['BinaryFormat.SignedInteger16(#binary({0xFF, 0xFE}))', '-2'],
    ['BinaryFormat.SignedInteger16(#binary({0x7F, 0xFF}))', '32767'],
    ['BinaryFormat.UnsignedInteger16(#binary({1, 2}))', '258'],
    ['BinaryFormat.UnsignedInteger16(#binary({0xFF, 0xFE}))', '65534'],
    ['BinaryFormat.SignedInteger32(#binary({0xFF, 0xFF, 0xFF, 0xFE}))', '-2'],
    ['BinaryFormat.SignedInteger32(#binary({0x80, 0, 0, 0}))', '-2147483648'],
    ['BinaryFormat.UnsignedInteger32(#binary({0, 0, 1, 0}))', '256'],
    ['BinaryFormat.UnsignedInteger32(#binary({0xFF, 0xFF, 0xFF, 0xFF}))', '4294967295'],
    ['BinaryFormat.SignedInteger64(#binary(List.Repeat({0xFF}, 8)))', '-1'],
    ['BinaryFormat.SignedInteger64(#binary({0, 0, 0, 1, 0, 0, 0, 0}))', '4294967296'],
    ['BinaryFormat.UnsignedInteger64(#binary({0, 0, 0, 0, 0, 0, 1, 0}))', '256'],
    [
      'BinaryFormat.UnsignedInteger64(#binary({0, 0x1F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}))',
      '9007199254740991',
    ],
    [
      'BinaryFormat.UnsignedInteger64(#binary(List.Repeat({0xFF}, 8))) = 18446744073709551615',
      'true',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('BinaryFormat floating point numbers and decimals', () => {
  it.each([
    ['BinaryFormat.Single(#binary({0x3F, 0xC0, 0, 0}))', '1.5'],
    ['BinaryFormat.Single(#binary({0xC1, 0x20, 0, 0}))', '-10'],
    ['BinaryFormat.Single(#binary({0x3D, 0xCC, 0xCC, 0xCD}))', '0.10000000149011612'],
    ['BinaryFormat.Single(#binary({0x7F, 0x80, 0, 0}))', '#infinity'],
    ['BinaryFormat.Double(#binary({0x3F, 0xF8, 0, 0, 0, 0, 0, 0}))', '1.5'],
    [
      'BinaryFormat.Double(#binary({0x40, 0x09, 0x21, 0xFB, 0x54, 0x44, 0x2D, 0x18})) = Number.PI',
      'true',
    ],
    ['Number.IsNaN(BinaryFormat.Double(#binary({0x7F, 0xF8, 0, 0, 0, 0, 0, 0})))', 'true'],
    // Four 32-bit parts in the format's byte order: low, middle, high, flags (scale 2 here).
    ['BinaryFormat.Decimal(#binary({0, 0, 0, 123, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0}))', '1.23'],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.Decimal, ByteOrder.LittleEndian)(#binary({123, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x80}))',
      '-1.23',
    ],
    [
      'BinaryFormat.ByteOrder(BinaryFormat.Decimal, ByteOrder.LittleEndian)(#binary({0x39, 0x30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))',
      '12345',
    ],
    ['BinaryFormat.Decimal(#binary({0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0}))', '1e-28'],
    [
      'BinaryFormat.Decimal(#binary(List.Repeat({0xFF}, 12) & {0, 0, 0, 0})) = 79228162514264337593543950335',
      'true',
    ],
    ['BinaryFormat.Decimal(#binary(List.Repeat({0}, 15) & {0}))', '0'],
    [
      'BinaryFormat.Decimal(#binary(List.Repeat({0}, 12) & {0, 29, 0, 0}))',
      'error [DataFormat.Error] The 16 bytes are not a valid .NET decimal: the scale must be at most 28 and only the sign and scale bits of the flags may be set.',
    ],
    [
      'BinaryFormat.Decimal(#binary(List.Repeat({0}, 12) & {0, 0, 0, 1}))',
      'error [DataFormat.Error] The 16 bytes are not a valid .NET decimal: the scale must be at most 28 and only the sign and scale bits of the flags may be set.',
    ],
    ['BinaryFormat.Decimal(#binary(List.Repeat({0}, 15)))', END],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('BinaryFormat 7-bit encoded integers and Null', () => {
  it.each([
    ['#"BinaryFormat.7BitEncodedUnsignedInteger"(#binary({5}))', '5'],
    ['#"BinaryFormat.7BitEncodedUnsignedInteger"(#binary({0xAC, 0x02}))', '300'],
    ['#"BinaryFormat.7BitEncodedUnsignedInteger"(#binary({0x80, 0x80, 0x01, 9}))', '16384'],
    ['#"BinaryFormat.7BitEncodedSignedInteger"(#binary({0xAC, 0x02}))', '300'],
    ['#"BinaryFormat.7BitEncodedSignedInteger"(#binary(List.Repeat({0xFF}, 9) & {1}))', '-1'],
    [
      '#"BinaryFormat.7BitEncodedUnsignedInteger"(#binary(List.Repeat({0xFF}, 10)))',
      'error [DataFormat.Error] The 7-bit encoded integer is too long: a 64-bit integer takes at most ten bytes.',
    ],
    [
      '#"BinaryFormat.7BitEncodedSignedInteger"(#binary(List.Repeat({0xFF}, 9) & {2}))',
      'error [DataFormat.Error] The 7-bit encoded integer is too long: a 64-bit integer takes at most ten bytes.',
    ],
    ['#"BinaryFormat.7BitEncodedUnsignedInteger"(#binary({0x80}))', END],
    ['BinaryFormat.Null(#binary({}))', 'null'],
    ['BinaryFormat.Null(#binary({1, 2}))', 'null'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('BinaryFormat primitive formats as functions', () => {
  it.each([
    ['BinaryFormat.Byte(#binary({}))', END],
    ['BinaryFormat.UnsignedInteger32(#binary({1, 2, 3}))', END],
    ['BinaryFormat.SignedInteger64(#binary({1}))', END],
    ['BinaryFormat.Double(#binary({}))', END],
    [
      'BinaryFormat.Byte(null)',
      'error [Expression.Error] We cannot convert the value null to type Binary.',
    ],
    [
      'BinaryFormat.Byte("AQ==")',
      'error [Expression.Error] We cannot convert the value "AQ==" to type Binary.',
    ],
    ['try BinaryFormat.Byte(#binary({})) catch (e) => e[Reason]', '"DataFormat.Error"'],
    ['Type.FunctionParameters(Value.Type(BinaryFormat.Byte))', '[binary = type binary]'],
    ['Type.FunctionReturn(Value.Type(BinaryFormat.Decimal))', 'type any'],
    [
      'Record.FieldNames(Type.FunctionParameters(Value.Type(#"BinaryFormat.7BitEncodedSignedInteger")))',
      '{"binary"}',
    ],
    ['Value.Is(BinaryFormat.Null, type function)', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';
import { decodeText, encodeText } from './encoding.js';

describe('TextEncoding', () => {
  it.each([
    ['TextEncoding.Utf16', '1200'],
    ['TextEncoding.Unicode', '1200'],
    ['TextEncoding.BigEndianUnicode', '1201'],
    ['TextEncoding.Windows', '1252'],
    ['TextEncoding.Ascii', '20127'],
    ['TextEncoding.Utf8', '65001'],
    ['TextEncoding.Type', 'type number'],
    [
      'Text.ToBinary("a", 1.5)',
      'error [Expression.Error] The text encoding must be a whole number.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    [65001, 'héllo 😀'],
    [1200, 'héllo 😀'],
    [1201, 'héllo 😀'],
    [12000, 'héllo 😀'],
    [12001, 'héllo 😀'],
    [1252, 'Š€ƒ‰ÿ'],
    [28591, 'ÿé'],
    [1251, 'Привет'],
    [28605, '€Š'],
  ])('round-trips text through code page %i', (codePage, text) => {
    expect(decodeText(encodeText(text, codePage), codePage)).toBe(text);
    expect(decodeText(encodeText(text, codePage, true), codePage)).toBe(text);
  });

  it('maps every Windows-1252 byte and back', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(encodeText(decodeText(bytes, 1252), 1252)).toEqual(bytes);
  });

  it('writes one ? for a character outside a single-byte code page', () => {
    expect(Array.from(encodeText('a😀b', 1252))).toEqual([97, 63, 98]);
  });
});

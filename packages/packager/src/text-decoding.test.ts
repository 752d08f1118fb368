import { describe, expect, it } from 'vitest';
import { decodeText, withoutByteOrderMark } from './text-decoding.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('decodeText', () => {
  it.each([
    ['UTF-8 without a byte-order mark', bytes(0x61, 0xc3, 0xa9), {}, 'aé'],
    ['UTF-8, keeping its byte-order mark', bytes(0xef, 0xbb, 0xbf, 0x61), {}, '\ufeffa'],
    [
      'UTF-8, removing its byte-order mark',
      bytes(0xef, 0xbb, 0xbf, 0x61),
      { removeByteOrderMark: true },
      'a',
    ],
    ['UTF-16 LE by its byte-order mark', bytes(0xff, 0xfe, 0x61, 0x00), {}, 'a'],
    ['UTF-16 BE by its byte-order mark', bytes(0xfe, 0xff, 0x00, 0x61), {}, 'a'],
    [
      'UTF-16 with the mark removed either way',
      bytes(0xff, 0xfe, 0x61, 0x00),
      { removeByteOrderMark: true },
      'a',
    ],
  ])('decodes %s', (_name, input, options, expected) => {
    expect(decodeText(input, options)).toBe(expected);
  });

  it.each([
    ['invalid UTF-8', bytes(0x61, 0xff)],
    ['an odd number of UTF-16 bytes', bytes(0xff, 0xfe, 0x61)],
  ])('returns undefined for %s', (_name, input) => {
    expect(decodeText(input)).toBeUndefined();
    expect(decodeText(input, { removeByteOrderMark: true })).toBeUndefined();
  });
});

describe('withoutByteOrderMark', () => {
  it('removes one leading byte-order mark only', () => {
    expect(withoutByteOrderMark('\ufeff\ufeffa')).toBe('\ufeffa');
    expect(withoutByteOrderMark('a')).toBe('a');
  });
});

import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './png.js';

/** The chunks of a PNG file: type, data, and whether the stored CRC is right. */
function chunks(png: Uint8Array): { type: string; data: Buffer; crcOk: boolean }[] {
  const bytes = Buffer.from(png);
  const found = [];
  let offset = 8;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const stored = bytes.readUInt32BE(offset + 8 + length);
    found.push({ type, data, crcOk: stored === crc32(bytes, offset + 4, offset + 8 + length) });
    offset += 12 + length;
  }
  return found;
}

describe('encodePng', () => {
  it('computes the CRC-32 of PNG (the check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });

  it('writes the signature, IHDR, IDAT and IEND with correct CRCs', () => {
    const pixels = Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 255, 9, 9, 9, 0);
    const png = encodePng({ width: 2, height: 2, pixels });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((part) => [part.type, part.crcOk])).toEqual([
      ['IHDR', true],
      ['IDAT', true],
      ['IEND', true],
    ]);
    const header = parts[0]?.data ?? Buffer.alloc(0);
    expect([header.readUInt32BE(0), header.readUInt32BE(4), ...header.subarray(8)]).toEqual([
      2, 2, 8, 6, 0, 0, 0,
    ]);
    const raw = inflateSync(parts[1]?.data ?? Buffer.alloc(0));
    expect([...raw]).toEqual([0, ...pixels.subarray(0, 8), 0, ...pixels.subarray(8)]);
  });

  it('refuses a size and pixels that do not agree', () => {
    expect(() => encodePng({ width: 2, height: 1, pixels: new Uint8Array(4) })).toThrow(
      'expected 8 bytes of pixels, got 4',
    );
    expect(() => encodePng({ width: 0, height: 1, pixels: new Uint8Array(0) })).toThrow(RangeError);
  });
});

import { deflateSync } from 'node:zlib';

/** An RGBA picture: `pixels` holds 4 bytes a pixel, row by row from the top. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** The CRC-32 of PNG (ISO 3309, polynomial 0xEDB88320), by byte value. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of some bytes, as PNG chunks carry it. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let index = start; index < end; index++) {
    c = (CRC_TABLE[(c ^ (bytes[index] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Encodes an RGBA picture as a PNG file (PNG specification, 2nd edition): the signature, an
 * `IHDR` chunk (8 bits a channel, colour type 6: truecolour with alpha, no interlace), one `IDAT`
 * chunk holding the rows (each with filter type 0) compressed with zlib, and `IEND`.
 *
 * @example
 * ```ts
 * const png = encodePng({ width: 1, height: 1, pixels: Uint8Array.of(255, 0, 0, 255) });
 * ```
 */
export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, pixels } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(
      `a PNG needs a positive whole size, not ${String(width)}×${String(height)}`,
    );
  }
  if (pixels.length !== width * height * 4) {
    throw new RangeError(
      `expected ${String(width * height * 4)} bytes of pixels, got ${String(pixels.length)}`,
    );
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression 0 (deflate), filter method 0, interlace 0: already zero

  const stride = width * 4;
  const raw = new Uint8Array((stride + 1) * height);
  for (let row = 0; row < height; row++) {
    raw[row * (stride + 1)] = 0; // filter type None
    raw.set(pixels.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  const chunks = [
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const total = SIGNATURE.length + chunks.reduce((sum, part) => sum + part.length, 0);
  const file = new Uint8Array(total);
  file.set(SIGNATURE, 0);
  let offset = SIGNATURE.length;
  for (const part of chunks) {
    file.set(part, offset);
    offset += part.length;
  }
  return file;
}

/** A chunk: its length, type, data and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let index = 0; index < 4; index++) bytes[4 + index] = type.charCodeAt(index);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes, 4, 8 + data.length));
  return bytes;
}

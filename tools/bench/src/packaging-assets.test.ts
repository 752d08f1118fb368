import { deflateRawSync } from 'node:zlib';
import { readResx } from '@pqsdk/packager';
import { describe, expect, it } from 'vitest';
import { imageLike, pseudoRandomBytes, resxLike } from './packaging-assets.js';

describe('packaging benchmark assets', () => {
  it('are the same bytes on every run', () => {
    expect(
      Buffer.from(pseudoRandomBytes(64, 7)).equals(Buffer.from(pseudoRandomBytes(64, 7))),
    ).toBe(true);
    expect(
      Buffer.from(pseudoRandomBytes(64, 7)).equals(Buffer.from(pseudoRandomBytes(64, 8))),
    ).toBe(false);
    expect(resxLike(10_000, 3)).toBe(resxLike(10_000, 3));
  });

  it('make image-like content that deflate roughly halves', () => {
    const bytes = imageLike(256 * 1024, 1);
    expect(bytes.length).toBe(256 * 1024);
    const ratio = deflateRawSync(bytes, { level: 9 }).length / bytes.length;
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
  });

  it('make well-formed resources of about the size asked', () => {
    const text = resxLike(200_000, 2);
    expect(text.length).toBeGreaterThan(199_000);
    expect(text.length).toBeLessThanOrEqual(200_000);
    const resx = readResx(new TextEncoder().encode(text));
    expect(resx.problems).toEqual([]);
    expect(resx.entries.size).toBeGreaterThan(1000);
  });
});

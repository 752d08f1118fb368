import { describe, expect, it } from 'vitest';
import { median, mibPerSecond } from './stats.js';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('mibPerSecond', () => {
  it('divides mebibytes by seconds', () => {
    expect(mibPerSecond(3 * 1024 * 1024, 1500)).toBe(2);
  });
});

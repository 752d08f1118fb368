import { describe, expect, it } from 'vitest';
import { formatSigningTime, parseSigningTime } from './signing-time.js';

describe('signing times', () => {
  it('writes UTC to a tenth of a second', () => {
    expect(formatSigningTime(new Date(Date.UTC(2024, 0, 31, 13, 5, 7, 890)))).toBe(
      '2024-01-31T13:05:07.8Z',
    );
  });

  it.each([
    ['YYYY-MM-DDThh:mm:ss.sTZD', '1997-07-16T19:20:30.45+01:00', '1997-07-16T18:20:30.450Z'],
    ['YYYY-MM-DDThh:mm:ss.sTZD', '2024-01-31T13:05:07.8Z', '2024-01-31T13:05:07.800Z'],
    ['YYYY-MM-DDThh:mm:ssTZD', '2019-02-14T22:47:42-08:00', '2019-02-15T06:47:42.000Z'],
    ['YYYY-MM-DDThh:mmTZD', '2019-02-14T22:47Z', '2019-02-14T22:47:00.000Z'],
    ['YYYY-MM-DD', '2019-02-14', '2019-02-14T00:00:00.000Z'],
    ['YYYY-MM', '2019-02', '2019-02-01T00:00:00.000Z'],
    ['YYYY', '2019', '2019-01-01T00:00:00.000Z'],
  ])('reads %s: %s', (format, value, expected) => {
    expect(parseSigningTime(format, value)?.toISOString()).toBe(expected);
  });

  it.each([
    ['YYYY-MM-DDThh:mm:ssTZD', '2019-02-14T22:47:42'],
    ['YYYY-MM-DD', '2019-02-14T22:47Z'],
    ['hh:mm', '22:47'],
    ['YYYY', 'year'],
  ])('refuses %s with %s', (format, value) => {
    expect(parseSigningTime(format, value)).toBeUndefined();
  });
});

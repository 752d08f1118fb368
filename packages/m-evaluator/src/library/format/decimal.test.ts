import { describe, expect, it } from 'vitest';
import {
  cut,
  fractionDigits,
  groupDigits,
  integerDigits,
  roundAt,
  roundDigits,
  toDecimal,
  toNumber,
  type TieMode,
} from './decimal.js';

describe('toDecimal', () => {
  it.each([
    [1.005, 15, '1005', 1],
    [0.1 + 0.2, 15, '3', 0],
    [0.1 + 0.2, 0, '30000000000000004', 0],
    [12345.6789, 15, '123456789', 5],
    [0.00012, 15, '12', -3],
    [-2.5, 15, '25', 1],
    [0, 15, '', 0],
  ])('toDecimal(%s, %s) has digits %s and scale %s', (value, precision, digits, scale) => {
    const decimal = toDecimal(value, precision);
    expect(decimal.digits).toBe(digits);
    expect(decimal.scale).toBe(scale);
    expect(decimal.negative).toBe(value < 0);
  });
});

describe('rounding in decimal', () => {
  it.each<[number, number, TieMode, number]>([
    [2.5, 0, 'toEven', 2],
    [3.5, 0, 'toEven', 4],
    [2.5, 0, 'awayFromZero', 3],
    [-2.5, 0, 'up', -2],
    [-2.5, 0, 'down', -3],
    [2.5, 0, 'towardZero', 2],
    [1.2345, 3, 'up', 1.235],
    [1.2345, 3, 'down', 1.234],
    [9.995, 2, 'awayFromZero', 10],
    [0.4, 0, 'awayFromZero', 0],
    [0.6, 0, 'toEven', 1],
    [1234.5, -2, 'toEven', 1200],
    [0.05, 1, 'toEven', 0],
    [0.15, 1, 'toEven', 0.2],
  ])('roundAt(%s, %s, %s) = %s', (value, decimals, tie, expected) => {
    expect(toNumber(roundAt(toDecimal(value), decimals, tie))).toBe(expected);
  });

  it('keeps significant digits', () => {
    expect(roundDigits(toDecimal(123456), 2).digits).toBe('12');
    expect(roundDigits(toDecimal(999), 2)).toEqual({ negative: false, digits: '1', scale: 4 });
  });

  it('cuts toward or away from zero', () => {
    expect(toNumber(cut(toDecimal(1.999), 3, false))).toBe(1.99);
    expect(toNumber(cut(toDecimal(1.231), 3, true))).toBe(1.24);
    expect(toNumber(cut(toDecimal(3), -1, true))).toBe(100);
    expect(toNumber(cut(toDecimal(3), -1, false))).toBe(0);
  });
});

describe('digit strings', () => {
  it.each([
    [1234.5, 1, '1234', '5'],
    [0.05, 1, '0', '05'],
    [0.05, 0, '', '05'],
    [1200, 6, '001200', ''],
  ])('%s has integer digits %s… and fraction digits', (value, minimum, integer, fraction) => {
    const decimal = toDecimal(value);
    expect(integerDigits(decimal, minimum)).toBe(integer);
    expect(fractionDigits(decimal)).toBe(fraction);
  });

  it.each([
    ['1', '1'],
    ['1234', '1,234'],
    ['1234567', '1,234,567'],
    ['123456', '123,456'],
  ])('groupDigits(%s) = %s', (digits, expected) => {
    expect(groupDigits(digits, ',')).toBe(expected);
  });
});

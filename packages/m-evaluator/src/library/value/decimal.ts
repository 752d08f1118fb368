import { MError } from '../../errors.js';

/**
 * Decimal arithmetic for `Precision.Decimal` (`Value.Add`, `Value.Subtract`, `Value.Multiply`,
 * `Value.Divide`): the operands are read as the decimal numbers they print as (`0.1` is exactly one
 * tenth, not the nearest double), the operation is exact or rounded like a .NET `decimal` (a 96-bit
 * mantissa and at most 28 fractional digits, ties to even), and the result is read back as a double.
 * So `Value.Add(0.1, 0.2, Precision.Decimal)` is `0.3`, where the double sum is
 * `0.30000000000000004`.
 */

/** A decimal number: `mantissa × 10^exponent`. */
interface Decimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

/** The largest mantissa of a .NET decimal (2^96 - 1). */
const MAX_MANTISSA = (1n << 96n) - 1n;
/** The most fractional digits a .NET decimal keeps. */
const MAX_SCALE = 28;
/** Significant digits computed for a quotient before rounding. */
const QUOTIENT_DIGITS = 32;

const NUMBER_SHAPE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function fromNumber(value: number): Decimal {
  const match = NUMBER_SHAPE.exec(String(value));
  if (match === null) {
    throw MError.expression('The number cannot be represented with decimal precision.', value);
  }
  const [, sign = '', whole = '0', fraction = '', power = '0'] = match;
  return normalize({
    mantissa: BigInt(`${sign}${whole}${fraction}`),
    exponent: Number(power) - fraction.length,
  });
}

function toNumber(value: Decimal): number {
  return Number(`${value.mantissa.toString()}e${String(value.exponent)}`);
}

function pow10(count: number): bigint {
  return 10n ** BigInt(count);
}

/** `value / 10^digits`, rounded to the nearest integer, ties to even. */
function roundAway(value: bigint, digits: number): bigint {
  if (digits <= 0) return value;
  const divisor = pow10(digits);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  let quotient = magnitude / divisor;
  const twice = (magnitude - quotient * divisor) * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Rounds to what a .NET decimal holds, or raises the overflow error. */
function normalize(value: Decimal): Decimal {
  let { mantissa, exponent } = value;
  if (exponent < -MAX_SCALE) {
    mantissa = roundAway(mantissa, -MAX_SCALE - exponent);
    exponent = -MAX_SCALE;
  }
  while ((mantissa > MAX_MANTISSA || mantissa < -MAX_MANTISSA) && exponent < 0) {
    mantissa = roundAway(mantissa, 1);
    exponent += 1;
  }
  if (exponent > 0) {
    mantissa *= pow10(exponent);
    exponent = 0;
  }
  if (mantissa > MAX_MANTISSA || mantissa < -MAX_MANTISSA) {
    throw MError.expression('The result is outside the range of decimal numbers.');
  }
  return { mantissa, exponent };
}

function align(left: Decimal, right: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(left.exponent, right.exponent);
  return [
    left.mantissa * pow10(left.exponent - exponent),
    right.mantissa * pow10(right.exponent - exponent),
    exponent,
  ];
}

function digitCount(value: bigint): number {
  return (value < 0n ? -value : value).toString().length;
}

/** The arithmetic operations with decimal precision. */
export type DecimalOperation = 'add' | 'subtract' | 'multiply' | 'divide';

/**
 * `left op right` in decimal precision, for two finite numbers (a division by zero is left to the
 * caller). Raises an `Expression.Error` when an operand or the result is outside the decimal range.
 */
export function decimalArithmetic(
  operation: DecimalOperation,
  left: number,
  right: number,
): number {
  const a = fromNumber(left);
  const b = fromNumber(right);
  switch (operation) {
    case 'add': {
      const [x, y, exponent] = align(a, b);
      return toNumber(normalize({ mantissa: x + y, exponent }));
    }
    case 'subtract': {
      const [x, y, exponent] = align(a, b);
      return toNumber(normalize({ mantissa: x - y, exponent }));
    }
    case 'multiply':
      return toNumber(
        normalize({ mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent }),
      );
    case 'divide': {
      const shift = Math.max(0, QUOTIENT_DIGITS + digitCount(b.mantissa) - digitCount(a.mantissa));
      const numerator = a.mantissa * pow10(shift);
      const quotient = numerator / b.mantissa;
      // One more digit, non-zero when the division was inexact, so that ties round correctly.
      const inexact = numerator % b.mantissa !== 0n;
      const negative = numerator < 0n !== b.mantissa < 0n;
      const extra = inexact ? (negative ? -1n : 1n) : 0n;
      return toNumber(
        normalize({
          mantissa: quotient * 10n + extra,
          exponent: a.exponent - b.exponent - shift - 1,
        }),
      );
    }
  }
}

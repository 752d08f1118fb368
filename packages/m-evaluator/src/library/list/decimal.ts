/**
 * Exact decimal arithmetic for `Precision.Decimal` in List.Sum, List.Product and List.Average: a
 * number is read as its shortest decimal form (`0.1` is 1 × 10^-1, not the binary double), the
 * operation is exact (products and quotients are rounded to 34 significant digits), and the
 * result is the nearest double. So `List.Sum({0.1, 0.2}, Precision.Decimal)` is `0.3`.
 */

/** `mantissa × 10^exponent`. */
export interface Decimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

/** Significant digits kept by products and quotients (more than .NET's decimal holds). */
const DIGITS = 34;

export const DECIMAL_ZERO: Decimal = { mantissa: 0n, exponent: 0 };
export const DECIMAL_ONE: Decimal = { mantissa: 1n, exponent: 0 };

/** The shortest decimal form of a finite double. */
export function decimalFromNumber(value: number): Decimal {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (match === null) throw new Error(`not a finite number: ${text}`);
  const [, sign = '', whole = '', fraction = '', power = '0'] = match;
  const mantissa = BigInt(`${sign}${whole}${fraction}`);
  return { mantissa, exponent: Number(power) - fraction.length };
}

function scale(value: Decimal, exponent: number): bigint {
  return value.mantissa * 10n ** BigInt(value.exponent - exponent);
}

export function decimalAdd(left: Decimal, right: Decimal): Decimal {
  const exponent = Math.min(left.exponent, right.exponent);
  return { mantissa: scale(left, exponent) + scale(right, exponent), exponent };
}

function round(value: Decimal): Decimal {
  const digits = (value.mantissa < 0n ? -value.mantissa : value.mantissa).toString().length;
  const drop = digits - DIGITS;
  if (drop <= 0) return value;
  const divisor = 10n ** BigInt(drop);
  let mantissa = value.mantissa / divisor;
  const rest = value.mantissa - mantissa * divisor;
  const twice = (rest < 0n ? -rest : rest) * 2n;
  if (twice >= divisor) mantissa += value.mantissa < 0n ? -1n : 1n;
  return { mantissa, exponent: value.exponent + drop };
}

export function decimalMultiply(left: Decimal, right: Decimal): Decimal {
  return round({
    mantissa: left.mantissa * right.mantissa,
    exponent: left.exponent + right.exponent,
  });
}

/** `value / count`, to 34 significant digits. */
export function decimalDivide(value: Decimal, count: number): Decimal {
  const extra = DIGITS + String(count).length;
  const mantissa = (value.mantissa * 10n ** BigInt(extra)) / BigInt(count);
  return round({ mantissa, exponent: value.exponent - extra });
}

/** The nearest double. */
export function decimalToNumber(value: Decimal): number {
  return Number(`${value.mantissa.toString()}e${String(value.exponent)}`);
}

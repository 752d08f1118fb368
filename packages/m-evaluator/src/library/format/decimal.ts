/**
 * Numbers as decimal digit strings, for formatting and for rounding in decimal: a double is read as
 * its 15 significant digits (what the engine shows), then rounded digit by digit, so `1.005` rounds
 * to `1.01` and `Number.RoundUp(1.1, 2)` stays `1.1`.
 */

/** A decimal number: `0.<digits> × 10^scale`. `digits` has no leading or trailing zeros; `""` is zero. */
export interface DecimalDigits {
  readonly negative: boolean;
  readonly digits: string;
  /** The number of digits before the decimal point (negative for 0.00x). */
  readonly scale: number;
}

/** How a tie (a remainder of exactly one half) is rounded. */
export type TieMode = 'up' | 'down' | 'awayFromZero' | 'towardZero' | 'toEven';

/** The rounding modes of `RoundingMode.*`, by their numeric values. */
export const ROUNDING_MODES: readonly TieMode[] = [
  'up',
  'down',
  'awayFromZero',
  'towardZero',
  'toEven',
];

const ZERO: DecimalDigits = { negative: false, digits: '', scale: 0 };

/**
 * The decimal digits of a finite number: `precision` significant digits (15 by default, as the
 * engine formats doubles), or the shortest digits that read back as the same double for
 * `precision` 0.
 */
export function toDecimal(value: number, precision = 15): DecimalDigits {
  if (value === 0 || !Number.isFinite(value)) return ZERO;
  const negative = value < 0;
  const text =
    precision <= 0 ? Math.abs(value).toExponential() : Math.abs(value).toExponential(precision - 1);
  const e = text.indexOf('e');
  let digits = text[1] === '.' ? `${text.slice(0, 1)}${text.slice(2, e)}` : text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  return digits === '' ? ZERO : { negative, digits, scale: exponent + 1 };
}

/** Whether a decimal is zero. */
export function isZero(value: DecimalDigits): boolean {
  return value.digits === '';
}

/**
 * Keeps the first `count` significant digits, rounding the rest away: half away from zero by
 * default (how format strings round), or by a tie mode (how `Number.Round` rounds).
 */
export function roundDigits(
  value: DecimalDigits,
  count: number,
  tie: TieMode = 'awayFromZero',
): DecimalDigits {
  const digits = value.digits;
  if (count >= digits.length) return value;
  if (count < 0) return { ...ZERO, negative: value.negative };
  const next = digits.charCodeAt(count) - 48;
  const isTie = next === 5 && count === digits.length - 1;
  let up: boolean;
  if (!isTie) {
    up = next >= 5;
  } else {
    switch (tie) {
      case 'up':
        up = !value.negative;
        break;
      case 'down':
        up = value.negative;
        break;
      case 'awayFromZero':
        up = true;
        break;
      case 'towardZero':
        up = false;
        break;
      case 'toEven':
        up = count > 0 && (digits.charCodeAt(count - 1) - 48) % 2 === 1;
        break;
    }
  }
  return cut(value, count, up);
}

/**
 * Keeps the first `count` digits, dropping the rest toward zero, or away from zero when `up`.
 */
export function cut(value: DecimalDigits, count: number, up: boolean): DecimalDigits {
  if (count >= value.digits.length) return value;
  if (count < 0) {
    return up
      ? { negative: value.negative, digits: '1', scale: value.scale - count + 1 }
      : { ...ZERO, negative: value.negative };
  }
  let kept = value.digits.slice(0, count);
  let scale = value.scale;
  if (up) {
    let index = kept.length - 1;
    while (index >= 0 && kept[index] === '9') index--;
    if (index < 0) {
      kept = '1';
      scale += 1;
    } else {
      kept = kept.slice(0, index) + String.fromCharCode(kept.charCodeAt(index) + 1);
    }
  }
  let end = kept.length;
  while (end > 0 && kept.charCodeAt(end - 1) === 48) end--;
  kept = kept.slice(0, end);
  return kept === ''
    ? { ...ZERO, negative: value.negative }
    : { negative: value.negative, digits: kept, scale };
}

/** Rounds to `decimals` digits after the decimal point (negative: to tens, hundreds, …). */
export function roundAt(value: DecimalDigits, decimals: number, tie?: TieMode): DecimalDigits {
  return roundDigits(value, value.scale + decimals, tie);
}

/** Multiplies by a power of ten (exact). */
export function shift(value: DecimalDigits, places: number): DecimalDigits {
  return value.digits === '' ? value : { ...value, scale: value.scale + places };
}

/** The double nearest to a decimal. */
export function toNumber(value: DecimalDigits): number {
  if (value.digits === '') return value.negative ? -0 : 0;
  return Number(`${value.negative ? '-' : ''}0.${value.digits}e${String(value.scale)}`);
}

/** The digits before the decimal point, at least `minimum` of them (zero-padded). */
export function integerDigits(value: DecimalDigits, minimum = 1): string {
  let text: string;
  if (value.scale <= 0) text = '';
  else if (value.digits.length >= value.scale) text = value.digits.slice(0, value.scale);
  else text = value.digits + '0'.repeat(value.scale - value.digits.length);
  return text.length >= minimum ? text : '0'.repeat(minimum - text.length) + text;
}

/** The digits after the decimal point (no trailing zeros), padded with zeros to `minimum`. */
export function fractionDigits(value: DecimalDigits, minimum = 0): string {
  let text: string;
  if (value.scale >= value.digits.length) text = '';
  else if (value.scale >= 0) text = value.digits.slice(value.scale);
  else text = '0'.repeat(-value.scale) + value.digits;
  return text.length >= minimum ? text : text + '0'.repeat(minimum - text.length);
}

/** Inserts a group separator every three digits of an integer digit string. */
export function groupDigits(digits: string, separator: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  const head = digits.length % 3;
  if (head > 0) out = digits.slice(0, head);
  for (let index = head; index < digits.length; index += 3) {
    out += (out === '' ? '' : separator) + digits.slice(index, index + 3);
  }
  return out;
}

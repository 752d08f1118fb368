import { MError } from '../../errors.js';
import type { CultureInfo, NumberFormatData } from '../culture.js';
import { formatCustomNumber } from './number-custom.js';
import {
  fractionDigits,
  groupDigits,
  integerDigits,
  isZero,
  roundAt,
  roundDigits,
  shift,
  toDecimal,
  type DecimalDigits,
} from './decimal.js';

/**
 * Numbers to text with .NET format strings, as `Number.ToText` does: the standard formats (`G`,
 * `N`, `F`, `E`, `P`, `C`, `D`, `X`, `R`, each with an optional precision) and custom formats
 * (`0.00`, `#,##0`, `0.###E+0`, sections `;`). Doubles are read as 15 significant digits and
 * rounded half away from zero, as the engine (on .NET Framework) does.
 */

/** The error of a format string that is not valid. */
export function invalidFormat(format: string): MError {
  return MError.expression('Format specifier was invalid.', format);
}

/**
 * Formats a number. A null or empty format is `G` (the shortest form with up to 15 significant
 * digits, what `Text.From` shows).
 */
export function formatNumber(value: number, format: string | null, culture: CultureInfo): string {
  const info = culture.number;
  if (!Number.isFinite(value)) {
    if (Number.isNaN(value)) return info.nanSymbol;
    return value > 0 ? info.positiveInfinitySymbol : info.negativeInfinitySymbol;
  }
  if (format === null || format === '') return general(value, 15, 'E', info);
  const standard = parseStandard(format);
  if (standard === undefined) return formatCustomNumber(value, format, culture);
  const { letter, precision } = standard;
  switch (letter) {
    case 'G':
    case 'g':
      return general(
        value,
        precision === null || precision === 0 ? 15 : precision,
        letter === 'G' ? 'E' : 'e',
        info,
      );
    case 'R':
    case 'r':
      return roundTrip(value, info);
    case 'F':
    case 'f':
      return fixed(value, precision ?? info.numberDecimalDigits, info, false);
    case 'N':
    case 'n':
      return fixed(value, precision ?? info.numberDecimalDigits, info, true);
    case 'E':
    case 'e':
      return exponential(value, precision ?? 6, letter, info);
    case 'P':
    case 'p':
      return percent(value, precision ?? info.percentDecimalDigits, info);
    case 'C':
    case 'c':
      return currency(value, precision ?? info.currencyDecimalDigits, info);
    case 'D':
    case 'd':
      return decimalInteger(value, precision ?? 0, info, format);
    case 'X':
    case 'x':
      return hexadecimal(value, precision ?? 0, letter === 'X', format);
    default:
      throw invalidFormat(format);
  }
}

/** A standard format: one letter and an optional precision of up to two digits. */
function parseStandard(format: string): { letter: string; precision: number | null } | undefined {
  const first = format.charCodeAt(0);
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!isLetter || format.length > 3) return undefined;
  for (let index = 1; index < format.length; index++) {
    const code = format.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
  }
  return {
    letter: format[0] as string,
    precision: format.length === 1 ? null : Number(format.slice(1)),
  };
}

function sign(value: DecimalDigits, info: NumberFormatData): string {
  return value.negative && !isZero(value) ? info.negativeSign : '';
}

/** Scientific notation digits: `d.ddd` and the exponent. */
function exponentText(
  exponent: number,
  letter: string,
  minimum: number,
  info: NumberFormatData,
): string {
  const digits = String(Math.abs(exponent)).padStart(minimum, '0');
  return `${letter}${exponent < 0 ? info.negativeSign : info.positiveSign}${digits}`;
}

function general(value: number, precision: number, letter: string, info: NumberFormatData): string {
  const decimal = roundDigits(
    toDecimal(value, precision > 15 ? Math.min(precision, 17) : 15),
    precision,
  );
  return generalText(decimal, precision, letter, info);
}

function generalText(
  decimal: DecimalDigits,
  precision: number,
  letter: string,
  info: NumberFormatData,
): string {
  if (isZero(decimal)) return '0';
  const exponent = decimal.scale - 1;
  const negative = sign(decimal, info);
  if (exponent > -5 && exponent < precision) {
    const fraction = fractionDigits(decimal);
    return `${negative}${integerDigits(decimal)}${fraction === '' ? '' : info.decimalSeparator + fraction}`;
  }
  const rest = decimal.digits.slice(1);
  return `${negative}${decimal.digits[0] ?? '0'}${rest === '' ? '' : info.decimalSeparator + rest}${exponentText(exponent, letter, 2, info)}`;
}

function roundTrip(value: number, info: NumberFormatData): string {
  const shortest = toDecimal(value, 0);
  if (shortest.digits.length <= 15) return generalText(shortest, 15, 'E', info);
  return generalText(toDecimal(value, 17), 17, 'E', info);
}

function fixedDigits(
  decimal: DecimalDigits,
  decimals: number,
  info: NumberFormatData,
  grouped: boolean,
): string {
  const integer = integerDigits(decimal);
  const fraction = fractionDigits(decimal, decimals).slice(0, decimals);
  return `${grouped ? groupDigits(integer, info.groupSeparator) : integer}${decimals > 0 ? info.decimalSeparator + fraction : ''}`;
}

function fixed(value: number, decimals: number, info: NumberFormatData, grouped: boolean): string {
  const decimal = roundAt(toDecimal(value), decimals);
  return sign(decimal, info) + fixedDigits(decimal, decimals, info, grouped);
}

function exponential(
  value: number,
  decimals: number,
  letter: string,
  info: NumberFormatData,
): string {
  const decimal = roundDigits(toDecimal(value, decimals > 14 ? 17 : 15), decimals + 1);
  const exponent = isZero(decimal) ? 0 : decimal.scale - 1;
  const digits = decimal.digits.padEnd(decimals + 1, '0');
  const mantissa =
    decimals > 0
      ? `${digits[0] ?? '0'}${info.decimalSeparator}${digits.slice(1)}`
      : (digits[0] ?? '0');
  return `${sign(decimal, info)}${mantissa}${exponentText(exponent, letter, 3, info)}`;
}

/** Fills a pattern such as `-n %` or `($n)`: `n` is the number, `$` the currency symbol. */
function applyPattern(pattern: string, number: string, info: NumberFormatData): string {
  let out = '';
  for (const char of pattern) {
    if (char === 'n') out += number;
    else if (char === '$') out += info.currencySymbol;
    else if (char === '%') out += info.percentSymbol;
    else if (char === '-') out += info.negativeSign;
    else out += char;
  }
  return out;
}

function percent(value: number, decimals: number, info: NumberFormatData): string {
  const decimal = roundAt(shift(toDecimal(value), 2), decimals);
  return signedPattern(decimal, decimals, info, [
    info.percentPositivePattern,
    info.percentNegativePattern,
  ]);
}

function currency(value: number, decimals: number, info: NumberFormatData): string {
  const decimal = roundAt(toDecimal(value), decimals);
  return signedPattern(decimal, decimals, info, [
    info.currencyPositivePattern,
    info.currencyNegativePattern,
  ]);
}

/** A rounded number, grouped, in the culture's pattern for its sign: `[positive, negative]`. */
function signedPattern(
  decimal: DecimalDigits,
  decimals: number,
  info: NumberFormatData,
  patterns: readonly [positive: string, negative: string],
): string {
  const number = fixedDigits(decimal, decimals, info, true);
  const negative = decimal.negative && !isZero(decimal);
  return applyPattern(negative ? patterns[1] : patterns[0], number, info);
}

function wholeNumber(value: number, format: string): bigint {
  if (!Number.isInteger(value)) throw invalidFormat(format);
  return BigInt(value);
}

function decimalInteger(
  value: number,
  digits: number,
  info: NumberFormatData,
  format: string,
): string {
  const whole = wholeNumber(value, format);
  const magnitude = (whole < 0n ? -whole : whole).toString().padStart(digits, '0');
  return whole < 0n ? info.negativeSign + magnitude : magnitude;
}

function hexadecimal(value: number, digits: number, upper: boolean, format: string): string {
  const whole = BigInt.asUintN(64, wholeNumber(value, format));
  const text = whole.toString(16).padStart(digits, '0');
  return upper ? text.toUpperCase() : text;
}

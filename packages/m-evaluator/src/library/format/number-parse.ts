import type { CultureInfo, NumberFormatData } from '../culture.js';

/**
 * Text to number, as `Number.FromText` reads it: white space around, a leading or trailing sign or
 * parentheses, the culture's currency symbol, group separators in the integer part, the culture's
 * decimal separator, an exponent, and a percent sign (which divides by 100). Plain forms such as
 * `11.28` or `-5` take a fast path without any allocation beyond `Number()`.
 */

/** The number a text holds, or undefined when it is not a number in this culture. */
export function parseNumber(text: string, culture: CultureInfo): number | undefined {
  const info = culture.number;
  const fast = parsePlain(text, info.decimalSeparator === '.');
  if (fast !== undefined) return fast;
  return parseGeneral(text, info);
}

/** `-?digits(.digits)?` with ASCII digits only; undefined when the text has anything else. */
function parsePlain(text: string, dotIsDecimal: boolean): number | undefined {
  const length = text.length;
  if (length === 0 || length > 20) return undefined;
  let index = text.charCodeAt(0) === 45 ? 1 : 0;
  let digits = 0;
  let dot = false;
  for (; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) digits++;
    else if (code === 46 && dotIsDecimal && !dot) dot = true;
    else return undefined;
  }
  return digits > 0 ? Number(text) : undefined;
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x202f
  );
}

function startsWithAt(text: string, index: number, prefix: string): boolean {
  return prefix !== '' && text.startsWith(prefix, index);
}

/** The sign, currency symbol and percent sign a number's text has shown so far (each at most once). */
interface Affixes {
  negative: boolean;
  sign: boolean;
  percent: boolean;
  currency: boolean;
}

/**
 * Takes a sign, currency symbol or percent sign not seen yet at `index`: the index after it, or -1
 * when there is none. A leading positive sign may be the culture's (`cultureSign`), a trailing one
 * only `+`.
 */
function takeAffix(
  text: string,
  index: number,
  info: NumberFormatData,
  seen: Affixes,
  cultureSign: boolean,
): number {
  if (!seen.sign && (text[index] === '-' || startsWithAt(text, index, info.negativeSign))) {
    seen.negative = true;
    seen.sign = true;
    return index + (text[index] === '-' ? 1 : info.negativeSign.length);
  }
  if (
    !seen.sign &&
    (text[index] === '+' || (cultureSign && startsWithAt(text, index, info.positiveSign)))
  ) {
    seen.sign = true;
    return index + 1;
  }
  if (!seen.currency && startsWithAt(text, index, info.currencySymbol)) {
    seen.currency = true;
    return index + info.currencySymbol.length;
  }
  if (!seen.percent && startsWithAt(text, index, info.percentSymbol)) {
    seen.percent = true;
    return index + info.percentSymbol.length;
  }
  return -1;
}

function parseGeneral(raw: string, info: NumberFormatData): number | undefined {
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  let text = raw.slice(start, end);
  const lower = text.toLowerCase();
  if (lower === info.nanSymbol.toLowerCase()) return Number.NaN;
  if (lower === info.positiveInfinitySymbol.toLowerCase()) return Number.POSITIVE_INFINITY;
  if (lower === info.negativeInfinitySymbol.toLowerCase()) return Number.NEGATIVE_INFINITY;

  const seen: Affixes = { negative: false, sign: false, percent: false, currency: false };
  if (text.startsWith('(') && text.endsWith(')')) {
    seen.negative = true;
    seen.sign = true;
    text = text.slice(1, -1).trim();
  }
  let index = 0;
  // Leading sign, currency symbol and percent sign, in any order.
  for (;;) {
    const next = takeAffix(text, index, info, seen, true);
    if (next >= 0) index = next;
    else if (index > 0 && isSpace(text.charCodeAt(index))) index++;
    else break;
  }
  let number = '';
  let digits = 0;
  let pointSeen = false;
  const decimal = info.decimalSeparator;
  const groups = [info.groupSeparator, ...info.groupAlternatives];
  for (; index < text.length;) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) {
      number += String.fromCharCode(code);
      digits++;
      index++;
    } else if (!pointSeen && startsWithAt(text, index, decimal)) {
      number += '.';
      pointSeen = true;
      index += decimal.length;
    } else if (
      !pointSeen &&
      digits > 0 &&
      groups.some((group) => startsWithAt(text, index, group))
    ) {
      index += (groups.find((group) => startsWithAt(text, index, group)) as string).length;
    } else {
      break;
    }
  }
  if (digits === 0) return undefined;
  // Exponent.
  let exponent = 0;
  if (text[index] === 'e' || text[index] === 'E') {
    let next = index + 1;
    let exponentText = '';
    if (text[next] === '+' || text[next] === '-') exponentText += text[next++] as string;
    let exponentDigits = 0;
    while (next < text.length && text.charCodeAt(next) >= 48 && text.charCodeAt(next) <= 57) {
      exponentText += text[next++] as string;
      exponentDigits++;
    }
    if (exponentDigits === 0) return undefined;
    exponent = Number(exponentText);
    index = next;
  }
  // Trailing sign, currency symbol and percent sign.
  while (index < text.length) {
    if (isSpace(text.charCodeAt(index))) {
      index++;
    } else {
      index = takeAffix(text, index, info, seen, false);
      if (index < 0) return undefined;
    }
  }
  const value = Number(`${number}e${String(seen.percent ? exponent - 2 : exponent)}`);
  if (Number.isNaN(value)) return undefined;
  return seen.negative ? -value : value;
}

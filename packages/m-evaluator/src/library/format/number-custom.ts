import type { CultureInfo, NumberFormatData } from '../culture.js';
import {
  fractionDigits,
  integerDigits,
  isZero,
  roundAt,
  roundDigits,
  shift,
  toDecimal,
  type DecimalDigits,
} from './decimal.js';

/**
 * Custom numeric format strings (`0`, `#`, `.`, `,`, `%`, `‰`, `E+0`, quoted literals, `\` escapes
 * and `;` sections), with the placement rules of .NET: extra integer digits go to the first
 * placeholder, commas between placeholders group, commas before the decimal point scale by 1000.
 */

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'digit'; readonly zero: boolean }
  | { readonly kind: 'point' }
  | { readonly kind: 'group' }
  | { readonly kind: 'percent' }
  | { readonly kind: 'permille' }
  | {
      readonly kind: 'exponent';
      readonly letter: string;
      readonly alwaysSign: boolean;
      readonly minDigits: number;
    };

interface Section {
  readonly tokens: readonly Token[];
  readonly empty: boolean;
  /** Placeholders before the decimal point. */
  readonly integerCount: number;
  /** Integer digits always shown (from the leftmost `0`). */
  readonly minInteger: number;
  readonly maxFraction: number;
  readonly minFraction: number;
  readonly grouped: boolean;
  /** Powers of ten to multiply by: +2 per `%`, +3 per `‰`, -3 per scaling comma. */
  readonly scale: number;
  readonly scientific: boolean;
}

/** Parsed format strings, by text (memoization of pure data). */
const CACHE = new Map<string, readonly Section[]>();
const CACHE_LIMIT = 512;

function tokenize(format: string): Token[][] {
  const sections: Token[][] = [[]];
  let tokens = sections[0] as Token[];
  let pointSeen = false;
  let exponentSeen = false;
  for (let index = 0; index < format.length; index++) {
    const char = format[index] as string;
    switch (char) {
      case '0':
      case '#':
        tokens.push({ kind: 'digit', zero: char === '0' });
        break;
      case '.':
        if (!pointSeen) tokens.push({ kind: 'point' });
        pointSeen = true;
        break;
      case ',':
        tokens.push({ kind: 'group' });
        break;
      case '%':
        tokens.push({ kind: 'percent' });
        break;
      case '‰':
        tokens.push({ kind: 'permille' });
        break;
      case ';':
        tokens = [];
        sections.push(tokens);
        pointSeen = false;
        exponentSeen = false;
        break;
      case '\\':
        if (index + 1 < format.length)
          tokens.push({ kind: 'literal', text: format[++index] as string });
        break;
      case "'":
      case '"': {
        const end = format.indexOf(char, index + 1);
        const stop = end < 0 ? format.length : end;
        tokens.push({ kind: 'literal', text: format.slice(index + 1, stop) });
        index = stop;
        break;
      }
      case 'E':
      case 'e': {
        let next = index + 1;
        const signChar = format[next];
        const alwaysSign = signChar === '+';
        if (signChar === '+' || signChar === '-') next++;
        let zeros = 0;
        while (format[next + zeros] === '0') zeros++;
        if (zeros > 0 && !exponentSeen) {
          tokens.push({ kind: 'exponent', letter: char, alwaysSign, minDigits: zeros });
          exponentSeen = true;
          index = next + zeros - 1;
        } else {
          tokens.push({ kind: 'literal', text: char });
        }
        break;
      }
      default:
        tokens.push({ kind: 'literal', text: char });
    }
  }
  return sections;
}

function analyse(tokens: readonly Token[]): Section {
  let digitCount = 0;
  let decimalPos = -1;
  let firstZero = -1;
  let lastZero = -1;
  let thousandPos = -1;
  let thousandCount = 0;
  let grouped = false;
  let scale = 0;
  let scientific = false;
  for (const token of tokens) {
    switch (token.kind) {
      case 'digit':
        if (token.zero) {
          if (firstZero < 0) firstZero = digitCount;
          lastZero = digitCount + 1;
        }
        if (!scientific) digitCount++;
        break;
      case 'point':
        if (decimalPos < 0) decimalPos = digitCount;
        break;
      case 'group':
        if (digitCount > 0 && decimalPos < 0) {
          if (thousandPos >= 0) {
            if (thousandPos === digitCount) {
              thousandCount++;
              break;
            }
            grouped = true;
          }
          thousandPos = digitCount;
          thousandCount = 1;
        }
        break;
      case 'percent':
        scale += 2;
        break;
      case 'permille':
        scale += 3;
        break;
      case 'exponent':
        scientific = true;
        break;
      case 'literal':
        break;
    }
  }
  if (decimalPos < 0) decimalPos = digitCount;
  if (thousandPos >= 0) {
    if (thousandPos === decimalPos) scale -= thousandCount * 3;
    else grouped = true;
  }
  return {
    tokens,
    empty: tokens.length === 0,
    integerCount: decimalPos,
    minInteger: firstZero >= 0 && firstZero < decimalPos ? decimalPos - firstZero : 0,
    maxFraction: digitCount - decimalPos,
    minFraction: lastZero > decimalPos ? lastZero - decimalPos : 0,
    grouped,
    scale,
    scientific,
  };
}

function sectionsOf(format: string): readonly Section[] {
  const cached = CACHE.get(format);
  if (cached !== undefined) return cached;
  const sections = tokenize(format).map(analyse);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(format, sections);
  return sections;
}

/** Formats a finite number with a custom numeric format string. */
export function formatCustomNumber(value: number, format: string, culture: CultureInfo): string {
  const sections = sectionsOf(format);
  const first = sections[0] as Section;
  const pick = (index: number): Section => {
    const section = sections[index];
    return section === undefined || section.empty ? first : section;
  };
  const number = toDecimal(value);
  let section = pick(isZero(number) ? 2 : number.negative ? 1 : 0);
  let rendered = render(section, number, culture.number);
  if (rendered.zero && section !== pick(2)) {
    section = pick(2);
    rendered = render(section, number, culture.number);
  }
  const signed = number.negative && section === first && !rendered.zero;
  return signed ? culture.number.negativeSign + rendered.text : rendered.text;
}

function render(
  section: Section,
  number: DecimalDigits,
  info: NumberFormatData,
): { text: string; zero: boolean } {
  let value = shift({ ...number, negative: false }, section.scale);
  let exponent = 0;
  if (section.scientific) {
    value = roundDigits(value, section.integerCount + section.maxFraction);
    if (!isZero(value)) {
      exponent = value.scale - section.integerCount;
      value = { ...value, scale: section.integerCount };
    }
  } else {
    value = roundAt(value, section.maxFraction);
  }
  const zero = isZero(value);
  const shownInteger = integerDigits(value, section.minInteger);
  const fraction = fractionDigits(value, section.minFraction).slice(0, section.maxFraction);
  let out = '';
  let placeholder = 0;
  let fractionIndex = 0;
  let inFraction = false;
  let pendingInteger = true;
  const emitInteger = (count: number): void => {
    // The digits of the integer part at these placeholder positions, counted from the right.
    for (let index = 0; index < count; index++) {
      const digit = shownInteger[index];
      if (digit === undefined) continue;
      out += digit;
      const right = shownInteger.length - index - 1;
      if (section.grouped && right > 0 && right % 3 === 0) out += info.groupSeparator;
    }
  };
  for (const token of section.tokens) {
    switch (token.kind) {
      case 'digit':
        if (inFraction) {
          const digit = fraction[fractionIndex++];
          if (digit !== undefined) out += digit;
        } else {
          const fromRight = section.integerCount - placeholder - 1;
          if (pendingInteger) {
            // The first placeholder takes every digit left of the remaining placeholders.
            emitInteger(Math.max(0, shownInteger.length - fromRight));
            pendingInteger = false;
          } else if (fromRight < shownInteger.length) {
            const index = shownInteger.length - fromRight - 1;
            out += shownInteger[index] ?? '';
            if (section.grouped && fromRight > 0 && fromRight % 3 === 0) out += info.groupSeparator;
          }
          placeholder++;
        }
        break;
      case 'point':
        if (pendingInteger) {
          emitInteger(shownInteger.length);
          pendingInteger = false;
        }
        inFraction = true;
        if (fraction.length > 0) out += info.decimalSeparator;
        break;
      case 'group':
        break;
      case 'percent':
        out += info.percentSymbol;
        break;
      case 'permille':
        out += info.perMilleSymbol;
        break;
      case 'exponent':
        inFraction = true;
        out += `${token.letter}${exponent < 0 ? info.negativeSign : token.alwaysSign ? info.positiveSign : ''}${String(Math.abs(exponent)).padStart(token.minDigits, '0')}`;
        break;
      case 'literal':
        out += token.text;
        break;
    }
  }
  return { text: out, zero };
}

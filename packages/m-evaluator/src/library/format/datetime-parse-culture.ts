import { daysFromCivil, isValidCivilDate } from '../../values/calendar.js';
import { INVARIANT_CULTURE, type CultureInfo } from '../culture.js';
import {
  digitAt,
  digitsAt,
  fractionTicks,
  fullYear,
  parseIsoDateTime,
  timeOfDay,
  type DateParseOptions,
  type ParsedDateTime,
} from './datetime-parse.js';

/**
 * Text to dates and times without a format in a culture's forms ("best effort", as
 * `Date.FromText` reads text without `Format`): ISO 8601 first, then numeric dates in the culture's
 * order (`12/31/2010`, `31.12.2010`) on a fast path, then month names (`30 Dez 2010`, `December
 * 31, 2010`), times with seconds, fractions and AM/PM designators, and offsets.
 */

type Token =
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'separator'; readonly char: string };

const FILLER_WORDS = new Set(['de', 'del', 'of', 'um', 'à', 'a', 'le', 'el', 'den', 'der']);

const LETTER = /\p{L}/u;
const SPACE = /\s/;
const DOTS = /\./g;

function isLetter(char: string): boolean {
  return char.toLowerCase() !== char.toUpperCase() || LETTER.test(char);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (digitAt(text, index) >= 0) {
      const start = index;
      while (digitAt(text, index) >= 0) index++;
      const digits = text.slice(start, index);
      tokens.push({ kind: 'number', value: Number(digits), text: digits });
    } else if (isLetter(char)) {
      const start = index;
      while (index < text.length && isLetter(text[index] as string)) index++;
      if (text[index] === '.' && !(digitAt(text, index + 1) >= 0)) index++;
      tokens.push({ kind: 'word', text: text.slice(start, index) });
    } else if (SPACE.test(char)) {
      while (index < text.length && SPACE.test(text[index] as string)) index++;
      tokens.push({ kind: 'separator', char: ' ' });
    } else {
      tokens.push({ kind: 'separator', char });
      index++;
    }
  }
  return tokens;
}

function nameIndex(word: string, lists: readonly (readonly string[])[]): number {
  const lower = word.toLowerCase();
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  for (const list of lists) {
    for (let index = 0; index < list.length; index++) {
      const name = (list[index] as string).toLowerCase();
      if (name === '') continue;
      if (name === lower || name === bare || (name.endsWith('.') && name.slice(0, -1) === bare)) {
        return index;
      }
    }
  }
  return -1;
}

function monthOf(word: string, culture: CultureInfo): number {
  const data = culture.dateTime;
  const english = INVARIANT_CULTURE.dateTime;
  return nameIndex(word, [
    data.monthNames,
    data.abbreviatedMonthNames,
    data.monthGenitiveNames,
    data.abbreviatedMonthGenitiveNames,
    english.monthNames,
    english.abbreviatedMonthNames,
  ]);
}

function isDayName(word: string, culture: CultureInfo): boolean {
  const data = culture.dateTime;
  const english = INVARIANT_CULTURE.dateTime;
  return (
    nameIndex(word, [
      data.dayNames,
      data.abbreviatedDayNames,
      english.dayNames,
      english.abbreviatedDayNames,
    ]) >= 0
  );
}

function designatorOf(word: string, culture: CultureInfo): 'am' | 'pm' | undefined {
  const lower = word.toLowerCase().replace(DOTS, '');
  const data = culture.dateTime;
  if (
    lower === 'am' ||
    lower === 'a' ||
    (data.amDesignator !== '' && lower === data.amDesignator.toLowerCase())
  )
    return 'am';
  if (
    lower === 'pm' ||
    lower === 'p' ||
    (data.pmDesignator !== '' && lower === data.pmDesignator.toLowerCase())
  )
    return 'pm';
  return undefined;
}

interface NumberToken {
  readonly value: number;
  readonly text: string;
}

/** A run of one to `max` digits at `index`: its value, where it ends, and how many digits. */
function digitRun(
  text: string,
  index: number,
  max: number,
): { value: number; end: number } | undefined {
  let value = 0;
  let end = index;
  while (end - index < max) {
    const digit = digitAt(text, end);
    if (digit < 0) break;
    value = value * 10 + digit;
    end++;
  }
  return end === index ? undefined : { value, end };
}

/**
 * The fast path of culture forms: three numbers with one date separator (`2/26/2023`, `26.02.2023`,
 * `2023/02/26`), optionally followed by `H:mm`, `:ss`, `.fffffff` and an AM/PM designator.
 * Undefined for anything else (the general reader then tries).
 */
function parseNumericDateTime(text: string, culture: CultureInfo): ParsedDateTime | undefined {
  const first = digitRun(text, 0, 4);
  if (first === undefined) return undefined;
  const separator = text.charCodeAt(first.end);
  if (separator !== 47 && separator !== 45 && separator !== 46) return undefined;
  const second = digitRun(text, first.end + 1, 2);
  if (second === undefined || text.charCodeAt(second.end) !== separator) return undefined;
  const third = digitRun(text, second.end + 1, 4);
  if (third === undefined) return undefined;
  let year: number;
  let month: number;
  let day: number;
  const firstDigits = first.end;
  if (firstDigits >= 3 || culture.dateOrder === 'YMD') {
    year = fullYear(first.value, firstDigits);
    month = second.value;
    day = third.value;
  } else {
    year = fullYear(third.value, third.end - second.end - 1);
    month = culture.dateOrder === 'DMY' ? second.value : first.value;
    day = culture.dateOrder === 'DMY' ? first.value : second.value;
  }
  if (!isValidCivilDate(year, month, day)) return undefined;
  const days = daysFromCivil(year, month, day);
  if (third.end === text.length) return { days, ticks: undefined, offsetMinutes: undefined };
  if (text.charCodeAt(third.end) !== 32) return undefined;
  const hour = digitRun(text, third.end + 1, 2);
  if (hour === undefined || text.charCodeAt(hour.end) !== 58) return undefined;
  const minute = digitsAt(text, hour.end + 1, 2);
  if (minute < 0) return undefined;
  let index = hour.end + 3;
  let seconds = 0;
  let fraction = 0;
  if (text.charCodeAt(index) === 58) {
    seconds = digitsAt(text, index + 1, 2);
    if (seconds < 0) return undefined;
    index += 3;
    const mark = text[index];
    if (mark === '.' || mark === culture.number.decimalSeparator) {
      const start = ++index;
      while (digitAt(text, index) >= 0) index++;
      if (index === start) return undefined;
      fraction = fractionTicks(text.slice(start, index));
    }
  }
  let hour24 = hour.value;
  if (index < text.length) {
    if (text.charCodeAt(index) !== 32) return undefined;
    const designator = designatorOf(text.slice(index + 1), culture);
    if (designator === undefined || hour.value < 1 || hour.value > 12) return undefined;
    hour24 = designator === 'pm' ? (hour.value % 12) + 12 : hour.value % 12;
  }
  const ticks = timeOfDay(hour24, minute, seconds, fraction);
  return ticks < 0 ? undefined : { days, ticks, offsetMinutes: undefined };
}

/** Reads a date and time in the culture's forms; undefined when the text is not one. */
export function parseDateTimeText(
  text: string,
  culture: CultureInfo,
  options: DateParseOptions,
): ParsedDateTime | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const iso = parseIsoDateTime(trimmed) ?? parseNumericDateTime(trimmed, culture);
  if (iso !== undefined) return iso;
  const tokens = tokenize(trimmed);
  const numbers: NumberToken[] = [];
  let month = -1;
  let hour = -1;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let designator: 'am' | 'pm' | undefined;
  let offset: number | undefined;
  let afterT = false;
  const decimal = culture.number.decimalSeparator;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1];
    if (token.kind === 'number') {
      const isTime =
        hour < 0 &&
        next?.kind === 'separator' &&
        next.char === ':' &&
        tokens[index + 2]?.kind === 'number';
      if (isTime) {
        hour = token.value;
        minute = (tokens[index + 2] as { value: number }).value;
        index += 2;
        if (
          tokens[index + 1]?.kind === 'separator' &&
          (tokens[index + 1] as { char: string }).char === ':' &&
          tokens[index + 2]?.kind === 'number'
        ) {
          second = (tokens[index + 2] as { value: number }).value;
          index += 2;
          const mark = tokens[index + 1];
          const digits = tokens[index + 2];
          if (
            mark?.kind === 'separator' &&
            (mark.char === '.' || mark.char === decimal) &&
            digits?.kind === 'number'
          ) {
            fraction = fractionTicks(digits.text);
            index += 2;
          }
        }
        continue;
      }
      if (
        hour < 0 &&
        afterT &&
        (token.text.length === 2 || token.text.length === 4 || token.text.length === 6)
      ) {
        hour = Number(token.text.slice(0, 2));
        minute = token.text.length >= 4 ? Number(token.text.slice(2, 4)) : 0;
        second = token.text.length === 6 ? Number(token.text.slice(4, 6)) : 0;
        continue;
      }
      const following = next?.kind === 'separator' && next.char === ' ' ? tokens[index + 2] : next;
      if (
        hour < 0 &&
        following?.kind === 'word' &&
        designatorOf(following.text, culture) !== undefined
      ) {
        hour = token.value;
        continue;
      }
      numbers.push(token);
    } else if (token.kind === 'word') {
      const monthIndex = monthOf(token.text, culture);
      const lower = token.text.toLowerCase();
      if (monthIndex >= 0 && month < 0) month = monthIndex + 1;
      else if (isDayName(token.text, culture)) continue;
      else if (designatorOf(token.text, culture) !== undefined && hour >= 0)
        designator = designatorOf(token.text, culture);
      else if (lower === 't') afterT = true;
      else if ((lower === 'z' || lower === 'utc' || lower === 'gmt') && hour >= 0) offset = 0;
      else if (!FILLER_WORDS.has(lower)) return undefined;
    } else if ((token.char === '+' || token.char === '-') && hour >= 0 && next?.kind === 'number') {
      const sign = token.char === '-' ? -1 : 1;
      let hours = next.value;
      let minutes = 0;
      if (next.text.length === 4) {
        hours = Math.floor(next.value / 100);
        minutes = next.value % 100;
      } else if (next.text.length > 2) {
        return undefined;
      }
      index += 1;
      if (
        tokens[index + 1]?.kind === 'separator' &&
        (tokens[index + 1] as { char: string }).char === ':' &&
        tokens[index + 2]?.kind === 'number'
      ) {
        minutes = (tokens[index + 2] as { value: number }).value;
        index += 2;
      }
      if (hours > 14 || minutes > 59) return undefined;
      offset = sign * (hours * 60 + minutes);
    }
  }
  const days = resolveDate(numbers, month, culture, options);
  if (days === null) return undefined;
  let ticks: number | undefined;
  if (hour >= 0) {
    let hour24 = hour;
    if (designator !== undefined) {
      if (hour < 1 || hour > 12) return undefined;
      hour24 = designator === 'pm' ? (hour % 12) + 12 : hour % 12;
    }
    ticks = timeOfDay(hour24, minute, second, fraction);
    if (ticks < 0) return undefined;
  }
  if (days === undefined && ticks === undefined) return undefined;
  return { days, ticks, offsetMinutes: offset };
}

/** The day number of the date parts; undefined when there are none, null when they are not a date. */
function resolveDate(
  numbers: readonly NumberToken[],
  month: number,
  culture: CultureInfo,
  options: DateParseOptions,
): number | undefined | null {
  const make = (year: number, monthValue: number, day: number): number | null =>
    isValidCivilDate(year, monthValue, day) ? daysFromCivil(year, monthValue, day) : null;
  const isYear = (token: NumberToken): boolean => token.text.length >= 3 || token.value > 31;
  const order = culture.dateOrder;
  const [first, second, third] = numbers;
  if (month > 0) {
    if (numbers.length === 0) return null;
    if (numbers.length === 1 && first !== undefined) {
      return isYear(first)
        ? make(first.value, month, 1)
        : make(options.defaultYear, month, first.value);
    }
    if (numbers.length === 2 && first !== undefined && second !== undefined) {
      if (isYear(first)) return make(first.value, month, second.value);
      if (isYear(second) || order !== 'YMD')
        return make(fullYear(second.value, second.text.length), month, first.value);
      return make(fullYear(first.value, first.text.length), month, second.value);
    }
    return null;
  }
  if (numbers.length === 0) return undefined;
  if (numbers.length === 1 && first !== undefined) {
    if (first.text.length !== 8) return null;
    return make(
      Number(first.text.slice(0, 4)),
      Number(first.text.slice(4, 6)),
      Number(first.text.slice(6, 8)),
    );
  }
  if (numbers.length === 2 && first !== undefined && second !== undefined) {
    if (isYear(first)) return make(first.value, second.value, 1);
    if (isYear(second)) return make(second.value, first.value, 1);
    return order === 'DMY'
      ? make(options.defaultYear, second.value, first.value)
      : make(options.defaultYear, first.value, second.value);
  }
  if (numbers.length === 3 && first !== undefined && second !== undefined && third !== undefined) {
    if (isYear(first) || order === 'YMD') {
      return make(fullYear(first.value, first.text.length), second.value, third.value);
    }
    const year = fullYear(third.value, third.text.length);
    return order === 'DMY'
      ? make(year, second.value, first.value)
      : make(year, first.value, second.value);
  }
  return null;
}

import { daysFromCivil, isValidCivilDate } from '../../values/calendar.js';
import type { CultureInfo } from '../culture.js';
import {
  fractionTicks,
  fullYear,
  parseOffsetAt,
  timeOfDay,
  type ParsedDateTime,
} from './datetime-parse.js';
import {
  resolvePattern,
  tokenizeDatePattern,
  type DateToken,
  type TemporalKind,
} from './datetime-pattern.js';

/**
 * Text to dates and times with a format string (`Date.FromText(text, [Format = "dd MMM yyyy"])`):
 * the text must follow the pattern, with names, separators and designators of the culture. A space
 * in the pattern matches any run of white space; letters match without regard to case.
 */

const ROUND_TRIP_PARSE = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFK";

interface State {
  year: number;
  month: number;
  day: number;
  hour: number;
  hour12: boolean;
  designator: 'am' | 'pm' | undefined;
  minute: number;
  second: number;
  fraction: number;
  offset: number | undefined;
  hasDate: boolean;
  hasTime: boolean;
}

/** Reads a text that follows a format string; undefined when it does not. */
export function parseDateTimeExact(
  text: string,
  format: string,
  kind: TemporalKind,
  culture: CultureInfo,
  defaultYear: number,
): ParsedDateTime | undefined {
  const resolved =
    format === 'o' || format === 'O'
      ? { pattern: ROUND_TRIP_PARSE, culture }
      : resolvePattern(format, kind, culture);
  const tokens = tokenizeDatePattern(resolved.pattern);
  const state: State = {
    year: defaultYear,
    month: 1,
    day: 1,
    hour: 0,
    hour12: false,
    designator: undefined,
    minute: 0,
    second: 0,
    fraction: 0,
    offset: undefined,
    hasDate: false,
    hasTime: false,
  };
  const source = text.trim();
  const end = matchTokens(source, 0, tokens, resolved.culture, state);
  if (end === undefined) return undefined;
  let index = end;
  while (isSpace(source[index])) index++;
  if (index !== source.length) return undefined;
  let hour = state.hour;
  if (state.hour12) {
    if (hour < 1 || hour > 12) return undefined;
    hour = state.designator === 'pm' ? (hour % 12) + 12 : hour % 12;
  } else if (state.designator === 'pm' && hour < 12) {
    hour += 12;
  }
  if (!isValidCivilDate(state.year, state.month, state.day)) return undefined;
  const ticks = timeOfDay(hour, state.minute, state.second, state.fraction);
  if (ticks < 0) return undefined;
  return {
    days: state.hasDate ? daysFromCivil(state.year, state.month, state.day) : undefined,
    ticks: state.hasTime ? ticks : undefined,
    offsetMinutes: state.offset,
  };
}

const SPACE = /\s/;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

/** Digits at `index`: at least `min`, at most `max`. */
function readDigits(
  text: string,
  index: number,
  min: number,
  max: number,
): { value: number; end: number; count: number } | undefined {
  let end = index;
  while (
    end < text.length &&
    end - index < max &&
    text.charCodeAt(end) >= 48 &&
    text.charCodeAt(end) <= 57
  )
    end++;
  if (end - index < min) return undefined;
  return { value: Number(text.slice(index, end)), end, count: end - index };
}

/** The longest name of a list that the text has at `index` (case-insensitive). */
function readName(
  text: string,
  index: number,
  lists: readonly (readonly string[])[],
): { value: number; end: number } | undefined {
  let best: { value: number; end: number } | undefined;
  const lower = text.toLowerCase();
  for (const list of lists) {
    list.forEach((name, position) => {
      if (name === '') return;
      const candidates = name.endsWith('.') ? [name, name.slice(0, -1)] : [name];
      for (const candidate of candidates) {
        if (
          lower.startsWith(candidate.toLowerCase(), index) &&
          (best === undefined || index + candidate.length > best.end)
        ) {
          best = { value: position, end: index + candidate.length };
        }
      }
    });
  }
  return best;
}

function matchLiteral(text: string, index: number, literal: string): number | undefined {
  let position = index;
  for (const char of literal) {
    if (isSpace(char)) {
      while (isSpace(text[position])) position++;
    } else if (text[position]?.toLowerCase() === char.toLowerCase()) {
      position++;
    } else {
      return undefined;
    }
  }
  return position;
}

function matchTokens(
  text: string,
  start: number,
  tokens: readonly DateToken[],
  culture: CultureInfo,
  state: State,
): number | undefined {
  const data = culture.dateTime;
  let index = start;
  for (const token of tokens) {
    let next: number | undefined;
    switch (token.kind) {
      case 'literal':
        next = matchLiteral(text, index, token.text);
        break;
      case 'dateSeparator':
        next = matchLiteral(text, index, data.dateSeparator) ?? matchLiteral(text, index, '/');
        break;
      case 'timeSeparator':
        next = matchLiteral(text, index, data.timeSeparator) ?? matchLiteral(text, index, ':');
        break;
      case 'field':
        next = matchField(text, index, token.char, token.count, culture, state);
        break;
    }
    if (next === undefined) return undefined;
    index = next;
  }
  return index;
}

function matchField(
  text: string,
  index: number,
  char: string,
  count: number,
  culture: CultureInfo,
  state: State,
): number | undefined {
  const data = culture.dateTime;
  const number = (
    min: number,
    max: number,
  ): { value: number; end: number; count: number } | undefined => readDigits(text, index, min, max);
  switch (char) {
    case 'd': {
      if (count >= 3) {
        const name = readName(
          text,
          index,
          count === 3
            ? [data.abbreviatedDayNames, data.dayNames]
            : [data.dayNames, data.abbreviatedDayNames],
        );
        return name?.end;
      }
      const read = number(count, 2);
      if (read === undefined) return undefined;
      state.day = read.value;
      state.hasDate = true;
      return read.end;
    }
    case 'M': {
      state.hasDate = true;
      if (count >= 3) {
        const lists =
          count === 3
            ? [
                data.abbreviatedMonthNames,
                data.abbreviatedMonthGenitiveNames,
                data.monthNames,
                data.monthGenitiveNames,
              ]
            : [
                data.monthNames,
                data.monthGenitiveNames,
                data.abbreviatedMonthNames,
                data.abbreviatedMonthGenitiveNames,
              ];
        const name = readName(text, index, lists);
        if (name === undefined) return undefined;
        state.month = name.value + 1;
        return name.end;
      }
      const read = number(count, 2);
      if (read === undefined) return undefined;
      state.month = read.value;
      return read.end;
    }
    case 'y': {
      state.hasDate = true;
      const read = count <= 2 ? number(count, 2) : number(count, Math.max(count, 4));
      if (read === undefined) return undefined;
      state.year = count <= 2 ? fullYear(read.value, 2) : read.value;
      return read.end;
    }
    case 'h':
    case 'H':
    case 'm':
    case 's': {
      state.hasTime = true;
      const read = number(Math.min(count, 2), 2);
      if (read === undefined) return undefined;
      if (char === 'h') {
        state.hour = read.value;
        state.hour12 = true;
      } else if (char === 'H') state.hour = read.value;
      else if (char === 'm') state.minute = read.value;
      else state.second = read.value;
      return read.end;
    }
    case 'f':
    case 'F': {
      state.hasTime = true;
      const read = number(char === 'f' ? count : 0, count);
      if (read === undefined) return undefined;
      if (read.count > 0) state.fraction = fractionTicks(text.slice(index, read.end));
      return read.end;
    }
    case 't': {
      const am = data.amDesignator;
      const pm = data.pmDesignator;
      const lower = text.slice(index).toLowerCase();
      for (const [designator, name] of [
        ['am', am === '' ? 'AM' : am],
        ['pm', pm === '' ? 'PM' : pm],
      ] as const) {
        const written = count === 1 ? name.slice(0, 1) : name;
        if (written !== '' && lower.startsWith(written.toLowerCase())) {
          state.designator = designator;
          return index + written.length;
        }
      }
      return am === '' ? index : undefined;
    }
    case 'z':
    case 'K': {
      const offset = parseOffsetAt(text, index);
      if (offset === undefined) return char === 'K' ? index : undefined;
      state.offset = offset.minutes;
      return offset.end;
    }
    case 'g':
      return readName(text, index, [[data.eraName]])?.end ?? index;
    default:
      return undefined;
  }
}

import { MError } from '../../errors.js';
import { INVARIANT_CULTURE, type CultureInfo } from '../culture.js';

/**
 * Date and time format strings, shared by formatting and parsing: the tokens of a custom pattern
 * (`yyyy`, `MM`, `dd`, `HH`, `mm`, `ss`, `fff`, `tt`, `zzz`, `K`, quoted literals, `\` escapes,
 * `%` for a single specifier) and the culture patterns the standard one-letter formats stand for.
 */

/** The kinds of date and time values. */
export type TemporalKind = 'date' | 'time' | 'datetime' | 'datetimezone';

/** A token of a custom date and time pattern. */
export type DateToken =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly char: string; readonly count: number }
  | { readonly kind: 'dateSeparator' }
  | { readonly kind: 'timeSeparator' };

const FIELD_CHARS = new Set(['d', 'f', 'F', 'g', 'h', 'H', 'K', 'm', 'M', 's', 't', 'y', 'z']);

/** Tokenized patterns, by text (memoization of pure data). */
const CACHE = new Map<string, readonly DateToken[]>();
const CACHE_LIMIT = 512;

/** The tokens of a custom date and time pattern. */
export function tokenizeDatePattern(pattern: string): readonly DateToken[] {
  const cached = CACHE.get(pattern);
  if (cached !== undefined) return cached;
  const tokens: DateToken[] = [];
  const literal = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal')
      tokens[tokens.length - 1] = { kind: 'literal', text: last.text + text };
    else tokens.push({ kind: 'literal', text });
  };
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string;
    if (FIELD_CHARS.has(char)) {
      let count = 1;
      while (pattern[index + count] === char) count++;
      tokens.push({ kind: 'field', char, count });
      index += count - 1;
    } else if (char === ':') {
      tokens.push({ kind: 'timeSeparator' });
    } else if (char === '/') {
      tokens.push({ kind: 'dateSeparator' });
    } else if (char === "'" || char === '"') {
      let text = '';
      let next = index + 1;
      while (next < pattern.length && pattern[next] !== char) {
        if (pattern[next] === '\\' && next + 1 < pattern.length) next++;
        text += pattern[next] ?? '';
        next++;
      }
      literal(text);
      index = next;
    } else if (char === '\\') {
      if (index + 1 < pattern.length) literal(pattern[++index] as string);
    } else if (char === '%') {
      // `%d` is the single custom specifier `d`: the next character is read as usual.
    } else {
      literal(char);
    }
  }
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(pattern, tokens);
  return tokens;
}

/** What a format string stands for: a custom pattern, the culture to read it with, and whether a
 * datetimezone is converted to UTC first (`R`, `u`). */
export interface ResolvedPattern {
  readonly pattern: string;
  readonly culture: CultureInfo;
  readonly utc: boolean;
}

const ROUND_TRIP = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff";

/** The error of a format string that is not valid. */
export function invalidDateFormat(format: string): MError {
  return MError.expression('Format specifier was invalid.', format);
}

/**
 * The custom pattern of a format string: a standard one-letter format expands to the culture's
 * pattern; anything longer is a custom pattern already. Null is the default of the kind of value.
 */
export function resolvePattern(
  format: string | null,
  kind: TemporalKind,
  culture: CultureInfo,
): ResolvedPattern {
  const data = culture.dateTime;
  const zone = kind === 'datetimezone' ? ' zzz' : '';
  if (format === null || format === '') {
    switch (kind) {
      case 'date':
        return { pattern: data.shortDatePattern, culture, utc: false };
      case 'time':
        return { pattern: data.shortTimePattern, culture, utc: false };
      case 'datetime':
      case 'datetimezone':
        return {
          pattern: `${data.shortDatePattern} ${data.longTimePattern}${zone}`,
          culture,
          utc: false,
        };
    }
  }
  if (format.length > 1) return { pattern: format, culture, utc: false };
  const local = (pattern: string): ResolvedPattern => ({ pattern, culture, utc: false });
  switch (format) {
    case 'd':
      return local(data.shortDatePattern);
    case 'D':
      return local(data.longDatePattern);
    case 'f':
      return local(`${data.longDatePattern} ${data.shortTimePattern}`);
    case 'F':
      return local(`${data.longDatePattern} ${data.longTimePattern}`);
    case 'g':
      return local(`${data.shortDatePattern} ${data.shortTimePattern}`);
    case 'G':
      return local(`${data.shortDatePattern} ${data.longTimePattern}`);
    case 'M':
    case 'm':
      return local(data.monthDayPattern);
    case 'Y':
    case 'y':
      return local(data.yearMonthPattern);
    case 't':
      return local(data.shortTimePattern);
    case 'T':
      return local(data.longTimePattern);
    case 'O':
    case 'o':
      return {
        pattern: kind === 'datetimezone' ? `${ROUND_TRIP}zzz` : ROUND_TRIP,
        culture: INVARIANT_CULTURE,
        utc: false,
      };
    case 'R':
    case 'r':
      return {
        pattern: "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
        culture: INVARIANT_CULTURE,
        utc: true,
      };
    case 's':
      return { pattern: "yyyy'-'MM'-'dd'T'HH':'mm':'ss", culture: INVARIANT_CULTURE, utc: false };
    case 'u':
      return { pattern: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", culture: INVARIANT_CULTURE, utc: true };
    case 'U':
      return { pattern: `${data.longDatePattern} ${data.longTimePattern}`, culture, utc: true };
    default:
      throw invalidDateFormat(format);
  }
}

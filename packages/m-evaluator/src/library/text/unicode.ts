import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { strip, type Value } from '../../values/value.js';
import { typeError } from '../arguments.js';

/**
 * Character classes and case mappings as the .NET runtime behind the M engine defines them: text is
 * UTF-16, whitespace is `char.IsWhiteSpace`, control characters are `char.IsControl`, and case
 * mappings are simple (one character to one character, so lengths never change).
 */

/** `char.IsWhiteSpace`: the Unicode space separators plus tab, line feed … carriage return and NEL. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** `char.IsControl`: U+0000–U+001F and U+007F–U+009F. */
export function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * The culture of a text function: the argument when given, else the evaluation's culture. An empty
 * culture is the invariant culture. A malformed culture name raises an `Expression.Error`.
 */
export function cultureOf(ctx: Context, value: Value): string {
  const plain = strip(value);
  if (plain === null) return ctx.culture;
  if (typeof plain !== 'string') throw typeError(plain, 'text');
  return checkCulture(plain);
}

/** A culture name checked for well-formedness (`""` is the invariant culture). */
export function checkCulture(culture: string): string {
  if (culture === '') return culture;
  try {
    Intl.getCanonicalLocales(culture);
  } catch {
    throw MError.expression(`The culture '${culture}' is not a valid culture name.`, culture);
  }
  return culture;
}

/** The locale argument of the JavaScript case functions for a culture (invariant: none). */
function locale(culture: string): string | undefined {
  return culture === '' ? undefined : culture;
}

/** Whether a culture has its own mapping of ASCII letters (Turkish and Azeri dotted and dotless i). */
function hasSpecialAsciiCasing(culture: string): boolean {
  return /^(tr|az)(-|$)/i.test(culture);
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) > 0x7f) return false;
  }
  return true;
}

/** Upper case in a culture, with simple (length-preserving) mappings: `ß` stays `ß`. */
export function toUpper(text: string, culture: string): string {
  if (isAscii(text) && !hasSpecialAsciiCasing(culture)) return text.toUpperCase();
  const tag = locale(culture);
  const whole = text.toLocaleUpperCase(tag);
  if (whole.length === text.length) return whole;
  return mapEachCharacter(text, (character) => character.toLocaleUpperCase(tag));
}

/**
 * Lower case in a culture, with simple mappings: `İ` becomes `i` (outside Turkish and Azeri, where
 * it is `i` anyway), and a final sigma stays `σ` as in .NET.
 */
export function toLower(text: string, culture: string): string {
  if (isAscii(text) && !hasSpecialAsciiCasing(culture)) return text.toLowerCase();
  const tag = locale(culture);
  let whole = text.toLocaleLowerCase(tag);
  if (whole.length !== text.length) {
    whole = mapEachCharacter(text, (character) =>
      character === '\u0130' ? 'i' : character.toLocaleLowerCase(tag),
    );
  }
  if (whole.includes('\u03c2') && text.includes('\u03a3')) {
    let fixed = '';
    for (let index = 0; index < whole.length; index++) {
      const character = whole[index] as string;
      fixed += character === '\u03c2' && text[index] === '\u03a3' ? '\u03c3' : character;
    }
    whole = fixed;
  }
  return whole;
}

/** Maps each character (a code point) and keeps it when its mapping would change the length. */
function mapEachCharacter(text: string, map: (character: string) => string): string {
  let out = '';
  for (const character of text) {
    const mapped = map(character);
    out += mapped.length === character.length ? mapped : character;
  }
  return out;
}

/** The title-case forms of the Latin digraphs (`ǆ` to `ǅ`); other letters title-case to upper. */
const TITLE_CASE: Readonly<Record<string, string>> = {
  '\u01c4': '\u01c5',
  '\u01c5': '\u01c5',
  '\u01c6': '\u01c5',
  '\u01c7': '\u01c8',
  '\u01c8': '\u01c8',
  '\u01c9': '\u01c8',
  '\u01ca': '\u01cb',
  '\u01cb': '\u01cb',
  '\u01cc': '\u01cb',
  '\u01f1': '\u01f2',
  '\u01f2': '\u01f2',
  '\u01f3': '\u01f2',
};

const LETTER = /\p{L}/u;
/** The categories that end a word in .NET's title casing: separators, controls, punctuation, symbols. */
const WORD_SEPARATOR = /[\p{Z}\p{Cc}\p{Cf}\p{P}\p{S}]/u;

/**
 * `Text.Proper`: the text in lower case, then the first letter of each word in title case. A word
 * starts at a letter; letters, digits, marks and apostrophes continue it; spaces, punctuation and
 * symbols end it (so `o'neil` is `O'neil`, and `1st` is `1St` as in .NET).
 */
export function toProper(text: string, culture: string): string {
  const lower = toLower(text, culture);
  let out = '';
  let inWord = false;
  for (const character of lower) {
    if (!inWord) {
      if (LETTER.test(character)) {
        inWord = true;
        out += TITLE_CASE[character] ?? toUpper(character, culture);
      } else {
        out += character;
      }
    } else {
      if (character !== "'" && WORD_SEPARATOR.test(character)) inWord = false;
      out += character;
    }
  }
  return out;
}

/**
 * Folds text for ordinal case-insensitive comparison (`StringComparison.OrdinalIgnoreCase`): each
 * UTF-16 code unit in invariant upper case, so that positions in the folded text are positions in
 * the original.
 */
export function foldCase(text: string): string {
  if (isAscii(text)) return text.toUpperCase();
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text[index] as string;
    const upper = unit.toUpperCase();
    out += upper.length === 1 ? upper : unit;
  }
  return out;
}

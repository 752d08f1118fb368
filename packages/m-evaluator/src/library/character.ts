import { MError } from '../errors.js';
import type { Value } from '../values/value.js';
import { asInteger, asText } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/** `Character.*`: characters and their Unicode code points (21-bit; a surrogate pair is one). */

/** `Character.FromNumber`: the character of a code point, as one or two UTF-16 code units. */
function fromNumber(value: Value): string {
  const point = asInteger(value, 'The code point');
  if (point < 0 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) {
    throw MError.expression(
      'The number is not a Unicode code point: it must be from 0 to 0x10FFFF, outside the surrogates 0xD800 to 0xDFFF.',
      point,
    );
  }
  return String.fromCodePoint(point);
}

/** `Character.ToNumber`: the code point of one character, or of one surrogate pair. */
function toNumber(character: string): number {
  const point = character.codePointAt(0);
  const size = point !== undefined && point > 0xffff ? 2 : 1;
  if (point === undefined || character.length !== size) {
    throw MError.expression(
      'The text must be a single character (or a surrogate pair of one character).',
      character,
    );
  }
  if (size === 1 && point >= 0xd800 && point <= 0xdfff) {
    throw MError.expression('A lone surrogate is not a character.', character);
  }
  return point;
}

/** The Character namespace. */
export const CHARACTER_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Character.FromNumber',
    '(number as nullable number) as nullable text',
    (_ctx, [number]) => (number === null ? null : fromNumber(number)),
  ),
  defineFunction(
    'Character.ToNumber',
    '(character as nullable text) as nullable number',
    (_ctx, [character]) => (character === null ? null : toNumber(asText(character))),
  ),
];

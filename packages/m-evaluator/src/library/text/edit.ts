import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList, ListValue } from '../../values/list.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asInteger, asList, asText, typeError } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { isControl, isWhiteSpace } from './unicode.js';

/**
 * Text functions that cut, edit and build text by position. Positions and lengths count UTF-16 code
 * units, as .NET strings do (so `Text.Length("😀")` is 2).
 */

/** The error for a position or count that falls outside a text. */
export function outOfRange(what: string, text: string, value: number): MError {
  return MError.expression(
    `The ${what} ${String(value)} is outside the text, which has ${String(text.length)} characters.`,
    text,
  );
}

/** A position within a text (0 to its length), or the error. */
function offsetIn(text: string, value: Value, what = 'offset'): number {
  const offset = asInteger(value, `The ${what}`);
  if (offset < 0 || offset > text.length) throw outOfRange(what, text, offset);
  return offset;
}

/**
 * The characters (UTF-16 code units, as .NET `char`s) of a "characters" argument: a text (each of
 * its characters) or a list of texts. `Text.Remove`, `Text.Select` and `Text.Trim` use it.
 */
export function characterSet(ctx: Context, value: Value): Set<string> {
  const plain = strip(value);
  const set = new Set<string>();
  const add = (item: Value): void => {
    const text = strip(item);
    if (typeof text !== 'string') throw typeError(text, 'text');
    for (let index = 0; index < text.length; index++) set.add(text[index] as string);
  };
  if (plain instanceof ListValue) {
    for (const item of plain.toArray(ctx)) add(item);
  } else {
    add(plain);
  }
  return set;
}

/** The characters of a text that pass a test. */
function keepCharacters(text: string, keep: (unit: string) => boolean): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const unit = text[index] as string;
    if (keep(unit)) out += unit;
  }
  return out;
}

/** `Text.Trim`, `TrimStart` and `TrimEnd`: whitespace by default, or the characters given. */
function trim(ctx: Context, text: string, characters: Value, start: boolean, end: boolean): string {
  let test: (unit: string) => boolean;
  if (strip(characters) === null) {
    test = (unit) => isWhiteSpace(unit.charCodeAt(0));
  } else {
    const set = characterSet(ctx, characters);
    test = (unit) => set.has(unit);
  }
  let first = 0;
  let last = text.length;
  if (start) while (first < last && test(text[first] as string)) first++;
  if (end) while (last > first && test(text[last - 1] as string)) last--;
  return text.slice(first, last);
}

/** A pad character: a text of exactly one character (a space when omitted). */
function padCharacter(value: Value): string {
  if (value === null) return ' ';
  const text = asText(value);
  if (text.length !== 1) {
    throw MError.expression('The pad character must be a text of exactly one character.', text);
  }
  return text;
}

function nullable(text: Value, run: (text: string) => Value): Value {
  return text === null ? null : run(asText(text));
}

/** `Text.Split`: the pieces between occurrences of a separator (the whole text for `""`). */
export function splitText(text: string, separator: string): string[] {
  return separator === '' ? [text] : text.split(separator);
}

/** The position, editing and splitting functions of the Text namespace. */
export const TEXT_EDIT_LIBRARY: readonly LibraryEntry[] = [
  defineFunction('Text.Length', '(text as nullable text) as nullable number', (_ctx, [text]) =>
    nullable(text, (value) => value.length),
  ),
  defineFunction(
    'Text.At',
    '(text as nullable text, index as number) as nullable text',
    (_ctx, [text, index]) =>
      nullable(text, (value) => {
        const position = asInteger(index, 'The index');
        if (position < 0 || position >= value.length) throw outOfRange('index', value, position);
        return value[position] as string;
      }),
  ),
  defineFunction(
    'Text.Start',
    '(text as nullable text, count as number) as nullable text',
    (_ctx, [text, count]) => nullable(text, (value) => value.slice(0, asCount(count))),
  ),
  defineFunction(
    'Text.End',
    '(text as nullable text, count as number) as nullable text',
    (_ctx, [text, count]) =>
      nullable(text, (value) => {
        const length = asCount(count);
        return length === 0 ? '' : value.slice(Math.max(0, value.length - length));
      }),
  ),
  defineFunction(
    'Text.Middle',
    '(text as nullable text, start as number, optional count as nullable number) as nullable text',
    (_ctx, [text, start, count]) =>
      nullable(text, (value) => {
        const from = asCount(start, 'The start');
        if (count === null) return value.slice(from);
        return value.slice(from, from + asCount(count));
      }),
  ),
  defineFunction(
    'Text.Range',
    '(text as nullable text, offset as number, optional count as nullable number) as nullable text',
    (_ctx, [text, offset, count]) =>
      nullable(text, (value) => {
        const from = offsetIn(value, offset);
        if (count === null) return value.slice(from);
        const length = asCount(count);
        if (from + length > value.length) throw outOfRange('count', value, length);
        return value.slice(from, from + length);
      }),
  ),
  defineFunction(
    'Text.Insert',
    '(text as nullable text, offset as number, newText as text) as nullable text',
    (_ctx, [text, offset, newText]) =>
      nullable(text, (value) => {
        const at = offsetIn(value, offset);
        return value.slice(0, at) + asText(newText) + value.slice(at);
      }),
  ),
  defineFunction(
    'Text.RemoveRange',
    '(text as nullable text, offset as number, optional count as nullable number) as nullable text',
    (_ctx, [text, offset, count]) =>
      nullable(text, (value) => {
        const from = offsetIn(value, offset);
        const length = count === null ? 1 : asCount(count);
        if (from + length > value.length) throw outOfRange('count', value, length);
        return value.slice(0, from) + value.slice(from + length);
      }),
  ),
  defineFunction(
    'Text.ReplaceRange',
    '(text as nullable text, offset as number, count as number, newText as text) as nullable text',
    (_ctx, [text, offset, count, newText]) =>
      nullable(text, (value) => {
        const from = offsetIn(value, offset);
        const length = asCount(count);
        if (from + length > value.length) throw outOfRange('count', value, length);
        return value.slice(0, from) + asText(newText) + value.slice(from + length);
      }),
  ),
  defineFunction(
    'Text.Replace',
    '(text as nullable text, old as text, new as text) as nullable text',
    (_ctx, [text, old, replacement]) =>
      nullable(text, (value) => {
        const search = asText(old);
        return search === '' ? value : value.split(search).join(asText(replacement));
      }),
  ),
  defineFunction(
    'Text.Remove',
    '(text as nullable text, removeChars as any) as nullable text',
    (ctx, [text, removeChars]) =>
      nullable(text, (value) => {
        const set = characterSet(ctx, removeChars);
        return keepCharacters(value, (unit) => !set.has(unit));
      }),
  ),
  defineFunction(
    'Text.Select',
    '(text as nullable text, selectChars as any) as nullable text',
    (ctx, [text, selectChars]) =>
      nullable(text, (value) => {
        const set = characterSet(ctx, selectChars);
        return keepCharacters(value, (unit) => set.has(unit));
      }),
  ),
  defineFunction(
    'Text.Repeat',
    '(text as nullable text, count as number) as nullable text',
    (_ctx, [text, count]) => nullable(text, (value) => value.repeat(asCount(count))),
  ),
  defineFunction('Text.Reverse', '(text as nullable text) as nullable text', (_ctx, [text]) =>
    nullable(text, (value) => Array.from(value).reverse().join('')),
  ),
  defineFunction(
    'Text.PadStart',
    '(text as nullable text, count as number, optional character as nullable text) as nullable text',
    (_ctx, [text, count, character]) =>
      nullable(text, (value) => value.padStart(asCount(count), padCharacter(character))),
  ),
  defineFunction(
    'Text.PadEnd',
    '(text as nullable text, count as number, optional character as nullable text) as nullable text',
    (_ctx, [text, count, character]) =>
      nullable(text, (value) => value.padEnd(asCount(count), padCharacter(character))),
  ),
  defineFunction('Text.Clean', '(text as nullable text) as nullable text', (_ctx, [text]) =>
    nullable(text, (value) => keepCharacters(value, (unit) => !isControl(unit.charCodeAt(0)))),
  ),
  defineFunction(
    'Text.Trim',
    '(text as nullable text, optional trim as any) as nullable text',
    (ctx, [text, characters]) =>
      nullable(text, (value) => trim(ctx, value, characters, true, true)),
  ),
  defineFunction(
    'Text.TrimStart',
    '(text as nullable text, optional trim as any) as nullable text',
    (ctx, [text, characters]) =>
      nullable(text, (value) => trim(ctx, value, characters, true, false)),
  ),
  defineFunction(
    'Text.TrimEnd',
    '(text as nullable text, optional trim as any) as nullable text',
    (ctx, [text, characters]) =>
      nullable(text, (value) => trim(ctx, value, characters, false, true)),
  ),
  defineFunction('Text.ToList', '(text as text) as list', (_ctx, [text]) =>
    ArrayList.of(asText(text).split('')),
  ),
  defineFunction(
    'Text.Split',
    '(text as text, separator as text) as list',
    (_ctx, [text, separator]) => ArrayList.of(splitText(asText(text), asText(separator))),
  ),
  defineFunction(
    'Text.SplitAny',
    '(text as text, separators as text) as list',
    (_ctx, [text, separators]) => {
      const value = asText(text);
      const set = new Set(asText(separators));
      const parts: Value[] = [];
      let start = 0;
      for (let index = 0; index < value.length; index++) {
        if (set.has(value[index] as string)) {
          parts.push(value.slice(start, index));
          start = index + 1;
        }
      }
      parts.push(value.slice(start));
      return ArrayList.of(parts);
    },
  ),
  defineFunction(
    'Text.Combine',
    '(texts as list, optional separator as nullable text) as text',
    (ctx, [texts, separator]) => {
      const pieces: string[] = [];
      const cursor = asList(texts).cursor(ctx);
      while (cursor.next()) {
        const item = strip(cursor.current);
        if (item === null) continue;
        if (typeof item !== 'string') throw typeError(item, 'text');
        pieces.push(item);
      }
      return pieces.join(separator === null ? '' : asText(separator));
    },
  ),
];

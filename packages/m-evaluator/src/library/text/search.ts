import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { ArrayList, ListValue } from '../../values/list.js';
import { TYPE } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asInteger, asList, asText } from '../arguments.js';
import { defineConstant, defineFunction, type LibraryEntry } from '../define.js';
import {
  indexOfText,
  lastIndexOfText,
  matchesAt,
  textComparison,
  type TextComparison,
} from '../comparer.js';
import { splitText } from './edit.js';

/**
 * Text functions that search: `Text.Contains`, `StartsWith`, `EndsWith`, `PositionOf`,
 * `PositionOfAny`, and the delimiter functions with their `RelativePosition` indexes.
 */

/** `Occurrence.First`, `Occurrence.Last` and `Occurrence.All` (the List namespace defines them). */
const OCCURRENCE_FIRST = 0;
const OCCURRENCE_LAST = 1;
const OCCURRENCE_ALL = 2;

/** `RelativePosition.FromStart` and `RelativePosition.FromEnd`. */
export const RELATIVE_POSITION = { fromStart: 0, fromEnd: 1 } as const;

function occurrenceOf(value: Value): number {
  if (value === null) return OCCURRENCE_FIRST;
  const occurrence = asInteger(value, 'The occurrence');
  if (occurrence < OCCURRENCE_FIRST || occurrence > OCCURRENCE_ALL) {
    throw MError.expression(
      'The occurrence must be Occurrence.First, Occurrence.Last or Occurrence.All.',
      occurrence,
    );
  }
  return occurrence;
}

function startsWith(ctx: Context, comparison: TextComparison, text: string, prefix: string) {
  if (comparison.kind === 'ordinal') return text.startsWith(prefix);
  return matchesAt(ctx, comparison, text, prefix, 0);
}

function endsWith(ctx: Context, comparison: TextComparison, text: string, suffix: string) {
  if (comparison.kind === 'ordinal') return text.endsWith(suffix);
  return matchesAt(ctx, comparison, text, suffix, text.length - suffix.length);
}

/** Every occurrence of `needle`, left to right, without overlaps. */
function allPositions(
  ctx: Context,
  comparison: TextComparison,
  text: string,
  needle: string,
): number[] {
  const positions: number[] = [];
  let from = 0;
  while (from <= text.length) {
    const at = indexOfText(ctx, comparison, text, needle, from);
    if (at < 0) break;
    positions.push(at);
    from = at + Math.max(needle.length, 1);
    ctx.tick();
  }
  return positions;
}

/**
 * A delimiter index (`index`, `startIndex`, `endIndex`): null is the first occurrence from the start,
 * a number an occurrence from the start, and `{n, RelativePosition.FromEnd}` one from the end.
 */
function delimiterIndex(ctx: Context, value: Value): { index: number; fromEnd: boolean } {
  const plain = strip(value);
  if (plain === null) return { index: 0, fromEnd: false };
  if (typeof plain === 'number') return { index: checkIndex(plain), fromEnd: false };
  if (plain instanceof ListValue) {
    const items = plain.toArray(ctx).map(strip);
    const [index, position] = items;
    if (
      items.length === 2 &&
      typeof index === 'number' &&
      (position === RELATIVE_POSITION.fromStart || position === RELATIVE_POSITION.fromEnd)
    ) {
      return { index: checkIndex(index), fromEnd: position === RELATIVE_POSITION.fromEnd };
    }
  }
  throw MError.expression(
    'The delimiter index must be a number, or a list of a number and a RelativePosition value.',
    plain,
  );
}

function checkIndex(index: number): number {
  if (!Number.isInteger(index) || index < 0) {
    throw MError.expression('The delimiter index must be a whole number, 0 or more.', index);
  }
  return index;
}

/**
 * The pieces of a text between a delimiter, as `Text.BeforeDelimiter` and `Text.AfterDelimiter`
 * see them: a null text has no pieces, and an empty delimiter is an error.
 */
function delimiterParts(text: Value, delimiter: Value): { parts: string[]; delimiter: string } {
  const separator = asText(delimiter);
  if (separator === '') throw MError.expression('The delimiter cannot be empty.', separator);
  const plain = strip(text);
  return { parts: plain === null ? [] : splitText(asText(plain), separator), delimiter: separator };
}

/** The text after the chosen delimiter (empty when there is no such delimiter). */
function afterDelimiter(ctx: Context, text: Value, delimiter: Value, index: Value): string {
  const where = delimiterIndex(ctx, index);
  const { parts, delimiter: separator } = delimiterParts(text, delimiter);
  const skip = where.fromEnd ? Math.max(parts.length - (where.index + 1), 0) : where.index + 1;
  return parts.slice(skip).join(separator);
}

/** The text before the chosen delimiter (all of it when there is no such delimiter). */
function beforeDelimiter(ctx: Context, text: Value, delimiter: Value, index: Value): string {
  const where = delimiterIndex(ctx, index);
  const { parts, delimiter: separator } = delimiterParts(text, delimiter);
  const take = where.fromEnd ? Math.max(parts.length - (where.index + 1), 0) : where.index + 1;
  return parts.slice(0, take).join(separator);
}

/** The searching and delimiter functions of the Text namespace, and `RelativePosition.*`. */
export const TEXT_SEARCH_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('RelativePosition.Type', TYPE.number),
  defineConstant('RelativePosition.FromStart', RELATIVE_POSITION.fromStart),
  defineConstant('RelativePosition.FromEnd', RELATIVE_POSITION.fromEnd),
  defineFunction(
    'Text.Contains',
    '(text as nullable text, substring as text, optional comparer as nullable function) as nullable logical',
    (ctx, [text, substring, comparer]) => {
      if (text === null) return null;
      return indexOfText(ctx, textComparison(comparer), asText(text), asText(substring)) >= 0;
    },
  ),
  defineFunction(
    'Text.StartsWith',
    '(text as nullable text, substring as text, optional comparer as nullable function) as nullable logical',
    (ctx, [text, substring, comparer]) => {
      if (text === null) return null;
      return startsWith(ctx, textComparison(comparer), asText(text), asText(substring));
    },
  ),
  defineFunction(
    'Text.EndsWith',
    '(text as nullable text, substring as text, optional comparer as nullable function) as nullable logical',
    (ctx, [text, substring, comparer]) => {
      if (text === null) return null;
      return endsWith(ctx, textComparison(comparer), asText(text), asText(substring));
    },
  ),
  defineFunction(
    'Text.PositionOf',
    '(text as text, substring as text, optional occurrence as nullable number, optional comparer as nullable function) as any',
    (ctx, [text, substring, occurrence, comparer]) => {
      const value = asText(text);
      const needle = asText(substring);
      const comparison = textComparison(comparer);
      switch (occurrenceOf(occurrence)) {
        case OCCURRENCE_FIRST:
          return indexOfText(ctx, comparison, value, needle);
        case OCCURRENCE_LAST:
          return lastIndexOfText(ctx, comparison, value, needle);
        default:
          return ArrayList.of(allPositions(ctx, comparison, value, needle));
      }
    },
  ),
  defineFunction(
    'Text.PositionOfAny',
    '(text as text, characters as list, optional occurrence as nullable number) as any',
    (ctx, [text, characters, occurrence]) => {
      const value = asText(text);
      const set = new Set<string>();
      for (const item of asList(characters).toArray(ctx)) {
        const character = asText(item);
        if (character.length !== 1) {
          throw MError.expression(
            'Each item of the characters must be a single character.',
            character,
          );
        }
        set.add(character);
      }
      const positions: number[] = [];
      for (let index = 0; index < value.length; index++) {
        if (set.has(value[index] as string)) positions.push(index);
      }
      switch (occurrenceOf(occurrence)) {
        case OCCURRENCE_FIRST:
          return positions[0] ?? -1;
        case OCCURRENCE_LAST:
          return positions[positions.length - 1] ?? -1;
        default:
          return ArrayList.of(positions);
      }
    },
  ),
  defineFunction(
    'Text.AfterDelimiter',
    '(text as nullable text, delimiter as text, optional index as any) as any',
    (ctx, [text, delimiter, index]) => afterDelimiter(ctx, text, delimiter, index),
  ),
  defineFunction(
    'Text.BeforeDelimiter',
    '(text as nullable text, delimiter as text, optional index as any) as any',
    (ctx, [text, delimiter, index]) => beforeDelimiter(ctx, text, delimiter, index),
  ),
  defineFunction(
    'Text.BetweenDelimiters',
    '(text as nullable text, startDelimiter as text, endDelimiter as text, optional startIndex as any, optional endIndex as any) as any',
    (ctx, [text, startDelimiter, endDelimiter, startIndex, endIndex]) => {
      // The end index counts from the start delimiter: forwards, or backwards when FromEnd.
      if (!delimiterIndex(ctx, endIndex).fromEnd) {
        const after = afterDelimiter(ctx, text, startDelimiter, startIndex);
        return beforeDelimiter(ctx, after, endDelimiter, endIndex);
      }
      const before = beforeDelimiter(ctx, text, startDelimiter, startIndex);
      return afterDelimiter(ctx, before, endDelimiter, endIndex);
    },
  ),
];

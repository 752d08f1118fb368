import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { FunctionValue } from '../values/function.js';
import { ArrayList, ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { nullablePrimitive, TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asCount, asInteger, asList, asLogical, asText, typeError } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { quotingOf, splitFields, type DelimiterMatcher, type Quoting } from './quote-style.js';
import { ComputedFunction, parameter } from './text/computed-function.js';
import { isWhiteSpace } from './text/unicode.js';

/**
 * `Splitter.*`: functions that return splitters, functions from a line of text to a list of texts
 * (`Table.SplitColumn`, `Table.FromList` and `Csv.Document` use them). A splitter maps null to an
 * empty list. Splitters that start at the end split the reversed text and reverse the pieces back.
 */

/** The metadata the engine gives text splitters (`Table.FromList` types their columns as text). */
const TEXT_TO_TEXT = RecordValue.of([['Text.ToText', true]]);

type Split = (ctx: Context, line: string) => string[];

/** A splitter function from a split of one text. */
function splitter(split: Split): FunctionValue {
  return new ComputedFunction(
    [parameter('line', nullablePrimitive('text'))],
    TYPE.list,
    (ctx, [line]) => (line === null ? ArrayList.EMPTY : ArrayList.of(split(ctx, asText(line)))),
  ).withMeta(TEXT_TO_TEXT);
}

function reverse(text: string): string {
  let out = '';
  for (let index = text.length - 1; index >= 0; index--) out += text[index] as string;
  return out;
}

/** The same split, applied from the end of the text. */
function fromEnd(split: Split, startAtEnd: boolean): Split {
  if (!startAtEnd) return split;
  return (ctx, line) => split(ctx, reverse(line)).map(reverse).reverse();
}

function flag(value: Value): boolean {
  return value === null ? false : asLogical(value);
}

/** The texts of a delimiter list: each a non-empty text (reversed when splitting from the end). */
export function delimiterTexts(ctx: Context, delimiters: Value, reversed = false): string[] {
  return asList(delimiters)
    .toArray(ctx)
    .map((item) => {
      const text = strip(item);
      if (typeof text !== 'string' || text === '') {
        throw MError.expression('Each delimiter must be a non-empty text.', delimiters);
      }
      return reversed ? reverse(text) : text;
    });
}

function startsAt(text: string, index: number, delimiter: string): boolean {
  return text.startsWith(delimiter, index);
}

/** A range of a text: its offset and length (`Infinity`: to the end). */
export interface TextRange {
  readonly offset: number;
  readonly length: number;
}

/** The pieces of a text at ranges: an empty text for a range past the end. */
function cutRanges(ranges: readonly TextRange[]): Split {
  return (_ctx, line) =>
    ranges.map(({ offset, length }) =>
      offset < line.length
        ? line.slice(offset, offset + Math.min(length, line.length - offset))
        : '',
    );
}

/** `{{offset, length}, …}`, a null length meaning the rest of the text. */
export function rangesOf(ctx: Context, value: Value): TextRange[] {
  return asList(value)
    .toArray(ctx)
    .map((item) => {
      const pair = strip(item);
      if (!(pair instanceof ListValue) || pair.count(ctx) !== 2) {
        throw MError.expression('Each range must be a list of an offset and a length.', pair);
      }
      const [offset, length] = pair.toArray(ctx);
      return {
        offset: asCount(offset ?? null, 'The range offset'),
        length:
          strip(length ?? null) === null ? Infinity : asCount(length ?? null, 'The range length'),
      };
    });
}

/** Ranges that follow each other with the lengths given. */
export function rangesFromLengths(ctx: Context, value: Value): TextRange[] {
  let offset = 0;
  return asList(value)
    .toArray(ctx)
    .map((item) => {
      const length = asCount(item, 'The length');
      const range = { offset, length };
      offset += length;
      return range;
    });
}

/** Ranges between positions (the last to the end); positions never go backwards. */
export function rangesFromPositions(ctx: Context, value: Value): TextRange[] {
  const positions = asList(value)
    .toArray(ctx)
    .map((item) => asCount(item, 'The position'));
  positions.forEach((position, index) => {
    if (index > 0 && position < (positions[index - 1] as number)) {
      throw MError.expression('The positions must be in increasing order.', position);
    }
  });
  return positions.map((offset, index) => ({
    offset,
    length: index + 1 < positions.length ? (positions[index + 1] as number) - offset : Infinity,
  }));
}

/** The test of `Splitter.SplitTextByCharacterTransition`: a list of characters or a function. */
function characterTest(ctx: Context, value: Value): (character: string) => boolean {
  const plain = strip(value);
  if (plain instanceof FunctionValue) {
    return (character) => {
      const result = strip(plain.call1(ctx, character));
      if (typeof result !== 'boolean') throw typeError(result, 'logical');
      return result;
    };
  }
  if (plain instanceof ListValue) {
    const set = new Set<string>();
    for (const item of plain.toArray(ctx)) {
      const character = asText(item);
      if (character.length !== 1) {
        throw MError.expression('Each item must be a single character.', character);
      }
      set.add(character);
    }
    return (character) => set.has(character);
  }
  throw MError.expression('The characters must be a list of characters or a function.', plain);
}

function delimited(matcher: DelimiterMatcher, quoting: Quoting): Split {
  return (_ctx, line) => splitFields(line, matcher, quoting);
}

/** The Splitter namespace. */
export const SPLITTER_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Splitter.SplitByNothing',
    '() as function',
    () =>
      new ComputedFunction([parameter('value')], TYPE.list, (_ctx, [value]) =>
        ArrayList.of([value]),
      ),
  ),
  defineFunction(
    'Splitter.SplitTextByDelimiter',
    '(delimiter as text, optional quoteStyle as nullable number, optional csvStyle as nullable number) as function',
    (_ctx, [delimiter, quoteStyle, csvStyle]) => {
      const text = asText(delimiter);
      if (text === '') throw MError.expression('The delimiter cannot be empty.', text);
      const quoting = quotingOf(quoteStyle, csvStyle, true);
      return splitter(
        delimited((line, index) => (startsAt(line, index, text) ? text.length : 0), quoting),
      );
    },
  ),
  defineFunction(
    'Splitter.SplitTextByEachDelimiter',
    '(delimiters as list, optional quoteStyle as nullable number, optional startAtEnd as nullable logical) as function',
    (ctx, [delimiters, quoteStyle, startAtEnd]) => {
      const reversed = flag(startAtEnd);
      const texts = delimiterTexts(ctx, delimiters, reversed);
      const quoting = quotingOf(quoteStyle, null, true);
      const matcher: DelimiterMatcher = (line, index, field) => {
        const delimiter = texts[field];
        return delimiter !== undefined && startsAt(line, index, delimiter) ? delimiter.length : 0;
      };
      return splitter(fromEnd(delimited(matcher, quoting), reversed));
    },
  ),
  defineFunction(
    'Splitter.SplitTextByAnyDelimiter',
    '(delimiters as list, optional quoteStyle as nullable number, optional startAtEnd as nullable logical) as function',
    (ctx, [delimiters, quoteStyle, startAtEnd]) => {
      const reversed = flag(startAtEnd);
      const texts = delimiterTexts(ctx, delimiters, reversed);
      const quoting = quotingOf(quoteStyle, null, true);
      const matcher: DelimiterMatcher = (line, index) => {
        for (const delimiter of texts) {
          if (startsAt(line, index, delimiter)) return delimiter.length;
        }
        return 0;
      };
      return splitter(fromEnd(delimited(matcher, quoting), reversed));
    },
  ),
  defineFunction(
    'Splitter.SplitTextByWhitespace',
    '(optional quoteStyle as nullable number) as function',
    (_ctx, [quoteStyle]) => {
      const quoting = quotingOf(quoteStyle, null, true);
      const matcher: DelimiterMatcher = (line, index) => {
        let end = index;
        while (end < line.length && isWhiteSpace(line.charCodeAt(end))) end++;
        return end - index;
      };
      return splitter(delimited(matcher, quoting));
    },
  ),
  defineFunction(
    'Splitter.SplitTextByCharacterTransition',
    '(before as anynonnull, after as anynonnull) as function',
    (ctx, [before, after]) => {
      const isBefore = characterTest(ctx, before);
      const isAfter = characterTest(ctx, after);
      return splitter((_ctx, line) => {
        const pieces: string[] = [];
        let start = 0;
        for (let index = 1; index < line.length; index++) {
          if (isBefore(line[index - 1] as string) && isAfter(line[index] as string)) {
            pieces.push(line.slice(start, index));
            start = index;
          }
        }
        pieces.push(line.slice(start));
        return pieces;
      });
    },
  ),
  defineFunction(
    'Splitter.SplitTextByRanges',
    '(ranges as list, optional startAtEnd as nullable logical) as function',
    (ctx, [ranges, startAtEnd]) =>
      splitter(fromEnd(cutRanges(rangesOf(ctx, ranges)), flag(startAtEnd))),
  ),
  defineFunction(
    'Splitter.SplitTextByPositions',
    '(positions as list, optional startAtEnd as nullable logical) as function',
    (ctx, [positions, startAtEnd]) =>
      splitter(fromEnd(cutRanges(rangesFromPositions(ctx, positions)), flag(startAtEnd))),
  ),
  defineFunction(
    'Splitter.SplitTextByLengths',
    '(lengths as list, optional startAtEnd as nullable logical) as function',
    (ctx, [lengths, startAtEnd]) =>
      splitter(fromEnd(cutRanges(rangesFromLengths(ctx, lengths)), flag(startAtEnd))),
  ),
  defineFunction(
    'Splitter.SplitTextByRepeatedLengths',
    '(length as number, optional startAtEnd as nullable logical) as function',
    (_ctx, [length, startAtEnd]) => {
      const size = asCount(asInteger(length, 'The length'), 'The length');
      const split: Split = (_inner, line) => {
        if (size === 0) return [''];
        const pieces: string[] = [];
        for (let offset = 0; offset < line.length; offset += size) {
          pieces.push(line.slice(offset, offset + size));
        }
        return pieces;
      };
      return splitter(fromEnd(split, flag(startAtEnd)));
    },
  ),
];

import type { Context } from '../context.js';
import type { FunctionValue } from '../values/function.js';
import { TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asList, asText, asTextOrNull, typeError } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';
import { joinFields, quoteStyleOf } from './quote-style.js';
import {
  delimiterTexts,
  rangesFromLengths,
  rangesFromPositions,
  rangesOf,
  type TextRange,
} from './splitter.js';
import { ComputedFunction, parameter } from './text/computed-function.js';

/**
 * `Combiner.*`: functions that return combiners, functions from a list of texts to one text
 * (`Table.CombineColumns` and `Table.ToList` use them). Null items count as empty texts.
 */

/** The texts of a combiner's list: null is an empty text, anything else but text an error. */
function fieldTexts(ctx: Context, list: Value): string[] {
  return asList(list)
    .toArray(ctx)
    .map((item) => {
      const plain = strip(item);
      if (plain === null) return '';
      if (typeof plain !== 'string') throw typeError(plain, 'text');
      return plain;
    });
}

function combiner(name: string, combine: (fields: string[]) => string): FunctionValue {
  return new ComputedFunction([parameter(name, TYPE.list)], TYPE.text, (ctx, [list]) =>
    combine(fieldTexts(ctx, list)),
  );
}

/** Writes fields into a template at ranges, padding with spaces (`CombineTextByRanges`, …). */
function combineRanges(
  ranges: readonly TextRange[],
  template: string,
): (fields: string[]) => string {
  return (fields) => {
    const out = template.split('');
    ranges.forEach(({ offset, length }, index) => {
      const field = fields[index] ?? '';
      const count = Math.min(length, field.length);
      while (out.length < offset + count) out.push(' ');
      for (let position = 0; position < count; position++) {
        out[offset + position] = field[position] as string;
      }
    });
    return out.join('');
  };
}

function templateOf(value: Value): string {
  return asTextOrNull(value) ?? '';
}

/** The Combiner namespace. */
export const COMBINER_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Combiner.CombineTextByDelimiter',
    '(delimiter as text, optional quoteStyle as nullable number) as function',
    (_ctx, [delimiter, quoteStyle]) => {
      const text = asText(delimiter);
      const quoting = quoteStyleOf(quoteStyle, true);
      return combiner('list', (fields) => joinFields(fields, () => text, quoting, [text]));
    },
  ),
  defineFunction(
    'Combiner.CombineTextByEachDelimiter',
    '(delimiters as list, optional quoteStyle as nullable number) as function',
    (ctx, [delimiters, quoteStyle]) => {
      const texts = delimiterTexts(ctx, delimiters);
      const quoting = quoteStyleOf(quoteStyle, true);
      return combiner('list', (fields) =>
        joinFields(fields, (index) => texts[index] ?? '', quoting, texts),
      );
    },
  ),
  defineFunction(
    'Combiner.CombineTextByLengths',
    '(lengths as list, optional template as nullable text) as function',
    (ctx, [lengths, template]) =>
      combiner('fields', combineRanges(rangesFromLengths(ctx, lengths), templateOf(template))),
  ),
  defineFunction(
    'Combiner.CombineTextByPositions',
    '(positions as list, optional template as nullable text) as function',
    (ctx, [positions, template]) =>
      combiner('fields', combineRanges(rangesFromPositions(ctx, positions), templateOf(template))),
  ),
  defineFunction(
    'Combiner.CombineTextByRanges',
    '(ranges as list, optional template as nullable text) as function',
    (ctx, [ranges, template]) =>
      combiner('fields', combineRanges(rangesOf(ctx, ranges), templateOf(template))),
  ),
];

import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { compareValues } from '../operators/ordering.js';
import { type FunctionValue } from '../values/function.js';
import { TYPE } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asFunction, asLogical, asText } from './arguments.js';
import { defineFunction, type LibraryEntry, type LibraryFunction } from './define.js';
import { NativeFunction } from './native-function.js';
import { ComputedFunction, parameter } from './text/computed-function.js';
import { checkCulture, foldCase } from './text/unicode.js';

/**
 * `Comparer.*`: comparer functions `(x, y) => -1 | 0 | 1`, and how the text functions that take a
 * comparer (`Text.Contains`, `Text.PositionOf`, …) compare with one. Text is compared ordinally
 * (UTF-16 code units), ordinally ignoring case, or by a culture's collation (`Intl.Collator`); other
 * values by the standard order of `Value.Compare`.
 */

function sign(value: number): number {
  return value < 0 ? -1 : value > 0 ? 1 : 0;
}

function ordinal(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The culture and case sensitivity behind a function made by `Comparer.FromCulture`. */
export class CultureComparison {
  readonly collator: Intl.Collator;

  constructor(
    readonly culture: string,
    readonly ignoreCase: boolean,
  ) {
    this.collator = new Intl.Collator(culture === '' ? 'und' : culture, {
      sensitivity: ignoreCase ? 'accent' : 'variant',
    });
  }
}

/** How text is compared: what a comparer argument means for the text functions. */
export type TextComparison =
  | { readonly kind: 'ordinal' }
  | { readonly kind: 'ignoreCase' }
  | { readonly kind: 'culture'; readonly collator: Intl.Collator }
  | { readonly kind: 'function'; readonly fn: FunctionValue };

const ORDINAL: TextComparison = { kind: 'ordinal' };
const IGNORE_CASE: TextComparison = { kind: 'ignoreCase' };

function compareOrdinal(_ctx: Context, left: Value, right: Value): number {
  const a = strip(left);
  const b = strip(right);
  if (typeof a === 'string' && typeof b === 'string') return ordinal(a, b);
  return compareValues(a, b);
}

function compareIgnoreCase(_ctx: Context, left: Value, right: Value): number {
  const a = strip(left);
  const b = strip(right);
  if (typeof a === 'string' && typeof b === 'string') return ordinal(foldCase(a), foldCase(b));
  return compareValues(a, b);
}

/** `Comparer.Ordinal`. */
export const COMPARER_ORDINAL: LibraryFunction = defineFunction(
  'Comparer.Ordinal',
  '(x as any, y as any) as number',
  (ctx, [x, y]) => compareOrdinal(ctx, x, y),
);

/** `Comparer.OrdinalIgnoreCase`. */
export const COMPARER_ORDINAL_IGNORE_CASE: LibraryFunction = defineFunction(
  'Comparer.OrdinalIgnoreCase',
  '(x as any, y as any) as number',
  (ctx, [x, y]) => compareIgnoreCase(ctx, x, y),
);

/** The comparer function of `Comparer.FromCulture(culture, ignoreCase)`. */
export function cultureComparer(culture: string, ignoreCase: boolean): ComputedFunction {
  const comparison = new CultureComparison(checkCulture(culture), ignoreCase);
  return new ComputedFunction(
    [parameter('x'), parameter('y')],
    TYPE.number,
    (_ctx, [x, y]) => {
      const a = strip(x);
      const b = strip(y);
      if (typeof a === 'string' && typeof b === 'string') {
        return sign(comparison.collator.compare(a, b));
      }
      return compareValues(a, b);
    },
    comparison,
  );
}

/**
 * What a comparer argument means for text: null is ordinal; the library comparers and those made by
 * `Comparer.FromCulture` are recognised; any other function is called on pieces of text.
 */
export function textComparison(comparer: Value): TextComparison {
  const plain = strip(comparer);
  if (plain === null) return ORDINAL;
  const fn = asFunction(plain).base;
  if (fn instanceof NativeFunction) {
    if (fn.definition === COMPARER_ORDINAL) return ORDINAL;
    if (fn.definition === COMPARER_ORDINAL_IGNORE_CASE) return IGNORE_CASE;
  }
  if (fn instanceof ComputedFunction && fn.data instanceof CultureComparison) {
    return { kind: 'culture', collator: fn.data.collator };
  }
  return { kind: 'function', fn };
}

/** The order of two texts under a comparison: -1, 0 or 1. */
export function compareTexts(
  ctx: Context,
  comparison: TextComparison,
  left: string,
  right: string,
): number {
  switch (comparison.kind) {
    case 'ordinal':
      return ordinal(left, right);
    case 'ignoreCase':
      return ordinal(foldCase(left), foldCase(right));
    case 'culture':
      return sign(comparison.collator.compare(left, right));
    case 'function': {
      const result = strip(comparison.fn.call2(ctx, left, right));
      if (typeof result !== 'number') {
        throw MError.expression('A comparer must return a number.', result);
      }
      return sign(result);
    }
  }
}

/**
 * Where `needle` occurs in `text` at or after `from` (or -1). Ordinal comparisons search directly;
 * culture and function comparisons compare each piece of `text` as long as `needle`.
 */
export function indexOfText(
  ctx: Context,
  comparison: TextComparison,
  text: string,
  needle: string,
  from = 0,
): number {
  switch (comparison.kind) {
    case 'ordinal':
      return text.indexOf(needle, from);
    case 'ignoreCase':
      return foldCase(text).indexOf(foldCase(needle), from);
    default:
      for (let index = from; index + needle.length <= text.length; index++) {
        ctx.tick();
        if (matchesAt(ctx, comparison, text, needle, index)) return index;
      }
      return -1;
  }
}

/** The last occurrence of `needle` in `text` (or -1). */
export function lastIndexOfText(
  ctx: Context,
  comparison: TextComparison,
  text: string,
  needle: string,
): number {
  switch (comparison.kind) {
    case 'ordinal':
      return text.lastIndexOf(needle);
    case 'ignoreCase':
      return foldCase(text).lastIndexOf(foldCase(needle));
    default:
      for (let index = text.length - needle.length; index >= 0; index--) {
        ctx.tick();
        if (matchesAt(ctx, comparison, text, needle, index)) return index;
      }
      return -1;
  }
}

/** Whether the piece of `text` at `index` equals `needle` under the comparison. */
export function matchesAt(
  ctx: Context,
  comparison: TextComparison,
  text: string,
  needle: string,
  index: number,
): boolean {
  if (index < 0 || index + needle.length > text.length) return false;
  const piece = text.slice(index, index + needle.length);
  return compareTexts(ctx, comparison, piece, needle) === 0;
}

/** The comparer namespace. */
export const COMPARER_LIBRARY: readonly LibraryEntry[] = [
  COMPARER_ORDINAL,
  COMPARER_ORDINAL_IGNORE_CASE,
  defineFunction(
    'Comparer.FromCulture',
    '(culture as text, optional ignoreCase as nullable logical) as function',
    (_ctx, [culture, ignoreCase]) =>
      cultureComparer(asText(culture), ignoreCase === null ? false : asLogical(ignoreCase)),
  ),
  defineFunction(
    'Comparer.Equals',
    '(comparer as function, x as any, y as any) as logical',
    (ctx, [comparer, x, y]) => {
      const result = strip(asFunction(comparer).call2(ctx, x, y));
      if (typeof result !== 'number') {
        throw MError.expression('A comparer must return a number.', result);
      }
      return result === 0;
    },
  ),
];

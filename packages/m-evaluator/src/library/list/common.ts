import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { FunctionValue } from '../../values/function.js';
import type { ListValue } from '../../values/list.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asLogical } from '../arguments.js';
import { positional, type Positional } from './lazy.js';

/** Helpers shared by the List functions: argument forms and the engine's messages. */

/** The engine's error for an enumeration with too few items (`List.Single({})`). */
export function notEnoughElements(): MError {
  return MError.expression(
    "There weren't enough elements in the enumeration to complete the operation.",
  );
}

/** The engine's error for an enumeration with too many items (`List.Single({1, 2})`). */
export function tooManyElements(): MError {
  return MError.expression(
    'There were too many elements in the enumeration to complete the operation.',
  );
}

/** The error for an index or a range outside a list. */
export function outOfRange(what: string, value: number): MError {
  return MError.expression(`The ${what} is outside the bounds of the list.`, value);
}

/** A `countOrCondition` argument: a count (a whole number, not negative) or a condition. */
export function countOrCondition(value: Value): number | FunctionValue {
  const plain = strip(value);
  if (plain instanceof FunctionValue) return plain;
  return asCount(plain);
}

/** A condition as a JavaScript predicate: the function must return a logical. */
export function predicate(condition: FunctionValue): (ctx: Context, value: Value) => boolean {
  return (ctx, value) => asLogical(condition.call1(ctx, value));
}

/** The values of `Occurrence.First`, `Occurrence.Last` and `Occurrence.All`. */
export const OCCURRENCE = { first: 0, last: 1, all: 2 } as const;

/** An `occurrence` argument (null is `Occurrence.First`). */
export function asOccurrence(value: Value): 0 | 1 | 2 {
  const plain = strip(value);
  if (plain === null) return OCCURRENCE.first;
  if (plain === 0 || plain === 1 || plain === 2) return plain;
  throw MError.expression(
    'The occurrence must be Occurrence.First (0), Occurrence.Last (1) or Occurrence.All (2).',
    plain,
  );
}

/** Random access to every item: the list's own when it has it, or its items computed in an array. */
export function materialize(ctx: Context, list: ListValue): Positional {
  const view = positional(list);
  if (view !== undefined) return view;
  const values = list.toArray(ctx);
  return { length: values.length, at: (_ctx, index) => values[index] as Value };
}

/** The values of `Precision.Double` and `Precision.Decimal`; true for decimal. */
export function asPrecision(value: Value): boolean {
  const plain = strip(value);
  if (plain === null || plain === 0) return false;
  if (plain === 1) return true;
  throw MError.expression(
    'The precision must be Precision.Double (0) or Precision.Decimal (1).',
    plain,
  );
}

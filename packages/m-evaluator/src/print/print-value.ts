import { print } from '@pqsdk/m-parser';
import type { Context } from '../context.js';
import type { Value } from '../values/value.js';
import { valueSyntax } from './value-syntax.js';

/** Options of {@link printValue}. */
export interface PrintValueOptions {
  /** Write `let` and nested values over several lines (default false: one line). */
  readonly multiline?: boolean;
}

/**
 * Writes a value as an M literal, in the style of the real SDK's `.pqout` files: it re-parses and
 * evaluates to an equal value. Fields and items that raise errors are written as `error [...]`.
 *
 * @example
 * ```ts
 * printValue(ctx, value); // '#table(type table [A = number, B = text], {{1, "x"}})'
 * ```
 */
export function printValue(ctx: Context, value: Value, options: PrintValueOptions = {}): string {
  return print(valueSyntax(ctx, value), { multiline: options.multiline ?? false });
}

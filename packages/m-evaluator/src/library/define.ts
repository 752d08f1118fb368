import type { Context } from '../context.js';
import type { Value } from '../values/value.js';

/**
 * The implementation of a library function. `args` always has one entry per declared parameter
 * (an omitted optional argument is `null`), each already checked against its declared type, with
 * the metadata wrapper of primitive values removed unless the declaration asks to keep it.
 */
export type NativeImplementation = (ctx: Context, args: Arguments) => Value;

/**
 * The arguments of a library call: one per declared parameter. The first ten are typed as present,
 * so implementations can destructure them (`(ctx, [list, count]) => …`); a declaration never has more
 * parameters than it reads.
 */
export type Arguments = readonly Value[] & {
  readonly 0: Value;
  readonly 1: Value;
  readonly 2: Value;
  readonly 3: Value;
  readonly 4: Value;
  readonly 5: Value;
  readonly 6: Value;
  readonly 7: Value;
  readonly 8: Value;
  readonly 9: Value;
};

/** A library function: its M name, its documented function type, and its implementation. */
export interface LibraryFunction {
  readonly kind: 'function';
  /** The name, such as `List.Sum`. */
  readonly name: string;
  /**
   * The documented signature after the name, in M syntax:
   * `(list as list, optional precision as nullable number) as any`.
   */
  readonly signature: string;
  readonly implementation: NativeImplementation;
  /** Pass arguments with their metadata (for `Value.Metadata` and friends). */
  readonly keepMetadata?: boolean;
}

/** A library constant: `Order.Ascending`, `Int64.Type`, `TextEncoding.Utf8`, … */
export interface LibraryConstant {
  readonly kind: 'constant';
  readonly name: string;
  /** The value, or a function that makes it on first use. */
  readonly value: Value | (() => Value);
}

/**
 * A library value that depends on the evaluation (`Culture.Current` reads its culture option): made
 * once per evaluation context, on first use.
 */
export interface LibraryContextValue {
  readonly kind: 'contextual';
  readonly name: string;
  readonly value: (ctx: Context) => Value;
}

/** An entry of the standard library. Registration is data: arrays of entries per namespace. */
export type LibraryEntry = LibraryFunction | LibraryConstant | LibraryContextValue;

/** Declares a library function. */
export function defineFunction(
  name: string,
  signature: string,
  implementation: NativeImplementation,
  options: { readonly keepMetadata?: boolean } = {},
): LibraryFunction {
  return {
    kind: 'function',
    name,
    signature,
    implementation,
    ...(options.keepMetadata === true ? { keepMetadata: true } : {}),
  };
}

/** Declares a library constant. */
export function defineConstant(name: string, value: Value | (() => Value)): LibraryConstant {
  return { kind: 'constant', name, value };
}

/**
 * Declares a library value made from the evaluation's context, once per context.
 *
 * @example
 * ```ts
 * defineContextValue('Culture.Current', (ctx) => ctx.culture);
 * ```
 */
export function defineContextValue(
  name: string,
  value: (ctx: Context) => Value,
): LibraryContextValue {
  return { kind: 'contextual', name, value };
}

import { arityError } from '../../compile/closure.js';
import type { Context } from '../../context.js';
import { conforms, conversionError } from '../../types/conformance.js';
import { FunctionValue } from '../../values/function.js';
import {
  functionType,
  TYPE,
  type FunctionTypeParameter,
  type TypeValue,
} from '../../values/type.js';
import { AnnotatedValue, type Value } from '../../values/value.js';
import type { Arguments } from '../define.js';

/** The implementation of a {@link ComputedFunction}: one argument per declared parameter. */
export type ComputedImplementation = (ctx: Context, args: Arguments) => Value;

/** A parameter of a function type: `name as type`, optionally `optional`. */
export function parameter(
  name: string,
  type: TypeValue = TYPE.any,
  optional = false,
): FunctionTypeParameter {
  return { name, type, optional };
}

/**
 * A function value made by a library function at run time: the splitter returned by
 * `Splitter.SplitTextByDelimiter(",")`, the combiner of `Combiner.CombineTextByDelimiter(";")`, the
 * comparer of `Comparer.FromCulture("de-DE")`. It has a proper function type, and checks its
 * argument count and parameter types as library functions do. `data` lets library code recognise
 * what a function is (a culture comparer, for example) without calling it.
 */
export class ComputedFunction extends FunctionValue {
  readonly #type: TypeValue;
  readonly #required: number;
  readonly #total: number;
  /** Per parameter: the type to check, or null when any value is accepted. */
  readonly #checks: readonly (TypeValue | null)[];
  readonly #optional: readonly boolean[];

  constructor(
    parameters: readonly FunctionTypeParameter[],
    returnType: TypeValue,
    readonly implementation: ComputedImplementation,
    readonly data: unknown = null,
  ) {
    super();
    this.#type = functionType(parameters, returnType);
    this.#required = parameters.filter((item) => !item.optional).length;
    this.#total = parameters.length;
    this.#checks = parameters.map((item) => (item.type.isPrimitive('any') ? null : item.type));
    this.#optional = parameters.map((item) => item.optional);
  }

  get type(): TypeValue {
    return this.#type;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    const count = args.length;
    if (count < this.#required || count > this.#total) {
      throw arityError(count, this.#required, this.#total);
    }
    const values = new Array<Value>(this.#total);
    for (let index = 0; index < this.#total; index++) {
      values[index] = index < count ? this.#argument(index, args[index] as Value) : null;
    }
    ctx.tick();
    return this.implementation(ctx, values as unknown as Arguments);
  }

  override call1(ctx: Context, first: Value): Value {
    if (this.#required > 1 || this.#total < 1) throw arityError(1, this.#required, this.#total);
    const values = this.#total === 1 ? [first] : new Array<Value>(this.#total).fill(null);
    values[0] = this.#argument(0, first);
    ctx.tick();
    return this.implementation(ctx, values as unknown as Arguments);
  }

  override call2(ctx: Context, first: Value, second: Value): Value {
    if (this.#required > 2 || this.#total < 2) throw arityError(2, this.#required, this.#total);
    const values = this.#total === 2 ? [first, second] : new Array<Value>(this.#total).fill(null);
    values[0] = this.#argument(0, first);
    values[1] = this.#argument(1, second);
    ctx.tick();
    return this.implementation(ctx, values as unknown as Arguments);
  }

  #argument(index: number, raw: Value): Value {
    const value = raw instanceof AnnotatedValue ? raw.value : raw;
    const type = this.#checks[index];
    if (type === null || type === undefined) return value;
    if (value === null && this.#optional[index] === true) return value;
    if (!conforms(value, type)) throw conversionError(value, type);
    return value;
  }
}

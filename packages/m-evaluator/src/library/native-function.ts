import { parse } from '@pqsdk/m-parser';
import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { arityError } from '../compile/closure.js';
import { compileType } from '../compile/types.js';
import { conforms, conversionError } from '../types/conformance.js';
import { FunctionValue } from '../values/function.js';
import type { TypeValue } from '../values/type.js';
import { AnnotatedValue, type Value } from '../values/value.js';
import type { Arguments, LibraryFunction } from './define.js';

interface Checks {
  readonly type: TypeValue;
  readonly required: number;
  readonly total: number;
  /** Per parameter: the type to check, or null when any value is accepted. */
  readonly types: readonly (TypeValue | null)[];
  readonly optional: readonly boolean[];
}

/** Reads a documented signature into a function type. */
export function signatureType(name: string, signature: string): TypeValue {
  const result = parse(`type function ${signature}`, { mode: 'expression' });
  const ast = result.ast;
  if (
    !result.ok ||
    ast?.kind !== 'ExpressionDocument' ||
    ast.expression.kind !== 'TypeExpression'
  ) {
    throw new Error(`the library signature of ${name} does not parse: ${signature}`);
  }
  const compiled = compileType(ast.expression.type, () => {
    throw new Error(`the library signature of ${name} may use primitive types only: ${signature}`);
  });
  if (compiled.constant === undefined) throw new Error(`bad signature of ${name}`);
  return compiled.constant;
}

/**
 * A function of the standard library. Its type is read from its documented signature on first use;
 * every call checks the argument count and the declared parameter types, as the engine does.
 */
export class NativeFunction extends FunctionValue {
  #checks: Checks | undefined;

  constructor(readonly definition: LibraryFunction) {
    super();
  }

  override get name(): string {
    return this.definition.name;
  }

  get type(): TypeValue {
    return this.checks.type;
  }

  private get checks(): Checks {
    if (this.#checks !== undefined) return this.#checks;
    const type = signatureType(this.definition.name, this.definition.signature);
    const shape = type.shape;
    if (shape.kind !== 'function') throw new Error(`bad signature of ${this.definition.name}`);
    const parameters = shape.parameters;
    this.#checks = {
      type,
      required: parameters.filter((parameter) => !parameter.optional).length,
      total: parameters.length,
      types: parameters.map((parameter) =>
        parameter.type.isPrimitive('any') ? null : parameter.type,
      ),
      optional: parameters.map((parameter) => parameter.optional),
    };
    return this.#checks;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    const checks = this.checks;
    const count = args.length;
    if (count < checks.required || count > checks.total) {
      throw arityError(count, checks.required, checks.total);
    }
    const values = new Array<Value>(checks.total);
    for (let index = 0; index < checks.total; index++) {
      values[index] = index < count ? this.argument(checks, index, args[index] as Value) : null;
    }
    ctx.tick();
    return this.definition.implementation(ctx, values as unknown as Arguments);
  }

  override call1(ctx: Context, first: Value): Value {
    const checks = this.checks;
    if (checks.required > 1 || checks.total < 1) throw arityError(1, checks.required, checks.total);
    const values = checks.total === 1 ? [first] : new Array<Value>(checks.total).fill(null);
    values[0] = this.argument(checks, 0, first);
    ctx.tick();
    return this.definition.implementation(ctx, values as unknown as Arguments);
  }

  override call2(ctx: Context, first: Value, second: Value): Value {
    const checks = this.checks;
    if (checks.required > 2 || checks.total < 2) throw arityError(2, checks.required, checks.total);
    const values = checks.total === 2 ? [first, second] : new Array<Value>(checks.total).fill(null);
    values[0] = this.argument(checks, 0, first);
    values[1] = this.argument(checks, 1, second);
    ctx.tick();
    return this.definition.implementation(ctx, values as unknown as Arguments);
  }

  private argument(checks: Checks, index: number, raw: Value): Value {
    const value =
      raw instanceof AnnotatedValue && this.definition.keepMetadata !== true ? raw.value : raw;
    const type = checks.types[index];
    if (type === null || type === undefined) return value;
    if (value === null && checks.optional[index] === true) return value;
    if (!conforms(value, type)) throw conversionError(value, type);
    return value;
  }
}

/** Raised by library code for an argument outside what a function accepts. */
export function argumentError(message: string, detail: Value = null): MError {
  return MError.expression(message, detail);
}

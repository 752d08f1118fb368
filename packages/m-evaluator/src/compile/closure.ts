import type { Expression } from '@pqsdk/m-ast';
import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { assertConforms, conforms, conversionError } from '../types/conformance.js';
import { FunctionValue } from '../values/function.js';
import { RecordValue } from '../values/record.js';
import type { TypeValue } from '../values/type.js';
import type { Value } from '../values/value.js';
import type { Compiled, Frame } from './frame.js';

/** A parameter of a compiled function. */
export interface CompiledParameter {
  readonly name: string;
  readonly optional: boolean;
  /** The declared type, or null when undeclared (`any`). */
  readonly type: TypeValue | null;
}

/** What a function expression compiles to: shared by every closure made from it. */
export interface FunctionDefinition {
  readonly parameters: readonly CompiledParameter[];
  readonly required: number;
  readonly returnType: TypeValue | null;
  readonly body: Compiled;
  /** The function type (parameters and return type, `any` where undeclared). */
  readonly type: TypeValue;
  /** Whether any parameter or the result has a type to check. */
  readonly checked: boolean;
  /** The function expression's source, for `RowExpression.From`. */
  readonly source?: FunctionSource;
}

/**
 * The source of a function expression, kept for `RowExpression.From`: the syntax tree of its body
 * and how the names of the body resolve. It is made once per function expression when compiling;
 * calls never read it.
 */
export interface FunctionSource {
  /** The parameter names, in order. */
  readonly parameters: readonly string[];
  /** The body. */
  readonly body: Expression;
  /** The position of the parameter a name of the body refers to, or undefined for other names. */
  parameterIndex(name: string, inclusive: boolean): number | undefined;
  /** Compiles an expression of the body in the function's scope (run it in a call frame). */
  compile(node: Expression): Compiled;
}

/** The error for a call with the wrong number of arguments. */
export function arityError(count: number, required: number, total: number): MError {
  const expected =
    required === total ? String(total) : `between ${String(required)} and ${String(total)}`;
  return MError.expression(
    `${String(count)} arguments were passed to a function which expects ${expected}.`,
    RecordValue.of([
      ['Pattern', null],
      ['Arguments', count],
    ]),
  );
}

/**
 * A function value made by a function expression (or `each`): the definition and the frame it was
 * made in. Calls build one frame, `[closure frame, arguments…]`, and run the compiled body.
 */
export class ClosureFunction extends FunctionValue {
  constructor(
    private readonly definition: FunctionDefinition,
    private readonly frame: Frame,
  ) {
    super();
  }

  get type(): TypeValue {
    return this.definition.type;
  }

  /** The function expression this closure was made from (for `RowExpression.From`). */
  get source(): FunctionSource | undefined {
    return this.definition.source;
  }

  /**
   * Evaluates an expression of the body that uses none of the parameters, with the variables this
   * closure captured: a closed-over variable's value, or a part of the body that does not depend on
   * the arguments.
   */
  evaluateCaptured(ctx: Context, node: Expression): Value {
    const source = this.definition.source;
    if (source === undefined) throw new Error('the function has no source to evaluate');
    const frame = new Array<unknown>(this.definition.parameters.length + 1).fill(null);
    frame[0] = this.frame;
    return source.compile(node)(frame, ctx);
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    const definition = this.definition;
    const parameters = definition.parameters;
    const count = args.length;
    if (count < definition.required || count > parameters.length) {
      throw arityError(count, definition.required, parameters.length);
    }
    const frame = new Array<unknown>(parameters.length + 1);
    frame[0] = this.frame;
    for (let index = 0; index < parameters.length; index++) {
      frame[index + 1] = index < count ? args[index] : null;
    }
    return this.run(ctx, frame);
  }

  override call1(ctx: Context, first: Value): Value {
    const definition = this.definition;
    const parameters = definition.parameters;
    if (parameters.length === 1) return this.run(ctx, [this.frame, first]);
    if (definition.required > 1 || parameters.length === 0) {
      throw arityError(1, definition.required, parameters.length);
    }
    const frame = new Array<unknown>(parameters.length + 1).fill(null);
    frame[0] = this.frame;
    frame[1] = first;
    return this.run(ctx, frame);
  }

  override call2(ctx: Context, first: Value, second: Value): Value {
    const definition = this.definition;
    const parameters = definition.parameters;
    if (parameters.length === 2) return this.run(ctx, [this.frame, first, second]);
    if (definition.required > 2 || parameters.length < 2) {
      throw arityError(2, definition.required, parameters.length);
    }
    const frame = new Array<unknown>(parameters.length + 1).fill(null);
    frame[0] = this.frame;
    frame[1] = first;
    frame[2] = second;
    return this.run(ctx, frame);
  }

  private run(ctx: Context, frame: Frame): Value {
    ctx.tick();
    const definition = this.definition;
    if (!definition.checked) return definition.body(frame, ctx);
    const parameters = definition.parameters;
    for (let index = 0; index < parameters.length; index++) {
      const parameter = parameters[index] as CompiledParameter;
      const value = frame[index + 1] as Value;
      if (
        parameter.type !== null &&
        !(parameter.optional && value === null) &&
        !conforms(value, parameter.type)
      ) {
        throw conversionError(value, parameter.type);
      }
    }
    const result = definition.body(frame, ctx);
    return definition.returnType === null ? result : assertConforms(result, definition.returnType);
  }
}

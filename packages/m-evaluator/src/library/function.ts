import { arityError } from '../compile/closure.js';
import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { conforms, conversionError } from '../types/conformance.js';
import { FunctionValue } from '../values/function.js';
import { ArrayList, ListValue } from '../values/list.js';
import { ArrayRows, TableValue } from '../values/table.js';
import { DurationValue } from '../values/temporal.js';
import {
  recordType,
  tableType,
  type FunctionTypeParameter,
  type TypeValue,
} from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { asFunction, asList, asText, asType, typeError } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/** `Function.*`: building functions from other functions, and invoking them. */

function parametersOf(type: TypeValue): readonly FunctionTypeParameter[] {
  if (type.shape.kind !== 'function') {
    throw MError.expression('The type must be a function type.', type);
  }
  return type.shape.parameters;
}

/**
 * Checks a call against a function type as the engine checks a call of a library function: the
 * argument count, and each argument against its parameter's primitive type (null is always accepted
 * for an optional parameter).
 */
function checkArguments(
  parameters: readonly FunctionTypeParameter[],
  args: readonly Value[],
): void {
  const required = parameters.filter((parameter) => !parameter.optional).length;
  if (args.length < required || args.length > parameters.length) {
    throw arityError(args.length, required, parameters.length);
  }
  args.forEach((value, index) => {
    const parameter = parameters[index] as FunctionTypeParameter;
    if (parameter.optional && strip(value) === null) return;
    if (!conforms(value, parameter.type)) throw conversionError(strip(value), parameter.type);
  });
}

/** The function `Function.From` makes: its arguments, as a list, go to a unary function. */
export class ListArgumentFunction extends FunctionValue {
  readonly #parameters: readonly FunctionTypeParameter[];

  constructor(
    readonly functionType: TypeValue,
    readonly inner: FunctionValue,
  ) {
    super();
    this.#parameters = parametersOf(functionType);
  }

  get type(): TypeValue {
    return this.functionType;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    checkArguments(this.#parameters, args);
    ctx.tick();
    return this.inner.call1(ctx, ArrayList.of(args.slice()));
  }
}

/**
 * The function `Function.ScalarVector` makes. Called on its own, it passes its arguments to the
 * vector function as a one-row table (a column per parameter) and returns the single item of the
 * list that comes back. A table operation that calls it once per row (`Table.AddColumn`) can
 * instead call `vector` once with every row, as the reference describes.
 */
export class ScalarVectorFunction extends FunctionValue {
  readonly #parameters: readonly FunctionTypeParameter[];
  /** The type of the table `vector` takes: a column per parameter. */
  readonly inputType: TypeValue;

  constructor(
    readonly scalarType: TypeValue,
    readonly vector: FunctionValue,
  ) {
    super();
    this.#parameters = parametersOf(scalarType);
    this.inputType = tableType(
      recordType(
        this.#parameters.map((parameter) => ({
          name: parameter.name,
          type: parameter.optional ? parameter.type.asNullable() : parameter.type,
          optional: false,
        })),
      ),
    );
  }

  get type(): TypeValue {
    return this.scalarType;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    checkArguments(this.#parameters, args);
    ctx.tick();
    const row = this.#parameters.map((_parameter, index) => args[index] ?? null);
    const result = strip(
      this.vector.call1(ctx, new TableValue(this.inputType, new ArrayRows([row]))),
    );
    if (!(result instanceof ListValue)) throw typeError(result, 'list');
    const items = result.toArray(ctx);
    if (items.length !== 1) {
      throw MError.expression(
        `The vector function returned ${String(items.length)} values for 1 row: it must return one value per row.`,
        result,
      );
    }
    return items[0] as Value;
  }
}

function asDelay(value: Value): bigint {
  const plain = strip(value);
  if (!(plain instanceof DurationValue)) throw typeError(plain, 'duration');
  if (plain.ticks < 0n) throw MError.expression('The delay cannot be negative.', plain);
  return plain.ticks;
}

/** Whether a function is a data source function: it carries `DataSource.Kind` in its metadata. */
function isDataSource(fn: FunctionValue): boolean {
  return fn.meta?.has('DataSource.Kind') === true || fn.type.meta?.has('DataSource.Kind') === true;
}

/** The `Function.*` functions. */
export const FUNCTION_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Function.From',
    '(functionType as type, function as function) as function',
    (_ctx, [type, fn]) => new ListArgumentFunction(asType(type), asFunction(fn)),
  ),
  defineFunction(
    'Function.Invoke',
    '(function as function, args as list) as any',
    (ctx, [fn, args]) => asFunction(fn).invoke(ctx, asList(args).toArray(ctx)),
  ),
  defineFunction(
    'Function.InvokeAfter',
    '(function as function, delay as duration) as any',
    (ctx, [fn, delay]) => {
      asDelay(delay);
      return asFunction(fn).invoke(ctx, []);
    },
  ),
  defineFunction(
    'Function.InvokeWithErrorContext',
    '(function as function, context as text) as any',
    (ctx, [fn, context]) => {
      asText(context);
      return asFunction(fn).invoke(ctx, []);
    },
  ),
  defineFunction('Function.IsDataSource', '(function as function) as logical', (_ctx, [fn]) =>
    isDataSource(asFunction(fn)),
  ),
  defineFunction(
    'Function.ScalarVector',
    '(scalarFunctionType as type, vectorFunction as function) as function',
    (_ctx, [type, fn]) => new ScalarVectorFunction(asType(type), asFunction(fn)),
  ),
];

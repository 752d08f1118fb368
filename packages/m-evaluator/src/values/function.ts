import type { Context } from '../context.js';
import type { RecordValue } from './record.js';
import type { TypeValue } from './type.js';
import type { Value } from './value.js';

/**
 * A function value: a closure compiled from M, or a library function. Every function has a function
 * type (`Value.Type(List.Sum)` works). `invoke` checks the argument count and the declared parameter
 * types; `call1` and `call2` are the direct entry points that library hot paths use, without building
 * an argument array per call.
 */
export abstract class FunctionValue {
  readonly kind = 'function';

  get meta(): RecordValue | null {
    return null;
  }

  /** The function type: parameters, their types and optionality, and the return type. */
  abstract get type(): TypeValue;

  /** A name for messages and printing (library functions have one). */
  get name(): string | undefined {
    return undefined;
  }

  /** Calls the function; an `Expression.Error` for a wrong argument count or type. */
  abstract invoke(ctx: Context, args: readonly Value[]): Value;

  /** Calls the function with one argument. */
  call1(ctx: Context, first: Value): Value {
    return this.invoke(ctx, [first]);
  }

  /** Calls the function with two arguments. */
  call2(ctx: Context, first: Value, second: Value): Value {
    return this.invoke(ctx, [first, second]);
  }

  /** The same function with other metadata. */
  withMeta(meta: RecordValue | null): FunctionValue {
    return new DecoratedFunction(this.base, meta, this.typeOverride);
  }

  /** The same function with another function type (`Value.ReplaceType`). */
  withType(type: TypeValue): FunctionValue {
    return new DecoratedFunction(this.base, this.meta, type);
  }

  /** The function behind metadata and type wrappers. */
  // eslint-disable-next-line @typescript-eslint/prefer-return-this-type -- wrappers return another function
  get base(): FunctionValue {
    return this;
  }

  protected get typeOverride(): TypeValue | null {
    return null;
  }
}

/** A function with metadata or an ascribed type, calling another function. */
class DecoratedFunction extends FunctionValue {
  constructor(
    readonly inner: FunctionValue,
    readonly metadata: RecordValue | null,
    readonly ascribed: TypeValue | null,
  ) {
    super();
  }

  override get meta(): RecordValue | null {
    return this.metadata;
  }

  get type(): TypeValue {
    return this.ascribed ?? this.inner.type;
  }

  override get name(): string | undefined {
    return this.inner.name;
  }

  override get base(): FunctionValue {
    return this.inner;
  }

  protected override get typeOverride(): TypeValue | null {
    return this.ascribed;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    return this.inner.invoke(ctx, args);
  }

  override call1(ctx: Context, first: Value): Value {
    return this.inner.call1(ctx, first);
  }

  override call2(ctx: Context, first: Value, second: Value): Value {
    return this.inner.call2(ctx, first, second);
  }
}

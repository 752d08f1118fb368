import {
  FunctionValue,
  ListValue,
  RecordValue,
  TableValue,
  Thunk,
  type Context,
  type ListCursor,
  type RowCursor,
  type RowSource,
  type Slot,
  type TypeValue,
  type Value,
} from '@pqsdk/m-evaluator';
import type { CredentialFields } from '../evaluation/protocol.js';

/** An operation a row source may fold (what `Table.View` handlers receive). */
type TableOperation = Parameters<NonNullable<RowSource['fold']>>[1];

/**
 * The data source scope (DESIGN.md §3): the data source a data source function was invoked for,
 * and its credential. Native functions such as `Web.Contents` and `Extension.CurrentCredential`
 * read the innermost scope of the evaluation.
 */
export interface DataSourceScope {
  /** The data source kind (`DataSource.Kind`). */
  readonly kind: string;
  /** The data source path. */
  readonly path: string;
  /** The credential found for the data source. */
  readonly credential: CredentialFields;
  /** The authentication kinds the data source record declares. */
  readonly authenticationKinds: readonly string[];
}

/**
 * The scopes of one evaluation, innermost last. Evaluation is synchronous, so entering and leaving
 * a scope is a stack discipline around every call that runs in it.
 */
export class ScopeStack {
  readonly #scopes: DataSourceScope[] = [];

  /** The innermost scope, or undefined outside any data source function. */
  get current(): DataSourceScope | undefined {
    return this.#scopes[this.#scopes.length - 1];
  }

  /** Runs `run` inside `scope`. */
  within<T>(scope: DataSourceScope, run: () => T): T {
    this.#scopes.push(scope);
    try {
      return run();
    } finally {
      this.#scopes.pop();
    }
  }

  /**
   * Runs `run` outside every scope, then restores them: for what the engine itself evaluates on
   * behalf of a data source, such as an OAuth `Refresh`, which must not carry another scope's
   * credential.
   */
  outside<T>(run: () => T): T {
    const saved = this.#scopes.splice(0, this.#scopes.length);
    try {
      return run();
    } finally {
      this.#scopes.splice(0, this.#scopes.length, ...saved);
    }
  }

  /** Forgets every scope (a new evaluation). */
  clear(): void {
    this.#scopes.length = 0;
  }
}

/**
 * The membrane: a value produced inside a scope, wrapped so that evaluating any part of it later
 * (calling a function, reading a lazy record field, walking list items or table rows, forcing a
 * cell) runs inside the same scope again. Wrapping is lazy and shallow: parts are wrapped as they
 * are reached.
 */
export function carryScope(stack: ScopeStack, scope: DataSourceScope, value: Value): Value {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof FunctionValue) {
    return value instanceof ScopedFunction && value.scope === scope
      ? value
      : new ScopedFunction(stack, scope, value);
  }
  if (value instanceof RecordValue) {
    return new RecordValue(
      value.layout,
      value.slots.map((slot) => scopedSlot(stack, scope, slot)),
      value.meta,
      value.declaredType,
    );
  }
  if (value instanceof ListValue) {
    return value instanceof ScopedList && value.scope === scope
      ? value
      : new ScopedList(stack, scope, value);
  }
  if (value instanceof TableValue) {
    if (value.source instanceof ScopedRows && value.source.scope === scope) return value;
    return new TableValue(
      value.type,
      new ScopedRows(stack, scope, value.source),
      value.meta,
      value.layout,
    );
  }
  return value;
}

function scopedSlot(stack: ScopeStack, scope: DataSourceScope, slot: Slot): Slot {
  if (slot instanceof Thunk) {
    return new Thunk(() => stack.within(scope, () => carryScope(stack, scope, slot.force())));
  }
  return slot !== null && typeof slot === 'object'
    ? new Thunk(() => carryScope(stack, scope, slot))
    : slot;
}

/** A function returned from a scope: each call runs in the scope, and so does its result. */
export class ScopedFunction extends FunctionValue {
  constructor(
    readonly stack: ScopeStack,
    readonly scope: DataSourceScope,
    readonly inner: FunctionValue,
  ) {
    super();
  }

  override get meta(): RecordValue | null {
    return this.inner.meta;
  }

  get type(): TypeValue {
    return this.inner.type;
  }

  override get name(): string | undefined {
    return this.inner.name;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    return this.stack.within(this.scope, () =>
      carryScope(this.stack, this.scope, this.inner.invoke(ctx, args)),
    );
  }
}

/** A list returned from a scope: items are computed in the scope. */
class ScopedList extends ListValue {
  constructor(
    readonly stack: ScopeStack,
    readonly scope: DataSourceScope,
    readonly inner: ListValue,
  ) {
    super();
  }

  override get meta(): RecordValue | null {
    return this.inner.meta;
  }

  override get declaredType(): TypeValue | null {
    return this.inner.declaredType;
  }

  cursor(ctx: Context): ListCursor {
    const { stack, scope } = this;
    const inner = stack.within(scope, () => this.inner.cursor(ctx));
    const cursor = {
      current: null as Value,
      next(): boolean {
        return stack.within(scope, () => {
          if (!inner.next()) return false;
          cursor.current = carryScope(stack, scope, inner.current);
          return true;
        });
      },
    };
    return cursor;
  }

  override count(ctx: Context): number {
    return this.stack.within(this.scope, () => this.inner.count(ctx));
  }

  override get hasKnownCount(): boolean {
    return this.inner.hasKnownCount;
  }

  override item(ctx: Context, index: number): Value | undefined {
    return this.stack.within(this.scope, () => {
      const item = this.inner.item(ctx, index);
      return item === undefined ? undefined : carryScope(this.stack, this.scope, item);
    });
  }
}

/** The rows of a table returned from a scope: rows are read, and cells forced, in the scope. */
class ScopedRows implements RowSource {
  constructor(
    readonly stack: ScopeStack,
    readonly scope: DataSourceScope,
    readonly inner: RowSource,
  ) {}

  get knownCount(): number | undefined {
    return this.inner.knownCount;
  }

  fold(ctx: Context, operation: TableOperation): TableValue | number | undefined {
    const fold = this.inner.fold?.bind(this.inner);
    if (fold === undefined) return undefined;
    return this.stack.within(this.scope, () => {
      const folded = fold(ctx, operation);
      return folded instanceof TableValue
        ? (carryScope(this.stack, this.scope, folded) as TableValue)
        : folded;
    });
  }

  cursor(ctx: Context): RowCursor {
    const { stack, scope } = this;
    const inner = stack.within(scope, () => this.inner.cursor(ctx));
    const cursor = {
      current: [] as Slot[],
      next(): boolean {
        return stack.within(scope, () => {
          if (!inner.next()) return false;
          cursor.current = inner.current.map((slot) => scopedSlot(stack, scope, slot));
          return true;
        });
      },
    };
    return cursor;
  }
}

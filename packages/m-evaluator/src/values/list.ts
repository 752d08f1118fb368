import type { Context } from '../context.js';
import { ConcatCursor } from './cursor.js';
import type { RecordValue } from './record.js';
import { force, forceSlot, type Slot } from './thunk.js';
import type { TypeValue } from './type.js';
import type { Value } from './value.js';

/**
 * Walks a list once: `next()` moves to the next item and returns false at the end; `current` is the
 * item `next()` moved to. A cursor is cheaper than a JavaScript iterator (no result object per item).
 */
export interface ListCursor {
  next(): boolean;
  readonly current: Value;
}

/**
 * A list value. Lists are lazy and may stream: an item is computed when it is read, and a list such
 * as `{1..1000000000}` never exists in memory. Every implementation can be walked any number of
 * times; `count` and `item` avoid computing items where they can.
 */
export abstract class ListValue {
  readonly kind = 'list';

  /** The metadata; lists built by the library have none. */
  get meta(): RecordValue | null {
    return null;
  }

  /** A type given with `Value.ReplaceType`; null for the default `type list`. */
  get declaredType(): TypeValue | null {
    return null;
  }

  /** A cursor over the items. */
  abstract cursor(ctx: Context): ListCursor;

  /** The number of items. Implementations that know it without walking override this. */
  count(ctx: Context): number {
    const cursor = this.cursor(ctx);
    let count = 0;
    while (cursor.next()) {
      count++;
      ctx.tick();
    }
    return count;
  }

  /**
   * Whether the count is known without walking the list (an array, a range), so that callers can
   * choose a strategy; `count` works either way.
   */
  get hasKnownCount(): boolean {
    return false;
  }

  /** The item at `index`, or undefined past the end. Only that item is computed where possible. */
  item(ctx: Context, index: number): Value | undefined {
    const cursor = this.cursor(ctx);
    for (let position = 0; cursor.next(); position++) {
      if (position === index) return cursor.current;
      ctx.tick();
    }
    return undefined;
  }

  /** Every item, computed, in a new array. */
  toArray(ctx: Context): Value[] {
    const out: Value[] = [];
    const cursor = this.cursor(ctx);
    while (cursor.next()) {
      out.push(cursor.current);
      ctx.tick();
    }
    return out;
  }

  /** The same items with other metadata. */
  withMeta(meta: RecordValue | null): ListValue {
    return new DecoratedList(this.base, meta, this.declaredType);
  }

  /** The same items with another list type. */
  withType(type: TypeValue | null): ListValue {
    return new DecoratedList(this.base, this.meta, type);
  }

  /** The undecorated list behind metadata and type wrappers. */
  // eslint-disable-next-line @typescript-eslint/prefer-return-this-type -- wrappers return another list
  get base(): ListValue {
    return this;
  }
}

/** A list with metadata or a declared type, over another list. */
class DecoratedList extends ListValue {
  constructor(
    readonly inner: ListValue,
    readonly metadata: RecordValue | null,
    readonly type: TypeValue | null,
  ) {
    super();
  }

  override get meta(): RecordValue | null {
    return this.metadata;
  }

  override get declaredType(): TypeValue | null {
    return this.type;
  }

  override get base(): ListValue {
    return this.inner;
  }

  cursor(ctx: Context): ListCursor {
    return this.inner.cursor(ctx);
  }

  override count(ctx: Context): number {
    return this.inner.count(ctx);
  }

  override get hasKnownCount(): boolean {
    return this.inner.hasKnownCount;
  }

  override item(ctx: Context, index: number): Value | undefined {
    return this.inner.item(ctx, index);
  }

  override toArray(ctx: Context): Value[] {
    return this.inner.toArray(ctx);
  }
}

/**
 * A list held in memory. Its slots may be thunks (the items of a list expression are lazy), which
 * are replaced by their values as they are computed.
 */
export class ArrayList extends ListValue {
  constructor(readonly slots: Slot[]) {
    super();
  }

  /** A list of computed values (the array is taken, not copied). */
  static of(values: Value[]): ArrayList {
    return new ArrayList(values);
  }

  static readonly EMPTY = new ArrayList([]);

  cursor(ctx: Context): ListCursor {
    return new ArrayCursor(this.slots, ctx);
  }

  override count(): number {
    return this.slots.length;
  }

  override get hasKnownCount(): boolean {
    return true;
  }

  override item(_ctx: Context, index: number): Value | undefined {
    if (index < 0 || index >= this.slots.length || !Number.isInteger(index)) return undefined;
    return this.at(index);
  }

  /** The item at a valid index, computing and caching it. */
  at(index: number): Value {
    return forceSlot(this.slots, index);
  }

  override toArray(): Value[] {
    const out = new Array<Value>(this.slots.length);
    for (let index = 0; index < out.length; index++) out[index] = this.at(index);
    return out;
  }
}

class ArrayCursor implements ListCursor {
  current: Value = null;
  #index = -1;
  constructor(
    private readonly slots: Slot[],
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    const index = ++this.#index;
    if (index >= this.slots.length) return false;
    this.current = forceSlot(this.slots, index);
    this.ctx.tick();
    return true;
  }
}

/** `{start..end}` over numbers: `count` consecutive numbers from `start`, never materialized. */
export class NumberRangeList extends ListValue {
  constructor(
    readonly start: number,
    readonly length: number,
  ) {
    super();
  }

  cursor(ctx: Context): ListCursor {
    return new NumberRangeCursor(this.start, this.length, ctx);
  }

  override count(): number {
    return this.length;
  }

  override get hasKnownCount(): boolean {
    return true;
  }

  override item(_ctx: Context, index: number): Value | undefined {
    return index >= 0 && index < this.length && Number.isInteger(index)
      ? this.start + index
      : undefined;
  }
}

class NumberRangeCursor implements ListCursor {
  current: Value = null;
  #offset = -1;
  constructor(
    private readonly start: number,
    private readonly length: number,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    const offset = ++this.#offset;
    if (offset >= this.length) return false;
    this.current = this.start + offset;
    this.ctx.tick();
    return true;
  }
}

/** Items appended: `a & b`, and the library's concatenations, without copying either list. */
export class ConcatList extends ListValue {
  constructor(readonly parts: readonly ListValue[]) {
    super();
  }

  cursor(ctx: Context): ListCursor {
    return new ConcatCursor(this.parts, ctx);
  }

  override count(ctx: Context): number {
    let total = 0;
    for (const part of this.parts) total += part.count(ctx);
    return total;
  }

  override get hasKnownCount(): boolean {
    return this.parts.every((part) => part.hasKnownCount);
  }

  override item(ctx: Context, index: number): Value | undefined {
    let rest = index;
    for (const part of this.parts) {
      if (part.hasKnownCount) {
        const size = part.count(ctx);
        if (rest < size) return part.item(ctx, rest);
        rest -= size;
      } else {
        return super.item(ctx, index);
      }
    }
    return undefined;
  }
}

/**
 * A list computed item by item from a cursor factory: the library's streaming lists
 * (`List.Transform`, `List.Select`, `List.Generate`, …). Each walk calls the factory again.
 */
export class StreamList extends ListValue {
  constructor(
    private readonly open: (ctx: Context) => ListCursor,
    private readonly knownCount?: (ctx: Context) => number,
  ) {
    super();
  }

  cursor(ctx: Context): ListCursor {
    return this.open(ctx);
  }

  override count(ctx: Context): number {
    return this.knownCount === undefined ? super.count(ctx) : this.knownCount(ctx);
  }
}

/** The items of any list, forced, as an array (a no-op copy for arrays already computed). */
export function listItems(ctx: Context, list: ListValue): Value[] {
  return list.toArray(ctx);
}

/** A cursor over computed values in an array. */
export function arrayCursor(values: readonly Value[], ctx: Context): ListCursor {
  return new ArrayCursor(values as Slot[], ctx);
}

/** Forces a slot (re-exported for list implementations in the library). */
export { force };

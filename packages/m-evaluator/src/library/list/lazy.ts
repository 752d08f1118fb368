import type { Context } from '../../context.js';
import {
  FilterCursor,
  MapCursor,
  SkipWhileCursor,
  SliceCursor,
  TakeWhileCursor,
} from '../../values/cursor.js';
import {
  ArrayList,
  ConcatList,
  ListValue,
  NumberRangeList,
  StreamList,
  type ListCursor,
} from '../../values/list.js';
import type { Value } from '../../values/value.js';

/**
 * The lazy lists of the List namespace. Two shapes:
 * - positional lists know their count and compute any one item on its own (arrays, ranges, and
 *   views over them: transforms, slices, reversals, repetitions), so `List.Count(List.Transform(
 *   {1..1000000000}, f))` is O(1) and `List.Skip({error "a", 2})` never computes the error;
 * - streams pull items from their source through a cursor (selections, generators), one at a time.
 * Nothing here materializes a list; every cursor ticks once per item.
 */

/** A list's count and random access to its items, each computed on its own. */
export interface Positional {
  readonly length: number;
  readonly at: (ctx: Context, index: number) => Value;
}

/** A positional list: `length` items, item `index` computed by `at` when it is read. */
export class IndexedList extends ListValue implements Positional {
  constructor(
    readonly length: number,
    readonly at: (ctx: Context, index: number) => Value,
  ) {
    super();
  }

  cursor(ctx: Context): ListCursor {
    return new IndexedCursor(this, ctx);
  }

  override count(): number {
    return this.length;
  }

  override get hasKnownCount(): boolean {
    return true;
  }

  override item(ctx: Context, index: number): Value | undefined {
    return index >= 0 && index < this.length && Number.isInteger(index)
      ? this.at(ctx, index)
      : undefined;
  }
}

class IndexedCursor implements ListCursor {
  current: Value = null;
  #index = -1;
  constructor(
    private readonly list: Positional,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    const index = ++this.#index;
    if (index >= this.list.length) return false;
    this.ctx.tick();
    this.current = this.list.at(this.ctx, index);
    return true;
  }
}

/** Random access to a list when it has it (without computing any item), else undefined. */
export function positional(list: ListValue): Positional | undefined {
  const base = list.base;
  if (base instanceof IndexedList) return base;
  if (base instanceof ArrayList) {
    return { length: base.slots.length, at: (_ctx, index) => base.at(index) };
  }
  if (base instanceof NumberRangeList) {
    const start = base.start;
    return { length: base.length, at: (_ctx, index) => start + index };
  }
  if (base instanceof ConcatList) {
    const parts: Positional[] = [];
    for (const part of base.parts) {
      const view = positional(part);
      if (view === undefined) return undefined;
      if (view.length > 0) parts.push(view);
    }
    return concatPositional(parts);
  }
  return undefined;
}

function concatPositional(parts: readonly Positional[]): Positional {
  if (parts.length === 1) return parts[0] as Positional;
  const starts: number[] = [];
  let length = 0;
  for (const part of parts) {
    starts.push(length);
    length += part.length;
  }
  return {
    length,
    at: (ctx, index) => {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if ((starts[middle] as number) <= index) low = middle;
        else high = middle - 1;
      }
      return (parts[low] as Positional).at(ctx, index - (starts[low] as number));
    },
  };
}

/** A positional view as a list value. */
export function indexedList(view: Positional): ListValue {
  if (view instanceof ListValue) return view;
  if (view.length === 0) return ArrayList.EMPTY;
  return new IndexedList(view.length, (ctx, index) => view.at(ctx, index));
}

/** The items of `parts` one after the other, without copying any. */
export function concatLists(ctx: Context, parts: readonly ListValue[]): ListValue {
  const kept = parts.filter((part) => !(part.hasKnownCount && part.count(ctx) === 0));
  if (kept.length === 0) return ArrayList.EMPTY;
  if (kept.length === 1) return (kept[0] as ListValue).base;
  return new ConcatList(kept);
}

/** Each item passed through `map`, computed when read. */
export function mapList(list: ListValue, map: (ctx: Context, value: Value) => Value): ListValue {
  const view = positional(list);
  if (view !== undefined) {
    if (view.length === 0) return ArrayList.EMPTY;
    const at = view.at;
    return new IndexedList(view.length, (ctx, index) => map(ctx, at(ctx, index)));
  }
  return new StreamList(
    (ctx) => new MapCursor(list.cursor(ctx), map, ctx),
    (ctx) => list.count(ctx),
  );
}

/**
 * Items `start` to `start + count - 1` (to the end when `count` is undefined); fewer when the list
 * is shorter.
 */
export function sliceList(list: ListValue, start: number, count?: number): ListValue {
  const base = list.base;
  if (base instanceof NumberRangeList) {
    const length = clampLength(base.length, start, count);
    return length === 0 ? ArrayList.EMPTY : new NumberRangeList(base.start + start, length);
  }
  const view = positional(list);
  if (view !== undefined) {
    const length = clampLength(view.length, start, count);
    if (length === view.length) return base;
    if (length === 0) return ArrayList.EMPTY;
    // A slice of a slice reads the first one's source: `List.Skip` in a recursive function stays
    // one step from its items however deep the recursion goes.
    if (base instanceof SlicedList) return new SlicedList(base.source, base.offset + start, length);
    return new SlicedList(view, start, length);
  }
  if (start === 0 && count === undefined) return base;
  if (base instanceof SlicedStream) {
    const limit = count === undefined ? undefined : base.start + start + count;
    const end =
      base.end === undefined ? limit : limit === undefined ? base.end : Math.min(base.end, limit);
    return new SlicedStream(base.source, base.start + start, end);
  }
  return new SlicedStream(base, start, count === undefined ? undefined : start + count);
}

/** Items `offset` to `offset + length - 1` of a positional source. */
class SlicedList extends IndexedList {
  constructor(
    readonly source: Positional,
    readonly offset: number,
    length: number,
  ) {
    const at = source.at;
    super(length, (ctx, index) => at(ctx, offset + index));
  }
}

/** Items `start` to `end - 1` (to the end when `end` is undefined) of a streaming source. */
class SlicedStream extends StreamList {
  constructor(
    readonly source: ListValue,
    readonly start: number,
    readonly end: number | undefined,
  ) {
    const count = end === undefined ? undefined : Math.max(0, end - start);
    super(
      (ctx) => new SliceCursor(source.cursor(ctx), start, count ?? Number.POSITIVE_INFINITY, ctx),
      (ctx) => clampLength(source.count(ctx), start, count),
    );
  }
}

function clampLength(length: number, start: number, count: number | undefined): number {
  const rest = Math.max(0, length - start);
  return count === undefined ? rest : Math.min(rest, count);
}

/** The items for which `keep` is true, in order. */
export function filterList(
  list: ListValue,
  keep: (ctx: Context, value: Value) => boolean,
): ListValue {
  return new StreamList((ctx) => new FilterCursor(list.cursor(ctx), keep, ctx));
}

/** The leading items for which `keep` is true. */
export function takeWhile(
  list: ListValue,
  keep: (ctx: Context, value: Value) => boolean,
): ListValue {
  return new StreamList((ctx) => new TakeWhileCursor(list.cursor(ctx), keep, ctx));
}

/** The items after the leading ones for which `skip` is true. */
export function skipWhile(
  list: ListValue,
  skip: (ctx: Context, value: Value) => boolean,
): ListValue {
  return new StreamList((ctx) => new SkipWhileCursor(list.cursor(ctx), skip, ctx));
}

/** A list made by a cursor factory whose count is only known by walking it. */
export function streamList(open: (ctx: Context) => ListCursor): ListValue {
  return new StreamList(open);
}

/** Whether a list has no items, computing none where it can. */
export function isEmptyList(ctx: Context, list: ListValue): boolean {
  if (list.hasKnownCount) return list.count(ctx) === 0;
  return !list.cursor(ctx).next();
}

/** A list of computed values. */
export function valuesList(values: Value[]): ListValue {
  return values.length === 0 ? ArrayList.EMPTY : ArrayList.of(values);
}

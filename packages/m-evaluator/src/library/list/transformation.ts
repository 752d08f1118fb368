import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import type { FunctionValue } from '../../values/function.js';
import { ArrayList, ListValue, StreamList, type ListCursor } from '../../values/list.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asFunction, asList } from '../arguments.js';
import { compileEquation, KeyMap, type Equation } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import {
  concatLists,
  filterList,
  IndexedList,
  mapList,
  positional,
  sliceList,
  streamList,
  valuesList,
} from './lazy.js';

/** List transformations: transforms, combinations, removals, replacements, zips and splits. */

/** The items of `list` that are not in `values` under the equation criteria. */
export function removeMatching(
  ctx: Context,
  list: ListValue,
  values: ListValue,
  criteria: Value,
): ListValue {
  const equation = compileEquation(ctx, criteria);
  let set: KeyMap<true> | undefined;
  return filterList(list, (context, value) => {
    set ??= keySet(context, values, equation);
    return !set.has(equation.key(value));
  });
}

/** The keys of a list's items. */
export function keySet(ctx: Context, list: ListValue, equation: Equation<Value>): KeyMap<true> {
  const set = new KeyMap<true>(equation);
  const cursor = list.cursor(ctx);
  while (cursor.next()) {
    ctx.tick();
    set.set(equation.key(cursor.current), true);
  }
  return set;
}

/** The lists of a `lists` argument. */
export function listsOf(ctx: Context, lists: Value): ListValue[] {
  return asList(lists)
    .toArray(ctx)
    .map((item) => asList(item));
}

function repeat(list: ListValue, count: number): ListValue {
  if (count === 0) return ArrayList.EMPTY;
  if (count === 1) return list;
  const view = positional(list);
  if (view !== undefined) {
    const length = view.length;
    if (length === 0) return ArrayList.EMPTY;
    const at = view.at;
    return new IndexedList(length * count, (ctx, index) => at(ctx, index % length));
  }
  return new StreamList(
    (ctx) => new RepeatCursor(list, count, ctx),
    (ctx) => list.count(ctx) * count,
  );
}

class RepeatCursor implements ListCursor {
  current: Value = null;
  #round = 0;
  #inner: ListCursor | undefined;
  #any = false;
  constructor(
    private readonly list: ListValue,
    private readonly count: number,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    for (;;) {
      if (this.#inner === undefined) {
        if (this.#round >= this.count) return false;
        this.#round++;
        this.#inner = this.list.cursor(this.ctx);
      }
      if (this.#inner.next()) {
        this.#any = true;
        this.current = this.#inner.current;
        return true;
      }
      this.#inner = undefined;
      // An empty list repeated is empty, however many rounds.
      if (!this.#any) return false;
    }
  }
}

function reverse(ctx: Context, list: ListValue): ListValue {
  const view = positional(list);
  if (view === undefined) return valuesList(list.toArray(ctx).reverse());
  const last = view.length - 1;
  if (last < 0) return ArrayList.EMPTY;
  const at = view.at;
  return new IndexedList(view.length, (context, index) => at(context, last - index));
}

function split(list: ListValue, size: number): ListValue {
  if (size <= 0) throw MError.expression('The page size must be greater than zero.', size);
  const view = positional(list);
  if (view !== undefined) {
    const pages = Math.ceil(view.length / size);
    if (pages === 0) return ArrayList.EMPTY;
    return new IndexedList(pages, (_ctx, index) => sliceList(list, index * size, size));
  }
  return streamList((ctx) => new SplitCursor(list.cursor(ctx), size, ctx));
}

class SplitCursor implements ListCursor {
  current: Value = null;
  #done = false;
  constructor(
    private readonly inner: ListCursor,
    private readonly size: number,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    if (this.#done) return false;
    const page: Value[] = [];
    while (page.length < this.size) {
      if (!this.inner.next()) {
        this.#done = true;
        break;
      }
      this.ctx.tick();
      page.push(this.inner.current);
    }
    if (page.length === 0) return false;
    this.current = ArrayList.of(page);
    return true;
  }
}

class TransformManyCursor implements ListCursor {
  current: Value = null;
  #outer: Value = null;
  #inner: ListCursor | undefined;
  constructor(
    private readonly source: ListCursor,
    private readonly collection: FunctionValue,
    private readonly result: FunctionValue,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    for (;;) {
      if (this.#inner === undefined) {
        if (!this.source.next()) return false;
        this.#outer = this.source.current;
        this.#inner = asList(this.collection.call1(this.ctx, this.#outer)).cursor(this.ctx);
      }
      if (this.#inner.next()) {
        this.ctx.tick();
        this.current = this.result.call2(this.ctx, this.#outer, this.#inner.current);
        return true;
      }
      this.#inner = undefined;
    }
  }
}

class ZipCursor implements ListCursor {
  current: Value = null;
  readonly #cursors: (ListCursor | undefined)[];
  constructor(
    lists: readonly ListValue[],
    private readonly ctx: Context,
  ) {
    this.#cursors = lists.map((list) => list.cursor(ctx));
  }

  next(): boolean {
    const row: Value[] = [];
    let any = false;
    const cursors = this.#cursors;
    for (let index = 0; index < cursors.length; index++) {
      const cursor = cursors[index];
      if (cursor?.next() === true) {
        row.push(cursor.current);
        any = true;
      } else {
        cursors[index] = undefined;
        row.push(null);
      }
    }
    if (!any) return false;
    this.ctx.tick();
    this.current = ArrayList.of(row);
    return true;
  }
}

/** The replacements of `List.ReplaceMatchingItems`: `{{old, new}, …}`. */
function replacementPairs(ctx: Context, replacements: ListValue): [Value, Value][] {
  return replacements.toArray(ctx).map((replacement) => {
    const pair = strip(replacement);
    if (pair instanceof ListValue && pair.count(ctx) === 2) {
      return [pair.item(ctx, 0) as Value, pair.item(ctx, 1) as Value];
    }
    throw MError.expression(
      'Each replacement must be a list of two items: the old value and the new value.',
      pair,
    );
  });
}

/** Transformation functions of the List namespace. */
export const LIST_TRANSFORMATION: readonly LibraryEntry[] = [
  defineFunction(
    'List.Accumulate',
    '(list as list, seed as any, accumulator as function) as any',
    (ctx, [list, seed, accumulator]) => {
      const fn = asFunction(accumulator);
      const cursor = asList(list).cursor(ctx);
      let state = seed;
      while (cursor.next()) {
        ctx.tick();
        state = fn.call2(ctx, state, cursor.current);
      }
      return state;
    },
  ),
  defineFunction('List.Combine', '(lists as list) as list', (ctx, [lists]) =>
    concatLists(ctx, listsOf(ctx, lists)),
  ),
  defineFunction(
    'List.ConformToPageReader',
    '(list as list, optional options as nullable record) as table',
    () => {
      throw MError.expression(
        'List.ConformToPageReader is intended for internal use only and is not available in pqsdk.',
      );
    },
  ),
  defineFunction(
    'List.RemoveItems',
    '(list1 as list, list2 as list) as list',
    (ctx, [list1, list2]) => removeMatching(ctx, asList(list1), asList(list2), null),
  ),
  defineFunction(
    'List.RemoveMatchingItems',
    '(list1 as list, list2 as list, optional equationCriteria as any) as list',
    (ctx, [list1, list2, criteria]) => removeMatching(ctx, asList(list1), asList(list2), criteria),
  ),
  defineFunction('List.RemoveNulls', '(list as list) as list', (_ctx, [list]) =>
    filterList(asList(list), (_context, value) => strip(value) !== null),
  ),
  defineFunction('List.Repeat', '(list as list, count as number) as list', (_ctx, [list, count]) =>
    repeat(asList(list), asCount(count)),
  ),
  defineFunction(
    'List.ReplaceMatchingItems',
    '(list as list, replacements as list, optional equationCriteria as any) as list',
    (ctx, [list, replacements, criteria]) => {
      const equation = compileEquation(ctx, criteria);
      const pairs = replacementPairs(ctx, asList(replacements));
      let map: KeyMap<{ value: Value }> | undefined;
      return mapList(asList(list), (_context, value) => {
        if (map === undefined) {
          map = new KeyMap(equation);
          for (const [from, to] of pairs) {
            const key = equation.key(from);
            if (!map.has(key)) map.set(key, { value: to });
          }
        }
        const replacement = map.get(equation.key(value));
        return replacement === undefined ? value : replacement.value;
      });
    },
  ),
  defineFunction(
    'List.ReplaceValue',
    '(list as list, oldValue as any, newValue as any, replacer as function) as list',
    (_ctx, [list, oldValue, newValue, replacer]) => {
      const fn = asFunction(replacer);
      return mapList(asList(list), (ctx, value) => fn.invoke(ctx, [value, oldValue, newValue]));
    },
  ),
  defineFunction('List.Reverse', '(list as list) as list', (ctx, [list]) =>
    reverse(ctx, asList(list)),
  ),
  defineFunction('List.Split', '(list as list, pageSize as number) as list', (_ctx, [list, size]) =>
    split(asList(list), asCount(size, 'The page size')),
  ),
  defineFunction(
    'List.Transform',
    '(list as list, transform as function) as list',
    (_ctx, [list, transform]) => {
      const fn = asFunction(transform);
      return mapList(asList(list), (ctx, value) => fn.call1(ctx, value));
    },
  ),
  defineFunction(
    'List.TransformMany',
    '(list as list, collectionTransform as function, resultTransform as function) as list',
    (_ctx, [list, collectionTransform, resultTransform]) => {
      const source = asList(list);
      const collection = asFunction(collectionTransform);
      const result = asFunction(resultTransform);
      return streamList(
        (ctx) => new TransformManyCursor(source.cursor(ctx), collection, result, ctx),
      );
    },
  ),
  defineFunction('List.Zip', '(lists as list) as list', (ctx, [lists]) => {
    const parts = listsOf(ctx, lists);
    if (parts.length === 0) return ArrayList.EMPTY;
    return new StreamList(
      (context) => new ZipCursor(parts, context),
      (context) => parts.reduce((most, part) => Math.max(most, part.count(context)), 0),
    );
  }),
];

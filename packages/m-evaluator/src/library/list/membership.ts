import type { Context } from '../../context.js';
import { ArrayList, type ListValue } from '../../values/list.js';
import type { Value } from '../../values/value.js';
import { asList, asLogical } from '../arguments.js';
import { compileEquation, KeyMap, type Equation } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { asOccurrence, OCCURRENCE } from './common.js';
import { filterList, streamList, valuesList } from './lazy.js';
import { listsOf } from './transformation.js';

/** Membership and set operations: contains, positions, distinct items, union, intersection. */

/**
 * A multiset of keys: hashed or ordered when the equation allows it, otherwise a list searched
 * pairwise (a custom comparer need not be an equivalence).
 */
class Bag {
  readonly #counts: KeyMap<{ count: number }> | undefined;
  readonly #keys: Value[] = [];
  constructor(private readonly equation: Equation<Value>) {
    this.#counts =
      equation.hash !== undefined || equation.order !== undefined
        ? new KeyMap(equation)
        : undefined;
  }

  add(key: Value): void {
    if (this.#counts === undefined) {
      this.#keys.push(key);
      return;
    }
    this.#counts.getOrAdd(key, { count: 0 }).count++;
  }

  has(key: Value): boolean {
    if (this.#counts === undefined) {
      return this.#keys.some((other) => this.equation.equals(key, other));
    }
    return (this.#counts.get(key)?.count ?? 0) > 0;
  }

  /** Removes one key equal to `key`; false when there is none. */
  take(key: Value): boolean {
    if (this.#counts === undefined) {
      const index = this.#keys.findIndex((other) => this.equation.equals(key, other));
      if (index < 0) return false;
      this.#keys.splice(index, 1);
      return true;
    }
    const entry = this.#counts.get(key);
    if (entry === undefined || entry.count === 0) return false;
    entry.count--;
    return true;
  }
}

function bagOf(ctx: Context, list: ListValue, equation: Equation<Value>): Bag {
  const bag = new Bag(equation);
  const cursor = list.cursor(ctx);
  while (cursor.next()) {
    ctx.tick();
    bag.add(equation.key(cursor.current));
  }
  return bag;
}

/** A test of whether an item's key equals the key of any of `values`. */
function anyOf(
  ctx: Context,
  values: ListValue,
  equation: Equation<Value>,
): (key: Value) => boolean {
  const keys = values.toArray(ctx).map((value) => equation.key(value));
  if (equation.hash !== undefined || equation.order !== undefined) {
    const set = new KeyMap<true>(equation);
    for (const key of keys) set.set(key, true);
    return (key) => set.has(key);
  }
  return (key) => keys.some((other) => equation.equals(key, other));
}

/** The positions of the items whose keys pass `test`, by occurrence. */
function positionsWhere(
  ctx: Context,
  list: ListValue,
  occurrence: 0 | 1 | 2,
  equation: Equation<Value>,
  test: (key: Value) => boolean,
): Value {
  const cursor = list.cursor(ctx);
  const all: Value[] = [];
  let last = -1;
  for (let index = 0; cursor.next(); index++) {
    ctx.tick();
    if (!test(equation.key(cursor.current))) continue;
    if (occurrence === OCCURRENCE.first) return index;
    if (occurrence === OCCURRENCE.all) all.push(index);
    last = index;
  }
  return occurrence === OCCURRENCE.all ? valuesList(all) : last;
}

function distinct(list: ListValue, equation: Equation<Value>): ListValue {
  return streamList((ctx) => {
    const seen = new KeyMap<true>(equation);
    return filterList(list, (_context, value) => {
      const size = seen.size;
      seen.getOrAdd(equation.key(value), true);
      return seen.size > size;
    }).cursor(ctx);
  });
}

function difference(list: ListValue, others: ListValue, equation: Equation<Value>): ListValue {
  return streamList((ctx) => {
    const bag = bagOf(ctx, others, equation);
    return filterList(list, (_context, value) => !bag.take(equation.key(value))).cursor(ctx);
  });
}

function intersect(
  ctx: Context,
  lists: readonly ListValue[],
  equation: Equation<Value>,
): ListValue {
  const [first, ...rest] = lists;
  if (first === undefined) return ArrayList.EMPTY;
  const bags = rest.map((list) => bagOf(ctx, list, equation));
  const out: Value[] = [];
  const cursor = first.cursor(ctx);
  while (cursor.next()) {
    ctx.tick();
    const key = equation.key(cursor.current);
    if (!bags.every((bag) => bag.has(key))) continue;
    for (const bag of bags) bag.take(key);
    out.push(cursor.current);
  }
  return valuesList(out);
}

function union(ctx: Context, lists: readonly ListValue[], equation: Equation<Value>): ListValue {
  const result = new KeyMap<{ count: number }>(equation);
  const out: Value[] = [];
  for (const list of lists) {
    const local = new KeyMap<{ count: number }>(equation);
    const cursor = list.cursor(ctx);
    while (cursor.next()) {
      ctx.tick();
      const value = cursor.current;
      const key = equation.key(value);
      const seen = local.getOrAdd(key, { count: 0 });
      seen.count++;
      const total = result.getOrAdd(key, { count: 0 });
      if (seen.count > total.count) {
        total.count++;
        out.push(value);
      }
    }
  }
  return valuesList(out);
}

/** Membership and set functions of the List namespace. */
export const LIST_MEMBERSHIP: readonly LibraryEntry[] = [
  defineFunction('List.AllTrue', '(list as list) as logical', (ctx, [list]) => {
    const cursor = asList(list).cursor(ctx);
    while (cursor.next()) {
      ctx.tick();
      if (!asLogical(cursor.current)) return false;
    }
    return true;
  }),
  defineFunction('List.AnyTrue', '(list as list) as logical', (ctx, [list]) => {
    const cursor = asList(list).cursor(ctx);
    while (cursor.next()) {
      ctx.tick();
      if (asLogical(cursor.current)) return true;
    }
    return false;
  }),
  defineFunction(
    'List.Contains',
    '(list as list, value as any, optional equationCriteria as any) as logical',
    (ctx, [list, value, criteria]) => {
      const equation = compileEquation(ctx, criteria);
      const target = equation.key(value);
      const cursor = asList(list).cursor(ctx);
      while (cursor.next()) {
        ctx.tick();
        if (equation.equals(equation.key(cursor.current), target)) return true;
      }
      return false;
    },
  ),
  defineFunction(
    'List.ContainsAll',
    '(list as list, values as list, optional equationCriteria as any) as logical',
    (ctx, [list, values, criteria]) => {
      const equation = compileEquation(ctx, criteria);
      const items = asList(list);
      const wanted = asList(values)
        .toArray(ctx)
        .map((value) => equation.key(value));
      if (equation.hash === undefined && equation.order === undefined) {
        const keys = items.toArray(ctx).map((item) => equation.key(item));
        return wanted.every((target) => keys.some((key) => equation.equals(key, target)));
      }
      const missing = new KeyMap<boolean>(equation);
      for (const key of wanted) missing.set(key, true);
      let left = missing.size;
      if (left === 0) return true;
      const cursor = items.cursor(ctx);
      while (cursor.next()) {
        ctx.tick();
        const key = equation.key(cursor.current);
        if (missing.get(key) === true) {
          missing.set(key, false);
          if (--left === 0) return true;
        }
      }
      return false;
    },
  ),
  defineFunction(
    'List.ContainsAny',
    '(list as list, values as list, optional equationCriteria as any) as logical',
    (ctx, [list, values, criteria]) => {
      const equation = compileEquation(ctx, criteria);
      const test = anyOf(ctx, asList(values), equation);
      const cursor = asList(list).cursor(ctx);
      while (cursor.next()) {
        ctx.tick();
        if (test(equation.key(cursor.current))) return true;
      }
      return false;
    },
  ),
  defineFunction(
    'List.PositionOf',
    '(list as list, value as any, optional occurrence as nullable number, optional equationCriteria as any) as any',
    (ctx, [list, value, occurrence, criteria]) => {
      const equation = compileEquation(ctx, criteria);
      const target = equation.key(value);
      return positionsWhere(ctx, asList(list), asOccurrence(occurrence), equation, (key) =>
        equation.equals(key, target),
      );
    },
  ),
  defineFunction(
    'List.PositionOfAny',
    '(list as list, values as list, optional occurrence as nullable number, optional equationCriteria as any) as any',
    (ctx, [list, values, occurrence, criteria]) => {
      const equation = compileEquation(ctx, criteria);
      const how = asOccurrence(occurrence);
      return positionsWhere(ctx, asList(list), how, equation, anyOf(ctx, asList(values), equation));
    },
  ),
  defineFunction(
    'List.Distinct',
    '(list as list, optional equationCriteria as any) as list',
    (ctx, [list, criteria]) => distinct(asList(list), compileEquation(ctx, criteria)),
  ),
  defineFunction(
    'List.IsDistinct',
    '(list as list, optional equationCriteria as any) as logical',
    (ctx, [list, criteria]) => {
      const equation = compileEquation(ctx, criteria);
      const seen = new KeyMap<true>(equation);
      const cursor = asList(list).cursor(ctx);
      while (cursor.next()) {
        ctx.tick();
        const size = seen.size;
        seen.getOrAdd(equation.key(cursor.current), true);
        if (seen.size === size) return false;
      }
      return true;
    },
  ),
  defineFunction(
    'List.Difference',
    '(list1 as list, list2 as list, optional equationCriteria as any) as list',
    (ctx, [list1, list2, criteria]) =>
      difference(asList(list1), asList(list2), compileEquation(ctx, criteria)),
  ),
  defineFunction(
    'List.Intersect',
    '(lists as list, optional equationCriteria as any) as list',
    (ctx, [lists, criteria]) => intersect(ctx, listsOf(ctx, lists), compileEquation(ctx, criteria)),
  ),
  defineFunction(
    'List.Union',
    '(lists as list, optional equationCriteria as any) as list',
    (ctx, [lists, criteria]) => union(ctx, listsOf(ctx, lists), compileEquation(ctx, criteria)),
  ),
];

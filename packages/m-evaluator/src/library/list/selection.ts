import type { Context } from '../../context.js';
import { ArrayList, NumberRangeList, type ListCursor, type ListValue } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asFunction, asList, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import {
  countOrCondition,
  materialize,
  notEnoughElements,
  outOfRange,
  predicate,
  tooManyElements,
} from './common.js';
import {
  concatLists,
  filterList,
  IndexedList,
  indexedList,
  isEmptyList,
  positional,
  skipWhile,
  sliceList,
  streamList,
  takeWhile,
  valuesList,
} from './lazy.js';

/** List information and selection: counts, first and last items, ranges, skips and filters. */

/** The last `count` items, or the trailing items that meet a condition. */
function lastN(ctx: Context, list: ListValue, how: Value): ListValue {
  const rule = countOrCondition(how);
  const view = materialize(ctx, list);
  if (typeof rule === 'number') {
    return sliceList(indexedList(view), Math.max(0, view.length - rule));
  }
  const keep = predicate(rule);
  let start = view.length;
  while (start > 0) {
    ctx.tick();
    if (!keep(ctx, view.at(ctx, start - 1))) break;
    start--;
  }
  return sliceList(indexedList(view), start);
}

/** Every item but the last `count`, or but the trailing items that meet a condition. */
function removeLastN(ctx: Context, list: ListValue, how: Value): ListValue {
  const rule = strip(how) === null ? 1 : countOrCondition(how);
  const view = materialize(ctx, list);
  if (typeof rule === 'number')
    return sliceList(indexedList(view), 0, Math.max(0, view.length - rule));
  const remove = predicate(rule);
  let end = view.length;
  while (end > 0) {
    ctx.tick();
    if (!remove(ctx, view.at(ctx, end - 1))) break;
    end--;
  }
  return sliceList(indexedList(view), 0, end);
}

/** `List.Skip` and `List.RemoveFirstN`: a count (default 1) or a condition. */
function skip(list: ListValue, how: Value): ListValue {
  const rule = strip(how) === null ? 1 : countOrCondition(how);
  return typeof rule === 'number' ? sliceList(list, rule) : skipWhile(list, predicate(rule));
}

/** A list with `values` in place of `count` items from `index` (nothing removed for 0). */
export function spliceList(
  ctx: Context,
  list: ListValue,
  index: number,
  count: number,
  values: ListValue | null,
): ListValue {
  const length = list.count(ctx);
  if (index > length) throw outOfRange('index', index);
  if (index + count > length) throw outOfRange('range', index + count);
  const parts = [sliceList(list, 0, index)];
  if (values !== null) parts.push(values);
  parts.push(sliceList(list, index + count));
  return concatLists(ctx, parts);
}

/** Keeps `offset` items, then repeatedly skips `count` and keeps `repeat` (Infinity: the rest). */
function alternate(list: ListValue, count: number, repeat: number, offset: number): ListValue {
  const view = positional(list);
  if (view !== undefined) {
    const length = view.length;
    const period = count + repeat;
    const rest = Math.max(0, length - offset);
    let kept: number;
    if (repeat === 0) kept = 0;
    else if (repeat === Number.POSITIVE_INFINITY) kept = Math.max(0, rest - count);
    else kept = Math.floor(rest / period) * repeat + Math.max(0, (rest % period) - count);
    const total = Math.min(length, offset) + kept;
    if (total === 0) return ArrayList.EMPTY;
    const at = view.at;
    return new IndexedList(total, (ctx, index) => {
      if (index < offset) return at(ctx, index);
      const within = index - offset;
      if (repeat === Number.POSITIVE_INFINITY) return at(ctx, offset + count + within);
      return at(ctx, offset + Math.floor(within / repeat) * period + count + (within % repeat));
    });
  }
  return streamList((ctx) => new AlternateCursor(list.cursor(ctx), count, repeat, offset, ctx));
}

class AlternateCursor implements ListCursor {
  current: Value = null;
  /** Items still to keep in this phase, then items to skip. */
  #keep: number;
  constructor(
    private readonly inner: ListCursor,
    private readonly count: number,
    private readonly repeat: number,
    offset: number,
    private readonly ctx: Context,
  ) {
    this.#keep = offset;
  }

  next(): boolean {
    if (this.#keep === 0) {
      if (this.repeat === 0) return false;
      for (let skipped = 0; skipped < this.count; skipped++) {
        this.ctx.tick();
        if (!this.inner.next()) return false;
      }
      this.#keep = this.repeat;
    }
    if (!this.inner.next()) return false;
    this.#keep--;
    this.current = this.inner.current;
    return true;
  }
}

/** Whether a value contains a text: a text item, or a record with a text field that does. */
function containsText(value: Value, text: string): boolean {
  const plain = strip(value);
  if (typeof plain === 'string') return plain.includes(text);
  if (plain instanceof RecordValue) {
    for (let index = 0; index < plain.size; index++) {
      const field = strip(plain.at(index));
      if (typeof field === 'string' && field.includes(text)) return true;
    }
  }
  return false;
}

/** The only item: an error for none (unless there is a fallback) or for more than one. */
/**
 * `List.MatchesAll` (`all` true) and `List.MatchesAny`: whether every item, or any item, meets the
 * condition; stops at the first item that decides it.
 */
function matches(ctx: Context, list: Value, condition: Value, all: boolean): boolean {
  const test = predicate(asFunction(condition));
  const cursor = asList(list).cursor(ctx);
  while (cursor.next()) {
    ctx.tick();
    if (test(ctx, cursor.current) !== all) return !all;
  }
  return all;
}

function single(ctx: Context, list: ListValue, fallback: { value: Value } | null): Value {
  if (list.hasKnownCount) {
    const count = list.count(ctx);
    if (count === 0) {
      if (fallback === null) throw notEnoughElements();
      return fallback.value;
    }
    if (count > 1) throw tooManyElements();
    return list.item(ctx, 0) as Value;
  }
  const cursor = list.cursor(ctx);
  if (!cursor.next()) {
    if (fallback === null) throw notEnoughElements();
    return fallback.value;
  }
  const value = cursor.current;
  if (cursor.next()) throw tooManyElements();
  return value;
}

/** Information and selection functions of the List namespace. */
export const LIST_SELECTION: readonly LibraryEntry[] = [
  defineFunction('List.Count', '(list as list) as number', (ctx, [list]) =>
    asList(list).count(ctx),
  ),
  defineFunction('List.IsEmpty', '(list as list) as logical', (ctx, [list]) =>
    isEmptyList(ctx, asList(list)),
  ),
  defineFunction('List.NonNullCount', '(list as list) as number', (ctx, [list]) => {
    const cursor = asList(list).cursor(ctx);
    let count = 0;
    while (cursor.next()) {
      ctx.tick();
      if (strip(cursor.current) !== null) count++;
    }
    return count;
  }),
  defineFunction(
    'List.Alternate',
    '(list as list, count as number, optional repeatInterval as nullable number, optional offset as nullable number) as list',
    (_ctx, [list, count, repeatInterval, offset]) =>
      alternate(
        asList(list),
        asCount(count),
        strip(repeatInterval) === null
          ? Number.POSITIVE_INFINITY
          : asCount(repeatInterval, 'The repeat interval'),
        strip(offset) === null ? 0 : asCount(offset, 'The offset'),
      ),
  ),
  defineFunction('List.Buffer', '(list as list) as list', (ctx, [list]) =>
    valuesList(asList(list).toArray(ctx)),
  ),
  defineFunction('List.FindText', '(list as list, text as text) as list', (_ctx, [list, text]) => {
    const needle = asText(text);
    return filterList(asList(list), (_context, value) => containsText(value, needle));
  }),
  defineFunction(
    'List.First',
    '(list as list, optional defaultValue as any) as any',
    (ctx, [list, fallback]) => {
      const first = asList(list).item(ctx, 0);
      return first === undefined ? fallback : first;
    },
  ),
  defineFunction(
    'List.FirstN',
    '(list as list, countOrCondition as any) as any',
    (_ctx, [list, how]) => {
      const rule = countOrCondition(how);
      return typeof rule === 'number'
        ? sliceList(asList(list), 0, rule)
        : takeWhile(asList(list), predicate(rule));
    },
  ),
  defineFunction(
    'List.InsertRange',
    '(list as list, index as number, values as list) as list',
    (ctx, [list, index, values]) =>
      spliceList(ctx, asList(list), asCount(index, 'The index'), 0, asList(values)),
  ),
  defineFunction(
    'List.Last',
    '(list as list, optional defaultValue as any) as any',
    (ctx, [list, fallback]) => {
      const items = asList(list);
      if (items.hasKnownCount) {
        const count = items.count(ctx);
        return count === 0 ? fallback : (items.item(ctx, count - 1) as Value);
      }
      const cursor = items.cursor(ctx);
      let last: Value = fallback;
      while (cursor.next()) {
        ctx.tick();
        last = cursor.current;
      }
      return last;
    },
  ),
  defineFunction(
    'List.LastN',
    '(list as list, optional countOrCondition as any) as any',
    (ctx, [list, how]) => lastN(ctx, asList(list), how),
  ),
  defineFunction(
    'List.MatchesAll',
    '(list as list, condition as function) as logical',
    (ctx, [list, condition]) => matches(ctx, list, condition, true),
  ),
  defineFunction(
    'List.MatchesAny',
    '(list as list, condition as function) as logical',
    (ctx, [list, condition]) => matches(ctx, list, condition, false),
  ),
  defineFunction('List.Positions', '(list as list) as list', (ctx, [list]) => {
    const count = asList(list).count(ctx);
    return count === 0 ? ArrayList.EMPTY : new NumberRangeList(0, count);
  }),
  defineFunction(
    'List.Range',
    '(list as list, offset as number, optional count as nullable number) as list',
    (_ctx, [list, offset, count]) =>
      sliceList(
        asList(list),
        asCount(offset, 'The offset'),
        strip(count) === null ? undefined : asCount(count),
      ),
  ),
  defineFunction(
    'List.RemoveFirstN',
    '(list as list, optional countOrCondition as any) as list',
    (_ctx, [list, how]) => skip(asList(list), how),
  ),
  defineFunction(
    'List.RemoveLastN',
    '(list as list, optional countOrCondition as any) as list',
    (ctx, [list, how]) => removeLastN(ctx, asList(list), how),
  ),
  defineFunction(
    'List.RemoveRange',
    '(list as list, index as number, optional count as nullable number) as list',
    (ctx, [list, index, count]) =>
      spliceList(
        ctx,
        asList(list),
        asCount(index, 'The index'),
        strip(count) === null ? 1 : asCount(count),
        null,
      ),
  ),
  defineFunction(
    'List.ReplaceRange',
    '(list as list, index as number, count as number, replaceWith as list) as list',
    (ctx, [list, index, count, replaceWith]) =>
      spliceList(
        ctx,
        asList(list),
        asCount(index, 'The index'),
        asCount(count),
        asList(replaceWith),
      ),
  ),
  defineFunction(
    'List.Select',
    '(list as list, selection as function) as list',
    (_ctx, [list, selection]) => filterList(asList(list), predicate(asFunction(selection))),
  ),
  defineFunction('List.Single', '(list as list) as any', (ctx, [list]) =>
    single(ctx, asList(list), null),
  ),
  defineFunction(
    'List.SingleOrDefault',
    '(list as list, optional default as any) as any',
    (ctx, [list, fallback]) => single(ctx, asList(list), { value: fallback }),
  ),
  defineFunction(
    'List.Skip',
    '(list as list, optional countOrCondition as any) as list',
    (_ctx, [list, how]) => skip(asList(list), how),
  ),
];

import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { add, divide, multiply, subtract } from '../../operators/arithmetic.js';
import { compareValues } from '../../operators/ordering.js';
import { ArrayList, ListValue } from '../../values/list.js';
import { DateTimeValue, DurationValue, TimeValue } from '../../values/temporal.js';
import { strip, type Value } from '../../values/value.js';
import { asList, asLogical, asNumber, asOptions } from '../arguments.js';
import { compileComparison, type Keyed } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { countOrCondition, predicate } from './common.js';
import { valuesList } from './lazy.js';

/** Ordering functions: maximum, minimum, the N largest or smallest, median, percentiles, sort. */

/** Whether nulls take part (`includeNulls`); the engine leaves them out unless asked. */
function includesNulls(value: Value): boolean {
  const plain = strip(value);
  return plain === null ? false : asLogical(plain);
}

/** The items, without nulls unless they are included. */
function candidates(ctx: Context, list: ListValue, includeNulls: boolean): Value[] {
  const out: Value[] = [];
  const cursor = list.cursor(ctx);
  while (cursor.next()) {
    ctx.tick();
    const value = cursor.current;
    if (includeNulls || strip(value) !== null) out.push(value);
  }
  return out;
}

/** The largest (`sign` 1) or smallest (`sign` -1) item; the first of equal ones. */
function extreme(
  ctx: Context,
  [list, fallback, criteria, includeNulls]: readonly Value[],
  sign: 1 | -1,
): Value {
  const withNulls = includesNulls(includeNulls ?? null);
  const cursor = asList(list ?? null).cursor(ctx);
  if (strip(criteria ?? null) === null) {
    let best: Value = null;
    let found = false;
    while (cursor.next()) {
      ctx.tick();
      const value = cursor.current;
      if (!withNulls && strip(value) === null) continue;
      if (!found) {
        best = value;
        found = true;
      } else if (typeof value === 'number' && typeof best === 'number' && value === value) {
        // Numbers (not #nan, which orders first) without the general comparison.
        if (sign > 0 ? value > best || best !== best : value < best) best = value;
      } else if (sign * compareValues(value, best) > 0) {
        best = value;
      }
    }
    return found ? best : (fallback ?? null);
  }
  const order = compileComparison(ctx, criteria ?? null);
  let best: Keyed<Value> | undefined;
  while (cursor.next()) {
    ctx.tick();
    const value = cursor.current;
    if (!withNulls && strip(value) === null) continue;
    const keyed = order.keyed(value);
    if (best === undefined || sign * order.compareKeyed(keyed, best) > 0) best = keyed;
  }
  return best === undefined ? (fallback ?? null) : best.item;
}

/** `List.MaxN` (descending) and `List.MinN` (ascending). */
function extremes(
  ctx: Context,
  [list, how, criteria, includeNulls]: readonly Value[],
  descending: boolean,
): ListValue {
  const rule = strip(how ?? null) === null ? 1 : countOrCondition(how ?? null);
  const items = candidates(ctx, asList(list ?? null), includesNulls(includeNulls ?? null));
  const sorted = compileComparison(ctx, criteria ?? null).sort(items, descending);
  if (typeof rule === 'number') return valuesList(sorted.slice(0, rule));
  const keep = predicate(rule);
  let end = 0;
  while (end < sorted.length && keep(ctx, sorted[end] as Value)) {
    ctx.tick();
    end++;
  }
  return valuesList(sorted.slice(0, end));
}

type Averageable = 'number' | 'duration' | 'datetime' | 'time';

function averageableKind(value: Value): Averageable | null {
  if (typeof value === 'number') return 'number';
  if (value instanceof DurationValue) return 'duration';
  if (value instanceof DateTimeValue) return 'datetime';
  if (value instanceof TimeValue) return 'time';
  return null;
}

/** The point halfway between two numbers, durations, datetimes or times. */
function midpoint(low: Value, high: Value): Value {
  if (typeof low === 'number' && typeof high === 'number') return low + (high - low) / 2;
  return add(low, divide(subtract(high, low), 2));
}

function median(ctx: Context, list: ListValue, criteria: Value): Value {
  const items = candidates(ctx, list, false).map(strip);
  if (items.length === 0) return null;
  const sorted = compileComparison(ctx, criteria).sort(items);
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle] as Value;
  const low = sorted[middle - 1] as Value;
  const high = sorted[middle] as Value;
  const kind = averageableKind(sorted[0] as Value);
  if (kind === null || !sorted.every((item) => averageableKind(item) === kind)) return low;
  return midpoint(low, high);
}

/** The values of `PercentileMode.*`. */
export const PERCENTILE_MODE = { excelInc: 1, excelExc: 2, sqlDisc: 3, sqlCont: 4 } as const;

function percentileMode(options: Value): number {
  const mode = strip(asOptions(options).fieldOrUndefined('PercentileMode') ?? null);
  if (mode === null) return PERCENTILE_MODE.excelInc;
  if (mode === 1 || mode === 2 || mode === 3 || mode === 4) return mode;
  throw MError.expression(
    'The PercentileMode option must be PercentileMode.ExcelInc, ExcelExc, SqlDisc or SqlCont.',
    mode,
  );
}

function probability(value: Value): number {
  const p = asNumber(value);
  if (!(p >= 0 && p <= 1)) {
    throw MError.expression('The percentile must be a number from 0 to 1.', p);
  }
  return p;
}

/** The sample percentile `p` of sorted values, by the given mode. */
function percentileOf(sorted: readonly Value[], p: number, mode: number): Value {
  const count = sorted.length;
  if (count === 0) return null;
  if (mode === PERCENTILE_MODE.sqlDisc) {
    const index = Math.max(0, Math.ceil(p * count) - 1);
    return sorted[Math.min(index, count - 1)] as Value;
  }
  const rank = mode === PERCENTILE_MODE.excelExc ? (count + 1) * p - 1 : (count - 1) * p;
  const position = Math.min(Math.max(rank, 0), count - 1);
  const low = Math.floor(position);
  const fraction = position - low;
  const lowValue = sorted[low] as Value;
  if (fraction === 0 || low + 1 >= count) return lowValue;
  const highValue = sorted[low + 1] as Value;
  if (typeof lowValue === 'number' && typeof highValue === 'number') {
    return lowValue + fraction * (highValue - lowValue);
  }
  return add(lowValue, multiply(subtract(highValue, lowValue), fraction));
}

function percentile(ctx: Context, list: ListValue, percentiles: Value, options: Value): Value {
  const mode = percentileMode(options);
  const wanted = strip(percentiles);
  const probabilities =
    wanted instanceof ListValue ? wanted.toArray(ctx).map(probability) : [probability(wanted)];
  const sorted = candidates(ctx, list, false)
    .map(strip)
    .sort((a, b) => {
      ctx.tick();
      return compareValues(a, b);
    });
  const results = probabilities.map((p) => percentileOf(sorted, p, mode));
  return wanted instanceof ListValue ? valuesList(results) : (results[0] ?? null);
}

/** Ordering functions of the List namespace. */
export const LIST_ORDERING: readonly LibraryEntry[] = [
  defineFunction(
    'List.Max',
    '(list as list, optional default as any, optional comparisonCriteria as any, optional includeNulls as nullable logical) as any',
    (ctx, args) => extreme(ctx, args, 1),
  ),
  defineFunction(
    'List.Min',
    '(list as list, optional default as any, optional comparisonCriteria as any, optional includeNulls as nullable logical) as any',
    (ctx, args) => extreme(ctx, args, -1),
  ),
  defineFunction(
    'List.MaxN',
    '(list as list, countOrCondition as any, optional comparisonCriteria as any, optional includeNulls as nullable logical) as list',
    (ctx, args) => extremes(ctx, args, true),
  ),
  defineFunction(
    'List.MinN',
    '(list as list, countOrCondition as any, optional comparisonCriteria as any, optional includeNulls as nullable logical) as list',
    (ctx, args) => extremes(ctx, args, false),
  ),
  defineFunction(
    'List.Median',
    '(list as list, optional comparisonCriteria as any) as any',
    (ctx, [list, criteria]) => median(ctx, asList(list), criteria),
  ),
  defineFunction(
    'List.Percentile',
    '(list as list, percentiles as any, optional options as nullable record) as any',
    (ctx, [list, percentiles, options]) => percentile(ctx, asList(list), percentiles, options),
  ),
  defineFunction(
    'List.Sort',
    '(list as list, optional comparisonCriteria as any) as list',
    (ctx, [list, criteria]) => {
      const order = compileComparison(ctx, criteria);
      const items = asList(list).toArray(ctx);
      return items.length === 0 ? ArrayList.EMPTY : ArrayList.of(order.sort(items));
    },
  ),
];

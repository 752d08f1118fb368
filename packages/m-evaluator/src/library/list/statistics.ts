import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { add, operatorError } from '../../operators/arithmetic.js';
import { BIG_TICKS_PER_DAY } from '../../values/calendar.js';
import type { ListValue } from '../../values/list.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  splitTotalTicks,
  TimeValue,
} from '../../values/temporal.js';
import { strip, type Value } from '../../values/value.js';
import { asList, asNumber } from '../arguments.js';
import { compileEquation, KeyMap } from '../criteria.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { asPrecision, notEnoughElements } from './common.js';
import {
  DECIMAL_ONE,
  DECIMAL_ZERO,
  decimalAdd,
  decimalDivide,
  decimalFromNumber,
  decimalMultiply,
  decimalToNumber,
  type Decimal,
} from './decimal.js';
import { valuesList } from './lazy.js';

/** Statistics: sum, product, average, standard deviation, covariance, mode. */

/** The sum of numbers, exactly in decimal (in double when one is not finite). */
function decimalSum(numbers: readonly number[]): number {
  let total: Decimal = DECIMAL_ZERO;
  for (const value of numbers) {
    if (!Number.isFinite(value)) return numbers.reduce((sum, item) => sum + item, 0);
    total = decimalAdd(total, decimalFromNumber(value));
  }
  return decimalToNumber(total);
}

/** The non-null items, each a number (or the conversion error). */
function numbersOf(ctx: Context, list: ListValue): number[] {
  const out: number[] = [];
  const cursor = list.cursor(ctx);
  while (cursor.next()) {
    ctx.tick();
    const value = strip(cursor.current);
    if (value !== null) out.push(asNumber(value));
  }
  return out;
}

function sum(ctx: Context, list: ListValue, precision: Value): Value {
  if (asPrecision(precision)) return sumDecimal(ctx, list);
  const cursor = list.cursor(ctx);
  let total = 0;
  let seen = false;
  // The fast path: numbers (and nulls, which are left out) with no allocation per item.
  while (cursor.next()) {
    ctx.tick();
    const value = cursor.current;
    if (typeof value === 'number') {
      total += value;
      seen = true;
      continue;
    }
    if (value === null) continue;
    let acc: Value = seen ? total : null;
    let item = strip(value);
    for (;;) {
      if (item !== null) {
        if (typeof item !== 'number' && !(item instanceof DurationValue)) {
          throw operatorError('+', acc ?? item, item);
        }
        acc = acc === null ? item : add(acc, item);
      }
      if (!cursor.next()) return acc;
      ctx.tick();
      item = strip(cursor.current);
    }
  }
  return seen ? total : null;
}

function sumDecimal(ctx: Context, list: ListValue): Value {
  const numbers = numbersOf(ctx, list);
  return numbers.length === 0 ? null : decimalSum(numbers);
}

function product(ctx: Context, list: ListValue, precision: Value): Value {
  const numbers = numbersOf(ctx, list);
  if (numbers.length === 0) return null;
  if (asPrecision(precision) && numbers.every((value) => Number.isFinite(value))) {
    let total: Decimal = DECIMAL_ONE;
    for (const value of numbers) total = decimalMultiply(total, decimalFromNumber(value));
    return decimalToNumber(total);
  }
  let total = 1;
  for (const value of numbers) total *= value;
  return total;
}

type TemporalKind = 'duration' | 'date' | 'datetime' | 'datetimezone' | 'time';

/** The ticks of a value on its timeline, for averages and deviations; null for other values. */
function timelineTicks(value: Value): { kind: TemporalKind; ticks: bigint } | null {
  if (value instanceof DurationValue) return { kind: 'duration', ticks: value.ticks };
  if (value instanceof DateValue) {
    return { kind: 'date', ticks: BigInt(value.days) * BIG_TICKS_PER_DAY };
  }
  if (value instanceof DateTimeValue) return { kind: 'datetime', ticks: value.totalTicks };
  if (value instanceof DateTimeZoneValue) return { kind: 'datetimezone', ticks: value.utcTicks };
  if (value instanceof TimeValue) return { kind: 'time', ticks: BigInt(value.ticks) };
  return null;
}

function fromTimeline(kind: TemporalKind, ticks: bigint, sample: Value): Value {
  switch (kind) {
    case 'duration':
      return new DurationValue(ticks);
    case 'date':
      return new DateValue(splitTotalTicks(ticks).days);
    case 'datetime': {
      const { days, ticks: rest } = splitTotalTicks(ticks);
      return new DateTimeValue(days, rest);
    }
    case 'datetimezone': {
      const offset = (sample as DateTimeZoneValue).offsetMinutes;
      const { days, ticks: rest } = splitTotalTicks(ticks + BigInt(offset) * 600_000_000n);
      return new DateTimeZoneValue(days, rest, offset);
    }
    case 'time':
      return new TimeValue(Number(ticks));
  }
}

/** The non-null items, all numbers, or all of one date, time or duration kind. */
function homogeneous(
  ctx: Context,
  list: ListValue,
): { numbers: number[] } | { kind: TemporalKind; ticks: bigint[]; sample: Value } | null {
  const cursor = list.cursor(ctx);
  const numbers: number[] = [];
  const ticks: bigint[] = [];
  let kind: TemporalKind | 'number' | undefined;
  let sample: Value = null;
  while (cursor.next()) {
    ctx.tick();
    const value = strip(cursor.current);
    if (value === null) continue;
    if (typeof value === 'number' && (kind === undefined || kind === 'number')) {
      kind = 'number';
      numbers.push(value);
      continue;
    }
    const timeline = timelineTicks(value);
    if (timeline !== null && (kind === undefined || kind === timeline.kind)) {
      kind = timeline.kind;
      sample ??= value;
      ticks.push(timeline.ticks);
      continue;
    }
    throw operatorError('+', sample ?? (numbers.length > 0 ? (numbers[0] ?? null) : value), value);
  }
  if (kind === undefined) return null;
  return kind === 'number' ? { numbers } : { kind, ticks, sample };
}

function average(ctx: Context, list: ListValue, precision: Value): Value {
  const decimal = asPrecision(precision);
  const items = homogeneous(ctx, list);
  if (items === null) return null;
  if ('numbers' in items) {
    const numbers = items.numbers;
    if (decimal && numbers.every((value) => Number.isFinite(value))) {
      let total: Decimal = DECIMAL_ZERO;
      for (const value of numbers) total = decimalAdd(total, decimalFromNumber(value));
      return decimalToNumber(decimalDivide(total, numbers.length));
    }
    let total = 0;
    for (const value of numbers) total += value;
    return total / numbers.length;
  }
  let total = 0n;
  for (const ticks of items.ticks) total += ticks;
  return fromTimeline(items.kind, total / BigInt(items.ticks.length), items.sample);
}

/** The sample standard deviation of numbers (Welford's method). */
function deviation(values: readonly number[]): number {
  let mean = 0;
  let squares = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] as number;
    const delta = value - mean;
    mean += delta / (index + 1);
    squares += delta * (value - mean);
  }
  return Math.sqrt(squares / (values.length - 1));
}

function standardDeviation(ctx: Context, list: ListValue): Value {
  const items = homogeneous(ctx, list);
  if (items === null) throw notEnoughElements();
  if ('numbers' in items) {
    return items.numbers.length < 2 ? null : deviation(items.numbers);
  }
  if (items.kind === 'date' || items.kind === 'datetimezone') {
    throw MError.expression(
      'List.StandardDeviation works on numbers, datetimes and durations.',
      items.sample,
    );
  }
  if (items.ticks.length < 2) return null;
  const origin = items.ticks[0] as bigint;
  const spread = deviation(items.ticks.map((ticks) => Number(ticks - origin)));
  return new DurationValue(BigInt(Math.round(spread)));
}

function covariance(ctx: Context, first: ListValue, second: ListValue): Value {
  const xs = first.toArray(ctx).map((value) => asNumber(value));
  const ys = second.toArray(ctx).map((value) => asNumber(value));
  if (xs.length !== ys.length) {
    throw MError.expression('The two lists must have the same number of items.', null);
  }
  const count = xs.length;
  if (count === 0) return null;
  let meanX = 0;
  let meanY = 0;
  for (let index = 0; index < count; index++) {
    meanX += xs[index] as number;
    meanY += ys[index] as number;
  }
  meanX /= count;
  meanY /= count;
  let total = 0;
  for (let index = 0; index < count; index++) {
    total += ((xs[index] as number) - meanX) * ((ys[index] as number) - meanY);
  }
  return total / count;
}

/** Each distinct item (its first occurrence) and how often it appears, in order of appearance. */
function frequencies(
  ctx: Context,
  list: ListValue,
  criteria: Value,
): { entries: readonly { value: Value; count: number }[]; mode: Value } {
  const equation = compileEquation(ctx, criteria);
  const counts = new KeyMap<{ value: Value; count: number }>(equation);
  const cursor = list.cursor(ctx);
  let mode: { value: Value; count: number } | undefined;
  while (cursor.next()) {
    ctx.tick();
    const value = cursor.current;
    const key = equation.key(value);
    const entry = counts.getOrAdd(key, { value, count: 0 });
    entry.count++;
    // On a tie the one that reaches the top count last wins (the page: "the last one is chosen").
    if (mode === undefined || entry.count >= mode.count) mode = entry;
  }
  if (mode === undefined) throw notEnoughElements();
  return { entries: counts.entries.map((entry) => entry.value), mode: mode.value };
}

/** Statistics functions of the List namespace. */
export const LIST_STATISTICS: readonly LibraryEntry[] = [
  defineFunction(
    'List.Average',
    '(list as list, optional precision as nullable number) as any',
    (ctx, [list, precision]) => average(ctx, asList(list), precision),
  ),
  defineFunction(
    'List.Covariance',
    '(numberList1 as list, numberList2 as list) as nullable number',
    (ctx, [first, second]) => covariance(ctx, asList(first), asList(second)),
  ),
  defineFunction(
    'List.Mode',
    '(list as list, optional equationCriteria as any) as any',
    (ctx, [list, criteria]) => frequencies(ctx, asList(list), criteria).mode,
  ),
  defineFunction(
    'List.Modes',
    '(list as list, optional equationCriteria as any) as list',
    (ctx, [list, criteria]) => {
      const { entries } = frequencies(ctx, asList(list), criteria);
      const top = entries.reduce((most, entry) => Math.max(most, entry.count), 0);
      return valuesList(entries.filter((entry) => entry.count === top).map((entry) => entry.value));
    },
  ),
  defineFunction(
    'List.Product',
    '(numbersList as list, optional precision as nullable number) as nullable number',
    (ctx, [list, precision]) => product(ctx, asList(list), precision),
  ),
  defineFunction(
    'List.StandardDeviation',
    '(numbersList as list) as nullable number',
    (ctx, [list]) => standardDeviation(ctx, asList(list)),
  ),
  defineFunction(
    'List.Sum',
    '(list as list, optional precision as nullable number) as any',
    (ctx, [list, precision]) => sum(ctx, asList(list), precision),
  ),
];

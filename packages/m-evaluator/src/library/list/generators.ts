import type { Context } from '../../context.js';
import { add, offsetTemporal } from '../../operators/arithmetic.js';
import type { FunctionValue } from '../../values/function.js';
import { ArrayList, NumberRangeList, type ListCursor } from '../../values/list.js';
import { DurationValue } from '../../values/temporal.js';
import { strip, type Value } from '../../values/value.js';
import { asCount, asFunction, asLogical, asNumber } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { IndexedList, streamList } from './lazy.js';

/** Generators: number, date, time and duration sequences, List.Generate and List.Random. */

/**
 * `count` values from `start`, each `step` further: item `i` is `start + i × step`, computed when it
 * is read, so no sequence is ever materialized.
 */
function temporalSequence(start: Value, countValue: Value, stepValue: Value): Value {
  const count = asCount(countValue);
  const step = (strip(stepValue) as DurationValue).ticks;
  if (count === 0) return ArrayList.EMPTY;
  return new IndexedList(count, (_ctx, index) => offsetTemporal(start, BigInt(index) * step));
}

class GenerateCursor implements ListCursor {
  current: Value = null;
  #state: Value = null;
  #started = false;
  #done = false;
  constructor(
    private readonly initial: FunctionValue,
    private readonly condition: FunctionValue,
    private readonly step: FunctionValue,
    private readonly selector: FunctionValue | null,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    if (this.#done) return false;
    const ctx = this.ctx;
    ctx.tick();
    // The next candidate is only computed when the next item is asked for, so taking the first
    // items of an endless generator ends.
    this.#state = this.#started ? this.step.call1(ctx, this.#state) : this.initial.invoke(ctx, []);
    this.#started = true;
    if (!asLogical(this.condition.call1(ctx, this.#state))) {
      this.#done = true;
      return false;
    }
    this.current = this.selector === null ? this.#state : this.selector.call1(ctx, this.#state);
    return true;
  }
}

/** The generator of a seeded `List.Random` (mulberry32), independent of the evaluation's own. */
function seededRandom(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generator functions of the List namespace. */
export const LIST_GENERATORS: readonly LibraryEntry[] = [
  defineFunction(
    'List.Numbers',
    '(start as number, count as number, optional increment as nullable number) as list',
    (_ctx, [startValue, countValue, incrementValue]) => {
      const start = asNumber(startValue);
      const count = asCount(countValue);
      const increment = strip(incrementValue) === null ? 1 : asNumber(incrementValue);
      if (count === 0) return ArrayList.EMPTY;
      if (increment === 1) return new NumberRangeList(start, count);
      return new IndexedList(count, (_context, index) => start + index * increment);
    },
  ),
  defineFunction(
    'List.Dates',
    '(start as date, count as number, step as duration) as list',
    (_ctx, [start, count, step]) => temporalSequence(start, count, step),
  ),
  defineFunction(
    'List.DateTimes',
    '(start as datetime, count as number, step as duration) as list',
    (_ctx, [start, count, step]) => temporalSequence(start, count, step),
  ),
  defineFunction(
    'List.DateTimeZones',
    '(start as datetimezone, count as number, step as duration) as list',
    (_ctx, [start, count, step]) => temporalSequence(start, count, step),
  ),
  defineFunction(
    'List.Times',
    '(start as time, count as number, step as duration) as list',
    (_ctx, [start, count, step]) => temporalSequence(start, count, step),
  ),
  defineFunction(
    'List.Durations',
    '(start as duration, count as number, step as duration) as list',
    (_ctx, [start, countValue, stepValue]) => {
      const count = asCount(countValue);
      const step = (strip(stepValue) as DurationValue).ticks;
      if (count === 0) return ArrayList.EMPTY;
      return new IndexedList(count, (_context, index) =>
        add(start, new DurationValue(BigInt(index) * step)),
      );
    },
  ),
  defineFunction(
    'List.Generate',
    '(initial as function, condition as function, next as function, optional selector as nullable function) as list',
    (_ctx, [initial, condition, next, selector]) => {
      const first = asFunction(initial);
      const test = asFunction(condition);
      const step = asFunction(next);
      const select = strip(selector) === null ? null : asFunction(selector);
      return streamList((ctx) => new GenerateCursor(first, test, step, select, ctx));
    },
  ),
  defineFunction(
    'List.Random',
    '(count as number, optional seed as nullable number) as list',
    (ctx, [countValue, seedValue]) => {
      const count = asCount(countValue);
      const seed = strip(seedValue);
      const next = seed === null ? () => ctx.random() : seededRandom(asNumber(seed));
      const values: Value[] = [];
      for (let index = 0; index < count; index++) {
        ctx.tick();
        values.push(next());
      }
      return values.length === 0 ? ArrayList.EMPTY : ArrayList.of(values);
    },
  ),
];

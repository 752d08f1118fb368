import type { Context } from '../context.js';

/**
 * Cursors over cursors, shared by lists (items are values) and tables (items are rows): each reads
 * its source only when its own `next()` is called, so nothing is materialized.
 */

/** Walks a sequence once: `next()` moves to the next item and returns false at the end. */
export interface Cursor<T> {
  next(): boolean;
  readonly current: T;
}

/** Something that can be walked any number of times: a list, a table's row source. */
export interface CursorSource<T> {
  cursor(ctx: Context): Cursor<T>;
}

/** Each item of `inner` passed through `map`. */
export class MapCursor<T, U> implements Cursor<U> {
  current!: U;
  constructor(
    private readonly inner: Cursor<T>,
    private readonly map: (ctx: Context, item: T) => U,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    if (!this.inner.next()) return false;
    this.current = this.map(this.ctx, this.inner.current);
    return true;
  }
}

/**
 * Items `start` to `start + count - 1` of `inner`. Ticks once per item it skips. It stops before
 * reading one more item from its source once enough were read: a `take` over an endless generator
 * must not ask it for one more.
 */
export class SliceCursor<T> implements Cursor<T> {
  current: T;
  #toSkip: number;
  #left: number;
  constructor(
    private readonly inner: Cursor<T>,
    start: number,
    count: number,
    private readonly ctx: Context,
  ) {
    this.current = inner.current;
    this.#toSkip = start;
    this.#left = count;
  }

  next(): boolean {
    while (this.#toSkip > 0) {
      this.#toSkip--;
      this.ctx.tick();
      if (!this.inner.next()) {
        this.#toSkip = 0;
        this.#left = 0;
        return false;
      }
    }
    if (this.#left <= 0) return false;
    this.#left--;
    if (!this.inner.next()) {
      this.#left = 0;
      return false;
    }
    this.current = this.inner.current;
    return true;
  }
}

/** A cursor over the items of `inner` that a `test` chooses from. */
abstract class TestingCursor<T> implements Cursor<T> {
  current: T;
  constructor(
    protected readonly inner: Cursor<T>,
    protected readonly test: (ctx: Context, item: T) => boolean,
    protected readonly ctx: Context,
  ) {
    this.current = inner.current;
  }

  abstract next(): boolean;
}

/** The items of `inner` for which the test (keep) is true; ticks once per item tested. */
export class FilterCursor<T> extends TestingCursor<T> {
  next(): boolean {
    const inner = this.inner;
    const ctx = this.ctx;
    while (inner.next()) {
      const item = inner.current;
      ctx.tick();
      if (this.test(ctx, item)) {
        this.current = item;
        return true;
      }
    }
    return false;
  }
}

/** The leading items of `inner` for which the test (keep) is true. */
export class TakeWhileCursor<T> extends TestingCursor<T> {
  #done = false;

  next(): boolean {
    if (this.#done || !this.inner.next()) {
      this.#done = true;
      return false;
    }
    const item = this.inner.current;
    if (!this.test(this.ctx, item)) {
      this.#done = true;
      return false;
    }
    this.current = item;
    return true;
  }
}

/**
 * The items of `inner` after the leading ones for which the test (skip) is true; ticks once per
 * item tested.
 */
export class SkipWhileCursor<T> extends TestingCursor<T> {
  #skipping = true;

  next(): boolean {
    const inner = this.inner;
    while (inner.next()) {
      const item = inner.current;
      if (this.#skipping) {
        this.ctx.tick();
        if (this.test(this.ctx, item)) continue;
        this.#skipping = false;
      }
      this.current = item;
      return true;
    }
    return false;
  }
}

/** The items of several sources one after the other, each walked when the one before it ends. */
export class ConcatCursor<T> implements Cursor<T> {
  current!: T;
  #part = 0;
  #inner: Cursor<T> | undefined;
  constructor(
    private readonly parts: readonly CursorSource<T>[],
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    for (;;) {
      if (this.#inner === undefined) {
        const part = this.parts[this.#part];
        if (part === undefined) return false;
        this.#inner = part.cursor(this.ctx);
      }
      if (this.#inner.next()) {
        this.current = this.#inner.current;
        return true;
      }
      this.#inner = undefined;
      this.#part++;
    }
  }
}

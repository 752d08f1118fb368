import type { Context } from '../../context.js';
import type { MError } from '../../errors.js';
import {
  ConcatCursor,
  FilterCursor,
  MapCursor,
  SkipWhileCursor,
  SliceCursor,
  TakeWhileCursor,
} from '../../values/cursor.js';
import {
  ArrayRows,
  StreamRows,
  type RowCursor,
  type RowSource,
  type TableValue,
} from '../../values/table.js';
import type { Slot } from '../../values/thunk.js';

/**
 * Streaming row sources: each is a cursor over another table's cursor, so a row is read from the
 * source only when the result's consumer asks for it, and cells are copied as slots (a lazy cell
 * stays lazy). Every cursor ticks once per row it reads.
 */

/** A row source whose rows are those of `table`, each passed through `map`. */
export function mappedRows(
  table: TableValue,
  map: (ctx: Context, row: Slot[]) => Slot[],
): RowSource {
  const tickAndMap = (ctx: Context, row: Slot[]): Slot[] => {
    ctx.tick();
    return map(ctx, row);
  };
  return new StreamRows(
    (ctx) => new MapCursor(table.cursor(ctx), tickAndMap, ctx),
    table.source.knownCount,
  );
}

/**
 * The rows of `table` each passed through a map that has state for one walk (the last value seen,
 * for `Table.FillDown`): `start` makes a new map for each walk.
 */
export function walkMappedRows(
  table: TableValue,
  start: (ctx: Context) => (ctx: Context, row: Slot[]) => Slot[],
): RowSource {
  return new StreamRows(
    (ctx) => new MapCursor(table.cursor(ctx), start(ctx), ctx),
    table.source.knownCount,
  );
}

/** The rows of `table` for which `keep` is true. */
export function filteredRows(
  table: TableValue,
  keep: (ctx: Context, row: Slot[]) => boolean,
): RowSource {
  return new StreamRows((ctx) => new FilterCursor(table.cursor(ctx), keep, ctx));
}

/**
 * The rows of `table` that a filter keeps, where the filter has state for one walk (the keys seen
 * so far, for `Table.Distinct`): `start` makes a new filter for each walk.
 */
export function walkFilteredRows(
  table: TableValue,
  start: (ctx: Context) => (ctx: Context, row: Slot[]) => boolean,
): RowSource {
  return new StreamRows((ctx) => new FilterCursor(table.cursor(ctx), start(ctx), ctx));
}

/** Rows `start` to `start + count - 1` of `table` (to the end when `count` is undefined). */
export function slicedRows(table: TableValue, start: number, count?: number): RowSource {
  const known = table.source.knownCount;
  const length =
    known === undefined
      ? undefined
      : Math.min(Math.max(0, known - start), count ?? Number.POSITIVE_INFINITY);
  return new StreamRows(
    (ctx) => new SliceCursor(table.cursor(ctx), start, count ?? Number.POSITIVE_INFINITY, ctx),
    length,
  );
}

/** The leading rows of `table` for which `keep` is true. */
export function takeWhileRows(
  table: TableValue,
  keep: (ctx: Context, row: Slot[]) => boolean,
): RowSource {
  const tickAndKeep = (ctx: Context, row: Slot[]): boolean => {
    ctx.tick();
    return keep(ctx, row);
  };
  return new StreamRows((ctx) => new TakeWhileCursor(table.cursor(ctx), tickAndKeep, ctx));
}

/** The rows of `table` after the leading ones for which `skip` is true. */
export function skipWhileRows(
  table: TableValue,
  skip: (ctx: Context, row: Slot[]) => boolean,
): RowSource {
  return new StreamRows((ctx) => new SkipWhileCursor(table.cursor(ctx), skip, ctx));
}

/** The rows of several sources one after the other (each already aligned to the same columns). */
export function concatenatedRows(parts: readonly RowSource[]): RowSource {
  let known: number | undefined = 0;
  for (const part of parts) {
    const count = part.knownCount;
    known = count === undefined || known === undefined ? undefined : known + count;
  }
  return new StreamRows((ctx) => new ConcatCursor(parts, ctx), known);
}

/**
 * A row source over rows that `compute` makes all at once (a sort, a group, a join's lookup), on
 * the first walk of an evaluation; later walks in the same evaluation reuse them.
 */
export function deferredRows(compute: (ctx: Context) => Slot[][]): RowSource {
  const key = {};
  const rowsOf = (ctx: Context): Slot[][] => {
    const cached = ctx.cache.get(key) as Slot[][] | undefined;
    if (cached !== undefined) return cached;
    const rows = compute(ctx);
    ctx.cache.set(key, rows);
    return rows;
  };
  return new StreamRows((ctx) => new ArrayRows(rowsOf(ctx)).cursor(ctx));
}

/**
 * The rows of `table` as they are, without its source's folding: for a table whose columns were
 * renamed, so that the source is never offered operations in names it doesn't know.
 */
export function plainRows(table: TableValue): RowSource {
  const source = table.source;
  return { cursor: (ctx) => source.cursor(ctx), knownCount: source.knownCount };
}

/**
 * The rows of `table` whose position `keep` accepts; reading stops at position `end` (when given),
 * so that rows past it are never read.
 */
export function positionFilteredRows(
  table: TableValue,
  keep: (position: number) => boolean,
  end = Number.POSITIVE_INFINITY,
): RowSource {
  return new StreamRows((ctx) => new PositionFilterCursor(table.cursor(ctx), keep, end, ctx));
}

class PositionFilterCursor implements RowCursor {
  current: Slot[] = [];
  #position = -1;
  constructor(
    private readonly inner: RowCursor,
    private readonly keep: (position: number) => boolean,
    private readonly end: number,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    for (;;) {
      const position = ++this.#position;
      if (position >= this.end || !this.inner.next()) {
        this.#position = this.end;
        return false;
      }
      this.ctx.tick();
      if (this.keep(position)) {
        this.current = this.inner.current;
        return true;
      }
    }
  }
}

/**
 * The rows of `table` with `inserted` put at `offset`, and `removed` source rows from there
 * dropped (`Table.InsertRows`, `Table.ReplaceRows`). An offset past the end is an error.
 */
export function splicedRows(
  table: TableValue,
  offset: number,
  removed: number,
  inserted: readonly Slot[][],
  outOfRange: () => MError,
): RowSource {
  return new StreamRows(
    (ctx) => new SpliceCursor(table.cursor(ctx), offset, removed, inserted, outOfRange, ctx),
  );
}

class SpliceCursor implements RowCursor {
  current: Slot[] = [];
  #position = 0;
  #insertedAt = 0;
  #skipped = false;
  constructor(
    private readonly inner: RowCursor,
    private readonly offset: number,
    private readonly removed: number,
    private readonly inserted: readonly Slot[][],
    private readonly outOfRange: () => MError,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    this.ctx.tick();
    if (this.#position < this.offset) {
      if (!this.inner.next()) throw this.outOfRange();
      this.#position++;
      this.current = this.inner.current;
      return true;
    }
    if (this.#insertedAt < this.inserted.length) {
      this.current = this.inserted[this.#insertedAt++] as Slot[];
      return true;
    }
    if (!this.#skipped) {
      this.#skipped = true;
      for (let count = 0; count < this.removed; count++) {
        if (!this.inner.next()) return false;
      }
    }
    if (!this.inner.next()) return false;
    this.current = this.inner.current;
    return true;
  }
}

/** What a walk of {@link walkExpandedRows} does with each source row, and after the last one. */
export interface RowExpansion {
  /** The rows for one source row. */
  readonly expand: (ctx: Context, row: Slot[]) => Slot[][];
  /** Rows after the last source row (a full outer join's unmatched right rows). */
  readonly finish?: (ctx: Context) => Slot[][];
}

/**
 * Rows computed from each source row as zero or more rows, by an expansion that has state for one
 * walk (a join's lookup table, built when the walk starts).
 */
export function walkExpandedRows(
  table: TableValue,
  start: (ctx: Context) => RowExpansion,
): RowSource {
  return new StreamRows((ctx) => new WalkExpandCursor(table.cursor(ctx), start(ctx), ctx));
}

class WalkExpandCursor implements RowCursor {
  current: Slot[] = [];
  #pending: Slot[][] = [];
  #next = 0;
  #finished = false;
  constructor(
    private readonly inner: RowCursor,
    private readonly expansion: RowExpansion,
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    while (this.#next >= this.#pending.length) {
      if (this.#finished) return false;
      if (this.inner.next()) {
        this.ctx.tick();
        this.#pending = this.expansion.expand(this.ctx, this.inner.current);
      } else {
        this.#finished = true;
        this.#pending = this.expansion.finish?.(this.ctx) ?? [];
      }
      this.#next = 0;
    }
    this.current = this.#pending[this.#next++] as Slot[];
    return true;
  }
}

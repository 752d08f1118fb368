import type { Context } from '../context.js';
import { RecordLayout, RecordValue } from './record.js';
import { forceSlot, type Slot } from './thunk.js';
import type { FunctionValue } from './function.js';
import { fieldsOf, type TypeValue } from './type.js';
import type { Value } from './value.js';

/** Walks the rows of a table once; `current` holds the cells of the row `next()` moved to. */
export interface RowCursor {
  next(): boolean;
  readonly current: Slot[];
}

/**
 * A table operation that a row source may perform itself ("fold"): what `Table.View` handlers
 * (`OnTake`, `OnSkip`, `OnSelectColumns`, …) receive. The `Table.*` functions that map onto one offer it
 * to the source first and evaluate locally when the source declines.
 */
export type TableOperation =
  | { readonly kind: 'take'; readonly count: number }
  | { readonly kind: 'skip'; readonly count: number }
  | { readonly kind: 'selectColumns'; readonly columns: readonly string[] }
  | { readonly kind: 'renameColumns'; readonly renames: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'sort';
      readonly order: readonly { readonly column: string; readonly ascending: boolean }[];
    }
  | { readonly kind: 'distinct'; readonly columns: readonly string[] }
  | { readonly kind: 'selectRows'; readonly predicate: FunctionValue }
  | {
      readonly kind: 'addColumns';
      readonly columns: readonly {
        readonly name: string;
        readonly function: FunctionValue;
        readonly type: TypeValue | null;
      }[];
    }
  | {
      readonly kind: 'group';
      readonly keys: readonly string[];
      readonly aggregates: readonly {
        readonly name: string;
        readonly function: FunctionValue;
        readonly type: TypeValue | null;
      }[];
    }
  | {
      readonly kind: 'join';
      readonly right: TableValue;
      readonly leftKeys: readonly string[];
      readonly rightKeys: readonly string[];
      readonly joinKind: number;
      /** The table on the left (the one offered the join when `side` is `left`). */
      readonly left?: TableValue;
      /** Which side of the join the source asked is on (`left` when absent). */
      readonly side?: 'left' | 'right';
    }
  | { readonly kind: 'rowCount' }
  | {
      /**
       * A call of a view function (`Table.ViewFunction`) with this table among its arguments, at
       * `index`. A source that performs it stores the call's value in `reply.value`.
       */
      readonly kind: 'invoke';
      readonly function: FunctionValue;
      readonly arguments: readonly Value[];
      readonly index: number;
      readonly reply: { value?: Value };
    };

/**
 * Where a table's rows come from: memory, a CSV reader, a transformation of another table, a
 * `Table.View` handler. Rows are arrays of cells aligned with the table's columns; cells may be
 * thunks (lazy, like record fields).
 */
export interface RowSource {
  cursor(ctx: Context): RowCursor;
  /** The row count, when known without walking the rows. */
  readonly knownCount?: number | undefined;
  /**
   * Performs an operation on the source's side, if the source can: a new table (or, for
   * `rowCount`, a number), or undefined to let the caller evaluate it locally.
   */
  fold?(ctx: Context, operation: TableOperation): TableValue | number | undefined;
}

/**
 * A table: a table type (its columns, their types, its keys) and a source of rows. Operations that
 * only read rows stream them; operations that need all of them (sort, group, buffer) materialize
 * once. A row read as a record shares the table's layout.
 */
export class TableValue {
  readonly kind = 'table';
  readonly layout: RecordLayout;

  constructor(
    /** A table type (`type table [...]`). */
    readonly type: TypeValue,
    readonly source: RowSource,
    readonly meta: RecordValue | null = null,
    layout?: RecordLayout,
  ) {
    this.layout = layout ?? RecordLayout.of(fieldsOf(type).map((field) => field.name));
  }

  get columnNames(): readonly string[] {
    return this.layout.names;
  }

  get columnCount(): number {
    return this.layout.size;
  }

  withMeta(meta: RecordValue | null): TableValue {
    return new TableValue(this.type, this.source, meta, this.layout);
  }

  /** The same rows under another table type with the same columns (`Value.ReplaceType`). */
  withType(type: TypeValue): TableValue {
    return new TableValue(type, this.source, this.meta);
  }

  cursor(ctx: Context): RowCursor {
    return this.source.cursor(ctx);
  }

  /** The number of rows (walks the rows when the source does not know it). */
  rowCount(ctx: Context): number {
    if (this.source.knownCount !== undefined) return this.source.knownCount;
    const cursor = this.source.cursor(ctx);
    let count = 0;
    while (cursor.next()) count++;
    return count;
  }

  /** A row as a record sharing the table's layout. */
  rowRecord(row: Slot[]): RecordValue {
    return new RecordValue(this.layout, row);
  }

  /** Every row, in memory (cells still lazy). */
  rows(ctx: Context): Slot[][] {
    if (this.source instanceof ArrayRows) return this.source.rows;
    const out: Slot[][] = [];
    const cursor = this.source.cursor(ctx);
    while (cursor.next()) out.push(cursor.current);
    return out;
  }
}

/** Rows held in memory. */
export class ArrayRows implements RowSource {
  constructor(readonly rows: Slot[][]) {}

  get knownCount(): number {
    return this.rows.length;
  }

  cursor(ctx: Context): RowCursor {
    return new ArrayRowCursor(this.rows, ctx);
  }
}

class ArrayRowCursor implements RowCursor {
  current: Slot[] = [];
  #index = -1;
  constructor(
    private readonly rows: Slot[][],
    private readonly ctx: Context,
  ) {}

  next(): boolean {
    const index = ++this.#index;
    if (index >= this.rows.length) return false;
    this.current = this.rows[index] as Slot[];
    this.ctx.tick();
    return true;
  }
}

/** Rows computed on demand from a cursor factory (a streaming transformation). */
export class StreamRows implements RowSource {
  constructor(
    private readonly open: (ctx: Context) => RowCursor,
    readonly knownCount?: number,
  ) {}

  cursor(ctx: Context): RowCursor {
    return this.open(ctx);
  }
}

/** The value of a cell, computing and caching it in its row. */
export function cell(row: Slot[], index: number): Value {
  return forceSlot(row, index);
}

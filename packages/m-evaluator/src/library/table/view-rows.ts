import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import type { RecordValue } from '../../values/record.js';
import {
  TableValue,
  type RowCursor,
  type RowSource,
  type TableOperation,
} from '../../values/table.js';
import { fieldsOf, type TypeValue } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction } from '../arguments.js';
import { projectColumns } from './columns.js';
import { checkedResult, handlerArguments } from './view-handlers.js';
import { ViewError } from './view-error.js';
import { foldAttempt, foldingFailure, HANDLER_OF } from './view-trace.js';

/**
 * The rows of a `Table.View` (query-docs `table-view.md`): `GetRows()`, or the rows of the table
 * the view was made over. Table operations offered to it (`fold`) go to the matching handler:
 *
 * - a handler's result (usually another view) is the result of the operation;
 * - a missing handler passes the operation to the view's table when it has one, and otherwise
 *   declines: the operation runs locally over the view's rows;
 * - a handler that raises an error declines too, unless the error was made with
 *   `Table.ViewError`, which goes on to the caller.
 *
 * Every attempt is written to the evaluation's folding trace (`onFold`). With
 * `failOnFoldingFailure`, a decline raises the engine's folding error instead.
 */
export class ViewRows implements RowSource {
  constructor(
    /** The table the view was made over, or null. */
    readonly base: TableValue | null,
    /** The handlers record, as given (its fields are read when an operation needs them). */
    readonly handlers: RecordValue,
    /** The view's table type (from `GetType`, or the base table's). */
    readonly type: TypeValue,
  ) {}

  get knownCount(): number | undefined {
    if (this.base === null || this.handlers.has('GetRows')) return undefined;
    return this.base.source.knownCount;
  }

  cursor(ctx: Context): RowCursor {
    return this.rows(ctx).cursor(ctx);
  }

  /**
   * The view's rows, as a table of the view's columns: `GetRows()` (called once per evaluation)
   * or the base table. Columns are matched by name, or by position when the names differ but the
   * counts agree.
   */
  rows(ctx: Context): TableValue {
    const cached = ctx.cache.get(this);
    if (cached instanceof TableValue) return cached;
    const rows = this.handlers.has('GetRows') ? this.#getRows(ctx) : (this.base as TableValue);
    const aligned = alignColumns(rows, this.type);
    ctx.cache.set(this, aligned);
    return aligned;
  }

  #getRows(ctx: Context): TableValue {
    const result = strip(asFunction(this.handlers.field('GetRows')).invoke(ctx, []));
    if (result instanceof TableValue) return result;
    throw MError.expression('The GetRows handler of a Table.View must return a table.', result);
  }

  fold(ctx: Context, operation: TableOperation): TableValue | number | undefined {
    const handler = HANDLER_OF[operation.kind];
    const finish = foldAttempt(ctx, operation, handler);
    if (!this.handlers.has(handler)) {
      if (this.base !== null) {
        finish('delegated');
        return this.base.source.fold?.(ctx, operation);
      }
      finish('declined-missing-handler');
      if (ctx.failOnFoldingFailure) throw foldingFailure(operation, handler, undefined);
      return undefined;
    }
    let result: Value;
    try {
      const fn = asFunction(this.handlers.field(handler));
      result = checkedResult(operation, fn.invoke(ctx, handlerArguments(operation)));
    } catch (error) {
      if (!(error instanceof MError)) throw error;
      if (error instanceof ViewError) {
        finish('failed', error);
        throw error;
      }
      finish('declined-error', error);
      if (ctx.failOnFoldingFailure) throw foldingFailure(operation, handler, error);
      return undefined;
    }
    finish('folded');
    if (operation.kind === 'invoke') {
      operation.reply.value = result;
      return undefined;
    }
    return result as TableValue | number;
  }
}

/** The rows of `rows` with the columns of `type`, in its order. */
function alignColumns(rows: TableValue, type: TypeValue): TableValue {
  const fields = fieldsOf(type);
  const names = fields.map((field) => field.name);
  const have = rows.columnNames;
  if (names.length === have.length && names.every((name, index) => have[index] === name)) {
    return rows;
  }
  if (names.every((name) => rows.layout.has(name))) {
    return projectColumns(
      rows,
      fields,
      names.map((name) => rows.layout.indexOf(name)),
      [],
    );
  }
  if (names.length === have.length) {
    return projectColumns(
      rows,
      fields,
      names.map((_, index) => index),
      [],
    );
  }
  throw MError.expression(
    `The rows of the Table.View have the columns ${have.join(', ')}, but its type (GetType) has the columns ${names.join(', ')}.`,
  );
}

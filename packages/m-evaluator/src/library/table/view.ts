import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { FunctionValue } from '../../values/function.js';
import type { RecordValue } from '../../values/record.js';
import { TableValue } from '../../values/table.js';
import { TypeValue } from '../../values/type.js';
import { strip, type Value } from '../../values/value.js';
import { asFunction, asRecord, asTable } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { viewErrorRecord } from './view-error.js';
import { ViewRows } from './view-rows.js';

/**
 * `Table.View`, `Table.ViewFunction` and `Table.ViewError` (query-docs `table-view.md`,
 * `table-viewfunction.md`, `table-viewerror.md`; powerquery-docs `HandlingQueryFolding.md` and
 * the TripPin part 10 tutorial).
 */

/** The handlers a view needs when it is made over no table. */
const REQUIRED_WITHOUT_TABLE = ['GetType', 'GetRows'] as const;

/**
 * The view's table type: `GetType()` (a table type with its columns), or the type of the table
 * the view was made over. `GetType` is called once, when the view is made; `GetRows` is not.
 */
function viewType(ctx: Context, base: TableValue | null, handlers: RecordValue): TypeValue {
  if (!handlers.has('GetType')) return (base as TableValue).type;
  const type = strip(asFunction(handlers.field('GetType')).invoke(ctx, []));
  if (type instanceof TypeValue && type.shape.kind === 'table') return type;
  throw MError.expression(
    'The GetType handler of a Table.View must return a table type with its columns (type table [...]).',
    type,
  );
}

/** `Table.View(table, handlers)`. */
export function tableView(ctx: Context, table: Value, handlersValue: Value): TableValue {
  const base = strip(table) === null ? null : asTable(table);
  const handlers = asRecord(handlersValue);
  if (base === null) {
    const missing = REQUIRED_WITHOUT_TABLE.filter((name) => !handlers.has(name));
    if (missing.length > 0) {
      throw MError.expression(
        `A Table.View over no table needs the handlers GetType and GetRows; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing.`,
        handlers,
      );
    }
  }
  const type = viewType(ctx, base, handlers);
  return new TableValue(type, new ViewRows(base, handlers, type));
}

/**
 * A function made by `Table.ViewFunction`: a call offers itself to the `OnInvoke` handler of the
 * first view among its arguments that takes it; when none does, the wrapped function runs.
 */
export class ViewFunction extends FunctionValue {
  constructor(readonly inner: FunctionValue) {
    super();
  }

  get type(): TypeValue {
    return this.inner.type;
  }

  override get name(): string | undefined {
    return this.inner.name;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    for (let index = 0; index < args.length; index++) {
      const argument = strip(args[index] as Value);
      if (!(argument instanceof TableValue) || argument.source.fold === undefined) continue;
      const reply: { value?: Value } = {};
      argument.source.fold(ctx, {
        kind: 'invoke',
        function: this,
        arguments: args,
        index,
        reply,
      });
      if ('value' in reply) return reply.value ?? null;
    }
    return this.inner.invoke(ctx, args);
  }
}

/** `Table.ViewFunction(function)` (and `Value.ViewFunction`). */
export function viewFunction(inner: FunctionValue): ViewFunction {
  return inner instanceof ViewFunction ? inner : new ViewFunction(inner);
}

/** `Table.View`, `Table.ViewFunction`, `Table.ViewError`. */
export const TABLE_VIEW: readonly LibraryEntry[] = [
  defineFunction(
    'Table.View',
    '(table as nullable table, handlers as record) as table',
    (ctx, [table, handlers]) => tableView(ctx, table, handlers),
  ),
  defineFunction('Table.ViewFunction', '(function as function) as function', (_ctx, [fn]) =>
    viewFunction(asFunction(fn)),
  ),
  defineFunction('Table.ViewError', '(errorRecord as record) as record', (_ctx, [record]) =>
    viewErrorRecord(asRecord(record)),
  ),
];

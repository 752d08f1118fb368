import type { Context } from '../../context.js';
import { MError, REASON } from '../../errors.js';
import { RecordValue } from '../../values/record.js';
import type { TableOperation } from '../../values/table.js';

/**
 * The folding trace: one {@link FoldEvent} per attempt to hand a table operation to a `Table.View`
 * handler, given to the evaluation's `onFold` option.
 */

/** The operations a view can be asked to fold (the kinds of `TableOperation`). */
export type FoldOperation = TableOperation['kind'];

/**
 * How a fold attempt ended:
 * - `folded`: the handler returned the new table (or the count, or the call's value);
 * - `declined-missing-handler`: the view has no handler for the operation, and no table to pass it
 *   to, so the operation runs locally over the view's rows;
 * - `declined-error`: the handler raised an error (or returned the wrong kind of value), so the
 *   operation runs locally;
 * - `delegated`: the view has no handler but was made over a table, so the operation is passed to
 *   that table (which may fold it in turn);
 * - `failed`: the handler raised an error made with `Table.ViewError`, which goes on to the caller.
 */
export type FoldOutcome =
  'folded' | 'declined-missing-handler' | 'declined-error' | 'delegated' | 'failed';

/** One attempt to fold an operation into a `Table.View` handler. */
export interface FoldEvent {
  /** The operation: `take`, `skip`, `selectColumns`, …, `rowCount`, `invoke`. */
  readonly operation: FoldOperation;
  /** The operation and its arguments, for people: `take 5`, `sort Time desc, Station`. */
  readonly description: string;
  /** The handler asked: `OnTake`, `GetRowCount`, `OnInvoke`, … */
  readonly handler: string;
  readonly outcome: FoldOutcome;
  /** The handler's error, for `declined-error` and `failed`. */
  readonly error?: { readonly reason: string | null; readonly message: string | null };
  /** When the attempt started, on the evaluation's clock (ISO 8601), as traces are stamped. */
  readonly timestamp: string;
  /** How long the handler ran, in milliseconds of real time. */
  readonly durationMs: number;
}

/** The message of the error a declined fold raises under `failOnFoldingFailure` (TripPin part 10). */
export const FOLDING_FAILURE_MESSAGE =
  "We couldn't fold the expression to the data source. Please try a simpler expression.";

/** The `Table.View` handler each operation is offered to. */
export const HANDLER_OF: Readonly<Record<FoldOperation, string>> = {
  take: 'OnTake',
  skip: 'OnSkip',
  selectColumns: 'OnSelectColumns',
  renameColumns: 'OnRenameColumns',
  sort: 'OnSort',
  distinct: 'OnDistinct',
  selectRows: 'OnSelectRows',
  addColumns: 'OnAddColumns',
  group: 'OnGroup',
  join: 'OnJoin',
  rowCount: 'GetRowCount',
  invoke: 'OnInvoke',
};

const names = (list: readonly string[]): string => list.join(', ');

/** An operation and its arguments, in a few words. */
export function describeOperation(operation: TableOperation): string {
  switch (operation.kind) {
    case 'take':
    case 'skip':
      return `${operation.kind} ${String(operation.count)}`;
    case 'selectColumns':
    case 'distinct':
      return `${operation.kind} ${names(operation.columns)}`;
    case 'renameColumns':
      return `renameColumns ${names(operation.renames.map(([from, to]) => `${from} -> ${to}`))}`;
    case 'sort':
      return `sort ${names(operation.order.map((level) => `${level.column}${level.ascending ? '' : ' desc'}`))}`;
    case 'selectRows':
      return 'selectRows';
    case 'addColumns':
      return `addColumns ${names(operation.columns.map((added) => added.name))}`;
    case 'group':
      return `group by ${names(operation.keys)} into ${names(operation.aggregates.map((aggregate) => aggregate.name))}`;
    case 'join': {
      const pairs = operation.leftKeys.map(
        (left, index) => `${left} = ${operation.rightKeys[index] ?? ''}`,
      );
      return `join ${names(pairs)} (kind ${String(operation.joinKind)}, view on the ${operation.side ?? 'left'})`;
    }
    case 'rowCount':
      return 'rowCount';
    case 'invoke':
      return `invoke ${operation.function.name ?? 'a view function'} (argument ${String(operation.index)})`;
  }
}

/** Starts timing a fold attempt; `finish` writes its event to the context's `onFold`. */
export function foldAttempt(
  ctx: Context,
  operation: TableOperation,
  handler: string,
): (outcome: FoldOutcome, error?: MError) => void {
  const observer = ctx.onFold;
  if (observer === undefined) return () => undefined;
  const started = performance.now();
  const timestamp = new Date(ctx.nowMs).toISOString();
  return (outcome, error) => {
    observer({
      operation: operation.kind,
      description: describeOperation(operation),
      handler,
      outcome,
      ...(error === undefined ? {} : { error: { reason: error.reason, message: error.mMessage } }),
      timestamp,
      durationMs: performance.now() - started,
    });
  };
}

/**
 * The error a declined fold raises when the evaluation fails on folding failures: the engine's
 * message, and a detail naming the handler, the operation and, when the handler raised one, its
 * error.
 */
export function foldingFailure(
  operation: TableOperation,
  handler: string,
  cause: MError | undefined,
): MError {
  return MError.of(
    REASON.expression,
    FOLDING_FAILURE_MESSAGE,
    RecordValue.of([
      ['Handler', handler],
      ['Operation', describeOperation(operation)],
      ['Error', cause === undefined ? null : (cause.mMessage ?? cause.reason)],
    ]),
  );
}

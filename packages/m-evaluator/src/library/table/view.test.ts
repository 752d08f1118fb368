import { describe, expect, it } from 'vitest';
import type { EvaluationOptions, TraceEntry } from '../../context.js';
import { MError } from '../../errors.js';
import { printValue } from '../../print/print-value.js';
import { TEST_OPTIONS, testEngine } from '../../../test/evaluate.js';
import type { FoldEvent } from './view-trace.js';

/** Evaluates M, collecting the folding trace and the `Diagnostics.Trace` messages. */
function run(
  text: string,
  options: EvaluationOptions = {},
): { result: string; events: FoldEvent[]; folds: string[]; traces: string[] } {
  const events: FoldEvent[] = [];
  const traces: TraceEntry[] = [];
  const engine = testEngine();
  const ctx = engine.createContext({
    ...TEST_OPTIONS,
    onFold: (event) => events.push(event),
    trace: { trace: (entry) => traces.push(entry) },
    ...options,
  });
  let result: string;
  try {
    result = printValue(ctx, engine.evaluateIn(ctx, text));
  } catch (error) {
    if (!(error instanceof MError)) throw error;
    result = `error ${error.describe()}`;
  }
  return {
    result,
    events,
    folds: events.map((event) => `${event.handler} ${event.outcome}`),
    traces: traces.map((entry) => entry.message),
  };
}

const ROWS = '#table(type table [A = number, B = text], {{1, "x"}, {2, "y"}, {3, "x"}})';
const ROWS_TYPE = 'type table [A = number, B = text]';

/**
 * A view whose handlers answer with a one-cell table holding what they received, so that a test
 * sees each handler's arguments as an M literal.
 */
const ECHO = `let
  Rows = ${ROWS},
  Echo = (argument) => #table(type table [Argument = any], {{argument}}),
  Asts = (constructors) => List.Transform(
    constructors,
    each [Name = [Name], Type = [Type], Expression = RowExpression.From([Function])]
  ),
  View = Table.View(null, [
    GetType = () => Value.Type(Rows),
    GetRows = () => Rows,
    GetRowCount = () => 42,
    OnTake = (count) => Echo(count),
    OnSkip = (count) => Echo(count),
    OnSelectColumns = (columns) => Echo(columns),
    OnRenameColumns = (renames) => Echo(renames),
    OnSort = (order) => Echo(order),
    OnDistinct = (columns) => Echo(columns),
    OnSelectRows = (selector) => Echo(RowExpression.From(selector)),
    OnAddColumns = (constructors) => Echo(Asts(constructors)),
    OnGroup = (keys, aggregates) => Echo({keys, Asts(aggregates)}),
    OnJoin = (side, left, right, keys, kind) =>
      Echo({side, Table.ColumnNames(left), Table.ColumnNames(right), keys, kind})
  ])
in
  `;

const echo = (argument: string): string => `#table(type table [Argument = any], {{${argument}}})`;

const COLUMN = (name: string): string =>
  `[Kind = "FieldAccess", Expression = [Kind = "Row"], MemberName = "${name}"]`;

describe('Table.View: each handler receives its operation', () => {
  it.each([
    ['Table.FirstN(View, 2)', 'OnTake', echo('2')],
    ['Table.Range(View, 0, 2)', 'OnTake', echo('2')],
    ['Table.Skip(View, 1)', 'OnSkip', echo('1')],
    ['Table.SelectColumns(View, {"B", "A"})', 'OnSelectColumns', echo('{"B", "A"}')],
    [
      'Table.SelectColumns(View, {"B", "C"}, MissingField.Ignore)',
      'OnSelectColumns',
      echo('{"B"}'),
    ],
    ['Table.RemoveColumns(View, "A")', 'OnSelectColumns', echo('{"B"}')],
    [
      'Table.RenameColumns(View, {{"A", "X"}, {"B", "Y"}})',
      'OnRenameColumns',
      echo('{{"A", "X"}, {"B", "Y"}}'),
    ],
    [
      'Table.Sort(View, {{"A", Order.Descending}, "B"})',
      'OnSort',
      echo('{[Name = "A", Order = 1], [Name = "B", Order = 0]}'),
    ],
    ['Table.Distinct(View)', 'OnDistinct', echo('{"A", "B"}')],
    ['Table.Distinct(View, {"B"})', 'OnDistinct', echo('{"B"}')],
    [
      'Table.SelectRows(View, each [A] > 1)',
      'OnSelectRows',
      echo(
        `[Kind = "Binary", Operator = "GreaterThan", Left = ${COLUMN('A')}, Right = [Kind = "Constant", Value = 1]]`,
      ),
    ],
    [
      'Table.AddColumn(View, "C", each [A] * 2, type number)',
      'OnAddColumns',
      echo(
        `{[Name = "C", Type = type number, Expression = [Kind = "Binary", Operator = "Multiply", Left = ${COLUMN('A')}, Right = [Kind = "Constant", Value = 2]]]}`,
      ),
    ],
    [
      'Table.AddColumn(View, "C", each [B])',
      'OnAddColumns',
      echo(`{[Name = "C", Type = type any, Expression = ${COLUMN('B')}]}`),
    ],
    [
      'Table.Group(View, {"B"}, {{"Total", each List.Sum([A]), type number}})',
      'OnGroup',
      echo(
        `{{"B"}, {[Name = "Total", Type = type number, Expression = [Kind = "Invocation", Function = [Kind = "Constant", Value = List.Sum], Arguments = {${COLUMN('A')}}]]}}`,
      ),
    ],
    [
      'Table.Join(View, "A", #table({"K", "V"}, {{1, "one"}}), "K", JoinKind.LeftOuter)',
      'OnJoin',
      echo('{0, {"A", "B"}, {"K", "V"}, {[Left = "A", Right = "K"]}, 1}'),
    ],
    [
      'Table.Join(#table({"K", "V"}, {{1, "one"}}), "K", View, "A")',
      'OnJoin',
      echo('{1, {"K", "V"}, {"A", "B"}, {[Left = "K", Right = "A"]}, 0}'),
    ],
    ['Table.RowCount(View)', 'GetRowCount', '42'],
  ])('%s goes to %s', (query, handler, expected) => {
    const { result, folds } = run(ECHO + query);
    expect(result).toBe(expected);
    expect(folds).toEqual([`${handler} folded`]);
  });

  it.each([
    ['Table.FirstN(View, 2)', 'take', 'take 2'],
    ['Table.Skip(View, 1)', 'skip', 'skip 1'],
    ['Table.SelectColumns(View, {"B", "A"})', 'selectColumns', 'selectColumns B, A'],
    ['Table.RenameColumns(View, {"A", "X"})', 'renameColumns', 'renameColumns A -> X'],
    ['Table.Sort(View, {{"A", Order.Descending}, "B"})', 'sort', 'sort A desc, B'],
    ['Table.Distinct(View, "B")', 'distinct', 'distinct B'],
    ['Table.SelectRows(View, each true)', 'selectRows', 'selectRows'],
    ['Table.AddColumn(View, "C", each 1)', 'addColumns', 'addColumns C'],
    ['Table.Group(View, "B", {"N", each 1})', 'group', 'group by B into N'],
    [
      'Table.Join(View, "A", #table({"K"}, {{1}}), "K")',
      'join',
      'join A = K (kind 0, view on the left)',
    ],
    [
      'Table.Join(#table({"K"}, {{1}}), "K", View, "A", JoinKind.LeftOuter)',
      'join',
      'join K = A (kind 1, view on the right)',
    ],
    ['Table.RowCount(View)', 'rowCount', 'rowCount'],
  ])('traces %s as the %s operation "%s"', (query, operation, description) => {
    const { events } = run(ECHO + query);
    expect(events).toMatchObject([{ operation, description, outcome: 'folded' }]);
  });

  it('gives OnSort and OnSelectRows a view of the view (handlers chain through @View)', () => {
    const text = `let
      View = (state as record) => Table.View(null, [
        GetType = () => ${ROWS_TYPE},
        GetRows = () => #table(type table [A = number, B = text], {{state[Top] ?? -1, Text.Combine(state[Log], ";")}}),
        OnTake = (count) => @View(state & [Top = count, Log = state[Log] & {"take " & Text.From(count)}]),
        OnSort = (order) => @View(state & [Log = state[Log] & {"sort " & order{0}[Name]}])
      ])
    in
      Table.FirstN(Table.Sort(View([Top = null, Log = {}]), {"B"}), 5)`;
    const { result, folds } = run(text);
    expect(result).toBe('#table(type table [A = number, B = text], {{5, "sort B;take 5"}})');
    expect(folds).toEqual(['OnSort folded', 'OnTake folded']);
  });
});

describe('Table.View: declining', () => {
  const VIEW = (handlers: string): string => `let
    View = Table.View(null, [
      GetType = () => ${ROWS_TYPE},
      GetRows = () => ${ROWS}${handlers === '' ? '' : ','}
      ${handlers}
    ])
  in
    `;

  it('evaluates locally over GetRows when the handler is missing', () => {
    const { result, folds, events } = run(`${VIEW('')}Table.FirstN(View, 2)`);
    expect(result).toBe('#table(type table [A = number, B = text], {{1, "x"}, {2, "y"}})');
    expect(folds).toEqual(['OnTake declined-missing-handler']);
    expect(events[0]).toMatchObject({
      operation: 'take',
      description: 'take 2',
      handler: 'OnTake',
      timestamp: '2024-01-31T13:05:00.000Z',
    });
    expect(events[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('evaluates locally when the handler raises an error, and traces the error', () => {
    const { result, events } = run(
      `${VIEW('OnSort = (order) => error Error.Record("DataSource.Error", "cannot sort")')}Table.Sort(View, {{"A", Order.Descending}})`,
    );
    expect(result).toBe(
      '#table(type table [A = number, B = text], {{3, "x"}, {2, "y"}, {1, "x"}})',
    );
    expect(events).toMatchObject([
      {
        handler: 'OnSort',
        outcome: 'declined-error',
        description: 'sort A desc',
        error: { reason: 'DataSource.Error', message: 'cannot sort' },
      },
    ]);
  });

  it('treats ... (not implemented) as a refusal, as TripPin does', () => {
    const { result, folds } = run(`${VIEW('GetRowCount = () => ...')}Table.RowCount(View)`);
    expect(result).toBe('3');
    expect(folds).toEqual(['GetRowCount declined-error']);
  });

  it('declines when the handler returns the wrong kind of value', () => {
    const { result, events } = run(
      `${VIEW('OnTake = (count) => "a table, honestly", GetRowCount = () => "three"')}{Table.FirstN(View, 1), Table.RowCount(View)}`,
    );
    expect(result).toBe('{#table(type table [A = number, B = text], {{1, "x"}}), 3}');
    expect(events.map((event) => event.error?.message)).toEqual([
      'The OnTake handler returned a text; it must return a table.',
      'The GetRowCount handler returned a text; it must return a number.',
    ]);
  });

  it('declines when a handler takes the wrong arguments', () => {
    const { result, folds } = run(`${VIEW('OnSkip = () => error "never"')}Table.Skip(View, 2)`);
    expect(result).toBe('#table(type table [A = number, B = text], {{3, "x"}})');
    expect(folds).toEqual(['OnSkip declined-error']);
  });

  it('lets an error made with Table.ViewError through to the caller', () => {
    const { result, folds } = run(
      `${VIEW('OnTake = (count) => error Table.ViewError(Error.Record("DataSource.Error", "the service refused", [Count = count]))')}try Table.FirstN(View, 1)`,
    );
    expect(result).toBe(
      '[HasError = true, Error = [Reason = "DataSource.Error", Message = "the service refused", Detail = [Count = 1], Message.Format = null, Message.Parameters = null]]',
    );
    expect(folds).toEqual(['OnTake failed']);
  });

  it('runs later steps locally once a step has run locally', () => {
    const { result, folds } = run(
      `${VIEW('OnTake = (count) => error "no"')}Table.SelectColumns(Table.FirstN(View, 2), "B")`,
    );
    expect(result).toBe('#table(type table [B = text], {{"x"}, {"y"}})');
    expect(folds).toEqual(['OnTake declined-error']);
  });
});

describe('Table.View over a table', () => {
  it('passes operations without a handler to the table', () => {
    const { result, folds } = run(
      `let Inner = Table.View(null, [GetType = () => ${ROWS_TYPE}, GetRows = () => ${ROWS}, OnSkip = (n) => #table(${ROWS_TYPE}, {{n, "inner skip"}})]),
        Outer = Table.View(Inner, [OnTake = (n) => #table(${ROWS_TYPE}, {{n, "outer take"}})])
      in {Table.FirstN(Outer, 1), Table.Skip(Outer, 2), Table.SelectColumns(Outer, "A")}`,
    );
    expect(result).toBe(
      '{#table(type table [A = number, B = text], {{1, "outer take"}}), #table(type table [A = number, B = text], {{2, "inner skip"}}), #table(type table [A = number], {{1}, {2}, {3}})}',
    );
    expect(folds).toEqual([
      'OnTake folded',
      'OnSkip delegated',
      'OnSkip folded',
      'OnSelectColumns delegated',
      'OnSelectColumns declined-missing-handler',
    ]);
  });

  it('takes its type and rows from the table when it has no GetType or GetRows', () => {
    const { result, folds } = run(
      `let View = Table.View(${ROWS}, []) in {Value.Type(View), Table.RowCount(View), Table.LastN(View, 1)}`,
    );
    expect(result).toBe(`{${ROWS_TYPE}, 3, #table(type table [A = number, B = text], {{3, "x"}})}`);
    expect(folds).toEqual(['GetRowCount delegated']);
  });

  it('evaluates over the view when a handler raises, not over the table', () => {
    const { result } = run(
      `Table.FirstN(Table.View(${ROWS}, [GetRows = () => #table(${ROWS_TYPE}, {{9, "from GetRows"}}), OnTake = (n) => error "no"]), 1)`,
    );
    expect(result).toBe('#table(type table [A = number, B = text], {{9, "from GetRows"}})');
  });
});

describe('Table.View: laziness and rows', () => {
  const FAILING_ROWS = `Table.View(null, [GetType = () => ${ROWS_TYPE}, GetRows = () => error "GetRows was called", GetRowCount = () => 7])`;

  it.each([
    [`Table.ColumnNames(${FAILING_ROWS})`, '{"A", "B"}'],
    [`Value.Type(${FAILING_ROWS})`, ROWS_TYPE],
    [`Table.RowCount(${FAILING_ROWS})`, '7'],
    [`Table.Schema(${FAILING_ROWS})[Name]`, '{"A", "B"}'],
    [`Table.FirstN(${FAILING_ROWS}, 1)`, 'error [Expression.Error] GetRows was called'],
  ])('%s = %s (GetRows only when rows are read)', (text, expected) => {
    expect(run(text).result).toBe(expected);
  });

  it('calls GetRows once per evaluation, however often the rows are read', () => {
    const { result, traces } = run(
      `let View = Table.View(null, [GetType = () => ${ROWS_TYPE}, GetRows = () => Diagnostics.Trace(TraceLevel.Information, "GetRows", () => ${ROWS}, true)])
      in {Table.RowCount(View), List.Sum(View[A]), Table.First(View)[B]}`,
    );
    expect(result).toBe('{3, 6, "x"}');
    expect(traces).toEqual(['GetRows']);
  });

  it.each([
    [
      'matches the columns of GetRows to the type by name',
      `Table.View(null, [GetType = () => type table [B = text, A = number], GetRows = () => ${ROWS}])`,
      '#table(type table [B = text, A = number], {{"x", 1}, {"y", 2}, {"x", 3}})',
    ],
    [
      'matches them by position when the names differ',
      `Table.View(null, [GetType = () => type table [X = number, Y = text], GetRows = () => ${ROWS}])`,
      '#table(type table [X = number, Y = text], {{1, "x"}, {2, "y"}, {3, "x"}})',
    ],
    [
      'raises an error when the columns cannot be matched',
      `Table.View(null, [GetType = () => type table [X = number], GetRows = () => ${ROWS}])`,
      'error [Expression.Error] The rows of the Table.View have the columns A, B, but its type (GetType) has the columns X.',
    ],
    [
      'needs GetType and GetRows without a table',
      'Table.View(null, [GetRows = () => #table({}, {})])',
      'error [Expression.Error] A Table.View over no table needs the handlers GetType and GetRows; GetType is missing.',
    ],
    [
      'needs a table type from GetType',
      'Table.View(null, [GetType = () => type record, GetRows = () => #table({}, {})])',
      'error [Expression.Error] The GetType handler of a Table.View must return a table type with its columns (type table [...]).',
    ],
    [
      'needs a table from GetRows',
      `Table.View(null, [GetType = () => ${ROWS_TYPE}, GetRows = () => 1])`,
      'error [Expression.Error] The GetRows handler of a Table.View must return a table.',
    ],
    [
      'checks its arguments',
      'Table.View(1, [])',
      'error [Expression.Error] We cannot convert the value 1 to type Table.',
    ],
  ])('%s', (_name, text, expected) => {
    expect(run(text).result).toBe(expected);
  });
});

describe('Table.View: failOnFoldingFailure', () => {
  const VIEW = `let View = Table.View(null, [
      GetType = () => ${ROWS_TYPE},
      GetRows = () => ${ROWS},
      OnTake = (count) => #table(${ROWS_TYPE}, {{count, "folded"}}),
      OnSort = (order) => error "TideGauge: cannot sort after paging"
    ]) in `;

  it('lets folded operations through', () => {
    const { result } = run(`${VIEW}Table.FirstN(View, 1)`, { failOnFoldingFailure: true });
    expect(result).toBe('#table(type table [A = number, B = text], {{1, "folded"}})');
  });

  it('raises the engine folding error, naming the handler and its error', () => {
    const { result, folds } = run(`${VIEW}try Table.Sort(View, "A")`, {
      failOnFoldingFailure: true,
    });
    expect(result).toBe(
      `[HasError = true, Error = [Reason = "Expression.Error", Message = "We couldn't fold the expression to the data source. Please try a simpler expression.", Detail = [Handler = "OnSort", Operation = "sort A", Error = "TideGauge: cannot sort after paging"], Message.Format = null, Message.Parameters = null]]`,
    );
    expect(folds).toEqual(['OnSort declined-error']);
  });

  it('raises it for a missing handler too', () => {
    const { result } = run(`${VIEW}Table.Skip(View, 1)`, { failOnFoldingFailure: true });
    expect(result).toBe(
      "error [Expression.Error] We couldn't fold the expression to the data source. Please try a simpler expression.",
    );
  });

  it('does not raise it for a view over an in-memory table', () => {
    const { result } = run(`Table.Skip(Table.View(${ROWS}, []), 2)`, {
      failOnFoldingFailure: true,
    });
    expect(result).toBe('#table(type table [A = number, B = text], {{3, "x"}})');
  });
});

describe('Table.ViewFunction and OnInvoke', () => {
  const VIEW = (onInvoke: string): string => `let
    Describe = Table.ViewFunction((table as table, label as text) => "local " & label & " " & Text.From(Table.RowCount(table))),
    View = Table.View(null, [
      GetType = () => ${ROWS_TYPE},
      GetRows = () => ${ROWS}${onInvoke === '' ? '' : ','}
      ${onInvoke}
    ])
  in
    `;

  it('offers the call to OnInvoke, with the function, the arguments and the position of the view', () => {
    const { result, folds } = run(
      `${VIEW('OnInvoke = (function, arguments, index) => if function = Describe then "folded " & arguments{1} & " at " & Text.From(index) else ...')}Describe(View, "rows")`,
    );
    expect(result).toBe('"folded rows at 0"');
    expect(folds).toEqual(['OnInvoke folded']);
  });

  it('calls the function when OnInvoke declines or is missing', () => {
    expect(
      run(`${VIEW('OnInvoke = (function, arguments, index) => ...')}Describe(View, "rows")`).result,
    ).toBe('"local rows 3"');
    const missing = run(`${VIEW('')}Describe(View, "rows")`);
    expect(missing.result).toBe('"local rows 3"');
    // The function itself then counts the view's rows: another operation offered to the view.
    expect(missing.folds).toEqual([
      'OnInvoke declined-missing-handler',
      'GetRowCount declined-missing-handler',
    ]);
  });

  it('calls the function when no argument is a view', () => {
    const { result, folds } = run(`${VIEW('')}Describe(${ROWS}, "plain")`);
    expect(result).toBe('"local plain 3"');
    expect(folds).toEqual([]);
  });

  it('keeps the type of the function it wraps', () => {
    expect(run(`${VIEW('')}Value.Type(Describe)`).result).toBe(
      'type function (table as table, label as text) as any',
    );
  });
});

describe('Table.ViewError', () => {
  it.each([
    [
      'Table.ViewError(Error.Record("DataSource.Error", "m", 1))',
      '[Reason = "DataSource.Error", Message = "m", Detail = 1, Message.Format = null, Message.Parameters = null, ErrorCode = null]',
    ],
    [
      'try error Table.ViewError(Error.Record("DataSource.Error", "m"))',
      '[HasError = true, Error = [Reason = "DataSource.Error", Message = "m", Detail = null, Message.Format = null, Message.Parameters = null]]',
    ],
    ['Table.ViewError(Error.Record("X", "m")) = Error.Record("X", "m")', 'true'],
    [
      'try Table.FirstN(Table.View(null, [GetType = () => type table [A = number], GetRows = () => #table({"A"}, {}), OnTake = (n) => error Value.ViewError(Error.Record("X", "through"))]), 1)',
      '[HasError = true, Error = [Reason = "X", Message = "through", Detail = null, Message.Format = null, Message.Parameters = null]]',
    ],
    [
      'let f = Table.ViewFunction(each _) in Table.ViewFunction(f) = f and Value.ViewFunction(f) = f',
      'true',
    ],
    [
      'Table.ViewError("m")',
      'error [Expression.Error] We cannot convert the value "m" to type Record.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(run(text).result).toBe(expected);
  });
});

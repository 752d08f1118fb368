import { asText } from './arguments.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';
import { columnNode, ROW_NODE, rowExpressionOf } from './row-expression-ast.js';

/**
 * `RowExpression.*` and `ItemExpression.*` (query-docs `rowexpression-*.md`,
 * `itemexpression-*.md`): the syntax trees `Table.View` handlers translate. The item forms are
 * the row forms under another name.
 */
export const ROW_EXPRESSION: readonly LibraryEntry[] = [
  defineConstant('RowExpression.Row', ROW_NODE),
  defineConstant('ItemExpression.Item', ROW_NODE),
  defineFunction('RowExpression.Column', '(columnName as text) as record', (_ctx, [name]) =>
    columnNode(asText(name)),
  ),
  defineFunction('RowExpression.From', '(function as function) as record', (ctx, [fn]) =>
    rowExpressionOf(ctx, fn, 'RowExpression.From'),
  ),
  defineFunction('ItemExpression.From', '(function as function) as record', (ctx, [fn]) =>
    rowExpressionOf(ctx, fn, 'ItemExpression.From'),
  ),
];

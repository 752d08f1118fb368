import {
  forEachChild,
  type BinaryOperator,
  type Expression,
  type FieldAccessExpression,
  type IdentifierExpression,
  type Node,
  type UnaryOperator,
} from '@pqsdk/m-ast';
import type { Context } from '../context.js';
import { ClosureFunction, type FunctionSource } from '../compile/closure.js';
import { MError } from '../errors.js';
import { ArrayList } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import type { Value } from '../values/value.js';
import { asFunction } from './arguments.js';

/**
 * The abstract syntax tree of a row expression (query-docs `rowexpression-from.md`,
 * `itemexpression-from.md`): the body of a one-parameter function as records of the kinds
 * `Constant`, `Invocation`, `Unary`, `Binary`, `If`, `FieldAccess` (and `ElementAccess` for
 * `x{i}`), where the parameter is `RowExpression.Row` and `[Column]` is
 * `RowExpression.Column("Column")`. Connectors walk this tree in their `OnSelectRows`,
 * `OnAddColumns` and `OnGroup` handlers to translate a function into their source's language.
 *
 * Every part of the body that does not depend on the row is evaluated once, when the tree is made,
 * and becomes a constant: a variable the function closed over, a library function
 * (`Text.StartsWith` is `[Kind = "Constant", Value = Text.StartsWith]`, compared by `=`), `1 + 2`,
 * `#date(2024, 1, 31)`, `DateTime.LocalNow()`, a list or record literal, a nested function. (A
 * part that raises an error when evaluated keeps its structure, so that the error stays where it
 * was written.) What depends on the row and has no node kind (`??`, `meta`, `try`, `is`, `let`
 * over the row, optional access `[A]?`) cannot be given as a row expression: an error.
 */

/** `RowExpression.Row` (and `ItemExpression.Item`): the parameter of the function. */
export const ROW_NODE = RecordValue.of([['Kind', 'Row']]);

const BINARY_OPERATORS: Partial<Record<BinaryOperator, string>> = {
  '+': 'Add',
  '-': 'Subtract',
  '*': 'Multiply',
  '/': 'Divide',
  '&': 'Concatenate',
  '=': 'Equals',
  '<>': 'NotEquals',
  '<': 'LessThan',
  '<=': 'LessThanOrEquals',
  '>': 'GreaterThan',
  '>=': 'GreaterThanOrEquals',
  and: 'And',
  or: 'Or',
};

const UNARY_OPERATORS: Readonly<Record<UnaryOperator, string>> = {
  '+': 'Positive',
  '-': 'Negative',
  not: 'Not',
};

/** `[Kind = "Constant", Value = value]`. */
export function constantNode(value: Value): RecordValue {
  return RecordValue.of([
    ['Kind', 'Constant'],
    ['Value', value],
  ]);
}

/** `[Kind = "FieldAccess", Expression = expression, MemberName = name]`. */
export function fieldAccessNode(expression: RecordValue, name: string): RecordValue {
  return RecordValue.of([
    ['Kind', 'FieldAccess'],
    ['Expression', expression],
    ['MemberName', name],
  ]);
}

/** `RowExpression.Column(name)`: the column `name` of the row. */
export function columnNode(name: string): RecordValue {
  return fieldAccessNode(ROW_NODE, name);
}

function cannot(function_: string, why: string): MError {
  return MError.expression(`${function_} cannot make a row expression of this function: ${why}.`);
}

/**
 * `RowExpression.From(function)` / `ItemExpression.From(function)`: the row expression of a
 * one-parameter function written in M.
 */
export function rowExpressionOf(ctx: Context, value: Value, function_: string): RecordValue {
  const fn = asFunction(value).base;
  const source = fn instanceof ClosureFunction ? fn.source : undefined;
  if (source === undefined || !(fn instanceof ClosureFunction)) {
    throw cannot(function_, 'it is not a function written in M (such as each [A] > 1)');
  }
  if (source.parameters.length !== 1) {
    throw cannot(
      function_,
      `it has ${String(source.parameters.length)} parameters, and a row expression needs exactly one`,
    );
  }
  return new RowExpressionBuilder(ctx, fn, source, function_).node(source.body);
}

/** Builds the nodes of one function's body. */
class RowExpressionBuilder {
  private readonly parameters: ReadonlySet<string>;

  constructor(
    private readonly ctx: Context,
    private readonly fn: ClosureFunction,
    private readonly source: FunctionSource,
    private readonly function_: string,
  ) {
    this.parameters = new Set(source.parameters);
  }

  node(expression: Expression): RecordValue {
    if (!mentions(expression, this.parameters)) {
      const value = this.constantValue(expression);
      if (value !== undefined) return constantNode(value);
    }
    switch (expression.kind) {
      case 'ParenthesizedExpression':
        return this.node(expression.expression);
      case 'IdentifierExpression':
        return this.identifier(expression);
      case 'FieldAccessExpression':
        if (expression.optional) break;
        return fieldAccessNode(this.fieldTarget(expression), expression.field.name);
      case 'InvokeExpression':
        return RecordValue.of([
          ['Kind', 'Invocation'],
          ['Function', this.node(expression.target)],
          ['Arguments', ArrayList.of(expression.arguments.map((argument) => this.node(argument)))],
        ]);
      case 'UnaryExpression':
        return RecordValue.of([
          ['Kind', 'Unary'],
          ['Operator', UNARY_OPERATORS[expression.operator]],
          ['Expression', this.node(expression.operand)],
        ]);
      case 'BinaryExpression': {
        const operator = BINARY_OPERATORS[expression.operator];
        if (operator === undefined) break;
        return RecordValue.of([
          ['Kind', 'Binary'],
          ['Operator', operator],
          ['Left', this.node(expression.left)],
          ['Right', this.node(expression.right)],
        ]);
      }
      case 'IfExpression':
        return RecordValue.of([
          ['Kind', 'If'],
          ['Condition', this.node(expression.condition)],
          ['TrueCase', this.node(expression.trueExpression)],
          ['FalseCase', this.node(expression.falseExpression)],
        ]);
      case 'ItemAccessExpression':
        if (expression.optional) break;
        return RecordValue.of([
          ['Kind', 'ElementAccess'],
          ['Collection', this.node(expression.target)],
          ['Key', this.node(expression.selector)],
        ]);
      default:
        break;
    }
    return this.constant(expression);
  }

  /** The parameter is the row; any other name is a constant (a captured variable, the library). */
  private identifier(expression: IdentifierExpression): RecordValue {
    if (this.source.parameterIndex(expression.name, expression.inclusive) === 0) return ROW_NODE;
    return constantNode(this.fn.evaluateCaptured(this.ctx, expression));
  }

  /**
   * The value of a part of the body that does not depend on the row, evaluated now with the
   * function's captured variables; undefined when it raises an error and has a node kind of its
   * own (its parts are then converted one by one, so the error stays where it was written).
   */
  private constantValue(expression: Expression): Value | undefined {
    try {
      return this.fn.evaluateCaptured(this.ctx, expression);
    } catch (error) {
      if (error instanceof MError && STRUCTURED.has(expression.kind)) return undefined;
      throw error;
    }
  }

  /** The record a field is read from: written out, or the implicit `_` of `[Column]`. */
  private fieldTarget(expression: FieldAccessExpression): RecordValue {
    if (expression.target !== undefined) return this.node(expression.target);
    return this.identifier({
      kind: 'IdentifierExpression',
      name: '_',
      quoted: false,
      inclusive: false,
      span: expression.span,
    });
  }

  /** A part of the body with no node kind of its own: its value, when it does not need the row. */
  private constant(expression: Expression): RecordValue {
    if (mentions(expression, this.parameters)) {
      throw cannot(
        this.function_,
        `its ${describe(expression)} depends on the row and has no row expression form`,
      );
    }
    return constantNode(this.fn.evaluateCaptured(this.ctx, expression));
  }
}

/** The syntax with a node kind of its own (the others are only ever constants). */
const STRUCTURED: ReadonlySet<Expression['kind']> = new Set([
  'ParenthesizedExpression',
  'FieldAccessExpression',
  'InvokeExpression',
  'UnaryExpression',
  'BinaryExpression',
  'IfExpression',
  'ItemAccessExpression',
]);

/** What a piece of syntax is, for messages. */
function describe(expression: Expression): string {
  switch (expression.kind) {
    case 'BinaryExpression':
      return `operator ${expression.operator}`;
    case 'FieldAccessExpression':
    case 'ItemAccessExpression':
      return 'optional access (?)';
    case 'IsExpression':
      return 'type test (is)';
    case 'AsExpression':
      return 'type assertion (as)';
    default:
      return expression.kind
        .replace(/Expression$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase();
  }
}

/**
 * Whether a piece of syntax may read one of `names` (the parameters): a reference by name, or the
 * implicit `_` of `[Column]`. Nested `each` and function expressions hide the names they bind;
 * other scopes are treated as if they could read the parameter (the answer errs towards yes).
 */
function mentions(node: Node, names: ReadonlySet<string>): boolean {
  switch (node.kind) {
    case 'IdentifierExpression':
      return names.has(node.name);
    case 'FieldAccessExpression':
    case 'FieldProjectionExpression':
      if (node.target === undefined && names.has('_')) return true;
      break;
    case 'EachExpression':
      return mentions(node.body, without(names, ['_']));
    case 'FunctionExpression':
      return mentions(
        node.body,
        without(
          names,
          node.parameters.map((parameter) => parameter.name.name),
        ),
      );
    default:
      break;
  }
  return forEachChild(node, (child) => mentions(child, names));
}

function without(names: ReadonlySet<string>, hidden: readonly string[]): ReadonlySet<string> {
  if (!hidden.some((name) => names.has(name))) return names;
  const rest = new Set(names);
  for (const name of hidden) rest.delete(name);
  return rest;
}

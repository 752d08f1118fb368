import type {
  BinaryExpression,
  BinaryOperator,
  Expression,
  FieldSpecification,
  Identifier,
  ListItem,
  Node,
  NullablePrimitiveType,
  Parameter,
  ParameterSpecification,
  RecordExpression,
  SectionDocument,
  TypeNode,
} from '@pqsdk/m-ast';
import {
  formatTextLiteral,
  isGeneralizedIdentifier,
  isKeyword,
  isPrimitiveTypeName,
  isRegularIdentifier,
} from '@pqsdk/m-ast';
import { lex } from './lexer.js';
import { GeneralizedIdentifierPart } from './tokens.js';
import { PRECEDENCE } from './precedence.js';
import { tokenMatcher } from 'chevrotain';

/** Options of {@link print}. */
export interface PrintOptions {
  /** Write `let` expressions over several lines (default true). */
  readonly multiline?: boolean;
  /** The indentation unit (default four spaces). */
  readonly indent?: string;
}

/**
 * Writes a node back as M source. The text re-parses to the same tree (spans aside): names keep
 * their quoting, number literals their original spelling, and parentheses are added only where a
 * tree built by hand needs them to keep its shape. Comments are not kept.
 *
 * @example
 * ```ts
 * const { ast } = parse('let x = 1 in x');
 * print(ast); // "let\n    x = 1\nin\n    x"
 * ```
 */
export function print(node: Node, options: PrintOptions = {}): string {
  const printer = new Printer(options.multiline ?? true, options.indent ?? '    ');
  return printer.node(node, '');
}

/** Binding strength of each expression kind; operands print in parentheses when they bind weaker. */
const PRIMARY = 14;
const TYPE_EXPRESSION = 13;
const UNARY = 12;
const EXPRESSION = 0;

const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator, number>> = PRECEDENCE;
const AS_PRECEDENCE = PRECEDENCE.as;
const IS_PRECEDENCE = PRECEDENCE.is;

function precedence(expression: Expression): number {
  switch (expression.kind) {
    case 'LetExpression':
    case 'EachExpression':
    case 'IfExpression':
    case 'ErrorRaisingExpression':
    case 'ErrorHandlingExpression':
    case 'FunctionExpression':
      return EXPRESSION;
    case 'BinaryExpression':
      return BINARY_PRECEDENCE[expression.operator];
    case 'AsExpression':
      return AS_PRECEDENCE;
    case 'IsExpression':
      return IS_PRECEDENCE;
    case 'UnaryExpression':
      return UNARY;
    case 'TypeExpression':
      return TYPE_EXPRESSION;
    case 'NumberLiteral':
    case 'TextLiteral':
    case 'LogicalLiteral':
    case 'NullLiteral':
    case 'VerbatimLiteral':
    case 'IdentifierExpression':
    case 'SectionAccessExpression':
    case 'ParenthesizedExpression':
    case 'NotImplementedExpression':
    case 'InvokeExpression':
    case 'ListExpression':
    case 'RecordExpression':
    case 'ItemAccessExpression':
    case 'FieldAccessExpression':
    case 'FieldProjectionExpression':
    case 'InvalidExpression':
      return PRIMARY;
    default:
      return assertNever(expression);
  }
}

class Printer {
  constructor(
    private readonly multiline: boolean,
    private readonly unit: string,
  ) {}

  node(node: Node, indent: string): string {
    switch (node.kind) {
      case 'SectionDocument':
        return this.section(node);
      case 'SectionMember':
        return `${node.attributes === undefined ? '' : `${this.expression(node.attributes, indent, PRIMARY)}\n`}${node.shared ? 'shared ' : ''}${this.name(node.name)} = ${this.expression(node.value, indent, EXPRESSION)};`;
      case 'ExpressionDocument':
        return this.expression(node.expression, indent, EXPRESSION);
      case 'Identifier':
        return this.name(node);
      case 'RangeExpression':
        return this.listItem(node, indent);
      case 'FieldDefinition':
        return `${this.fieldName(node.name)} = ${this.expression(node.value, indent, EXPRESSION)}`;
      case 'VariableDefinition':
        return `${this.name(node.name)} = ${this.expression(node.value, indent, EXPRESSION)}`;
      case 'Parameter':
        return this.parameter(node);
      case 'OtherwiseClause':
        return `otherwise ${this.expression(node.expression, indent, EXPRESSION)}`;
      case 'CatchClause':
        return `catch (${node.parameter === undefined ? '' : this.name(node.parameter)}) => ${this.expression(node.body, indent, EXPRESSION)}`;
      case 'PrimitiveType':
      case 'NullableType':
      case 'RecordType':
      case 'ListType':
      case 'FunctionType':
      case 'TableType':
        return this.type(node, indent);
      case 'FieldSpecification':
        return this.fieldSpecification(node, indent);
      case 'ParameterSpecification':
        return this.parameterSpecification(node, indent);
      default:
        return this.expression(node, indent, EXPRESSION);
    }
  }

  private section(document: SectionDocument): string {
    const lines: string[] = [];
    if (document.attributes !== undefined)
      lines.push(this.expression(document.attributes, '', PRIMARY));
    lines.push(`section ${this.name(document.name)};`);
    for (const member of document.members) {
      lines.push('', this.node(member, ''));
    }
    return `${lines.join('\n')}\n`;
  }

  /** Writes `expression`, in parentheses when it binds weaker than `minimum`. */
  expression(expression: Expression, indent: string, minimum: number): string {
    const text = this.bare(expression, indent);
    return precedence(expression) < minimum ? `(${text})` : text;
  }

  private bare(expression: Expression, indent: string): string {
    switch (expression.kind) {
      case 'NumberLiteral':
        return expression.text === '' ? formatNumber(expression.value) : expression.text;
      case 'TextLiteral':
        return formatTextLiteral(expression.value);
      case 'LogicalLiteral':
        return expression.value ? 'true' : 'false';
      case 'NullLiteral':
        return 'null';
      case 'VerbatimLiteral':
        return `#!${formatTextLiteral(expression.text)}`;
      case 'IdentifierExpression': {
        const name =
          !expression.quoted && isKeyword(expression.name) && expression.name.startsWith('#')
            ? expression.name
            : this.identifierText(expression.name, expression.quoted);
        return expression.inclusive ? `@${name}` : name;
      }
      case 'SectionAccessExpression':
        return `${this.name(expression.section)}!${this.name(expression.member)}`;
      case 'ParenthesizedExpression':
        return `(${this.expression(expression.expression, indent, EXPRESSION)})`;
      case 'NotImplementedExpression':
        return '...';
      case 'InvokeExpression':
        return `${this.expression(expression.target, indent, PRIMARY)}(${expression.arguments
          .map((argument) => this.expression(argument, indent, EXPRESSION))
          .join(', ')})`;
      case 'ListExpression':
        return `{${expression.items.map((item) => this.listItem(item, indent)).join(', ')}}`;
      case 'RecordExpression':
        return this.record(expression, indent);
      case 'ItemAccessExpression':
        return `${this.expression(expression.target, indent, PRIMARY)}{${this.expression(expression.selector, indent, EXPRESSION)}}${expression.optional ? '?' : ''}`;
      case 'FieldAccessExpression':
        return `${expression.target === undefined ? '' : this.expression(expression.target, indent, PRIMARY)}[${this.fieldName(expression.field)}]${expression.optional ? '?' : ''}`;
      case 'FieldProjectionExpression':
        return `${expression.target === undefined ? '' : this.expression(expression.target, indent, PRIMARY)}[${expression.fields
          .map((field) => `[${this.fieldName(field)}]`)
          .join(', ')}]${expression.optional ? '?' : ''}`;
      case 'FunctionExpression':
        return `(${expression.parameters.map((parameter) => this.parameter(parameter)).join(', ')})${
          expression.returnType === undefined
            ? ''
            : ` as ${this.nullablePrimitive(expression.returnType)}`
        } => ${this.expression(expression.body, indent, EXPRESSION)}`;
      case 'EachExpression':
        return `each ${this.expression(expression.body, indent, EXPRESSION)}`;
      case 'LetExpression':
        return this.let(expression, indent);
      case 'IfExpression':
        return `if ${this.expression(expression.condition, indent, EXPRESSION)} then ${this.expression(expression.trueExpression, indent, EXPRESSION)} else ${this.expression(expression.falseExpression, indent, EXPRESSION)}`;
      case 'TypeExpression':
        return `type ${this.type(expression.type, indent)}`;
      case 'UnaryExpression': {
        const operand = this.expression(expression.operand, indent, UNARY);
        const separator =
          expression.operator === 'not' || operand.startsWith('-') || operand.startsWith('+')
            ? ' '
            : '';
        return `${expression.operator}${separator}${operand}`;
      }
      case 'BinaryExpression':
        return this.binary(expression, indent);
      case 'AsExpression':
        return `${this.expression(expression.expression, indent, AS_PRECEDENCE)} as ${this.nullablePrimitive(expression.type)}`;
      case 'IsExpression':
        return `${this.expression(expression.expression, indent, IS_PRECEDENCE)} is ${this.nullablePrimitive(expression.type)}`;
      case 'ErrorRaisingExpression':
        return `error ${this.expression(expression.expression, indent, EXPRESSION)}`;
      case 'ErrorHandlingExpression': {
        let protectedText = this.expression(expression.protectedExpression, indent, EXPRESSION);
        if (expression.handler !== undefined && endsWithOpenTry(expression.protectedExpression)) {
          protectedText = `(${protectedText})`;
        }
        return expression.handler === undefined
          ? `try ${protectedText}`
          : `try ${protectedText} ${this.node(expression.handler, indent)}`;
      }
      case 'InvalidExpression':
        return '...';
      default:
        return assertNever(expression);
    }
  }

  /** Left-associative chains print without recursing on their left spine. */
  private binary(expression: BinaryExpression, indent: string): string {
    const level = BINARY_PRECEDENCE[expression.operator];
    const chain: BinaryExpression[] = [];
    let current: Expression = expression;
    while (current.kind === 'BinaryExpression' && BINARY_PRECEDENCE[current.operator] === level) {
      chain.push(current);
      current = current.left;
    }
    let text = this.expression(current, indent, level);
    for (let index = chain.length - 1; index >= 0; index--) {
      const link = chain[index] as BinaryExpression;
      text += ` ${link.operator} ${this.expression(link.right, indent, level + 1)}`;
    }
    return text;
  }

  private let(expression: Extract<Expression, { kind: 'LetExpression' }>, indent: string): string {
    if (!this.multiline) {
      const variables = expression.variables
        .map((variable) => this.node(variable, indent))
        .join(', ');
      return `let ${variables} in ${this.expression(expression.body, indent, EXPRESSION)}`;
    }
    const inner = indent + this.unit;
    const variables = expression.variables
      .map((variable) => `${inner}${this.node(variable, inner)}`)
      .join(',\n');
    return `let\n${variables}\n${indent}in\n${inner}${this.expression(expression.body, inner, EXPRESSION)}`;
  }

  private record(record: RecordExpression, indent: string): string {
    return `[${record.fields.map((field) => this.node(field, indent)).join(', ')}]`;
  }

  private listItem(item: ListItem, indent: string): string {
    if (item.kind === 'RangeExpression') {
      return `${this.expression(item.start, indent, EXPRESSION)}..${this.expression(item.end, indent, EXPRESSION)}`;
    }
    return this.expression(item, indent, EXPRESSION);
  }

  private parameter(parameter: Parameter): string {
    return `${parameter.optional ? 'optional ' : ''}${this.name(parameter.name)}${
      parameter.type === undefined ? '' : ` as ${this.nullablePrimitive(parameter.type)}`
    }`;
  }

  private nullablePrimitive(type: NullablePrimitiveType): string {
    return type.kind === 'PrimitiveType' ? type.name : `nullable ${type.type.name}`;
  }

  // -------------------------------------------------------------------------------------------
  // Types
  // -------------------------------------------------------------------------------------------

  private type(type: TypeNode, indent: string): string {
    switch (type.kind) {
      case 'PrimitiveType':
        return type.name;
      case 'NullableType':
        return `nullable ${this.type(type.type, indent)}`;
      case 'RecordType': {
        const fields = type.fields.map((field) => this.fieldSpecification(field, indent));
        if (type.open) fields.push('...');
        return `[${fields.join(', ')}]`;
      }
      case 'ListType':
        return `{${this.type(type.itemType, indent)}}`;
      case 'FunctionType':
        return `function (${type.parameters
          .map((parameter) => this.parameterSpecification(parameter, indent))
          .join(', ')}) as ${this.type(type.returnType, indent)}`;
      case 'TableType':
        return type.rowType.kind === 'RecordType'
          ? `table ${this.type(type.rowType, indent)}`
          : `table ${this.rowTypeExpression(type.rowType, indent)}`;
      default:
        return this.typePositionExpression(type, indent);
    }
  }

  /** An expression where a type is read: it must not look like a primary type. */
  private typePositionExpression(expression: Expression, indent: string): string {
    const text = this.expression(expression, indent, PRIMARY);
    if (precedence(expression) < PRIMARY) return text;
    return readsAsPrimaryType(leftmost(expression)) ? `(${text})` : text;
  }

  /** After `table`, only an expression starting with a name, `@` or `(` is read as a row type. */
  private rowTypeExpression(expression: Expression, indent: string): string {
    const text = this.expression(expression, indent, PRIMARY);
    const first = leftmost(expression);
    const startsWell =
      precedence(expression) >= PRIMARY &&
      ((first.kind === 'IdentifierExpression' && !first.name.startsWith('#')) ||
        first.kind === 'ParenthesizedExpression');
    return startsWell ? text : `(${text})`;
  }

  private fieldSpecification(field: FieldSpecification, indent: string): string {
    const name = this.fieldName(field.name);
    const optional = field.optional ? 'optional ' : '';
    return field.type === undefined
      ? `${optional}${name}`
      : `${optional}${name} = ${this.type(field.type, indent)}`;
  }

  private parameterSpecification(parameter: ParameterSpecification, indent: string): string {
    return `${parameter.optional ? 'optional ' : ''}${this.name(parameter.name)} as ${this.type(parameter.type, indent)}`;
  }

  // -------------------------------------------------------------------------------------------
  // Names
  // -------------------------------------------------------------------------------------------

  private name(identifier: Identifier): string {
    return this.identifierText(identifier.name, identifier.quoted);
  }

  private identifierText(name: string, quoted: boolean): string {
    return !quoted && isRegularIdentifier(name) ? name : `#${formatTextLiteral(name)}`;
  }

  private fieldName(identifier: Identifier): string {
    if (identifier.quoted) return `#${formatTextLiteral(identifier.name)}`;
    return isGeneralizedIdentifier(identifier.name) || readsAsFieldName(identifier.name)
      ? identifier.name
      : `#${formatTextLiteral(identifier.name)}`;
  }
}

/**
 * Whether `name`, written bare inside `[ ]`, reads back as that same field name: words and numbers
 * separated only by blanks.
 */
function readsAsFieldName(name: string): boolean {
  if (name.length === 0 || name.startsWith(' ') || name.endsWith(' ')) return false;
  const { tokens, diagnostics, comments } = lex(name);
  if (diagnostics.length > 0 || comments.length > 0 || tokens.length === 0) return false;
  let previousEnd = 0;
  for (const token of tokens) {
    if (!tokenMatcher(token, GeneralizedIdentifierPart)) return false;
    for (let index = previousEnd; index < token.startOffset; index++) {
      if (name.charCodeAt(index) !== 0x20) return false;
    }
    previousEnd = token.startOffset + token.image.length;
  }
  return previousEnd === name.length;
}

/** The expression whose first token starts the printed text of `expression`. */
function leftmost(expression: Expression): Expression {
  let current = expression;
  for (;;) {
    switch (current.kind) {
      case 'InvokeExpression':
      case 'ItemAccessExpression':
        current = current.target;
        break;
      case 'FieldAccessExpression':
      case 'FieldProjectionExpression':
        if (current.target === undefined) return current;
        current = current.target;
        break;
      default:
        return current;
    }
  }
}

/** Whether an expression starting with `first` would be read as a primary type in a type position. */
function readsAsPrimaryType(first: Expression): boolean {
  switch (first.kind) {
    case 'RecordExpression':
    case 'ListExpression':
    case 'FieldAccessExpression':
    case 'FieldProjectionExpression':
    case 'NullLiteral':
      return true;
    case 'IdentifierExpression':
      return (
        !first.quoted &&
        !first.inclusive &&
        (first.name === 'nullable' || isPrimitiveTypeName(first.name))
      );
    default:
      return false;
  }
}

/** Whether the text of `expression` ends with a `try` that has no handler (and would take one). */
function endsWithOpenTry(expression: Expression): boolean {
  let current = expression;
  for (;;) {
    switch (current.kind) {
      case 'ErrorHandlingExpression':
        if (current.handler === undefined) return true;
        current =
          current.handler.kind === 'OtherwiseClause'
            ? current.handler.expression
            : current.handler.body;
        break;
      case 'LetExpression':
      case 'EachExpression':
      case 'FunctionExpression':
        current = current.body;
        break;
      case 'IfExpression':
        current = current.falseExpression;
        break;
      case 'ErrorRaisingExpression':
        current = current.expression;
        break;
      default:
        return false;
    }
  }
}

/** Writes a number value as an M literal (for trees built by hand, which have no source text). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '#nan';
  if (value === Number.POSITIVE_INFINITY) return '#infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-#infinity';
  return String(value);
}

function assertNever(value: never): never {
  throw new Error(`unknown node kind: ${JSON.stringify((value as { kind?: unknown }).kind)}`);
}

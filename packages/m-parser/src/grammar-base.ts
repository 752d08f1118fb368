import type {
  BinaryOperator,
  Expression,
  Identifier,
  InvalidExpression,
  NullablePrimitiveType,
  Parameter,
  ParameterSpecification,
  PrimitiveType,
  RecordExpression,
  Span,
} from '@pqsdk/m-ast';
import { isPrimitiveTypeName, spanFromTo } from '@pqsdk/m-ast';
import { EmbeddedActionsParser, tokenMatcher, type IToken } from 'chevrotain';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import { endsWithLineBreak, tokenEndColumn, tokenEndLine, tokenSpan } from './lexer.js';
import type { LineMap } from './line-map.js';
import { MessageProvider, type Opener, type OpenerKind } from './messages.js';
import { PRECEDENCE } from './precedence.js';
import {
  ALL_TOKENS,
  As,
  At,
  Comma,
  False,
  FatArrow,
  GeneralizedIdentifierPart,
  HashInfinity,
  HashNan,
  Identifier as IdentifierToken,
  LBrace,
  LBracket,
  LParen,
  Null,
  NumberLiteral,
  Otherwise,
  QuotedIdentifier,
  RParen,
  TextLiteral,
  True,
  Type,
  VerbatimLiteral,
} from './tokens.js';

/**
 * The deepest nesting the parser accepts: nested expressions and types, and the unary operators and
 * access suffixes (`x[a]{0}(1)…`) applied to one operand. Real connectors stay far below it; it keeps
 * every consumer of the tree (printer, evaluator) clear of the JavaScript stack limit.
 */
export const MAX_NESTING_DEPTH = 256;

/** Thrown (and caught by `parse`) when the nesting limit is passed. */
export class NestingTooDeepError extends Error {
  constructor(readonly token: IToken) {
    super(`expressions are nested more than ${String(MAX_NESTING_DEPTH)} levels deep`);
    this.name = 'NestingTooDeepError';
  }
}

/** An operand of a binary expression: an expression, or the type after `as` or `is`. */
export type Operand = Expression | NullablePrimitiveType;

/**
 * The state and helpers shared by the grammar's rules: the source text, the stacks of open
 * constructs and pending items, lookahead decisions, node and span builders, and the checks that
 * report diagnostics. The rules themselves are in the subclasses, one concept per file:
 * `TypeGrammar`, `PrimaryGrammar`, `ExpressionGrammar` and `MParser` (documents).
 */
export abstract class GrammarBase extends EmbeddedActionsParser {
  /** The source text being parsed; set with the tokens. */
  text = '';
  lineMap: LineMap | undefined;
  /** Diagnostics found by the grammar's own checks (chevrotain's errors are kept separately). */
  diagnostics: Diagnostic[] = [];
  protected readonly openerTokens: (IToken | Span)[] = [];
  protected readonly openerKinds: OpenerKind[] = [];
  protected readonly openerNames: string[] = [];
  /**
   * Items of the lists, records and argument lists being read: each construct pushes its items above
   * the length it found and takes them off when done, so that no per-construct closure or array is
   * needed while reading.
   */
  protected readonly items: unknown[] = [];
  /** Operators and right operands of the binary expressions being read, shared to save allocations. */
  protected readonly operatorStack: (IToken | Operand)[] = [];
  /** Unary operators of the operands being read. */
  protected readonly unaryStack: IToken[] = [];
  protected depth = 0;

  constructor(options: { recovery: boolean; validate?: boolean }) {
    const messages = new MessageProvider();
    super(ALL_TOKENS, {
      recoveryEnabled: options.recovery,
      maxLookahead: 2,
      skipValidations: options.validate !== true,
      errorMessageProvider: messages,
    });
    messages.source = this;
  }

  /** Sets the text and its tokens, and clears all state of a previous parse. */
  begin(text: string, tokens: IToken[], lineMap: LineMap): void {
    this.text = text;
    this.lineMap = lineMap;
    this.diagnostics = [];
    this.openerTokens.length = 0;
    this.items.length = 0;
    this.openerKinds.length = 0;
    this.openerNames.length = 0;
    this.operatorStack.length = 0;
    this.unaryStack.length = 0;
    this.depth = 0;
    this.input = tokens;
  }

  /** The innermost open construct, for error messages. */
  currentOpener(): Opener | undefined {
    const top = this.openerTokens.length - 1;
    if (top < 0) return undefined;
    const where = this.openerTokens[top] as IToken | Span;
    return {
      line: 'line' in where ? where.line : (where.startLine ?? 1),
      column: 'column' in where ? where.column : (where.startColumn ?? 1),
      what: this.openerKinds[top] as OpenerKind,
      name: this.openerNames[top] as string,
    };
  }

  protected open(token: IToken, what: OpenerKind, name = ''): void {
    this.openerTokens.push(token);
    this.openerKinds.push(what);
    this.openerNames.push(name);
  }

  /** Opens a construct that starts at `span` (the start of the current token when undefined). */
  protected openAt(span: Span | undefined, what: OpenerKind, name = ''): void {
    this.openerTokens.push(span ?? this.LA(1));
    this.openerKinds.push(what);
    this.openerNames.push(name);
  }

  protected closeTo(wanted: number): void {
    // While chevrotain records the grammar every alternative runs, so a close can come first.
    const depth = wanted < 0 ? 0 : wanted;
    truncate(this.openerTokens, depth);
    truncate(this.openerKinds, depth);
    truncate(this.openerNames, depth);
  }

  // -------------------------------------------------------------------------------------------
  // Lookahead decisions
  // -------------------------------------------------------------------------------------------

  /**
   * Whether a function expression starts here: `(` and a parameter list, then `)` and `=>`, or `)`,
   * `as`, a type and `=>`.
   */
  protected isFunctionExpressionAhead(): boolean {
    if (this.LA(1).tokenType !== LParen) return false;
    let index = 2;
    // A parenthesized expression never holds a top-level comma or `optional`, and is never empty:
    // those make the parentheses a parameter list even when the `=>` is missing.
    let onlyParameters =
      this.LA(2).tokenType === RParen || this.isContextualKeywordBeforeName('optional', 2);
    for (;;) {
      const type = this.LA(index).tokenType;
      if (type === RParen) break;
      if (type === Comma) onlyParameters = true;
      else if (
        type !== IdentifierToken &&
        type !== QuotedIdentifier &&
        type !== As &&
        type !== Type &&
        type !== Null
      ) {
        return false;
      }
      index++;
    }
    if (onlyParameters) return true;
    const after = this.LA(index + 1).tokenType;
    if (after === FatArrow) return true;
    if (after !== As) return false;
    let next = index + 2;
    if (this.LA(next).image === 'nullable') next++;
    const typeToken = this.LA(next).tokenType;
    if (typeToken !== IdentifierToken && typeToken !== Type && typeToken !== Null) return false;
    return this.LA(next + 1).tokenType === FatArrow;
  }

  protected isErrorHandlerAhead(): boolean {
    const next = this.LA(1);
    if (next.tokenType === Otherwise) return true;
    return (
      next.tokenType === IdentifierToken &&
      next.image === 'catch' &&
      this.LA(2).tokenType === LParen
    );
  }

  protected isContextualKeywordBeforeName(word: string, at = 1): boolean {
    const next = this.LA(at);
    if (next.tokenType !== IdentifierToken || next.image !== word) return false;
    const after = this.LA(at + 1).tokenType;
    return after === IdentifierToken || after === QuotedIdentifier;
  }

  protected isContextualKeywordBeforeFieldName(word: string): boolean {
    const next = this.LA(1);
    if (next.tokenType !== IdentifierToken || next.image !== word) return false;
    const after = this.LA(2);
    return after.tokenType === QuotedIdentifier || tokenMatcher(after, GeneralizedIdentifierPart);
  }

  protected isTableTypeAhead(): boolean {
    const next = this.LA(1);
    if (next.tokenType !== IdentifierToken || next.image !== 'table') return false;
    const after = this.LA(2).tokenType;
    return (
      after === LBracket ||
      after === LParen ||
      after === At ||
      after === IdentifierToken ||
      after === QuotedIdentifier
    );
  }

  protected isFunctionTypeAhead(): boolean {
    const next = this.LA(1);
    return (
      next.tokenType === IdentifierToken &&
      next.image === 'function' &&
      this.LA(2).tokenType === LParen
    );
  }

  protected isPrimaryTypeAhead(): boolean {
    const next = this.LA(1);
    const type = next.tokenType;
    if (type === LBracket || type === LBrace || type === Type || type === Null) return true;
    if (type !== IdentifierToken) return false;
    return next.image === 'nullable' || isPrimitiveTypeName(next.image);
  }

  // -------------------------------------------------------------------------------------------
  // Node helpers
  // -------------------------------------------------------------------------------------------

  protected enter(): void {
    if (this.RECORDING_PHASE) return;
    if (++this.depth > MAX_NESTING_DEPTH) {
      throw new NestingTooDeepError(this.LA(1));
    }
  }

  protected literal(token: IToken): Expression {
    if (this.RECORDING_PHASE) return undefined as never;
    const span = this.tokenSpan(token);
    const type = token.tokenType;
    if (type === NumberLiteral) {
      return { kind: 'NumberLiteral', value: numberValue(token.image), text: token.image, span };
    }
    if (type === TextLiteral) return { kind: 'TextLiteral', value: token.payload as string, span };
    if (type === True) return { kind: 'LogicalLiteral', value: true, span };
    if (type === False) return { kind: 'LogicalLiteral', value: false, span };
    if (type === Null) return { kind: 'NullLiteral', span };
    if (type === HashInfinity) {
      return { kind: 'NumberLiteral', value: Number.POSITIVE_INFINITY, text: token.image, span };
    }
    if (type === HashNan)
      return { kind: 'NumberLiteral', value: Number.NaN, text: token.image, span };
    if (type === VerbatimLiteral) {
      return { kind: 'VerbatimLiteral', text: token.payload as string, span };
    }
    return this.invalidExpression(token);
  }

  protected identifierOrSectionAccess(token: IToken, member: Identifier | undefined): Expression {
    if (this.RECORDING_PHASE) return undefined as never;
    const identifier = this.identifierFromToken(token);
    if (member === undefined) {
      return {
        kind: 'IdentifierExpression',
        name: identifier.name,
        quoted: identifier.quoted,
        inclusive: false,
        span: identifier.span,
      };
    }
    return {
      kind: 'SectionAccessExpression',
      section: identifier,
      member,
      span: this.spanFrom(token),
    };
  }

  protected identifierFromToken(token: IToken): Identifier {
    const quoted = token.tokenType === QuotedIdentifier;
    return {
      kind: 'Identifier',
      name: quoted ? (token.payload as string) : token.image,
      quoted,
      span: this.tokenSpan(token),
    };
  }

  protected generalizedIdentifier(first: IToken, last: IToken): Identifier {
    const span = spanFromTo(this.tokenSpan(first), this.tokenSpan(last));
    const name = first === last ? first.image : this.text.slice(span.offset, span.end);
    return { kind: 'Identifier', name, quoted: false, span };
  }

  /** Between the words of a generalized identifier there may be only blanks (U+0020). */
  protected checkBlanksBetween(previous: IToken, next: IToken): void {
    const from = previous.startOffset + previous.image.length;
    for (let index = from; index < next.startOffset; index++) {
      if (this.text.charCodeAt(index) !== 0x20) {
        this.report(
          'PQSDK_PARSE_INVALID_FIELD_NAME',
          'only blanks may separate the words of a field name (no line breaks, tabs or comments); write the name as a quoted identifier #"…" instead',
          this.lineMap === undefined
            ? this.tokenSpan(next)
            : this.lineMap.span(from, next.startOffset),
        );
        return;
      }
    }
  }

  /** Orders the operators after `first` (on the operator stack from `base`) by precedence; all are left-associative. */
  protected buildBinary(first: Expression, base: number): Expression {
    const stack = this.operatorStack;
    const values: Operand[] = [first];
    const pending: IToken[] = [];
    const reduce = (): void => {
      const operator = pending.pop() as IToken;
      const right = values.pop() as Operand;
      const left = values.pop() as Operand;
      values.push(this.combine(left, operator, right));
    };
    for (let index = base; index < stack.length; index += 2) {
      const operator = stack[index] as IToken;
      const precedence = PRECEDENCE[operator.image as keyof typeof PRECEDENCE];
      while (pending.length > 0) {
        const top = pending[pending.length - 1] as IToken;
        if (PRECEDENCE[top.image as keyof typeof PRECEDENCE] < precedence) break;
        reduce();
      }
      pending.push(operator);
      values.push(stack[index + 1] as Operand);
    }
    while (pending.length > 0) reduce();
    return values[0] as Expression;
  }

  protected combine(left: Operand, operator: IToken, right: Operand): Expression {
    const span = spanFromTo(left.span, right.span);
    const image = operator.image;
    if (isTypeOperand(left)) {
      this.report(
        'PQSDK_PARSE_OPERATOR_AFTER_TYPE',
        `\`${image}\` cannot follow the type \`${typeText(left)}\` of an \`as\` or \`is\` expression; put the \`as\` or \`is\` expression in parentheses`,
        this.tokenSpan(operator),
      );
    }
    const leftExpression = isTypeOperand(left) ? this.invalidAt(left.span) : left;
    if (image === 'as' || image === 'is') {
      const type = isTypeOperand(right) ? right : this.invalidPrimitiveAt(right.span);
      return {
        kind: image === 'as' ? 'AsExpression' : 'IsExpression',
        expression: leftExpression,
        type,
        span,
      };
    }
    const rightExpression = isTypeOperand(right) ? this.invalidAt(right.span) : right;
    return {
      kind: 'BinaryExpression',
      operator: image as BinaryOperator,
      left: leftExpression,
      right: rightExpression,
      span,
    };
  }

  /** A function expression is an expression-level construct: an operand must parenthesize it. */
  protected checkNotFunction(operand: Expression, operator: IToken | string): void {
    if (operand.kind === 'FunctionExpression') {
      this.report(
        'PQSDK_PARSE_UNEXPECTED_TOKEN',
        typeof operator === 'string'
          ? `a function cannot stand for a type ${operator}; put the function in parentheses`
          : `a function cannot be the operand of \`${operator.image}\`; put the function in parentheses`,
        operand.span,
      );
    }
  }

  /** Reports names defined more than once among `named` (names, or nodes that have a `name`). */
  protected checkUnique(
    named: readonly (Identifier | { readonly name: Identifier })[],
    what: string,
    where: string,
  ): void {
    if (named.length < 2) return;
    const seen = new Set<string>();
    for (const item of named) {
      const name = typeof item.name === 'string' ? (item as Identifier) : item.name;
      if (name.name === '' && name.span.offset === name.span.end) continue;
      if (seen.has(name.name)) {
        this.report(
          'PQSDK_PARSE_DUPLICATE_NAME',
          `the ${what} name \`${shorten(name.name)}\` is defined more than once in this ${where}`,
          name.span,
        );
      }
      seen.add(name.name);
    }
  }

  protected checkParameters(parameters: readonly (Parameter | ParameterSpecification)[]): void {
    let optionalSeen = false;
    for (const parameter of parameters) {
      if (parameter.optional) {
        optionalSeen = true;
      } else if (optionalSeen) {
        this.report(
          'PQSDK_PARSE_PARAMETER_ORDER',
          `the required parameter \`${parameter.name.name}\` cannot follow an optional parameter; make it optional or move it before them`,
          parameter.name.span,
        );
      }
    }
    this.checkUnique(parameters, 'parameter', 'function');
  }

  protected report(code: DiagnosticCode, message: string, span: Span): void {
    this.diagnostics.push({ code, message, severity: 'error', span });
  }

  // -------------------------------------------------------------------------------------------
  // Spans
  // -------------------------------------------------------------------------------------------

  protected tokenSpan(token: IToken): Span {
    if (Number.isNaN(token.startOffset)) return this.eofSpan();
    return tokenSpan(token, this.text, this.lineMap as LineMap);
  }

  protected tokenSpanOrEnd(token: IToken | undefined): Span {
    return token === undefined ? this.eofSpan() : this.tokenSpan(token);
  }

  /** The span of the last token consumed. */
  protected lastSpan(): Span {
    return this.tokenSpan(this.LA(0));
  }

  /** From the start of `start` to the end of the last token consumed. */
  protected spanFrom(start: IToken): Span {
    const last = this.LA(0);
    const end = last.startOffset + last.image.length;
    if (
      Number.isNaN(start.startOffset) ||
      Number.isNaN(last.startOffset) ||
      last.startOffset < start.startOffset ||
      endsWithLineBreak(this.text, end)
    ) {
      return this.slowSpanFrom(start, last);
    }
    return {
      offset: start.startOffset,
      end,
      line: start.startLine as number,
      column: start.startColumn as number,
      endLine: tokenEndLine(last),
      endColumn: tokenEndColumn(last),
    };
  }

  protected slowSpanFrom(start: IToken, last: IToken): Span {
    const startSpan = this.tokenSpan(start);
    if (Number.isNaN(last.startOffset) || last.startOffset < startSpan.offset) {
      return {
        ...startSpan,
        end: startSpan.offset,
        endLine: startSpan.line,
        endColumn: startSpan.column,
      };
    }
    return spanFromTo(startSpan, this.tokenSpan(last));
  }

  protected spanFromSpan(start: Span): Span {
    const last = this.LA(0);
    if (Number.isNaN(last.startOffset) || last.startOffset < start.offset) return start;
    const end = last.startOffset + last.image.length;
    if (endsWithLineBreak(this.text, end)) return spanFromTo(start, this.tokenSpan(last));
    return {
      offset: start.offset,
      end,
      line: start.line,
      column: start.column,
      endLine: tokenEndLine(last),
      endColumn: tokenEndColumn(last),
    };
  }

  protected eofSpan(): Span {
    const end = this.text.length;
    return this.lineMap === undefined
      ? { offset: end, end, line: 1, column: end + 1, endLine: 1, endColumn: end + 1 }
      : this.lineMap.span(end, end);
  }

  protected invalidExpression(token: IToken | undefined): InvalidExpression {
    return { kind: 'InvalidExpression', span: this.tokenSpanOrEnd(token) };
  }

  protected invalidAt(span: Span): InvalidExpression {
    return { kind: 'InvalidExpression', span };
  }

  protected invalidIdentifier(): Identifier {
    const span = this.eofSpan();
    return { kind: 'Identifier', name: '', quoted: false, span: { ...span } };
  }

  protected invalidPrimitiveType(token: IToken | undefined): PrimitiveType {
    return { kind: 'PrimitiveType', name: 'any', span: this.tokenSpanOrEnd(token) };
  }

  protected invalidPrimitiveAt(span: Span): PrimitiveType {
    return { kind: 'PrimitiveType', name: 'any', span };
  }

  protected emptyRecord(token: IToken | undefined): RecordExpression {
    return { kind: 'RecordExpression', fields: [], span: this.tokenSpanOrEnd(token) };
  }
}

export function isTypeOperand(operand: Operand): operand is NullablePrimitiveType {
  return operand.kind === 'PrimitiveType' || operand.kind === 'NullableType';
}

export function typeText(type: NullablePrimitiveType): string {
  return type.kind === 'PrimitiveType' ? type.name : `nullable ${type.type.name}`;
}

/** The value of a number literal's text. */
export function numberValue(text: string): number {
  if (text.length > 2 && (text[1] === 'x' || text[1] === 'X')) {
    return Number.parseInt(text.slice(2), 16);
  }
  return Number(text);
}

/**
 * Cuts an array back to `length`. Setting `length` is a slow runtime call in V8 even when nothing
 * changes, and these stacks are usually at the wanted length already.
 */
export function truncate(array: unknown[], length: number): void {
  if (array.length !== length) array.length = length;
}

export function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

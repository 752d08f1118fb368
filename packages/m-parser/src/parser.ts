import type {
  BinaryOperator,
  CatchClause,
  OtherwiseClause,
  Expression,
  ExpressionDocument,
  FieldDefinition,
  FieldSpecification,
  FunctionExpression,
  FunctionType,
  Identifier,
  InvalidExpression,
  LetExpression,
  ListExpression,
  ListItem,
  ListType,
  NullablePrimitiveType,
  Parameter,
  ParameterSpecification,
  PrimaryType,
  PrimitiveType,
  RecordExpression,
  RecordType,
  SectionDocument,
  SectionMember,
  Span,
  TableType,
  TypeNode,
  UnaryOperator,
  VariableDefinition,
} from '@pqsdk/m-ast';
import { isPrimitiveTypeName, spanFromTo } from '@pqsdk/m-ast';
import { EmbeddedActionsParser, tokenMatcher, type IToken } from 'chevrotain';
import type { Diagnostic, DiagnosticCode } from './diagnostic.js';
import type { LineMap } from './line-map.js';
import { MessageProvider, type Opener, type OpenerKind } from './messages.js';
import {
  ALL_TOKENS,
  As,
  At,
  Bang,
  BinaryOperatorToken,
  Comma,
  DotDot,
  Each,
  Ellipsis,
  Else,
  Equal,
  ErrorKeyword,
  FatArrow,
  GeneralizedIdentifierPart,
  HashIdentifier,
  HashInfinity,
  HashNan,
  Identifier as IdentifierToken,
  If,
  In,
  LBrace,
  LBracket,
  Let,
  LiteralToken,
  LParen,
  Null,
  NumberLiteral,
  Otherwise,
  Question,
  QuotedIdentifier,
  RBrace,
  RBracket,
  RParen,
  Section,
  Semicolon,
  Shared,
  TextLiteral,
  Then,
  True,
  False,
  Try,
  Type,
  TypeOperatorToken,
  UnaryOperatorToken,
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

/** Precedence of the binary operators, and of `as` and `is`; higher binds tighter. */
const PRECEDENCE: Readonly<Record<BinaryOperator | 'as' | 'is', number>> = {
  meta: 11,
  '*': 10,
  '/': 10,
  '+': 9,
  '-': 9,
  '&': 9,
  '<': 8,
  '<=': 8,
  '>': 8,
  '>=': 8,
  '=': 7,
  '<>': 7,
  as: 6,
  is: 5,
  and: 4,
  or: 3,
  '??': 2,
};

type Operand = Expression | NullablePrimitiveType;

/**
 * The M grammar (specification, "Consolidated grammar") as a chevrotain parser with embedded
 * actions. Binary operators are read flat and ordered by precedence climbing, which keeps the rule
 * depth per nesting level small.
 */
export class MParser extends EmbeddedActionsParser {
  /** The source text being parsed; set with the tokens. */
  text = '';
  lineMap: LineMap | undefined;
  /** Diagnostics found by the grammar's own checks (chevrotain's errors are kept separately). */
  diagnostics: Diagnostic[] = [];
  private readonly openerTokens: IToken[] = [];
  private readonly openerKinds: OpenerKind[] = [];
  private readonly openerNames: string[] = [];
  /** Operators and right operands of the binary expressions being read, shared to save allocations. */
  private readonly operatorStack: (IToken | Operand)[] = [];
  /** Unary operators of the operands being read. */
  private readonly unaryStack: IToken[] = [];
  private depth = 0;

  constructor(options: { recovery: boolean; validate?: boolean }) {
    const messages = new MessageProvider();
    super(ALL_TOKENS, {
      recoveryEnabled: options.recovery,
      maxLookahead: 2,
      skipValidations: options.validate !== true,
      errorMessageProvider: messages,
    });
    messages.source = this;
    this.performSelfAnalysis();
  }

  /** Sets the text and its tokens, and clears all state of a previous parse. */
  begin(text: string, tokens: IToken[], lineMap: LineMap): void {
    this.text = text;
    this.lineMap = lineMap;
    this.diagnostics = [];
    this.openerTokens.length = 0;
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
    return {
      token: this.openerTokens[top] as IToken,
      what: this.openerKinds[top] as OpenerKind,
      name: this.openerNames[top] as string,
    };
  }

  private open(token: IToken, what: OpenerKind, name = ''): void {
    this.openerTokens.push(token);
    this.openerKinds.push(what);
    this.openerNames.push(name);
  }

  private closeTo(depth: number): void {
    this.openerTokens.length = depth;
    this.openerKinds.length = depth;
    this.openerNames.length = depth;
  }

  // -------------------------------------------------------------------------------------------
  // Documents
  // -------------------------------------------------------------------------------------------

  readonly sectionDocument = this.RULE(
    'sectionDocument',
    (): SectionDocument => {
      const start = this.LA(1);
      const attributes = this.OPTION(() => this.SUBRULE(this.literalRecord));
      const depth = this.openerTokens.length;
      try {
        const sectionToken = this.CONSUME(Section);
        this.open(sectionToken, 'section');
        const name = this.SUBRULE(this.identifierName);
        this.CONSUME(Semicolon);
        this.closeTo(depth);
        const members: SectionMember[] = [];
        this.MANY(() => {
          members.push(this.SUBRULE(this.sectionMember));
        });
        if (this.RECORDING_PHASE) return undefined as never;
        this.checkUnique(
          members.map((member) => member.name),
          'member',
          'section',
        );
        return {
          kind: 'SectionDocument',
          ...(attributes === undefined ? {} : { attributes }),
          name,
          members,
          span: this.spanFrom(start),
        };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (): SectionDocument => ({
        kind: 'SectionDocument',
        name: this.invalidIdentifier(),
        members: [],
        span: this.eofSpan(),
      }),
    },
  );

  readonly sectionMember = this.RULE(
    'sectionMember',
    (): SectionMember => {
      const start = this.LA(1);
      const attributes = this.OPTION(() => this.SUBRULE(this.literalRecord));
      const shared = this.OPTION2(() => this.CONSUME(Shared)) !== undefined;
      const depth = this.openerTokens.length;
      try {
        const nameToken = this.LA(1);
        const name = this.SUBRULE(this.identifierName);
        this.open(nameToken, 'member', this.RECORDING_PHASE ? '' : name.name);
        this.CONSUME(Equal);
        const value = this.SUBRULE(this.expression);
        this.CONSUME(Semicolon);
        if (this.RECORDING_PHASE) return undefined as never;
        return {
          kind: 'SectionMember',
          ...(attributes === undefined ? {} : { attributes }),
          shared,
          name,
          value,
          span: this.spanFrom(start),
        };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): SectionMember => ({
        kind: 'SectionMember',
        shared: false,
        name: this.invalidIdentifier(),
        value: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly expressionDocument = this.RULE(
    'expressionDocument',
    (): ExpressionDocument => {
      const start = this.LA(1);
      const expression = this.SUBRULE(this.expression);
      if (this.RECORDING_PHASE) return undefined as never;
      return { kind: 'ExpressionDocument', expression, span: this.spanFrom(start) };
    },
    {
      recoveryValueFunc: (error): ExpressionDocument => ({
        kind: 'ExpressionDocument',
        expression: this.invalidExpression(error.token),
        span: this.eofSpan(),
      }),
    },
  );

  // -------------------------------------------------------------------------------------------
  // Literal attributes
  // -------------------------------------------------------------------------------------------

  readonly literalRecord = this.RULE(
    'literalRecord',
    (): RecordExpression => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBracket);
        this.open(open, '[');
        const fields: FieldDefinition[] = [];
        this.OPTION(() => {
          fields.push(this.SUBRULE(this.literalField));
          this.MANY(() => {
            this.CONSUME(Comma);
            fields.push(this.SUBRULE2(this.literalField));
          });
        });
        this.CONSUME(RBracket);
        if (this.RECORDING_PHASE) return undefined as never;
        this.checkUnique(
          fields.map((field) => field.name),
          'field',
          'record',
        );
        return { kind: 'RecordExpression', fields, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.emptyRecord(error.token) },
  );

  readonly literalField = this.RULE(
    'literalField',
    (): FieldDefinition => {
      const start = this.LA(1);
      const name = this.SUBRULE(this.fieldName);
      this.CONSUME(Equal);
      const value = this.SUBRULE(this.anyLiteral);
      if (this.RECORDING_PHASE) return undefined as never;
      return { kind: 'FieldDefinition', name, value, span: this.spanFrom(start) };
    },
    {
      recoveryValueFunc: (error): FieldDefinition => ({
        kind: 'FieldDefinition',
        name: this.invalidIdentifier(),
        value: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly anyLiteral = this.RULE(
    'anyLiteral',
    (): Expression =>
      this.OR({
        DEF: [
          { ALT: () => this.SUBRULE(this.literalRecord) },
          { ALT: () => this.SUBRULE(this.literalList) },
          { ALT: () => this.literal(this.CONSUME(LiteralToken)) },
        ],
        ERR_MSG: 'a literal (attributes hold only literals, lists and records of literals)',
      }),
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly literalList = this.RULE(
    'literalList',
    (): ListExpression => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBrace);
        this.open(open, '{');
        const items: Expression[] = [];
        this.OPTION(() => {
          items.push(this.SUBRULE(this.anyLiteral));
          this.MANY(() => {
            this.CONSUME(Comma);
            items.push(this.SUBRULE2(this.anyLiteral));
          });
        });
        this.CONSUME(RBrace);
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'ListExpression', items, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): ListExpression => ({
        kind: 'ListExpression',
        items: [],
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  // -------------------------------------------------------------------------------------------
  // Expressions
  // -------------------------------------------------------------------------------------------

  readonly expression = this.RULE(
    'expression',
    (): Expression => {
      this.enter();
      try {
        return this.OR({
          DEF: [
            { ALT: () => this.SUBRULE(this.letExpression) },
            { ALT: () => this.SUBRULE(this.eachExpression) },
            { ALT: () => this.SUBRULE(this.ifExpression) },
            { ALT: () => this.SUBRULE(this.errorRaisingExpression) },
            { ALT: () => this.SUBRULE(this.errorHandlingExpression) },
            // Function expressions start with `(`; the primary expression rule tells them from
            // parenthesized expressions, so that this choice needs one token of lookahead only.
            { ALT: () => this.SUBRULE(this.binaryExpression) },
          ],
          ERR_MSG: 'an expression',
        });
      } finally {
        this.depth--;
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly binaryExpression = this.RULE(
    'binaryExpression',
    (): Expression => {
      const first = this.readOperand(1);
      const base = this.operatorStack.length;
      try {
        this.MANY(() => {
          this.OR([
            {
              ALT: () => {
                const operator = this.CONSUME(BinaryOperatorToken);
                const right = this.readOperand(2);
                if (!this.RECORDING_PHASE) this.checkNotFunction(right, operator);
                this.operatorStack.push(operator, right);
              },
            },
            {
              ALT: () => {
                const operator = this.CONSUME(TypeOperatorToken);
                const type = this.SUBRULE(this.nullablePrimitiveType);
                this.operatorStack.push(operator, type);
              },
            },
          ]);
        });
        if (this.RECORDING_PHASE || this.operatorStack.length === base) return first;
        return this.buildBinary(first, base);
      } finally {
        this.operatorStack.length = base;
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  /**
   * An operand of a binary expression: unary operators, then `type` and a primary type, or a primary
   * expression. It is read inline (with the DSL occurrence `occurrence`, 1 or 2) rather than as a
   * rule, which saves a rule call and stack depth for every operand.
   */
  private readOperand(occurrence: 1 | 2): Expression {
    const base = this.unaryStack.length;
    this.many(occurrence, () => {
      this.unaryStack.push(this.consume(occurrence, UnaryOperatorToken));
    });
    const count = this.unaryStack.length - base;
    if (!this.RECORDING_PHASE) {
      this.depth += count;
      if (this.depth > MAX_NESTING_DEPTH) throw new NestingTooDeepError(this.LA(1));
    }
    try {
      const inner = this.or<Expression>(occurrence, {
        DEF: [
          {
            ALT: () => {
              const start = this.consume(occurrence, Type);
              const type = this.subrule(occurrence, this.primaryType);
              if (this.RECORDING_PHASE) return undefined as never;
              return { kind: 'TypeExpression', type, span: this.spanFrom(start) } as const;
            },
          },
          { ALT: () => this.subrule(occurrence, this.primaryExpression) },
        ],
        ERR_MSG: 'an expression',
      });
      if (this.RECORDING_PHASE || count === 0) return inner;
      this.checkNotFunction(inner, this.unaryStack[this.unaryStack.length - 1] as IToken);
      let result: Expression = inner;
      for (let index = this.unaryStack.length - 1; index >= base; index--) {
        const token = this.unaryStack[index] as IToken;
        result = {
          kind: 'UnaryExpression',
          operator: token.image as UnaryOperator,
          operand: result,
          span: spanFromTo(this.tokenSpan(token), result.span),
        };
      }
      return result;
    } finally {
      if (!this.RECORDING_PHASE) this.depth -= count;
      this.unaryStack.length = base;
    }
  }

  readonly primaryExpression = this.RULE(
    'primaryExpression',
    (): Expression => {
      const start = this.LA(1);
      let result: Expression = this.OR({
        DEF: [
          { ALT: () => this.literal(this.CONSUME(LiteralToken)) },
          {
            ALT: () => {
              const token = this.CONSUME(IdentifierToken);
              const member = this.OPTION(() => {
                this.CONSUME(Bang);
                return this.SUBRULE(this.identifierName);
              });
              return this.identifierOrSectionAccess(token, member, start);
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(QuotedIdentifier);
              const member = this.OPTION2(() => {
                this.CONSUME2(Bang);
                return this.SUBRULE2(this.identifierName);
              });
              return this.identifierOrSectionAccess(token, member, start);
            },
          },
          {
            ALT: () => {
              this.CONSUME(At);
              const name = this.SUBRULE3(this.identifierName);
              if (this.RECORDING_PHASE) return undefined as never;
              return {
                kind: 'IdentifierExpression',
                name: name.name,
                quoted: name.quoted,
                inclusive: true,
                span: this.spanFrom(start),
              } as const;
            },
          },
          {
            ALT: () => {
              const token = this.CONSUME(HashIdentifier);
              if (this.RECORDING_PHASE) return undefined as never;
              return {
                kind: 'IdentifierExpression',
                name: token.image,
                quoted: false,
                inclusive: false,
                span: this.tokenSpan(token),
              } as const;
            },
          },
          { ALT: () => this.SUBRULE(this.parenthesizedOrFunction) },
          { ALT: () => this.SUBRULE(this.listExpression) },
          { ALT: () => this.SUBRULE(this.bracketExpression) },
          {
            ALT: () => {
              const token = this.CONSUME(Ellipsis);
              if (this.RECORDING_PHASE) return undefined as never;
              return { kind: 'NotImplementedExpression', span: this.tokenSpan(token) } as const;
            },
          },
        ],
        ERR_MSG: 'an expression',
      });
      const depth = this.depth;
      try {
        this.MANY(() => {
          this.enter();
          result = this.OR2<Expression>([
            { ALT: () => this.SUBRULE(this.invokeSuffix, { ARGS: [result] }) },
            { ALT: () => this.SUBRULE(this.itemAccessSuffix, { ARGS: [result] }) },
            { ALT: () => this.SUBRULE(this.fieldSuffix, { ARGS: [result] }) },
          ]);
        });
      } finally {
        if (!this.RECORDING_PHASE) this.depth = depth;
      }
      return result;
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  /**
   * What starts with `(`: a function expression or a parenthesized expression. A function read here
   * is an expression-level construct; `binaryExpression` reports one used as an operand.
   */
  readonly parenthesizedOrFunction = this.RULE(
    'parenthesizedOrFunction',
    (): Expression =>
      this.OR<Expression>({
        DEF: [
          {
            GATE: () => this.isFunctionExpressionAhead(),
            ALT: () => this.SUBRULE(this.functionExpression),
          },
          {
            ALT: () => {
              const start = this.LA(1);
              const depth = this.openerTokens.length;
              try {
                const open = this.CONSUME(LParen);
                this.open(open, '(');
                const expression = this.SUBRULE(this.expression);
                this.CONSUME(RParen);
                if (this.RECORDING_PHASE) return undefined as never;
                return {
                  kind: 'ParenthesizedExpression',
                  expression,
                  span: this.spanFrom(start),
                } as const;
              } finally {
                this.closeTo(depth);
              }
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
      }),
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly invokeSuffix = this.RULE(
    'invokeSuffix',
    (target: Expression): Expression => {
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LParen);
        this.open(open, '(');
        const args: Expression[] = [];
        this.OPTION(() => {
          args.push(this.SUBRULE(this.expression));
          this.MANY(() => {
            this.CONSUME(Comma);
            args.push(this.SUBRULE2(this.expression));
          });
        });
        this.CONSUME(RParen);
        if (this.RECORDING_PHASE) return undefined as never;
        return {
          kind: 'InvokeExpression',
          target,
          arguments: args,
          span: this.spanFromSpan(target.span),
        };
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly itemAccessSuffix = this.RULE(
    'itemAccessSuffix',
    (target: Expression): Expression => {
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBrace);
        this.open(open, '{');
        const selector = this.SUBRULE(this.expression);
        this.CONSUME(RBrace);
        this.closeTo(depth);
        let optional = false;
        this.OPTION(() => {
          this.CONSUME(Question);
          optional = true;
        });
        if (this.RECORDING_PHASE) return undefined as never;
        return {
          kind: 'ItemAccessExpression',
          target,
          selector,
          optional,
          span: this.spanFromSpan(target.span),
        };
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  /** `[name]`, `[name]?`, `[[a], [b]]` or `[[a], [b]]?` after a target. */
  readonly fieldSuffix = this.RULE(
    'fieldSuffix',
    (target: Expression): Expression => {
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBracket);
        this.open(open, '[');
        return this.OR<Expression>([
          {
            ALT: () => {
              const fields = this.SUBRULE(this.projectionFields);
              this.CONSUME(RBracket);
              this.closeTo(depth);
              const optional = this.OPTION(() => this.CONSUME(Question)) !== undefined;
              if (this.RECORDING_PHASE) return undefined as never;
              return {
                kind: 'FieldProjectionExpression',
                target,
                fields,
                optional,
                span: this.spanFromSpan(target.span),
              } as const;
            },
          },
          {
            ALT: () => {
              const field = this.SUBRULE(this.fieldName);
              this.CONSUME2(RBracket);
              this.closeTo(depth);
              const optional = this.OPTION2(() => this.CONSUME2(Question)) !== undefined;
              if (this.RECORDING_PHASE) return undefined as never;
              return {
                kind: 'FieldAccessExpression',
                target,
                field,
                optional,
                span: this.spanFromSpan(target.span),
              } as const;
            },
          },
        ]);
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  /** `[a], [b], …` inside a projection's brackets. */
  readonly projectionFields = this.RULE(
    'projectionFields',
    (): Identifier[] => {
      const fields: Identifier[] = [];
      this.AT_LEAST_ONE_SEP({
        SEP: Comma,
        DEF: () => {
          const depth = this.openerTokens.length;
          try {
            const open = this.CONSUME(LBracket);
            this.open(open, '[');
            fields.push(this.SUBRULE(this.fieldName));
            this.CONSUME(RBracket);
          } finally {
            this.closeTo(depth);
          }
        },
      });
      if (!this.RECORDING_PHASE) this.checkUnique(fields, 'field', 'projection');
      return fields;
    },
    { recoveryValueFunc: () => [] },
  );

  /** What starts with `[` where an expression starts: a record, or an implicit field access or projection. */
  readonly bracketExpression = this.RULE(
    'bracketExpression',
    (): Expression => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBracket);
        this.open(open, '[');
        return this.OR<Expression>([
          {
            ALT: () => {
              this.CONSUME(RBracket);
              if (this.RECORDING_PHASE) return undefined as never;
              return { kind: 'RecordExpression', fields: [], span: this.spanFrom(start) } as const;
            },
          },
          {
            ALT: () => {
              const fields = this.SUBRULE(this.projectionFields);
              this.CONSUME2(RBracket);
              this.closeTo(depth);
              const optional = this.OPTION(() => this.CONSUME(Question)) !== undefined;
              if (this.RECORDING_PHASE) return undefined as never;
              return {
                kind: 'FieldProjectionExpression',
                fields,
                optional,
                span: this.spanFrom(start),
              } as const;
            },
          },
          {
            ALT: () => {
              const nameStart = this.LA(1);
              const name = this.SUBRULE(this.fieldName);
              return this.OR2<Expression>([
                {
                  ALT: () => {
                    this.open(nameStart, 'field', this.RECORDING_PHASE ? '' : name.name);
                    this.CONSUME(Equal);
                    const value = this.SUBRULE(this.expression);
                    this.closeTo(this.openerTokens.length - 1);
                    const fields: FieldDefinition[] = [
                      this.RECORDING_PHASE
                        ? (undefined as never)
                        : {
                            kind: 'FieldDefinition',
                            name,
                            value,
                            span: spanFromTo(name.span, this.lastSpan()),
                          },
                    ];
                    this.MANY(() => {
                      this.CONSUME(Comma);
                      fields.push(this.SUBRULE(this.fieldDefinition));
                    });
                    this.CONSUME3(RBracket);
                    if (this.RECORDING_PHASE) return undefined as never;
                    this.checkUnique(
                      fields.map((field) => field.name),
                      'field',
                      'record',
                    );
                    return {
                      kind: 'RecordExpression',
                      fields,
                      span: this.spanFrom(start),
                    } as const;
                  },
                },
                {
                  ALT: () => {
                    this.CONSUME4(RBracket);
                    this.closeTo(depth);
                    const optional = this.OPTION2(() => this.CONSUME2(Question)) !== undefined;
                    if (this.RECORDING_PHASE) return undefined as never;
                    return {
                      kind: 'FieldAccessExpression',
                      field: name,
                      optional,
                      span: this.spanFrom(start),
                    } as const;
                  },
                },
              ]);
            },
          },
        ]);
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly fieldDefinition = this.RULE(
    'fieldDefinition',
    (): FieldDefinition => {
      const start = this.LA(1);
      const name = this.SUBRULE(this.fieldName);
      const depth = this.openerTokens.length;
      try {
        this.open(start, 'field', this.RECORDING_PHASE ? '' : name.name);
        this.CONSUME(Equal);
        const value = this.SUBRULE(this.expression);
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'FieldDefinition', name, value, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): FieldDefinition => ({
        kind: 'FieldDefinition',
        name: this.invalidIdentifier(),
        value: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly listExpression = this.RULE(
    'listExpression',
    (): ListExpression => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBrace);
        this.open(open, '{');
        const items: ListItem[] = [];
        this.OPTION(() => {
          items.push(this.SUBRULE(this.listItem));
          this.MANY(() => {
            this.CONSUME(Comma);
            items.push(this.SUBRULE2(this.listItem));
          });
        });
        this.CONSUME(RBrace);
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'ListExpression', items, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): ListExpression => ({
        kind: 'ListExpression',
        items: [],
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly listItem = this.RULE(
    'listItem',
    (): ListItem => {
      const first = this.SUBRULE(this.expression);
      const end = this.OPTION(() => {
        this.CONSUME(DotDot);
        return this.SUBRULE2(this.expression);
      });
      if (this.RECORDING_PHASE || end === undefined) return first;
      return {
        kind: 'RangeExpression',
        start: first,
        end,
        span: spanFromTo(first.span, end.span),
      };
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly functionExpression = this.RULE(
    'functionExpression',
    (): FunctionExpression => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LParen);
        this.open(open, '(');
        const parameters: Parameter[] = [];
        this.OPTION(() => {
          parameters.push(this.SUBRULE(this.parameter));
          this.MANY(() => {
            this.CONSUME(Comma);
            parameters.push(this.SUBRULE2(this.parameter));
          });
        });
        this.CONSUME(RParen);
        this.closeTo(depth);
        this.open(open, 'function');
        const returnType = this.OPTION2(() => {
          this.CONSUME(As);
          return this.SUBRULE(this.nullablePrimitiveType);
        });
        this.CONSUME(FatArrow);
        this.closeTo(depth);
        const body = this.SUBRULE(this.expression);
        if (this.RECORDING_PHASE) return undefined as never;
        this.checkParameters(parameters);
        return {
          kind: 'FunctionExpression',
          parameters,
          ...(returnType === undefined ? {} : { returnType }),
          body,
          span: this.spanFrom(start),
        };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): FunctionExpression => ({
        kind: 'FunctionExpression',
        parameters: [],
        body: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly parameter = this.RULE(
    'parameter',
    (): Parameter => {
      const start = this.LA(1);
      const optional =
        this.OPTION({
          GATE: () => this.isContextualKeywordBeforeName('optional'),
          DEF: () => this.CONSUME(IdentifierToken),
        }) !== undefined;
      const name = this.SUBRULE(this.identifierName);
      const type = this.OPTION2(() => {
        this.CONSUME(As);
        return this.SUBRULE(this.nullablePrimitiveType);
      });
      if (this.RECORDING_PHASE) return undefined as never;
      return {
        kind: 'Parameter',
        name,
        optional,
        ...(type === undefined ? {} : { type }),
        span: this.spanFrom(start),
      };
    },
    {
      recoveryValueFunc: (error): Parameter => ({
        kind: 'Parameter',
        name: this.invalidIdentifier(),
        optional: false,
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly eachExpression = this.RULE(
    'eachExpression',
    (): Expression => {
      const start = this.CONSUME(Each);
      const body = this.SUBRULE(this.expression);
      if (this.RECORDING_PHASE) return undefined as never;
      return { kind: 'EachExpression', body, span: this.spanFrom(start) };
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly letExpression = this.RULE(
    'letExpression',
    (): LetExpression => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const letToken = this.CONSUME(Let);
        this.open(letToken, 'let');
        const variables: VariableDefinition[] = [];
        variables.push(this.SUBRULE(this.variableDefinition));
        this.MANY(() => {
          this.CONSUME(Comma);
          variables.push(this.SUBRULE2(this.variableDefinition));
        });
        this.CONSUME(In);
        this.closeTo(depth);
        const body = this.SUBRULE(this.expression);
        if (this.RECORDING_PHASE) return undefined as never;
        this.checkUnique(
          variables.map((variable) => variable.name),
          'variable',
          'let expression',
        );
        return { kind: 'LetExpression', variables, body, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): LetExpression => ({
        kind: 'LetExpression',
        variables: [],
        body: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly variableDefinition = this.RULE(
    'variableDefinition',
    (): VariableDefinition => {
      const start = this.LA(1);
      const name = this.SUBRULE(this.identifierName);
      const depth = this.openerTokens.length;
      try {
        this.open(start, 'variable', this.RECORDING_PHASE ? '' : name.name);
        this.CONSUME(Equal);
        this.closeTo(depth);
        const value = this.SUBRULE(this.expression);
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'VariableDefinition', name, value, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): VariableDefinition => ({
        kind: 'VariableDefinition',
        name: this.invalidIdentifier(),
        value: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly ifExpression = this.RULE(
    'ifExpression',
    (): Expression => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const ifToken = this.CONSUME(If);
        this.open(ifToken, 'if');
        const condition = this.SUBRULE(this.expression);
        this.CONSUME(Then);
        const trueExpression = this.SUBRULE2(this.expression);
        this.CONSUME(Else);
        this.closeTo(depth);
        const falseExpression = this.SUBRULE3(this.expression);
        if (this.RECORDING_PHASE) return undefined as never;
        return {
          kind: 'IfExpression',
          condition,
          trueExpression,
          falseExpression,
          span: this.spanFrom(start),
        };
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly errorRaisingExpression = this.RULE(
    'errorRaisingExpression',
    (): Expression => {
      const start = this.CONSUME(ErrorKeyword);
      const expression = this.SUBRULE(this.expression);
      if (this.RECORDING_PHASE) return undefined as never;
      return { kind: 'ErrorRaisingExpression', expression, span: this.spanFrom(start) };
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly errorHandlingExpression = this.RULE(
    'errorHandlingExpression',
    (): Expression => {
      const start = this.CONSUME(Try);
      const protectedExpression = this.SUBRULE(this.expression);
      const handler = this.OPTION({
        GATE: () => this.isErrorHandlerAhead(),
        DEF: () =>
          this.OR<OtherwiseClause | CatchClause>([
            {
              ALT: () => {
                const otherwise = this.CONSUME(Otherwise);
                const expression = this.SUBRULE2(this.expression);
                if (this.RECORDING_PHASE) return undefined as never;
                return {
                  kind: 'OtherwiseClause',
                  expression,
                  span: this.spanFrom(otherwise),
                } as const;
              },
            },
            { ALT: () => this.SUBRULE(this.catchClause) },
          ]),
      });
      if (this.RECORDING_PHASE) return undefined as never;
      return {
        kind: 'ErrorHandlingExpression',
        protectedExpression,
        ...(handler === undefined ? {} : { handler }),
        span: this.spanFrom(start),
      };
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly catchClause = this.RULE(
    'catchClause',
    () => {
      const start = this.CONSUME(IdentifierToken);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LParen);
        this.open(open, '(');
        const parameter = this.OPTION(() => this.SUBRULE(this.identifierName));
        this.CONSUME(RParen);
        this.closeTo(depth);
        this.open(open, 'function');
        this.CONSUME(FatArrow);
        this.closeTo(depth);
        const body = this.SUBRULE(this.expression);
        if (this.RECORDING_PHASE) return undefined as never;
        return {
          kind: 'CatchClause',
          ...(parameter === undefined ? {} : { parameter }),
          body,
          span: this.spanFrom(start),
        } as const;
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error) =>
        ({
          kind: 'CatchClause',
          body: this.invalidExpression(error.token),
          span: this.tokenSpanOrEnd(error.token),
        }) as const,
    },
  );

  // -------------------------------------------------------------------------------------------
  // Types
  // -------------------------------------------------------------------------------------------

  readonly nullablePrimitiveType = this.RULE(
    'nullablePrimitiveType',
    (): NullablePrimitiveType =>
      this.OR<NullablePrimitiveType>({
        DEF: [
          {
            GATE: () =>
              this.LA(1).image === 'nullable' && tokenMatcher(this.LA(1), IdentifierToken),
            ALT: () => {
              const start = this.CONSUME(IdentifierToken);
              const type = this.SUBRULE(this.primitiveType);
              if (this.RECORDING_PHASE) return undefined as never;
              return { kind: 'NullableType', type, span: this.spanFrom(start) } as const;
            },
          },
          { ALT: () => this.SUBRULE2(this.primitiveType) },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'a primitive type such as `number` or `nullable text`',
      }),
    { recoveryValueFunc: (error) => this.invalidPrimitiveType(error.token) },
  );

  readonly primitiveType = this.RULE(
    'primitiveType',
    (): PrimitiveType => {
      const token = this.OR({
        DEF: [
          { ALT: () => this.CONSUME(IdentifierToken) },
          { ALT: () => this.CONSUME(Type) },
          { ALT: () => this.CONSUME(Null) },
        ],
        ERR_MSG: 'a primitive type such as `number`',
      });
      if (this.RECORDING_PHASE) return undefined as never;
      const name = token.image;
      if (!isPrimitiveTypeName(name)) {
        this.report(
          'PQSDK_PARSE_INVALID_TYPE',
          `\`${name}\` is not a primitive type; expected one of any, anynonnull, binary, date, datetime, datetimezone, duration, function, list, logical, none, null, number, record, table, text, time or type`,
          this.tokenSpan(token),
        );
        return { kind: 'PrimitiveType', name: 'any', span: this.tokenSpan(token) };
      }
      return { kind: 'PrimitiveType', name, span: this.tokenSpan(token) };
    },
    { recoveryValueFunc: (error) => this.invalidPrimitiveType(error.token) },
  );

  readonly primaryType = this.RULE(
    'primaryType',
    (): PrimaryType => {
      this.enter();
      try {
        return this.OR<PrimaryType>({
          DEF: [
            {
              GATE: () => this.isTableTypeAhead(),
              ALT: () => this.SUBRULE(this.tableType),
            },
            {
              GATE: () => this.isFunctionTypeAhead(),
              ALT: () => this.SUBRULE(this.functionType),
            },
            {
              GATE: () =>
                this.LA(1).image === 'nullable' && tokenMatcher(this.LA(1), IdentifierToken),
              ALT: () => {
                const start = this.CONSUME(IdentifierToken);
                const type = this.SUBRULE(this.typeNode);
                if (this.RECORDING_PHASE) return undefined as never;
                return { kind: 'NullableType', type, span: this.spanFrom(start) } as const;
              },
            },
            { ALT: () => this.SUBRULE(this.recordType) },
            { ALT: () => this.SUBRULE(this.listType) },
            { ALT: () => this.SUBRULE(this.primitiveType) },
          ],
          IGNORE_AMBIGUITIES: true,
          ERR_MSG: 'a type',
        });
      } finally {
        this.depth--;
      }
    },
    { recoveryValueFunc: (error) => this.invalidPrimitiveType(error.token) },
  );

  /** A type in a type position: a primary type, or a primary expression that computes one. */
  readonly typeNode = this.RULE(
    'typeNode',
    (): TypeNode =>
      this.OR<TypeNode>({
        DEF: [
          { GATE: () => this.isPrimaryTypeAhead(), ALT: () => this.SUBRULE(this.primaryType) },
          {
            ALT: () => {
              const expression = this.SUBRULE(this.primaryExpression);
              if (!this.RECORDING_PHASE) this.checkNotFunction(expression, 'here');
              return expression;
            },
          },
        ],
        IGNORE_AMBIGUITIES: true,
        ERR_MSG: 'a type',
      }),
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  readonly recordType = this.RULE(
    'recordType',
    (): RecordType => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBracket);
        this.open(open, '[');
        const fields: FieldSpecification[] = [];
        let open_ = false;
        this.OPTION(() => {
          this.OR([
            {
              ALT: () => {
                this.CONSUME(Ellipsis);
                open_ = true;
              },
            },
            {
              ALT: () => {
                fields.push(this.SUBRULE(this.fieldSpecification));
                this.MANY({
                  GATE: () => !open_,
                  DEF: () => {
                    this.CONSUME(Comma);
                    this.OR2([
                      {
                        ALT: () => {
                          this.CONSUME2(Ellipsis);
                          open_ = true;
                        },
                      },
                      { ALT: () => fields.push(this.SUBRULE2(this.fieldSpecification)) },
                    ]);
                  },
                });
              },
            },
          ]);
        });
        this.CONSUME(RBracket);
        if (this.RECORDING_PHASE) return undefined as never;
        this.checkUnique(
          fields.map((field) => field.name),
          'field',
          'record type',
        );
        return { kind: 'RecordType', fields, open: open_, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): RecordType => ({
        kind: 'RecordType',
        fields: [],
        open: true,
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly fieldSpecification = this.RULE(
    'fieldSpecification',
    (): FieldSpecification => {
      const start = this.LA(1);
      const optional =
        this.OPTION({
          GATE: () => this.isContextualKeywordBeforeFieldName('optional'),
          DEF: () => this.CONSUME(IdentifierToken),
        }) !== undefined;
      const name = this.SUBRULE(this.fieldName);
      const type = this.OPTION2(() => {
        this.CONSUME(Equal);
        return this.SUBRULE(this.typeNode);
      });
      if (this.RECORDING_PHASE) return undefined as never;
      return {
        kind: 'FieldSpecification',
        name,
        optional,
        ...(type === undefined ? {} : { type }),
        span: this.spanFrom(start),
      };
    },
    {
      recoveryValueFunc: (error): FieldSpecification => ({
        kind: 'FieldSpecification',
        name: this.invalidIdentifier(),
        optional: false,
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly listType = this.RULE(
    'listType',
    (): ListType => {
      const start = this.LA(1);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBrace);
        this.open(open, '{');
        const itemType = this.SUBRULE(this.typeNode);
        this.CONSUME(RBrace);
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'ListType', itemType, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): ListType => ({
        kind: 'ListType',
        itemType: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly functionType = this.RULE(
    'functionType',
    (): FunctionType => {
      const start = this.CONSUME(IdentifierToken);
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LParen);
        this.open(open, '(');
        const parameters: ParameterSpecification[] = [];
        this.OPTION(() => {
          parameters.push(this.SUBRULE(this.parameterSpecification));
          this.MANY(() => {
            this.CONSUME(Comma);
            parameters.push(this.SUBRULE2(this.parameterSpecification));
          });
        });
        this.CONSUME(RParen);
        this.closeTo(depth);
        this.CONSUME(As);
        const returnType = this.SUBRULE(this.typeNode);
        if (this.RECORDING_PHASE) return undefined as never;
        this.checkParameters(parameters);
        return { kind: 'FunctionType', parameters, returnType, span: this.spanFrom(start) };
      } finally {
        this.closeTo(depth);
      }
    },
    {
      recoveryValueFunc: (error): FunctionType => ({
        kind: 'FunctionType',
        parameters: [],
        returnType: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly parameterSpecification = this.RULE(
    'parameterSpecification',
    (): ParameterSpecification => {
      const start = this.LA(1);
      const optional =
        this.OPTION({
          GATE: () => this.isContextualKeywordBeforeName('optional'),
          DEF: () => this.CONSUME(IdentifierToken),
        }) !== undefined;
      const name = this.SUBRULE(this.identifierName);
      this.CONSUME(As);
      const type = this.SUBRULE(this.typeNode);
      if (this.RECORDING_PHASE) return undefined as never;
      return { kind: 'ParameterSpecification', name, optional, type, span: this.spanFrom(start) };
    },
    {
      recoveryValueFunc: (error): ParameterSpecification => ({
        kind: 'ParameterSpecification',
        name: this.invalidIdentifier(),
        optional: false,
        type: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  readonly tableType = this.RULE(
    'tableType',
    (): TableType => {
      const start = this.CONSUME(IdentifierToken);
      const rowType = this.OR<RecordType | Expression>({
        DEF: [
          { ALT: () => this.SUBRULE(this.recordType) },
          { ALT: () => this.SUBRULE(this.primaryExpression) },
        ],
        IGNORE_AMBIGUITIES: true,
      });
      if (this.RECORDING_PHASE) return undefined as never;
      if (rowType.kind !== 'RecordType') this.checkNotFunction(rowType, 'after `table`');
      if (rowType.kind === 'RecordType' && rowType.open) {
        this.report(
          'PQSDK_PARSE_INVALID_TYPE',
          'the row type of a table type cannot be open: remove the `...`',
          rowType.span,
        );
      }
      return { kind: 'TableType', rowType, span: this.spanFrom(start) };
    },
    {
      recoveryValueFunc: (error): TableType => ({
        kind: 'TableType',
        rowType: this.invalidExpression(error.token),
        span: this.tokenSpanOrEnd(error.token),
      }),
    },
  );

  // -------------------------------------------------------------------------------------------
  // Names
  // -------------------------------------------------------------------------------------------

  /** A regular or quoted identifier. */
  readonly identifierName = this.RULE(
    'identifierName',
    (): Identifier => {
      const token = this.OR({
        DEF: [
          { ALT: () => this.CONSUME(IdentifierToken) },
          { ALT: () => this.CONSUME(QuotedIdentifier) },
        ],
        ERR_MSG: 'a name',
      });
      if (this.RECORDING_PHASE) return undefined as never;
      return this.identifierFromToken(token);
    },
    { recoveryValueFunc: () => this.invalidIdentifier() },
  );

  /** A field name: a quoted identifier, or a generalized identifier (`Content Type`, `Date.From`). */
  readonly fieldName = this.RULE(
    'fieldName',
    (): Identifier =>
      this.OR({
        DEF: [
          {
            ALT: () => {
              const token = this.CONSUME(QuotedIdentifier);
              if (this.RECORDING_PHASE) return undefined as never;
              return this.identifierFromToken(token);
            },
          },
          {
            ALT: () => {
              const first = this.CONSUME(GeneralizedIdentifierPart);
              let last = first;
              this.MANY(() => {
                const part = this.CONSUME2(GeneralizedIdentifierPart);
                if (!this.RECORDING_PHASE) this.checkBlanksBetween(last, part);
                last = part;
              });
              if (this.RECORDING_PHASE) return undefined as never;
              return this.generalizedIdentifier(first, last);
            },
          },
        ],
        ERR_MSG: 'a field name',
      }),
    { recoveryValueFunc: () => this.invalidIdentifier() },
  );

  // -------------------------------------------------------------------------------------------
  // Lookahead decisions
  // -------------------------------------------------------------------------------------------

  /**
   * Whether a function expression starts here: `(` and a parameter list, then `)` and `=>`, or `)`,
   * `as`, a type and `=>`.
   */
  private isFunctionExpressionAhead(): boolean {
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

  private isErrorHandlerAhead(): boolean {
    const next = this.LA(1);
    if (next.tokenType === Otherwise) return true;
    return (
      next.tokenType === IdentifierToken &&
      next.image === 'catch' &&
      this.LA(2).tokenType === LParen
    );
  }

  private isContextualKeywordBeforeName(word: string, at = 1): boolean {
    const next = this.LA(at);
    if (next.tokenType !== IdentifierToken || next.image !== word) return false;
    const after = this.LA(at + 1).tokenType;
    return after === IdentifierToken || after === QuotedIdentifier;
  }

  private isContextualKeywordBeforeFieldName(word: string): boolean {
    const next = this.LA(1);
    if (next.tokenType !== IdentifierToken || next.image !== word) return false;
    const after = this.LA(2);
    return after.tokenType === QuotedIdentifier || tokenMatcher(after, GeneralizedIdentifierPart);
  }

  private isTableTypeAhead(): boolean {
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

  private isFunctionTypeAhead(): boolean {
    const next = this.LA(1);
    return (
      next.tokenType === IdentifierToken &&
      next.image === 'function' &&
      this.LA(2).tokenType === LParen
    );
  }

  private isPrimaryTypeAhead(): boolean {
    const next = this.LA(1);
    const type = next.tokenType;
    if (type === LBracket || type === LBrace || type === Type || type === Null) return true;
    if (type !== IdentifierToken) return false;
    return next.image === 'nullable' || isPrimitiveTypeName(next.image);
  }

  // -------------------------------------------------------------------------------------------
  // Node helpers
  // -------------------------------------------------------------------------------------------

  private enter(): void {
    if (this.RECORDING_PHASE) return;
    if (++this.depth > MAX_NESTING_DEPTH) {
      throw new NestingTooDeepError(this.LA(1));
    }
  }

  private literal(token: IToken): Expression {
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

  private identifierOrSectionAccess(
    token: IToken,
    member: Identifier | undefined,
    start: IToken,
  ): Expression {
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
      span: this.spanFrom(start),
    };
  }

  private identifierFromToken(token: IToken): Identifier {
    const quoted = token.tokenType === QuotedIdentifier;
    return {
      kind: 'Identifier',
      name: quoted ? (token.payload as string) : token.image,
      quoted,
      span: this.tokenSpan(token),
    };
  }

  private generalizedIdentifier(first: IToken, last: IToken): Identifier {
    const span = spanFromTo(this.tokenSpan(first), this.tokenSpan(last));
    const name = first === last ? first.image : this.text.slice(span.offset, span.end);
    return { kind: 'Identifier', name, quoted: false, span };
  }

  /** Between the words of a generalized identifier there may be only blanks (U+0020). */
  private checkBlanksBetween(previous: IToken, next: IToken): void {
    const from = (previous.endOffset as number) + 1;
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
  private buildBinary(first: Expression, base: number): Expression {
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

  private combine(left: Operand, operator: IToken, right: Operand): Expression {
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
  private checkNotFunction(operand: Expression, operator: IToken | string): void {
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

  private checkUnique(names: readonly Identifier[], what: string, where: string): void {
    if (names.length < 2) return;
    const seen = new Set<string>();
    for (const name of names) {
      if (name.name === '' && name.span.offset === name.span.end) continue;
      if (seen.has(name.name)) {
        this.report(
          'PQSDK_PARSE_DUPLICATE_NAME',
          `the ${what} name \`${truncate(name.name)}\` is defined more than once in this ${where}`,
          name.span,
        );
      }
      seen.add(name.name);
    }
  }

  private checkParameters(parameters: readonly (Parameter | ParameterSpecification)[]): void {
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
    this.checkUnique(
      parameters.map((parameter) => parameter.name),
      'parameter',
      'function',
    );
  }

  private report(code: DiagnosticCode, message: string, span: Span): void {
    this.diagnostics.push({ code, message, severity: 'error', span });
  }

  // -------------------------------------------------------------------------------------------
  // Spans
  // -------------------------------------------------------------------------------------------

  private tokenSpan(token: IToken): Span {
    if (Number.isNaN(token.startOffset)) return this.eofSpan();
    const end = (token.endOffset as number) + 1;
    if (endsWithLineBreak(this.text, end) && this.lineMap !== undefined) {
      return this.lineMap.span(token.startOffset, end);
    }
    return {
      offset: token.startOffset,
      end: (token.endOffset as number) + 1,
      line: token.startLine as number,
      column: token.startColumn as number,
      endLine: token.endLine as number,
      endColumn: (token.endColumn as number) + 1,
    };
  }

  private tokenSpanOrEnd(token: IToken | undefined): Span {
    return token === undefined ? this.eofSpan() : this.tokenSpan(token);
  }

  /** The span of the last token consumed. */
  private lastSpan(): Span {
    return this.tokenSpan(this.LA(0));
  }

  /** From the start of `start` to the end of the last token consumed. */
  private spanFrom(start: IToken): Span {
    const last = this.LA(0);
    if (
      Number.isNaN(start.startOffset) ||
      Number.isNaN(last.startOffset) ||
      last.startOffset < start.startOffset ||
      endsWithLineBreak(this.text, (last.endOffset as number) + 1)
    ) {
      return this.slowSpanFrom(start, last);
    }
    return {
      offset: start.startOffset,
      end: (last.endOffset as number) + 1,
      line: start.startLine as number,
      column: start.startColumn as number,
      endLine: last.endLine as number,
      endColumn: (last.endColumn as number) + 1,
    };
  }

  private slowSpanFrom(start: IToken, last: IToken): Span {
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

  private spanFromSpan(start: Span): Span {
    const last = this.LA(0);
    if (Number.isNaN(last.startOffset) || last.startOffset < start.offset) return start;
    if (endsWithLineBreak(this.text, (last.endOffset as number) + 1)) {
      return spanFromTo(start, this.tokenSpan(last));
    }
    return {
      offset: start.offset,
      end: (last.endOffset as number) + 1,
      line: start.line,
      column: start.column,
      endLine: last.endLine as number,
      endColumn: (last.endColumn as number) + 1,
    };
  }

  private eofSpan(): Span {
    const end = this.text.length;
    return this.lineMap === undefined
      ? { offset: end, end, line: 1, column: end + 1, endLine: 1, endColumn: end + 1 }
      : this.lineMap.span(end, end);
  }

  private invalidExpression(token: IToken | undefined): InvalidExpression {
    return { kind: 'InvalidExpression', span: this.tokenSpanOrEnd(token) };
  }

  private invalidAt(span: Span): InvalidExpression {
    return { kind: 'InvalidExpression', span };
  }

  private invalidIdentifier(): Identifier {
    const span = this.eofSpan();
    return { kind: 'Identifier', name: '', quoted: false, span: { ...span } };
  }

  private invalidPrimitiveType(token: IToken | undefined): PrimitiveType {
    return { kind: 'PrimitiveType', name: 'any', span: this.tokenSpanOrEnd(token) };
  }

  private invalidPrimitiveAt(span: Span): PrimitiveType {
    return { kind: 'PrimitiveType', name: 'any', span };
  }

  private emptyRecord(token: IToken | undefined): RecordExpression {
    return { kind: 'RecordExpression', fields: [], span: this.tokenSpanOrEnd(token) };
  }
}

/** Whether the character before `end` ends a line (only an unterminated text token can end so). */
function endsWithLineBreak(text: string, end: number): boolean {
  const code = text.charCodeAt(end - 1);
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

function isTypeOperand(operand: Operand): operand is NullablePrimitiveType {
  return operand.kind === 'PrimitiveType' || operand.kind === 'NullableType';
}

function typeText(type: NullablePrimitiveType): string {
  return type.kind === 'PrimitiveType' ? type.name : `nullable ${type.type.name}`;
}

/** The value of a number literal's text. */
export function numberValue(text: string): number {
  if (text.length > 2 && (text[1] === 'x' || text[1] === 'X')) {
    return Number.parseInt(text.slice(2), 16);
  }
  return Number(text);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

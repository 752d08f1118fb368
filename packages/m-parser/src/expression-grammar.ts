import type {
  CatchClause,
  Expression,
  FunctionExpression,
  LetExpression,
  OtherwiseClause,
  Parameter,
  UnaryOperator,
  VariableDefinition,
} from '@pqsdk/m-ast';
import { spanFromTo } from '@pqsdk/m-ast';
import { type IOrAlt, type IToken, type OrMethodOpts } from 'chevrotain';
import { PrimaryGrammar } from './primary-grammar.js';
import { MAX_NESTING_DEPTH, NestingTooDeepError, truncate } from './grammar-base.js';
import {
  As,
  BinaryOperatorToken,
  Comma,
  Each,
  Else,
  Equal,
  ErrorKeyword,
  FatArrow,
  Identifier as IdentifierToken,
  If,
  In,
  Let,
  LParen,
  Otherwise,
  RParen,
  Then,
  Try,
  Type,
  TypeOperatorToken,
  UnaryOperatorToken,
} from './tokens.js';

/**
 * The grammar of expressions: the expression-level constructs (`let`, `each`, `if`, `error`, `try`,
 * functions) and binary expressions, whose operators are read flat and ordered by precedence.
 */
export abstract class ExpressionGrammar extends PrimaryGrammar {
  // -------------------------------------------------------------------------------------------
  // Expressions
  // -------------------------------------------------------------------------------------------

  readonly expression = this.RULE(
    'expression',
    (): Expression => {
      this.enter();
      try {
        return this.OR(this.expressionChoice);
      } finally {
        if (!this.RECORDING_PHASE) this.depth--;
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  // The alternatives and loop bodies of the hot rules are made once, here: written inline, an `OR`
  // allocates its array of alternatives and their closures on every call.

  private readonly expressionChoice: OrMethodOpts<Expression> = {
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
  };

  readonly binaryExpression = this.RULE(
    'binaryExpression',
    (): Expression => {
      const first = this.readOperand(1);
      const base = this.operatorStack.length;
      try {
        this.MANY(this.binaryTail);
        if (this.RECORDING_PHASE || this.operatorStack.length === base) return first;
        return this.buildBinary(first, base);
      } finally {
        truncate(this.operatorStack, base);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  /** One operator and its right operand, pushed on the operator stack. */
  protected readonly binaryTail = (): void => {
    this.OR(this.binaryTailChoice);
  };

  private readonly binaryTailChoice: IOrAlt<void>[] = [
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
  ];

  /**
   * An operand of a binary expression: unary operators, then `type` and a primary type, or a primary
   * expression. It is read inline (with the DSL occurrence `occurrence`, 1 or 2) rather than as a
   * rule, which saves a rule call and stack depth for every operand.
   */
  protected readOperand(occurrence: 1 | 2): Expression {
    const base = this.unaryStack.length;
    this.many(occurrence, occurrence === 1 ? this.unaryLoop1 : this.unaryLoop2);
    const count = this.unaryStack.length - base;
    if (!this.RECORDING_PHASE) {
      this.depth += count;
      if (this.depth > MAX_NESTING_DEPTH) throw new NestingTooDeepError(this.LA(1));
    }
    try {
      const inner = this.or<Expression>(
        occurrence,
        occurrence === 1 ? this.operandChoice1 : this.operandChoice2,
      );
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
      truncate(this.unaryStack, base);
    }
  }

  private readonly unaryLoop1 = (): void => {
    this.unaryStack.push(this.consume(1, UnaryOperatorToken));
  };

  private readonly unaryLoop2 = (): void => {
    this.unaryStack.push(this.consume(2, UnaryOperatorToken));
  };

  private readonly operandChoice1 = this.operandChoice(1);
  private readonly operandChoice2 = this.operandChoice(2);

  protected operandChoice(occurrence: 1 | 2): OrMethodOpts<Expression> {
    return {
      DEF: [
        {
          ALT: () => {
            const start = this.consume(occurrence, Type);
            const type = this.subrule(occurrence, this.primaryType);
            if (this.RECORDING_PHASE) return undefined as never;
            return { kind: 'TypeExpression', type, span: this.spanFrom(start) };
          },
        },
        { ALT: () => this.subrule(occurrence, this.primaryExpression) },
      ],
      ERR_MSG: 'an expression',
    };
  }

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
        this.checkUnique(variables, 'variable', 'let expression');
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
}

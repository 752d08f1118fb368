import type {
  Expression,
  FieldDefinition,
  FunctionExpression,
  Identifier,
  ListExpression,
  ListItem,
} from '@pqsdk/m-ast';
import { spanFromTo } from '@pqsdk/m-ast';
import { type IOrAlt, type IToken, type OrMethodOpts, type ParserMethod } from 'chevrotain';
import { TypeGrammar } from './type-grammar.js';
import { truncate } from './grammar-base.js';
import {
  At,
  Bang,
  Comma,
  DotDot,
  Ellipsis,
  Equal,
  HashIdentifier,
  Identifier as IdentifierToken,
  LBrace,
  LBracket,
  LiteralToken,
  LParen,
  Question,
  QuotedIdentifier,
  RBrace,
  RBracket,
  RParen,
} from './tokens.js';

/**
 * The grammar of primary expressions: literals, names, section access, parentheses, lists,
 * records, implicit field access, and the invoke, item access and field access suffixes.
 */
export abstract class PrimaryGrammar extends TypeGrammar {
  /** Defined by `ExpressionGrammar`. */
  abstract readonly expression: ParserMethod<[], Expression>;
  /** Defined by `ExpressionGrammar`; chosen here, where an opening parenthesis is seen. */
  abstract readonly functionExpression: ParserMethod<[], FunctionExpression>;

  readonly primaryExpression = this.RULE(
    'primaryExpression',
    (): Expression => {
      const head = this.OR(this.primaryChoice);
      const depth = this.depth;
      this.suffixTarget = head;
      try {
        this.MANY(this.suffixLoop);
        return this.RECORDING_PHASE ? head : this.suffixTarget;
      } finally {
        if (!this.RECORDING_PHASE) this.depth = depth;
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  private readonly primaryChoice: OrMethodOpts<Expression> = {
    DEF: [
      { ALT: () => this.literal(this.CONSUME(LiteralToken)) },
      {
        ALT: () => {
          const token = this.CONSUME(IdentifierToken);
          return this.identifierOrSectionAccess(token, this.OPTION(this.sectionMemberAfterName));
        },
      },
      {
        ALT: () => {
          const token = this.CONSUME(QuotedIdentifier);
          return this.identifierOrSectionAccess(
            token,
            this.OPTION2(this.sectionMemberAfterQuotedName),
          );
        },
      },
      {
        ALT: () => {
          const start = this.CONSUME(At);
          const name = this.SUBRULE3(this.identifierName);
          if (this.RECORDING_PHASE) return undefined as never;
          return {
            kind: 'IdentifierExpression',
            name: name.name,
            quoted: name.quoted,
            inclusive: true,
            span: this.spanFrom(start),
          };
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
          };
        },
      },
      { ALT: () => this.SUBRULE(this.parenthesizedOrFunction) },
      { ALT: () => this.SUBRULE(this.listExpression) },
      { ALT: () => this.SUBRULE(this.bracketExpression) },
      {
        ALT: () => {
          const token = this.CONSUME(Ellipsis);
          if (this.RECORDING_PHASE) return undefined as never;
          return { kind: 'NotImplementedExpression', span: this.tokenSpan(token) };
        },
      },
    ],
    ERR_MSG: 'an expression',
  };

  protected readonly sectionMemberAfterName = (): Identifier => {
    this.CONSUME(Bang);
    return this.SUBRULE(this.identifierName);
  };

  protected readonly sectionMemberAfterQuotedName = (): Identifier => {
    this.CONSUME2(Bang);
    return this.SUBRULE2(this.identifierName);
  };

  /**
   * The expression that the next access suffix applies to: set before a suffix rule is called, read
   * by it first thing, and replaced by its result.
   */
  protected suffixTarget: Expression | undefined;

  private readonly suffixLoop = (): void => {
    this.enter();
    this.suffixTarget = this.OR2(this.suffixChoice);
  };

  private readonly suffixChoice: IOrAlt<Expression>[] = [
    { ALT: () => this.SUBRULE(this.invokeSuffix) },
    { ALT: () => this.SUBRULE(this.itemAccessSuffix) },
    { ALT: () => this.SUBRULE(this.fieldSuffix) },
  ];

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
    (): Expression => {
      const target = this.suffixTarget as Expression;
      const depth = this.openerTokens.length;
      const base = this.items.length;
      try {
        const open = this.CONSUME(LParen);
        this.open(open, '(');
        this.OPTION(this.invokeArguments);
        this.CONSUME(RParen);
        if (this.RECORDING_PHASE) return undefined as never;
        return {
          kind: 'InvokeExpression',
          target,
          arguments: this.items.slice(base) as Expression[],
          span: this.spanFromSpan(target.span),
        };
      } finally {
        this.closeTo(depth);
        truncate(this.items, base);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  protected readonly invokeArguments = (): void => {
    this.items.push(this.SUBRULE(this.expression));
    this.MANY(this.invokeMoreArguments);
  };

  protected readonly invokeMoreArguments = (): void => {
    this.CONSUME(Comma);
    this.items.push(this.SUBRULE2(this.expression));
  };

  readonly itemAccessSuffix = this.RULE(
    'itemAccessSuffix',
    (): Expression => {
      const target = this.suffixTarget as Expression;
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBrace);
        this.open(open, '{');
        const selector = this.SUBRULE(this.expression);
        this.CONSUME(RBrace);
        this.closeTo(depth);
        const optional = this.OPTION(this.itemQuestionMark) !== undefined;
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

  protected readonly itemQuestionMark = (): IToken => this.CONSUME(Question);

  /** `[name]`, `[name]?`, `[[a], [b]]` or `[[a], [b]]?` after a target. */
  readonly fieldSuffix = this.RULE(
    'fieldSuffix',
    (): Expression => {
      const target = this.suffixTarget as Expression;
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBracket);
        this.open(open, '[');
        const selected = this.OR(this.fieldSelectorChoice);
        this.CONSUME(RBracket);
        this.closeTo(depth);
        const optional = this.OPTION(this.fieldQuestionMark) !== undefined;
        if (this.RECORDING_PHASE) return undefined as never;
        const span = this.spanFromSpan(target.span);
        return Array.isArray(selected)
          ? { kind: 'FieldProjectionExpression', target, fields: selected, optional, span }
          : { kind: 'FieldAccessExpression', target, field: selected, optional, span };
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  private readonly fieldSelectorChoice: IOrAlt<Identifier | Identifier[]>[] = [
    { ALT: () => this.SUBRULE(this.projectionFields) },
    { ALT: () => this.SUBRULE(this.fieldName) },
  ];

  protected readonly fieldQuestionMark = (): IToken => this.CONSUME(Question);

  /** `[a], [b], …` inside a projection's brackets. */
  readonly projectionFields = this.RULE(
    'projectionFields',
    (): Identifier[] => {
      const base = this.items.length;
      try {
        this.AT_LEAST_ONE_SEP(this.projectionFieldsLoop);
        if (this.RECORDING_PHASE) return [];
        const fields = this.items.slice(base) as Identifier[];
        this.checkUnique(fields, 'field', 'projection');
        return fields;
      } finally {
        truncate(this.items, base);
      }
    },
    { recoveryValueFunc: () => [] },
  );

  private readonly projectionFieldsLoop = {
    SEP: Comma,
    DEF: (): void => {
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBracket);
        this.open(open, '[');
        this.items.push(this.SUBRULE(this.fieldName));
        this.CONSUME(RBracket);
      } finally {
        this.closeTo(depth);
      }
    },
  };

  /** What starts with `[` where an expression starts: a record, or an implicit field access or projection. */
  readonly bracketExpression = this.RULE(
    'bracketExpression',
    (): Expression => {
      const depth = this.openerTokens.length;
      try {
        const open = this.CONSUME(LBracket);
        this.open(open, '[');
        this.bracketStart = open;
        return this.OR(this.bracketChoice);
      } finally {
        this.closeTo(depth);
      }
    },
    { recoveryValueFunc: (error) => this.invalidExpression(error.token) },
  );

  /**
   * The `[` of the bracket expression being read, and the first field name read after it: set just
   * before the alternative that reads them is chosen, and read by it before anything nested can
   * change them.
   */
  protected bracketStart: IToken | undefined;
  protected pendingName: Identifier | undefined;

  private readonly bracketChoice: IOrAlt<Expression>[] = [
    {
      ALT: () => {
        const start = this.bracketStart as IToken;
        this.CONSUME(RBracket);
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'RecordExpression', fields: [], span: this.spanFrom(start) };
      },
    },
    {
      ALT: () => {
        const start = this.bracketStart as IToken;
        const fields = this.SUBRULE(this.projectionFields);
        this.CONSUME2(RBracket);
        this.closeTo(this.openerTokens.length - 1);
        const optional = this.OPTION(this.bracketProjectionQuestionMark) !== undefined;
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'FieldProjectionExpression', fields, optional, span: this.spanFrom(start) };
      },
    },
    {
      ALT: () => {
        this.pendingName = this.SUBRULE(this.fieldName);
        return this.OR2(this.afterFieldNameChoice);
      },
    },
  ];

  protected readonly bracketProjectionQuestionMark = (): IToken => this.CONSUME(Question);
  protected readonly bracketFieldQuestionMark = (): IToken => this.CONSUME2(Question);

  private readonly afterFieldNameChoice: IOrAlt<Expression>[] = [
    {
      // `[name = value, …]`: a record.
      ALT: () => {
        const start = this.bracketStart as IToken;
        const name = this.pendingName as Identifier;
        const base = this.items.length;
        try {
          this.openAt(this.RECORDING_PHASE ? undefined : name.span, 'field', name.name);
          this.CONSUME(Equal);
          const value = this.SUBRULE(this.expression);
          this.closeTo(this.openerTokens.length - 1);
          if (!this.RECORDING_PHASE) {
            const span = spanFromTo(name.span, this.lastSpan());
            this.items.push({ kind: 'FieldDefinition', name, value, span });
          }
          this.MANY(this.moreRecordFields);
          this.CONSUME3(RBracket);
          if (this.RECORDING_PHASE) return undefined as never;
          const fields = this.items.slice(base) as FieldDefinition[];
          this.checkUnique(fields, 'field', 'record');
          return { kind: 'RecordExpression', fields, span: this.spanFrom(start) };
        } finally {
          truncate(this.items, base);
        }
      },
    },
    {
      // `[name]`: the field of `_`.
      ALT: () => {
        const start = this.bracketStart as IToken;
        const name = this.pendingName as Identifier;
        this.CONSUME4(RBracket);
        this.closeTo(this.openerTokens.length - 1);
        const optional = this.OPTION2(this.bracketFieldQuestionMark) !== undefined;
        if (this.RECORDING_PHASE) return undefined as never;
        return { kind: 'FieldAccessExpression', field: name, optional, span: this.spanFrom(start) };
      },
    },
  ];

  protected readonly moreRecordFields = (): void => {
    this.CONSUME(Comma);
    this.items.push(this.SUBRULE(this.fieldDefinition));
  };

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
      const base = this.items.length;
      try {
        const open = this.CONSUME(LBrace);
        this.open(open, '{');
        this.OPTION(this.listItems);
        this.CONSUME(RBrace);
        if (this.RECORDING_PHASE) return undefined as never;
        return {
          kind: 'ListExpression',
          items: this.items.slice(base) as ListItem[],
          span: this.spanFrom(start),
        };
      } finally {
        this.closeTo(depth);
        truncate(this.items, base);
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

  protected readonly listItems = (): void => {
    this.items.push(this.SUBRULE(this.listItem));
    this.MANY(this.moreListItems);
  };

  protected readonly moreListItems = (): void => {
    this.CONSUME(Comma);
    this.items.push(this.SUBRULE2(this.listItem));
  };

  readonly listItem = this.RULE(
    'listItem',
    (): ListItem => {
      const first = this.SUBRULE(this.expression);
      const end = this.OPTION(this.rangeEnd);
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

  protected readonly rangeEnd = (): Expression => {
    this.CONSUME(DotDot);
    return this.SUBRULE2(this.expression);
  };
}

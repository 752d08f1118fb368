import type {
  Expression,
  ExpressionDocument,
  FieldDefinition,
  ListExpression,
  RecordExpression,
  SectionDocument,
  SectionMember,
} from '@pqsdk/m-ast';
import { ExpressionGrammar } from './expression-grammar.js';
import {
  Comma,
  Equal,
  LBrace,
  LBracket,
  LiteralToken,
  RBrace,
  RBracket,
  Section,
  Semicolon,
  Shared,
} from './tokens.js';

/**
 * The M grammar (specification, "Consolidated grammar") as a chevrotain parser with embedded
 * actions: section documents, expression documents and literal attributes, on top of the expression
 * and type grammars.
 */
export class MParser extends ExpressionGrammar {
  constructor(options: { recovery: boolean; validate?: boolean }) {
    super(options);
    this.performSelfAnalysis();
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
        this.checkUnique(members, 'member', 'section');
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
        this.checkUnique(fields, 'field', 'record');
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
}

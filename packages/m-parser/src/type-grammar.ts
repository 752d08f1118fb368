import type {
  Expression,
  FieldSpecification,
  FunctionType,
  Identifier,
  ListType,
  NullablePrimitiveType,
  ParameterSpecification,
  PrimaryType,
  PrimitiveType,
  RecordType,
  TableType,
  TypeNode,
} from '@pqsdk/m-ast';
import { isPrimitiveTypeName } from '@pqsdk/m-ast';
import { tokenMatcher, type ParserMethod } from 'chevrotain';
import { GrammarBase } from './grammar-base.js';
import {
  As,
  Comma,
  Ellipsis,
  Equal,
  GeneralizedIdentifierPart,
  Identifier as IdentifierToken,
  LBrace,
  LBracket,
  LParen,
  Null,
  QuotedIdentifier,
  RBrace,
  RBracket,
  RParen,
  Type,
} from './tokens.js';

/**
 * The grammar of types (`type table [A = number]`, `nullable`, function and list types, and the
 * primitive types that `as`, `is` and parameters take) and of names: identifiers and field names.
 */
export abstract class TypeGrammar extends GrammarBase {
  /** Defined by `PrimaryGrammar`: a type position may hold a primary expression. */
  abstract readonly primaryExpression: ParserMethod<[], Expression>;

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
        this.checkUnique(fields, 'field', 'record type');
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
}

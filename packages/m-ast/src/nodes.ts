import type { Span } from './span.js';

/**
 * The M abstract syntax tree. Every node is a plain, immutable object with a string `kind` (a
 * discriminated union) and a `span`. Names follow the M language specification's grammar.
 */

/** Fields every node has. */
export interface NodeBase {
  readonly kind: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

/** A whole parsed text: a section document or an expression document. */
export type Document = SectionDocument | ExpressionDocument;

/** `[attributes] section Name; members…` */
export interface SectionDocument extends NodeBase {
  readonly kind: 'SectionDocument';
  /** The literal attributes before `section`, such as `[Version = "1.0.0"]`. */
  readonly attributes?: RecordExpression;
  readonly name: Identifier;
  readonly members: readonly SectionMember[];
}

/** `[attributes] shared Name = expression;` */
export interface SectionMember extends NodeBase {
  readonly kind: 'SectionMember';
  /** The literal attributes, such as `[DataSource.Kind = "X", Publish = "X.Publish"]`. */
  readonly attributes?: RecordExpression;
  readonly shared: boolean;
  readonly name: Identifier;
  readonly value: Expression;
}

/** A document that is a single expression. */
export interface ExpressionDocument extends NodeBase {
  readonly kind: 'ExpressionDocument';
  readonly expression: Expression;
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/**
 * A name: a section, member, variable, parameter or field name. `name` is the decoded name
 * (`#"A B"` has the name `A B`); `quoted` says whether the source wrote it as a quoted identifier.
 */
export interface Identifier extends NodeBase {
  readonly kind: 'Identifier';
  readonly name: string;
  readonly quoted: boolean;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

/** Any M expression. */
export type Expression =
  | NumberLiteral
  | TextLiteral
  | LogicalLiteral
  | NullLiteral
  | VerbatimLiteral
  | IdentifierExpression
  | SectionAccessExpression
  | ParenthesizedExpression
  | NotImplementedExpression
  | InvokeExpression
  | ListExpression
  | RecordExpression
  | ItemAccessExpression
  | FieldAccessExpression
  | FieldProjectionExpression
  | FunctionExpression
  | EachExpression
  | LetExpression
  | IfExpression
  | TypeExpression
  | UnaryExpression
  | BinaryExpression
  | AsExpression
  | IsExpression
  | ErrorRaisingExpression
  | ErrorHandlingExpression
  | InvalidExpression;

/** A number literal: decimal (`1`, `1.5`, `.5`, `1e-3`), hexadecimal (`0xff`), `#infinity` or `#nan`. */
export interface NumberLiteral extends NodeBase {
  readonly kind: 'NumberLiteral';
  readonly value: number;
  /** The literal as written in the source, such as `0xFF` or `#nan`. */
  readonly text: string;
}

/** A text literal. `value` is the decoded text (escapes and `""` resolved). */
export interface TextLiteral extends NodeBase {
  readonly kind: 'TextLiteral';
  readonly value: string;
}

/** `true` or `false`. */
export interface LogicalLiteral extends NodeBase {
  readonly kind: 'LogicalLiteral';
  readonly value: boolean;
}

/** `null`. */
export interface NullLiteral extends NodeBase {
  readonly kind: 'NullLiteral';
}

/**
 * `#!"…"`: text the Power Query editor keeps verbatim because it could not be parsed. `text` is the
 * decoded content.
 */
export interface VerbatimLiteral extends NodeBase {
  readonly kind: 'VerbatimLiteral';
  readonly text: string;
}

/**
 * A reference to a name: `x`, `Table.AddColumn`, `#"A B"`, `@fib` (inclusive), or one of the hash
 * keywords that name library values (`#table`, `#date`, `#shared`, …).
 */
export interface IdentifierExpression extends NodeBase {
  readonly kind: 'IdentifierExpression';
  readonly name: string;
  readonly quoted: boolean;
  /** Written with `@`: the reference may see the variable that is being defined. */
  readonly inclusive: boolean;
}

/** `Section!Member`. */
export interface SectionAccessExpression extends NodeBase {
  readonly kind: 'SectionAccessExpression';
  readonly section: Identifier;
  readonly member: Identifier;
}

/** `( expression )`. */
export interface ParenthesizedExpression extends NodeBase {
  readonly kind: 'ParenthesizedExpression';
  readonly expression: Expression;
}

/** `...`: raises a "Not Implemented" error when evaluated. */
export interface NotImplementedExpression extends NodeBase {
  readonly kind: 'NotImplementedExpression';
}

/** `target(arguments…)`. */
export interface InvokeExpression extends NodeBase {
  readonly kind: 'InvokeExpression';
  readonly target: Expression;
  readonly arguments: readonly Expression[];
}

/** `{ item, start..end, … }`. */
export interface ListExpression extends NodeBase {
  readonly kind: 'ListExpression';
  readonly items: readonly ListItem[];
}

/** One item of a list expression. */
export type ListItem = Expression | RangeExpression;

/** `start..end` inside a list expression. */
export interface RangeExpression extends NodeBase {
  readonly kind: 'RangeExpression';
  readonly start: Expression;
  readonly end: Expression;
}

/** `[ name = value, … ]`. */
export interface RecordExpression extends NodeBase {
  readonly kind: 'RecordExpression';
  readonly fields: readonly FieldDefinition[];
}

/** `name = value` in a record expression or literal attributes. */
export interface FieldDefinition extends NodeBase {
  readonly kind: 'FieldDefinition';
  readonly name: Identifier;
  readonly value: Expression;
}

/** `target{selector}` or `target{selector}?`. */
export interface ItemAccessExpression extends NodeBase {
  readonly kind: 'ItemAccessExpression';
  readonly target: Expression;
  readonly selector: Expression;
  readonly optional: boolean;
}

/**
 * `target[field]`, `target[field]?`, or, without a target, the implicit form `[field]` that reads
 * the field of `_`.
 */
export interface FieldAccessExpression extends NodeBase {
  readonly kind: 'FieldAccessExpression';
  readonly target?: Expression;
  readonly field: Identifier;
  readonly optional: boolean;
}

/** `target[[a], [b]]`, with `?` for optional, or the implicit form `[[a], [b]]` on `_`. */
export interface FieldProjectionExpression extends NodeBase {
  readonly kind: 'FieldProjectionExpression';
  readonly target?: Expression;
  readonly fields: readonly Identifier[];
  readonly optional: boolean;
}

/** `(parameters) as type => body`. */
export interface FunctionExpression extends NodeBase {
  readonly kind: 'FunctionExpression';
  readonly parameters: readonly Parameter[];
  readonly returnType?: NullablePrimitiveType;
  readonly body: Expression;
}

/** A parameter of a function expression: `optional name as nullable type`. */
export interface Parameter extends NodeBase {
  readonly kind: 'Parameter';
  readonly name: Identifier;
  readonly optional: boolean;
  readonly type?: NullablePrimitiveType;
}

/** `each body`: a function of one parameter named `_`. */
export interface EachExpression extends NodeBase {
  readonly kind: 'EachExpression';
  readonly body: Expression;
}

/** `let variables in body`. */
export interface LetExpression extends NodeBase {
  readonly kind: 'LetExpression';
  readonly variables: readonly VariableDefinition[];
  readonly body: Expression;
}

/** `name = value` in a let expression. */
export interface VariableDefinition extends NodeBase {
  readonly kind: 'VariableDefinition';
  readonly name: Identifier;
  readonly value: Expression;
}

/** `if condition then trueExpression else falseExpression`. */
export interface IfExpression extends NodeBase {
  readonly kind: 'IfExpression';
  readonly condition: Expression;
  readonly trueExpression: Expression;
  readonly falseExpression: Expression;
}

/** `type primary-type`: a type value. */
export interface TypeExpression extends NodeBase {
  readonly kind: 'TypeExpression';
  readonly type: PrimaryType;
}

/** The unary operators. */
export type UnaryOperator = '+' | '-' | 'not';

/** `+x`, `-x`, `not x`. */
export interface UnaryExpression extends NodeBase {
  readonly kind: 'UnaryExpression';
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

/** The binary operators, all left-associative. */
export type BinaryOperator =
  'meta' | '*' | '/' | '+' | '-' | '&' | '<' | '<=' | '>' | '>=' | '=' | '<>' | 'and' | 'or' | '??';

/** `left operator right`, for every binary operator (metadata, arithmetic, comparison, logical, coalesce). */
export interface BinaryExpression extends NodeBase {
  readonly kind: 'BinaryExpression';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** `expression as nullable-primitive-type`. */
export interface AsExpression extends NodeBase {
  readonly kind: 'AsExpression';
  readonly expression: Expression;
  readonly type: NullablePrimitiveType;
}

/** `expression is nullable-primitive-type`. */
export interface IsExpression extends NodeBase {
  readonly kind: 'IsExpression';
  readonly expression: Expression;
  readonly type: NullablePrimitiveType;
}

/** `error expression`. */
export interface ErrorRaisingExpression extends NodeBase {
  readonly kind: 'ErrorRaisingExpression';
  readonly expression: Expression;
}

/** `try protected`, `try protected otherwise default`, `try protected catch (e) => body`. */
export interface ErrorHandlingExpression extends NodeBase {
  readonly kind: 'ErrorHandlingExpression';
  readonly protectedExpression: Expression;
  readonly handler?: OtherwiseClause | CatchClause;
}

/** `otherwise default`. */
export interface OtherwiseClause extends NodeBase {
  readonly kind: 'OtherwiseClause';
  readonly expression: Expression;
}

/** `catch (parameter) => body`; the parameter is optional. */
export interface CatchClause extends NodeBase {
  readonly kind: 'CatchClause';
  readonly parameter?: Identifier;
  readonly body: Expression;
}

/**
 * Stands where the parser found no valid expression. It appears only in the tree of a text that had
 * syntax errors, so a consumer that checks `ok` never sees it.
 */
export interface InvalidExpression extends NodeBase {
  readonly kind: 'InvalidExpression';
}

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** The names of the primitive types. `action` is the type of actions in newer engines. */
export type PrimitiveTypeName =
  | 'action'
  | 'any'
  | 'anynonnull'
  | 'binary'
  | 'date'
  | 'datetime'
  | 'datetimezone'
  | 'duration'
  | 'function'
  | 'list'
  | 'logical'
  | 'none'
  | 'null'
  | 'number'
  | 'record'
  | 'table'
  | 'text'
  | 'time'
  | 'type';

/** A primitive type such as `number`. */
export interface PrimitiveType extends NodeBase {
  readonly kind: 'PrimitiveType';
  readonly name: PrimitiveTypeName;
}

/** `nullable type`. */
export interface NullableType extends NodeBase {
  readonly kind: 'NullableType';
  readonly type: TypeNode;
}

/** A primitive type, or `nullable` and a primitive type: what `as`, `is` and parameters accept. */
export type NullablePrimitiveType = PrimitiveType | NullablePrimitive;

/** `nullable` and a primitive type. */
export interface NullablePrimitive extends NullableType {
  readonly type: PrimitiveType;
}

/** `[a = number, optional b, ...]`. */
export interface RecordType extends NodeBase {
  readonly kind: 'RecordType';
  readonly fields: readonly FieldSpecification[];
  /** Written with the open-record marker `...`. */
  readonly open: boolean;
}

/** `optional name = type` in a record or table type. */
export interface FieldSpecification extends NodeBase {
  readonly kind: 'FieldSpecification';
  readonly name: Identifier;
  readonly optional: boolean;
  readonly type?: TypeNode;
}

/** `{ item-type }`. */
export interface ListType extends NodeBase {
  readonly kind: 'ListType';
  readonly itemType: TypeNode;
}

/** `function (parameters) as return-type`. */
export interface FunctionType extends NodeBase {
  readonly kind: 'FunctionType';
  readonly parameters: readonly ParameterSpecification[];
  readonly returnType: TypeNode;
}

/** `optional name as type` in a function type. */
export interface ParameterSpecification extends NodeBase {
  readonly kind: 'ParameterSpecification';
  readonly name: Identifier;
  readonly optional: boolean;
  readonly type: TypeNode;
}

/** `table [columns]` or `table row-type-expression`. */
export interface TableType extends NodeBase {
  readonly kind: 'TableType';
  readonly rowType: RecordType | Expression;
}

/** What may follow the `type` keyword. */
export type PrimaryType =
  PrimitiveType | NullableType | RecordType | ListType | FunctionType | TableType;

/** Anything in a type position: a primary type, or a primary expression that computes a type. */
export type TypeNode = PrimaryType | Expression;

// ---------------------------------------------------------------------------------------------
// All nodes
// ---------------------------------------------------------------------------------------------

/** Every node kind of the tree. */
export type Node =
  | SectionDocument
  | SectionMember
  | ExpressionDocument
  | Identifier
  | Expression
  | RangeExpression
  | FieldDefinition
  | Parameter
  | VariableDefinition
  | OtherwiseClause
  | CatchClause
  | PrimitiveType
  | NullableType
  | RecordType
  | FieldSpecification
  | ListType
  | FunctionType
  | ParameterSpecification
  | TableType;

/** The `kind` strings of every node. */
export type NodeKind = Node['kind'];

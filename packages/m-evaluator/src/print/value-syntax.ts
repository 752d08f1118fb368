import type {
  Expression,
  FieldSpecification,
  Identifier,
  PrimaryType,
  RecordType,
  TypeNode,
} from '@pqsdk/m-ast';
import { EMPTY_SPAN, isGeneralizedIdentifier } from '@pqsdk/m-ast';
import { formatNumber } from '@pqsdk/m-parser';
import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { BinaryValue } from '../values/binary.js';
import { splitTicks } from '../values/calendar.js';
import { FunctionValue } from '../values/function.js';
import { ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { cell, TableValue } from '../values/table.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  TimeValue,
} from '../values/temporal.js';
import { TypeValue } from '../values/type.js';
import { AnnotatedValue, type Value } from '../values/value.js';
import { errorToRecord } from '../compile/error-values.js';

/**
 * Turns a value into the syntax of an M literal that evaluates to an equal value, in the style of the
 * real SDK's `.pqout` files: `#table(type table [A = number], {{1}})`, `[a = 1]`, `{1, 2}`,
 * `#date(2024, 1, 31)`, `#duration(1, 2, 3, 4)`. The syntax is then written by the parser's printer,
 * so quoting and precedence follow the language exactly.
 */

const span = EMPTY_SPAN;
/** Values nested deeper than this are cyclic, or too deep to write. */
const MAX_DEPTH = 200;
const TOO_DEEP = 'The value is nested too deeply to be written (it may be cyclic).';

function id(name: string): Identifier {
  return { kind: 'Identifier', name, quoted: false, span };
}

/**
 * A field name, quoted unless the specification's generalized-identifier grammar allows it bare:
 * `[#"10" = 1]` rather than `[10 = 1]`, which some M parsers accept and others refuse.
 */
function fieldId(name: string): Identifier {
  return { kind: 'Identifier', name, quoted: !isGeneralizedIdentifier(name), span };
}

function ref(name: string): Expression {
  return { kind: 'IdentifierExpression', name, quoted: false, inclusive: false, span };
}

function num(value: number): Expression {
  return { kind: 'NumberLiteral', value, text: formatNumber(value), span };
}

function call(name: string, args: Expression[]): Expression {
  return { kind: 'InvokeExpression', target: ref(name), arguments: args, span };
}

function seconds(ticks: number): number {
  return ticks / 10_000_000;
}

/** The year, month, day, hour, minute and second arguments of `#datetime` for a day and its ticks. */
function dateTimeArguments(days: number, ticks: number): Expression[] {
  const { year, month, day } = new DateValue(days).civil;
  const { hour, minute, second, fraction } = splitTicks(ticks);
  return [num(year), num(month), num(day), num(hour), num(minute), num(second + seconds(fraction))];
}

/** The syntax of a value. Computes what it needs (list items, record fields, table rows). */
export function valueSyntax(ctx: Context, value: Value, depth = 0): Expression {
  if (depth > MAX_DEPTH) {
    throw MError.expression(TOO_DEEP);
  }
  if (value === null) return { kind: 'NullLiteral', span };
  switch (typeof value) {
    case 'boolean':
      return { kind: 'LogicalLiteral', value, span };
    case 'number':
      return num(value);
    case 'string':
      return { kind: 'TextLiteral', value, span };
    default:
      break;
  }
  if (value instanceof AnnotatedValue) return valueSyntax(ctx, value.value, depth);
  if (value instanceof DateValue) {
    const { year, month, day } = value.civil;
    return call('#date', [num(year), num(month), num(day)]);
  }
  if (value instanceof TimeValue) {
    const { hour, minute, second, fraction } = splitTicks(value.ticks);
    return call('#time', [num(hour), num(minute), num(second + seconds(fraction))]);
  }
  if (value instanceof DateTimeValue) {
    return call('#datetime', dateTimeArguments(value.days, value.ticks));
  }
  if (value instanceof DateTimeZoneValue) {
    const offset = value.offsetMinutes;
    const sign = offset < 0 ? -1 : 1;
    const hours = sign * Math.floor(Math.abs(offset) / 60);
    const minutes = sign * (Math.abs(offset) % 60);
    return call('#datetimezone', [
      ...dateTimeArguments(value.days, value.ticks),
      num(hours),
      num(minutes),
    ]);
  }
  if (value instanceof DurationValue) return durationSyntax(value.ticks);
  if (value instanceof BinaryValue) {
    return call('#binary', [
      { kind: 'TextLiteral', value: Buffer.from(value.bytes).toString('base64'), span },
    ]);
  }
  if (value instanceof ListValue) return listSyntax(ctx, value, depth);
  if (value instanceof RecordValue) return recordSyntax(ctx, value, depth);
  if (value instanceof TableValue) return tableSyntax(ctx, value, depth);
  if (value instanceof TypeValue) return typeValueSyntax(value);
  if (value instanceof FunctionValue) return functionSyntax(value);
  return { kind: 'NullLiteral', span };
}

/**
 * A list whose items can be read one by one shows an error in the item that raised it and goes on;
 * a stream stops at its first error, as enumerating it does.
 */
function listSyntax(ctx: Context, value: ListValue, depth: number): Expression {
  const items: Expression[] = [];
  if (value.hasKnownCount) {
    const count = value.count(ctx);
    for (let index = 0; index < count; index++) {
      ctx.tick();
      items.push(slotSyntax(ctx, () => value.item(ctx, index) ?? null, depth));
    }
    return { kind: 'ListExpression', items, span };
  }
  const cursor = value.cursor(ctx);
  for (;;) {
    let more: boolean;
    try {
      more = cursor.next();
    } catch (error) {
      if (!(error instanceof MError)) throw error;
      items.push(errorSyntax(ctx, error, depth));
      break;
    }
    if (!more) break;
    items.push(valueSyntax(ctx, cursor.current, depth + 1));
  }
  return { kind: 'ListExpression', items, span };
}

function durationSyntax(ticks: bigint): Expression {
  const negative = ticks < 0n;
  const magnitude = negative ? -ticks : ticks;
  const dayTicks = 864_000_000_000n;
  const days = Number(magnitude / dayTicks);
  const { hour, minute, second, fraction } = splitTicks(Number(magnitude % dayTicks));
  const sign = negative ? -1 : 1;
  return call('#duration', [
    num(sign * days),
    num(sign * hour),
    num(sign * minute),
    num(sign * (second + seconds(fraction))),
  ]);
}

/** A value that raised an error, written so that it raises the same error when evaluated. */
function errorSyntax(ctx: Context, error: MError, depth: number): Expression {
  return {
    kind: 'ErrorRaisingExpression',
    expression: recordSyntax(ctx, errorToRecord(error), depth + 1),
    span,
  };
}

/**
 * The syntax of a field or item, or of the error it raised. A value too deep to write is not such
 * an error: it stops the whole writing (writing it as an error would nest deeper still, forever).
 */
function slotSyntax(ctx: Context, read: () => Value, depth: number): Expression {
  try {
    return valueSyntax(ctx, read(), depth + 1);
  } catch (error) {
    if (!(error instanceof MError) || error.mMessage === TOO_DEEP) throw error;
    return errorSyntax(ctx, error, depth);
  }
}

function recordSyntax(ctx: Context, record: RecordValue, depth: number): Expression {
  return {
    kind: 'RecordExpression',
    fields: record.names.map((name, index) => ({
      kind: 'FieldDefinition',
      name: fieldId(name),
      value: slotSyntax(ctx, () => record.at(index), depth),
      span,
    })),
    span,
  };
}

function tableSyntax(ctx: Context, table: TableValue, depth: number): Expression {
  const rows: Expression[] = [];
  const cursor = table.cursor(ctx);
  const width = table.columnCount;
  while (cursor.next()) {
    const row = cursor.current;
    const cells: Expression[] = [];
    for (let column = 0; column < width; column++) {
      cells.push(slotSyntax(ctx, () => cell(row, column), depth));
    }
    rows.push({ kind: 'ListExpression', items: cells, span });
  }
  return call('#table', [
    { kind: 'TypeExpression', type: primaryTypeSyntax(table.type.nonNullable()), span },
    { kind: 'ListExpression', items: rows, span },
  ]);
}

function functionSyntax(fn: FunctionValue): Expression {
  const name = fn.name;
  if (name !== undefined) return ref(name);
  const shape = fn.type.shape;
  const parameters = shape.kind === 'function' ? shape.parameters : [];
  return {
    kind: 'FunctionExpression',
    parameters: parameters.map((parameter) => ({
      kind: 'Parameter',
      name: id(parameter.name),
      optional: parameter.optional,
      span,
    })),
    body: { kind: 'NotImplementedExpression', span },
    span,
  };
}

/** The syntax of a type value as an expression: `type number`, or `Int64.Type` for a facet type. */
function typeValueSyntax(type: TypeValue): Expression {
  const facetName = type.facets?.typeName;
  if (facetName !== undefined) {
    return type.nullable
      ? { kind: 'TypeExpression', type: { kind: 'NullableType', type: ref(facetName), span }, span }
      : ref(facetName);
  }
  return { kind: 'TypeExpression', type: primaryTypeSyntax(type), span };
}

/** The syntax of a type in a type position: a facet type by its library name (`Int64.Type`). */
export function typeSyntax(type: TypeValue): TypeNode {
  const facetName = type.facets?.typeName;
  if (facetName === undefined) return primaryTypeSyntax(type);
  return type.nullable ? { kind: 'NullableType', type: ref(facetName), span } : ref(facetName);
}

/** The syntax of a type where a primary type is required (after `type`); facets are not written. */
export function primaryTypeSyntax(type: TypeValue): PrimaryType {
  const shape = type.shape;
  let inner: PrimaryType;
  switch (shape.kind) {
    case 'primitive':
      inner = { kind: 'PrimitiveType', name: shape.name, span };
      break;
    case 'list':
      inner = { kind: 'ListType', itemType: typeSyntax(shape.item), span };
      break;
    case 'record':
      inner = recordTypeSyntax(type);
      break;
    case 'table':
      inner = {
        kind: 'TableType',
        rowType:
          shape.row.shape.kind === 'record'
            ? recordTypeSyntax(shape.row)
            : typeValueSyntax(shape.row),
        span,
      };
      break;
    case 'function':
      inner = {
        kind: 'FunctionType',
        parameters: shape.parameters.map((parameter) => ({
          kind: 'ParameterSpecification',
          name: id(parameter.name),
          optional: parameter.optional,
          type: typeSyntax(parameter.type),
          span,
        })),
        returnType: typeSyntax(shape.returnType),
        span,
      };
      break;
  }
  return type.nullable && !type.isPrimitive('any') && !type.isPrimitive('null')
    ? { kind: 'NullableType', type: inner, span }
    : inner;
}

function recordTypeSyntax(type: TypeValue): RecordType {
  const shape = type.shape;
  const fields = shape.kind === 'record' ? shape.fields : [];
  return {
    kind: 'RecordType',
    fields: fields.map((field): FieldSpecification => ({
      kind: 'FieldSpecification',
      name: fieldId(field.name),
      optional: field.optional,
      type: typeSyntax(field.type),
      span,
    })),
    open: shape.kind === 'record' && shape.open,
    span,
  };
}

import type { Expression, TypeNode } from '@pqsdk/m-ast';
import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { displayTypeOf } from '../operators/type-names.js';
import {
  functionType,
  listType,
  recordType,
  tableType,
  TYPE,
  TypeValue,
  type FunctionTypeParameter,
  type RecordTypeField,
} from '../values/type.js';
import { strip } from '../values/value.js';
import type { Compiled, Frame } from './frame.js';

/** A compiled type expression: a constant, or built at run time when it holds expressions. */
export interface CompiledType {
  readonly constant: TypeValue | undefined;
  readonly build: (frame: Frame, ctx: Context) => TypeValue;
}

function constant(type: TypeValue): CompiledType {
  return { constant: type, build: () => type };
}

/**
 * Compiles a type in a type position (after `type`, inside record, list, function and table types).
 * `compileExpression` compiles the primary expressions a type position may hold.
 */
export function compileType(
  node: TypeNode,
  compileExpression: (expression: Expression) => Compiled,
): CompiledType {
  switch (node.kind) {
    case 'PrimitiveType':
      return constant(TYPE[node.name]);
    case 'NullableType': {
      const inner = compileType(node.type, compileExpression);
      if (inner.constant !== undefined) return constant(inner.constant.asNullable());
      return { constant: undefined, build: (frame, ctx) => inner.build(frame, ctx).asNullable() };
    }
    case 'ListType': {
      const item = compileType(node.itemType, compileExpression);
      if (item.constant !== undefined) return constant(listType(item.constant));
      return { constant: undefined, build: (frame, ctx) => listType(item.build(frame, ctx)) };
    }
    case 'RecordType': {
      const fields = node.fields.map((field) => ({
        name: field.name.name,
        optional: field.optional,
        type:
          field.type === undefined
            ? constant(TYPE.any)
            : compileType(field.type, compileExpression),
      }));
      const open = node.open;
      if (fields.every((field) => field.type.constant !== undefined)) {
        return constant(
          recordType(
            fields.map((field) => ({
              name: field.name,
              optional: field.optional,
              type: field.type.constant as TypeValue,
            })),
            open,
          ),
        );
      }
      return {
        constant: undefined,
        build: (frame, ctx) =>
          recordType(
            fields.map((field): RecordTypeField => ({
              name: field.name,
              optional: field.optional,
              type: field.type.build(frame, ctx),
            })),
            open,
          ),
      };
    }
    case 'FunctionType': {
      const parameters = node.parameters.map((parameter) => ({
        name: parameter.name.name,
        optional: parameter.optional,
        type: compileType(parameter.type, compileExpression),
      }));
      const returns = compileType(node.returnType, compileExpression);
      const build = (frame: Frame, ctx: Context): TypeValue =>
        functionType(
          parameters.map((parameter): FunctionTypeParameter => ({
            name: parameter.name,
            optional: parameter.optional,
            type: parameter.type.build(frame, ctx),
          })),
          returns.build(frame, ctx),
        );
      const returnType = returns.constant;
      if (returnType !== undefined && parameters.every((p) => p.type.constant !== undefined)) {
        return constant(
          functionType(
            parameters.map((parameter) => ({
              name: parameter.name,
              optional: parameter.optional,
              type: parameter.type.constant as TypeValue,
            })),
            returnType,
          ),
        );
      }
      return { constant: undefined, build };
    }
    case 'TableType': {
      const row = node.rowType;
      if (row.kind === 'RecordType') {
        const record = compileType(row, compileExpression);
        if (record.constant !== undefined) return constant(tableType(record.constant));
        return { constant: undefined, build: (frame, ctx) => tableType(record.build(frame, ctx)) };
      }
      const expression = compileExpression(row);
      return {
        constant: undefined,
        build: (frame, ctx) => {
          const type = expectType(expression(frame, ctx));
          if (type.shape.kind === 'table') return type;
          if (type.shape.kind === 'record') return tableType(type);
          throw MError.expression('The row type of a table type must be a record type.', type);
        },
      };
    }
    default: {
      const expression = compileExpression(node);
      return { constant: undefined, build: (frame, ctx) => expectType(expression(frame, ctx)) };
    }
  }
}

/** A value that must be a type (a type position holding an expression). */
export function expectType(value: unknown): TypeValue {
  const plain = strip(value as never);
  if (plain instanceof TypeValue) return plain;
  throw MError.expression(
    `We cannot convert a value of type ${displayTypeOf(plain)} to type Type.`,
    plain,
  );
}

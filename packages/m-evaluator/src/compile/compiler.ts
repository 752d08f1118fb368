import type {
  BinaryExpression,
  ErrorHandlingExpression,
  Expression,
  FunctionExpression,
  LetExpression,
  ListExpression,
  RecordExpression,
} from '@pqsdk/m-ast';
import type { Context } from '../context.js';
import { MError, notImplemented } from '../errors.js';
import { add, divide, identity, multiply, negate, not, subtract } from '../operators/arithmetic.js';
import { addMetadata, combine } from '../operators/combine.js';
import { compare, equals } from '../operators/compare.js';
import { displayTypeOf } from '../operators/type-names.js';
import { assertConforms, conforms } from '../types/conformance.js';
import { FunctionValue } from '../values/function.js';
import { ArrayList, ConcatList, type ListValue } from '../values/list.js';
import { RecordLayout, RecordValue } from '../values/record.js';
import { Thunk, type Slot } from '../values/thunk.js';
import { functionType, TYPE, type TypeValue } from '../values/type.js';
import { strip, type Value } from '../values/value.js';
import { accessField, accessItem, projectFields } from './access.js';
import { ClosureFunction, type CompiledParameter, type FunctionDefinition } from './closure.js';
import { raisedError } from '../library/table/view-error.js';
import { errorToRecord } from './error-values.js';
import { readSlot, type Compiled, type Frame } from './frame.js';
import { rangeList } from './ranges.js';
import { resolve, Scope } from './scope.js';
import { compileType } from './types.js';

/**
 * A global binding: a constant of the library (a value, or a lazy constant), or a binding whose value
 * depends on the evaluation (a section member, `#shared`), read through the evaluation's context.
 */
export type GlobalBinding =
  { readonly constant: Slot } | { readonly dynamic: (ctx: Context) => Value };

/** What compiled code can see beyond its own scopes: the library, loaded sections, `#shared`. */
export interface Globals {
  /** A global binding by name, or undefined. */
  global(name: string): GlobalBinding | undefined;
  /** A member of a section, for `Section!Member`; undefined when there is none. */
  sectionMember(section: string, member: string): GlobalBinding | undefined;
}

/**
 * Compiles an expression tree into JavaScript closures, once. Identifiers are resolved here to frame
 * slots or global bindings; operators get their fast paths for plain numbers and text; `let`
 * variables, record fields and list items become lazy bindings.
 */
export class Compiler {
  constructor(private readonly globals: Globals) {}

  expression(node: Expression, scope: Scope | undefined): Compiled {
    switch (node.kind) {
      case 'NumberLiteral':
      case 'TextLiteral':
      case 'LogicalLiteral': {
        const value = node.value;
        return () => value;
      }
      case 'NullLiteral':
        return () => null;
      case 'VerbatimLiteral': {
        const text = node.text;
        return () => {
          throw MError.of(
            'Expression.SyntaxError',
            `The query holds text that could not be read as M: ${text}`,
            text,
          );
        };
      }
      case 'IdentifierExpression':
        return this.identifier(node.name, node.inclusive, scope);
      case 'SectionAccessExpression': {
        const section = node.section.name;
        const member = node.member.name;
        const globals = this.globals;
        return (_frame, ctx) => {
          const binding = globals.sectionMember(section, member);
          if (binding === undefined) {
            throw MError.expression(
              `The section member '${section}!${member}' wasn't found.`,
              `${section}!${member}`,
            );
          }
          return readBinding(binding, ctx);
        };
      }
      case 'ParenthesizedExpression':
        return this.expression(node.expression, scope);
      case 'NotImplementedExpression':
        return () => {
          throw notImplemented();
        };
      case 'InvokeExpression':
        return this.invoke(
          this.expression(node.target, scope),
          node.arguments.map((argument) => this.expression(argument, scope)),
        );
      case 'ListExpression':
        return this.list(node, scope);
      case 'RecordExpression':
        return this.record(node, scope);
      case 'ItemAccessExpression': {
        const target = this.expression(node.target, scope);
        const selector = this.expression(node.selector, scope);
        const optional = node.optional;
        return (frame, ctx) => accessItem(ctx, target(frame, ctx), selector(frame, ctx), optional);
      }
      case 'FieldAccessExpression': {
        const target =
          node.target === undefined
            ? this.identifier('_', false, scope)
            : this.expression(node.target, scope);
        const name = node.field.name;
        const optional = node.optional;
        return (frame, ctx) => {
          const value = target(frame, ctx);
          if (value instanceof RecordValue) {
            return optional ? (value.fieldOrUndefined(name) ?? null) : value.field(name);
          }
          return accessField(ctx, value, name, optional);
        };
      }
      case 'FieldProjectionExpression': {
        const target =
          node.target === undefined
            ? this.identifier('_', false, scope)
            : this.expression(node.target, scope);
        const names = node.fields.map((field) => field.name);
        const optional = node.optional;
        return (frame, ctx) => projectFields(ctx, target(frame, ctx), names, optional);
      }
      case 'FunctionExpression':
        return this.functionExpression(node, scope);
      case 'EachExpression':
        return this.closure([{ name: '_', optional: false, type: null }], null, node.body, scope);
      case 'LetExpression':
        return this.let(node, scope);
      case 'IfExpression': {
        const condition = this.expression(node.condition, scope);
        const whenTrue = this.expression(node.trueExpression, scope);
        const whenFalse = this.expression(node.falseExpression, scope);
        return (frame, ctx) => {
          const test = condition(frame, ctx);
          if (test === true) return whenTrue(frame, ctx);
          if (test === false) return whenFalse(frame, ctx);
          const plain = strip(test);
          if (plain === true) return whenTrue(frame, ctx);
          if (plain === false) return whenFalse(frame, ctx);
          throw MError.expression(
            `We cannot convert the value ${plain === null ? 'null' : `of type ${displayTypeOf(plain)}`} to type Logical.`,
            plain,
          );
        };
      }
      case 'TypeExpression': {
        const type = compileType(node.type, (expression) => this.expression(expression, scope));
        if (type.constant !== undefined) {
          const value = type.constant;
          return () => value;
        }
        return type.build;
      }
      case 'UnaryExpression': {
        const operand = this.expression(node.operand, scope);
        switch (node.operator) {
          case '-':
            return (frame, ctx) => {
              const value = operand(frame, ctx);
              return typeof value === 'number' ? -value : negate(value);
            };
          case '+':
            return (frame, ctx) => identity(operand(frame, ctx));
          case 'not':
            return (frame, ctx) => {
              const value = operand(frame, ctx);
              return typeof value === 'boolean' ? !value : not(value);
            };
        }
        break;
      }
      case 'BinaryExpression':
        return this.binary(node, scope);
      case 'AsExpression': {
        const operand = this.expression(node.expression, scope);
        const type = compileType(node.type, () => () => null).constant as TypeValue;
        return (frame, ctx) => assertConforms(operand(frame, ctx), type);
      }
      case 'IsExpression': {
        const operand = this.expression(node.expression, scope);
        const type = compileType(node.type, () => () => null).constant as TypeValue;
        return (frame, ctx) => conforms(operand(frame, ctx), type);
      }
      case 'ErrorRaisingExpression': {
        const operand = this.expression(node.expression, scope);
        return (frame, ctx) => {
          throw raisedError(ctx, operand(frame, ctx));
        };
      }
      case 'ErrorHandlingExpression':
        return this.errorHandling(node, scope);
      case 'InvalidExpression':
        return () => {
          throw MError.of('Expression.SyntaxError', 'The expression could not be parsed.');
        };
    }
    return assertNever(node);
  }

  // -------------------------------------------------------------------------------------------

  private identifier(name: string, inclusive: boolean, scope: Scope | undefined): Compiled {
    const resolution = resolve(scope, name, inclusive);
    if (resolution.kind === 'local') {
      const { depth, index, lazy } = resolution;
      if (!lazy) {
        if (depth === 0) return (frame) => frame[index] as Value;
        if (depth === 1) return (frame) => (frame[0] as Frame)[index] as Value;
        return (frame) => {
          let current = frame;
          for (let level = 0; level < depth; level++) current = current[0] as Frame;
          return current[index] as Value;
        };
      }
      if (depth === 0) return (frame) => readSlot(frame, index);
      if (depth === 1) return (frame) => readSlot(frame[0] as Frame, index);
      if (depth === 2) return (frame) => readSlot((frame[0] as Frame)[0] as Frame, index);
      return (frame) => {
        let current = frame;
        for (let level = 0; level < depth; level++) current = current[0] as Frame;
        return readSlot(current, index);
      };
    }
    const binding = this.globals.global(name);
    if (binding === undefined) {
      return () => {
        throw MError.expression(
          `The name '${name}' wasn't recognized. Make sure it's spelled correctly.`,
          name,
        );
      };
    }
    if ('dynamic' in binding) {
      const read = binding.dynamic;
      return (_frame, ctx) => read(ctx);
    }
    const slot = binding.constant;
    if (slot instanceof Thunk) return () => slot.force();
    return () => slot;
  }

  private invoke(target: Compiled, args: Compiled[]): Compiled {
    const call = (value: Value): FunctionValue => {
      const plain = strip(value);
      if (plain instanceof FunctionValue) return plain;
      throw MError.expression(
        `We cannot convert a value of type ${displayTypeOf(plain)} to type Function.`,
        plain,
      );
    };
    if (args.length === 1) {
      const [first] = args as [Compiled];
      return (frame, ctx) => {
        const fn = target(frame, ctx);
        const value = first(frame, ctx);
        return (fn instanceof FunctionValue ? fn : call(fn)).call1(ctx, value);
      };
    }
    if (args.length === 2) {
      const [first, second] = args as [Compiled, Compiled];
      return (frame, ctx) => {
        const fn = target(frame, ctx);
        const a = first(frame, ctx);
        const b = second(frame, ctx);
        return (fn instanceof FunctionValue ? fn : call(fn)).call2(ctx, a, b);
      };
    }
    return (frame, ctx) => {
      const fn = target(frame, ctx);
      const values = new Array<Value>(args.length);
      for (let index = 0; index < args.length; index++) {
        values[index] = (args[index] as Compiled)(frame, ctx);
      }
      return (fn instanceof FunctionValue ? fn : call(fn)).invoke(ctx, values);
    };
  }

  private list(node: ListExpression, scope: Scope | undefined): Compiled {
    const hasRange = node.items.some((item) => item.kind === 'RangeExpression');
    if (!hasRange) {
      const items = node.items.map((item) => this.lazy(item as Expression, scope));
      if (items.every((item) => item.constant)) {
        const list = new ArrayList(items.map((item) => item.value));
        return () => list;
      }
      return (frame, ctx) => {
        const slots = new Array<Slot>(items.length);
        for (let index = 0; index < items.length; index++) {
          slots[index] = (items[index] as LazyItem).slot(frame, ctx);
        }
        return new ArrayList(slots);
      };
    }
    // A range item streams; runs of plain items between ranges are lists of their own.
    type Part = { range: [Compiled, Compiled] } | { items: LazyItem[] };
    const parts: Part[] = [];
    for (const item of node.items) {
      if (item.kind === 'RangeExpression') {
        parts.push({
          range: [this.expression(item.start, scope), this.expression(item.end, scope)],
        });
      } else {
        const last = parts[parts.length - 1];
        const lazy = this.lazy(item, scope);
        if (last !== undefined && 'items' in last) last.items.push(lazy);
        else parts.push({ items: [lazy] });
      }
    }
    return (frame, ctx) => {
      const lists: ListValue[] = parts.map((part) =>
        'range' in part
          ? rangeList(part.range[0](frame, ctx), part.range[1](frame, ctx))
          : new ArrayList(part.items.map((item) => item.slot(frame, ctx))),
      );
      return lists.length === 1 ? (lists[0] as ListValue) : new ConcatList(lists);
    };
  }

  private record(node: RecordExpression, scope: Scope | undefined): Compiled {
    const names = node.fields.map((field) => field.name.name);
    const layout = RecordLayout.of(names);
    const fieldScope = new Scope(scope, names, true);
    const fields = node.fields.map((field) => {
      fieldScope.excluded = field.name.name;
      const compiled = this.lazy(field.value, fieldScope);
      fieldScope.excluded = undefined;
      return compiled;
    });
    if (fields.every((field) => field.constant)) {
      const record = new RecordValue(
        layout,
        fields.map((field) => field.value),
      );
      return () => record;
    }
    const count = fields.length;
    return (parent, ctx) => {
      const frame = new Array<unknown>(count + 1);
      frame[0] = parent;
      const slots = new Array<Slot>(count);
      for (let index = 0; index < count; index++) {
        const slot = (fields[index] as LazyItem).slot(frame, ctx);
        slots[index] = slot;
        frame[index + 1] = slot;
      }
      return new RecordValue(layout, slots);
    };
  }

  private let(node: LetExpression, scope: Scope | undefined): Compiled {
    const names = node.variables.map((variable) => variable.name.name);
    const letScope = new Scope(scope, names, true);
    const variables = node.variables.map((variable) => {
      letScope.excluded = variable.name.name;
      const compiled = this.lazy(variable.value, letScope);
      letScope.excluded = undefined;
      return compiled;
    });
    const body = this.expression(node.body, letScope);
    const count = variables.length;
    return (parent, ctx) => {
      const frame = new Array<unknown>(count + 1);
      frame[0] = parent;
      for (let index = 0; index < count; index++) {
        frame[index + 1] = (variables[index] as LazyItem).slot(frame, ctx);
      }
      return body(frame, ctx);
    };
  }

  private functionExpression(node: FunctionExpression, scope: Scope | undefined): Compiled {
    const parameters: CompiledParameter[] = node.parameters.map((parameter) => ({
      name: parameter.name.name,
      optional: parameter.optional,
      type:
        parameter.type === undefined
          ? null
          : (compileType(parameter.type, () => () => null).constant as TypeValue),
    }));
    const returnType =
      node.returnType === undefined
        ? null
        : (compileType(node.returnType, () => () => null).constant as TypeValue);
    return this.closure(parameters, returnType, node.body, scope);
  }

  private closure(
    parameters: readonly CompiledParameter[],
    returnType: TypeValue | null,
    bodyNode: Expression,
    scope: Scope | undefined,
  ): Compiled {
    const functionScope = new Scope(
      scope,
      parameters.map((parameter) => parameter.name),
      false,
    );
    const body = this.expression(bodyNode, functionScope);
    const definition: FunctionDefinition = {
      parameters,
      required: parameters.filter((parameter) => !parameter.optional).length,
      returnType,
      body,
      type: functionType(
        parameters.map((parameter) => ({
          name: parameter.name,
          optional: parameter.optional,
          type: parameter.type ?? TYPE.any,
        })),
        returnType ?? TYPE.any,
      ),
      checked: returnType !== null || parameters.some((parameter) => parameter.type !== null),
      source: {
        parameters: parameters.map((parameter) => parameter.name),
        body: bodyNode,
        parameterIndex: (name, inclusive) => {
          const resolution = resolve(functionScope, name, inclusive);
          return resolution.kind === 'local' && resolution.depth === 0
            ? resolution.index - 1
            : undefined;
        },
        compile: (node) => this.expression(node, functionScope),
      },
    };
    return (frame) => new ClosureFunction(definition, frame);
  }

  private binary(node: BinaryExpression, scope: Scope | undefined): Compiled {
    const left = this.expression(node.left, scope);
    const right = this.expression(node.right, scope);
    switch (node.operator) {
      case '+':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          const b = right(frame, ctx);
          return typeof a === 'number' && typeof b === 'number' ? a + b : add(a, b);
        };
      case '-':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          const b = right(frame, ctx);
          return typeof a === 'number' && typeof b === 'number' ? a - b : subtract(a, b);
        };
      case '*':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          const b = right(frame, ctx);
          return typeof a === 'number' && typeof b === 'number' ? a * b : multiply(a, b);
        };
      case '/':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          const b = right(frame, ctx);
          return typeof a === 'number' && typeof b === 'number' ? a / b : divide(a, b);
        };
      case '&':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          const b = right(frame, ctx);
          return typeof a === 'string' && typeof b === 'string' ? a + b : combine(ctx, a, b);
        };
      case '=':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          const b = right(frame, ctx);
          return typeof a === 'number' && typeof b === 'number' ? a === b : equals(ctx, a, b);
        };
      case '<>':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          const b = right(frame, ctx);
          return typeof a === 'number' && typeof b === 'number' ? a !== b : !equals(ctx, a, b);
        };
      case '<':
        return relational('<', left, right, (order) => order < 0);
      case '<=':
        return relational('<=', left, right, (order) => order <= 0);
      case '>':
        return relational('>', left, right, (order) => order > 0);
      case '>=':
        return relational('>=', left, right, (order) => order >= 0);
      case 'and':
        return (frame, ctx) => {
          const a = logicalOperand('and', left(frame, ctx));
          if (a === false) return false;
          const b = logicalOperand('and', right(frame, ctx));
          if (b === false) return false;
          return a === null || b === null ? null : true;
        };
      case 'or':
        return (frame, ctx) => {
          const a = logicalOperand('or', left(frame, ctx));
          if (a === true) return true;
          const b = logicalOperand('or', right(frame, ctx));
          if (b === true) return true;
          return a === null || b === null ? null : false;
        };
      case '??':
        return (frame, ctx) => {
          const a = left(frame, ctx);
          return strip(a) === null ? right(frame, ctx) : a;
        };
      case 'meta':
        return (frame, ctx) => addMetadata(left(frame, ctx), right(frame, ctx));
    }
  }

  private errorHandling(node: ErrorHandlingExpression, scope: Scope | undefined): Compiled {
    const protectedExpression = this.expression(node.protectedExpression, scope);
    const handler = node.handler;
    if (handler === undefined) {
      return (frame, ctx) => {
        try {
          const value = protectedExpression(frame, ctx);
          return RecordValue.of([
            ['HasError', false],
            ['Value', value],
          ]);
        } catch (error) {
          if (!(error instanceof MError)) throw error;
          return RecordValue.of([
            ['HasError', true],
            ['Error', errorToRecord(error)],
          ]);
        }
      };
    }
    if (handler.kind === 'OtherwiseClause') {
      const fallback = this.expression(handler.expression, scope);
      return (frame, ctx) => {
        try {
          return protectedExpression(frame, ctx);
        } catch (error) {
          if (!(error instanceof MError)) throw error;
          return fallback(frame, ctx);
        }
      };
    }
    const parameter = handler.parameter?.name;
    const catchScope = new Scope(scope, parameter === undefined ? [] : [parameter], false);
    const body = this.expression(handler.body, catchScope);
    return (frame, ctx) => {
      try {
        return protectedExpression(frame, ctx);
      } catch (error) {
        if (!(error instanceof MError)) throw error;
        return body(parameter === undefined ? [frame] : [frame, errorToRecord(error)], ctx);
      }
    };
  }

  /** An item of a lazy construct: a constant stored as is, anything else as a thunk. */
  private lazy(node: Expression, scope: Scope | undefined): LazyItem {
    const constantValue = constantOf(node);
    if (constantValue !== undefined) {
      return { constant: true, value: constantValue.value, slot: () => constantValue.value };
    }
    const compiled = this.expression(node, scope);
    return {
      constant: false,
      value: null,
      slot: (frame, ctx) => new Thunk(() => compiled(frame, ctx)),
    };
  }
}

/** The value of a global binding. */
function readBinding(binding: GlobalBinding, ctx: Context): Value {
  if ('dynamic' in binding) return binding.dynamic(ctx);
  const slot = binding.constant;
  return slot instanceof Thunk ? slot.force() : slot;
}

/** A lazy item: the slot a construct stores for it. */
interface LazyItem {
  readonly constant: boolean;
  readonly value: Value;
  slot(frame: Frame, ctx: Context): Slot;
}

/** The value of a literal, parenthesized or not; undefined for anything else. */
function constantOf(node: Expression): { value: Value } | undefined {
  switch (node.kind) {
    case 'NumberLiteral':
    case 'TextLiteral':
    case 'LogicalLiteral':
      return { value: node.value };
    case 'NullLiteral':
      return { value: null };
    case 'ParenthesizedExpression':
      return constantOf(node.expression);
    default:
      return undefined;
  }
}

function relational(
  operator: string,
  left: Compiled,
  right: Compiled,
  test: (order: number) => boolean,
): Compiled {
  return (frame, ctx) => {
    const a = left(frame, ctx);
    const b = right(frame, ctx);
    if (typeof a === 'number' && typeof b === 'number') {
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return test(a < b ? -1 : a > b ? 1 : 0);
    }
    const order = compare(operator, a, b);
    return order === null ? null : Number.isNaN(order) ? false : test(order);
  };
}

function logicalOperand(operator: string, value: Value): boolean | null {
  if (typeof value === 'boolean' || value === null) return value;
  const plain = strip(value);
  if (typeof plain === 'boolean' || plain === null) return plain;
  throw MError.expression(
    `We cannot apply operator ${operator} to type ${displayTypeOf(plain)}.`,
    plain,
  );
}

function assertNever(value: never): never {
  throw new Error(`unknown expression kind ${JSON.stringify((value as { kind?: unknown }).kind)}`);
}

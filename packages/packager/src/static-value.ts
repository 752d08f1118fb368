import type { Expression } from '@pqsdk/m-ast';
import { unwrapExpression } from './section-ast.js';

/** A value known without evaluating M, as JSON: text, number, logical, null, list or record. */
export type StaticValue =
  | string
  | number
  | boolean
  | null
  | readonly StaticValue[]
  | { readonly [field: string]: StaticValue };

/**
 * The value of an expression when it can be known by reading it: literals (text, finite numbers
 * with an optional sign, `true`, `false`, `null`), lists and records of such values, and
 * `Extension.LoadString("name")` when `strings` holds `name`. Parentheses and `meta` are looked
 * through. Anything else (a reference, a call, an operator) gives undefined: M is never evaluated.
 *
 * @param expression - The expression to read.
 * @param strings - The connector's strings (from `resources.resx`), for `Extension.LoadString`.
 */
export function staticValueOf(
  expression: Expression,
  strings: ReadonlyMap<string, string> = new Map(),
): StaticValue | undefined {
  const node = unwrapExpression(expression);
  switch (node.kind) {
    case 'TextLiteral':
      return node.value;
    case 'LogicalLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'NumberLiteral':
      return Number.isFinite(node.value) ? node.value : undefined;
    case 'UnaryExpression': {
      const operand = unwrapExpression(node.operand);
      if (operand.kind !== 'NumberLiteral' || node.operator === 'not') return undefined;
      const value = node.operator === '-' ? -operand.value : operand.value;
      return Number.isFinite(value) ? value : undefined;
    }
    case 'ListExpression': {
      const items: StaticValue[] = [];
      for (const item of node.items) {
        if (item.kind === 'RangeExpression') return undefined;
        const value = staticValueOf(item, strings);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return items;
    }
    case 'RecordExpression': {
      const fields: [string, StaticValue][] = [];
      for (const field of node.fields) {
        const value = staticValueOf(field.value, strings);
        if (value === undefined) return undefined;
        fields.push([field.name.name, value]);
      }
      return Object.fromEntries(fields);
    }
    case 'InvokeExpression': {
      const target = unwrapExpression(node.target);
      const [first, ...rest] = node.arguments;
      if (target.kind !== 'IdentifierExpression' || target.name !== 'Extension.LoadString') {
        return undefined;
      }
      if (first === undefined || rest.length > 0) return undefined;
      const key = unwrapExpression(first);
      return key.kind === 'TextLiteral' ? strings.get(key.value) : undefined;
    }
    default:
      return undefined;
  }
}

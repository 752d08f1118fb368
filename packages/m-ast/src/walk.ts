import type { Node } from './nodes.js';

/**
 * Calls `visit` on each direct child of `node`, in source order. Stops early and returns `true` as
 * soon as `visit` returns `true`.
 */
export function forEachChild(node: Node, visit: (child: Node) => unknown): boolean {
  const v = (child: Node | undefined): boolean => child !== undefined && visit(child) === true;
  const all = (children: readonly Node[]): boolean => {
    for (const child of children) {
      if (visit(child) === true) return true;
    }
    return false;
  };
  switch (node.kind) {
    case 'SectionDocument':
      return v(node.attributes) || v(node.name) || all(node.members);
    case 'SectionMember':
      return v(node.attributes) || v(node.name) || v(node.value);
    case 'ExpressionDocument':
      return v(node.expression);
    case 'Identifier':
    case 'NumberLiteral':
    case 'TextLiteral':
    case 'LogicalLiteral':
    case 'NullLiteral':
    case 'VerbatimLiteral':
    case 'IdentifierExpression':
    case 'NotImplementedExpression':
    case 'InvalidExpression':
    case 'PrimitiveType':
      return false;
    case 'SectionAccessExpression':
      return v(node.section) || v(node.member);
    case 'ParenthesizedExpression':
      return v(node.expression);
    case 'InvokeExpression':
      return v(node.target) || all(node.arguments);
    case 'ListExpression':
      return all(node.items);
    case 'RangeExpression':
      return v(node.start) || v(node.end);
    case 'RecordExpression':
      return all(node.fields);
    case 'FieldDefinition':
    case 'VariableDefinition':
      return v(node.name) || v(node.value);
    case 'ItemAccessExpression':
      return v(node.target) || v(node.selector);
    case 'FieldAccessExpression':
      return v(node.target) || v(node.field);
    case 'FieldProjectionExpression':
      return v(node.target) || all(node.fields);
    case 'FunctionExpression':
      return all(node.parameters) || v(node.returnType) || v(node.body);
    case 'Parameter':
      return v(node.name) || v(node.type);
    case 'EachExpression':
      return v(node.body);
    case 'LetExpression':
      return all(node.variables) || v(node.body);
    case 'IfExpression':
      return v(node.condition) || v(node.trueExpression) || v(node.falseExpression);
    case 'TypeExpression':
      return v(node.type);
    case 'UnaryExpression':
      return v(node.operand);
    case 'BinaryExpression':
      return v(node.left) || v(node.right);
    case 'AsExpression':
    case 'IsExpression':
      return v(node.expression) || v(node.type);
    case 'ErrorRaisingExpression':
      return v(node.expression);
    case 'ErrorHandlingExpression':
      return v(node.protectedExpression) || v(node.handler);
    case 'OtherwiseClause':
      return v(node.expression);
    case 'CatchClause':
      return v(node.parameter) || v(node.body);
    case 'NullableType':
      return v(node.type);
    case 'RecordType':
      return all(node.fields);
    case 'FieldSpecification':
      return v(node.name) || v(node.type);
    case 'ListType':
      return v(node.itemType);
    case 'FunctionType':
      return all(node.parameters) || v(node.returnType);
    case 'ParameterSpecification':
      return v(node.name) || v(node.type);
    case 'TableType':
      return v(node.rowType);
    default:
      return assertNever(node);
  }
}

/**
 * Visits `root` and every node below it, depth first, parents before children. The walk does not
 * recurse on the JS stack, so arbitrarily deep trees are safe. Return `false` from `enter` to skip a
 * node's children.
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined) => unknown): void {
  const stack: [Node, Node | undefined][] = [[root, undefined]];
  const children: Node[] = [];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, parent] = entry;
    if (enter(node, parent) === false) continue;
    children.length = 0;
    forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push([children[i] as Node, node]);
    }
  }
}

function assertNever(value: never): never {
  throw new Error(`unknown node kind: ${JSON.stringify((value as { kind?: unknown }).kind)}`);
}

import type { Node } from '@pqsdk/m-ast';

/**
 * A compact, Lisp-like rendering of a tree for tests: `1 - 2 - 3` is `(- (- 1 2) 3)`. It shows every
 * field that matters for meaning (operators, names, quoting, optional markers) and no spans.
 */
export function shape(node: Node | undefined): string {
  if (node === undefined) return '<none>';
  switch (node.kind) {
    case 'SectionDocument':
      return `(section ${shape(node.name)}${node.attributes === undefined ? '' : ` ${shape(node.attributes)}`}${node.members.map((member) => ` ${shape(member)}`).join('')})`;
    case 'SectionMember':
      return `(${node.shared ? 'shared' : 'member'} ${shape(node.name)} ${shape(node.value)}${node.attributes === undefined ? '' : ` ${shape(node.attributes)}`})`;
    case 'ExpressionDocument':
      return shape(node.expression);
    case 'Identifier':
      return node.quoted ? `#"${node.name}"` : node.name;
    case 'NumberLiteral':
      return node.text;
    case 'TextLiteral':
      return JSON.stringify(node.value);
    case 'LogicalLiteral':
      return String(node.value);
    case 'NullLiteral':
      return 'null';
    case 'VerbatimLiteral':
      return `#!${JSON.stringify(node.text)}`;
    case 'IdentifierExpression':
      return `${node.inclusive ? '@' : ''}${node.quoted ? `#"${node.name}"` : node.name}`;
    case 'SectionAccessExpression':
      return `${shape(node.section)}!${shape(node.member)}`;
    case 'ParenthesizedExpression':
      return `(paren ${shape(node.expression)})`;
    case 'NotImplementedExpression':
      return '...';
    case 'InvokeExpression':
      return `(call ${shape(node.target)}${node.arguments.map((argument) => ` ${shape(argument)}`).join('')})`;
    case 'ListExpression':
      return `{${node.items.map(shape).join(', ')}}`;
    case 'RangeExpression':
      return `(.. ${shape(node.start)} ${shape(node.end)})`;
    case 'RecordExpression':
      return `[${node.fields.map(shape).join(', ')}]`;
    case 'FieldDefinition':
    case 'VariableDefinition':
      return `${shape(node.name)}=${shape(node.value)}`;
    case 'ItemAccessExpression':
      return `(item${node.optional ? '?' : ''} ${shape(node.target)} ${shape(node.selector)})`;
    case 'FieldAccessExpression':
      return `(field${node.optional ? '?' : ''} ${node.target === undefined ? '_' : shape(node.target)} ${shape(node.field)})`;
    case 'FieldProjectionExpression':
      return `(project${node.optional ? '?' : ''} ${node.target === undefined ? '_' : shape(node.target)} ${node.fields.map(shape).join(' ')})`;
    case 'FunctionExpression':
      return `(fn (${node.parameters.map(shape).join(' ')})${node.returnType === undefined ? '' : ` :${shape(node.returnType)}`} ${shape(node.body)})`;
    case 'Parameter':
      return `${node.optional ? '?' : ''}${shape(node.name)}${node.type === undefined ? '' : `:${shape(node.type)}`}`;
    case 'EachExpression':
      return `(each ${shape(node.body)})`;
    case 'LetExpression':
      return `(let ${node.variables.map(shape).join(' ')} ${shape(node.body)})`;
    case 'IfExpression':
      return `(if ${shape(node.condition)} ${shape(node.trueExpression)} ${shape(node.falseExpression)})`;
    case 'TypeExpression':
      return `(type ${shape(node.type)})`;
    case 'UnaryExpression':
      return `(${node.operator} ${shape(node.operand)})`;
    case 'BinaryExpression':
      return `(${node.operator} ${shape(node.left)} ${shape(node.right)})`;
    case 'AsExpression':
      return `(as ${shape(node.expression)} ${shape(node.type)})`;
    case 'IsExpression':
      return `(is ${shape(node.expression)} ${shape(node.type)})`;
    case 'ErrorRaisingExpression':
      return `(error ${shape(node.expression)})`;
    case 'ErrorHandlingExpression':
      return `(try ${shape(node.protectedExpression)}${node.handler === undefined ? '' : ` ${shape(node.handler)}`})`;
    case 'OtherwiseClause':
      return `(otherwise ${shape(node.expression)})`;
    case 'CatchClause':
      return `(catch${node.parameter === undefined ? '' : ` ${shape(node.parameter)}`} ${shape(node.body)})`;
    case 'InvalidExpression':
      return '<invalid>';
    case 'PrimitiveType':
      return node.name;
    case 'NullableType':
      return `(nullable ${shape(node.type)})`;
    case 'RecordType':
      return `(record${node.fields.map((field) => ` ${shape(field)}`).join('')}${node.open ? ' ...' : ''})`;
    case 'FieldSpecification':
      return `${node.optional ? '?' : ''}${shape(node.name)}${node.type === undefined ? '' : `:${shape(node.type)}`}`;
    case 'ListType':
      return `(list ${shape(node.itemType)})`;
    case 'FunctionType':
      return `(function (${node.parameters.map(shape).join(' ')}) ${shape(node.returnType)})`;
    case 'ParameterSpecification':
      return `${node.optional ? '?' : ''}${shape(node.name)}:${shape(node.type)}`;
    case 'TableType':
      return `(table ${shape(node.rowType)})`;
  }
}

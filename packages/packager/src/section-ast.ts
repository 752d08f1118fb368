import {
  walk,
  type Expression,
  type FieldDefinition,
  type InvokeExpression,
  type Node,
  type RecordExpression,
  type SectionDocument,
  type SectionMember,
  type TextLiteral,
} from '@pqsdk/m-ast';

/** The functions of the extension library whose text arguments name files or strings. */
export type ExtensionFunction = 'Extension.Contents' | 'Extension.LoadString';

/** A call such as `Extension.Contents("HelloWorld16.png")`, with a text literal argument. */
export interface ExtensionCall {
  readonly function: ExtensionFunction;
  /** The argument: a file name for `Extension.Contents`, a string name for `Extension.LoadString`. */
  readonly argument: TextLiteral;
  readonly call: InvokeExpression;
}

/**
 * The expression without the parentheses around it and without the metadata after `meta`:
 * `([a = 1]) meta [x = 2]` gives `[a = 1]`.
 */
export function unwrapExpression(expression: Expression): Expression {
  let current = expression;
  for (;;) {
    if (current.kind === 'ParenthesizedExpression') current = current.expression;
    else if (current.kind === 'BinaryExpression' && current.operator === 'meta')
      current = current.left;
    else return current;
  }
}

/** The field named `name` of a record expression (or of literal attributes), if any. */
export function fieldNamed(
  record: RecordExpression | undefined,
  name: string,
): FieldDefinition | undefined {
  return record?.fields.find((field) => field.name.name === name);
}

/** The member named `name` of a section document, if any. */
export function memberNamed(document: SectionDocument, name: string): SectionMember | undefined {
  return document.members.find((member) => member.name.name === name);
}

/**
 * Every call of `Extension.Contents` or `Extension.LoadString` under `root` whose first argument
 * is a text literal, in source order. Calls with computed arguments cannot be checked without
 * evaluating M, and are left out.
 */
export function extensionCalls(root: Node): ExtensionCall[] {
  const calls: ExtensionCall[] = [];
  walk(root, (node) => {
    if (node.kind !== 'InvokeExpression') return;
    const target = unwrapExpression(node.target);
    if (target.kind !== 'IdentifierExpression') return;
    if (target.name !== 'Extension.Contents' && target.name !== 'Extension.LoadString') return;
    const [first] = node.arguments;
    const argument = first === undefined ? undefined : unwrapExpression(first);
    if (argument?.kind === 'TextLiteral') {
      calls.push({ function: target.name, argument, call: node });
    }
  });
  return calls;
}

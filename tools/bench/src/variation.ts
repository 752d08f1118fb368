import { walk, type Document, type Node } from '@pqsdk/m-ast';

/** A replacement of the text between two offsets. */
interface Edit {
  readonly offset: number;
  readonly end: number;
  readonly text: string;
}

/** An occurrence of a name that may be renamed: where the name ends, and how it is written. */
interface NameOccurrence {
  readonly name: string;
  readonly quoted: boolean;
  readonly end: number;
}

/** Parent kinds whose `Identifier` child declares a name that the rest of the document refers to. */
const DECLARING_KINDS: ReadonlySet<Node['kind']> = new Set<Node['kind']>([
  'SectionMember',
  'VariableDefinition',
  'Parameter',
  'CatchClause',
]);

/**
 * Makes copy number `tag` of an M document, as a realistic, different document that parses the
 * same way:
 * - every name the document declares (section members, `let` variables, function and `catch`
 *   parameters) gets the suffix `_<tag>`, at its declaration and at every reference to it;
 * - every decimal integer literal is increased by `tag`;
 * - every text literal gets ` v<tag>` before its closing quote.
 *
 * Record field names, library names (`Table.AddColumn`) and comments are kept. `document` must be
 * the syntax tree of `text` as read by our parser; the copy has the same tree shape.
 */
export function varyDocument(text: string, document: Document, tag: number): string {
  const declared = new Set<string>();
  const occurrences: NameOccurrence[] = [];
  const edits: Edit[] = [];
  const suffix = `_${String(tag)}`;

  walk(document, (node, parent) => {
    if (node.kind === 'Identifier') {
      if (parent !== undefined && DECLARING_KINDS.has(parent.kind)) {
        declared.add(node.name);
        occurrences.push({ name: node.name, quoted: node.quoted, end: node.span.end });
      } else if (parent?.kind === 'SectionAccessExpression' && parent.member === node) {
        occurrences.push({ name: node.name, quoted: node.quoted, end: node.span.end });
      }
    } else if (node.kind === 'IdentifierExpression') {
      occurrences.push({ name: node.name, quoted: node.quoted, end: node.span.end });
    } else if (node.kind === 'NumberLiteral' && /^[0-9]+$/.test(node.text)) {
      const value = BigInt(node.text) + BigInt(tag);
      edits.push({ offset: node.span.offset, end: node.span.end, text: value.toString() });
    } else if (node.kind === 'TextLiteral' && text.charCodeAt(node.span.end - 1) === QUOTE) {
      const at = node.span.end - 1;
      edits.push({ offset: at, end: at, text: ` v${String(tag)}` });
    }
  });

  for (const occurrence of occurrences) {
    if (!declared.has(occurrence.name)) continue;
    // A quoted name (`#"A B"`) gets the suffix inside its quotes.
    const at = occurrence.quoted ? occurrence.end - 1 : occurrence.end;
    if (occurrence.quoted && text.charCodeAt(at) !== QUOTE) continue;
    edits.push({ offset: at, end: at, text: suffix });
  }
  return applyEdits(text, edits);
}

const QUOTE = 0x22;

function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.offset - b.offset || a.end - b.end);
  const parts: string[] = [];
  let position = 0;
  for (const edit of edits) {
    // Edits never overlap (they come from disjoint tokens); skip one that would, to stay safe.
    if (edit.offset < position) continue;
    parts.push(text.slice(position, edit.offset), edit.text);
    position = edit.end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}

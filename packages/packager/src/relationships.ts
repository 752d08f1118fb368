import { OpcError } from './errors.js';
import { RELATIONSHIPS_NAMESPACE } from './opc-constants.js';
import { escapeXmlAttribute, XML_DECLARATION } from './xml-writing.js';
import { attributeOf, childElements, parseXmlStrictly, positionOf, strayText } from './xml.js';
import type { XmlPosition } from './xml.js';

/** Whether a relationship targets a part of the package or something outside it. */
export type TargetMode = 'Internal' | 'External';

/** One `<Relationship>` of a relationships part. */
export interface Relationship {
  /** Unique within its relationships part; an XML name (`xsd:ID`) such as `rId1`. */
  readonly id: string;
  /** A URI naming the kind of relationship; compared case-insensitively. */
  readonly type: string;
  /**
   * For `Internal`, a relative reference to a part, resolved against the source's folder (see
   * `resolveRelationshipTarget`); for `External`, any URI.
   */
  readonly target: string;
  readonly targetMode: TargetMode;
}

const ID_PATTERN = /^[\p{L}_][\p{L}\p{N}._\-\u00b7]*$/u;

/**
 * Writes a relationships part: the declaration, then one `<Relationship>` per line in the given
 * order (`TargetMode` only when `External`).
 *
 * @throws {@link OpcError} `PQSDK_OPC_BAD_RELATIONSHIPS` for relationships that
 * {@link checkRelationships} refuses.
 */
export function serializeRelationships(
  relationships: readonly Relationship[],
  partName: string,
): string {
  checkRelationships(relationships, partName);
  const lines = [XML_DECLARATION, `<Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">`];
  for (const relationship of relationships) {
    const mode = relationship.targetMode === 'External' ? ' TargetMode="External"' : '';
    lines.push(
      `  <Relationship Id="${escapeXmlAttribute(relationship.id)}" Type="${escapeXmlAttribute(relationship.type)}" Target="${escapeXmlAttribute(relationship.target)}"${mode}/>`,
    );
  }
  lines.push('</Relationships>', '');
  return lines.join('\n');
}

/**
 * Reads a relationships part: a `<Relationships>` element in the relationships namespace holding
 * only `<Relationship Id Type Target [TargetMode]>` elements, that {@link checkRelationships}
 * accepts.
 *
 * @param text - The content of the part.
 * @param partName - Its name, for messages.
 * @throws {@link OpcError} `PQSDK_OPC_BAD_RELATIONSHIPS`, with the line and column of the problem.
 */
export function parseRelationships(text: string, partName: string): Relationship[] {
  const parsed = parseXmlStrictly(text);
  if (!parsed.ok) throw bad(partName, parsed.message, parsed);
  const root = parsed.document.documentElement;
  if (root === null) throw bad(partName, 'it has no root element', {});
  if (root.localName !== 'Relationships' || root.namespaceURI !== RELATIONSHIPS_NAMESPACE) {
    throw bad(
      partName,
      `the root element must be <Relationships xmlns="${RELATIONSHIPS_NAMESPACE}">`,
      positionOf(root),
    );
  }
  const stray = strayText(root);
  if (stray !== undefined)
    throw bad(partName, '<Relationships> cannot hold text', positionOf(stray));

  const relationships: Relationship[] = [];
  for (const element of childElements(root)) {
    const position = positionOf(element);
    if (element.localName !== 'Relationship' || element.namespaceURI !== RELATIONSHIPS_NAMESPACE) {
      throw bad(partName, `unexpected element <${element.nodeName}>`, position);
    }
    const id = attributeOf(element, 'Id');
    const type = attributeOf(element, 'Type');
    const target = attributeOf(element, 'Target');
    const mode = attributeOf(element, 'TargetMode') ?? 'Internal';
    if (id === undefined || type === undefined || target === undefined) {
      throw bad(partName, '<Relationship> needs Id, Type and Target attributes', position);
    }
    if (mode !== 'Internal' && mode !== 'External') {
      throw bad(partName, `TargetMode must be "Internal" or "External", not "${mode}"`, position);
    }
    const relationship: Relationship = { id, type, target, targetMode: mode };
    const problem = relationshipProblem(relationship, relationships);
    if (problem !== undefined) throw bad(partName, problem, position);
    relationships.push(relationship);
  }
  return relationships;
}

/**
 * Checks relationships as a relationships part must hold them: each `Id` an XML name, unique in
 * the part; each `Type` a URI without white space; each `Target` not empty, and a relative
 * reference (no scheme) when the mode is `Internal`.
 *
 * @throws {@link OpcError} `PQSDK_OPC_BAD_RELATIONSHIPS` for the first that breaks a rule.
 */
export function checkRelationships(relationships: readonly Relationship[], partName: string): void {
  const seen: Relationship[] = [];
  for (const relationship of relationships) {
    const problem = relationshipProblem(relationship, seen);
    if (problem !== undefined) throw bad(partName, problem, {});
    seen.push(relationship);
  }
}

/**
 * The first relationship id of the form `rId<n>` that `relationships` does not use, counting from
 * 1: what to call a relationship being added.
 */
export function nextRelationshipId(relationships: readonly Relationship[]): string {
  const used = new Set(relationships.map((relationship) => relationship.id));
  let number = 1;
  while (used.has(`rId${String(number)}`)) number++;
  return `rId${String(number)}`;
}

/** The relationships of a given type (compared case-insensitively, as OPC requires). */
export function relationshipsOfType(
  relationships: readonly Relationship[],
  type: string,
): Relationship[] {
  const wanted = type.toLowerCase();
  return relationships.filter((relationship) => relationship.type.toLowerCase() === wanted);
}

function relationshipProblem(
  relationship: Relationship,
  earlier: readonly Relationship[],
): string | undefined {
  const { id, type, target, targetMode } = relationship;
  if (!ID_PATTERN.test(id)) return `Id "${id}" is not an XML name (such as "rId1")`;
  if (earlier.some((other) => other.id === id)) return `Id "${id}" is used twice`;
  if (type === '' || /\s/.test(type)) return `relationship ${id} has a bad Type "${type}"`;
  if (target === '') return `relationship ${id} has an empty Target`;
  if (targetMode === 'Internal' && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(target)) {
    return `relationship ${id} is Internal but its Target "${target}" is an absolute URI; give a part path, or TargetMode="External"`;
  }
  return undefined;
}

function bad(partName: string, message: string, position: XmlPosition): OpcError {
  const where =
    position.line === undefined
      ? partName
      : `${partName}:${String(position.line)}:${String(position.column ?? 1)}`;
  return new OpcError('PQSDK_OPC_BAD_RELATIONSHIPS', `${where}: ${message}`, { entry: partName });
}

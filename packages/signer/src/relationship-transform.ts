import { RELATIONSHIPS_NAMESPACE } from '@pqsdk/packager';
import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import { canonicalize } from './c14n.js';
import { attributeOf, childElements, decodeXml, parseXml, XMLNS_NAMESPACE } from './xml.js';

/**
 * What a relationship transform selects from a relationships part: a relationship by its `Id`
 * (`<RelationshipReference SourceId="rId1"/>`), or every relationship of a type
 * (`<RelationshipsGroupReference SourceType="…"/>`).
 */
export type RelationshipSelector =
  | { readonly kind: 'id'; readonly value: string }
  | { readonly kind: 'type'; readonly value: string };

/**
 * The OPC relationship transform (ECMA-376 Part 2 §13.2.4.24) of a relationships part, followed
 * by Canonical XML 1.0, as every relationships reference of an OPC signature applies them:
 *
 * 1. keep the `<Relationship>` children of `<Relationships>` (relationships namespace) whose `Id`
 *    a selector names, or whose `Type` a type selector names; drop everything else (other
 *    elements, text, comments, other attributes, other namespace declarations);
 * 2. sort them by `Id`, comparing code units (ordinal);
 * 3. write each with exactly `Id`, `Type`, `Target` and `TargetMode`, which is made explicit
 *    (`Internal` when absent);
 * 4. canonicalize the result.
 *
 * A part that is missing, not text, or not well-formed gives the transform of no relationships
 * (`<Relationships xmlns="…"></Relationships>`), so its digest cannot match one made from real
 * relationships. Markup-compatibility processing (step 1 of §13.2.4.24) is not done: pqsdk and
 * MakePQX write no markup-compatibility attributes.
 *
 * @param part - The relationships part as stored (UTF-8 or UTF-16 XML), or undefined when the
 *   package has no such part.
 * @returns the canonical XML, ready to be digested as UTF-8.
 *
 * @example
 * ```ts
 * relationshipTransform(bytesOfRels, [{ kind: 'id', value: 'rId1' }]);
 * // '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="HelloWorld.pq" TargetMode="Internal" Type="…"></Relationship></Relationships>'
 * ```
 */
export function relationshipTransform(
  part: Uint8Array | string | undefined,
  selectors: readonly RelationshipSelector[],
): string {
  const ids = new Set(selectors.filter((s) => s.kind === 'id').map((s) => s.value));
  const types = new Set(selectors.filter((s) => s.kind === 'type').map((s) => s.value));
  const selected: { id: string; type: string; target: string; mode: string }[] = [];
  for (const element of relationshipElements(part)) {
    const id = attributeOf(element, 'Id');
    const type = attributeOf(element, 'Type');
    const target = attributeOf(element, 'Target');
    if (id === undefined || type === undefined || target === undefined) continue;
    if (!ids.has(id) && !types.has(type)) continue;
    selected.push({ id, type, target, mode: attributeOf(element, 'TargetMode') ?? 'Internal' });
  }
  selected.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const document: Document = new DOMImplementation().createDocument(
    RELATIONSHIPS_NAMESPACE,
    'Relationships',
    null,
  );
  const root = document.documentElement as Element;
  root.setAttributeNS(XMLNS_NAMESPACE, 'xmlns', RELATIONSHIPS_NAMESPACE);
  for (const relationship of selected) {
    const element = document.createElementNS(RELATIONSHIPS_NAMESPACE, 'Relationship');
    element.setAttribute('Id', relationship.id);
    element.setAttribute('Type', relationship.type);
    element.setAttribute('Target', relationship.target);
    element.setAttribute('TargetMode', relationship.mode);
    root.appendChild(element);
  }
  return canonicalize(document);
}

function relationshipElements(part: Uint8Array | string | undefined): Element[] {
  if (part === undefined) return [];
  const text = typeof part === 'string' ? part : decodeXml(part);
  if (text === undefined) return [];
  const parsed = parseXml(text);
  if (!parsed.ok) return [];
  const root = parsed.document.documentElement;
  if (
    root === null ||
    root.localName !== 'Relationships' ||
    root.namespaceURI !== RELATIONSHIPS_NAMESPACE
  ) {
    return [];
  }
  return childElements(root).filter(
    (element) =>
      element.localName === 'Relationship' && element.namespaceURI === RELATIONSHIPS_NAMESPACE,
  );
}

import { childElements, decodeText, parseXmlStrictly } from '@pqsdk/packager';
import type { Document, Element, Node } from '@xmldom/xmldom';

/** Node types of the DOM, as numbers (xmldom's constants are not typed as literals). */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const PROCESSING_INSTRUCTION_NODE = 7;
export const COMMENT_NODE = 8;
export const DOCUMENT_NODE = 9;

/** The namespace of namespace declarations (`xmlns`, `xmlns:p`). */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** The namespace of the `xml` prefix (`xml:lang`, `xml:space`). */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The declaration that starts every XML part pqsdk writes. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** What {@link parseXml} returns. */
export type XmlParseResult =
  | { readonly ok: true; readonly document: Document }
  | { readonly ok: false; readonly message: string };

/**
 * Parses XML text strictly, as the packager reads its own XML parts (`parseXmlStrictly`): any
 * warning or error of the parser is a failure, and so is a `DOCTYPE`, which no OPC part may have
 * (ECMA-376 Part 2 §8.1.4) and which would allow entity tricks. A document needs a root element.
 */
export function parseXml(text: string): XmlParseResult {
  const parsed = parseXmlStrictly(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.document.documentElement === null) {
    return { ok: false, message: 'there is no root element' };
  }
  return parsed;
}

/**
 * Decodes the bytes of an XML part: UTF-8 (with or without a byte-order mark), or UTF-16 with its
 * byte-order mark, as OPC allows (ECMA-376 Part 2 §8.1.4).
 *
 * @returns the text, or undefined when the bytes are not valid in the encoding they claim.
 */
export function decodeXml(bytes: Uint8Array): string | undefined {
  return decodeText(bytes, { removeByteOrderMark: true });
}

export { childElements };

/** The concatenated text of a node's text and CDATA children. */
export function textContent(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      text += child.nodeValue ?? '';
    }
  }
  return text;
}

/** True when an element has this local name and namespace. */
export function isElement(node: Node | null, namespace: string, localName: string): boolean {
  return (
    node?.nodeType === ELEMENT_NODE &&
    (node as Element).localName === localName &&
    (node as Element).namespaceURI === namespace
  );
}

/** The value of an attribute without a namespace, or undefined when it is absent. */
export function attributeOf(element: Element, name: string): string | undefined {
  const attribute = element.getAttributeNode(name);
  return attribute === null || attribute.namespaceURI !== null ? undefined : attribute.value;
}

/** The attributes of an element that are not namespace declarations. */
export function plainAttributeCount(element: Element): number {
  let count = 0;
  for (let index = 0; index < element.attributes.length; index++) {
    if (element.attributes.item(index)?.namespaceURI !== XMLNS_NAMESPACE) count++;
  }
  return count;
}

/** Escapes text content as Canonical XML does: `&`, `<`, `>` and carriage return. */
export function escapeText(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#xD;');
}

/**
 * Escapes a double-quoted attribute value as Canonical XML does: `&`, `<`, `"`, tab, line feed
 * and carriage return (the last three would otherwise be normalized to spaces by a reader).
 */
export function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('"', '&quot;')
    .replaceAll('\t', '&#x9;')
    .replaceAll('\n', '&#xA;')
    .replaceAll('\r', '&#xD;');
}

/** One piece of XML to write with {@link xmlElement}: an element's text, or an element. */
export type XmlContent = string | XmlMarkup;

/** Markup already written, kept apart from text so it is not escaped again. */
export interface XmlMarkup {
  readonly markup: string;
}

/**
 * Writes an element: attributes in the order given (`undefined` values left out), then its
 * content, text escaped. An element without content is written self-closed (`<a b="c"/>`), which
 * .NET's signature reader requires of `<Transform>` and `<RelationshipReference>`.
 */
export function xmlElement(
  name: string,
  attributes: Readonly<Record<string, string | undefined>>,
  ...content: readonly XmlContent[]
): XmlMarkup {
  let markup = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) markup += ` ${key}="${escapeAttribute(value)}"`;
  }
  if (content.length === 0) return { markup: `${markup}/>` };
  markup += '>';
  for (const item of content) markup += typeof item === 'string' ? escapeText(item) : item.markup;
  return { markup: `${markup}</${name}>` };
}

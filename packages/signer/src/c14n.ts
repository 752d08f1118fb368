import type { Attr, Document, Element, Node } from '@xmldom/xmldom';
import {
  CDATA_SECTION_NODE,
  COMMENT_NODE,
  DOCUMENT_NODE,
  ELEMENT_NODE,
  escapeAttribute,
  escapeText,
  PROCESSING_INSTRUCTION_NODE,
  TEXT_NODE,
  XML_NAMESPACE,
  XMLNS_NAMESPACE,
} from './xml.js';

/** Options of {@link canonicalize}. */
export interface CanonicalizeOptions {
  /** Keep comments (`…REC-xml-c14n-20010315#WithComments`). Default: comments are left out. */
  readonly withComments?: boolean;
}

/** The namespace declarations in scope: prefix (`''` for the default namespace) to URI. */
type NamespaceScope = ReadonlyMap<string, string>;

/**
 * Canonical XML 1.0 (W3C, 2001; inclusive) of a whole document, or of the subtree of one element
 * (a document subset, as an XML Signature same-document reference selects it). The input is a DOM
 * that `@xmldom/xmldom` parsed, so line breaks, attribute values, character and entity references
 * and CDATA sections are already normalized by the parser. Then:
 *
 * - the XML declaration and the document type are left out, and so are comments unless
 *   `withComments`; processing instructions are kept (`<?target data?>`); at the document level,
 *   nodes before the root element are followed by a line feed, and nodes after it preceded by one;
 * - empty elements are written as a start and an end tag (`<a></a>`);
 * - an element's namespace declarations come first, sorted by prefix (the default namespace
 *   first), and only those that its parent did not already have in scope with the same value
 *   (`xmlns=""` only where it undoes a default namespace of the parent); the apex of a subset gets
 *   every declaration in scope, its ancestors' included, and their `xml:*` attributes it lacks;
 * - the other attributes follow, sorted by namespace URI (none first) and then local name;
 * - text escapes `&`, `<`, `>` and carriage return; attribute values escape `&`, `<`, `"`, tab,
 *   line feed and carriage return.
 *
 * @example
 * ```ts
 * const { document } = parseXml('<b xmlns="urn:x" z="1" a="2"/>') as { document: Document };
 * canonicalize(document); // '<b xmlns="urn:x" a="2" z="1"></b>'
 * ```
 */
export function canonicalize(node: Document | Element, options: CanonicalizeOptions = {}): string {
  const output: string[] = [];
  const withComments = options.withComments ?? false;
  if (node.nodeType === DOCUMENT_NODE) {
    let seenRoot = false;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) {
        writeTree(child as Element, output, withComments, new Map(), []);
        seenRoot = true;
        continue;
      }
      const text = topLevelNode(child, withComments);
      if (text === undefined) continue;
      output.push(seenRoot ? `\n${text}` : `${text}\n`);
    }
  } else {
    writeTree(node, output, withComments, ancestorScope(node), inheritedXmlAttributes(node));
  }
  return output.join('');
}

function topLevelNode(node: Node, withComments: boolean): string | undefined {
  if (node.nodeType === PROCESSING_INSTRUCTION_NODE) {
    // xmldom gives the XML declaration as a processing instruction named "xml"; it is not one.
    if (node.nodeName.toLowerCase() === 'xml') return undefined;
    return processingInstruction(node);
  }
  if (node.nodeType === COMMENT_NODE && withComments) return `<!--${node.nodeValue ?? ''}-->`;
  return undefined;
}

/** An element being written: its namespace scope, and the next child to write. */
interface Frame {
  readonly element: Element;
  readonly scope: NamespaceScope;
  next: Node | null;
}

/**
 * Writes an element and everything in it, depth first with a stack of its own (not recursion),
 * so that no nesting depth, however hostile, can overflow the call stack.
 */
function writeTree(
  root: Element,
  output: string[],
  withComments: boolean,
  inherited: NamespaceScope,
  extraXmlAttributes: readonly Attr[],
): void {
  const stack: Frame[] = [];
  const open = (
    element: Element,
    parentScope: NamespaceScope,
    scopeIn: NamespaceScope,
    extra: readonly Attr[],
  ): void => {
    const scope = startTag(element, parentScope, scopeIn, extra, output);
    stack.push({ element, scope, next: element.firstChild });
  };
  open(root, new Map(), inherited, extraXmlAttributes);
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    const child = frame.next;
    if (child === null) {
      output.push(`</${frame.element.tagName}>`);
      stack.pop();
      continue;
    }
    frame.next = child.nextSibling;
    switch (child.nodeType) {
      case ELEMENT_NODE:
        open(child as Element, frame.scope, frame.scope, []);
        break;
      case TEXT_NODE:
      case CDATA_SECTION_NODE:
        output.push(escapeText(child.nodeValue ?? ''));
        break;
      case PROCESSING_INSTRUCTION_NODE:
        output.push(processingInstruction(child));
        break;
      case COMMENT_NODE:
        if (withComments) output.push(`<!--${child.nodeValue ?? ''}-->`);
        break;
      default:
        break;
    }
  }
}

/**
 * Writes an element's start tag: the namespace declarations that differ from the parent's scope,
 * then the attributes, both sorted. Returns the element's own namespace scope.
 */
function startTag(
  element: Element,
  parentScope: NamespaceScope,
  scopeIn: NamespaceScope,
  extraXmlAttributes: readonly Attr[],
  output: string[],
): NamespaceScope {
  const scope = new Map(scopeIn);
  const attributes: Attr[] = [...extraXmlAttributes];
  for (let index = 0; index < element.attributes.length; index++) {
    const attribute = element.attributes.item(index);
    if (attribute === null) continue;
    if (attribute.namespaceURI === XMLNS_NAMESPACE) {
      scope.set(attribute.prefix === null ? '' : (attribute.localName ?? ''), attribute.value);
    } else {
      attributes.push(attribute);
    }
  }

  const declarations: [string, string][] = [];
  for (const [prefix, uri] of scope) {
    if (prefix === 'xml') continue;
    const before = parentScope.get(prefix);
    if (prefix === '') {
      // An empty default namespace is written only to undo the parent's non-empty one.
      if (uri === '' ? (before ?? '') !== '' : before !== uri) declarations.push([prefix, uri]);
    } else if (before !== uri) {
      declarations.push([prefix, uri]);
    }
  }
  declarations.sort(([a], [b]) => compareCodePoints(a, b));
  attributes.sort(
    (a, b) =>
      compareCodePoints(a.namespaceURI ?? '', b.namespaceURI ?? '') ||
      compareCodePoints(a.localName ?? '', b.localName ?? ''),
  );

  output.push(`<${element.tagName}`);
  for (const [prefix, uri] of declarations) {
    output.push(
      prefix === ''
        ? ` xmlns="${escapeAttribute(uri)}"`
        : ` xmlns:${prefix}="${escapeAttribute(uri)}"`,
    );
  }
  for (const attribute of attributes) {
    output.push(` ${attribute.name}="${escapeAttribute(attribute.value)}"`);
  }
  output.push('>');
  return scope;
}

function processingInstruction(node: Node): string {
  const data = node.nodeValue ?? '';
  return data === '' ? `<?${node.nodeName}?>` : `<?${node.nodeName} ${data}?>`;
}

/** The namespace declarations in scope at an element's parent. */
function ancestorScope(element: Element): NamespaceScope {
  const chain: Element[] = [];
  for (let node = element.parentNode; node !== null; node = node.parentNode) {
    if (node.nodeType === ELEMENT_NODE) chain.unshift(node as Element);
  }
  const scope = new Map<string, string>();
  for (const ancestor of chain) {
    for (let index = 0; index < ancestor.attributes.length; index++) {
      const attribute = ancestor.attributes.item(index);
      if (attribute?.namespaceURI === XMLNS_NAMESPACE) {
        scope.set(attribute.prefix === null ? '' : (attribute.localName ?? ''), attribute.value);
      }
    }
  }
  return scope;
}

/** The `xml:*` attributes of an element's ancestors that it lacks, nearest ancestor first. */
function inheritedXmlAttributes(element: Element): Attr[] {
  const found = new Map<string, Attr>();
  for (let index = 0; index < element.attributes.length; index++) {
    const attribute = element.attributes.item(index);
    if (attribute?.namespaceURI === XML_NAMESPACE) found.set(attribute.localName ?? '', attribute);
  }
  const inherited: Attr[] = [];
  for (let node = element.parentNode; node !== null; node = node.parentNode) {
    if (node.nodeType !== ELEMENT_NODE) continue;
    const ancestor = node as Element;
    for (let index = 0; index < ancestor.attributes.length; index++) {
      const attribute = ancestor.attributes.item(index);
      if (attribute?.namespaceURI === XML_NAMESPACE && !found.has(attribute.localName ?? '')) {
        found.set(attribute.localName ?? '', attribute);
        inherited.push(attribute);
      }
    }
  }
  return inherited;
}

/** Compares strings by Unicode code point, as C14N orders names and URIs. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.charCodeAt(index);
    const right = b.charCodeAt(index);
    if (left === right) continue;
    // A surrogate (a code point above U+FFFF) sorts after every other code unit.
    const leftHigh = left >= 0xd800 && left <= 0xdfff;
    const rightHigh = right >= 0xd800 && right <= 0xdfff;
    if (leftHigh !== rightHigh) return leftHigh ? 1 : -1;
    return left - right;
  }
  return a.length - b.length;
}

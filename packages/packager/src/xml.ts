import { DOMParser, ParseError, type Document, type Element, type Node } from '@xmldom/xmldom';
import { withoutByteOrderMark } from './text-decoding.js';

/** A position in an XML text: 1-based line and column. */
export interface XmlPosition {
  readonly line?: number;
  readonly column?: number;
}

/** What {@link parseXmlStrictly} returns. */
export type XmlParseResult =
  | { readonly ok: true; readonly document: Document }
  | ({ readonly ok: false; readonly message: string } & XmlPosition);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Parses an XML text, treating every warning and error of the parser as a failure (xmldom by
 * default recovers from many mistakes and only logs them). A `DOCTYPE` is refused too: none of the
 * formats read here has one, and refusing it rules out entity tricks.
 *
 * @returns the document, or the first problem with its position: `not well-formed XML: …`, or
 * `a DOCTYPE declaration is not allowed`.
 */
export function parseXmlStrictly(text: string): XmlParseResult {
  let failure: ({ message: string } & XmlPosition) | undefined;
  const parser = new DOMParser({
    onError: (_level, message, context: unknown) => {
      failure ??= { message: notWellFormed(message), ...locatorPosition(context) };
      throw new Error(message);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(withoutByteOrderMark(text), 'application/xml');
  } catch (error) {
    if (failure !== undefined) return { ok: false, ...failure };
    if (error instanceof ParseError) {
      return { ok: false, message: notWellFormed(error.message), ...locatorPosition(error) };
    }
    throw error;
  }
  if (failure !== undefined) return { ok: false, ...failure };
  if (document.doctype !== null) {
    return {
      ok: false,
      message: 'a DOCTYPE declaration is not allowed',
      ...positionOf(document.doctype),
    };
  }
  return { ok: true, document };
}

/** The element children of a node, in document order. */
export function childElements(node: Node): Element[] {
  const elements: Element[] = [];
  for (let index = 0; index < node.childNodes.length; index++) {
    const child = node.childNodes.item(index);
    if (child?.nodeType === ELEMENT_NODE) elements.push(child as Element);
  }
  return elements;
}

/** The first text child of a node that holds more than white space, if any. */
export function strayText(node: Node): Node | undefined {
  for (let index = 0; index < node.childNodes.length; index++) {
    const child = node.childNodes.item(index);
    if (
      child !== null &&
      (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) &&
      (child.nodeValue ?? '').trim() !== ''
    ) {
      return child;
    }
  }
  return undefined;
}

/** Where a node starts in its text, when the parser recorded it. */
export function positionOf(node: Node): XmlPosition {
  return {
    ...(node.lineNumber === undefined ? {} : { line: node.lineNumber }),
    ...(node.columnNumber === undefined ? {} : { column: node.columnNumber }),
  };
}

/** Only the position fields of a value (`line`, `column`), those that are set. */
export function pickPosition(position: XmlPosition): XmlPosition {
  return {
    ...(position.line === undefined ? {} : { line: position.line }),
    ...(position.column === undefined ? {} : { column: position.column }),
  };
}

/** The value of an attribute without a namespace prefix, or undefined when it is absent. */
export function attributeOf(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined;
}

function locatorPosition(value: unknown): XmlPosition {
  const locator = readProperty(value, 'locator');
  const line = readProperty(locator, 'lineNumber');
  const column = readProperty(locator, 'columnNumber');
  return {
    ...(typeof line === 'number' && line > 0 ? { line } : {}),
    ...(typeof column === 'number' && column > 0 ? { column } : {}),
  };
}

function readProperty(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** The message of a parse error, without the position xmldom appends to some (ours is separate). */
function notWellFormed(message: string): string {
  const cleaned = message
    .replace(/\s*\n@#\[line:\d+,col:\d+\]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `not well-formed XML: ${cleaned}`;
}

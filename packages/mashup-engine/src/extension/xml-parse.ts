import { DOMParser, ParseError, type Document, type Element, type Node } from '@xmldom/xmldom';
import { BinaryValue, MError, REASON, strip, type Context, type Value } from '@pqsdk/m-evaluator';
import { callLibrary } from './library-lookup.js';

/**
 * Reading XML for `Xml.Document`, `Xml.Tables` and `OData.Feed`'s `$metadata`: bytes to text (the
 * `encoding` argument, a byte order mark, or the XML declaration's `encoding`), then a strict parse
 * with `@xmldom/xmldom` in which any warning or error is a failure. Documents with a `DOCTYPE` are
 * refused, so no entity, internal or external, is ever expanded or fetched (no XXE).
 */

/** The DOM node types the readers look at. */
export const NODE = {
  element: 1,
  attribute: 2,
  text: 3,
  cdata: 4,
  processingInstruction: 7,
  comment: 8,
  document: 9,
  documentType: 10,
} as const;

/** Namespace of `xmlns` declarations, which are not attributes of the data. */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/** Code pages of the encoding names an XML declaration may carry. */
const DECLARED_ENCODINGS: Readonly<Record<string, number>> = {
  'utf-8': 65001,
  utf8: 65001,
  'utf-16': 1200,
  'utf-16le': 1200,
  'utf-16be': 1201,
  'us-ascii': 20127,
  ascii: 20127,
  'iso-8859-1': 28591,
  latin1: 28591,
  'iso-8859-2': 28592,
  'iso-8859-15': 28605,
  'windows-1250': 1250,
  'windows-1251': 1251,
  'windows-1252': 1252,
  shift_jis: 932,
  gb2312: 936,
  gbk: 936,
  big5: 950,
  'euc-kr': 949,
};

function formatError(functionName: string, message: string, detail?: Value): MError {
  return MError.of(REASON.dataFormat, `${functionName}: ${message}`, detail ?? null);
}

/** The code page the XML declaration of some bytes names, or null when it names none. */
function declaredCodePage(bytes: Uint8Array, functionName: string): number | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declaration = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  const name = declaration?.[1]?.toLowerCase();
  if (name === undefined) return null;
  const codePage = DECLARED_ENCODINGS[name];
  if (codePage === undefined) {
    throw formatError(
      functionName,
      `the XML declaration names the encoding '${name}', which this engine cannot read; pass the encoding argument (a TextEncoding value) instead.`,
      name,
    );
  }
  return codePage;
}

function hasByteOrderMark(bytes: Uint8Array): boolean {
  const [b0, b1, b2] = bytes;
  return (
    (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) ||
    (b0 === 0xff && b1 === 0xfe) ||
    (b0 === 0xfe && b1 === 0xff)
  );
}

/**
 * The text of an XML `contents` argument: a text as it is, or a binary decoded with `encoding`
 * (a code page), its byte order mark, or its XML declaration, else as UTF-8.
 */
export function xmlText(
  ctx: Context,
  contents: Value,
  encoding: Value,
  functionName: string,
): string {
  const plain = strip(contents);
  if (typeof plain === 'string') return plain;
  if (!(plain instanceof BinaryValue)) {
    throw MError.expression(
      `${functionName} takes the XML as a text or a binary.`,
      plain === null ? null : plain,
    );
  }
  const bytes = plain.bytes;
  const codePage =
    strip(encoding) !== null
      ? strip(encoding)
      : hasByteOrderMark(bytes)
        ? null
        : declaredCodePage(bytes, functionName);
  const text = callLibrary(ctx, 'Text.FromBinary', [plain, codePage]);
  return typeof text === 'string' ? text : '';
}

function position(value: unknown): string {
  const locator = (value as { locator?: { lineNumber?: unknown; columnNumber?: unknown } } | null)
    ?.locator;
  const line = locator?.lineNumber;
  const column = locator?.columnNumber;
  return typeof line === 'number' && typeof column === 'number'
    ? ` (line ${String(line)}, column ${String(column)})`
    : '';
}

function cleanMessage(message: string): string {
  return message
    .replace(/\s*\n?@#\[line:\d+,col:\d+\]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Parses XML text strictly: every warning and error of the parser fails the parse with a
 * `DataFormat.Error` naming the position, and a `DOCTYPE` is refused before any entity could be
 * read.
 */
export function parseXml(text: string, functionName: string): Document {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (/<!DOCTYPE/i.test(body)) {
    throw formatError(
      functionName,
      'the XML has a DOCTYPE declaration, which is not allowed: document type definitions and entities are never processed.',
    );
  }
  let failure: string | undefined;
  const parser = new DOMParser({
    onError: (_level, message, context: unknown) => {
      failure ??= `${cleanMessage(message)}${position(context)}`;
      throw new Error(message);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(body, 'application/xml');
  } catch (error) {
    const message =
      failure ??
      (error instanceof ParseError
        ? `${cleanMessage(error.message)}${position(error)}`
        : error instanceof Error
          ? cleanMessage(error.message)
          : String(error));
    throw formatError(functionName, `the XML is not well formed: ${message}.`);
  }
  if (failure !== undefined) {
    throw formatError(functionName, `the XML is not well formed: ${failure}.`);
  }
  if (document.documentElement === null) {
    throw formatError(functionName, 'the XML has no root element.');
  }
  return document;
}

/** The child nodes of a node, as an array. */
export function childNodes(node: Node): Node[] {
  const nodes: Node[] = [];
  for (let index = 0; index < node.childNodes.length; index++) {
    const child = node.childNodes.item(index);
    if (child !== null) nodes.push(child);
  }
  return nodes;
}

/** The element children of a node, in document order. */
export function childElements(node: Node): Element[] {
  return childNodes(node).filter((child): child is Element => child.nodeType === NODE.element);
}

/** The local name of an element or attribute (without its prefix). */
export function localNameOf(
  node: Element | { readonly localName: string | null; readonly nodeName: string },
): string {
  return node.localName ?? node.nodeName;
}

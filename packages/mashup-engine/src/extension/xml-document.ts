import type { Element, Node } from '@xmldom/xmldom';
import {
  ArrayRows,
  defineFunction,
  recordType,
  TableValue,
  tableType,
  Thunk,
  TYPE,
  type LibraryEntry,
  type Slot,
  type TypeValue,
} from '@pqsdk/m-evaluator';
import { childNodes, localNameOf, NODE, parseXml, XMLNS_NAMESPACE, xmlText } from './xml-parse.js';

/**
 * `Xml.Document(contents, encoding)`: the XML as a hierarchical table (README "Data access
 * functions"). Every level is a table `[Name, Namespace, Value, Attributes]`:
 *
 * - the document's level has one row, its root element;
 * - an element's `Value` is the table of its child nodes when it has child elements (element rows,
 *   and a row with a null `Name` for each run of text that is not only white space), otherwise
 *   its text (`""` when empty);
 * - `Attributes` is a table `[Name, Namespace, Value]` of its attributes, without `xmlns`
 *   declarations;
 * - a name without a namespace has the `Namespace` `""`; comments and processing instructions are
 *   left out.
 *
 * Nested tables are made when their cell is first read.
 */

/** `type table [Name = nullable text, Namespace = nullable text, Value = any, Attributes = nullable table]`. */
export const XML_NODE_TABLE_TYPE: TypeValue = tableType(
  recordType([
    { name: 'Name', type: TYPE.text.asNullable(), optional: false },
    { name: 'Namespace', type: TYPE.text.asNullable(), optional: false },
    { name: 'Value', type: TYPE.any, optional: false },
    { name: 'Attributes', type: TYPE.table.asNullable(), optional: false },
  ]),
);

/** `type table [Name = text, Namespace = text, Value = text]`. */
export const XML_ATTRIBUTE_TABLE_TYPE: TypeValue = tableType(
  recordType([
    { name: 'Name', type: TYPE.text, optional: false },
    { name: 'Namespace', type: TYPE.text, optional: false },
    { name: 'Value', type: TYPE.text, optional: false },
  ]),
);

function isText(node: Node): boolean {
  return node.nodeType === NODE.text || node.nodeType === NODE.cdata;
}

/** The concatenated text and CDATA children of an element. */
export function directText(element: Node): string {
  let text = '';
  for (const child of childNodes(element)) {
    if (isText(child)) text += child.nodeValue ?? '';
  }
  return text;
}

function attributesTable(element: Element): TableValue {
  const rows: Slot[][] = [];
  for (let index = 0; index < element.attributes.length; index++) {
    const attribute = element.attributes.item(index);
    if (attribute === null) continue;
    if (attribute.namespaceURI === XMLNS_NAMESPACE || attribute.name === 'xmlns') continue;
    if (attribute.name.startsWith('xmlns:')) continue;
    rows.push([localNameOf(attribute), attribute.namespaceURI ?? '', attribute.value]);
  }
  return new TableValue(XML_ATTRIBUTE_TABLE_TYPE, new ArrayRows(rows));
}

function elementRow(element: Element): Slot[] {
  return [
    localNameOf(element),
    element.namespaceURI ?? '',
    new Thunk(() => elementValue(element)),
    new Thunk(() => attributesTable(element)),
  ];
}

function elementValue(element: Element): TableValue | string {
  const children = childNodes(element);
  if (!children.some((child) => child.nodeType === NODE.element)) return directText(element);
  const rows: Slot[][] = [];
  let text = '';
  const flush = (): void => {
    if (text.trim() !== '') rows.push([null, null, text, null]);
    text = '';
  };
  for (const child of children) {
    if (isText(child)) {
      text += child.nodeValue ?? '';
    } else if (child.nodeType === NODE.element) {
      flush();
      rows.push(elementRow(child as Element));
    }
  }
  flush();
  return new TableValue(XML_NODE_TABLE_TYPE, new ArrayRows(rows));
}

/** `Xml.Document`. */
export const XML_DOCUMENT: LibraryEntry = defineFunction(
  'Xml.Document',
  '(contents as any, optional encoding as nullable number) as table',
  (ctx, [contents, encoding]) => {
    const document = parseXml(xmlText(ctx, contents, encoding, 'Xml.Document'), 'Xml.Document');
    const root = document.documentElement;
    const rows = root === null ? [] : [elementRow(root)];
    return new TableValue(XML_NODE_TABLE_TYPE, new ArrayRows(rows));
  },
);

import type { Element } from '@xmldom/xmldom';
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
  type Value,
} from '@pqsdk/m-evaluator';
import { directText } from './xml-document.js';
import { childElements, localNameOf, parseXml, XMLNS_NAMESPACE, xmlText } from './xml-parse.js';

/**
 * `Xml.Tables(contents, options, encoding)`: the XML as nested, flattened tables (README "Data
 * access functions").
 *
 * - The result is a table `[Name, Table]` with one row per distinct element name among the root
 *   element's children (in the order the names first appear); `Table` is the flattened table of
 *   those elements.
 * - A flattened table has one row per element. Its columns are, in order of first appearance: the
 *   names of the elements' child elements, `Element:Text` (an element's own text, when it has
 *   attributes or child elements too), and `Attribute:<name>` for each attribute. A missing value
 *   is null.
 * - A child element that occurs once in its parent and has neither attributes nor child elements
 *   gives its text; otherwise the cell is the flattened table of the children of that name.
 * - Names are local names (prefixes dropped); `xmlns` declarations are not attributes; values are
 *   text. Nested tables are made when their cell is first read.
 * - `options` (not documented beyond its type) is accepted and ignored.
 */

const ELEMENT_TEXT = 'Element:Text';
const ATTRIBUTE_PREFIX = 'Attribute:';

/** `type table [Name = text, Table = table]`. */
export const XML_TABLES_TYPE: TypeValue = tableType(
  recordType([
    { name: 'Name', type: TYPE.text, optional: false },
    { name: 'Table', type: TYPE.table, optional: false },
  ]),
);

/** The children of an element grouped by local name, in order of first appearance. */
function groupByName(elements: readonly Element[]): Map<string, Element[]> {
  const groups = new Map<string, Element[]>();
  for (const element of elements) {
    const name = localNameOf(element);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [element]);
    else group.push(element);
  }
  return groups;
}

function dataAttributes(element: Element): { name: string; value: string }[] {
  const found: { name: string; value: string }[] = [];
  for (let index = 0; index < element.attributes.length; index++) {
    const attribute = element.attributes.item(index);
    if (attribute === null) continue;
    if (attribute.namespaceURI === XMLNS_NAMESPACE || attribute.name === 'xmlns') continue;
    if (attribute.name.startsWith('xmlns:')) continue;
    found.push({ name: localNameOf(attribute), value: attribute.value });
  }
  return found;
}

function isSimple(element: Element): boolean {
  return childElements(element).length === 0 && dataAttributes(element).length === 0;
}

/** The cells of one element's row, by column name. */
function rowCells(element: Element): Map<string, Slot> {
  const cells = new Map<string, Slot>();
  const children = childElements(element);
  for (const [name, group] of groupByName(children)) {
    const [only] = group;
    cells.set(
      name,
      group.length === 1 && only !== undefined && isSimple(only)
        ? directText(only)
        : new Thunk(() => flattenedTable(group)),
    );
  }
  const attributes = dataAttributes(element);
  const text = directText(element);
  if ((children.length > 0 || attributes.length > 0) && text.trim() !== '') {
    cells.set(ELEMENT_TEXT, text);
  } else if (children.length === 0 && attributes.length === 0) {
    cells.set(ELEMENT_TEXT, text);
  }
  for (const attribute of attributes)
    cells.set(`${ATTRIBUTE_PREFIX}${attribute.name}`, attribute.value);
  return cells;
}

function columnRank(name: string): number {
  if (name === ELEMENT_TEXT) return 1;
  return name.startsWith(ATTRIBUTE_PREFIX) ? 2 : 0;
}

/** One row per element; the columns of all of them. */
function flattenedTable(elements: readonly Element[]): TableValue {
  const rows = elements.map(rowCells);
  const seen = new Set<string>();
  const names: string[] = [];
  for (const row of rows) {
    for (const name of row.keys()) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const ordered = [...names].sort((a, b) => columnRank(a) - columnRank(b));
  const type = tableType(
    recordType(ordered.map((name) => ({ name, type: TYPE.any, optional: false }))),
  );
  return new TableValue(
    type,
    new ArrayRows(rows.map((row) => ordered.map((name): Slot => row.get(name) ?? null))),
  );
}

/** `Xml.Tables`. */
export const XML_TABLES: LibraryEntry = defineFunction(
  'Xml.Tables',
  '(contents as any, optional options as nullable record, optional encoding as nullable number) as table',
  (ctx, [contents, , encoding]): Value => {
    const document = parseXml(xmlText(ctx, contents, encoding, 'Xml.Tables'), 'Xml.Tables');
    const root = document.documentElement;
    const groups = root === null ? new Map<string, Element[]>() : groupByName(childElements(root));
    const rows = [...groups].map(([name, group]): Slot[] => [
      name,
      new Thunk(() => flattenedTable(group)),
    ]);
    return new TableValue(XML_TABLES_TYPE, new ArrayRows(rows));
  },
);

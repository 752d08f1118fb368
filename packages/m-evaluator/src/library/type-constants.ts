import { TYPE, type PrimitiveTypeName } from '../values/type.js';
import { defineConstant, type LibraryEntry } from './define.js';

/**
 * The `<Kind>.Type` constants of the primitive types that no namespace file defines with its
 * functions (`Text.Type` is `type text`, `Any.Type` is `type any`), and `Uri.Type`: `type text`
 * with the facet name `Uri.Type`, which marks a URL parameter (a data source function whose only
 * path parameter has this type takes the URL as its data source path). `Number.Type`, the date and
 * time types and the number facet types live with their namespaces.
 */
const PRIMITIVE_CONSTANTS: readonly (readonly [string, PrimitiveTypeName])[] = [
  ['Any', 'any'],
  ['None', 'none'],
  ['Null', 'null'],
  ['Logical', 'logical'],
  ['Text', 'text'],
  ['Binary', 'binary'],
  ['List', 'list'],
  ['Record', 'record'],
  ['Table', 'table'],
  ['Function', 'function'],
  ['Type', 'type'],
  ['Action', 'action'],
];

/** The name `Uri.Type` carries as its facet. */
export const URI_TYPE_NAME = 'Uri.Type';

export const TYPE_CONSTANTS_LIBRARY: readonly LibraryEntry[] = [
  ...PRIMITIVE_CONSTANTS.map(([namespace, name]) =>
    defineConstant(`${namespace}.Type`, TYPE[name]),
  ),
  defineConstant(URI_TYPE_NAME, TYPE.text.withFacets({ typeName: URI_TYPE_NAME })),
];

import type { LibraryEntry } from './define.js';
import { LIST_CONSTANTS } from './list/constants.js';
import { LIST_GENERATORS } from './list/generators.js';
import { LIST_MEMBERSHIP } from './list/membership.js';
import { LIST_ORDERING } from './list/ordering.js';
import { LIST_SELECTION } from './list/selection.js';
import { LIST_STATISTICS } from './list/statistics.js';
import { LIST_TRANSFORMATION } from './list/transformation.js';

/** The list group of the standard library (see LIBRARY.md for which namespaces it holds). */
export const LIST_LIBRARY: readonly LibraryEntry[] = [
  ...LIST_SELECTION,
  ...LIST_TRANSFORMATION,
  ...LIST_MEMBERSHIP,
  ...LIST_ORDERING,
  ...LIST_STATISTICS,
  ...LIST_GENERATORS,
  ...LIST_CONSTANTS,
];

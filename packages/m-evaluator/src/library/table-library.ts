import type { LibraryEntry } from './define.js';
import { ROW_EXPRESSION } from './row-expression.js';
import { TABLE_APPEND } from './table/append.js';
import { TABLE_CELLS } from './table/cells.js';
import { TABLE_COLUMNS } from './table/columns.js';
import { TABLE_CONSTANTS } from './table/constants.js';
import { TABLE_CONSTRUCTION } from './table/construction.js';
import { TABLE_EXPAND } from './table/expand.js';
import { TABLE_FUZZY_GROUP } from './table/fuzzy-group.js';
import { TABLE_FUZZY_JOIN } from './table/fuzzy-join.js';
import { TABLE_GROUP } from './table/group.js';
import { TABLE_INTERNALS } from './table/internal.js';
import { TABLE_JOIN } from './table/join.js';
import { TABLE_KEYS } from './table/keys.js';
import { TABLE_MEMBERSHIP } from './table/membership.js';
import { TABLE_ORDERING } from './table/ordering.js';
import { TABLE_PROFILE } from './table/profile.js';
import { TABLE_RESHAPE } from './table/reshape.js';
import { TABLE_SELECTION } from './table/selection.js';
import { TABLE_TO_LISTS } from './table/to-lists.js';
import { TABLE_TRANSFORM_COLUMNS } from './table/transform-columns.js';
import { TABLE_VIEW } from './table/view.js';

/** The table group of the standard library (see LIBRARY.md for which namespaces it holds). */
export const TABLE_LIBRARY: readonly LibraryEntry[] = [
  ...TABLE_CONSTRUCTION,
  ...TABLE_TO_LISTS,
  ...TABLE_COLUMNS,
  ...TABLE_TRANSFORM_COLUMNS,
  ...TABLE_CELLS,
  ...TABLE_SELECTION,
  ...TABLE_MEMBERSHIP,
  ...TABLE_ORDERING,
  ...TABLE_GROUP,
  ...TABLE_JOIN,
  ...TABLE_FUZZY_JOIN,
  ...TABLE_FUZZY_GROUP,
  ...TABLE_APPEND,
  ...TABLE_EXPAND,
  ...TABLE_RESHAPE,
  ...TABLE_KEYS,
  ...TABLE_PROFILE,
  ...TABLE_INTERNALS,
  ...TABLE_CONSTANTS,
  ...TABLE_VIEW,
  ...ROW_EXPRESSION,
];

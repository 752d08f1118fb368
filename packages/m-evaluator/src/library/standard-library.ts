import { CORE_LIBRARY } from './core-library.js';
import { CSV_LIBRARY } from './csv-library.js';
import type { LibraryEntry } from './define.js';
import { INTRINSICS } from './intrinsics.js';
import { LIST_LIBRARY } from './list-library.js';
import { TABLE_LIBRARY } from './table-library.js';
import { TEMPORAL_LIBRARY } from './temporal-library.js';
import { TEXT_LIBRARY } from './text-library.js';
import { VALUE_LIBRARY } from './value.js';

/**
 * The standard library, namespace by namespace. Registration is data: each group exports an array
 * of entries, and this list puts them together.
 */
export const STANDARD_LIBRARY: readonly LibraryEntry[] = [
  ...INTRINSICS,
  ...VALUE_LIBRARY,
  ...CORE_LIBRARY,
  ...LIST_LIBRARY,
  ...TEXT_LIBRARY,
  ...TEMPORAL_LIBRARY,
  ...TABLE_LIBRARY,
  ...CSV_LIBRARY,
];

import type { LibraryEntry } from '../define.js';
import { TEXT_CONVERT_LIBRARY } from './convert.js';
import { TEXT_EDIT_LIBRARY } from './edit.js';
import { TEXT_SEARCH_LIBRARY } from './search.js';

/**
 * The Text namespace (except `Text.From` and `Text.Format`, which format numbers and dates and live
 * with the temporal group), with `RelativePosition`.
 */
export const TEXT_NAMESPACE: readonly LibraryEntry[] = [
  ...TEXT_EDIT_LIBRARY,
  ...TEXT_SEARCH_LIBRARY,
  ...TEXT_CONVERT_LIBRARY,
];

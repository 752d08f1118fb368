import { defineContextValue, type LibraryEntry } from './define.js';

/** `Culture.Current`: the evaluation's `culture` option (default `en-US`). */
export const CULTURE_LIBRARY: readonly LibraryEntry[] = [
  defineContextValue('Culture.Current', (ctx) => ctx.culture),
];

import { equals } from '../operators/compare.js';
import { asText } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/**
 * `Replacer.*`: the replacers of `List.ReplaceValue` and `Table.ReplaceValue`, called as
 * `replacer(value, old, new)`.
 */
export const REPLACER_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Replacer.ReplaceText',
    '(text as nullable text, old as text, new as text) as nullable text',
    (_ctx, [text, old, replacement]) => {
      if (text === null) return null;
      const search = asText(old);
      if (search === '') return asText(text);
      return asText(text).split(search).join(asText(replacement));
    },
  ),
  defineFunction(
    'Replacer.ReplaceValue',
    '(value as any, old as any, new as any) as any',
    (ctx, [value, old, replacement]) => (equals(ctx, value, old) ? replacement : value),
  ),
];

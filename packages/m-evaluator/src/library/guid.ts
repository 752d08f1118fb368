import { MError } from '../errors.js';
import { asText } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/**
 * `Guid.From`: a GUID written in one of the documented forms, as the lower-case 8-4-4-4-12 text of
 * `Guid.Type`.
 */

const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTIGUOUS = /^[0-9a-f]{32}$/i;

/** The 32 hexadecimal digits of a GUID in any documented form, or undefined. */
function guidDigits(text: string): string | undefined {
  if (CONTIGUOUS.test(text)) return text;
  const first = text[0];
  const last = text[text.length - 1];
  const enclosed =
    (first === '{' && last === '}') || (first === '(' && last === ')') ? text.slice(1, -1) : text;
  return HYPHENATED.test(enclosed) ? enclosed.replaceAll('-', '') : undefined;
}

/** The Guid namespace (`Guid.Type` is with the number facet types). */
export const GUID_LIBRARY: readonly LibraryEntry[] = [
  defineFunction('Guid.From', '(value as nullable text) as nullable text', (_ctx, [value]) => {
    if (value === null) return null;
    const text = asText(value);
    const digits = guidDigits(text)?.toLowerCase();
    if (digits === undefined) {
      throw MError.dataFormat(
        'The text is not a GUID. Write 32 hexadecimal digits, either contiguous or in blocks of 8-4-4-4-12 separated by hyphens, optionally enclosed in braces or parentheses.',
        text,
      );
    }
    return [
      digits.slice(0, 8),
      digits.slice(8, 12),
      digits.slice(12, 16),
      digits.slice(16, 20),
      digits.slice(20),
    ].join('-');
  }),
];

import { MError } from '../errors.js';
import { displayTypeOf } from '../operators/type-names.js';
import { strip, type Value } from '../values/value.js';
import { asLogical, asText } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/** `Logical.*`: conversions between logical values, text and numbers. */

/** `Logical.FromText`: "true" or "false" in any letter case; anything else is an error. */
export function logicalFromText(text: string): boolean {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw MError.expression('Could not convert to a logical.', text);
}

/** `Logical.From`: null, a logical, a text ("true"/"false") or a number (0 is false). */
export function logicalFrom(value: Value): boolean | null {
  const plain = strip(value);
  if (plain === null || typeof plain === 'boolean') return plain;
  if (typeof plain === 'string') return logicalFromText(plain);
  if (typeof plain === 'number') return plain !== 0;
  throw MError.expression(
    `We cannot convert a value of type ${displayTypeOf(plain)} to type Logical.`,
    plain,
  );
}

/** The `Logical.*` functions. */
export const LOGICAL_LIBRARY: readonly LibraryEntry[] = [
  defineFunction('Logical.From', '(value as any) as nullable logical', (_ctx, [value]) =>
    logicalFrom(value),
  ),
  defineFunction(
    'Logical.FromText',
    '(text as nullable text) as nullable logical',
    (_ctx, [text]) => (text === null ? null : logicalFromText(asText(text))),
  ),
  defineFunction(
    'Logical.ToText',
    '(logicalValue as nullable logical) as nullable text',
    (_ctx, [value]) => (value === null ? null : asLogical(value) ? 'true' : 'false'),
  ),
];

import type { PrimitiveTypeName } from './nodes.js';

/**
 * Lexical facts of the M language (specification, "Lexical grammar"): keywords, character classes,
 * and the rules for writing names and text so that they read back unchanged.
 */

/** The keywords that are written as words. */
export const WORD_KEYWORDS = [
  'and',
  'as',
  'each',
  'else',
  'error',
  'false',
  'if',
  'in',
  'is',
  'let',
  'meta',
  'not',
  'null',
  'or',
  'otherwise',
  'section',
  'shared',
  'then',
  'true',
  'try',
  'type',
] as const;

/** The keywords that start with `#`. */
export const HASH_KEYWORDS = [
  '#binary',
  '#date',
  '#datetime',
  '#datetimezone',
  '#duration',
  '#infinity',
  '#nan',
  '#sections',
  '#shared',
  '#table',
  '#time',
] as const;

/** Every keyword of M. */
export const KEYWORDS: readonly string[] = [...WORD_KEYWORDS, ...HASH_KEYWORDS];

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** The primitive type names, in the order of the specification (and `action`). */
export const PRIMITIVE_TYPE_NAMES: readonly PrimitiveTypeName[] = [
  'action',
  'any',
  'anynonnull',
  'binary',
  'date',
  'datetime',
  'datetimezone',
  'duration',
  'function',
  'list',
  'logical',
  'none',
  'null',
  'number',
  'record',
  'table',
  'text',
  'time',
  'type',
];

const PRIMITIVE_TYPE_SET: ReadonlySet<string> = new Set(PRIMITIVE_TYPE_NAMES);

/** Whether `name` is an M keyword (`let`, `#table`, …). Keywords are case-sensitive. */
export function isKeyword(name: string): boolean {
  return KEYWORD_SET.has(name);
}

/** Whether `name` is a primitive type name (`number`, `nullable` is not one). */
export function isPrimitiveTypeName(name: string): name is PrimitiveTypeName {
  return PRIMITIVE_TYPE_SET.has(name);
}

/** Characters that may start an identifier: letters (Lu, Ll, Lt, Lm, Lo, Nl) and `_`. */
export const IDENTIFIER_START_CLASS = String.raw`\p{L}\p{Nl}_`;

/**
 * Characters that may continue an identifier: letters, decimal digits (Nd), connecting (Pc),
 * combining (Mn, Mc) and formatting (Cf) characters.
 */
export const IDENTIFIER_PART_CLASS = String.raw`\p{L}\p{Nl}\p{Nd}\p{Pc}\p{Mn}\p{Mc}\p{Cf}`;

const SEGMENT = `[${IDENTIFIER_START_CLASS}][${IDENTIFIER_PART_CLASS}]*`;
const REGULAR_IDENTIFIER = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`, 'u');
const GENERALIZED_PART = new RegExp(`^\\p{Nd}?${SEGMENT}(?:\\.${SEGMENT})*$`, 'u');

/**
 * Whether `name` can be written as a regular identifier: dotted segments that each start with a
 * letter or `_`, none of them a keyword.
 */
export function isRegularIdentifier(name: string): boolean {
  if (!REGULAR_IDENTIFIER.test(name)) return false;
  for (const segment of name.split('.')) {
    if (KEYWORD_SET.has(segment)) return false;
  }
  return true;
}

/**
 * Whether `name` can be written unquoted as a record field name or a field selector (a generalized
 * identifier): parts separated by single blanks, where a part may be a keyword and may start with one
 * decimal digit.
 */
export function isGeneralizedIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (const part of name.split(' ')) {
    if (!GENERALIZED_PART.test(part)) return false;
  }
  return true;
}

/** Writes `value` as an M text literal, with `""` and `#(…)` escapes where needed. */
export function formatTextLiteral(value: string): string {
  return `"${escapeTextContent(value)}"`;
}

/** Writes `name` as an identifier: regular when possible, else quoted (`#"A B"`). */
export function formatIdentifier(name: string): string {
  return isRegularIdentifier(name) ? name : `#${formatTextLiteral(name)}`;
}

/** Writes `name` as a field name: generalized when possible, else quoted. */
export function formatFieldName(name: string): string {
  return isGeneralizedIdentifier(name) ? name : `#${formatTextLiteral(name)}`;
}

/** Escapes the content of a text literal (without the surrounding quotes). */
export function escapeTextContent(value: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let escape: string | undefined;
    if (code === 0x22) {
      escape = '""';
    } else if (code === 0x23 && value.charCodeAt(i + 1) === 0x28) {
      escape = '#(#)';
    } else if (code === 0x0d && value.charCodeAt(i + 1) === 0x0a) {
      out += value.slice(runStart, i) + '#(cr,lf)';
      i++;
      runStart = i + 1;
      continue;
    } else if (code === 0x0d) {
      escape = '#(cr)';
    } else if (code === 0x0a) {
      escape = '#(lf)';
    } else if (code === 0x09) {
      escape = '#(tab)';
    } else if (needsHexEscape(value, i, code)) {
      escape = `#(${code.toString(16).toUpperCase().padStart(4, '0')})`;
    }
    if (escape !== undefined) {
      out += value.slice(runStart, i) + escape;
      runStart = i + 1;
    }
  }
  return out + value.slice(runStart);
}

function needsHexEscape(value: string, index: number, code: number): boolean {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
    return true;
  }
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = value.charCodeAt(index + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = value.charCodeAt(index - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return code === 0xfeff;
}

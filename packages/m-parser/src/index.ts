/**
 * `@pqsdk/m-parser`: the Power Query M parser.
 *
 * @packageDocumentation
 */
export type { Diagnostic, DiagnosticCode } from './diagnostic.js';
export type { Comment, LexResult } from './lexer.js';
export { lex } from './lexer.js';
export { LineMap } from './line-map.js';
export type { ParseMode, ParseOptions, ParseResult } from './parse.js';
export { parse } from './parse.js';
export { MAX_NESTING_DEPTH } from './grammar-base.js';
export { formatNumber, print } from './printer.js';
export type { PrintOptions } from './printer.js';

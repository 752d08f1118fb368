import type { Document } from '@pqsdk/m-ast';
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Diagnostic } from './diagnostic.js';
import { lex, type Comment } from './lexer.js';
import type { LineMap } from './line-map.js';
import { MAX_NESTING_DEPTH, NestingTooDeepError } from './grammar-base.js';
import { MParser } from './parser.js';
import { LBracket, RBracket, Section } from './tokens.js';

/**
 * What kind of document to read: a section document (`section Name; …`), a single expression, or
 * whichever the text is (`auto`: a section document when it starts with `section`, after optional
 * literal attributes).
 */
export type ParseMode = 'expression' | 'section' | 'auto';

/** Options of {@link parse}. */
export interface ParseOptions {
  /** Default `auto`. */
  readonly mode?: ParseMode;
}

/** The result of {@link parse}. */
export interface ParseResult {
  /** True when there are no diagnostics. */
  readonly ok: boolean;
  /**
   * The document. When `ok` is false it is the parser's best reading of the text, with
   * `InvalidExpression` nodes where nothing valid was found, or undefined when nothing could be read.
   */
  readonly ast: Document | undefined;
  /** Every problem found, in source order. */
  readonly diagnostics: readonly Diagnostic[];
  /** The comments of the text, in source order. */
  readonly comments: readonly Comment[];
}

let fastParser: MParser | undefined;
let recoveringParser: MParser | undefined;

/**
 * Parses M source text. Never throws: every problem, including input nested too deeply to read,
 * is returned as a diagnostic.
 *
 * @example
 * ```ts
 * const result = parse('let x = 1 in x + 1');
 * if (result.ok) console.log(result.ast.kind); // "ExpressionDocument"
 * ```
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const lexed = lex(text);
  const mode = options.mode ?? 'auto';
  const section = mode === 'section' || (mode === 'auto' && looksLikeSectionDocument(lexed.tokens));

  // Valid text, the common case, is read without error recovery, which is faster; text with errors
  // is read again with recovery, to report every independent error in one pass.
  fastParser ??= new MParser({ recovery: false });
  let attempt = runParser(fastParser, text, lexed.tokens, lexed.lineMap, section);
  if (attempt.errors.length > 0 && !attempt.aborted) {
    recoveringParser ??= new MParser({ recovery: true });
    attempt = runParser(recoveringParser, text, lexed.tokens, lexed.lineMap, section);
  }

  const diagnostics = [...lexed.diagnostics, ...attempt.errors];
  diagnostics.sort((a, b) => a.span.offset - b.span.offset);
  return {
    ok: diagnostics.length === 0,
    ast: attempt.ast,
    diagnostics: dedupe(diagnostics),
    comments: lexed.comments,
  };
}

interface Attempt {
  readonly ast: Document | undefined;
  readonly errors: Diagnostic[];
  /** The parse stopped early (nesting too deep, or an internal error). */
  readonly aborted: boolean;
}

function runParser(
  parser: MParser,
  text: string,
  tokens: IToken[],
  lineMap: LineMap,
  section: boolean,
): Attempt {
  parser.begin(text, tokens, lineMap);
  try {
    const ast = section ? parser.sectionDocument() : parser.expressionDocument();
    const errors = [
      ...parser.diagnostics,
      ...parser.errors.map((error) => fromException(error, lineMap)),
    ];
    return { ast, errors, aborted: false };
  } catch (error) {
    return { ast: undefined, errors: [abortDiagnostic(error, lineMap, text)], aborted: true };
  }
}

function fromException(error: IRecognitionException, lineMap: LineMap): Diagnostic {
  const token = error.token;
  const offset = Number.isNaN(token.startOffset) ? lineMap.textLength : token.startOffset;
  const end = Number.isNaN(token.startOffset) ? offset : token.startOffset + token.image.length;
  return {
    code:
      error.name === 'NotAllInputParsedException'
        ? 'PQSDK_PARSE_EXTRA_INPUT'
        : 'PQSDK_PARSE_UNEXPECTED_TOKEN',
    message: error.message,
    severity: 'error',
    span: lineMap.span(offset, end),
  };
}

function abortDiagnostic(error: unknown, lineMap: LineMap, text: string): Diagnostic {
  if (error instanceof NestingTooDeepError) {
    const offset = Number.isNaN(error.token.startOffset) ? text.length : error.token.startOffset;
    return {
      code: 'PQSDK_PARSE_TOO_DEEP',
      message: `expressions are nested more than ${String(MAX_NESTING_DEPTH)} levels deep here; split the expression with let variables`,
      severity: 'error',
      span: lineMap.span(offset, offset),
    };
  }
  if (error instanceof RangeError) {
    return {
      code: 'PQSDK_PARSE_TOO_DEEP',
      message:
        'the text is nested too deeply to parse; split deeply nested expressions with let variables',
      severity: 'error',
      span: lineMap.span(0, 0),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'PQSDK_PARSE_INTERNAL',
    message: `internal parser error (please report it with the text that caused it): ${detail}`,
    severity: 'error',
    span: lineMap.span(0, 0),
  };
}

/** A section document starts with `section`, after optional literal attributes `[…]`. */
function looksLikeSectionDocument(tokens: readonly IToken[]): boolean {
  let index = 0;
  if (tokens[0]?.tokenType === LBracket) {
    let depth = 0;
    for (; index < tokens.length; index++) {
      const type = (tokens[index] as IToken).tokenType;
      if (type === LBracket) depth++;
      else if (type === RBracket && --depth === 0) break;
    }
    index++;
  }
  return tokens[index]?.tokenType === Section;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${String(diagnostic.span.offset)}:${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

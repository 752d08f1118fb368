import type { Span } from '@pqsdk/m-ast';
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from './diagnostic.js';
import { LineMap } from './line-map.js';
import { decodeTextContent, type EscapeProblem } from './text-literal.js';
import {
  ALL_TOKENS,
  Identifier,
  LineComment,
  QuotedIdentifier,
  TextLiteral,
  UnknownHashWord,
  UnterminatedBlockComment,
  UnterminatedText,
  VerbatimLiteral,
} from './tokens.js';

/** A comment of the source text, kept apart from the tokens. */
export interface Comment {
  readonly kind: 'LineComment' | 'BlockComment';
  /** The comment as written, with its `//` or `/* *\/` delimiters. */
  readonly text: string;
  readonly span: Span;
}

/** The result of lexing a text. */
export interface LexResult {
  /** Tokens, without whitespace and comments. Text-like tokens carry their decoded value as `payload`. */
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
  /** Maps offsets of the text to lines and columns. */
  readonly lineMap: LineMap;
}

let sharedLexer: Lexer | undefined;

/** Builds the chevrotain lexer. `validate` runs chevrotain's definition checks (slower; for tests). */
export function createLexer(validate = false): Lexer {
  return new Lexer(ALL_TOKENS, {
    // Start positions only: the ends follow from the image length, except for the few tokens that
    // hold line breaks, whose ends `lex` computes. This makes lexing about a third faster.
    positionTracking: 'onlyStart',
    ensureOptimizations: true,
    lineTerminatorsPattern: /\r\n?|[\n\u0085\u2028\u2029]/g,
    lineTerminatorCharacters: ['\r', '\n', '\u0085', '\u2028', '\u2029'],
    skipValidations: !validate,
  });
}

/** Splits `text` into tokens. Never throws; problems become diagnostics. */
export function lex(text: string): LexResult {
  sharedLexer ??= createLexer();
  const result = sharedLexer.tokenize(text);
  const lineMap = new LineMap(text);
  const diagnostics: Diagnostic[] = [];
  const tokens = result.tokens;
  const hasBom = text.charCodeAt(0) === 0xfeff;

  if (hasBom) {
    for (const token of tokens) {
      if (token.startLine !== 1) break;
      shiftFirstLineToken(token);
    }
  }

  for (const error of result.errors) {
    const character = text.slice(error.offset, error.offset + error.length);
    diagnostics.push({
      code: 'PQSDK_LEX_UNEXPECTED_CHARACTER',
      message: `unexpected ${describeCharacters(character)}`,
      severity: 'error',
      span: lineMap.span(error.offset, error.offset + error.length),
    });
  }

  const problems: EscapeProblem[] = [];
  for (const token of tokens) {
    const type = token.tokenType;
    if (
      type === TextLiteral ||
      type === QuotedIdentifier ||
      type === VerbatimLiteral ||
      type === UnterminatedText
    ) {
      setMultilineEnd(token, lineMap);
    }
    if (type === TextLiteral) {
      token.payload = decodeTextContent(text, token.startOffset + 1, tokenEnd(token) - 1, problems);
    } else if (type === QuotedIdentifier) {
      token.payload = decodeTextContent(text, token.startOffset + 2, tokenEnd(token) - 1, problems);
    } else if (type === VerbatimLiteral) {
      token.payload = decodeTextContent(text, token.startOffset + 3, tokenEnd(token) - 1, problems);
    } else if (type === UnterminatedText) {
      recoverUnterminatedText(text, token, lineMap, diagnostics, problems);
    } else if (type === UnknownHashWord) {
      diagnostics.push({
        code: 'PQSDK_LEX_UNKNOWN_KEYWORD',
        message: `\`${token.image}\` is not a keyword; to use it as a name, write #"${token.image}"`,
        severity: 'error',
        span: lineMap.span(token.startOffset, tokenEnd(token)),
      });
      retype(token, Identifier);
    }
  }
  for (const problem of problems) {
    diagnostics.push({
      code: 'PQSDK_LEX_INVALID_ESCAPE',
      message: problem.message,
      severity: 'error',
      span: lineMap.span(problem.offset, problem.offset + problem.length),
    });
  }

  const comments: Comment[] = [];
  const commentTokens = result.groups['comments'] ?? [];
  for (const token of commentTokens) {
    if (hasBom && token.startLine === 1) shiftFirstLineToken(token);
    setMultilineEnd(token, lineMap);
    const span = tokenSpan(token, text, lineMap);
    if (token.tokenType === UnterminatedBlockComment) {
      diagnostics.push({
        code: 'PQSDK_LEX_UNTERMINATED_COMMENT',
        message: 'unterminated comment: `/*` has no closing `*/`',
        severity: 'error',
        span: lineMap.span(token.startOffset, token.startOffset + 2),
      });
    }
    comments.push({
      kind: token.tokenType === LineComment ? 'LineComment' : 'BlockComment',
      text: token.image,
      span,
    });
  }

  return { tokens, comments, diagnostics, lineMap };
}

/** The offset just past a token. */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** The line of a token's last character. */
export function tokenEndLine(token: IToken): number {
  return token.endLine ?? (token.startLine as number);
}

/** The column just past a token's last character (on its last line). */
export function tokenEndColumn(token: IToken): number {
  return token.endColumn === undefined
    ? (token.startColumn as number) + token.image.length
    : token.endColumn + 1;
}

/**
 * The span of a token. A token whose last character ends a line (only an unterminated text or
 * comment can) ends at the start of the next line.
 */
export function tokenSpan(token: IToken, text: string, lineMap: LineMap): Span {
  const end = tokenEnd(token);
  if (endsWithLineBreak(text, end)) return lineMap.span(token.startOffset, end);
  return {
    offset: token.startOffset,
    end,
    line: token.startLine as number,
    column: token.startColumn as number,
    endLine: tokenEndLine(token),
    endColumn: tokenEndColumn(token),
  };
}

/** Whether the character before `end` ends a line. */
export function endsWithLineBreak(text: string, end: number): boolean {
  const code = text.charCodeAt(end - 1);
  return code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/**
 * Gives a token that spans lines its end line and column (of its last character, as chevrotain's
 * full position tracking would); the lexer tracks starts only.
 */
function setMultilineEnd(token: IToken, lineMap: LineMap): void {
  const image = token.image;
  for (let index = 0; index < image.length; index++) {
    const code = image.charCodeAt(index);
    if (code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029) {
      const last = lineMap.position(token.startOffset + image.length - 1);
      token.endLine = last.line;
      token.endColumn = last.column;
      return;
    }
  }
}

function shiftFirstLineToken(token: IToken): void {
  if (token.startColumn !== undefined) token.startColumn -= 1;
}

function retype(token: IToken, type: TokenType): void {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx as number;
}

function recoverUnterminatedText(
  text: string,
  token: IToken,
  lineMap: LineMap,
  diagnostics: Diagnostic[],
  problems: EscapeProblem[],
): void {
  const prefix = token.image.startsWith('#!') ? 3 : token.image.startsWith('#') ? 2 : 1;
  const what =
    prefix === 3 ? 'verbatim literal' : prefix === 2 ? 'quoted identifier' : 'text literal';
  diagnostics.push({
    code: 'PQSDK_LEX_UNTERMINATED_TEXT',
    message: `unterminated ${what}: the \`"\` that starts here has no closing \`"\``,
    severity: 'error',
    span: lineMap.span(token.startOffset, token.startOffset + prefix),
  });
  // Decode what there is (quotes in it come in `""` pairs), so that the parser can go on.
  token.payload = decodeTextContent(text, token.startOffset + prefix, tokenEnd(token), problems);
  retype(token, prefix === 3 ? VerbatimLiteral : prefix === 2 ? QuotedIdentifier : TextLiteral);
}

/** Describes characters for a message: printable ones quoted, others by code point. */
export function describeCharacters(characters: string): string {
  const codePoints = Array.from(characters);
  if (codePoints.length === 1) {
    const only = codePoints[0] as string;
    const code = only.codePointAt(0) as number;
    const printable = code > 0x20 && !(code >= 0x7f && code <= 0x9f) && !/\p{Z}|\p{C}/u.test(only);
    if (!printable) return `character U+${hex(code)}`;
    const quoted = only === '`' ? '`` ` ``' : `\`${only}\``;
    return `character ${quoted} (U+${hex(code)})`;
  }
  return `characters \`${characters}\``;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

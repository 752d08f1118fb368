import { IDENTIFIER_PART_CLASS, IDENTIFIER_START_CLASS } from '@pqsdk/m-ast';
import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * The tokens of M (specification, "Lexical grammar"). The order of `ALL_TOKENS` is the order in which
 * the lexer tries them: longer punctuators before their prefixes, keywords before identifiers.
 */

// ---------------------------------------------------------------------------------------------
// Trivia
// ---------------------------------------------------------------------------------------------

/** Blanks (Unicode class Zs), tab, vertical tab, form feed, new lines, and a byte-order mark. */
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern:
    /(?:[ \t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]|\r\n?|[\n\u0085\u2028\u2029])+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** `// …` to the end of the line. */
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\r\n\u0085\u2028\u2029]*/,
  group: 'comments',
});

/** `/* … *\/`. */
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: 'comments',
  line_breaks: true,
});

/** `/*` with no end: reported as an error, and consumes the rest of the input. */
export const UnterminatedBlockComment = createToken({
  name: 'UnterminatedBlockComment',
  pattern: /\/\*[\s\S]*/,
  group: 'comments',
  line_breaks: true,
});

// ---------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------

/** Tokens that may be a part of a generalized identifier (a field name): words and numbers. */
export const GeneralizedIdentifierPart = createToken({
  name: 'GeneralizedIdentifierPart',
  pattern: Lexer.NA,
});

/** Binary operators that take an expression on each side. */
export const BinaryOperatorToken = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });

/** `as` and `is`, which take a type on the right. */
export const TypeOperatorToken = createToken({ name: 'TypeOperator', pattern: Lexer.NA });

/** `+`, `-` and `not` before an operand. */
export const UnaryOperatorToken = createToken({ name: 'UnaryOperator', pattern: Lexer.NA });

/** Literal tokens: numbers, text, logical values, null, `#infinity`, `#nan`, verbatim literals. */
export const LiteralToken = createToken({ name: 'Literal', pattern: Lexer.NA });

/** Hash keywords that name library values: `#table`, `#date`, …, `#shared`, `#sections`. */
export const HashIdentifier = createToken({ name: 'HashIdentifier', pattern: Lexer.NA });

/** Tokens that close a bracketed construct; used for clearer messages. */
export const ClosingToken = createToken({ name: 'Closing', pattern: Lexer.NA });

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

const UNICODE_START = new RegExp(`[${IDENTIFIER_START_CLASS}]`, 'uy');
const UNICODE_PART = new RegExp(`[${IDENTIFIER_PART_CLASS}]+`, 'uy');

function isAsciiStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isAsciiPart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    code === 95 ||
    (code >= 48 && code <= 57)
  );
}

/** Length of the identifier-part characters at `index` that are not ASCII, or 0. */
function unicodePartLength(text: string, index: number): number {
  UNICODE_PART.lastIndex = index;
  const match = UNICODE_PART.exec(text);
  return match === null ? 0 : match[0].length;
}

/**
 * Scans a regular identifier at `start` and returns the offset just past it, or `start` if there is
 * none. Dotted names (`Table.AddColumn`) are one identifier; a dot is part of it only when an
 * identifier character follows, so `a..b` is `a`, `..`, `b`.
 */
export function scanIdentifier(text: string, start: number): number {
  let index = start;
  const first = text.charCodeAt(index);
  if (isAsciiStart(first)) {
    index++;
  } else if (first >= 128) {
    UNICODE_START.lastIndex = index;
    const match = UNICODE_START.exec(text);
    if (match === null) return start;
    index += match[0].length;
  } else {
    return start;
  }
  for (;;) {
    const code = text.charCodeAt(index);
    if (isAsciiPart(code)) {
      index++;
    } else if (code === 46) {
      const next = text.charCodeAt(index + 1);
      if (isAsciiPart(next) || (next >= 128 && unicodePartLength(text, index + 1) > 0)) {
        index++;
      } else {
        return index;
      }
    } else if (code >= 128) {
      const length = unicodePartLength(text, index);
      if (length === 0) return index;
      index += length;
    } else {
      return index;
    }
  }
}

const IDENTIFIER_MATCH: [string] = [''];

function identifierStartHints(): number[] {
  const hints: number[] = [95];
  for (let code = 65; code <= 90; code++) hints.push(code, code + 32);
  // Chevrotain groups the characters above U+00FF into buckets of 255; one hint per bucket lets every
  // non-ASCII character reach the identifier scanner, which then applies the Unicode classes.
  for (let code = 0xaa; code <= 0xff; code++) hints.push(code);
  hints.push(256);
  for (let k = 2; k <= 257; k++) hints.push(k * 255);
  return hints;
}

/** A regular identifier: `x`, `Table.AddColumn`, `_`. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: {
    exec: (text: string, offset: number): [string] | null => {
      const end = scanIdentifier(text, offset);
      if (end === offset) return null;
      // The lexer reads the match at once, so one array serves every match.
      IDENTIFIER_MATCH[0] = text.slice(offset, end);
      return IDENTIFIER_MATCH;
    },
  },
  line_breaks: false,
  start_chars_hint: identifierStartHints(),
  categories: [GeneralizedIdentifierPart],
});

/** `#"…"`. */
export const QuotedIdentifier = createToken({
  name: 'QuotedIdentifier',
  pattern: /#"[^"]*(?:""[^"]*)*"/,
  line_breaks: true,
});

// ---------------------------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------------------------

/** `"…"` with `""` and `#(…)` escapes. */
export const TextLiteral = createToken({
  name: 'TextLiteral',
  pattern: /"[^"]*(?:""[^"]*)*"/,
  line_breaks: true,
  categories: [LiteralToken],
});

/** `"` with no closing quote: reported as an error, and consumes the rest of the input. */
export const UnterminatedText = createToken({
  name: 'UnterminatedText',
  pattern: /(?:#!?)?"[\s\S]*/,
  line_breaks: true,
});

/** `#!"…"`. */
export const VerbatimLiteral = createToken({
  name: 'VerbatimLiteral',
  pattern: /#!"[^"]*(?:""[^"]*)*"/,
  line_breaks: true,
  categories: [LiteralToken],
});

/** Decimal (`1`, `1.5`, `.05`, `1e-3`) and hexadecimal (`0xff`) number literals. */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /0[xX][0-9a-fA-F]+|(?:[0-9]*\.[0-9]+|[0-9]+)(?:[eE][+-]?[0-9]+)?/,
  categories: [LiteralToken, GeneralizedIdentifierPart],
});

// ---------------------------------------------------------------------------------------------
// Keywords
// ---------------------------------------------------------------------------------------------

function keyword(word: string, categories: TokenType[] = []): TokenType {
  return createToken({
    name: `Keyword_${word}`,
    label: `\`${word}\``,
    pattern: word,
    longer_alt: Identifier,
    categories: [GeneralizedIdentifierPart, ...categories],
  });
}

export const And = keyword('and', [BinaryOperatorToken]);
export const As = keyword('as', [TypeOperatorToken]);
export const Each = keyword('each');
export const Else = keyword('else');
export const ErrorKeyword = keyword('error');
export const False = keyword('false', [LiteralToken]);
export const If = keyword('if');
export const In = keyword('in');
export const Is = keyword('is', [TypeOperatorToken]);
export const Let = keyword('let');
export const Meta = keyword('meta', [BinaryOperatorToken]);
export const Not = keyword('not', [UnaryOperatorToken]);
export const Null = keyword('null', [LiteralToken]);
export const Or = keyword('or', [BinaryOperatorToken]);
export const Otherwise = keyword('otherwise');
export const Section = keyword('section');
export const Shared = keyword('shared');
export const Then = keyword('then');
export const True = keyword('true', [LiteralToken]);
export const Try = keyword('try');
export const Type = keyword('type');

/** A `#` word that is not a keyword (`#dates`): reported as an error. */
export const UnknownHashWord = createToken({
  name: 'UnknownHashWord',
  pattern: /#[A-Za-z0-9_]+/,
});

function hashKeyword(word: string, categories: TokenType[]): TokenType {
  return createToken({
    name: `Keyword_${word.slice(1)}`,
    label: `\`${word}\``,
    pattern: word,
    longer_alt: UnknownHashWord,
    categories,
  });
}

export const HashBinary = hashKeyword('#binary', [HashIdentifier]);
export const HashDateTimeZone = hashKeyword('#datetimezone', [HashIdentifier]);
export const HashDateTime = hashKeyword('#datetime', [HashIdentifier]);
export const HashDate = hashKeyword('#date', [HashIdentifier]);
export const HashDuration = hashKeyword('#duration', [HashIdentifier]);
export const HashInfinity = hashKeyword('#infinity', [LiteralToken]);
export const HashNan = hashKeyword('#nan', [LiteralToken]);
export const HashSections = hashKeyword('#sections', [HashIdentifier]);
export const HashShared = hashKeyword('#shared', [HashIdentifier]);
export const HashTable = hashKeyword('#table', [HashIdentifier]);
export const HashTime = hashKeyword('#time', [HashIdentifier]);

// ---------------------------------------------------------------------------------------------
// Operators and punctuators
// ---------------------------------------------------------------------------------------------

function punctuator(name: string, image: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, label: `\`${image}\``, pattern: image, categories });
}

export const FatArrow = punctuator('FatArrow', '=>');
export const Equal = punctuator('Equal', '=', [BinaryOperatorToken]);
export const NotEqual = punctuator('NotEqual', '<>', [BinaryOperatorToken]);
export const LessThanOrEqual = punctuator('LessThanOrEqual', '<=', [BinaryOperatorToken]);
export const LessThan = punctuator('LessThan', '<', [BinaryOperatorToken]);
export const GreaterThanOrEqual = punctuator('GreaterThanOrEqual', '>=', [BinaryOperatorToken]);
export const GreaterThan = punctuator('GreaterThan', '>', [BinaryOperatorToken]);
export const Plus = punctuator('Plus', '+', [BinaryOperatorToken, UnaryOperatorToken]);
export const Minus = punctuator('Minus', '-', [BinaryOperatorToken, UnaryOperatorToken]);
export const Star = punctuator('Star', '*', [BinaryOperatorToken]);
export const Slash = punctuator('Slash', '/', [BinaryOperatorToken]);
export const Ampersand = punctuator('Ampersand', '&', [BinaryOperatorToken]);
export const Coalesce = punctuator('Coalesce', '??', [BinaryOperatorToken]);
export const Question = punctuator('Question', '?');
export const Ellipsis = punctuator('Ellipsis', '...');
export const DotDot = punctuator('DotDot', '..');
export const Comma = punctuator('Comma', ',');
export const Semicolon = punctuator('Semicolon', ';');
export const LParen = punctuator('LParen', '(');
export const RParen = punctuator('RParen', ')', [ClosingToken]);
export const LBracket = punctuator('LBracket', '[');
export const RBracket = punctuator('RBracket', ']', [ClosingToken]);
export const LBrace = punctuator('LBrace', '{');
export const RBrace = punctuator('RBrace', '}', [ClosingToken]);
export const At = punctuator('At', '@');
export const Bang = punctuator('Bang', '!');

/** Every token type, in the order the lexer tries them. */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  // categories
  GeneralizedIdentifierPart,
  BinaryOperatorToken,
  TypeOperatorToken,
  UnaryOperatorToken,
  LiteralToken,
  HashIdentifier,
  ClosingToken,
  // literals that start with a quote or #
  TextLiteral,
  VerbatimLiteral,
  QuotedIdentifier,
  UnterminatedText,
  HashBinary,
  HashDateTimeZone,
  HashDateTime,
  HashDate,
  HashDuration,
  HashInfinity,
  HashNan,
  HashSections,
  HashShared,
  HashTable,
  HashTime,
  UnknownHashWord,
  // punctuators that start with a dot come before numbers (`..5` is `..` then `5`)
  Ellipsis,
  DotDot,
  NumberLiteral,
  // keywords
  And,
  As,
  Each,
  Else,
  ErrorKeyword,
  False,
  If,
  In,
  Is,
  Let,
  Meta,
  Not,
  Null,
  Or,
  Otherwise,
  Section,
  Shared,
  Then,
  True,
  Try,
  Type,
  Identifier,
  // operators
  FatArrow,
  Equal,
  NotEqual,
  LessThanOrEqual,
  LessThan,
  GreaterThanOrEqual,
  GreaterThan,
  Plus,
  Minus,
  Star,
  Slash,
  Ampersand,
  Coalesce,
  Question,
  Comma,
  Semicolon,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  At,
  Bang,
];

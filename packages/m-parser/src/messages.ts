import {
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import {
  ClosingToken,
  Comma,
  Else,
  Equal,
  FatArrow,
  GeneralizedIdentifierPart,
  Identifier,
  In,
  LiteralToken,
  NumberLiteral,
  QuotedIdentifier,
  RBrace,
  RBracket,
  RParen,
  Semicolon,
  TextLiteral,
  Then,
  VerbatimLiteral,
} from './tokens.js';

/** A construct that is open while the parser reads its inside, named in messages. */
export interface Opener {
  /** Where the construct starts. */
  readonly line: number;
  readonly column: number;
  /** What the construct is: `(`, `[`, `{`, `let`, `if`, `member`, `function`, … */
  readonly what: OpenerKind;
  /** A name to mention, such as the member or variable being defined. */
  readonly name?: string;
}

/** The kinds of open constructs. */
export type OpenerKind =
  '(' | '[' | '{' | 'let' | 'if' | 'member' | 'section' | 'function' | 'field' | 'variable';

/** Where the parser's current open constructs are kept. */
export interface OpenerSource {
  currentOpener(): Opener | undefined;
}

const MAX_IMAGE = 30;

/** Describes a token for a message: "identifier `foo`", "`)`", "the end of the input". */
export function describeToken(token: IToken): string {
  const type = token.tokenType;
  if (type === EOF) return 'the end of the input';
  const image =
    token.image.length > MAX_IMAGE ? `${token.image.slice(0, MAX_IMAGE)}…` : token.image;
  if (type === Identifier) return `identifier \`${image}\``;
  if (type === QuotedIdentifier) return `quoted identifier \`${image}\``;
  if (type === NumberLiteral) return `number \`${image}\``;
  if (type === TextLiteral) return `text ${firstLine(image)}`;
  if (type === VerbatimLiteral) return `verbatim literal ${firstLine(image)}`;
  return `\`${image}\``;
}

function firstLine(image: string): string {
  const newline = image.search(/[\r\n\u0085\u2028\u2029]/);
  return newline === -1 ? image : `${image.slice(0, newline)}…`;
}

/** Describes what a token type stands for: "`)`", "a name", "a field name". */
export function describeTokenType(type: TokenType): string {
  if (type === Identifier) return 'a name';
  if (type === GeneralizedIdentifierPart) return 'a field name';
  if (type === LiteralToken) return 'a literal';
  if (type === EOF) return 'the end of the input';
  return type.LABEL ?? `\`${type.name}\``;
}

function at(opener: Opener): string {
  return `${String(opener.line)}:${String(opener.column)}`;
}

function isClosing(token: IToken): boolean {
  return tokenMatcher(token, ClosingToken) || tokenMatcher(token, In) || token.tokenType === EOF;
}

function trailingCommaHint(actual: IToken, previous: IToken | undefined): string {
  return previous !== undefined && tokenMatcher(previous, Comma) && isClosing(actual)
    ? '; remove the trailing `,`'
    : '';
}

/** Builds the messages of syntax errors, naming the open construct an expected token would close. */
export class MessageProvider implements IParserErrorMessageProvider {
  source: OpenerSource | undefined;

  buildMismatchTokenMessage(options: {
    expected: TokenType;
    actual: IToken;
    previous: IToken;
    ruleName: string;
  }): string {
    const { expected, actual, previous } = options;
    const found = describeToken(actual);
    const opener = this.source?.currentOpener();
    const wanted = describeTokenType(expected);
    if (opener !== undefined) {
      const where = at(opener);
      const closes =
        (expected === RParen && opener.what === '(') ||
        (expected === RBracket && opener.what === '[') ||
        (expected === RBrace && opener.what === '{');
      if (closes)
        return `expected ${wanted} to close \`${opener.what}\` at ${where}, found ${found}`;
      if (expected === In && opener.what === 'let') {
        return `expected \`in\` to close \`let\` at ${where}, found ${found}`;
      }
      if (expected === Then && opener.what === 'if') {
        return `expected \`then\` after the condition of \`if\` at ${where}, found ${found}`;
      }
      if (expected === Else && opener.what === 'if') {
        return `expected \`else\` to complete \`if\` at ${where}, found ${found}`;
      }
      if (expected === Semicolon && opener.what === 'member') {
        return `expected \`;\` to end the member \`${opener.name ?? ''}\` defined at ${where}, found ${found}`;
      }
      if (expected === Semicolon && opener.what === 'section') {
        return `expected \`;\` after the section name at ${where}, found ${found}`;
      }
      if (expected === FatArrow && opener.what === 'function') {
        return `expected \`=>\` after the parameters of the function at ${where}, found ${found}`;
      }
      if (expected === Equal && opener.what === 'member') {
        return `expected \`=\` after the member name \`${opener.name ?? ''}\` at ${where}, found ${found}`;
      }
      if (expected === Equal && (opener.what === 'field' || opener.what === 'variable')) {
        return `expected \`=\` after the name \`${opener.name ?? ''}\` at ${where}, found ${found}`;
      }
    }
    return `expected ${wanted}, found ${found}${trailingCommaHint(actual, previous)}`;
  }

  buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
    const found = describeToken(options.firstRedundant);
    if (options.ruleName === 'sectionDocument') {
      return `unexpected ${found}: expected a section member such as \`shared Name = value;\``;
    }
    return `unexpected ${found} after the end of the expression`;
  }

  buildNoViableAltMessage(options: {
    expectedPathsPerAlt: TokenType[][][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    const actual = options.actual[0] as IToken;
    const wanted =
      options.customUserDescription ?? describeAlternatives(options.expectedPathsPerAlt);
    return `expected ${wanted}, found ${describeToken(actual)}${trailingCommaHint(actual, options.previous)}`;
  }

  buildEarlyExitMessage(options: {
    expectedIterationPaths: TokenType[][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    const actual = options.actual[0] as IToken;
    const wanted =
      options.customUserDescription ?? describeAlternatives([options.expectedIterationPaths]);
    return `expected ${wanted}, found ${describeToken(actual)}`;
  }
}

function describeAlternatives(paths: TokenType[][][]): string {
  const names = new Set<string>();
  for (const alternative of paths) {
    for (const path of alternative) {
      const first = path[0];
      if (first !== undefined) names.add(describeTokenType(first));
    }
  }
  const list = [...names];
  if (list.length <= 1) return list[0] ?? 'something else';
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1] ?? ''}`;
}

import { describe, expect, it } from 'vitest';
import { createLexer, describeCharacters, lex } from './lexer.js';

/** `TokenName:image` for each token. */
function tokens(text: string): string[] {
  return lex(text).tokens.map((token) => `${token.tokenType.name}:${token.image}`);
}

describe('the lexer definition', () => {
  it('passes chevrotain validation with first-character optimizations', () => {
    expect(() => createLexer(true)).not.toThrow();
  });
});

describe('numbers', () => {
  it.each([
    ['0', 'NumberLiteral:0'],
    ['42', 'NumberLiteral:42'],
    ['1.5', 'NumberLiteral:1.5'],
    ['.5', 'NumberLiteral:.5'],
    ['.05', 'NumberLiteral:.05'],
    ['1e10', 'NumberLiteral:1e10'],
    ['1E+10', 'NumberLiteral:1E+10'],
    ['2.5e-3', 'NumberLiteral:2.5e-3'],
    ['0xff', 'NumberLiteral:0xff'],
    ['0XAbC1', 'NumberLiteral:0XAbC1'],
    ['#infinity', 'Keyword_infinity:#infinity'],
    ['#nan', 'Keyword_nan:#nan'],
  ])('%s is one token', (text, token) => {
    expect(tokens(text)).toEqual([token]);
  });

  it('splits ranges and what is not part of a number', () => {
    expect(tokens('1..10')).toEqual(['NumberLiteral:1', 'DotDot:..', 'NumberLiteral:10']);
    expect(tokens('1.5..2')).toEqual(['NumberLiteral:1.5', 'DotDot:..', 'NumberLiteral:2']);
    expect(tokens('1e')).toEqual(['NumberLiteral:1', 'Identifier:e']);
    expect(tokens('0x')).toEqual(['NumberLiteral:0', 'Identifier:x']);
    expect(tokens('1st')).toEqual(['NumberLiteral:1', 'Identifier:st']);
    expect(tokens('...5')).toEqual(['Ellipsis:...', 'NumberLiteral:5']);
  });
});

describe('text', () => {
  it('keeps the decoded value as the payload', () => {
    const [token] = lex('"a""b#(cr,lf)#(0041)#(#)(#(tab)"').tokens;
    expect(token?.payload).toBe('a"b\r\nA#(\t');
  });

  it('reads text over several lines', () => {
    const result = lex('"one\ntwo"\nx');
    expect(result.tokens.map((token) => [token.image, token.startLine])).toEqual([
      ['"one\ntwo"', 1],
      ['x', 3],
    ]);
  });

  it.each([
    ['"#(foo)"', 'invalid escape sequence `#(foo)`; use cr, lf, tab, #, or 4 or 8 hex digits'],
    ['"#(12345)"', 'invalid escape sequence `#(12345)`; use cr, lf, tab, #, or 4 or 8 hex digits'],
    [
      '"#(FFFFFFFF)"',
      'invalid escape sequence `#(FFFFFFFF)`; use cr, lf, tab, #, or 4 or 8 hex digits',
    ],
    ['"#(CR)"', 'invalid escape sequence `#(CR)`; use cr, lf, tab, #, or 4 or 8 hex digits'],
    [
      '"#(cr"',
      'unterminated escape sequence: `#(` needs a closing `)`; write `#(#)(` for a literal `#(`',
    ],
    [
      '"#( x)"',
      'unterminated escape sequence: `#(` needs a closing `)`; write `#(#)(` for a literal `#(`',
    ],
  ])('reports the bad escape in %s', (text, message) => {
    const result = lex(text);
    expect(result.diagnostics.map((d) => [d.code, d.message, d.span.column])).toEqual([
      ['PQSDK_LEX_INVALID_ESCAPE', message, 2],
    ]);
  });

  it('reports unterminated text and still gives a token', () => {
    const result = lex('x & "abc');
    expect(tokens('x & "abc')).toEqual(['Identifier:x', 'Ampersand:&', 'TextLiteral:"abc']);
    expect(result.tokens[2]?.payload).toBe('abc');
    expect(result.diagnostics.map((d) => [d.code, d.span.column])).toEqual([
      ['PQSDK_LEX_UNTERMINATED_TEXT', 5],
    ]);
  });
});

describe('identifiers and keywords', () => {
  it.each([
    ['x', 'Identifier:x'],
    ['_x1', 'Identifier:_x1'],
    ['Table.AddColumn', 'Identifier:Table.AddColumn'],
    ['a.b.c', 'Identifier:a.b.c'],
    ['Value.1', 'Identifier:Value.1'],
    ['letter', 'Identifier:letter'],
    ['type.Foo', 'Identifier:type.Foo'],
    ['Let', 'Identifier:Let'],
    ['café', 'Identifier:café'],
    ['名前', 'Identifier:名前'],
    ['𝑥', 'Identifier:𝑥'],
    ['a\u0301b', 'Identifier:a\u0301b'],
    ['#"A B"', 'QuotedIdentifier:#"A B"'],
    ['#"a""b"', 'QuotedIdentifier:#"a""b"'],
    ['#!"v"', 'VerbatimLiteral:#!"v"'],
  ])('%s', (text, token) => {
    expect(tokens(text)).toEqual([token]);
  });

  it('reads every keyword as a keyword', () => {
    const words =
      'and as each else error false if in is let meta not null or otherwise section shared then true try type';
    expect(tokens(words).every((token) => token.startsWith('Keyword_'))).toBe(true);
    const hashes =
      '#binary #date #datetime #datetimezone #duration #infinity #nan #sections #shared #table #time';
    expect(tokens(hashes)).toEqual(
      hashes.split(' ').map((word) => `Keyword_${word.slice(1)}:${word}`),
    );
  });

  it('stops a dotted name before `..`', () => {
    expect(tokens('a..b')).toEqual(['Identifier:a', 'DotDot:..', 'Identifier:b']);
    expect(tokens('a. b')).toHaveLength(2);
  });

  it('reports a # word that is not a keyword and reads it as a name', () => {
    const result = lex('#dates');
    expect(tokens('#dates')).toEqual(['Identifier:#dates']);
    expect(result.diagnostics[0]?.message).toBe(
      '`#dates` is not a keyword; to use it as a name, write #"#dates"',
    );
  });

  it('decodes quoted identifiers', () => {
    expect(lex('#"say ""hi"" #(lf)"').tokens[0]?.payload).toBe('say "hi" \n');
  });
});

describe('operators and punctuators', () => {
  it('reads the longest operator', () => {
    expect(tokens('=> = <> <= < >= > + - * / & ?? ? ... .. , ; ( ) [ ] { } @ !')).toEqual([
      'FatArrow:=>',
      'Equal:=',
      'NotEqual:<>',
      'LessThanOrEqual:<=',
      'LessThan:<',
      'GreaterThanOrEqual:>=',
      'GreaterThan:>',
      'Plus:+',
      'Minus:-',
      'Star:*',
      'Slash:/',
      'Ampersand:&',
      'Coalesce:??',
      'Question:?',
      'Ellipsis:...',
      'DotDot:..',
      'Comma:,',
      'Semicolon:;',
      'LParen:(',
      'RParen:)',
      'LBracket:[',
      'RBracket:]',
      'LBrace:{',
      'RBrace:}',
      'At:@',
      'Bang:!',
    ]);
  });
});

describe('comments', () => {
  it('keeps line and block comments with their spans', () => {
    const result = lex('a // one\n/* two\nlines */ b');
    expect(tokens('a // one\n/* two\nlines */ b')).toEqual(['Identifier:a', 'Identifier:b']);
    expect(result.comments).toEqual([
      {
        kind: 'LineComment',
        text: '// one',
        span: { offset: 2, end: 8, line: 1, column: 3, endLine: 1, endColumn: 9 },
      },
      {
        kind: 'BlockComment',
        text: '/* two\nlines */',
        span: { offset: 9, end: 24, line: 2, column: 1, endLine: 3, endColumn: 9 },
      },
    ]);
  });

  it('reads block comments with stars inside', () => {
    expect(lex('/** a * b **/x').comments[0]?.text).toBe('/** a * b **/');
    expect(tokens('/***/x')).toEqual(['Identifier:x']);
  });

  it('reports an unterminated block comment', () => {
    const result = lex('x /* never closed');
    expect(result.diagnostics.map((d) => [d.code, d.span.column])).toEqual([
      ['PQSDK_LEX_UNTERMINATED_COMMENT', 3],
    ]);
  });
});

describe('positions', () => {
  it('counts CR LF, CR, LF, NEL, LS and PS as line ends', () => {
    const result = lex('a\r\nb\rc\nd\u0085e\u2028f\u2029g');
    expect(result.tokens.map((token) => [token.image, token.startLine, token.startColumn])).toEqual(
      [
        ['a', 1, 1],
        ['b', 2, 1],
        ['c', 3, 1],
        ['d', 4, 1],
        ['e', 5, 1],
        ['f', 6, 1],
        ['g', 7, 1],
      ],
    );
  });

  it('does not count a byte-order mark as a column', () => {
    const result = lex('\ufeffsection A;\nx');
    expect(
      result.tokens.map((token) => [
        token.image,
        token.startOffset,
        token.startLine,
        token.startColumn,
      ]),
    ).toEqual([
      ['section', 1, 1, 1],
      ['A', 9, 1, 9],
      [';', 10, 1, 10],
      ['x', 12, 2, 1],
    ]);
    expect(result.lineMap.position(1)).toEqual({ line: 1, column: 1 });
  });

  it('treats every Unicode blank as white space', () => {
    const blanks =
      '\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\u000b\u000c';
    expect(tokens(`a${blanks}b`)).toEqual(['Identifier:a', 'Identifier:b']);
  });
});

describe('unexpected characters', () => {
  it('reports each and goes on', () => {
    const result = lex('a $ b ` c');
    expect(tokens('a $ b ` c')).toEqual(['Identifier:a', 'Identifier:b', 'Identifier:c']);
    expect(result.diagnostics.map((d) => [d.message, d.span.column])).toEqual([
      ['unexpected character `$` (U+0024)', 3],
      ['unexpected character `` ` `` (U+0060)', 7],
    ]);
  });

  it('names invisible characters by code point', () => {
    expect(describeCharacters('\u0000')).toBe('character U+0000');
    expect(describeCharacters('\u200b')).toBe('character U+200B');
    expect(describeCharacters('€')).toBe('character `€` (U+20AC)');
  });
});

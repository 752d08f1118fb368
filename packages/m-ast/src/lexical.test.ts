import { describe, expect, it } from 'vitest';
import {
  escapeTextContent,
  formatFieldName,
  formatIdentifier,
  formatTextLiteral,
  isGeneralizedIdentifier,
  isKeyword,
  isPrimitiveTypeName,
  isRegularIdentifier,
  KEYWORDS,
} from './lexical.js';

describe('keywords', () => {
  it('lists every keyword of the specification', () => {
    expect(KEYWORDS).toHaveLength(32);
    expect(isKeyword('let')).toBe(true);
    expect(isKeyword('#table')).toBe(true);
    expect(isKeyword('Let')).toBe(false);
    expect(isKeyword('catch')).toBe(false);
  });

  it('knows the primitive type names, which are not keywords', () => {
    expect(isPrimitiveTypeName('number')).toBe(true);
    expect(isPrimitiveTypeName('anynonnull')).toBe(true);
    expect(isPrimitiveTypeName('nullable')).toBe(false);
    expect(isKeyword('number')).toBe(false);
  });
});

describe('isRegularIdentifier', () => {
  it.each([
    ['x', true],
    ['_', true],
    ['Table.AddColumn', true],
    ['Foo.Bar.Baz', true],
    ['café', true],
    ['Ωmega2', true],
    ['1abc', false],
    ['A B', false],
    ['let', false],
    ['Foo.let', false],
    ['a.', false],
    ['.a', false],
    ['a..b', false],
    ['', false],
    ['#date', false],
  ])('%s → %s', (name, expected) => {
    expect(isRegularIdentifier(name)).toBe(expected);
  });
});

describe('isGeneralizedIdentifier', () => {
  it.each([
    ['Content Type', true],
    ['Date.From', true],
    ['1st', true],
    ['type', true],
    ['A B C', true],
    ['A  B', false],
    [' A', false],
    ['A-B', false],
    ['', false],
    ['12ab', false],
  ])('%s → %s', (name, expected) => {
    expect(isGeneralizedIdentifier(name)).toBe(expected);
  });
});

describe('formatting names and text', () => {
  it('quotes identifiers only when they need it', () => {
    expect(formatIdentifier('x')).toBe('x');
    expect(formatIdentifier('A B')).toBe('#"A B"');
    expect(formatIdentifier('let')).toBe('#"let"');
    expect(formatIdentifier('say "hi"')).toBe('#"say ""hi"""');
    expect(formatFieldName('Content Type')).toBe('Content Type');
    expect(formatFieldName('Content-Type')).toBe('#"Content-Type"');
    expect(formatFieldName('type')).toBe('type');
  });

  it('escapes quotes, #( and control characters in text', () => {
    expect(formatTextLiteral('a"b')).toBe('"a""b"');
    expect(escapeTextContent('#(x)')).toBe('#(#)(x)');
    expect(escapeTextContent('a\r\nb\tc\nd\re')).toBe('a#(cr,lf)b#(tab)c#(lf)d#(cr)e');
    expect(escapeTextContent('\u0000\u2028')).toBe('#(0000)#(2028)');
    expect(escapeTextContent('😀')).toBe('😀');
    expect(escapeTextContent('\ud800x')).toBe('#(D800)x');
    expect(escapeTextContent('# ( #')).toBe('# ( #');
  });
});

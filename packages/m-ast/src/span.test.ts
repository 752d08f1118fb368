import { describe, expect, it } from 'vitest';
import { EMPTY_SPAN, formatPosition, spanAtEnd, spanFromTo, type Span } from './span.js';

const first: Span = { offset: 4, end: 7, line: 1, column: 5, endLine: 1, endColumn: 8 };
const last: Span = { offset: 20, end: 31, line: 3, column: 2, endLine: 4, endColumn: 6 };

describe('spans', () => {
  it('join from the start of one to the end of another', () => {
    expect(spanFromTo(first, last)).toEqual({
      offset: 4,
      end: 31,
      line: 1,
      column: 5,
      endLine: 4,
      endColumn: 6,
    });
  });

  it('give the empty span at the end of a span', () => {
    expect(spanAtEnd(last)).toEqual({
      offset: 31,
      end: 31,
      line: 4,
      column: 6,
      endLine: 4,
      endColumn: 6,
    });
  });

  it('format their start as line:column', () => {
    expect(formatPosition(last)).toBe('3:2');
    expect(formatPosition(EMPTY_SPAN)).toBe('1:1');
  });

  it('share a frozen empty span', () => {
    expect(Object.isFrozen(EMPTY_SPAN)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';

describe('parse', () => {
  it('reads an expression document', () => {
    const result = parse('1 + 2');
    expect(result.ok).toBe(true);
    expect(result.ast?.kind).toBe('ExpressionDocument');
  });

  it('reads a section document in auto mode', () => {
    const result = parse('[Version = "1.0.0"] section A; shared x = 1;');
    expect(result.ok).toBe(true);
    expect(result.ast?.kind).toBe('SectionDocument');
  });
});

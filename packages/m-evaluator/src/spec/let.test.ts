import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../context.js';
import { m } from '../../test/evaluate.js';

/** The let chapter of the M language specification. */

describe('let expressions', () => {
  it.each([
    ['let x = 1 + 1, y = 2 + 2, z = y + 1 in x + y + z', '11'],
    // The same program as a record whose last field is read.
    ['[x = 1 + 1, y = 2 + 2, z = y + 1, result = x + y + z][result]', '11'],
    // Variables may refer to each other in any order.
    ['let z = y + 1, y = x * 2, x = 3 in z', '7'],
    ['let x = 1, y = x + 1 in let x = 10 in x + y', '12'],
    // A variable that is never read is never computed.
    ['let x = error "never read", y = 1 in y', '1'],
    ['let x = ..., y = 2 in y', '2'],
    // Errors of the variables read, and of the body, pass through.
    ['let x = error "read", y = x in y', 'error [Expression.Error] read'],
    ['let x = 1 in error "body"', 'error [Expression.Error] body'],
    ['let x = 1 in [a = x][a]', '1'],
    ['let f = (n) => n * 2, x = f(21) in x', '42'],
    [
      'let a = b, b = a in a',
      'error [Expression.Error] A cyclic reference was encountered during evaluation.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('computes a variable once, however often it is read', () => {
    const messages: string[] = [];
    const trace = { trace: (entry: TraceEntry) => messages.push(entry.message) };
    const text = `let
        x = Diagnostics.Trace(TraceLevel.Information, "x", () => 2, true),
        unused = Diagnostics.Trace(TraceLevel.Information, "unused", () => 0, true)
      in x * x * x`;
    expect(m(text, { trace })).toBe('8');
    expect(messages).toEqual(['x']);
  });
});

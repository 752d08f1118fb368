import { describe, expect, it } from 'vitest';
import { Engine } from '../engine.js';
import { MError } from '../errors.js';
import { printValue } from '../print/print-value.js';
import { TEST_OPTIONS } from '../../test/evaluate.js';

/** The sections chapter of the M language specification. */

/** An engine with `documents` loaded, and a function evaluating M in it like `m()`. */
function withSections(...documents: string[]): (text: string) => string {
  const engine = new Engine();
  for (const document of documents) engine.loadSection(document);
  return (text) => {
    const ctx = engine.createContext(TEST_OPTIONS);
    try {
      return printValue(ctx, engine.evaluateIn(ctx, text));
    } catch (error) {
      if (error instanceof MError) return `error ${error.describe()}`;
      throw error;
    }
  };
}

describe('section members', () => {
  const m = withSections('section Section1; A = 1; B = 2; C = A + B;');
  it.each([
    ['Section1!A', '1'],
    ['Section1!B', '2'],
    ['Section1!C', '3'],
    // Members that are not shared are reached through their section only.
    [
      'A',
      "error [Expression.Error] The name 'A' wasn't recognized. Make sure it's spelled correctly.",
    ],
    ['Section1!D', "error [Expression.Error] The section member 'Section1!D' wasn't found."],
    ['Section2!A', "error [Expression.Error] The section member 'Section2!A' wasn't found."],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('refuses two members of the same name in a section', () => {
    expect(() => new Engine().loadSection('section S; A = 1; A = 2;')).toThrow(
      '[Expression.SyntaxError] the member name `A` is defined more than once in this section (1,19)',
    );
  });
});

describe('sections that refer to each other', () => {
  const m = withSections(
    'section Section1; A = "Hello"; B = 1 + Section2!A;',
    'section Section2; A = 2; B = Section1!A & " world!";',
  );
  it.each([
    ['Section1!A', '"Hello"'],
    ['Section1!B', '3'],
    ['Section2!A', '2'],
    ['Section2!B', '"Hello world!"'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('shared members', () => {
  const m = withSections(
    'section Section1; shared A = 1;',
    'section Section2; B = A + 2;',
    'section Section3; A = "Hello"; B = A & " world"; C = Section1!A + 2;',
  );
  it.each([
    ['A', '1'],
    ['Section1!A', '1'],
    // Another section reads a shared member by its bare name...
    ['Section2!B', '3'],
    // ... unless it has a member of that name itself.
    ['Section3!A', '"Hello"'],
    ['Section3!B', '"Hello world"'],
    ['Section3!C', '3'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it('raises an error when a shared name has two definitions', () => {
    const ambiguous = withSections(
      'section Section1; shared A = 1;',
      'section Section2; shared A = "Hello";',
      'section Section3; B = A;',
    );
    expect(ambiguous('Section3!B')).toMatch(/^error \[Expression\.Error\]/);
    expect(ambiguous('Section1!A')).toBe('1');
  });

  it('keeps the two definitions reachable through their sections', () => {
    const m2 = withSections(
      'section Section1; shared A = 1;',
      'section Section2; shared A = "Hello";',
    );
    expect(m2('Section1!A')).toBe('1');
    expect(m2('Section2!A')).toBe('"Hello"');
  });
});

describe('evaluating section members', () => {
  const m = withSections(`section S;
    shared Bad = error "once";
    shared Unused = error "never read";
    shared X = 1;
    shared Fact = (n) => if n = 0 then 1 else n * @Fact(n - 1);
    shared Twice = (n) => if n = 0 then 1 else n * Fact(n - 1);
    Cycle = Cycle2;
    Cycle2 = Cycle;`);
  it.each([
    // A member is evaluated only when read: Unused never raises here.
    ['X', '1'],
    ['S!X + 1', '2'],
    // A member's error is kept with it, and raised again on every read.
    ['Bad', 'error [Expression.Error] once'],
    ['S!Bad', 'error [Expression.Error] once'],
    ['let a = try Bad, b = try S!Bad in a = b', 'true'],
    ['Fact(5)', '120'],
    ['Twice(5)', '120'],
    ['S!Cycle', 'error [Expression.Error] A cyclic reference was encountered during evaluation.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('#sections and #shared', () => {
  const m = withSections(
    'section Section1; A = 1; B = 2;',
    'section Section2; C = "Hello"; D = "world";',
  );
  const shared = withSections(
    'section Section1; shared A = 1; B = 2; shared Unused = error "never read";',
    'section Section2; C = "Hello"; shared D = "world";',
  );
  it.each([
    ['#sections', '[Section1 = [A = 1, B = 2], Section2 = [C = "Hello", D = "world"]]'],
    ['#sections[Section2][C]', '"Hello"'],
    ['Record.FieldNames(#sections)', '{"Section1", "Section2"}'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });

  it.each([
    ['#shared[A]', '1'],
    ['#shared[D]', '"world"'],
    ['#shared[B]?', 'null'],
    ['#shared[C]?', 'null'],
    // The library is in the global environment too.
    ['#shared[List.Sum]({1, 2})', '3'],
    // Neither record forces a member: Unused is only raised when read.
    ['Record.HasFields(#shared, {"A", "D", "Unused"})', 'true'],
    ['Record.FieldNames(#sections[Section1])', '{"A", "B", "Unused"}'],
    ['#sections[Section1][A]', '1'],
    ['#shared[Unused]', 'error [Expression.Error] never read'],
  ])('%s = %s', (text, expected) => {
    expect(shared(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { Engine } from './engine.js';
import { MError } from './errors.js';
import { printValue } from './print/print-value.js';
import { TEST_OPTIONS } from '../test/evaluate.js';

function evaluate(engine: Engine, text: string): string {
  const ctx = engine.createContext(TEST_OPTIONS);
  try {
    return printValue(ctx, engine.evaluateIn(ctx, text));
  } catch (error) {
    if (error instanceof MError) return `error ${error.describe()}`;
    throw error;
  }
}

describe('section documents', () => {
  it('puts shared members in the global environment and keeps the others private', () => {
    const engine = new Engine();
    engine.loadSection(`section Section1;
      shared Total = Helper(2);
      Helper = (x) => x * Factor;
      Factor = 21;`);
    expect(evaluate(engine, 'Total')).toBe('42');
    expect(evaluate(engine, 'Helper')).toBe(
      "error [Expression.Error] The name 'Helper' wasn't recognized. Make sure it's spelled correctly.",
    );
    expect(evaluate(engine, 'Section1!Helper(1)')).toBe('21');
    expect(evaluate(engine, 'Section1!Missing')).toBe(
      "error [Expression.Error] The section member 'Section1!Missing' wasn't found.",
    );
  });

  it('lets members refer to each other lazily, and to themselves with @', () => {
    const engine = new Engine();
    engine.loadSection(`section S;
      shared Fact = (n) => if n = 0 then 1 else n * @Fact(n - 1);
      shared Unused = error "never evaluated";
      shared Uses = Fact(5);`);
    expect(evaluate(engine, 'Uses')).toBe('120');
    expect(evaluate(engine, 'Unused')).toBe('error [Expression.Error] never evaluated');
  });

  it('exposes #shared and #sections', () => {
    const engine = new Engine();
    engine.loadSection('section A; shared X = 1; Y = 2;');
    expect(evaluate(engine, '#sections[A][Y]')).toBe('2');
    expect(evaluate(engine, '#shared[X]')).toBe('1');
    expect(evaluate(engine, '#shared[Value.Type] = Value.Type')).toBe('true');
    expect(evaluate(engine, '#shared[Y]?')).toBe('null');
  });

  it('reads member attributes as literal records', () => {
    const engine = new Engine();
    const section = engine.loadSection(`[Version = "1.0.0"]
      section Hello;
      [DataSource.Kind = "Hello", Publish = "Hello.Publish"]
      shared Hello.Contents = () => "Hello";`);
    const ctx = engine.createContext();
    expect(section.attributes === null ? '' : printValue(ctx, section.attributes)).toBe(
      '[Version = "1.0.0"]',
    );
    const member = section.members[0];
    expect(
      member?.attributes === null || member === undefined ? '' : printValue(ctx, member.attributes),
    ).toBe('[DataSource.Kind = "Hello", Publish = "Hello.Publish"]');
  });

  it('evaluates members once per evaluation, with that evaluation’s context', () => {
    const engine = new Engine();
    engine.loadSection('section S; shared Now = #date(2024, 1, 1); shared Twice = {Now, Now};');
    expect(evaluate(engine, 'Twice')).toBe('{#date(2024, 1, 1), #date(2024, 1, 1)}');
  });

  it('keeps engines apart', () => {
    const first = new Engine();
    const second = new Engine();
    first.loadSection('section S; shared OnlyHere = 1;');
    expect(evaluate(first, 'OnlyHere')).toBe('1');
    expect(evaluate(second, 'OnlyHere')).toBe(
      "error [Expression.Error] The name 'OnlyHere' wasn't recognized. Make sure it's spelled correctly.",
    );
  });

  it('raises a syntax error for a broken section', () => {
    expect(() => new Engine().loadSection('section S; shared X = ;')).toThrow(
      '[Expression.SyntaxError] expected an expression, found `;` (1,23)',
    );
  });
});

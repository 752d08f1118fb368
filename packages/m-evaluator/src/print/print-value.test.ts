import { describe, expect, it } from 'vitest';
import { m, testEngine, TEST_OPTIONS } from '../../test/evaluate.js';
import { printValue } from './print-value.js';

/** Evaluates `text`, prints the value, evaluates the printed text, and compares the two values. */
function roundTrips(text: string): { printed: string; equal: string } {
  const printed = m(text);
  const equal = m(`let a = ${text}, b = ${printed} in a = b and Value.Type(a) = Value.Type(b)`);
  return { printed, equal };
}

describe('printValue', () => {
  it('writes the contract examples of ARCHITECTURE §5', () => {
    expect(m('#table(type table [A = number, B = text], {{1, "x"}})')).toBe(
      '#table(type table [A = number, B = text], {{1, "x"}})',
    );
    expect(m('[a = 1, b = "x"]')).toBe('[a = 1, b = "x"]');
    expect(m('{1, 2}')).toBe('{1, 2}');
    expect(m('#date(2024, 1, 31)')).toBe('#date(2024, 1, 31)');
    expect(m('#datetime(2024, 1, 31, 13, 5, 0)')).toBe('#datetime(2024, 1, 31, 13, 5, 0)');
    expect(m('#duration(1, 2, 3, 4)')).toBe('#duration(1, 2, 3, 4)');
    expect(m('"text"')).toBe('"text"');
    expect(m('null')).toBe('null');
    expect(m('true')).toBe('true');
  });

  it('quotes field names that the generalized-identifier grammar does not allow bare', () => {
    expect(m('[#"10" = 3]')).toBe('[#"10" = 3]');
    expect(m('[#"1.5" = 3]')).toBe('[#"1.5" = 3]');
    expect(m('[#"" = 1]')).toBe('[#"" = 1]');
    expect(m('[#" a" = 1]')).toBe('[#" a" = 1]');
    expect(m('[#"a""b" = 1]')).toBe('[#"a""b" = 1]');
    expect(m('type [#"10" = number]')).toBe('type [#"10" = number]');
  });

  it('leaves generalized identifiers bare, keywords included', () => {
    expect(m('[#"a b" = 1, #"a.b" = 2, #"1a" = 3, #"if" = 4]')).toBe(
      '[a b = 1, a.b = 2, 1a = 3, if = 4]',
    );
  });

  it('escapes control characters and quotes in text', () => {
    expect(m('"a#(cr,lf)b""c#(tab)"')).toBe('"a#(cr,lf)b""c#(tab)"');
  });

  it('never confuses date, datetime and datetimezone', () => {
    expect(m('#datetime(2024, 1, 31, 0, 0, 0)')).toBe('#datetime(2024, 1, 31, 0, 0, 0)');
    expect(m('#datetimezone(2024, 1, 31, 0, 0, 0, 5, 30)')).toBe(
      '#datetimezone(2024, 1, 31, 0, 0, 0, 5, 30)',
    );
    expect(m('#time(13, 5, 0)')).toBe('#time(13, 5, 0)');
  });

  it('writes errors inside values as error records, without stopping', () => {
    expect(m('[a = 1, b = error "boom"]')).toMatch(/^\[a = 1, b = error /);
    expect(m('{1, error "x", 3}')).toMatch(/^\{1, error .*, 3\}$/);
  });

  it.each([
    '[#"10" = 3, #"a b" = {1, 2}]',
    '{1, -2.5, 1e300, -0, #infinity, -#infinity}',
    '#table(type table [#"x y" = nullable number, #"10" = text], {{1, "a"}, {null, "b"}})',
    '#duration(-1, -2, -3, -4.5)',
    '#binary({0, 1, 255})',
    '"#(0001)#(00FF)"',
    'type function (a as number, optional b as text) as list',
    'Number.From("1.5") meta [Unit = "m"]',
    '[A = #date(2024, 2, 29), B = #time(23, 59, 59.9999999)]',
  ])('round-trips %s', (text) => {
    const { equal } = roundTrips(text);
    expect(equal).toBe('true');
  });

  it('writes a value on several lines when asked', () => {
    const engine = testEngine();
    const ctx = engine.createContext(TEST_OPTIONS);
    const value = engine.evaluateIn(ctx, '[a = 1, b = [c = 2]]');
    const printed = printValue(ctx, value, { multiline: true });
    expect(engine.evaluateIn(ctx, `${printed} = [a = 1, b = [c = 2]]`)).toBe(true);
  });
});

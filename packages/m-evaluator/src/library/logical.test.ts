import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Logical.From', () => {
  it.each([
    ['Logical.From(2)', 'true'],
    ['Logical.From(0)', 'false'],
    ['Logical.From(-0.5)', 'true'],
    ['Logical.From(#nan)', 'true'],
    ['Logical.From(true)', 'true'],
    ['Logical.From(false)', 'false'],
    ['Logical.From(null)', 'null'],
    ['Logical.From("TRUE")', 'true'],
    ['Logical.From("false")', 'false'],
    ['Logical.From("yes")', 'error [Expression.Error] Could not convert to a logical.'],
    [
      'Logical.From(#date(2024, 1, 1))',
      'error [Expression.Error] We cannot convert a value of type Date to type Logical.',
    ],
    [
      'Logical.From({true})',
      'error [Expression.Error] We cannot convert a value of type List to type Logical.',
    ],
    ['Logical.From(1 meta [a = 1])', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Logical.FromText', () => {
  it.each([
    ['Logical.FromText("true")', 'true'],
    ['Logical.FromText("false")', 'false'],
    ['Logical.FromText("True")', 'true'],
    ['Logical.FromText("FALSE")', 'false'],
    ['Logical.FromText(null)', 'null'],
    ['Logical.FromText("a")', 'error [Expression.Error] Could not convert to a logical.'],
    ['Logical.FromText(" true")', 'error [Expression.Error] Could not convert to a logical.'],
    ['Logical.FromText("")', 'error [Expression.Error] Could not convert to a logical.'],
    ['Logical.FromText(1)', 'error [Expression.Error] We cannot convert the value 1 to type Text.'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Logical.ToText', () => {
  it.each([
    ['Logical.ToText(true)', '"true"'],
    ['Logical.ToText(false)', '"false"'],
    ['Logical.ToText(null)', 'null'],
    ['Logical.ToText(1 = 1)', '"true"'],
    [
      'Logical.ToText("true")',
      'error [Expression.Error] We cannot convert the value "true" to type Logical.',
    ],
    [
      'Logical.ToText(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Logical.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

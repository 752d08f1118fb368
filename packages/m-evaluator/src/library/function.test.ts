import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

describe('Function.From', () => {
  cases([
    [
      'Function.From(type function (a as number, b as number) as number, (list) => list{0} + list{1})(2, 1)',
      '3',
    ],
    [
      'Function.From(type function (a as text, b as text) as text, (list) => list{0} & list{1})("2", "1")',
      '"21"',
    ],
    [
      'Value.Type(Function.From(type function (a as text, optional b as text) as text, (list) => list))',
      'type function (a as text, optional b as text) as text',
    ],
    ['Function.From(type function (a as any, optional b as any) as any, (list) => list)(1)', '{1}'],
    [
      'Function.From(type function (a as any, optional b as any) as any, (list) => list)(1, null)',
      '{1, null}',
    ],
    [
      'Function.From(type function (a as number) as any, (list) => list)()',
      'error [Expression.Error] 0 arguments were passed to a function which expects 1.',
    ],
    [
      'Function.From(type function (a as number) as any, (list) => list)("x")',
      'error [Expression.Error] We cannot convert the value "x" to type Number.',
    ],
    [
      'Function.From(type number, (list) => list)',
      'error [Expression.Error] The type must be a function type.',
    ],
    [
      'Function.From(type function () as any, 1)',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
  ]);
});

describe('Function.Invoke', () => {
  cases([
    ['Function.Invoke(Record.FieldNames, {[A = 1, B = 2]})', '{"A", "B"}'],
    ['Function.Invoke((a, b) => a - b, {5, 3})', '2'],
    ['Function.Invoke(() => "none", {})', '"none"'],
    [
      'Function.Invoke((a) => a, {})',
      'error [Expression.Error] 0 arguments were passed to a function which expects 1.',
    ],
    [
      'Function.Invoke(Record.FieldNames, {1})',
      'error [Expression.Error] We cannot convert the value 1 to type Record.',
    ],
    [
      'Function.Invoke(1, {})',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
    [
      'Function.Invoke((a) => a, 1)',
      'error [Expression.Error] We cannot convert the value 1 to type List.',
    ],
  ]);
});

describe('Function.InvokeAfter and Function.InvokeWithErrorContext', () => {
  it('invokes at once: the clock does not move and nothing sleeps', () => {
    const started = Date.now();
    expect(m('Function.InvokeAfter(() => 42, #duration(0, 1, 0, 0))')).toBe('42');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  cases([
    ['Function.InvokeAfter(() => "done", #duration(0, 0, 0, 0))', '"done"'],
    [
      'Function.InvokeAfter(() => error "failed", #duration(0, 0, 0, 1))',
      'error [Expression.Error] failed',
    ],
    [
      'Function.InvokeAfter(() => 1, #duration(0, 0, 0, -1))',
      'error [Expression.Error] The delay cannot be negative.',
    ],
    [
      'Function.InvokeAfter(() => 1, 5)',
      'error [Expression.Error] We cannot convert the value 5 to type Duration.',
    ],
    [
      'Function.InvokeAfter((x) => x, #duration(0, 0, 0, 1))',
      'error [Expression.Error] 0 arguments were passed to a function which expects 1.',
    ],
    ['Function.InvokeWithErrorContext(() => 7, "context")', '7'],
    [
      'Function.InvokeWithErrorContext(() => error "inner", "context")',
      'error [Expression.Error] inner',
    ],
    [
      'Function.InvokeWithErrorContext(() => 7, 1)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
  ]);
});

describe('Function.IsDataSource', () => {
  cases([
    ['Function.IsDataSource((x) => x)', 'false'],
    ['Function.IsDataSource(Record.Field)', 'false'],
    ['Function.IsDataSource(((x) => x) meta [DataSource.Kind = "Contoso"])', 'true'],
    [
      'Function.IsDataSource(Value.ReplaceType((x) => x, type function (x as any) as any meta [DataSource.Kind = "Contoso"]))',
      'true',
    ],
    [
      'Function.IsDataSource(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
  ]);
});

describe('Function.ScalarVector', () => {
  cases([
    [
      'Function.ScalarVector(type function (left as number, right as number) as number, (input) => {input{0}[left] * input{0}[right]})(3, 4)',
      '12',
    ],
    [
      'Function.ScalarVector(type function (a as number, optional b as number) as any, (input) => {input{0}})(1)',
      '[a = 1, b = null]',
    ],
    [
      'Value.Type(Function.ScalarVector(type function (a as number) as text, (input) => {"x"}))',
      'type function (a as number) as text',
    ],
    [
      'Function.ScalarVector(type function (a as number) as any, (input) => Value.Type(input))(1)',
      'error [Expression.Error] We cannot convert the value of type Type to type List.',
    ],
    [
      'Function.ScalarVector(type function (a as number) as any, (input) => {1, 2})(1)',
      'error [Expression.Error] The vector function returned 2 values for 1 row: it must return one value per row.',
    ],
    [
      'Function.ScalarVector(type function (a as number) as any, (input) => {1})("x")',
      'error [Expression.Error] We cannot convert the value "x" to type Number.',
    ],
    [
      'Function.ScalarVector(type text, (input) => {1})',
      'error [Expression.Error] The type must be a function type.',
    ],
  ]);
});

import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

describe('Value.Type', () => {
  cases([
    ['Value.Type(243.448)', 'type number'],
    ['Value.Type(#date(2010, 12, 31))', 'type date'],
    ['Value.Type(null)', 'type null'],
    ['Value.Type("a" meta [x = 1])', 'type text'],
    ['Value.Type([a = 1, b = 2])', 'type [a = any, b = any]'],
    ['Value.Type({1})', 'type {any}'],
    ['Value.Type(type number)', 'type type'],
    ['Value.Type(#table({"A"}, {}))', 'type table [A = any]'],
    ['Value.Type(Value.Type)', 'type function (value as any) as type'],
    [
      'Value.Type()',
      'error [Expression.Error] 0 arguments were passed to a function which expects 1.',
    ],
  ]);
});

describe('Value.Metadata, Value.ReplaceMetadata, Value.RemoveMetadata', () => {
  cases([
    ['let v = 1 meta [text = "one"] in Value.Metadata(v)', '[text = "one"]'],
    ['Value.Metadata(1)', '[]'],
    ['Value.Metadata(null meta [a = 1])', '[a = 1]'],
    [
      'Value.Metadata(type text meta [Documentation.FieldCaption = "X"])',
      '[Documentation.FieldCaption = "X"]',
    ],
    ['Value.Metadata({1} meta [a = 1])', '[a = 1]'],
    ['Value.Metadata(Value.ReplaceMetadata("x" meta [a = 1], [b = 2]))', '[b = 2]'],
    ['Value.ReplaceMetadata("x" meta [a = 1], [b = 2])', '"x"'],
    [
      'Value.Metadata(Value.ReplaceMetadata(Value.Type, [Documentation.Name = "T"]))',
      '[Documentation.Name = "T"]',
    ],
    [
      'Value.ReplaceMetadata(1, 2)',
      'error [Expression.Error] We cannot convert the value 2 to type Record.',
    ],
    ['Value.Metadata(Value.RemoveMetadata("abc" meta [a = 1, b = 2]))', '[]'],
    ['Value.Metadata(Value.RemoveMetadata("abc" meta [a = 1, b = 2], {"a"}))', '[b = 2]'],
    ['Value.Metadata(Value.RemoveMetadata("abc" meta [a = 1, b = 2], "b"))', '[a = 1]'],
    ['Value.Metadata(Value.RemoveMetadata("abc" meta [a = 1], {"zz"}))', '[a = 1]'],
    ['Value.RemoveMetadata("abc" meta [a = 1, b = 2])', '"abc"'],
    [
      'Value.Metadata(Value.RemoveMetadata([x = 1] meta [a = error "lazy", b = 2], {"b"}))',
      '[a = error [Reason = "Expression.Error", Message = "lazy", Detail = null, Message.Format = null, Message.Parameters = null]]',
    ],
  ]);
});

describe('Value.ReplaceType', () => {
  cases([
    [
      'Type.RecordFields(Value.Type(Value.ReplaceType([Column1 = 123], type [Column1 = number])))[Column1][Type]',
      'type number',
    ],
    ['Value.ReplaceType([a = 1, b = 2], type [x = number, y = text])', '[x = 1, y = 2]'],
    ['Value.Type(Value.ReplaceType({1}, type {number}))', 'type {number}'],
    ['Value.Type(Value.ReplaceType({"a"}, type {number}))', 'type {number}'],
    [
      'Value.ReplaceType(#table({"A", "B"}, {{1, 2}}), type table [X = number, Y = number])',
      '#table(type table [X = number, Y = number], {{1, 2}})',
    ],
    [
      'Value.Type(Value.ReplaceType((x) => x, type function (a as number) as text))',
      'type function (a as number) as text',
    ],
    ['Value.ReplaceType((x) => x, type function (a as number) as text)(5)', '5'],
    ['Value.Metadata(Value.ReplaceType([a = 1] meta [m = 1], type [a = number]))', '[m = 1]'],
    ['Value.Metadata(Value.ReplaceType(1 meta [m = 1], type number))', '[m = 1]'],
    ['Value.ReplaceType(1, Type.ReplaceFacets(type number, [NumericScale = 0]))', '1'],
    ['Value.ReplaceType(null, type null)', 'null'],
    [
      'Value.ReplaceType([a = error "lazy"], type [b = number])[b]',
      'error [Expression.Error] lazy',
    ],
    ['Value.ReplaceType([a = error "lazy", c = 1], type [b = number, d = number])[d]', '1'],
    [
      'Value.ReplaceType(1, type text)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    [
      'Value.ReplaceType([a = 1], type list)',
      'error [Expression.Error] We cannot convert the value of type Record to type List.',
    ],
    [
      'Value.ReplaceType(1, type nullable number)',
      'error [Expression.Error] The type cannot be ascribed to a value: it must be a non-nullable, concrete type (a closed record type, a table type with columns, a function type with parameters).',
    ],
    [
      'Value.ReplaceType(1, type any)',
      'error [Expression.Error] The type cannot be ascribed to a value: it must be a non-nullable, concrete type (a closed record type, a table type with columns, a function type with parameters).',
    ],
    [
      'Value.ReplaceType(#table({"A"}, {}), type table)',
      'error [Expression.Error] The type cannot be ascribed to a value: it must be a non-nullable, concrete type (a closed record type, a table type with columns, a function type with parameters).',
    ],
    ['Value.Type(Value.ReplaceType({1}, type list))', 'type list'],
    ['Value.Type(Value.ReplaceType(type number, type type))', 'type type'],
    [
      'Value.ReplaceType([a = 1], type [a = number, ...])',
      'error [Expression.Error] The type cannot be ascribed to a value: it must be a non-nullable, concrete type (a closed record type, a table type with columns, a function type with parameters).',
    ],
    [
      'Value.ReplaceType([a = 1], type [a = number, b = number])',
      'error [Expression.Error] The record type must have the same number of fields as the record (1), none of them optional.',
    ],
    [
      'Value.ReplaceType([a = 1], type [optional a = number])',
      'error [Expression.Error] The record type must have the same number of fields as the record (1), none of them optional.',
    ],
    [
      'Value.ReplaceType(#table({"A"}, {}), type table [A = number, B = text])',
      'error [Expression.Error] The table type must have the same number of columns as the table (1).',
    ],
    [
      'Value.ReplaceType((x) => x, type function (a as number, b as number) as any)',
      'error [Expression.Error] The function type must have as many required and optional parameters as the function.',
    ],
    [
      'Value.ReplaceType((x, optional y) => x, type function (a as number, b as number) as any)',
      'error [Expression.Error] The function type must have as many required and optional parameters as the function.',
    ],
    [
      'Value.ReplaceType(1, 2)',
      'error [Expression.Error] We cannot convert the value 2 to type Type.',
    ],
  ]);
});

describe('Value.Equals, Value.NullableEquals, Value.Compare', () => {
  cases([
    ['Value.Equals(1, 1)', 'true'],
    ['Value.Equals({1, [a = 2]}, {1, [a = 2]})', 'true'],
    ['Value.Equals("a", "A")', 'false'],
    ['Value.Equals(null, null)', 'true'],
    ['Value.Equals(1 meta [a = 1], 1)', 'true'],
    ['Value.Equals(0.1 + 0.2, 0.3, Precision.Decimal)', 'false'],
    [
      'Value.Equals(1, 1, 7)',
      'error [Expression.Error] The precision must be Precision.Double (0) or Precision.Decimal (1).',
    ],
    ['Value.NullableEquals(1, 1)', 'true'],
    ['Value.NullableEquals(1, 2)', 'false'],
    ['Value.NullableEquals(null, 1)', 'null'],
    ['Value.NullableEquals(1, null)', 'null'],
    ['Value.NullableEquals(null, null)', 'null'],
    ['Value.Compare(1, 2)', '-1'],
    ['Value.Compare(2, 1)', '1'],
    ['Value.Compare("b", "b")', '0'],
    ['Value.Compare("B", "a")', '-1'],
    ['Value.Compare(null, 1)', '-1'],
    ['Value.Compare(1, null)', '1'],
    ['Value.Compare(#date(2024, 1, 2), #date(2024, 1, 1))', '1'],
    ['Value.Compare(true, false)', '1'],
    ['Value.Compare(1, "a")', '-1'],
    ['Value.Compare(1.5, 1.5, Precision.Decimal)', '0'],
    ['Value.Compare({1}, {2})', 'error [Expression.Error] We cannot compare values of type List.'],
  ]);
});

describe('Value.Add, Value.Subtract, Value.Multiply, Value.Divide', () => {
  cases([
    ['Value.Add(1, 2)', '3'],
    ['Value.Add(0.1, 0.2)', '0.30000000000000004'],
    ['Value.Add(0.1, 0.2, Precision.Double)', '0.30000000000000004'],
    ['Value.Add(0.1, 0.2, Precision.Decimal)', '0.3'],
    ['Value.Add(null, 2)', 'null'],
    ['Value.Add(#date(2024, 1, 31), #duration(1, 0, 0, 0))', '#date(2024, 2, 1)'],
    ['Value.Add(#nan, 1, Precision.Decimal)', '#nan'],
    [
      'Value.Add(1, "a")',
      'error [Expression.Error] We cannot apply operator + to types Number and Text.',
    ],
    ['Value.Subtract(5, 7)', '-2'],
    ['Value.Subtract(0.3, 0.1)', '0.19999999999999998'],
    ['Value.Subtract(0.3, 0.1, Precision.Decimal)', '0.2'],
    ['Value.Subtract(#date(2024, 1, 31), #date(2024, 1, 1))', '#duration(30, 0, 0, 0)'],
    ['Value.Multiply(3, 4)', '12'],
    ['Value.Multiply(1.1, 1.1)', '1.2100000000000002'],
    ['Value.Multiply(1.1, 1.1, Precision.Decimal)', '1.21'],
    ['Value.Multiply(#duration(0, 1, 0, 0), 2)', '#duration(0, 2, 0, 0)'],
    [
      'Value.Multiply(1e20, 1e20, Precision.Decimal)',
      'error [Expression.Error] The result is outside the range of decimal numbers.',
    ],
    ['Value.Divide(6, 4)', '1.5'],
    ['Value.Divide(0.3, 0.1)', '2.9999999999999996'],
    ['Value.Divide(0.3, 0.1, Precision.Decimal)', '3'],
    ['Value.Divide(2, 3, Precision.Decimal)', '0.6666666666666666'],
    ['Value.Divide(1, 0)', '#infinity'],
    ['Value.Divide(1, 0, Precision.Decimal)', '#infinity'],
    ['Value.Divide(#duration(2, 0, 0, 0), 32)', '#duration(0, 1, 30, 0)'],
    [
      'Value.Divide(1, 2, -1)',
      'error [Expression.Error] The precision must be Precision.Double (0) or Precision.Decimal (1).',
    ],
  ]);
});

describe('Value.Is and Value.As', () => {
  cases([
    ['Value.Is(123, type number) = (123 is number)', 'true'],
    ['Value.Is(123, type number)', 'true'],
    ['Value.Is("a", type number)', 'false'],
    ['Value.Is(null, type nullable text)', 'true'],
    ['Value.Is(null, type text)', 'false'],
    ['Value.Is([a = 1], type [b = text])', 'true'],
    ['Value.Is(1, type any)', 'true'],

    ['Value.As(123, type number)', '123'],
    ['Value.As(null, type nullable number)', 'null'],
    ['Value.Metadata(Value.As(1 meta [a = 1], type number))', '[a = 1]'],
    [
      'Value.As("abc", type number)',
      'error [Expression.Error] We cannot convert the value "abc" to type Number.',
    ],
    [
      'Value.As(null, type number)',
      'error [Expression.Error] We cannot convert the value null to type Number.',
    ],
  ]);
});

describe('engine-internal Value functions', () => {
  cases([
    ['Value.Optimize(42)', '42'],
    ['Value.Metadata(Value.Optimize(1 meta [a = 1]))', '[a = 1]'],
    ['Value.Alternates({1, 2})', '1'],
    [
      'Value.Alternates({})',
      'error [Expression.Error] Value.Alternates needs at least one alternate.',
    ],
    ['Value.Expression(42)', '[Kind = "Constant", Value = 42]'],
    ['Value.Expression(Value.Optimize("a"))', '[Kind = "Constant", Value = "a"]'],
    [
      'Value.Firewall("Section1/Query1")',
      "error [Formula.Firewall] The firewall partition 'Section1/Query1' is unknown: this engine evaluates without privacy partitions.",
    ],
    ['Value.Lineage({1})', 'null'],
    ['Value.Traits(1)', '#table(type table [Name = any, Value = any], {})'],
    ['Value.VersionIdentity(1)', 'null'],
    ['Value.Versions(#table({"A"}, {}))', '#table(type table [Version = any, Data = any], {})'],
    [
      'Value.NativeQuery(#table({"A"}, {}), "select 1")',
      "error [Expression.Error] Native queries aren't supported by this value.",
    ],
    [
      'Value.NativeQuery(1, 2)',
      'error [Expression.Error] We cannot convert the value 2 to type Text.',
    ],
    ['Value.ViewError([Reason = "R", Message = "M"])', '[Reason = "R", Message = "M"]'],
    ['Value.ViewFunction((x) => x * 2)(21)', '42'],
    ['Value.Type(Value.ViewFunction(Value.Type))', 'type function (value as any) as type'],
    [
      'Value.ViewFunction(1)',
      'error [Expression.Error] We cannot convert the value 1 to type Function.',
    ],
  ]);
});

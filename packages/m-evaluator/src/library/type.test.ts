import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

const cases = (rows: readonly (readonly [string, string])[]): void => {
  it.each(rows)('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
};

const notType = (call: string): readonly [string, string] => [
  call,
  'error [Expression.Error] We cannot convert the value 1 to type Type.',
];

describe('Type.Is', () => {
  cases([
    ['Type.Is(type number, type any)', 'true'],
    ['Type.Is(type any, type number)', 'false'],
    ['Type.Is(type text, type nullable text)', 'true'],
    ['Type.Is(type nullable text, type text)', 'false'],
    ['Type.Is(type number, type text)', 'false'],
    ['Type.Is(type [a = any], type record)', 'true'],
    ['Type.Is(type [a = any], type list)', 'false'],
    ['Type.Is(type {number}, type list)', 'true'],
    ['Type.Is(type table [A = text], type table)', 'true'],
    ['Type.Is(type function (x as text) as any, type function)', 'true'],
    ['Type.Is(type null, type nullable number)', 'true'],
    ['Type.Is(type null, type number)', 'false'],
    ['Type.Is(type none, type number)', 'true'],
    ['Type.Is(type number, type none)', 'false'],
    ['Type.Is(type number, type anynonnull)', 'true'],
    ['Type.Is(type nullable number, type anynonnull)', 'false'],
    ['Type.Is(type anynonnull, type number)', 'false'],
    ['Type.Is(type any, type any)', 'true'],
    ['Type.Is(Type.ReplaceFacets(type number, [NumericScale = 0]), type number)', 'true'],
    notType('Type.Is(1, type any)'),
  ]);
});

describe('Type.IsNullable and Type.NonNullable', () => {
  cases([
    ['Type.IsNullable(type number)', 'false'],
    ['Type.IsNullable(type nullable number)', 'true'],
    ['Type.IsNullable(type any)', 'true'],
    ['Type.IsNullable(type null)', 'true'],
    ['Type.IsNullable(type anynonnull)', 'false'],
    ['Type.IsNullable(type nullable [a = text])', 'true'],
    ['Type.NonNullable(type nullable number)', 'type number'],
    ['Type.NonNullable(type number)', 'type number'],
    ['Type.NonNullable(type any)', 'type anynonnull'],
    ['Type.NonNullable(type null)', 'type none'],
    ['Type.NonNullable(type nullable {text})', 'type {text}'],
    ['Type.NonNullable(Type.NonNullable(type nullable text)) = type text', 'true'],
    [
      'Value.Metadata(Type.NonNullable(type nullable text meta [Documentation.FieldCaption = "X"]))',
      '[Documentation.FieldCaption = "X"]',
    ],
    notType('Type.IsNullable(1)'),
    notType('Type.NonNullable(1)'),
  ]);
});

describe('Type.ListItem', () => {
  cases([
    ['Type.ListItem(type {number})', 'type number'],
    ['Type.ListItem(type {{text}})', 'type {text}'],
    ['Type.ListItem(type list)', 'type any'],
    ['Type.ListItem(Value.Type({1, 2}))', 'type any'],
    ['Type.ListItem(type number)', 'error [Expression.Error] The type must be a list type.'],
    notType('Type.ListItem(1)'),
  ]);
});

describe('record types', () => {
  cases([
    ['Type.IsOpenRecord(type [A = number, ...])', 'true'],
    ['Type.IsOpenRecord(type [A = number])', 'false'],
    ['Type.IsOpenRecord(type record)', 'true'],
    ['Type.IsOpenRecord(type text)', 'error [Expression.Error] The type must be a record type.'],
    ['Type.OpenRecord(type [A = number])', 'type [A = number, ...]'],
    ['Type.OpenRecord(type [A = number, ...])', 'type [A = number, ...]'],
    ['Type.OpenRecord(type record)', 'type record'],
    ['Type.ClosedRecord(type [A = number, ...])', 'type [A = number]'],
    ['Type.ClosedRecord(type [A = number])', 'type [A = number]'],
    ['Type.ClosedRecord(type record)', 'type []'],
    ['Type.ClosedRecord(type nullable [A = number, ...])', 'type nullable [A = number]'],
    [
      'Value.Metadata(Type.OpenRecord(type [A = text] meta [Documentation.Name = "R"]))',
      '[Documentation.Name = "R"]',
    ],
    ['Type.OpenRecord(type {number})', 'error [Expression.Error] The type must be a record type.'],
    [
      'Type.RecordFields(type [A = number, optional B = any])',
      '[A = [Type = type number, Optional = false], B = [Type = type any, Optional = true]]',
    ],
    ['Type.RecordFields(type [A = text, ...])', '[A = [Type = type text, Optional = false]]'],
    ['Type.RecordFields(type record)', '[]'],
    [
      'Value.Metadata(Type.RecordFields(type [A = (type text meta [Documentation.FieldCaption = "Aye"])])[A][Type])',
      '[Documentation.FieldCaption = "Aye"]',
    ],
    [
      'Type.RecordFields(type table [A = text])',
      'error [Expression.Error] The type must be a record type.',
    ],
    notType('Type.RecordFields(1)'),
    [
      'Type.ForRecord([Name = [Type = type text, Optional = false], Score = [Type = type number, Optional = true]], false)',
      'type [Name = text, optional Score = number]',
    ],
    ['Type.ForRecord([A = [Type = type text, Optional = false]], true)', 'type [A = text, ...]'],
    ['Type.ForRecord([], false)', 'type []'],
    [
      'let columnTypes = {type text, type number}, fields = Record.FromList({[Type = columnTypes{0}, Optional = false], [Type = columnTypes{1}, Optional = false]}, {"Name", "Score"}) in #table(type table Type.ForRecord(fields, false), {{"Betty", 90.3}})',
      '#table(type table [Name = text, Score = number], {{"Betty", 90.3}})',
    ],
    [
      'Type.ForRecord([A = [Type = type text]], false)',
      "error [Expression.Error] The field 'Optional' of the record wasn't found.",
    ],
    [
      'Type.ForRecord([A = 1], false)',
      'error [Expression.Error] We cannot convert the value 1 to type Record.',
    ],
    [
      'Type.ForRecord([A = [Type = "text", Optional = false]], false)',
      'error [Expression.Error] We cannot convert the value "text" to type Type.',
    ],
    [
      'Type.ForRecord([A = [Type = type text, Optional = false]], null)',
      'error [Expression.Error] We cannot convert the value null to type Logical.',
    ],
  ]);
});

describe('function types', () => {
  cases([
    [
      'Type.ForFunction([ReturnType = type number, Parameters = [X = type number]], 1)',
      'type function (X as number) as number',
    ],
    [
      'Type.ForFunction([ReturnType = type text, Parameters = [a = type text, b = type number]], 1)',
      'type function (a as text, optional b as number) as text',
    ],
    ['Type.ForFunction([ReturnType = type any, Parameters = []], 0)', 'type function () as any'],
    [
      'Type.ForFunction([ReturnType = type any, Parameters = [a = type any]], 2)',
      'error [Expression.Error] The minimum number of arguments must be from 0 to 1, the number of parameters.',
    ],
    [
      'Type.ForFunction([ReturnType = type any, Parameters = [a = type any]], 0.5)',
      'error [Expression.Error] The minimum must be a whole number.',
    ],
    [
      'Type.ForFunction([Parameters = []], 0)',
      "error [Expression.Error] The field 'ReturnType' of the record wasn't found.",
    ],
    [
      'Type.FunctionParameters(type function (x as number, y as text) as any)',
      '[x = type number, y = type text]',
    ],
    [
      'Type.FunctionParameters(type function (x as number, optional y as text) as number)',
      '[x = type number, y = type nullable text]',
    ],
    ['Type.FunctionParameters(type function () as any)', '[]'],
    ['Type.FunctionParameters(type function)', '[]'],
    [
      'Type.FunctionParameters(Value.Type((a, optional b as number) => a))',
      '[a = type any, b = type nullable number]',
    ],
    [
      'Value.Metadata(Type.FunctionParameters(type function (x as (type text meta [Documentation.FieldCaption = "Ex"])) as any)[x])',
      '[Documentation.FieldCaption = "Ex"]',
    ],
    [
      'Type.FunctionParameters(type number)',
      'error [Expression.Error] The type must be a function type.',
    ],
    [
      'Type.FunctionRequiredParameters(type function (x as number, optional y as text) as any)',
      '1',
    ],
    ['Type.FunctionRequiredParameters(type function () as any)', '0'],
    ['Type.FunctionRequiredParameters(Value.Type(Record.AddField))', '3'],
    ['Type.FunctionReturn(type function () as any)', 'type any'],
    ['Type.FunctionReturn(type function (x as number) as nullable text)', 'type nullable text'],
    ['Type.FunctionReturn(Value.Type(Type.FunctionReturn))', 'type type'],
    ['Type.FunctionReturn(type function)', 'type any'],
    [
      'Type.FunctionReturn(type text)',
      'error [Expression.Error] The type must be a function type.',
    ],
    notType('Type.FunctionReturn(1)'),
  ]);
});

describe('Type.Union', () => {
  cases([
    ['Type.Union({type number, type number})', 'type number'],
    ['Type.Union({type number, type nullable number})', 'type nullable number'],
    ['Type.Union({type number, type null})', 'type nullable number'],
    ['Type.Union({type number, type text})', 'type any'],
    ['Type.Union({type number, type any})', 'type any'],
    ['Type.Union({type number, type none})', 'type number'],
    ['Type.Union({type null})', 'type null'],
    ['Type.Union({})', 'type none'],
    ['Type.Union({type [a = number], type [b = text]})', 'type record'],
    ['Type.Union({type {number}, type {number}})', 'type {number}'],
    ['Type.Union({type anynonnull, type null})', 'type any'],
    [
      'Type.Facets(Type.Union({Type.ReplaceFacets(type number, [NumericScale = 0]), type number}))[NumericScale]',
      'null',
    ],
    [
      'Type.Union({type number, 1})',
      'error [Expression.Error] We cannot convert the value 1 to type Type.',
    ],
    [
      'Type.Union(type number)',
      'error [Expression.Error] We cannot convert the value of type Type to type List.',
    ],
  ]);
});

describe('Type.Facets and Type.ReplaceFacets', () => {
  cases([
    [
      'Type.Facets(type text)',
      '[NumericPrecisionBase = null, NumericPrecision = null, NumericScale = null, DateTimePrecision = null, MaxLength = null, IsVariableLength = null, NativeTypeName = null, NativeDefaultExpression = null, NativeExpression = null]',
    ],
    [
      'Type.Facets(Type.ReplaceFacets(type text, [MaxLength = 50, IsVariableLength = true, NativeTypeName = "nvarchar"]))',
      '[NumericPrecisionBase = null, NumericPrecision = null, NumericScale = null, DateTimePrecision = null, MaxLength = 50, IsVariableLength = true, NativeTypeName = "nvarchar", NativeDefaultExpression = null, NativeExpression = null]',
    ],
    [
      'Type.Facets(Type.ReplaceFacets(type number, [NumericPrecisionBase = 10, NumericPrecision = 18, NumericScale = 2, NativeDefaultExpression = "0", Name = "ignored"]))',
      '[NumericPrecisionBase = 10, NumericPrecision = 18, NumericScale = 2, DateTimePrecision = null, MaxLength = null, IsVariableLength = null, NativeTypeName = null, NativeDefaultExpression = "0", NativeExpression = null]',
    ],
    [
      'Type.Facets(Type.ReplaceFacets(Type.ReplaceFacets(type text, [MaxLength = 5]), []))[MaxLength]',
      'null',
    ],
    ['Type.ReplaceFacets(type nullable text, [MaxLength = 5])', 'type nullable text'],
    ['Value.Metadata(Type.ReplaceFacets(type text meta [a = 1], [MaxLength = 5]))', '[a = 1]'],
    [
      'Type.ReplaceFacets(type text, [MaxLength = "long"])',
      'error [Expression.Error] We cannot convert the value "long" to type Number.',
    ],
    [
      'Type.ReplaceFacets(type text, [MaxLength = -1])',
      'error [Expression.Error] The facet MaxLength must be a whole number that is not negative.',
    ],
    [
      'Type.ReplaceFacets(type text, [IsVariableLength = 1])',
      'error [Expression.Error] We cannot convert the value 1 to type Logical.',
    ],
    notType('Type.Facets(1)'),
  ]);
});

describe('the <Kind>.Type constants', () => {
  it.each([
    ['Any.Type', 'type any'],
    ['None.Type', 'type none'],
    ['Null.Type', 'type null'],
    ['Logical.Type', 'type logical'],
    ['Text.Type', 'type text'],
    ['Binary.Type', 'type binary'],
    ['List.Type', 'type list'],
    ['Record.Type', 'type record'],
    ['Table.Type', 'type table'],
    ['Function.Type', 'type function'],
    ['Type.Type', 'type type'],
    ['Action.Type', 'type action'],
  ])('%s is %s', (name, expected) => {
    expect(m(name)).toBe(expected);
    expect(m(`Type.Is(${name}, ${expected})`)).toBe('true');
  });

  it('makes Uri.Type a text type that keeps its name', () => {
    expect(m('Type.Is(Uri.Type, type text)')).toBe('true');
    expect(m('Value.Is("https://example.com", Uri.Type)')).toBe('true');
    expect(m('Uri.Type')).toBe('Uri.Type');
    expect(m('Value.Type(Value.ReplaceType("x", Uri.Type))')).toBe('type text');
  });
});

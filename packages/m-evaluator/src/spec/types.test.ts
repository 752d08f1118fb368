import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

/** The types chapter of the M language specification. */

describe('type expressions', () => {
  it.each([
    // Parentheses leave the type context, so a function can be called there
    // (the chapter calls `Type.ForList`, which has no reference page; Type.ListItem serves).
    ['type nullable (Type.ListItem(type {{number}}))', 'type nullable {number}'],
    // ... and a variable named like a primitive type can be read there.
    ['let record = type [A = any] in type {(record)}', 'type {[A = any]}'],
    ['type {number}', 'type {number}'],
    ['type [X = number, Y = number]', 'type [X = number, Y = number]'],
    ['Value.Type(2)', 'type number'],
    ['Value.Type({2})', 'type {any}'],
    ['Value.Type({2}) = type list', 'true'],
    ['Value.Type([X = 1, Y = 2])', 'type [X = any, Y = any]'],
    ['1 is number', 'true'],
    ['1 is text', 'false'],
    ['{2} is list', 'true'],
    ['Value.Type(1 as number)', 'type number'],
    [
      '{2} as text',
      'error [Expression.Error] We cannot convert the value of type List to type Text.',
    ],
    // `is` and `as` take a primitive or nullable primitive type only.
    [
      '{1} is {number}',
      'error [Expression.SyntaxError] expected a primitive type such as `number` or `nullable text`, found `{` (1,8)',
    ],
    [
      '1 as [a = number]',
      'error [Expression.SyntaxError] expected a primitive type such as `number` or `nullable text`, found `[` (1,6)',
    ],
    ['type number = type number', 'true'],
    ['type number <> type text', 'true'],
    ['null ?? type text', 'type text'],
    ['Value.Type(type text)', 'type type'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('compatibility: the lattice from none to any', () => {
  it.each([
    ['Type.Is(type text, type any)', 'true'],
    ['Type.Is(type none, type text)', 'true'],
    ['Type.Is(type none, type none)', 'true'],
    ['Type.Is(type text, type none)', 'false'],
    ['Type.Is(type anynonnull, type any)', 'true'],
    ['Type.Is(type any, type anynonnull)', 'false'],
    ['Type.Is(type null, type nullable text)', 'true'],
    ['Type.Is(type {number}, type list)', 'true'],
    ['Type.Is(type [a = number], type record)', 'true'],
    ['Type.Is(type table [A = number], type table)', 'true'],
    ['Type.Is(type function (x as number) as text, type function)', 'true'],
    ['Type.Is(type number, type number)', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('primitive types classify values', () => {
  it.each([
    ['null is null', 'true'],
    ['true is logical', 'true'],
    ['1 is number', 'true'],
    ['#time(0, 0, 0) is time', 'true'],
    ['#date(2024, 1, 1) is date', 'true'],
    ['#date(2024, 1, 1) is datetime', 'false'],
    ['#datetime(2024, 1, 1, 0, 0, 0) is datetime', 'true'],
    ['#datetime(2024, 1, 1, 0, 0, 0) is date', 'false'],
    ['#datetimezone(2024, 1, 1, 0, 0, 0, 0, 0) is datetimezone', 'true'],
    ['#duration(0, 0, 0, 0) is duration', 'true'],
    ['"a" is text', 'true'],
    ['#binary({}) is binary', 'true'],
    ['type number is type', 'true'],
    ['{} is list', 'true'],
    ['[] is record', 'true'],
    ['#table({}, {}) is table', 'true'],
    ['((x) => x) is function', 'true'],
    ['1 is anynonnull', 'true'],
    ['null is anynonnull', 'false'],
    ['1 is any', 'true'],
    ['null is any', 'true'],
    ['1 is none', 'false'],
    ['null is none', 'false'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('list, record, function and table types', () => {
  it.each([
    ['type {number}', 'type {number}'],
    ['type {record}', 'type {record}'],
    ['type {{text}}', 'type {{text}}'],
    ['Type.ListItem(type {{text}})', 'type {text}'],
    ['type [Name = text, Age = number]', 'type [Name = text, Age = number]'],
    [
      'type [Title = text, optional Description = text]',
      'type [Title = text, optional Description = text]',
    ],
    ['type [Name = text, ...]', 'type [Name = text, ...]'],
    ['Type.IsOpenRecord(type [Name = text, ...])', 'true'],
    ['Type.IsOpenRecord(type [Name = text])', 'false'],
    // type record and type [...] both classify every record.
    ['type record = type [...]', 'true'],
    ['Type.IsOpenRecord(type record)', 'true'],
    ['Type.RecordFields(type [...])', '[]'],
    [
      'Type.RecordFields(type [Title = text, optional Description = text])',
      '[Title = [Type = type text, Optional = false], Description = [Type = type text, Optional = true]]',
    ],
    ['type function (x as text) as number', 'type function (x as text) as number'],
    [
      'type function (y as number, optional z as text) as any',
      'type function (y as number, optional z as text) as any',
    ],
    // An optional parameter's type is nullable, written so or not.
    [
      '(type function (optional x as text) as any) = (type function (optional x as nullable text) as any)',
      'true',
    ],
    [
      'Type.FunctionParameters(type function (optional x as text) as any)',
      '[x = type nullable text]',
    ],
    ['(type function (x as text) as any) = (type function (x as nullable text) as any)', 'false'],
    [
      'type table [A = text, B = number, C = binary]',
      'type table [A = text, B = number, C = binary]',
    ],
    [
      'Type.TableKeys(Type.AddTableKey(type table [A = text, B = number], {"A", "B"}, false))',
      '{[Columns = {"A", "B"}, Primary = false]}',
    ],
    [
      'Type.TableKeys(Type.ReplaceTableKeys(Type.AddTableKey(type table [A = text], {"A"}, true), {}))',
      '{}',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('nullable types', () => {
  it.each([
    ['42 is nullable number', 'true'],
    ['null is nullable number', 'true'],
    ['Value.Type(42 as nullable number)', 'type number'],
    ['Value.Type(null as nullable number)', 'type null'],
    ['Type.IsNullable(type nullable number)', 'true'],
    ['Type.IsNullable(type number)', 'false'],
    ['Type.Is(type text, type nullable text)', 'true'],
    ['Type.Is(Type.NonNullable(type nullable text), type nullable text)', 'true'],
    // The pairs the chapter says are the same type.
    ['type nullable any', 'type any'],
    ['(type nullable any) = type any', 'true'],
    ['Type.NonNullable(type any)', 'type anynonnull'],
    ['Type.NonNullable(type any) = type anynonnull', 'true'],
    ['type nullable none', 'type null'],
    ['(type nullable none) = type null', 'true'],
    ['Type.NonNullable(type null)', 'type none'],
    ['Type.NonNullable(type null) = type none', 'true'],
    ['type nullable nullable text', 'type nullable text'],
    ['(type nullable nullable text) = type nullable text', 'true'],
    ['Type.NonNullable(Type.NonNullable(type text)) = Type.NonNullable(type text)', 'true'],
    ['Type.NonNullable(type nullable text) = Type.NonNullable(type text)', 'true'],
    ['type nullable (Type.NonNullable(type nullable text)) = type nullable text', 'true'],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('ascribing a type (Value.ReplaceType)', () => {
  const mustBeConcrete =
    'error [Expression.Error] The type cannot be ascribed to a value: it must be a non-nullable, concrete type (a closed record type, a table type with columns, a function type with parameters).';
  it.each([
    ['Value.Type(Value.ReplaceType({1}, type {number}))', 'type {number}'],
    // The list items are not checked against the item type.
    ['Value.ReplaceType({"a"}, type {number})', '{"a"}'],
    [
      'Value.ReplaceType(1, type text)',
      'error [Expression.Error] We cannot convert the value 1 to type Text.',
    ],
    ['Value.ReplaceType(1, type nullable number)', mustBeConcrete],
    ['Value.ReplaceType(1, type any)', mustBeConcrete],
    ['Value.ReplaceType([a = 1], type record)', mustBeConcrete],
    ['Value.ReplaceType([a = 1], type [b = text, ...])', mustBeConcrete],
    [
      'Value.ReplaceType([a = 1], type list)',
      'error [Expression.Error] We cannot convert the value of type Record to type List.',
    ],
    // A record type replaces the names and types, without checking the values.
    ['Value.ReplaceType([a = 1], type [b = text])', '[b = 1]'],
    ['Value.Type(Value.ReplaceType([a = 1], type [b = text]))', 'type [b = text]'],
    [
      'Value.ReplaceType([a = 1], type [b = text, c = text])',
      'error [Expression.Error] The record type must have the same number of fields as the record (1), none of them optional.',
    ],
    [
      'Value.ReplaceType([a = 1], type [optional b = text])',
      'error [Expression.Error] The record type must have the same number of fields as the record (1), none of them optional.',
    ],
    [
      'Value.ReplaceType(#table({"A"}, {{1}}), type table [B = text])',
      '#table(type table [B = text], {{1}})',
    ],
    [
      'Value.ReplaceType(#table({"A"}, {{1}}), type table [B = text, C = text])',
      'error [Expression.Error] The table type must have the same number of columns as the table (1).',
    ],
    [
      'Value.Type(Value.ReplaceType((x) => x, type function (y as text) as number))',
      'type function (y as text) as number',
    ],
    // The function's behaviour does not change: the new assertions are not checked.
    ['Value.ReplaceType((x) => x, type function (y as number) as number)("abc")', '"abc"'],
    [
      'Value.ReplaceType((x) => x, type function (y as text, z as text) as number)',
      'error [Expression.Error] The function type must have as many required and optional parameters as the function.',
    ],
    [
      'Value.ReplaceType((x) => x, type function (optional y as text) as number)',
      'error [Expression.Error] The function type must have as many required and optional parameters as the function.',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('reading the parts of a type', () => {
  it.each([
    ['Type.Is(type text, type nullable text)', 'true'],
    ['Type.Is(type nullable text, type text)', 'false'],
    ['Type.Is(type number, type text)', 'false'],
    ['Type.Is(type [a = any], type record)', 'true'],
    ['Type.Is(type [a = any], type list)', 'false'],
    ['Type.ListItem(type {number})', 'type number'],
    ['Type.NonNullable(type nullable text)', 'type text'],
    [
      'Type.RecordFields(type [A = text, B = time])',
      '[A = [Type = type text, Optional = false], B = [Type = type time, Optional = false]]',
    ],
    ['Type.TableRow(type table [X = number, Y = date])', 'type [X = number, Y = date]'],
    [
      'Type.FunctionParameters(type function (x as number, optional y as text) as number)',
      '[x = type number, y = type nullable text]',
    ],
    [
      'Type.FunctionRequiredParameters(type function (x as number, optional y as text) as number)',
      '1',
    ],
    [
      'Type.FunctionReturn(type function (x as number, optional y as text) as number)',
      'type number',
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

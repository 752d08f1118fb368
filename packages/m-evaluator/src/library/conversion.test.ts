import { describe, expect, it } from 'vitest';
import { TEST_OPTIONS, testEngine } from '../../test/evaluate.js';
import type { EvaluationOptions } from '../context.js';
import { MError } from '../errors.js';
import { printValue } from '../print/print-value.js';
import { DateTimeValue, DateValue } from '../values/temporal.js';
import { listType, TYPE, type TypeValue } from '../values/type.js';
import { AnnotatedValue, type Value } from '../values/value.js';
import { RecordValue } from '../values/record.js';
import { converterFor, convertToType, valueToText } from './conversion.js';
import { numberFacetType } from './conversion-number.js';

function convert(
  value: Value,
  type: TypeValue,
  culture: string | null = null,
  options: EvaluationOptions = {},
): string {
  const ctx = testEngine().createContext({ ...TEST_OPTIONS, ...options });
  try {
    return printValue(ctx, convertToType(ctx, value, type, culture));
  } catch (error) {
    if (error instanceof MError) return `error ${error.describe()}`;
    throw error;
  }
}

const TYPES: Readonly<Record<string, TypeValue>> = {
  number: TYPE.number,
  'Int64.Type': numberFacetType('Int64.Type'),
  'Currency.Type': numberFacetType('Currency.Type'),
  'Percentage.Type': numberFacetType('Percentage.Type'),
  text: TYPE.text,
  logical: TYPE.logical,
  date: TYPE.date,
  time: TYPE.time,
  datetime: TYPE.datetime,
  datetimezone: TYPE.datetimezone,
  duration: TYPE.duration,
  any: TYPE.any,
  list: TYPE.list,
  record: TYPE.record,
  '{number}': listType(TYPE.number),
};

function typeNamed(name: string): TypeValue {
  const type = TYPES[name];
  if (type === undefined) throw new Error(`no test type ${name}`);
  return type;
}

const INT64 = typeNamed('Int64.Type');

describe('convertToType', () => {
  it.each<[Value, string, string | null, string]>([
    ['11.28', 'number', null, '11.28'],
    ['-5', 'number', null, '-5'],
    ['1,234.5', 'number', null, '1234.5'],
    ['1.234,5', 'number', 'de-DE', '1234.5'],
    ['12,5', 'number', 'fr-FR', '12.5'],
    ['', 'number', null, 'null'],
    [null, 'number', null, 'null'],
    ['abc', 'number', null, "error [DataFormat.Error] We couldn't convert to Number."],
    [true, 'number', null, '1'],
    ['2.5', 'Int64.Type', null, '2'],
    ['3.5', 'Int64.Type', null, '4'],
    [2.5, 'Int64.Type', null, '2'],
    [-2.5, 'Int64.Type', null, '-2'],
    [
      '1e30',
      'Int64.Type',
      null,
      'error [Expression.Error] Value was either too large or too small for an Int64.',
    ],
    ['1.23455', 'Currency.Type', null, '1.2346'],
    ['12%', 'Percentage.Type', null, '0.12'],
    ['2023-02-26 18:57', 'datetime', null, '#datetime(2023, 2, 26, 18, 57, 0)'],
    ['2023-02-02 0:06', 'datetime', null, '#datetime(2023, 2, 2, 0, 6, 0)'],
    ['26.02.2023 18:57', 'datetime', 'de-DE', '#datetime(2023, 2, 26, 18, 57, 0)'],
    ['26/02/2023 18:57', 'datetime', 'fr-FR', '#datetime(2023, 2, 26, 18, 57, 0)'],
    ['2/26/2023 6:57 PM', 'datetime', 'en-US', '#datetime(2023, 2, 26, 18, 57, 0)'],
    ['', 'datetime', null, 'null'],
    [
      'soon',
      'datetime',
      null,
      "error [DataFormat.Error] We couldn't parse the input provided as a DateTime value.",
    ],
    ['2023-02-26', 'date', null, '#date(2023, 2, 26)'],
    [new DateTimeValue(738576, 36_000_000_000), 'date', null, '#date(2023, 2, 26)'],
    [new DateValue(738576), 'datetime', null, '#datetime(2023, 2, 26, 0, 0, 0)'],
    [43910, 'date', null, '#date(2020, 3, 20)'],
    ['18:57', 'time', null, '#time(18, 57, 0)'],
    [
      '2023-02-26T18:57:00+01:00',
      'datetimezone',
      null,
      '#datetimezone(2023, 2, 26, 18, 57, 0, 1, 0)',
    ],
    ['1.02:03:04', 'duration', null, '#duration(1, 2, 3, 4)'],
    [1.5, 'duration', null, '#duration(1, 12, 0, 0)'],
    ['TRUE', 'logical', null, 'true'],
    ['false', 'logical', null, 'false'],
    ['', 'logical', null, 'null'],
    [0, 'logical', null, 'false'],
    ['yes', 'logical', null, "error [DataFormat.Error] We couldn't convert to Logical."],
    [1234.5, 'text', null, '"1234.5"'],
    [1234.5, 'text', 'de-DE', '"1234,5"'],
    [new DateValue(738576), 'text', 'fr-FR', '"26/02/2023"'],
    [true, 'text', null, '"true"'],
    ['x', 'any', null, '"x"'],
    [null, 'date', null, 'null'],
    [true, 'date', null, 'error [Expression.Error] We cannot convert the value true to type Date.'],
    [1, 'list', null, 'error [Expression.Error] We cannot convert the value 1 to type List.'],
    [RecordValue.EMPTY, 'record', null, '[]'],
    [null, '{number}', null, 'null'],
  ])('%o to %s (culture %s) = %s', (value, type, culture, expected) => {
    expect(convert(value, typeNamed(type), culture)).toBe(expected);
  });

  it('uses the evaluation culture when the culture is null', () => {
    expect(convert('1,5', TYPE.number, null, { culture: 'de-DE' })).toBe('1.5');
    expect(convert('1,5', TYPE.number, null, { culture: 'en-US' })).toBe('15');
    expect(convert('31.12.2024', TYPE.date, null, { culture: 'de-DE' })).toBe(
      '#date(2024, 12, 31)',
    );
  });

  it('converts values with metadata by their value', () => {
    expect(convert(new AnnotatedValue('7', RecordValue.EMPTY), TYPE.number)).toBe('7');
  });

  it('moves datetimezones to the local time zone for datetimes', () => {
    expect(
      convert('2023-02-26T18:57:00+01:00', TYPE.datetime, null, { timeZoneOffsetMinutes: 120 }),
    ).toBe('#datetime(2023, 2, 26, 19, 57, 0)');
  });
});

describe('converterFor', () => {
  it('converts a column of values with one converter', () => {
    const ctx = testEngine().createContext(TEST_OPTIONS);
    const toNumber = converterFor(INT64, null);
    expect(['1', '2.5', '', '3.5', null].map((value) => toNumber(ctx, value))).toEqual([
      1,
      2,
      null,
      4,
      null,
    ]);
  });

  it('follows the culture of each evaluation when given none', () => {
    const toNumber = converterFor(TYPE.number, null);
    const german = testEngine().createContext({ ...TEST_OPTIONS, culture: 'de-DE' });
    const english = testEngine().createContext(TEST_OPTIONS);
    expect(toNumber(german, '1,5')).toBe(1.5);
    expect(toNumber(english, '1,5')).toBe(15);
  });
});

describe('valueToText', () => {
  it('writes values by culture', () => {
    const ctx = testEngine().createContext(TEST_OPTIONS);
    expect(valueToText(ctx, 1.5, 'de-DE')).toBe('1,5');
    expect(valueToText(ctx, 1.5, null)).toBe('1.5');
    expect(valueToText(ctx, null, null)).toBeNull();
    expect(valueToText(ctx, new DateValue(738576), 'en-US')).toBe('2/26/2023');
  });
});

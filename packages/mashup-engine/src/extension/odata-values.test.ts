import { describe, expect, it } from 'vitest';
import { Engine, MError, printValue, STANDARD_LIBRARY, TYPE } from '@pqsdk/m-evaluator';
import type { Json } from '../evaluation/protocol.js';
import { parseMetadata } from './odata-metadata.js';
import { edmConversion, inferredType, structuredRecord } from './odata-values.js';

const engine = new Engine({ library: STANDARD_LIBRARY });
const ctx = engine.createContext({ now: new Date('2024-01-01T00:00:00Z') });

function converted(edmType: string, json: Json): string {
  return printValue(ctx, edmConversion(null, edmType).convert(ctx, json));
}

function typeOf(edmType: string): string {
  return printValue(ctx, edmConversion(null, edmType).type);
}

describe('edmConversion', () => {
  it.each([
    ['Edm.String', 'x', '"x"', 'type text'],
    [
      'Edm.Guid',
      '0f8fad5b-d9cb-469f-a165-70867728950e',
      '"0f8fad5b-d9cb-469f-a165-70867728950e"',
      'type text',
    ],
    ['Edm.Boolean', true, 'true', 'type logical'],
    ['Edm.Int32', 42, '42', 'Int32.Type'],
    ['Edm.Int64', '9007199254740993', '9007199254740992', 'Int64.Type'],
    ['Edm.Byte', 255, '255', 'Byte.Type'],
    ['Edm.SByte', -8, '-8', 'Int8.Type'],
    ['Edm.Int16', 7, '7', 'Int16.Type'],
    ['Edm.Double', 'INF', '#infinity', 'type number'],
    ['Edm.Double', 'NaN', '#nan', 'type number'],
    ['Edm.Single', 1.5, '1.5', 'Single.Type'],
    ['Edm.Decimal', '12.50', '12.5', 'Decimal.Type'],
    ['Edm.Date', '2024-02-29', '#date(2024, 2, 29)', 'type date'],
    ['Edm.TimeOfDay', '13:45:07.25', '#time(13, 45, 7.25)', 'type time'],
    [
      'Edm.DateTimeOffset',
      '2024-06-21T10:00:00.1234567-05:30',
      '#datetimezone(2024, 6, 21, 10, 0, 0.1234567, -5, -30)',
      'type datetimezone',
    ],
    [
      'Edm.DateTimeOffset',
      '2024-06-21T10:00Z',
      '#datetimezone(2024, 6, 21, 10, 0, 0, 0, 0)',
      'type datetimezone',
    ],
    ['Edm.Duration', 'P1DT2H3M4.5S', '#duration(1, 2, 3, 4.5)', 'type duration'],
    ['Edm.Duration', '-PT90M', '#duration(0, -1, -30, 0)', 'type duration'],
    ['Edm.Binary', 'AQID_w==', '#binary("AQID/w==")', 'type binary'],
    ['Collection(Edm.Int32)', [1, null, 3], '{1, null, 3}', 'type list'],
    ['Some.Unknown', { a: [1] }, '[a = {1}]', 'type any'],
  ])('%s %j = %s (%s)', (edmType, json, value, type) => {
    expect(converted(edmType, json)).toBe(value);
    expect(typeOf(edmType)).toBe(type);
  });

  it.each([
    ['Edm.Date', '2024-02-30'],
    ['Edm.Date', '24-01-01'],
    ['Edm.Int32', 'twelve'],
    ['Edm.Boolean', 'true'],
    ['Edm.TimeOfDay', '25:00:00'],
    ['Edm.Duration', 'P'],
    ['Edm.DateTimeOffset', '2024-06-21T10:00:00'],
  ])('refuses %s %j', (edmType, json) => {
    expect(() => converted(edmType, json)).toThrow(MError);
  });

  it('turns complex and enumeration types into records and texts', () => {
    const model =
      parseMetadata(`<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
      <Schema Namespace="N" xmlns="http://docs.oasis-open.org/odata/ns/edm">
        <ComplexType Name="Point"><Property Name="When" Type="Edm.Date"/><Property Name="X" Type="Edm.Double"/></ComplexType>
        <EnumType Name="Color"><Member Name="Red"/></EnumType>
      </Schema></edmx:DataServices></edmx:Edmx>`);
    const point = edmConversion(model, 'N.Point');
    expect(printValue(ctx, point.type)).toBe('type record');
    expect(
      printValue(
        ctx,
        point.convert(ctx, { When: '2024-01-02', 'X@odata.type': '#Double', Extra: true }),
      ),
    ).toBe('[When = #date(2024, 1, 2), X = null, Extra = true]');
    expect(printValue(ctx, edmConversion(model, 'N.Color').convert(ctx, 'Red'))).toBe('"Red"');
    const type = model.complexTypes.get('N.Point');
    if (type === undefined) throw new Error('no type');
    expect(() => structuredRecord(ctx, model, type, [1])).toThrow(MError);
  });
});

describe('inferredType', () => {
  it.each([
    [[1, 2], TYPE.number],
    [[1, null], TYPE.number.asNullable()],
    [['a'], TYPE.text],
    [[true, false], TYPE.logical],
    [[{ a: 1 }], TYPE.record],
    [[[1]], TYPE.list],
    [[1, 'a'], TYPE.any],
    [[null], TYPE.any],
    [[], TYPE.any],
  ] as [Json[], typeof TYPE.any][])('infers a type from %j', (values, type) => {
    expect(printValue(ctx, inferredType(values))).toBe(printValue(ctx, type));
  });
});

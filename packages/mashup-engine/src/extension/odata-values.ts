import {
  ArrayList,
  BinaryValue,
  DateTimeZoneValue,
  DurationValue,
  MError,
  REASON,
  RecordValue,
  TimeValue,
  TYPE,
  type TypeValue,
  type Context,
  type Value,
} from '@pqsdk/m-evaluator';
import type { Json } from '../evaluation/protocol.js';
import { valueOfJson } from './json-values.js';
import { callLibrary, libraryConstant } from './library-lookup.js';
import type { EdmModel, EdmStructuredType } from './odata-metadata.js';

/**
 * OData v4 JSON values as M values, by their Edm type (OData JSON Format v4.0 §7 for the
 * representation of each primitive type): the M type of a property and the conversion of its
 * JSON value.
 */

/** How a property of one Edm type becomes an M value. */
export interface EdmConversion {
  /** The column (or field) type, without nullability. */
  readonly type: TypeValue;
  /** Converts a JSON value that is not null. */
  readonly convert: (ctx: Context, json: Json) => Value;
}

const TICKS_PER_SECOND = 10_000_000;
const BIG_TICKS = {
  day: 864_000_000_000n,
  hour: 36_000_000_000n,
  minute: 600_000_000n,
  second: 10_000_000n,
} as const;

function badValue(json: Json, edmType: string): MError {
  return MError.of(
    REASON.dataFormat,
    `OData: the value ${JSON.stringify(json)} is not a valid ${edmType}.`,
    typeof json === 'string' || typeof json === 'number' ? json : null,
  );
}

function text(json: Json, edmType: string): string {
  if (typeof json !== 'string') throw badValue(json, edmType);
  return json;
}

/** A number, also from the text forms (IEEE754Compatible, `INF`, `-INF`, `NaN`). */
function numberOf(json: Json, edmType: string): number {
  if (typeof json === 'number') return json;
  if (typeof json === 'string') {
    if (json === 'INF') return Number.POSITIVE_INFINITY;
    if (json === '-INF') return Number.NEGATIVE_INFINITY;
    if (json === 'NaN') return Number.NaN;
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(json)) return Number(json);
  }
  throw badValue(json, edmType);
}

/** The ticks of a fraction of a second written with any number of digits (truncated to 7). */
function fractionTicks(digits: string | undefined): number {
  if (digits === undefined || digits === '') return 0;
  return Number(digits.slice(0, 7).padEnd(7, '0'));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
const DATE_TIME_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})$/i;
const DURATION = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:\.(\d+))?S)?)?$/;

function dateOf(ctx: Context, json: Json): Value {
  const match = DATE.exec(text(json, 'Edm.Date'));
  if (match === null) throw badValue(json, 'Edm.Date');
  return callLibrary(ctx, '#date', [Number(match[1]), Number(match[2]), Number(match[3])]);
}

function timeOfDayOf(json: Json): Value {
  const match = TIME_OF_DAY.exec(text(json, 'Edm.TimeOfDay'));
  if (match === null) throw badValue(json, 'Edm.TimeOfDay');
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) throw badValue(json, 'Edm.TimeOfDay');
  return new TimeValue(
    ((hours * 60 + minutes) * 60 + seconds) * TICKS_PER_SECOND + fractionTicks(match[4]),
  );
}

function dateTimeOffsetOf(ctx: Context, json: Json): Value {
  const match = DATE_TIME_OFFSET.exec(text(json, 'Edm.DateTimeOffset'));
  if (match === null) throw badValue(json, 'Edm.DateTimeOffset');
  const zone = match[8] ?? 'Z';
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetHours = zone.toUpperCase() === 'Z' ? 0 : sign * Number(zone.slice(1, 3));
  const offsetMinutes = zone.toUpperCase() === 'Z' ? 0 : sign * Number(zone.slice(4, 6));
  const whole = callLibrary(ctx, '#datetimezone', [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
    Number(match[4]),
    Number(match[5]),
    Number(match[6] ?? 0),
    offsetHours,
    offsetMinutes,
  ]) as DateTimeZoneValue;
  const fraction = fractionTicks(match[7]);
  return fraction === 0
    ? whole
    : new DateTimeZoneValue(whole.days, whole.ticks + fraction, whole.offsetMinutes);
}

function durationOf(json: Json): Value {
  const source = text(json, 'Edm.Duration');
  const match = DURATION.exec(source);
  if (match === null || source.endsWith('T') || source === 'P' || source === '-P') {
    throw badValue(json, 'Edm.Duration');
  }
  const part = (index: number): bigint => BigInt(match[index] ?? '0');
  const ticks =
    part(2) * BIG_TICKS.day +
    part(3) * BIG_TICKS.hour +
    part(4) * BIG_TICKS.minute +
    part(5) * BIG_TICKS.second +
    BigInt(fractionTicks(match[6]));
  return new DurationValue(match[1] === '-' ? -ticks : ticks);
}

function binaryOf(json: Json): Value {
  const source = text(json, 'Edm.Binary');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(source)) throw badValue(json, 'Edm.Binary');
  return new BinaryValue(new Uint8Array(Buffer.from(source, 'base64url')));
}

function facet(name: string): TypeValue {
  return libraryConstant(name) as TypeValue;
}

function primitiveConversion(edmType: string): EdmConversion | undefined {
  switch (edmType) {
    case 'Edm.String':
    case 'Edm.Guid':
      return { type: TYPE.text, convert: (_ctx, json) => text(json, edmType) };
    case 'Edm.Boolean':
      return {
        type: TYPE.logical,
        convert: (_ctx, json) => {
          if (typeof json !== 'boolean') throw badValue(json, edmType);
          return json;
        },
      };
    case 'Edm.Byte':
    case 'Edm.SByte':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Single':
    case 'Edm.Double':
    case 'Edm.Decimal': {
      const facetName = {
        'Edm.Byte': 'Byte.Type',
        'Edm.SByte': 'Int8.Type',
        'Edm.Int16': 'Int16.Type',
        'Edm.Int32': 'Int32.Type',
        'Edm.Int64': 'Int64.Type',
        'Edm.Single': 'Single.Type',
        'Edm.Double': undefined,
        'Edm.Decimal': 'Decimal.Type',
      }[edmType];
      return {
        type: facetName === undefined ? TYPE.number : facet(facetName),
        convert: (_ctx, json) => numberOf(json, edmType),
      };
    }
    case 'Edm.Date':
      return { type: TYPE.date, convert: dateOf };
    case 'Edm.TimeOfDay':
      return { type: TYPE.time, convert: (_ctx, json) => timeOfDayOf(json) };
    case 'Edm.DateTimeOffset':
      return { type: TYPE.datetimezone, convert: dateTimeOffsetOf };
    case 'Edm.Duration':
      return { type: TYPE.duration, convert: (_ctx, json) => durationOf(json) };
    case 'Edm.Binary':
      return { type: TYPE.binary, convert: (_ctx, json) => binaryOf(json) };
    default:
      return undefined;
  }
}

const ANY: EdmConversion = { type: TYPE.any, convert: (_ctx, json) => valueOfJson(json) };

/** Whether a JSON member name is an annotation (`@odata.etag`, `Name@odata.type`). */
export function isAnnotation(name: string): boolean {
  return name.includes('@');
}

/** The conversion of a property of an Edm type, in the model's terms. */
export function edmConversion(model: EdmModel | null, edmType: string): EdmConversion {
  const collection = /^Collection\((.*)\)$/.exec(edmType);
  if (collection !== null) {
    const item = edmConversion(model, collection[1] ?? '');
    return {
      type: TYPE.list,
      convert: (ctx, json) => {
        if (!Array.isArray(json)) throw badValue(json, edmType);
        return ArrayList.of(
          (json as readonly Json[]).map((entry) =>
            entry === null ? null : item.convert(ctx, entry),
          ),
        );
      },
    };
  }
  const primitive = primitiveConversion(edmType);
  if (primitive !== undefined) return primitive;
  if (model?.enumTypes.has(edmType) === true) {
    return {
      type: TYPE.text,
      convert: (_ctx, json) => (typeof json === 'string' ? json : JSON.stringify(json)),
    };
  }
  const structured = model?.complexTypes.get(edmType) ?? model?.entityTypes.get(edmType);
  if (structured !== undefined && model !== null) {
    return {
      type: TYPE.record,
      convert: (ctx, json) => structuredRecord(ctx, model, structured, json),
    };
  }
  return ANY;
}

/** A JSON object of a complex or entity type as a record: declared properties, then the rest. */
export function structuredRecord(
  ctx: Context,
  model: EdmModel,
  type: EdmStructuredType,
  json: Json,
): RecordValue {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw badValue(json, type.name);
  }
  const object = json as { readonly [name: string]: Json };
  const fields: [string, Value][] = [];
  const declared = new Set<string>();
  for (const property of type.properties) {
    declared.add(property.name);
    const value = object[property.name];
    fields.push([
      property.name,
      value === undefined || value === null
        ? null
        : edmConversion(model, property.type).convert(ctx, value),
    ]);
  }
  for (const [name, value] of Object.entries(object)) {
    if (!declared.has(name) && !isAnnotation(name)) fields.push([name, valueOfJson(value)]);
  }
  return RecordValue.of(fields);
}

/** The M type of a JSON value, for columns of a feed without `$metadata`. */
export function inferredType(values: readonly Json[]): TypeValue {
  let kind: 'number' | 'text' | 'logical' | 'record' | 'list' | undefined;
  let nullable = false;
  for (const value of values) {
    if (value === null) {
      nullable = true;
      continue;
    }
    const next =
      typeof value === 'number'
        ? 'number'
        : typeof value === 'string'
          ? 'text'
          : typeof value === 'boolean'
            ? 'logical'
            : Array.isArray(value)
              ? 'list'
              : 'record';
    if (kind !== undefined && kind !== next) return TYPE.any;
    kind = next;
  }
  if (kind === undefined) return TYPE.any;
  return nullable ? TYPE[kind].asNullable() : TYPE[kind];
}

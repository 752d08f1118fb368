import {
  ArrayList,
  asText,
  DurationValue,
  ListValue,
  MError,
  RecordValue,
  strip,
  type Context,
  type Value,
} from '@pqsdk/m-evaluator';

/**
 * The `headers` and `options` arguments of `OData.Feed` (query-docs `odata-feed.md`). The options
 * are a record, or a logical that stands for `Concurrent`.
 */

/** The options `OData.Feed` accepts, as documented. */
export const ODATA_FEED_OPTIONS = [
  'Query',
  'Headers',
  'ExcludedFromCacheKey',
  'ApiKeyName',
  'Timeout',
  'EnableBatch',
  'MaxUriLength',
  'Concurrent',
  'ODataVersion',
  'FunctionOverloads',
  'MoreColumns',
  'IncludeAnnotations',
  'IncludeMetadataAnnotations',
  'OmitValues',
  'Implementation',
] as const;

type OptionName = (typeof ODATA_FEED_OPTIONS)[number];

/** `ODataOmitValues.Nulls`. */
export const ODATA_OMIT_NULLS = 'nulls';

/** The documented default `Timeout`: 600 seconds. */
export const ODATA_DEFAULT_TIMEOUT_MS = 600_000;

/** The documented default `MaxUriLength`. */
export const ODATA_DEFAULT_MAX_URI_LENGTH = 2048;

/** The options of one `OData.Feed` call, read and checked. */
export interface ODataOptions {
  /** `headers` and `Headers`, in that order (a name in both takes the option's value). */
  readonly headers: readonly (readonly [string, string])[];
  /** `Query`: parameters added to every request that does not have them yet. */
  readonly query: readonly (readonly [string, string])[];
  readonly apiKeyName: string | undefined;
  /** `Timeout`, as the M duration to hand to `Web.Contents`. */
  readonly timeout: DurationValue;
  /** `ExcludedFromCacheKey`: header names. */
  readonly excludedFromCacheKey: readonly string[];
  readonly enableBatch: boolean;
  readonly maxUriLength: number;
  /** `Concurrent`: accepted; pqsdk always makes requests one after another. */
  readonly concurrent: boolean | undefined;
  /** `ODataVersion`: 4, or undefined to let the service answer (pqsdk reads v4 JSON only). */
  readonly odataVersion: 4 | undefined;
  readonly functionOverloads: boolean | undefined;
  readonly moreColumns: boolean;
  readonly includeAnnotations: string | undefined;
  readonly includeMetadataAnnotations: string | undefined;
  /** `OmitValues = ODataOmitValues.Nulls`. */
  readonly omitNulls: boolean;
  /** `Implementation`: "2.0" or undefined. */
  readonly implementation: '2.0' | undefined;
}

function optionError(name: string, expected: string): MError {
  return MError.expression(`The OData.Feed option ${name} must be ${expected}.`, name);
}

function logical(name: string, value: Value): boolean {
  if (typeof value !== 'boolean') throw optionError(name, 'a logical');
  return value;
}

function textOf(name: string, value: Value): string {
  if (typeof value !== 'string') throw optionError(name, 'a text');
  return value;
}

function textRecord(name: string, value: Value): [string, string][] {
  if (!(value instanceof RecordValue)) throw optionError(name, 'a record of texts');
  return value.names.map((field, index): [string, string] => {
    const item = strip(value.at(index));
    if (typeof item !== 'string') throw optionError(name, 'a record of texts');
    return [field, item];
  });
}

/** Merges header lists: a later name (in any case) replaces an earlier one in place. */
function mergeHeaders(
  ...lists: readonly (readonly (readonly [string, string])[])[]
): [string, string][] {
  const merged: [string, string][] = [];
  for (const list of lists) {
    for (const [name, value] of list) {
      const at = merged.findIndex(([known]) => known.toLowerCase() === name.toLowerCase());
      if (at >= 0) merged[at] = [name, value];
      else merged.push([name, value]);
    }
  }
  return merged;
}

/** Reads `headers` and `options`; any option not in {@link ODATA_FEED_OPTIONS} is an error. */
export function readODataOptions(ctx: Context, headers: Value, options: Value): ODataOptions {
  const headerPairs = strip(headers) === null ? [] : textRecord('headers', strip(headers));
  const read: { -readonly [Key in keyof ODataOptions]: ODataOptions[Key] } = {
    headers: headerPairs,
    query: [],
    apiKeyName: undefined,
    timeout: new DurationValue(BigInt(ODATA_DEFAULT_TIMEOUT_MS) * 10_000n),
    excludedFromCacheKey: [],
    enableBatch: false,
    maxUriLength: ODATA_DEFAULT_MAX_URI_LENGTH,
    concurrent: undefined,
    odataVersion: undefined,
    functionOverloads: undefined,
    moreColumns: false,
    includeAnnotations: undefined,
    includeMetadataAnnotations: undefined,
    omitNulls: false,
    implementation: undefined,
  };
  const plain = strip(options);
  if (plain === null) return read;
  if (typeof plain === 'boolean') {
    read.concurrent = plain;
    return read;
  }
  if (!(plain instanceof RecordValue)) {
    throw MError.expression('The OData.Feed options must be a record or a logical.', plain);
  }
  plain.names.forEach((name, index) => {
    if (!(ODATA_FEED_OPTIONS as readonly string[]).includes(name)) {
      throw MError.expression(
        `'${name}' isn't a valid OData.Feed option. Valid options are: ${ODATA_FEED_OPTIONS.join(', ')}.`,
        name,
      );
    }
    const value = strip(plain.at(index));
    if (value === null) return;
    switch (name as OptionName) {
      case 'Query':
        read.query = textRecord(name, value);
        break;
      case 'Headers':
        read.headers = mergeHeaders(headerPairs, textRecord(name, value));
        break;
      case 'ExcludedFromCacheKey':
        if (!(value instanceof ListValue)) throw optionError(name, 'a list of texts');
        read.excludedFromCacheKey = value.toArray(ctx).map((item) => asText(item));
        break;
      case 'ApiKeyName':
        read.apiKeyName = textOf(name, value);
        break;
      case 'Timeout':
        if (!(value instanceof DurationValue) || value.ticks <= 0n) {
          throw optionError(name, 'a positive duration');
        }
        read.timeout = value;
        break;
      case 'EnableBatch':
        read.enableBatch = logical(name, value);
        break;
      case 'MaxUriLength':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
          throw optionError(name, 'a positive whole number');
        }
        read.maxUriLength = value;
        break;
      case 'Concurrent':
        read.concurrent = logical(name, value);
        break;
      case 'ODataVersion':
        if (value === 3) {
          throw MError.expression(
            'OData.Feed in pqsdk reads OData v4 services only; ODataVersion = 3 is not supported.',
            value,
          );
        }
        if (value !== 4) throw optionError(name, '3 or 4');
        read.odataVersion = 4;
        break;
      case 'FunctionOverloads':
        read.functionOverloads = logical(name, value);
        break;
      case 'MoreColumns':
        read.moreColumns = logical(name, value);
        break;
      case 'IncludeAnnotations':
        read.includeAnnotations = textOf(name, value);
        break;
      case 'IncludeMetadataAnnotations':
        read.includeMetadataAnnotations = textOf(name, value);
        break;
      case 'OmitValues':
        if (value !== ODATA_OMIT_NULLS) {
          throw optionError(name, 'ODataOmitValues.Nulls');
        }
        read.omitNulls = true;
        break;
      case 'Implementation':
        if (value !== '2.0') throw optionError(name, '"2.0" or null');
        read.implementation = '2.0';
        break;
    }
  });
  return read;
}

/** The `Web.Contents` options record of an OData request (`Headers`, `Timeout`, …). */
export function webOptionsRecord(
  options: ODataOptions,
  headers: readonly (readonly [string, string])[],
): RecordValue {
  const fields: [string, Value][] = [
    ['Headers', RecordValue.of(mergeHeaders(headers, options.headers))],
    ['Timeout', options.timeout],
  ];
  if (options.excludedFromCacheKey.length > 0) {
    fields.push(['ExcludedFromCacheKey', ArrayList.of([...options.excludedFromCacheKey])]);
  }
  if (options.apiKeyName !== undefined) fields.push(['ApiKeyName', options.apiKeyName]);
  return RecordValue.of(fields);
}

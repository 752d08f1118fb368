import {
  ArrayList,
  ArrayRows,
  defineFunction,
  FunctionValue,
  functionType,
  MError,
  RecordValue,
  recordType,
  REASON,
  strip,
  TableValue,
  tableType,
  Thunk,
  TYPE,
  type Context,
  type LibraryEntry,
  type Slot,
  type TypeValue,
  type Value,
} from '@pqsdk/m-evaluator';
import type { Json } from '../evaluation/protocol.js';
import { valueOfJson } from './json-values.js';
import { ODataClient, type ODataResponse } from './odata-client.js';
import { odataLiteral } from './odata-filter.js';
import type {
  EdmContainerMember,
  EdmFunction,
  EdmModel,
  EdmStructuredType,
} from './odata-metadata.js';
import { readODataOptions } from './odata-options.js';
import { decode, parseODataQuery, resolveUrl } from './odata-query.js';
import { collectionTable, type ODataColumn, type ODataCollection } from './odata-table.js';
import { edmConversion, inferredType, isAnnotation, structuredRecord } from './odata-values.js';
import type { EvaluationServices } from './services.js';

/**
 * `OData.Feed` for OData v4 JSON services (README "Data access functions"):
 *
 * - a service document gives a navigation table (`Name`, `Data`, `Signature`, `ItemKind`,
 *   `ItemName`, `IsLeaf`, keyed on `Name`) whose `Data` cells are made when read: an entity set's
 *   table makes no request until its rows are read (its columns come from `$metadata`);
 * - a collection gives a table whose pages are read as its rows are (`@odata.nextLink`), typed by
 *   `$metadata` when the service has one and from the first page's values otherwise;
 * - a single entity gives a record, a primitive value that value, a collection of primitive values
 *   a list.
 */

type JsonObject = { readonly [name: string]: Json };

function isObject(json: Json | undefined): json is JsonObject {
  return json !== null && json !== undefined && typeof json === 'object' && !Array.isArray(json);
}

/** The navigation table's type: its columns, key, and the `NavigationTable.*` metadata. */
const NAVIGATION_TABLE_TYPE: TypeValue = tableType(
  recordType([
    { name: 'Name', type: TYPE.text, optional: false },
    { name: 'Data', type: TYPE.any, optional: false },
    { name: 'Signature', type: TYPE.text, optional: false },
    { name: 'ItemKind', type: TYPE.text, optional: false },
    { name: 'ItemName', type: TYPE.text, optional: false },
    { name: 'IsLeaf', type: TYPE.logical, optional: false },
  ]),
  [{ columns: ['Name'], primary: true }],
).withMeta(
  RecordValue.of([
    ['NavigationTable.NameColumn', 'Name'],
    ['NavigationTable.DataColumn', 'Data'],
    ['NavigationTable.ItemKindColumn', 'ItemKind'],
    ['NavigationTable.IsLeafColumn', 'IsLeaf'],
    ['Preview.DelayColumn', 'ItemName'],
  ]),
);

/** The context URL of a response, split into the `$metadata` URL and its fragment. */
interface ContextUrl {
  readonly metadataUrl: string;
  readonly fragment: string | undefined;
}

function contextOf(json: JsonObject, responseUrl: string): ContextUrl | undefined {
  const context = json['@odata.context'];
  if (typeof context !== 'string') return undefined;
  const absolute = resolveUrl(context, responseUrl);
  if (absolute === undefined) return undefined;
  const hash = absolute.indexOf('#');
  return hash < 0
    ? { metadataUrl: absolute, fragment: undefined }
    : {
        metadataUrl: absolute.slice(0, hash),
        fragment: decode(absolute.slice(hash + 1)),
      };
}

/** The `$metadata` URL of a service whose root (or a resource under it) is `url`. */
function metadataUrlOf(serviceRoot: string): string {
  return new URL('$metadata', serviceRoot.endsWith('/') ? serviceRoot : `${serviceRoot}/`).href;
}

function isServiceDocument(json: JsonObject, context: ContextUrl | undefined): boolean {
  const value = json['value'];
  if (!Array.isArray(value)) return false;
  const entries = value as readonly Json[];
  const looksLikeEntries = entries.every(
    (entry) =>
      isObject(entry) &&
      typeof entry['name'] === 'string' &&
      typeof entry['url'] === 'string' &&
      Object.keys(entry).every((key) => ['name', 'url', 'kind', 'title'].includes(key)),
  );
  if (context !== undefined) {
    return (
      context.fragment === undefined &&
      context.metadataUrl.endsWith('$metadata') &&
      looksLikeEntries
    );
  }
  return entries.length > 0 && looksLikeEntries;
}

/** The entity or complex type a context URL's fragment names, when the model knows it. */
function typeOfFragment(
  model: EdmModel | null,
  fragment: string | undefined,
): EdmStructuredType | undefined {
  if (model === null || fragment === undefined) return undefined;
  let name = fragment.replace(/\/\$entity$/, '');
  const collection = /^Collection\((.*)\)$/.exec(name);
  if (collection !== null) name = collection[1] ?? '';
  name = name.replace(/\(.*\)$/, '');
  const member = model.container.find(
    (candidate) => candidate.kind !== 'FunctionImport' && candidate.name === name,
  );
  const typeName = member?.target ?? name;
  return model.entityTypes.get(typeName) ?? model.complexTypes.get(typeName);
}

/** The columns of an entity type (only those of `$select`, in its order, when there is one). */
function typedColumns(
  model: EdmModel,
  type: EdmStructuredType,
  select: readonly string[] | undefined,
): ODataColumn[] {
  const all = type.properties.map((property): ODataColumn => {
    const conversion = edmConversion(model, property.type);
    return {
      name: property.name,
      type: property.nullable ? conversion.type.asNullable() : conversion.type,
      convert: conversion.convert,
    };
  });
  if (select === undefined || select.includes('*')) return all;
  return select.flatMap((name) => all.filter((column) => column.name === name));
}

/** Columns from the first page's entities: their properties in order of appearance. */
function inferredColumns(items: readonly Json[]): ODataColumn[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!isObject(item)) continue;
    for (const name of Object.keys(item)) {
      if (!seen.has(name) && !isAnnotation(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  return names.map((name) => ({
    name,
    type: inferredType(items.map((item) => (isObject(item) ? (item[name] ?? null) : null))),
    convert: (_ctx: Context, json: Json) => valueOfJson(json),
  }));
}

/** One `OData.Feed` call: its client, and what it reads. */
class Feed {
  constructor(readonly client: ODataClient) {}

  get moreColumns(): boolean {
    return this.client.options.moreColumns;
  }

  /** Reads a URL and gives the value its response stands for. */
  open(ctx: Context, url: string): Value {
    const response = this.client.getJson(ctx, url);
    const json = response.json;
    if (!isObject(json)) return valueOfJson(json);
    const context = contextOf(json, response.url);
    if (isServiceDocument(json, context)) {
      return this.navigationTable(ctx, json, context?.metadataUrl ?? metadataUrlOf(response.url));
    }
    const model = context === undefined ? null : this.client.model(ctx, context.metadataUrl);
    const type = typeOfFragment(model, context?.fragment);
    const value = json['value'];
    if (Array.isArray(value)) {
      const items = value as readonly Json[];
      if (items.length > 0 && !items.some(isObject)) {
        return ArrayList.of(items.map((item) => valueOfJson(item)));
      }
      return this.collection(url, model, type, response);
    }
    if ('value' in json && Object.keys(json).every((key) => key === 'value' || isAnnotation(key))) {
      return valueOfJson(json['value'] ?? null);
    }
    if (type !== undefined && model !== null) return structuredRecord(ctx, model, type, json);
    return RecordValue.of(
      Object.entries(json)
        .filter(([name]) => !isAnnotation(name))
        .map(([name, item]): [string, Value] => [name, valueOfJson(item)]),
    );
  }

  /** A collection's table; without a type, its columns come from the first page (`response`). */
  collection(
    url: string,
    model: EdmModel | null,
    type: EdmStructuredType | undefined,
    response: ODataResponse | undefined,
  ): TableValue {
    const query = parseODataQuery(url);
    let columns: ODataColumn[];
    if (model !== null && type !== undefined) {
      columns = typedColumns(model, type, query.select);
    } else {
      const value = isObject(response?.json) ? response.json['value'] : undefined;
      columns = inferredColumns(Array.isArray(value) ? (value as readonly Json[]) : []);
    }
    const collection: ODataCollection = {
      client: this.client,
      query,
      columns,
      moreColumns: this.moreColumns,
      key: type?.key ?? [],
    };
    return collectionTable(collection, response);
  }

  /** An entity set of a service document: typed from `$metadata` without a request, if it can. */
  entitySet(ctx: Context, url: string, name: string, metadataUrl: string): Value {
    const model = this.client.model(ctx, metadataUrl);
    const member = model?.container.find(
      (candidate) => candidate.kind === 'EntitySet' && candidate.name === name,
    );
    const type = member === undefined ? undefined : model?.entityTypes.get(member.target);
    if (model !== null && type !== undefined) return this.collection(url, model, type, undefined);
    return this.open(ctx, url);
  }

  navigationTable(ctx: Context, json: JsonObject, metadataUrl: string): TableValue {
    const entries = (json['value'] as readonly Json[]).filter(isObject);
    const rows = entries.map((entry): Slot[] => {
      const name = typeof entry['name'] === 'string' ? entry['name'] : '';
      const url =
        resolveUrl(typeof entry['url'] === 'string' ? entry['url'] : '', metadataUrl) ??
        metadataUrl;
      const kind = typeof entry['kind'] === 'string' ? entry['kind'] : 'EntitySet';
      switch (kind) {
        case 'Singleton':
          return [name, new Thunk(() => this.open(ctx, url)), 'record', 'Record', 'Record', true];
        case 'FunctionImport': {
          const fn = new Thunk(() => this.functionImport(ctx, name, metadataUrl));
          return [name, fn, new Thunk(() => signatureOf(fn.force())), 'Function', 'Function', true];
        }
        case 'ServiceDocument':
          return [name, new Thunk(() => this.open(ctx, url)), 'table', 'Feed', 'Feed', false];
        default:
          return [
            name,
            new Thunk(() => this.entitySet(ctx, url, name, metadataUrl)),
            'table',
            'Table',
            'Table',
            true,
          ];
      }
    });
    return new TableValue(NAVIGATION_TABLE_TYPE, new ArrayRows(rows));
  }

  functionImport(ctx: Context, name: string, metadataUrl: string): FunctionValue {
    const model = this.client.model(ctx, metadataUrl);
    const member = model?.container.find(
      (candidate): candidate is EdmContainerMember =>
        candidate.kind === 'FunctionImport' && candidate.name === name,
    );
    const definition = member === undefined ? undefined : model?.functions.get(member.target);
    const serviceRoot = metadataUrl.replace(/\$metadata$/, '');
    return new FunctionImport(this, name, serviceRoot, model, definition);
  }
}

/** The `Signature` of a navigation entry's function: its type without the `type` keyword. */
function signatureOf(value: Value): string {
  const plain = strip(value);
  if (!(plain instanceof FunctionValue)) return 'function';
  const shape = plain.type.shape;
  if (shape.kind !== 'function') return 'function';
  const parameters = shape.parameters.map(
    (parameter) =>
      `${parameter.optional ? 'optional ' : ''}${parameter.name} as ${parameter.type.nullable ? 'nullable ' : ''}${parameter.type.primitiveName}`,
  );
  return `function (${parameters.join(', ')}) as ${shape.returnType.primitiveName}`;
}

/** A function import of the service: a call is a GET of `Name(p1=…,p2=…)`. */
class FunctionImport extends FunctionValue {
  readonly #type: TypeValue;

  constructor(
    readonly feed: Feed,
    readonly importName: string,
    readonly serviceRoot: string,
    readonly model: EdmModel | null,
    readonly definition: EdmFunction | undefined,
  ) {
    super();
    const parameters = (definition?.parameters ?? []).map((parameter) => {
      const type = edmConversion(model, parameter.type).type;
      return {
        name: parameter.name,
        type: parameter.nullable ? type.asNullable() : type,
        optional: parameter.nullable,
      };
    });
    const returns = definition?.returnType;
    const returnType =
      returns === undefined
        ? TYPE.any
        : /^Collection\(/.test(returns) &&
            (model?.entityTypes.has(returns.slice(11, -1)) === true ||
              model?.complexTypes.has(returns.slice(11, -1)) === true)
          ? TYPE.table
          : edmConversion(model, returns).type;
    this.#type = functionType(parameters, returnType);
  }

  override get name(): string {
    return this.importName;
  }

  get type(): TypeValue {
    return this.#type;
  }

  invoke(ctx: Context, args: readonly Value[]): Value {
    const parameters = this.definition?.parameters ?? [];
    if (args.length > parameters.length) {
      throw MError.expression(
        `${String(args.length)} arguments were passed to a function which expects ${String(parameters.length)}.`,
      );
    }
    const written = parameters.flatMap((parameter, index) => {
      const value = strip(args[index] ?? null);
      if (value === null) {
        if (!parameter.nullable) {
          throw MError.expression(
            `The parameter ${parameter.name} of ${this.importName} is required.`,
          );
        }
        return [];
      }
      const literal = odataLiteral(value);
      if (literal === undefined) {
        throw MError.expression(
          `The value of ${parameter.name} cannot be written in an OData URL.`,
          value,
        );
      }
      return [`${parameter.name}=${encodeURIComponent(literal)}`];
    });
    return this.feed.open(ctx, `${this.serviceRoot}${this.importName}(${written.join(',')})`);
  }
}

/** `OData.Feed` (the `ODataOmitValues` enumeration is the standard library's). */
export function odataFeedFunctions(services: EvaluationServices): LibraryEntry[] {
  return [
    defineFunction(
      'OData.Feed',
      '(serviceUri as text, optional headers as nullable record, optional options as any) as any',
      (ctx, [serviceUri, headers, options]) => {
        const read = readODataOptions(ctx, headers, options);
        const url = serviceUri as string;
        if (!/^https?:\/\//i.test(url)) {
          throw MError.of(
            REASON.dataSource,
            `OData.Feed needs an absolute http or https URL; '${url}' is not one.`,
            url,
          );
        }
        return new Feed(new ODataClient(services, read)).open(ctx, url);
      },
    ),
  ];
}

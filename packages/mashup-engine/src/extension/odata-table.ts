import {
  type FunctionValue,
  MError,
  RecordValue,
  STANDARD_LIBRARY,
  TableValue,
  Thunk,
  recordType,
  tableType,
  TYPE,
  type Context,
  type PrimitiveTypeName,
  type RowCursor,
  type RowSource,
  type Slot,
  type TableKey,
  type TypeValue,
  type Value,
} from '@pqsdk/m-evaluator';
import type { Json } from '../evaluation/protocol.js';
import { valueOfJson } from './json-values.js';
import type { ODataClient, ODataResponse } from './odata-client.js';
import { filterText } from './odata-filter.js';
import { odataQueryUrl, resolveUrl, type ODataQuery } from './odata-query.js';
import { isAnnotation } from './odata-values.js';

/** An operation a row source may fold (what `Table.View` handlers receive). */
type TableOperation = Parameters<NonNullable<RowSource['fold']>>[1];

/** The column `MoreColumns = true` adds (query-docs `odata-feed.md`). */
export const MORE_COLUMNS = 'More Columns';

/** A column of an OData collection: a property, its M type, and how its JSON value converts. */
export interface ODataColumn {
  readonly name: string;
  /** The column type (nullable when the property is). */
  readonly type: TypeValue;
  /** Converts a JSON value that is not null. */
  readonly convert: (ctx: Context, json: Json) => Value;
}

/** What an OData collection table reads, and how. */
export interface ODataCollection {
  readonly client: ODataClient;
  /** The first page's URL, as parts that folding changes. */
  readonly query: ODataQuery;
  readonly columns: readonly ODataColumn[];
  /** Whether the table has the `More Columns` column. */
  readonly moreColumns: boolean;
  /** The key's columns (from `$metadata`), when known. */
  readonly key: readonly string[];
}

/** One page of rows and the link to the next. */
interface Page {
  readonly rows: Slot[][];
  readonly next: string | undefined;
}

type JsonObject = { readonly [name: string]: Json };

function isObject(json: Json | undefined): json is JsonObject {
  return json !== null && json !== undefined && typeof json === 'object' && !Array.isArray(json);
}

/** The table type of a collection: its columns, `More Columns`, and its key. */
export function collectionType(collection: ODataCollection): TypeValue {
  const fields = collection.columns.map((column) => ({
    name: column.name,
    type: column.type,
    optional: false,
  }));
  if (collection.moreColumns)
    fields.push({ name: MORE_COLUMNS, type: TYPE.record, optional: false });
  const names = new Set(collection.columns.map((column) => column.name));
  const keys: TableKey[] =
    collection.key.length > 0 && collection.key.every((name) => names.has(name))
      ? [{ columns: collection.key, primary: true }]
      : [];
  return tableType(recordType(fields), keys);
}

/** A table of an OData collection, reading its pages as its rows are read. */
export function collectionTable(
  collection: ODataCollection,
  firstPage?: ODataResponse,
): TableValue {
  return new TableValue(collectionType(collection), new ODataRows(collection, firstPage));
}

/** Whether a library function (here `RowExpression.From`) is in the standard library. */
const ROW_EXPRESSION_FROM = STANDARD_LIBRARY.find((entry) => entry.name === 'RowExpression.From');

/**
 * The rows of an OData collection. A page is requested when the rows before it have been read;
 * `@odata.nextLink` leads to the next. `$top` is also applied locally, so a service that ignores
 * it still gives no more rows than asked. Pages are kept once read.
 *
 * Folding (the `Table.*` functions offer these first): `take` → `$top`, `skip` → `$skip`,
 * `selectColumns` → `$select`, `sort` → `$orderby` and `selectRows` → `$filter` (both only before
 * any `$top` or `$skip`, whose order OData fixes), `rowCount` → `$count`.
 */
class ODataRows implements RowSource {
  readonly #pages: Page[] = [];
  readonly #seed: ODataResponse | undefined;

  constructor(
    readonly collection: ODataCollection,
    seed?: ODataResponse,
  ) {
    this.#seed = seed;
  }

  get knownCount(): undefined {
    return undefined;
  }

  #convert(ctx: Context, entity: Json): Slot[] {
    const { columns, moreColumns } = this.collection;
    const row = new Array<Slot>(columns.length + (moreColumns ? 1 : 0));
    if (!isObject(entity)) {
      const error = MError.dataFormat(
        'OData: an item of the collection is not an object.',
        valueOfJson(entity),
      );
      row.fill(
        new Thunk(() => {
          throw error;
        }),
      );
      return row;
    }
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index] as ODataColumn;
      const json = entity[column.name];
      if (json === undefined || json === null) {
        row[index] = null;
        continue;
      }
      try {
        row[index] = column.convert(ctx, json);
      } catch (error) {
        if (!(error instanceof MError)) throw error;
        row[index] = new Thunk(() => {
          throw error;
        });
      }
    }
    if (moreColumns) {
      const known = new Set(columns.map((column) => column.name));
      row[columns.length] = RecordValue.of(
        Object.entries(entity)
          .filter(([name]) => !known.has(name) && !isAnnotation(name))
          .map(([name, json]): [string, Value] => [name, valueOfJson(json)]),
      );
    }
    return row;
  }

  #page(ctx: Context, index: number): Page {
    const known = this.#pages[index];
    if (known !== undefined) return known;
    let response: ODataResponse;
    if (index === 0) {
      response =
        this.#seed ?? this.collection.client.getJson(ctx, odataQueryUrl(this.collection.query));
    } else {
      const previous = this.#page(ctx, index - 1);
      if (previous.next === undefined) throw new Error('no next page');
      response = this.collection.client.getJson(ctx, previous.next);
    }
    const json = response.json;
    const items = isObject(json) ? json['value'] : undefined;
    if (!Array.isArray(items)) {
      throw MError.dataFormat(
        `OData: the response from '${response.url}' is not a collection (it has no value array).`,
        response.url,
      );
    }
    const nextLink = isObject(json) ? json['@odata.nextLink'] : undefined;
    const page: Page = {
      rows: (items as readonly Json[]).map((entity) => this.#convert(ctx, entity)),
      next: typeof nextLink === 'string' ? nextPage(nextLink, response.url) : undefined,
    };
    this.#pages[index] = page;
    return page;
  }

  cursor(ctx: Context): RowCursor {
    const limit = this.collection.query.top ?? Number.POSITIVE_INFINITY;
    let pageIndex = 0;
    let page: Page | undefined;
    let rowIndex = -1;
    let produced = 0;
    const cursor: RowCursor & { current: Slot[] } = {
      current: [],
      next: (): boolean => {
        if (produced >= limit) return false;
        page ??= this.#page(ctx, 0);
        for (;;) {
          rowIndex++;
          if (rowIndex < page.rows.length) {
            ctx.tick();
            cursor.current = page.rows[rowIndex] as Slot[];
            produced++;
            return true;
          }
          if (page.next === undefined) return false;
          pageIndex++;
          page = this.#page(ctx, pageIndex);
          rowIndex = -1;
        }
      },
    };
    return cursor;
  }

  #with(query: ODataQuery, columns?: readonly ODataColumn[]): TableValue {
    return collectionTable({
      ...this.collection,
      query,
      ...(columns === undefined ? {} : { columns }),
    });
  }

  fold(ctx: Context, operation: TableOperation): TableValue | number | undefined {
    const { query, columns } = this.collection;
    const paged = query.top !== undefined || (query.skip ?? 0) > 0;
    switch (operation.kind) {
      case 'take':
        return this.#with({
          ...query,
          top: Math.min(query.top ?? operation.count, operation.count),
        });
      case 'skip':
        return this.#with({
          ...query,
          skip: (query.skip ?? 0) + operation.count,
          ...(query.top === undefined ? {} : { top: Math.max(0, query.top - operation.count) }),
        });
      case 'selectColumns': {
        if (operation.columns.length === 0) return undefined;
        const byName = new Map(columns.map((column) => [column.name, column]));
        const selected = operation.columns.map((name) => byName.get(name));
        if (selected.some((column) => column === undefined)) return undefined;
        if (new Set(operation.columns).size !== operation.columns.length) return undefined;
        return collectionTable({
          ...this.collection,
          query: { ...query, select: [...operation.columns] },
          columns: selected as ODataColumn[],
          moreColumns: false,
        });
      }
      case 'sort': {
        if (paged) return undefined;
        const kinds = columnKinds(columns);
        if (operation.order.some((level) => !ORDERABLE.has(kinds.get(level.column) ?? 'any'))) {
          return undefined;
        }
        const order = operation.order
          .map((level) => `${level.column} ${level.ascending ? 'asc' : 'desc'}`)
          .join(',');
        return this.#with({
          ...query,
          orderby: query.orderby === undefined ? order : `${order},${query.orderby}`,
        });
      }
      case 'selectRows': {
        if (paged || ROW_EXPRESSION_FROM === undefined) return undefined;
        const filter = rowFilter(ctx, operation.predicate, columnKinds(columns));
        if (filter === undefined) return undefined;
        return this.#with({
          ...query,
          filter: query.filter === undefined ? filter : `(${query.filter}) and (${filter})`,
        });
      }
      case 'rowCount':
        return this.#count(ctx);
      default:
        return undefined;
    }
  }

  /** `$count=true&$top=0`: the count of the filtered collection, less `$skip`, at most `$top`. */
  #count(ctx: Context): number | undefined {
    const { query } = this.collection;
    const response = this.collection.client.getJson(
      ctx,
      odataQueryUrl({
        base: query.base,
        other: query.other,
        ...(query.filter === undefined ? {} : { filter: query.filter }),
        top: 0,
        count: true,
      }),
    );
    const count = isObject(response.json) ? response.json['@odata.count'] : undefined;
    const total =
      typeof count === 'number' ? count : typeof count === 'string' ? Number(count) : Number.NaN;
    if (!Number.isFinite(total)) return undefined;
    const afterSkip = Math.max(0, total - (query.skip ?? 0));
    return query.top === undefined ? afterSkip : Math.min(afterSkip, query.top);
  }
}

/** The absolute URL of a `@odata.nextLink`. */
function nextPage(link: string, base: string): string {
  const url = resolveUrl(link, base);
  if (url === undefined) {
    throw MError.dataFormat(`OData: the @odata.nextLink '${link}' is not a URL.`, link);
  }
  return url;
}

/** Kinds that `$orderby` orders the way M does. */
const ORDERABLE: ReadonlySet<string> = new Set([
  'number',
  'text',
  'logical',
  'date',
  'time',
  'datetimezone',
  'duration',
]);

function columnKinds(columns: readonly ODataColumn[]): Map<string, PrimitiveTypeName> {
  return new Map(columns.map((column) => [column.name, column.type.primitiveName]));
}

/** The `$filter` of a `Table.SelectRows` condition, via `RowExpression.From`. */
function rowFilter(
  ctx: Context,
  predicate: FunctionValue,
  kinds: ReadonlyMap<string, PrimitiveTypeName>,
): string | undefined {
  if (ROW_EXPRESSION_FROM?.kind !== 'function') return undefined;
  let expression: Value;
  try {
    expression = ROW_EXPRESSION_FROM.implementation(ctx, [predicate] as unknown as Parameters<
      typeof ROW_EXPRESSION_FROM.implementation
    >[1]);
  } catch (error) {
    if (error instanceof MError) return undefined;
    throw error;
  }
  return filterText(ctx, expression, kinds);
}

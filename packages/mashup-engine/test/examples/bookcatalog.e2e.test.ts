/**
 * examples/RestApi (the BookCatalog connector) end to end: Key authentication, cursor paging
 * through `Table.GenerateByPage.pqm`, the nested navigation table of
 * `Table.ToNavigationTable.pqm` and the types of `Schema.pqm`, against a REST/JSON service on
 * 127.0.0.1 (`bookcatalog-service.ts`), through real `MashupEngine` workers and real HTTP. The
 * connector's `https://api.bookcatalog.example/v2/` is served by `LoopbackHosts`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  credentialListProvider,
  HttpClient,
  MashupEngine,
  type EvaluationResult,
} from '../../src/index.js';
import { credential, EXAMPLES } from '../helpers.js';
import {
  BOOKCATALOG_ROOT,
  CDN_ROOT,
  startBookCatalogService,
  type BookCatalogService,
} from './bookcatalog-service.js';
import { LoopbackHosts } from './loopback-hosts.js';

const CONNECTOR = `${EXAMPLES}RestApi`;
const QUERY = readFileSync(`${CONNECTOR}/BookCatalog.query.pq`, 'utf8');
const KEY = 'bc-live-7f3a9d21';
const NOW = new Date('2024-06-23T00:00:00Z');

function valueOf(result: EvaluationResult): unknown {
  if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
  return result.value.json;
}

function openEngine(service: BookCatalogService, key: string | null): Promise<MashupEngine> {
  return MashupEngine.open(CONNECTOR, {
    http: new HttpClient({
      cache: false,
      transport: new LoopbackHosts()
        .map(BOOKCATALOG_ROOT, service.origin)
        .map(CDN_ROOT, service.cdnOrigin),
    }),
    credentials: credentialListProvider(
      key === null ? [] : [credential.key('BookCatalog', 'BookCatalog', key)],
    ),
    now: NOW,
  });
}

describe('examples/RestApi (BookCatalog) against a REST/JSON service', () => {
  let service: BookCatalogService;
  let engine: MashupEngine;

  beforeAll(async () => {
    service = await startBookCatalogService({ key: KEY, throttleOnce: ['authors'] });
    engine = await openEngine(service, KEY);
  });

  afterAll(async () => {
    await engine.close();
    await service.close();
  });

  beforeEach(() => {
    service.requests.length = 0;
    service.cdnRequests.length = 0;
  });

  it('runs BookCatalog.query.pq', async () => {
    const result = await engine.evaluate(QUERY);
    expect(valueOf(result)).toEqual({
      RootItems: ['Name', 'Key', 'Data', 'ItemKind', 'ItemName', 'IsLeaf'],
      // MaxPages = 2 pages of 100.
      BookCount: 200,
      FirstBook: 'A Wizard of Earthsea',
      AuthorCount: 3,
      GenreCount: 3,
      FirstGenreBooks: 115,
      SearchHits: 1,
      GermanHits: 1,
      EmptySearchError:
        'Enter some text to search for; an empty search would return the whole catalog.',
      BookColumnTypes: [
        { Name: 'Id', TypeName: 'TEXT.TYPE' },
        { Name: 'Title', TypeName: 'TEXT.TYPE' },
        { Name: 'Isbn', TypeName: 'TEXT.TYPE' },
        { Name: 'AuthorId', TypeName: 'TEXT.TYPE' },
        { Name: 'AuthorName', TypeName: 'TEXT.TYPE' },
        { Name: 'Published', TypeName: 'DATE.TYPE' },
        { Name: 'Pages', TypeName: 'INT64.TYPE' },
        { Name: 'Price', TypeName: 'CURRENCY.TYPE' },
        { Name: 'Currency', TypeName: 'TEXT.TYPE' },
        { Name: 'Rating', TypeName: 'NUMBER.TYPE' },
        { Name: 'Tags', TypeName: 'LIST.TYPE' },
        { Name: 'InPrint', TypeName: 'LOGICAL.TYPE' },
      ],
    });
    // MaxPages stops the paging: the third page of books is never asked for.
    expect(service.paths().filter((path) => path.startsWith('books?'))).toEqual([
      'books?limit=100',
      `books?limit=100&cursor=${Buffer.from('offset:100').toString('base64url')}`,
    ]);
    // The throttled first authors request was tried again (IsRetry), once.
    expect(service.paths().filter((path) => path.startsWith('authors?'))).toHaveLength(2);
    expect(result.dataSources).toEqual([
      {
        kind: 'BookCatalog',
        path: 'BookCatalog',
        authenticationKinds: ['Key'],
        authenticationKind: 'Key',
        label: 'Book Catalog',
      },
    ]);
  });

  it('sends the key to the API host only, never to the mirror it redirects to', async () => {
    const result = await engine.evaluate(
      'Table.RowCount(BookCatalog.Contents(){[Key = "publishers"]}[Data])',
    );
    expect(valueOf(result)).toBe(3);
    expect(service.requests).not.toHaveLength(0);
    for (const request of service.requests) {
      expect(request.headers['x-api-key']).toBe(KEY);
      expect(request.headers['authorization']).toBe(
        `Basic ${Buffer.from(`:${KEY}`).toString('base64')}`,
      );
    }
    expect(service.cdnRequests).toHaveLength(1);
    const mirror = service.cdnRequests[0];
    expect(mirror?.url).toBe('/v2/publishers?limit=100');
    expect(mirror?.headers['x-api-key']).toBeUndefined();
    expect(mirror?.headers['authorization']).toBeUndefined();
    expect(JSON.stringify(mirror?.headers)).not.toContain(KEY);
  });

  it('lists the navigation table without evaluating any leaf', async () => {
    const result = await engine.evaluate(
      'let root = BookCatalog.Contents() in [Names = root[Name], Leaves = root[IsLeaf], Kinds = root[ItemKind]]',
    );
    expect(valueOf(result)).toEqual({
      Names: ['Books', 'Authors', 'Publishers', 'By genre'],
      Leaves: [true, true, true, false],
      Kinds: ['Table', 'Table', 'Table', 'Folder'],
    });
    expect(service.requests).toHaveLength(0);
  });

  it('lists the nested genre folder with one request, its leaves unread', async () => {
    const result = await engine.evaluate(
      'let genres = BookCatalog.Contents(){[Key = "genres"]}[Data] in [Names = genres[Name], Keys = Table.Keys(genres), Meta = Value.Metadata(Value.Type(genres))]',
    );
    expect(valueOf(result)).toEqual({
      Names: ['Fantasy', 'Science fiction', 'Space opera'],
      Keys: [{ Columns: ['Id'], Primary: true }],
      Meta: {
        'NavigationTable.NameColumn': 'Name',
        'NavigationTable.DataColumn': 'Data',
        'NavigationTable.ItemKindColumn': 'ItemKind',
        'NavigationTable.IsLeafColumn': 'IsLeaf',
        'Preview.DelayColumn': 'ItemName',
      },
    });
    expect(service.paths()).toEqual(['genres']);
  });

  it('reads a genre leaf with a path segment escaped', async () => {
    const result = await engine.evaluate(
      'Table.RowCount(BookCatalog.Contents(){[Key = "genres"]}[Data]{[Id = "space opera"]}[Data])',
    );
    expect(valueOf(result)).toBe(116);
    expect(service.requests.map((request) => request.url)).toContain(
      '/v2/genres/space%20opera/books?limit=100',
    );
  });

  it('fetches pages lazily: the first rows need the first page only', async () => {
    const result = await engine.evaluate(
      'Table.FirstN(BookCatalog.Contents(){[Key = "books"]}[Data], 3)[Title]',
    );
    expect(valueOf(result)).toEqual([
      'A Wizard of Earthsea',
      'The Tombs of Atuan',
      'The Farthest Shore',
    ]);
    expect(service.paths()).toEqual(['books?limit=100']);
  });

  it('types the leaves with the schema module', async () => {
    const result = await engine.evaluate(`
      let
        books = BookCatalog.Contents(){[Key = "books"]}[Data],
        second = books{1}
      in
        [
          Type = Value.Type(books),
          Schema = Table.ToRecords(Table.SelectColumns(Table.Schema(books), {"Name", "Kind", "IsNullable"})),
          Published = second[Published],
          Price = second[Price]
        ]`);
    if (!result.ok) throw new Error(String(result.error.message));
    expect(result.value.literal).toContain(
      'Type = type table [Id = text, Title = text, Isbn = nullable text, AuthorId = text, AuthorName = text, Published = nullable date, Pages = nullable Int64.Type, Price = nullable Currency.Type, Currency = nullable text, Rating = nullable number, Tags = {text}, InPrint = logical]',
    );
    expect(valueOf(result)).toMatchObject({
      Schema: expect.arrayContaining([
        { Name: 'Published', Kind: 'date', IsNullable: true },
        { Name: 'Pages', Kind: 'number', IsNullable: true },
        { Name: 'Tags', Kind: 'list', IsNullable: false },
      ]) as unknown,
      Published: '#date(1961, 2, 11)',
      Price: 6.99,
    });
  });

  it('turns a refused key into Credential.AccessDenied', async () => {
    const wrong = await openEngine(service, 'not-the-key');
    try {
      const result = await wrong.evaluate(
        'Table.RowCount(BookCatalog.Contents(){[Key = "books"]}[Data])',
      );
      expect(result.ok ? null : result.error).toMatchObject({
        reason: 'Credential.AccessDenied',
        detailJson: { DataSourceKind: 'BookCatalog', DataSourcePath: 'BookCatalog', Status: 401 },
      });
    } finally {
      await wrong.close();
    }
  });
});

describe('examples/RestApi (BookCatalog) without a credential', () => {
  let service: BookCatalogService;
  let engine: MashupEngine;

  beforeAll(async () => {
    service = await startBookCatalogService({ key: KEY });
    engine = await openEngine(service, null);
  });

  afterAll(async () => {
    await engine.close();
    await service.close();
  });

  it('raises the credential error with the kind and the path, before any request', async () => {
    const result = await engine.evaluate('BookCatalog.Contents()');
    expect(result.ok ? null : result.error).toMatchObject({
      reason: 'Credential.Error',
      message:
        'Credentials are required to connect to the BookCatalog source. (Source at BookCatalog.)',
      detailJson: {
        DataSourceKind: 'BookCatalog',
        DataSourcePath: 'BookCatalog',
        AuthenticationKinds: ['Key'],
      },
    });
    expect(service.requests).toHaveLength(0);
  });

  it('keeps the search term out of the data source path', async () => {
    const result = await engine.evaluate('BookCatalog.Search("dune")');
    expect(result.ok ? null : result.error.detailJson).toMatchObject({
      DataSourcePath: 'BookCatalog',
    });
  });
});

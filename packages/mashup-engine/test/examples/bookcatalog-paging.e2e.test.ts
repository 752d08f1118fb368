/**
 * A paged JSON API of 100,000 rows over loopback (1,000 rows per page), read the way
 * examples/RestApi reads its lists: a Key-authenticated `Web.Contents` per page, the cursor in
 * each page's metadata, and the example's own `Table.GenerateByPage.pqm`. It checks that every
 * row arrives and reports how long the evaluation took (the formal benchmark is in tools/bench).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialListProvider, HttpClient, MashupEngine } from '../../src/index.js';
import { credential, EXAMPLES, tempFolder } from '../helpers.js';
import {
  BOOKCATALOG_ROOT,
  CDN_ROOT,
  startBookCatalogService,
  type BookCatalogService,
} from './bookcatalog-service.js';
import { LoopbackHosts } from './loopback-hosts.js';

const ROWS = 100_000;
const KEY = 'bulk-key-0001';

const SECTION = `[Version = "1.0.0"]
section BulkCatalog;

Table.GenerateByPage = Expression.Evaluate(
    Text.FromBinary(Extension.Contents("Table.GenerateByPage.pqm")),
    #shared
);

GetPage = (cursor as nullable text) as record =>
    Json.Document(
        Web.Contents(
            "${BOOKCATALOG_ROOT}",
            [
                RelativePath = "books",
                Query = [limit = "1000", include = "out_of_print"] & (if cursor = null then [] else [cursor = cursor]),
                Headers = [#"X-Api-Key" = Extension.CurrentCredential()[Key], Accept = "application/json"]
            ]
        )
    );

[DataSource.Kind = "BulkCatalog"]
shared BulkCatalog.Books = () as table =>
    Table.GenerateByPage((previous) =>
        let
            cursor = if previous = null then null else Value.Metadata(previous)[NextCursor],
            json = if previous <> null and cursor = null then null else GetPage(cursor)
        in
            if json = null then
                null
            else
                Table.FromRecords(json[items], {"id", "title", "page_count"}, MissingField.UseNull)
                    meta [NextCursor = json[next_cursor]]
    );

BulkCatalog = [Authentication = [Key = []]];
`;

describe('a paged JSON API of 100,000 rows through BookCatalog-style paging', () => {
  let service: BookCatalogService;
  let folder: ReturnType<typeof tempFolder>;
  let engine: MashupEngine;

  beforeAll(async () => {
    service = await startBookCatalogService({ key: KEY, books: ROWS });
    folder = tempFolder({
      'BulkCatalog.pq': SECTION,
      'Table.GenerateByPage.pqm': readFileSync(`${EXAMPLES}RestApi/Table.GenerateByPage.pqm`),
    });
    engine = await MashupEngine.open(folder.path, {
      http: new HttpClient({
        cache: false,
        transport: new LoopbackHosts()
          .map(BOOKCATALOG_ROOT, service.origin)
          .map(CDN_ROOT, service.cdnOrigin),
      }),
      credentials: credentialListProvider([credential.key('BulkCatalog', 'BulkCatalog', KEY)]),
    });
  });

  afterAll(async () => {
    await engine.close();
    await service.close();
    folder.remove();
  });

  it('reads every row of every page, each page once', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const result = await engine.evaluate(
      'let books = Table.Buffer(BulkCatalog.Books()) in [Rows = Table.RowCount(books), Pages = List.Sum(books[page_count]), Last = List.Last(books[id])]',
    );
    const elapsedMs = performance.now() - started;
    if (!result.ok) throw new Error(`${result.error.reason}: ${String(result.error.message)}`);
    // page_count of book i is 100 + i mod 400: 250 full cycles of 100..499.
    expect(result.value.json).toEqual({
      Rows: ROWS,
      Pages: 250 * ((100 + 499) * 200),
      Last: 'b100000',
    });
    expect(service.requests).toHaveLength(ROWS / 1000);
    process.stdout.write(
      `100,000 rows in ${String(ROWS / 1000)} pages over loopback: ${elapsedMs.toFixed(0)} ms\n`,
    );
  });
});

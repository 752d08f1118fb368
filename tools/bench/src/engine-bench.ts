/**
 * The engine benchmark (the issue's "100,000 rows through a paged JSON API on loopback: under
 * 3 s"): a connector that reads every page of a cursor-paged JSON API served on 127.0.0.1, with
 * `Web.Contents`, `Json.Document` and the RestApi example's own `Table.GenerateByPage.pqm`, against
 * plain `fetch` + `JSON.parse` of the same pages in the same run. Run
 * `node dist/engine-bench.js --help`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress, readCommandLine, readRunsOptions } from './bench-cli.js';
import type { Credential, EvaluationResult, MashupEngine } from '@pqsdk/mashup-engine';
import {
  type EngineBenchReport,
  engineBenchJson,
  meetsTarget,
  type Query,
  renderEngineBench,
  type Session,
  SUBJECTS,
  type Subject,
  TARGET_MILLISECONDS,
} from './engine-bench-report.js';
import { findRepoRoot } from './m-files.js';
import { type Book, pageCountSum, type PagedApi, startPagedApi } from './paged-api.js';
import { currentRssMib, machineInfo, peakRssMib } from './stats.js';

const USAGE = `Usage: node dist/engine-bench.js [options]

Serves a paged JSON API of 100,000 books on 127.0.0.1 (1,000 a page, cursor paging, an API key
in a header) and reads all of it through @pqsdk/mashup-engine: a connector (written into a
temporary folder) that pages it with Web.Contents, Json.Document and the RestApi example's
Table.GenerateByPage.pqm. The engine is opened once; each run evaluates three queries on it:
  count  Table.RowCount(BenchCatalog.Books())
  rows   Table.Buffer of every row, then its row count and the sums of two columns
  table  BenchCatalog.Books() itself: every row sent to the host (as an M literal and as JSON)
and the anchor, in the same run: plain fetch + JSON.parse of the same pages, one after the other.
Then --runs fresh engines: open, evaluate the rows query, close, each timed.

Options:
  --runs <n>   timed runs of each (default 5), after one untimed warm-up of each
  --json       print one JSON object instead of tables
  -h, --help   show this help

Target: each query's median evaluation under ${String(TARGET_MILLISECONDS)} ms.
Exit codes: 0 the target is met, 1 it is missed, 2 bad arguments or a run that failed.`;

const ROWS = 100_000;
const PAGE_SIZE = 1_000;
const KEY = 'bench-engine-key-0001';
/** A run that takes longer than this has failed. */
const EVALUATION_TIMEOUT_MS = 120_000;

/** The connector: one data source function that reads every page of the API. */
function connectorSource(origin: string): string {
  return `[Version = "1.0.0"]
section BenchCatalog;

Table.GenerateByPage = Expression.Evaluate(
    Text.FromBinary(Extension.Contents("Table.GenerateByPage.pqm")),
    #shared
);

Columns = {"id", "title", "author", "page_count", "published"};

// One page of the API as a record: its items and the cursor of the next page.
GetPage = (cursor as nullable text) as record =>
    let
        query = [limit = "${String(PAGE_SIZE)}"] & (if cursor = null then [] else [cursor = cursor]),
        response = Web.Contents(
            "${origin}/",
            [
                RelativePath = "books",
                Query = query,
                Headers = [#"X-Api-Key" = Extension.CurrentCredential()[Key], Accept = "application/json"]
            ]
        )
    in
        Json.Document(response);

// The page after \`previous\` (the first when it is null) as a table, its cursor in its metadata,
// or null after the last page.
NextPage = (previous as nullable table) as nullable table =>
    let
        cursor = if previous = null then null else Value.Metadata(previous)[NextCursor]
    in
        if previous <> null and cursor = null then
            null
        else
            let
                page = GetPage(cursor)
            in
                Table.FromRecords(page[items], Columns, MissingField.UseNull)
                    meta [NextCursor = page[next_cursor]];

[DataSource.Kind = "BenchCatalog"]
shared BenchCatalog.Books = () as table => Table.GenerateByPage(NextPage);

BenchCatalog = [Authentication = [Key = []]];
`;
}

const QUERY_TEXT: Readonly<Record<Query, string>> = {
  count: 'Table.RowCount(BenchCatalog.Books())',
  rows: 'let books = Table.Buffer(BenchCatalog.Books()) in [Rows = Table.RowCount(books), Pages = List.Sum(books[page_count]), Ids = List.Sum(books[id]), Last = List.Last(books[title])]',
  table: 'BenchCatalog.Books()',
};

/** What the `rows` query must give, as the engine's JSON. */
const EXPECTED_ROWS = {
  Rows: ROWS,
  Pages: pageCountSum(ROWS),
  Ids: (ROWS * (ROWS + 1)) / 2,
  Last: `Book ${String(ROWS)}`,
};

/** The `table` query's rows added up the same way, or a message saying what is wrong. */
function tableSummary(json: unknown): string | typeof EXPECTED_ROWS {
  if (!Array.isArray(json)) return `not a list of rows: ${JSON.stringify(json).slice(0, 100)}`;
  let pages = 0;
  let ids = 0;
  for (const row of json as Partial<Book>[]) {
    pages += row.page_count ?? Number.NaN;
    ids += row.id ?? Number.NaN;
  }
  const last = (json.at(-1) as Partial<Book> | undefined)?.title ?? '';
  return { Rows: json.length, Pages: pages, Ids: ids, Last: last };
}

/** Checks a query's result: exactly every row, else the benchmark stops. */
function checkResult(query: Query, result: EvaluationResult): void {
  if (!result.ok) {
    throw new Error(
      `the ${query} query failed: [${result.error.reason ?? ''}] ${result.error.message ?? ''}`,
    );
  }
  const json = result.value.json;
  const [got, expected] =
    query === 'count'
      ? [json, ROWS]
      : query === 'rows'
        ? [json, EXPECTED_ROWS]
        : [tableSummary(json), EXPECTED_ROWS];
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    throw new Error(
      `the ${query} query gave ${JSON.stringify(got).slice(0, 200)}, not ${JSON.stringify(expected)}`,
    );
  }
  if (
    query === 'table' &&
    result.value.columns?.join() !== 'id,title,author,page_count,published'
  ) {
    throw new Error(`the table query gave the columns ${String(result.value.columns)}`);
  }
}

/** Checks that a subject asked for each page exactly once. */
function checkRequests(subject: Subject, api: PagedApi, servedBefore: number): void {
  const requests = api.served - servedBefore;
  if (requests !== api.pages || api.refused > 0) {
    throw new Error(
      `${subject} made ${String(requests)} requests for ${String(api.pages)} pages (${String(api.refused)} refused so far)`,
    );
  }
}

/** The anchor: every page with `fetch` and `JSON.parse`, one after the other. */
async function readWithFetch(api: PagedApi): Promise<void> {
  let cursor: string | null = null;
  let rows = 0;
  let pages = 0;
  do {
    const url = new URL('/books', api.origin);
    url.searchParams.set('limit', String(PAGE_SIZE));
    if (cursor !== null) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, {
      headers: { 'X-Api-Key': KEY, Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`the anchor got ${String(response.status)} from ${url.href}`);
    const page = JSON.parse(await response.text()) as {
      items: Book[];
      next_cursor: string | null;
    };
    rows += page.items.length;
    for (const item of page.items) pages += item.page_count;
    cursor = page.next_cursor;
  } while (cursor !== null);
  if (rows !== ROWS || pages !== pageCountSum(ROWS)) {
    throw new Error(`the anchor read ${String(rows)} rows (${String(pages)} pages in all)`);
  }
}

function credentials(): Credential[] {
  return [
    {
      dataSource: { kind: 'BenchCatalog', path: 'BenchCatalog' },
      authenticationKind: 'Key',
      key: KEY,
      privacySetting: 'None',
      permissions: [],
    },
  ];
}

/**
 * Opens the engine on the benchmark's connector. The engine's package is imported dynamically, as
 * `cli-phases-child.ts` imports it (the lint rule wants one way per package); only the first call
 * loads it, and that one is not timed.
 */
async function openEngine(folder: string): Promise<MashupEngine> {
  const {
    credentialListProvider,
    HttpClient,
    MashupEngine: Engine,
  } = await import('@pqsdk/mashup-engine');
  return Engine.open(folder, {
    http: new HttpClient({ cache: false }),
    credentials: credentialListProvider(credentials()),
    timeoutMs: EVALUATION_TIMEOUT_MS,
  });
}

/** Runs one subject once, checked; its time in milliseconds. */
async function runSubject(subject: Subject, api: PagedApi, engine: MashupEngine): Promise<number> {
  const servedBefore = api.served;
  const start = performance.now();
  if (subject === 'anchor') {
    await readWithFetch(api);
    const ms = performance.now() - start;
    checkRequests(subject, api, servedBefore);
    return ms;
  }
  const result = await engine.evaluate(QUERY_TEXT[subject]);
  const ms = performance.now() - start;
  checkResult(subject, result);
  checkRequests(subject, api, servedBefore);
  return ms;
}

/** One fresh engine: open, evaluate the rows query, close, each timed. */
async function runSession(folder: string, api: PagedApi): Promise<Session> {
  const start = performance.now();
  const engine = await openEngine(folder);
  const opened = performance.now();
  const servedBefore = api.served;
  let result: EvaluationResult;
  try {
    result = await engine.evaluate(QUERY_TEXT.rows);
  } catch (error) {
    await engine.close();
    throw error;
  }
  const evaluated = performance.now();
  await engine.close();
  const closed = performance.now();
  checkResult('rows', result);
  checkRequests('rows', api, servedBefore);
  return { open: opened - start, evaluate: evaluated - opened, close: closed - evaluated };
}

async function main(): Promise<number> {
  const options = readCommandLine('engine-bench', USAGE, () =>
    readRunsOptions(process.argv.slice(2), 5),
  );
  if (typeof options === 'number') return options;
  const root = findRepoRoot(import.meta.url);
  const pager = readFileSync(join(root, 'examples', 'RestApi', 'Table.GenerateByPage.pqm'));

  progress(`rendering ${String(ROWS / PAGE_SIZE)} pages and starting the API on 127.0.0.1`);
  const api = await startPagedApi({ rows: ROWS, pageSize: PAGE_SIZE, key: KEY });
  const folder = mkdtempSync(join(tmpdir(), 'pqsdk-engine-bench-'));
  let engine: MashupEngine | undefined;
  try {
    writeFileSync(join(folder, 'BenchCatalog.pq'), connectorSource(api.origin));
    writeFileSync(join(folder, 'Table.GenerateByPage.pqm'), pager);
    progress(`the API is at ${api.origin}; opening the engine`);
    engine = await openEngine(folder);
    const rssBefore = currentRssMib();

    progress('warm-up: one untimed run of each');
    for (const subject of SUBJECTS) {
      const ms = await runSubject(subject, api, engine);
      progress(`  ${subject} ${ms.toFixed(0)} ms`);
    }

    const runs: Record<Subject, number[]> = { anchor: [], count: [], rows: [], table: [] };
    for (let index = 0; index < options.runs; index++) {
      const order = SUBJECTS.map((_, offset) => SUBJECTS[(index + offset) % SUBJECTS.length]);
      for (const subject of order) {
        if (subject === undefined) continue;
        runs[subject].push(await runSubject(subject, api, engine));
      }
      progress(
        `run ${String(index + 1)}/${String(options.runs)}: ${SUBJECTS.map((subject) => `${subject} ${(runs[subject].at(-1) ?? 0).toFixed(0)} ms`).join(', ')}`,
      );
    }
    await engine.close();
    engine = undefined;

    const sessions: Session[] = [];
    for (let index = 0; index < options.runs; index++) {
      const session = await runSession(folder, api);
      sessions.push(session);
      progress(
        `fresh engine ${String(index + 1)}/${String(options.runs)}: open ${session.open.toFixed(0)} ms, evaluate ${session.evaluate.toFixed(0)} ms, close ${session.close.toFixed(0)} ms`,
      );
    }

    const report: EngineBenchReport = {
      machine: machineInfo(),
      api: { rows: ROWS, pageSize: PAGE_SIZE, pages: api.pages, bytes: api.bytes },
      queries: QUERY_TEXT,
      runs,
      sessions,
      rssMib: { before: rssBefore, peak: peakRssMib() },
    };
    process.stdout.write(
      options.json
        ? `${JSON.stringify(engineBenchJson(report), null, 2)}\n`
        : renderEngineBench(report),
    );
    return meetsTarget(report) ? 0 : 1;
  } finally {
    await engine?.close();
    await api.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`engine-bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirectories, runCli } from '../../test/cli-harness.js';
import {
  HELLO_WORLD,
  normaliseTimes,
  runWithInput,
  sendJson,
  startServer,
  type TestServer,
  workspace,
} from '../../test/engine-fixtures.js';

afterEach(removeTempDirectories);

/** A connector that reads a JSON list of books with an API key, and traces what it does. */
const SHELF = `section Shelf;

[DataSource.Kind = "Shelf", Publish = "Shelf.Publish"]
shared Shelf.Books = Value.ReplaceType(ReadBooks, type function (url as Uri.Type) as table);

ReadBooks = (url as text) as table =>
    let
        response = Web.Contents(url, [RelativePath = "books"]),
        books = Diagnostics.Trace(TraceLevel.Information, "Shelf: read the books", Json.Document(response))
    in
        Table.FromRecords(books);

Shelf = [Authentication = [Key = []], Label = "Shelf API"];

Shelf.Publish = [Category = "Other", ButtonText = {"Shelf", "Books on a shelf"}];
`;

const API_KEY = 'sk-test-7f3a9c51e2';

const KEY_CREDENTIAL = JSON.stringify({
  AuthenticationKind: 'Key',
  AuthenticationProperties: { Key: API_KEY },
  PrivacySetting: 'None',
  Permissions: [],
});

const BOOKS = [
  { id: 1, title: 'Dune' },
  { id: 2, title: 'Solaris' },
];

/** A workspace with the Shelf connector and a query for the books at `url`. */
function shelfWorkspace(url: string): { cwd: string; store: string } {
  return workspace({
    'Shelf/Shelf.pq': SHELF,
    'books.query.pq': `Shelf.Books("${url}")`,
  });
}

async function setKey(cwd: string, store: string): Promise<void> {
  const set = await runWithInput(
    ['set-credential', '-e', 'Shelf', '-q', 'books.query.pq', '--credentials-file', store],
    cwd,
    KEY_CREDENTIAL,
  );
  expect(set.stderr).toBe('');
  expect(set.code).toBe(0);
}

async function anonymousHello(cwd: string, store: string, query: string): Promise<void> {
  const set = await runCli(
    [
      'set-credential',
      '-e',
      HELLO_WORLD,
      '-q',
      query,
      '-ak',
      'Anonymous',
      '--credentials-file',
      store,
    ],
    { cwd },
  );
  expect(set.stderr).toBe('');
  expect(set.code).toBe(0);
}

describe('pqsdk run-test', { timeout: 120_000 }, () => {
  it("prints PQTest's result array, compact, and -p indents it", async () => {
    const { cwd, store } = workspace({ 'hi.query.pq': 'HelloWorld.Contents("Hi", 2)' });
    await anonymousHello(cwd, store, 'hi.query.pq');
    const argv = ['run-test', '-e', HELLO_WORLD, '-q', 'hi.query.pq', '--credentials-file', store];
    const compact = await runCli(argv, { cwd });
    expect(compact.stderr).toBe('');
    expect(compact.code).toBe(0);
    expect(compact.stdout.split('\n')).toHaveLength(2);
    const pretty = await runCli([...argv, '-p'], { cwd });
    expect(pretty.code).toBe(0);
    expect(JSON.parse(normaliseTimes(pretty.stdout))).toEqual(
      JSON.parse(normaliseTimes(compact.stdout)),
    );
    expect(normaliseTimes(pretty.stdout)).toMatchInlineSnapshot(`
      "[
        {
          "Name": "hi.query.pq",
          "Status": "Passed",
          "Type": "PQTest.Expression",
          "Method": "PQTest.RunTest",
          "StartTime": "<time>",
          "EndTime": "<time>",
          "Output": [
            {
              "Index": 1,
              "Greeting": "Hi (1)",
              "Language": "en",
              "Length": 6
            },
            {
              "Index": 2,
              "Greeting": "Hi (2)",
              "Language": "en",
              "Length": 6
            }
          ],
          "Error": null,
          "DataSourceAnalysis": [
            {
              "Kind": "HelloWorld",
              "Path": "{\\"message\\":\\"Hi\\"}",
              "NormalizedPath": "{\\"message\\":\\"Hi\\"}",
              "AuthenticationKinds": [
                "Anonymous"
              ],
              "AuthenticationKind": "Anonymous",
              "Label": "Hello World"
            }
          ],
          "Details": "HelloWorld.Contents(\\"Hi\\", 2)"
        }
      ]
      "
    `);
  });

  it('prints a table, cut to the width, on a terminal', async () => {
    const { cwd, store } = workspace({
      'fr.query.pq': 'HelloWorld.Contents("le monde", 3, "fr")',
    });
    await anonymousHello(cwd, store, 'fr.query.pq');
    const argv = ['run-test', '-e', HELLO_WORLD, '-q', 'fr.query.pq', '--credentials-file', store];
    const result = await runCli(argv, { cwd, stdoutIsTTY: true, columns: 40 });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\d+ ms$/m, '<ms> ms')).toMatchInlineSnapshot(`
      "Index  Greeting         Language  Length
      -----  ---------------  --------  ------
          1  Bonjour, le mo…  fr            21
          2  Bonjour, le mo…  fr            21
          3  Bonjour, le mo…  fr            21
      3 rows
      Passed  fr.query.pq  <ms> ms
      "
    `);
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    const json = await runCli([...argv, '--json'], { cwd, stdoutIsTTY: true, columns: 40 });
    expect(JSON.parse(json.stdout)).toHaveLength(1);
  });

  it('prints a record as its fields on a terminal', async () => {
    const { cwd, store } = workspace({
      'q.pq': '[Greeting = HelloWorld.Contents("Hi"){0}[Greeting], Count = 1, Tags = {"a", "b"}]',
    });
    await anonymousHello(cwd, store, 'q.pq');
    const result = await runCli(
      ['run-test', '-e', HELLO_WORLD, '-q', 'q.pq', '--credentials-file', store],
      { cwd, stdoutIsTTY: true, columns: 80 },
    );
    expect(result.stdout.replace(/\d+ ms$/m, '<ms> ms')).toMatchInlineSnapshot(`
      "Field     Value
      --------  ---------
      Greeting  Hi (1)
      Count     1
      Tags      ["a","b"]
      3 fields
      Passed  q.pq  <ms> ms
      "
    `);
  });

  it('fails with the credential error and says which command sets the credential', async () => {
    const { cwd, store } = workspace({ 'hi.query.pq': 'HelloWorld.Contents("Hi")' });
    const result = await runCli(
      ['run-test', '-e', HELLO_WORLD, '-q', 'hi.query.pq', '--credentials-file', store],
      { cwd },
    );
    expect(result.code).toBe(1);
    const [entry] = JSON.parse(result.stdout) as [Record<string, unknown>];
    expect(entry['Status']).toBe('Failed');
    expect(entry['Output']).toEqual([]);
    expect(entry['Error']).toEqual({
      Reason: 'Credential.Error',
      Message:
        'Credentials are required to connect to the HelloWorld source. (Source at {"message":"Hi"}.)',
      Detail:
        '[DataSourceKind = "HelloWorld", DataSourcePath = "{""message"":""Hi""}", AuthenticationKinds = {"Anonymous"}]',
      'Message.Format': null,
      'Message.Parameters': null,
    });
    expect(result.stderr).toBe(
      `pqsdk run-test: set a credential for HelloWorld at {"message":"Hi"}: pqsdk set-credential -e ${HELLO_WORLD} -q hi.query.pq --credentials-file ${store} -ak Anonymous\n`,
    );
  });

  it('fails for a missing credential even when the query catches the error', async () => {
    const { cwd, store } = workspace();
    const query = join(HELLO_WORLD, 'HelloWorld.query.pq');
    const argv = ['run-test', '-e', HELLO_WORLD, '-q', query, '--credentials-file', store];
    const before = await runCli(argv, { cwd });
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(`pqsdk set-credential -e ${HELLO_WORLD} -q ${query}`);

    await anonymousHello(cwd, store, query);
    const after = await runCli(argv, { cwd });
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    const [entry] = JSON.parse(after.stdout) as [
      { Output: unknown[]; DataSourceAnalysis: unknown[] },
    ];
    expect(entry.Output).toEqual([
      {
        RowCount: 3,
        FirstGreeting: 'Hello, world (1)',
        Columns: ['Index', 'Greeting', 'Language', 'Length'],
        UnknownLanguageFailed: true,
        UnknownLanguageReason: 'Expression.Error',
        BadRepeatMessage: 'repeat must be a positive whole number',
        FunctionName: 'Hello World greetings',
      },
    ]);
    expect(entry.DataSourceAnalysis).toHaveLength(3);
  });

  it('answers requests from --mock fixtures, and fails on a request none matches', async () => {
    const { cwd, store } = shelfWorkspace('https://shelf.example/api');
    writeFileSync(
      join(cwd, 'books.json'),
      JSON.stringify({
        pqsdkMock: 1,
        request: { method: 'GET', url: 'https://shelf.example/api/books' },
        response: { status: 200, json: BOOKS },
      }),
    );
    await setKey(cwd, store);
    const argv = ['run-test', '-e', 'Shelf', '-q', 'books.query.pq', '--credentials-file', store];
    const replayed = await runCli([...argv, '--mock', 'books.json'], { cwd });
    expect(replayed.stderr).toBe('');
    expect(replayed.code).toBe(0);
    expect((JSON.parse(replayed.stdout) as [{ Output: unknown }])[0].Output).toEqual(BOOKS);

    writeFileSync(join(cwd, 'books.query.pq'), 'Shelf.Books("https://shelf.example/other")');
    await setKey(cwd, store);
    const missed = await runCli([...argv, '--mock', 'books.json'], { cwd });
    expect(missed.code).toBe(1);
    const [entry] = JSON.parse(missed.stdout) as [{ Error: { Reason: string; Message: string } }];
    expect(entry.Error.Reason).toBe('DataSource.Error');
    expect(entry.Error.Message).toContain('no mock fixture matches it');
    expect(missed.stdout).not.toContain(API_KEY);
  });

  describe('with a live service', () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('records live exchanges with --record, without the secret, and replays them', async () => {
      server = await startServer((request, response) => {
        if (request.headers.authorization === undefined) {
          response.writeHead(401).end();
        } else {
          sendJson(response, 200, BOOKS);
        }
      });
      const { cwd, store } = shelfWorkspace(`${server.origin}/api`);
      await setKey(cwd, store);
      const argv = ['run-test', '-e', 'Shelf', '-q', 'books.query.pq', '--credentials-file', store];
      const recorded = await runCli([...argv, '--record', 'fixtures'], { cwd });
      expect(recorded.stderr).toBe('');
      expect(recorded.code).toBe(0);
      expect(server.requests).toHaveLength(1);
      const authorization = server.requests[0]?.headers.authorization ?? '';
      expect(authorization).toBe(`Basic ${Buffer.from(`:${API_KEY}`).toString('base64')}`);

      const files = readdirSync(join(cwd, 'fixtures'));
      expect(files).toHaveLength(1);
      const fixture = readFileSync(join(cwd, 'fixtures', files[0] ?? ''), 'utf8');
      expect(fixture).not.toContain(API_KEY);
      expect(fixture).not.toContain(authorization.slice('Basic '.length));
      expect(JSON.parse(fixture)).toMatchObject({
        pqsdkMock: 1,
        request: { method: 'GET', headers: { Authorization: '<redacted>' } },
        response: { status: 200 },
      });

      await server.close();
      server = undefined;
      const replayed = await runCli([...argv, '--mock', 'fixtures'], { cwd });
      expect(replayed.code).toBe(0);
      expect((JSON.parse(replayed.stdout) as [{ Output: unknown }])[0].Output).toEqual(BOOKS);
    });

    it('writes the traces, HTTP exchanges and folding attempts to --log-traces', async () => {
      server = await startServer((_request, response) => {
        sendJson(response, 200, BOOKS);
      });
      const { cwd, store } = shelfWorkspace(`${server.origin}/api`);
      await setKey(cwd, store);
      writeFileSync(
        join(cwd, 'view.query.pq'),
        `let
    books = Shelf.Books("${server.origin}/api"),
    view = Table.View(null, [
        GetType = () => Value.Type(books),
        GetRows = () => books,
        OnTake = (n) => error "no paging here"
    ])
in
    Table.FirstN(view, 1)`,
      );
      const result = await runCli(
        [
          'run-test',
          '-e',
          'Shelf',
          '-q',
          'view.query.pq',
          '--credentials-file',
          store,
          '--log-traces',
          'logs/run.jsonl',
        ],
        { cwd },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const text = readFileSync(join(cwd, 'logs', 'run.jsonl'), 'utf8');
      expect(text).not.toContain(API_KEY);
      const lines = text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((line) => line['type']).sort()).toEqual(['folding', 'http', 'trace']);
      expect(lines.find((line) => line['type'] === 'trace')).toMatchObject({
        level: 'Information',
        message: 'Shelf: read the books',
      });
      expect(lines.find((line) => line['type'] === 'http')).toMatchObject({
        method: 'GET',
        url: `${server.origin}/api/books`,
        status: 200,
        dataSource: { kind: 'Shelf', path: `${server.origin}/api` },
      });
      expect(lines.find((line) => line['type'] === 'folding')).toMatchObject({
        handler: 'OnTake',
        outcome: 'declined-error',
      });
      const http = JSON.stringify(lines.find((line) => line['type'] === 'http'));
      expect(http).toContain('<redacted>');

      const strict = await runCli(
        ['run-test', '-e', 'Shelf', '-q', 'view.query.pq', '--credentials-file', store, '-foff'],
        { cwd },
      );
      expect(strict.code).toBe(1);
      expect((JSON.parse(strict.stdout) as [{ Error: { Message: string } }])[0].Error.Message).toBe(
        "We couldn't fold the expression to the data source. Please try a simpler expression.",
      );
    });
  });

  it('lets File.Contents read only under --file-roots', async () => {
    const { cwd, store } = workspace({
      'Shelf/Shelf.pq': SHELF,
      'data/notes.txt': 'inside',
      'secret.txt': 'outside',
    });
    // File.Contents takes absolute paths only.
    writeFileSync(
      join(cwd, 'inside.query.pq'),
      `Text.FromBinary(File.Contents("${join(cwd, 'data', 'notes.txt')}"))`,
    );
    writeFileSync(
      join(cwd, 'outside.query.pq'),
      `Text.FromBinary(File.Contents("${join(cwd, 'secret.txt')}"))`,
    );
    const base = ['run-test', '-e', 'Shelf', '--credentials-file', store];
    const off = await runCli([...base, '-q', 'inside.query.pq'], { cwd });
    expect(off.code).toBe(1);
    expect(JSON.parse(off.stdout)).toMatchObject([
      { Status: 'Failed', Error: { Message: expect.stringContaining('fileRoots') as unknown } },
    ]);
    const inside = await runCli([...base, '-q', 'inside.query.pq', '--file-roots', 'data'], {
      cwd,
    });
    expect(inside.stderr).toBe('');
    expect(JSON.parse(inside.stdout)).toMatchObject([
      { Status: 'Passed', Output: [{ Value: 'inside' }] },
    ]);
    const outside = await runCli([...base, '-q', 'outside.query.pq', '--file-roots', 'data'], {
      cwd,
    });
    expect(outside.code).toBe(1);
    expect(JSON.parse(outside.stdout)).toMatchObject([{ Status: 'Failed' }]);
  });

  it('reports a connector that does not parse in one line, with exit code 1', async () => {
    const { cwd } = workspace({
      'Broken/Broken.pq': 'section Broken;\n\nshared Broken.Value = (;\n',
      'q.pq': '1',
    });
    const result = await runCli(['run-test', '-e', 'Broken', '-q', 'q.pq'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^pqsdk run-test: Broken: Broken\.pq:3:\d+ [^\n]+\n$/);
  });

  it.each([
    [['-q', 'q.pq'], 'no connector given: use -e <project folder, .pq, .mez or .pqx>'],
    [['-e', 'Nowhere', '-q', 'q.pq'], 'no such connector: Nowhere'],
    [['-e', HELLO_WORLD], 'no query file given: use -q <file.query.pq>'],
    [['-e', HELLO_WORLD, '-q', 'missing.pq'], 'no such file or directory: missing.pq'],
    [['-e', HELLO_WORLD, '-q', 'q.pq', '--seed', 'x'], 'option "--seed" takes a whole number'],
    [['-e', HELLO_WORLD, '-q', 'q.pq', '--allow-live'], '--allow-live only applies with --mock'],
    [['-e', HELLO_WORLD, '-q', 'q.pq', '--mock', 'none.json'], 'none.json'],
    [['-e', HELLO_WORLD, '-q', 'q.pq', 'extra'], 'unexpected argument "extra"'],
    [['-e', HELLO_WORLD, '-q', 'q.pq', '--frobnicate'], 'unknown option "--frobnicate"'],
  ])('rejects %j with a usage error (exit code 2)', async (argv, message) => {
    const { cwd } = workspace({ 'q.pq': '1' });
    const result = await runCli(['run-test', ...argv], { cwd });
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.startsWith('pqsdk run-test: ')).toBe(true);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.code).toBe(2);
  });

  it('has a help with an example, within 100 columns', async () => {
    const result = await runCli(['run-test', '-?']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pqsdk run-test -e <connector> -q <query file>/);
    expect(result.stdout).toContain('Examples:\n  pqsdk set-credential');
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});

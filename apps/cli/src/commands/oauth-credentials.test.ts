import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTempDirectories, runCli } from '../../test/cli-harness.js';
import {
  freePort,
  sendJson,
  startServer,
  type TestServer,
  workspace,
} from '../../test/engine-fixtures.js';

afterEach(removeTempDirectories);

/** The tokens the test authorization server issues; none may ever be printed. */
const TOKENS = {
  code: 'code-5f1d2e9a77',
  access: 'access-token-9b8c7d6e5f',
  refresh: 'refresh-token-1a2b3c4d5e',
  refreshed: 'access-token-2-0f9e8d7c6b',
} as const;

/** A connector that signs in with the authorization code flow against `origin`. */
function notesConnector(origin: string, callback: string): string {
  return `section Notes;

Server = "${origin}";
Redirect = "${callback}";

[DataSource.Kind = "Notes", Publish = "Notes.Publish"]
shared Notes.Me = () as record => Json.Document(Web.Contents(Server & "/me"));

Notes = [
    Authentication = [
        OAuth = [StartLogin = StartLogin, FinishLogin = FinishLogin, Refresh = Refresh]
    ],
    Label = "Notes"
];

Notes.Publish = [Category = "Other", ButtonText = {"Notes", "Notes"}];

StartLogin = (dataSourcePath, state, display) =>
    [
        LoginUri = Server & "/authorize?" & Uri.BuildQueryString([state = state, redirect_uri = Redirect]),
        CallbackUri = Redirect,
        WindowHeight = 600,
        WindowWidth = 400,
        Context = null
    ];

FinishLogin = (context, callbackUri, state) =>
    Token([grant_type = "authorization_code", code = Uri.Parts(callbackUri)[Query][code], redirect_uri = Redirect]);

Refresh = (dataSourcePath, refreshToken) =>
    Token([grant_type = "refresh_token", refresh_token = refreshToken]);

Token = (form as record) =>
    Json.Document(
        Web.Contents(
            Server & "/token",
            [
                Content = Text.ToBinary(Uri.BuildQueryString(form)),
                Headers = [#"Content-Type" = "application/x-www-form-urlencoded", Accept = "application/json"]
            ]
        )
    );
`;
}

/** What a browser does with the sign-in page: follow its redirect back to the callback. */
function fakeBrowser(opened: string[]): (url: string) => Promise<boolean> {
  return (url) => {
    opened.push(url);
    void fetch(url).then((response) => response.text());
    return Promise.resolve(true);
  };
}

describe('OAuth credentials', { timeout: 120_000 }, () => {
  let server: TestServer;
  /** The lifetime of the first token; under a minute counts as expired straight away. */
  let firstExpiresIn = 3600;
  beforeEach(async () => {
    firstExpiresIn = 3600;
    server = await startServer((request, response) => {
      const url = new URL(request.url, 'http://127.0.0.1');
      if (url.pathname === '/authorize') {
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', TOKENS.code);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        response.writeHead(302, { location: back.href }).end();
      } else if (url.pathname === '/token') {
        const form = new URLSearchParams(request.body);
        if (form.get('grant_type') === 'authorization_code' && form.get('code') === TOKENS.code) {
          sendJson(response, 200, {
            access_token: TOKENS.access,
            refresh_token: TOKENS.refresh,
            token_type: 'Bearer',
            expires_in: firstExpiresIn,
          });
        } else if (form.get('refresh_token') === TOKENS.refresh) {
          sendJson(response, 200, { access_token: TOKENS.refreshed, expires_in: 7200 });
        } else {
          sendJson(response, 400, { error: 'invalid_grant' });
        }
      } else if (url.pathname === '/me') {
        const bearer = request.headers.authorization ?? '';
        if (bearer === `Bearer ${TOKENS.access}` || bearer === `Bearer ${TOKENS.refreshed}`) {
          sendJson(response, 200, { name: 'Ada', token: bearer.endsWith(TOKENS.access) ? 1 : 2 });
        } else {
          response.writeHead(401).end();
        }
      } else {
        response.writeHead(404).end();
      }
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('signs in with --interactive, refreshes, and never prints a token', async () => {
    const callback = `http://127.0.0.1:${String(await freePort())}/callback`;
    const { cwd, store } = workspace({
      'Notes/Notes.pq': notesConnector(server.origin, callback),
      'me.query.pq': 'Notes.Me()',
    });
    const target = ['-e', 'Notes', '-q', 'me.query.pq', '--credentials-file', store];
    const opened: string[] = [];
    const signIn = await runCli(['set-credential', ...target, '--interactive'], {
      cwd,
      openBrowser: fakeBrowser(opened),
    });
    expect(signIn.code).toBe(0);
    expect(JSON.parse(signIn.stdout)).toEqual({
      Details: { Kind: 'Notes', Path: 'Notes', NormalizedPath: 'Notes', IsDefaultForKind: false },
      Message: 'Successfully set credential',
      Status: 'Success',
    });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(new RegExp(`^${server.origin}/authorize\\?state=`));
    expect(signIn.stderr).toContain(`  ${opened[0] ?? ''}\n`);

    const first = await runCli(['run-test', ...target], { cwd });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject([{ Output: [{ name: 'Ada', token: 1 }] }]);

    const list = await runCli(['list-credential', '--credentials-file', store], { cwd });
    expect(JSON.parse(list.stdout)).toMatchObject([
      {
        DataSource: { kind: 'Notes', path: 'Notes' },
        AuthenticationKind: 'OAuth',
        Properties: { token_type: 'Bearer', HasRefreshToken: true },
      },
    ]);

    const refreshed = await runCli(['refresh-credential', ...target], { cwd });
    expect(refreshed.stderr).toBe('');
    expect(refreshed.code).toBe(0);
    expect(JSON.parse(refreshed.stdout)).toMatchObject({
      Details: { Kind: 'Notes', Path: 'Notes', NormalizedPath: 'Notes' },
      Message: 'Successfully refreshed credential',
      Status: 'Success',
    });
    const second = await runCli(['run-test', ...target], { cwd });
    expect(JSON.parse(second.stdout)).toMatchObject([{ Output: [{ name: 'Ada', token: 2 }] }]);

    const printed = [signIn, first, list, refreshed, second]
      .map((result) => result.stdout + result.stderr)
      .join('\n');
    for (const secret of Object.values(TOKENS)) expect(printed).not.toContain(secret);
    const folder = dirname(store);
    const onDisk = readdirSync(folder)
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('\n');
    for (const secret of Object.values(TOKENS)) expect(onDisk).not.toContain(secret);
  });

  it('refreshes an expired token by itself when run-test needs it', async () => {
    firstExpiresIn = 30;
    const callback = `http://127.0.0.1:${String(await freePort())}/callback`;
    const { cwd, store } = workspace({
      'Notes/Notes.pq': notesConnector(server.origin, callback),
      'me.query.pq': 'Notes.Me()',
    });
    const target = ['-e', 'Notes', '-q', 'me.query.pq', '--credentials-file', store];
    const signIn = await runCli(['set-credential', ...target, '--interactive'], {
      cwd,
      openBrowser: fakeBrowser([]),
    });
    expect(signIn.code).toBe(0);
    const run = await runCli(['run-test', ...target], { cwd });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject([{ Output: [{ name: 'Ada', token: 2 }] }]);
    const again = await runCli(['run-test', ...target], { cwd });
    expect(JSON.parse(again.stdout)).toMatchObject([{ Output: [{ name: 'Ada', token: 2 }] }]);
    for (const secret of Object.values(TOKENS))
      expect(run.stdout + again.stdout).not.toContain(secret);
  });

  it('reports a refresh without a stored credential as a failure', async () => {
    const callback = `http://127.0.0.1:${String(await freePort())}/callback`;
    const { cwd, store } = workspace({
      'Notes/Notes.pq': notesConnector(server.origin, callback),
      'me.query.pq': 'Notes.Me()',
    });
    const result = await runCli(
      ['refresh-credential', '-e', 'Notes', '-q', 'me.query.pq', '--credentials-file', store],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      Details: { Kind: 'Notes', Path: 'Notes' },
      Status: 'Failure',
    });
  });

  it('hints at --interactive when an OAuth credential is missing', async () => {
    const callback = `http://127.0.0.1:${String(await freePort())}/callback`;
    const { cwd, store } = workspace({
      'Notes/Notes.pq': notesConnector(server.origin, callback),
      'me.query.pq': 'Notes.Me()',
    });
    const result = await runCli(
      ['run-test', '-e', 'Notes', '-q', 'me.query.pq', '--credentials-file', store],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `pqsdk run-test: set a credential for Notes: pqsdk set-credential -e Notes -q me.query.pq --credentials-file ${store} -ak OAuth --interactive\n`,
    );
  });
});

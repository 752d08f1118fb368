import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirectories, runCli } from '../../test/cli-harness.js';
import { HELLO_WORLD, runWithInput, workspace } from '../../test/engine-fixtures.js';

afterEach(removeTempDirectories);

/** A connector whose data source supports a key or a user name and password. */
const VAULT = `section Vault;

[DataSource.Kind = "Vault", Publish = "Vault.Publish"]
shared Vault.Contents = (server as text) as record =>
    [Server = server, Kind = Extension.CurrentCredential()[AuthenticationKind]];

Vault = [
    Authentication = [Key = [], UsernamePassword = []],
    SupportsEncryption = true,
    Label = "Vault"
];

Vault.Publish = [Category = "Other", ButtonText = {"Vault", "Vault"}];
`;

const SECRET_KEY = 'vault-key-0c9e71d4a8';
const SECRET_PASSWORD = 'hunter2-but-longer';

function keyJson(key: string): string {
  return JSON.stringify({
    AuthenticationKind: 'Key',
    AuthenticationProperties: { Key: key },
    PrivacySetting: 'Organizational',
    Permissions: [],
  });
}

function vaultWorkspace(): { cwd: string; store: string; target: string[] } {
  const { cwd, store } = workspace({
    'Vault/Vault.pq': VAULT,
    'one.query.pq': 'Vault.Contents("db1")',
    'two.query.pq': '{Vault.Contents("db1"), Vault.Contents("db2")}',
    'none.query.pq': '1 + 1',
  });
  return { cwd, store, target: ['-e', 'Vault', '-q', 'one.query.pq', '--credentials-file', store] };
}

/** Every file of the store's folder, as text. */
function storeFiles(store: string): string {
  const folder = dirname(store);
  return readdirSync(folder)
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('\n');
}

describe('pqsdk credential-template', { timeout: 120_000 }, () => {
  it("prints the template of the kind chosen, with PQTest's placeholders", async () => {
    const { cwd, target } = vaultWorkspace();
    const key = await runCli(['credential-template', ...target, '-ak', 'Key'], { cwd });
    expect(key.stderr).toBe('');
    expect(key.code).toBe(0);
    expect(key.stdout).toBe(
      '{"AuthenticationKind":"Key","AuthenticationProperties":{"Key":"$$KEY$$","EncryptConnection":true},"PrivacySetting":"None","Permissions":[]}\n',
    );
    const basic = await runCli(
      ['credential-template', ...target, '-p', '--authenticationKind', 'usernamepassword'],
      { cwd },
    );
    expect(basic.stdout).toMatchInlineSnapshot(`
      "{
        "AuthenticationKind": "UsernamePassword",
        "AuthenticationProperties": {
          "Username": "$$USERNAME$$",
          "Password": "$$PASSWORD$$",
          "EncryptConnection": true
        },
        "PrivacySetting": "None",
        "Permissions": []
      }
      "
    `);
  });

  it('chooses the only kind without -ak, and names the data source with -dsk and -dsp', async () => {
    const result = await runCli([
      'credential-template',
      '-e',
      HELLO_WORLD,
      '-dsk',
      'HelloWorld',
      '-dsp',
      '{"message":"Hi"}',
    ]);
    expect(result).toEqual({
      code: 0,
      stdout:
        '{"AuthenticationKind":"Anonymous","AuthenticationProperties":{},"PrivacySetting":"None","Permissions":[]}\n',
      stderr: '',
    });
  });

  it.each([
    [[], 2, '--authenticationKind is required: the data source supports Key, UsernamePassword'],
    [['-ak', 'OAuth'], 1, '--authenticationKind OAuth is not supported by the data source'],
    [['-ak', 'Telepathy'], 2, 'option "--authenticationKind" takes one of'],
  ])('refuses %j (exit code %i)', async (argv, code, message) => {
    const { cwd, target } = vaultWorkspace();
    const result = await runCli(['credential-template', ...target, ...argv], { cwd });
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });
});

describe('pqsdk set-credential, list-credential, delete-credential', { timeout: 120_000 }, () => {
  it('stores a key from standard input, never prints it, and keeps it encrypted', async () => {
    const { cwd, store, target } = vaultWorkspace();
    const set = await runWithInput(['set-credential', ...target], cwd, keyJson(SECRET_KEY));
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({
      Details: {
        Kind: 'Vault',
        Path: '{"server":"db1"}',
        NormalizedPath: '{"server":"db1"}',
        IsDefaultForKind: false,
      },
      Message: 'Successfully set credential',
      Status: 'Success',
    });

    const list = await runCli(['list-credential', '--credentials-file', store], { cwd });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      {
        DataSource: { kind: 'Vault', path: '{"server":"db1"}' },
        AuthenticationKind: 'Key',
        PrivacySetting: 'Organizational',
        Properties: {},
      },
    ]);

    const used = await runCli(['run-test', ...target], { cwd });
    expect(used.code).toBe(0);
    expect(JSON.parse(used.stdout)).toMatchObject([
      { Status: 'Passed', Output: [{ Server: 'db1', Kind: 'Key' }] },
    ]);

    for (const output of [set, list, used]) {
      expect(output.stdout + output.stderr).not.toContain(SECRET_KEY);
    }
    expect(storeFiles(store)).not.toContain(SECRET_KEY);
  });

  it('shows the user name, never the password, of a UsernamePassword credential', async () => {
    const { cwd, store, target } = vaultWorkspace();
    const json = JSON.stringify({
      AuthenticationKind: 'UsernamePassword',
      AuthenticationProperties: { Username: 'ada', Password: SECRET_PASSWORD },
    });
    const set = await runWithInput(['set-credential', ...target, '-p'], cwd, json);
    expect(set.code).toBe(0);
    const list = await runCli(['list-credential', '--credentials-file', store, '-p'], { cwd });
    expect(list.stdout).toMatchInlineSnapshot(`
      "[
        {
          "DataSource": {
            "kind": "Vault",
            "path": "{\\"server\\":\\"db1\\"}"
          },
          "AuthenticationKind": "UsernamePassword",
          "PrivacySetting": "None",
          "Properties": {
            "Username": "ada"
          }
        }
      ]
      "
    `);
    expect(set.stdout + set.stderr + list.stdout + list.stderr).not.toContain(SECRET_PASSWORD);
    expect(storeFiles(store)).not.toContain(SECRET_PASSWORD);
  });

  it('sets, lists and deletes a credential for each data source a query calls', async () => {
    const { cwd, store } = vaultWorkspace();
    const target = ['-e', 'Vault', '-q', 'two.query.pq', '--credentials-file', store];
    const set = await runWithInput(['set-credential', ...target], cwd, keyJson(SECRET_KEY));
    expect(set.code).toBe(0);
    const results = JSON.parse(set.stdout) as { Details: { Path: string }; Status: string }[];
    expect(results.map((result) => [result.Details.Path, result.Status])).toEqual([
      ['{"server":"db1"}', 'Success'],
      ['{"server":"db2"}', 'Success'],
    ]);
    const list = await runCli(['list-credential', '--credentials-file', store], { cwd });
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(2);

    const deleted = await runCli(['delete-credential', ...target], { cwd });
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toEqual([
      {
        Details: { Kind: 'Vault', Path: '{"server":"db1"}', NormalizedPath: '{"server":"db1"}' },
        Message: 'Successfully deleted credential',
        Status: 'Success',
      },
      {
        Details: { Kind: 'Vault', Path: '{"server":"db2"}', NormalizedPath: '{"server":"db2"}' },
        Message: 'Successfully deleted credential',
        Status: 'Success',
      },
    ]);
    const again = await runCli(
      [
        'delete-credential',
        '-dsk',
        'Vault',
        '-dsp',
        '{"server":"db1"}',
        '--credentials-file',
        store,
      ],
      { cwd },
    );
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({
      Message: 'No credential is stored for this data source',
      Status: 'Failure',
    });
  });

  it('sets an Anonymous credential without standard input, and deletes all with --ALL', async () => {
    const { cwd, store } = workspace({ 'hi.query.pq': 'HelloWorld.Contents("Hi")' });
    const target = ['-e', HELLO_WORLD, '-q', 'hi.query.pq', '--credentials-file', store];
    const set = await runCli(['set-credential', ...target, '-ak', 'anonymous'], { cwd });
    expect(set).toEqual({
      code: 0,
      stdout:
        '{"Details":{"Kind":"HelloWorld","Path":"{\\"message\\":\\"Hi\\"}","NormalizedPath":"{\\"message\\":\\"Hi\\"}","IsDefaultForKind":false},"Message":"Successfully set credential","Status":"Success"}\n',
      stderr: '',
    });
    const all = await runCli(['delete-credential', '--ALL', '--credentials-file', store], { cwd });
    expect(all).toEqual({
      code: 0,
      stdout:
        '{"Details":{"Count":1},"Message":"Successfully deleted all credentials","Status":"Success"}\n',
      stderr: '',
    });
    const list = await runCli(['list-credential', '--credentials-file', store], { cwd });
    expect(list.stdout).toBe('[]\n');
  });

  it('refuses a credential the data source does not support, or JSON that is not one', async () => {
    const { cwd, store, target } = vaultWorkspace();
    const anonymous = await runCli(['set-credential', ...target, '-ak', 'Anonymous'], { cwd });
    expect(anonymous).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pqsdk set-credential: the data source Vault at {"server":"db1"} supports Key, UsernamePassword, not Anonymous\n',
    });
    const placeholder = await runWithInput(['set-credential', ...target], cwd, keyJson('$$KEY$$'));
    expect(placeholder.code).toBe(1);
    expect(placeholder.stderr).toBe(
      'pqsdk set-credential: the credential on standard input is not valid: $.AuthenticationProperties.Key: still holds the template placeholder $$KEY$$; replace it with the real value\n',
    );
    const broken = await runWithInput(
      ['set-credential', ...target],
      cwd,
      `{"Key": "${SECRET_KEY}"`,
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).not.toContain(SECRET_KEY);
    expect(broken.stderr.split('\n')).toHaveLength(2);
    const list = await runCli(['list-credential', '--credentials-file', store], { cwd });
    expect(list.stdout).toBe('[]\n');
  });

  it.each([
    [['-e', 'Vault'], 'name the data source with -q <query file> (or -dsk <kind> -dsp <path>)'],
    [['-q', 'one.query.pq'], 'no connector given'],
    [['-e', 'Vault', '-dsk', 'Vault'], '-dsk <kind> and -dsp <path> go together'],
    [['-e', 'Vault', '-q', 'one.query.pq', '-dsk', 'Vault', '-dsp', 'x'], 'not both'],
    [['-e', 'Vault', '-q', 'one.query.pq', '-ak', 'Anonymous', '--interactive'], 'OAuth or Aad'],
  ])('set-credential %j is a usage error', async (argv, message) => {
    const { cwd } = vaultWorkspace();
    const result = await runCli(['set-credential', ...argv], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('says when the query calls no data source function', async () => {
    const { cwd, store } = vaultWorkspace();
    const result = await runCli(
      [
        'set-credential',
        '-e',
        'Vault',
        '-q',
        'none.query.pq',
        '-ak',
        'Key',
        '--credentials-file',
        store,
      ],
      { cwd },
    );
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pqsdk set-credential: the query none.query.pq calls no data source function of Vault\n',
    });
  });

  it('refuses delete-credential --all with a data source', async () => {
    const result = await runCli(['delete-credential', '--all', '-e', HELLO_WORLD]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--all deletes every credential');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirectories, runCli } from '../../test/cli-harness.js';
import { HELLO_WORLD, workspace } from '../../test/engine-fixtures.js';

afterEach(removeTempDirectories);

describe('pqsdk test-connection', { timeout: 120_000 }, () => {
  it("runs the data source's TestConnection with the stored credential", async () => {
    const { cwd, store } = workspace({ 'hi.query.pq': 'HelloWorld.Contents("Hi", 3)' });
    const target = ['-e', HELLO_WORLD, '-q', 'hi.query.pq', '--credentials-file', store];
    const missing = await runCli(['test-connection', ...target], { cwd });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      Details: {
        Kind: 'HelloWorld',
        Path: '{"message":"Hi"}',
        NormalizedPath: '{"message":"Hi"}',
        Error: {
          Reason: 'Credential.Error',
          Message:
            'Credentials are required to connect to the HelloWorld source. (Source at {"message":"Hi"}.)',
          Detail:
            '[DataSourceKind = "HelloWorld", DataSourcePath = "{""message"":""Hi""}", AuthenticationKinds = {"Anonymous"}]',
        },
      },
      Message:
        'TestConnection failed: [Credential.Error] Credentials are required to connect to the HelloWorld source. (Source at {"message":"Hi"}.)',
      Status: 'Failure',
    });
    expect(missing.stderr).toBe(
      `pqsdk test-connection: set a credential for HelloWorld at {"message":"Hi"}: pqsdk set-credential -e ${HELLO_WORLD} -q hi.query.pq --credentials-file ${store} -ak Anonymous\n`,
    );

    const set = await runCli(['set-credential', ...target, '-ak', 'Anonymous'], { cwd });
    expect(set.code).toBe(0);
    const passed = await runCli(['test-connection', ...target, '-p'], { cwd });
    expect(passed.stderr).toBe('');
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatchInlineSnapshot(`
      "{
        "Details": {
          "Kind": "HelloWorld",
          "Path": "{\\"message\\":\\"Hi\\"}",
          "NormalizedPath": "{\\"message\\":\\"Hi\\"}",
          "Function": "HelloWorld.Contents(\\"Hi\\")",
          "ValueKind": "table"
        },
        "Message": "TestConnection succeeded: HelloWorld.Contents(\\"Hi\\") returned a table",
        "Status": "Success"
      }
      "
    `);
    const tty = await runCli(
      [
        'test-connection',
        '-e',
        HELLO_WORLD,
        '-dsk',
        'HelloWorld',
        '-dsp',
        '{"message":"Hi"}',
        '--credentials-file',
        store,
      ],
      { cwd, stdoutIsTTY: true },
    );
    expect(tty).toEqual({
      code: 0,
      stdout:
        'Success  HelloWorld at {"message":"Hi"}: TestConnection succeeded: HelloWorld.Contents("Hi") returned a table\n',
      stderr: '',
    });
  });

  it('needs a query that calls exactly one data source', async () => {
    const { cwd } = workspace({
      'two.query.pq': '{HelloWorld.Contents("a"), HelloWorld.Contents("b")}',
      'none.query.pq': '42',
    });
    const two = await runCli(['test-connection', '-e', HELLO_WORLD, '-q', 'two.query.pq'], { cwd });
    expect(two).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pqsdk test-connection: the query calls 2 data sources (HelloWorld at {"message":"a"}; HelloWorld at {"message":"b"}); give a query that calls one, or -dsk <kind> -dsp <path>\n',
    });
    const none = await runCli(['test-connection', '-e', HELLO_WORLD, '-q', 'none.query.pq'], {
      cwd,
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      'pqsdk test-connection: the query none.query.pq calls no data source function of HelloWorld\n',
    );
  });

  it('rejects a data source kind the connector does not have', async () => {
    const result = await runCli([
      'test-connection',
      '-e',
      HELLO_WORLD,
      '-dsk',
      'Nope',
      '-dsp',
      'Nope',
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pqsdk test-connection: the connector HelloWorld has no data source kind Nope; it has HelloWorld\n',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from '../test/cli-harness.js';
import { COMMANDS } from './commands.js';

describe('run', () => {
  it('prints the top-level help with --help, -h and help, and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "Usage: pqsdk <command> [options]

      pqsdk: the Power Query SDK tools (PQTest, MakePQX) for every platform.

      Commands:
        parse                Parse .pq, .pqm and .m files and report syntax errors
        eval                 Evaluate an M expression and print its value as an M literal
        new                  Create a connector project, as the VS Code SDK does
        run-test             Evaluate a query file with a connector (PQTest run-test)
        test-connection      Run the TestConnection handler of a data source (PQTest test-connection)
        info                 Describe a connector: data sources, functions, documentation (PQTest info)
        credential-template  Print the JSON template of a credential (PQTest credential-template)
        set-credential       Store the credential of a data source (PQTest set-credential)
        list-credential      List the stored credentials, never their secrets (PQTest list-credential)
        delete-credential    Delete stored credentials (PQTest delete-credential)
        refresh-credential   Refresh a stored OAuth credential (PQTest refresh-credential)
        compile              Build a connector project into a reproducible .mez
        pack                 Pack a .mez into a .pqx, signed when a certificate is given (MakePQX pack)
        sign                 Sign or countersign a .pqx (MakePQX sign)
        verify               Verify the signatures of a .pqx and print the MakePQX JSON report
        new-cert             Create a self-signed code-signing certificate (.pfx) for development
        inspect              Show the entries, metadata and signature status of a .mez or .pqx

      Options:
        -h, --help     Show this help; "pqsdk <command> --help" or "pqsdk help <command>" for a command
        -v, --version  Print the version

      Example:
        pqsdk parse MyConnector.pq

      Exit codes:
        0   success
        1   the command ran and found problems, such as a file that does not parse
        2   usage error: unknown command or option, missing argument, path missing or unreadable
        70  internal error (a bug in pqsdk); rerun with PQSDK_DEBUG=1 to see the stack
      "
    `);
    expect((await runCli(['-h'])).stdout).toBe(result.stdout);
    expect(await runCli(['help'])).toEqual(result);
  });

  it('prints a command’s help with help <command>', async () => {
    const viaHelp = await runCli(['help', 'parse']);
    const viaFlag = await runCli(['parse', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp).toEqual(viaFlag);
    expect(viaHelp.stdout).toMatch(/^Usage: pqsdk parse /);
  });

  it.each(COMMANDS.map((command) => [command.name]))(
    'prints the help of %s with --help, -h and help, within 100 columns, with an example',
    async (name) => {
      const result = await runCli([name, '--help']);
      expect(result).toEqual({ code: 0, stdout: result.stdout, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^Usage: pqsdk ${name} `));
      expect(result.stdout).toMatch(/\nExamples?:\n {2}pqsdk /);
      for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
      expect(await runCli([name, '-h'])).toEqual(result);
      expect(await runCli(['help', name])).toEqual(result);
    },
  );

  it('prints the help on standard error and exits 2 when given no arguments', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe((await runCli(['--help'])).stdout);
  });

  it('prints the version from package.json with --version and -v', async () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(await runCli(['--version'])).toEqual({
      code: 0,
      stdout: `${manifest.version}\n`,
      stderr: '',
    });
    expect((await runCli(['-v'])).stdout).toBe(`${manifest.version}\n`);
  });

  it.each([
    [['frobnicate'], 'pqsdk: unknown command "frobnicate"; run pqsdk --help\n'],
    [['help', 'frobnicate'], 'pqsdk: unknown command "frobnicate"; run pqsdk --help\n'],
    [['--json'], 'pqsdk: unknown option "--json"; run pqsdk --help\n'],
  ])('rejects %j with one line on standard error and exit code 2', async (argv, message) => {
    expect(await runCli(argv)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('reports an unexpected exception as an internal error with exit code 70, without a stack', async () => {
    const result = await runCli(['--help'], {
      stdout: () => {
        throw new Error('the terminal caught fire\nsecond line');
      },
    });
    expect(result.code).toBe(70);
    expect(result.stderr).toMatchInlineSnapshot(`
      "pqsdk: internal error: the terminal caught fire
      pqsdk: this is a bug in pqsdk; rerun with PQSDK_DEBUG=1 to see the stack
      "
    `);
  });

  it('prints the stack of an internal error when PQSDK_DEBUG is set', async () => {
    const result = await runCli(['--version'], {
      env: { PQSDK_DEBUG: '1' },
      stdout: () => {
        throw new TypeError('boom');
      },
    });
    expect(result.code).toBe(70);
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('pqsdk: internal error: boom');
    expect(lines[1]).toBe('TypeError: boom');
    expect(lines[2]).toMatch(/^ {4}at /);
  });
});

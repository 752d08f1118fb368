import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { COMPILE_HELP } from './commands/compile-help.js';
import {
  CREDENTIAL_TEMPLATE_HELP,
  DELETE_CREDENTIAL_HELP,
  LIST_CREDENTIAL_HELP,
  REFRESH_CREDENTIAL_HELP,
  SET_CREDENTIAL_HELP,
} from './commands/credential-help.js';
import { EVAL_HELP } from './commands/eval-help.js';
import { INFO_HELP } from './commands/info-help.js';
import { INSPECT_HELP } from './commands/inspect-help.js';
import { NEW_CERT_HELP } from './commands/new-cert-help.js';
import { NEW_HELP } from './commands/new-help.js';
import { PACK_HELP } from './commands/pack-help.js';
import { PARSE_HELP } from './commands/parse-help.js';
import { RUN_TEST_HELP } from './commands/run-test-help.js';
import { SIGN_HELP } from './commands/sign-help.js';
import { TEST_CONNECTION_HELP } from './commands/test-connection-help.js';
import { VERIFY_HELP } from './commands/verify-help.js';

type Runner = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * A verb whose code is imported only when it runs, so that `pqsdk run-test` does not load the
 * signer, and `pqsdk parse` not the engine: start-up time is part of every command.
 */
function lazy(
  name: string,
  summary: string,
  synopsis: string,
  help: string,
  load: () => Promise<Runner>,
): Command {
  return {
    name,
    summary,
    synopsis,
    help,
    run: async (argv, io) => (await load())(argv, io),
  };
}

/** Every verb of `pqsdk`, in the order `pqsdk --help` lists them. */
export const COMMANDS: readonly Command[] = [
  lazy(
    'parse',
    'Parse .pq, .pqm and .m files and report syntax errors',
    '[options] <file|directory>...',
    PARSE_HELP,
    async () => (await import('./commands/parse.js')).runParse,
  ),
  lazy(
    'eval',
    'Evaluate an M expression and print its value as an M literal',
    '[options] <expression> | -f <file|-> | --jsonl',
    EVAL_HELP,
    async () => {
      const { runEval } = await import('./commands/eval.js');
      return (argv, io) => runEval(argv, io);
    },
  ),
  lazy(
    'new',
    'Create a connector project, as the VS Code SDK does',
    '<Name> [-d <folder>]',
    NEW_HELP,
    async () => (await import('./commands/new.js')).runNew,
  ),
  lazy(
    'run-test',
    'Evaluate a query file with a connector (PQTest run-test)',
    '-e <connector> -q <query file> [options]',
    RUN_TEST_HELP,
    async () => (await import('./commands/run-test.js')).runRunTest,
  ),
  lazy(
    'test-connection',
    'Run the TestConnection handler of a data source (PQTest test-connection)',
    '-e <connector> -q <query file> [options]',
    TEST_CONNECTION_HELP,
    async () => (await import('./commands/test-connection.js')).runTestConnection,
  ),
  lazy(
    'info',
    'Describe a connector: data sources, functions, documentation (PQTest info)',
    '-e <connector> [options]',
    INFO_HELP,
    async () => (await import('./commands/info.js')).runInfo,
  ),
  lazy(
    'credential-template',
    'Print the JSON template of a credential (PQTest credential-template)',
    '-e <connector> -q <query file> [-ak <kind>]',
    CREDENTIAL_TEMPLATE_HELP,
    async () => (await import('./commands/credential-template.js')).runCredentialTemplate,
  ),
  lazy(
    'set-credential',
    'Store the credential of a data source (PQTest set-credential)',
    '-e <connector> -q <query file> [-ak <kind>] [--interactive]',
    SET_CREDENTIAL_HELP,
    async () => (await import('./commands/set-credential.js')).runSetCredential,
  ),
  lazy(
    'list-credential',
    'List the stored credentials, never their secrets (PQTest list-credential)',
    '[options]',
    LIST_CREDENTIAL_HELP,
    async () => (await import('./commands/list-credential.js')).runListCredential,
  ),
  lazy(
    'delete-credential',
    'Delete stored credentials (PQTest delete-credential)',
    '-e <connector> -q <query file> | --all',
    DELETE_CREDENTIAL_HELP,
    async () => (await import('./commands/delete-credential.js')).runDeleteCredential,
  ),
  lazy(
    'refresh-credential',
    'Refresh a stored OAuth credential (PQTest refresh-credential)',
    '-e <connector> -q <query file>',
    REFRESH_CREDENTIAL_HELP,
    async () => (await import('./commands/refresh-credential.js')).runRefreshCredential,
  ),
  lazy(
    'compile',
    'Build a connector project into a reproducible .mez',
    '[options] <project-folder>',
    COMPILE_HELP,
    async () => (await import('./commands/compile.js')).runCompile,
  ),
  lazy(
    'pack',
    'Pack a .mez into a .pqx, signed when a certificate is given (MakePQX pack)',
    '-mz <file.mez> [-t <file.pqx>] [-c <certificate> [-p <password>]]',
    PACK_HELP,
    async () => (await import('./commands/pack.js')).runPack,
  ),
  lazy(
    'sign',
    'Sign or countersign a .pqx (MakePQX sign)',
    '[options] <file.pqx>',
    SIGN_HELP,
    async () => (await import('./commands/sign.js')).runSign,
  ),
  lazy(
    'verify',
    'Verify the signatures of a .pqx and print the MakePQX JSON report',
    '[options] <file.pqx>',
    VERIFY_HELP,
    async () => (await import('./commands/verify.js')).runVerify,
  ),
  lazy(
    'new-cert',
    'Create a self-signed code-signing certificate (.pfx) for development',
    '--subject <"CN=…"> -o <file.pfx> -p <password> [options]',
    NEW_CERT_HELP,
    async () => (await import('./commands/new-cert.js')).runNewCert,
  ),
  lazy(
    'inspect',
    'Show the entries, metadata and signature status of a .mez or .pqx',
    '[options] <file.mez|file.pqx>',
    INSPECT_HELP,
    async () => (await import('./commands/inspect.js')).runInspect,
  ),
];

/** The verb called `name`, or undefined. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

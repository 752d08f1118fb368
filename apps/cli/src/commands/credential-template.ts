import {
  type AuthenticationKind,
  credentialTemplate,
  formatCredentialInputProblem,
  parseAuthenticationKind,
  selectAuthenticationKind,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { CommandFailure } from '../command-failure.js';
import { EXIT_OK } from '../exit-code.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { UsageError } from '../usage-error.js';
import {
  CREDENTIAL_TARGET_OPTIONS,
  discoverySettings,
  prettyJson,
  readAuthenticationKindOption,
} from './credential-common.js';
import { CREDENTIAL_TEMPLATE_HELP } from './credential-help.js';
import { resolveTargets, type TargetDataSource } from './data-source-target.js';
import { noPositionals, printJson } from './pqtest-options.js';

const OPTIONS = {
  ...CREDENTIAL_TARGET_OPTIONS,
  authenticationKind: { type: 'string' },
} as const;

const HELP_COMMAND = 'pqsdk credential-template --help';

/**
 * Runs `pqsdk credential-template`: prints the credential template (PQTest's JSON) of the
 * authentication kind chosen with `-ak`, or of the only kind the data source supports.
 *
 * @throws {@link UsageError} for bad arguments, or no `-ak` when the data source supports several
 * kinds; `CommandFailure` for a kind the data source does not support.
 */
export async function runCredentialTemplate(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(CREDENTIAL_TEMPLATE_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  readAuthenticationKindOption(options.authenticationKind, HELP_COMMAND);
  const targets = await resolveTargets(options, io, {
    helpCommand: HELP_COMMAND,
    settings: discoverySettings(options, HELP_COMMAND),
    needsConnector: true,
    ...(options.authenticationKind === undefined
      ? {}
      : { authenticationKind: options.authenticationKind }),
  });
  const target = singleKind(targets.dataSources);
  const kind = chooseKind(target, options.authenticationKind, HELP_COMMAND);
  const record = targets.connector?.dataSources.find(
    (dataSource) => dataSource.kind === target.kind,
  );
  const template = credentialTemplate(kind, {
    supportsEncryption: record?.supportsEncryption === true,
  });
  printJson(template, prettyJson(options, io), io);
  return EXIT_OK;
}

/** The one data source kind the targets share. */
function singleKind(dataSources: readonly TargetDataSource[]): TargetDataSource {
  const [first] = dataSources;
  if (first === undefined) throw new Error('resolveTargets returned no data source');
  const kinds = [...new Set(dataSources.map((dataSource) => dataSource.kind))];
  if (kinds.length > 1) {
    throw new CommandFailure(
      `the query calls data sources of several kinds (${kinds.join(', ')}); name one with -dsk <kind> -dsp <path>`,
    );
  }
  return first;
}

/**
 * The authentication kind of `-ak`, or the only one the data source supports.
 *
 * @throws {@link UsageError} when `-ak` is needed or names no kind; {@link CommandFailure} when
 * the data source does not support it.
 */
export function chooseKind(
  target: TargetDataSource,
  requested: string | undefined,
  helpCommand: string,
): AuthenticationKind {
  const supported = target.authenticationKinds
    .map(parseAuthenticationKind)
    .filter((kind): kind is AuthenticationKind => kind !== undefined);
  const selected = selectAuthenticationKind(supported, requested);
  if (selected.ok) return selected.value;
  const [problem] = selected.problems;
  const message =
    problem === undefined
      ? 'no authentication kind could be chosen'
      : formatCredentialInputProblem(problem).replace(/^(--authenticationKind): /u, '$1 ');
  if (requested === undefined) {
    throw new UsageError('PQSDK_MISSING_ARGUMENT', `${message}; run ${helpCommand}`);
  }
  if (parseAuthenticationKind(requested) === undefined) {
    throw new UsageError('PQSDK_BAD_OPTION_VALUE', `${message}; run ${helpCommand}`);
  }
  throw new CommandFailure(message);
}

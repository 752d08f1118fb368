import {
  automaticCredential,
  type Credential,
  type CredentialCommandResult,
  formatCredentialInputProblem,
  parseSetCredentialInput,
  setCredentialResult,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { CommandFailure } from '../command-failure.js';
import { EXIT_OK } from '../exit-code.js';
import { pathError } from '../path-error.js';
import { readArguments } from '../read-arguments.js';
import { pqtestSpellings } from './pqtest-spellings.js';
import { readAllText, standardInput } from '../read-stdin.js';
import { UsageError } from '../usage-error.js';
import {
  CREDENTIAL_TARGET_OPTIONS,
  discoverySettings,
  printResults,
  readAuthenticationKindOption,
} from './credential-common.js';
import { SET_CREDENTIAL_HELP } from './credential-help.js';
import { describeDataSource, resolveTargets, type TargetDataSource } from './data-source-target.js';
import { signInInteractively } from './oauth-sign-in.js';
import { credentialStore, noPositionals, userFacingError } from './pqtest-options.js';

const OPTIONS = {
  ...CREDENTIAL_TARGET_OPTIONS,
  authenticationKind: { type: 'string' },
  interactive: { type: 'boolean' },
} as const;

const HELP_COMMAND = 'pqsdk set-credential --help';

/**
 * Runs `pqsdk set-credential`: stores a credential for each data source named, from JSON on
 * standard input, as an automatic credential (`-ak Anonymous`, `-ak Windows`), or by an OAuth
 * sign-in (`--interactive`), and prints PQTest's result.
 *
 * @throws {@link UsageError} for bad arguments; `CommandFailure` when the credential cannot be
 * stored (bad JSON, an unsupported kind, a store that cannot be written).
 */
export async function runSetCredential(argv: readonly string[], io: CliIo): Promise<number> {
  const { options, positionals } = readArguments(pqtestSpellings(argv), OPTIONS, HELP_COMMAND);
  if (options.help) {
    io.stdout(SET_CREDENTIAL_HELP);
    return EXIT_OK;
  }
  noPositionals(positionals, HELP_COMMAND);
  const requested = readAuthenticationKindOption(options.authenticationKind, HELP_COMMAND);
  const automatic = requested === 'Anonymous' || requested === 'Windows' ? requested : undefined;
  if (
    options.interactive &&
    requested !== undefined &&
    requested !== 'OAuth' &&
    requested !== 'Aad'
  ) {
    throw new UsageError(
      'PQSDK_BAD_OPTION_VALUE',
      `--interactive signs in with OAuth or Aad, not ${requested}; run ${HELP_COMMAND}`,
    );
  }
  const stdin = standardInput(io);
  if (automatic === undefined && !options.interactive && 'isTTY' in stdin && stdin.isTTY === true) {
    throw new UsageError(
      'PQSDK_MISSING_ARGUMENT',
      `pipe the credential's JSON into set-credential (see pqsdk credential-template), or use -ak Anonymous, -ak Windows or --interactive; run ${HELP_COMMAND}`,
    );
  }

  const settings = discoverySettings(options, HELP_COMMAND);
  const targets = await resolveTargets(options, io, {
    helpCommand: HELP_COMMAND,
    settings,
    needsConnector: true,
    ...(requested === undefined ? {} : { authenticationKind: requested }),
  });
  const store = credentialStore(options['credentials-file'], io);

  if (options.interactive) {
    const extension = targets.extension;
    if (extension === undefined) throw new Error('resolveTargets loaded no connector');
    const results = await signInInteractively(targets.dataSources, {
      extension,
      store,
      settings,
      io,
    });
    printResults(results, options, io);
    return EXIT_OK;
  }

  let text: string | undefined;
  if (automatic === undefined) {
    try {
      text = await readAllText(stdin);
    } catch (error) {
      throw pathError(error, 'standard input');
    }
  }
  const results: CredentialCommandResult[] = [];
  for (const target of targets.dataSources) {
    const credential =
      automatic === undefined
        ? readCredential(text ?? '', target)
        : automaticCredential({ kind: target.kind, path: target.path }, automatic);
    checkKind(credential, target, requested);
    try {
      results.push(setCredentialResult(await store.set(credential)));
    } catch (error) {
      throw userFacingError(error);
    }
  }
  printResults(results, options, io);
  return EXIT_OK;
}

function readCredential(text: string, target: TargetDataSource): Credential {
  const parsed = parseSetCredentialInput(text, {
    dataSource: { kind: target.kind, path: target.path },
  });
  if (parsed.ok) return parsed.value;
  throw new CommandFailure(
    `the credential on standard input is not valid: ${parsed.problems.map(formatCredentialInputProblem).join('; ')}`,
  );
}

/** Checks the credential's kind against `-ak` and against what the data source supports. */
function checkKind(
  credential: Credential,
  target: TargetDataSource,
  requested: string | undefined,
): void {
  const kind = credential.authenticationKind;
  if (requested !== undefined && kind !== requested) {
    throw new CommandFailure(
      `the credential on standard input is ${kind}, but -ak says ${requested}; make them agree`,
    );
  }
  const supported = target.authenticationKinds;
  if (supported.length > 0 && !supported.includes(kind)) {
    throw new CommandFailure(
      `the data source ${describeDataSource(target)} supports ${supported.join(', ')}, not ${kind}`,
    );
  }
}

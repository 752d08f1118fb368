import { createInterface } from 'node:readline';
import {
  type CredentialCommandResult,
  type CredentialStore,
  OAuthError,
  runInteractiveLogin,
  setCredentialResult,
} from '@pqsdk/mashup-engine';
import type { CliIo } from '../cli-io.js';
import { CommandFailure } from '../command-failure.js';
import { standardInput } from '../read-stdin.js';
import type { TargetDataSource } from './data-source-target.js';
import { openWithCredentialStore } from './engine-session.js';
import { type ConnectorArgument, type EngineSettings, userFacingError } from './pqtest-options.js';

/** What {@link signInInteractively} needs. */
export interface SignInOptions {
  readonly extension: ConnectorArgument;
  readonly store: CredentialStore;
  readonly settings: EngineSettings;
  readonly io: CliIo;
}

/**
 * Signs in with OAuth to each data source (`set-credential --interactive`), one after the
 * other, with the connector's `StartLogin` and `FinishLogin` (`runInteractiveLogin`): the sign-in
 * page opens in the browser and its address is printed on standard error; the callback comes back
 * to a loopback address, or is pasted on standard input. The tokens go to the store.
 *
 * @returns PQTest's `set-credential` result for each data source.
 * @throws `CommandFailure` when a sign-in fails (the message says why, never with a token).
 */
export async function signInInteractively(
  dataSources: readonly TargetDataSource[],
  options: SignInOptions,
): Promise<CredentialCommandResult[]> {
  const { extension, store, settings, io } = options;
  const engine = await openWithCredentialStore(extension, settings, store);
  const results: CredentialCommandResult[] = [];
  try {
    for (const target of dataSources) {
      const unsupported = target.authenticationKinds.every(
        (kind) => kind !== 'OAuth' && kind !== 'Aad',
      );
      if (unsupported && target.authenticationKinds.length > 0) {
        throw new CommandFailure(
          `--interactive signs in with OAuth, which the ${target.kind} data source does not support (it supports ${target.authenticationKinds.join(', ')})`,
        );
      }
      try {
        const { credential } = await runInteractiveLogin(
          engine,
          { kind: target.kind, path: target.path },
          {
            print: (line) => {
              io.stderr(`${line}\n`);
            },
            ...(io.openBrowser === undefined ? {} : { openBrowser: io.openBrowser }),
            readPastedUrl: () => readLine(io),
          },
        );
        results.push(setCredentialResult(credential));
      } catch (error) {
        if (error instanceof OAuthError) throw new CommandFailure(error.message);
        throw userFacingError(error);
      }
    }
  } finally {
    await engine.close();
  }
  return results;
}

/** Reads one line from standard input (the callback URL the user pastes). */
async function readLine(io: CliIo): Promise<string> {
  const lines = createInterface({ input: standardInput(io), terminal: false });
  try {
    for await (const line of lines) {
      if (line.trim() !== '') return line.trim();
    }
  } finally {
    lines.close();
  }
  throw new CommandFailure('standard input ended before the callback URL was pasted');
}

/**
 * Where the credential store lives: the `--credentials-file` option, the `PQSDK_CREDENTIALS_FILE`
 * environment variable, or the user's configuration folder.
 */

import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The environment variable that names the store file. */
export const CREDENTIALS_FILE_ENV = 'PQSDK_CREDENTIALS_FILE';

/** The environment variable that names the key file. */
export const CREDENTIALS_KEY_FILE_ENV = 'PQSDK_CREDENTIALS_KEY_FILE';

/** The store's file name in the configuration folder. */
export const DEFAULT_CREDENTIALS_FILE_NAME = 'credentials.json';

/** Where the store and its key are, and what decided it. */
export interface CredentialsLocation {
  /** The encrypted store file. */
  readonly file: string;
  /** The key file: the store's path with `.key` appended, unless named otherwise. */
  readonly keyFile: string;
  /** What chose {@link file}: the option, the environment variable, or the platform's default. */
  readonly source: 'option' | 'environment' | 'default';
}

/** Inputs of {@link resolveCredentialsLocation}; each defaults to the running process's. */
export interface ResolveCredentialsLocationOptions {
  /** The `--credentials-file` option. */
  readonly credentialsFile?: string | undefined;
  /** A key file path given by the caller (wins over `PQSDK_CREDENTIALS_KEY_FILE`). */
  readonly keyFile?: string | undefined;
  /** The environment. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The platform. Default `process.platform`. */
  readonly platform?: NodeJS.Platform;
  /** The home folder. Default `os.homedir()`. */
  readonly homedir?: string;
  /** The working folder that relative paths are resolved from. Default `process.cwd()`. */
  readonly cwd?: string;
}

/**
 * Resolves where the credential store is:
 * 1. `credentialsFile` (the `--credentials-file` option);
 * 2. the `PQSDK_CREDENTIALS_FILE` environment variable;
 * 3. `credentials.json` in the user's configuration folder (see {@link defaultCredentialsFolder}).
 *
 * The key file is `keyFile`, else `PQSDK_CREDENTIALS_KEY_FILE`, else the store's path plus `.key`.
 * Relative paths are resolved from `cwd`.
 */
export function resolveCredentialsLocation(
  options: ResolveCredentialsLocationOptions = {},
): CredentialsLocation {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const paths = platform === 'win32' ? win32 : posix;
  const cwd = options.cwd ?? process.cwd();
  const fromOption = nonEmpty(options.credentialsFile);
  const fromEnv = nonEmpty(env[CREDENTIALS_FILE_ENV]);

  let file: string;
  let source: CredentialsLocation['source'];
  if (fromOption !== undefined) {
    file = paths.resolve(cwd, fromOption);
    source = 'option';
  } else if (fromEnv !== undefined) {
    file = paths.resolve(cwd, fromEnv);
    source = 'environment';
  } else {
    file = paths.join(
      defaultCredentialsFolder({
        env,
        platform,
        ...(options.homedir === undefined ? {} : { homedir: options.homedir }),
      }),
      DEFAULT_CREDENTIALS_FILE_NAME,
    );
    source = 'default';
  }
  const keyFile = nonEmpty(options.keyFile) ?? nonEmpty(env[CREDENTIALS_KEY_FILE_ENV]);
  return {
    file,
    keyFile: keyFile === undefined ? `${file}.key` : paths.resolve(cwd, keyFile),
    source,
  };
}

/**
 * The folder pqsdk keeps its configuration in:
 * - Windows: `%APPDATA%\pqsdk` (or `<home>\AppData\Roaming\pqsdk` when `APPDATA` is unset);
 * - macOS: `~/Library/Application Support/pqsdk`;
 * - elsewhere: `$XDG_CONFIG_HOME/pqsdk` when `XDG_CONFIG_HOME` is an absolute path (the XDG
 *   Base Directory rule), else `~/.config/pqsdk`.
 */
export function defaultCredentialsFolder(
  options: Pick<ResolveCredentialsLocationOptions, 'env' | 'platform' | 'homedir'> = {},
): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.homedir ?? homedir();
  if (platform === 'win32') {
    const appData = nonEmpty(env['APPDATA']);
    return win32.join(appData ?? win32.join(home, 'AppData', 'Roaming'), 'pqsdk');
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Application Support', 'pqsdk');
  }
  const xdg = nonEmpty(env['XDG_CONFIG_HOME']);
  if (xdg !== undefined && posix.isAbsolute(xdg)) return posix.join(xdg, 'pqsdk');
  return posix.join(home, '.config', 'pqsdk');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

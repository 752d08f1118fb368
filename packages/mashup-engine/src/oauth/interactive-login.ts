/**
 * An interactive OAuth sign-in from a terminal (host side), for `set-credential --interactive`:
 * `StartLogin`, a browser, the callback caught on a loopback address or pasted by the user, the
 * `state` check, `FinishLogin`, and the tokens stored.
 */
import type { OAuthCredential } from '../credentials/types.js';
import type { DataSourceId } from '../evaluation/protocol.js';
import { OAuthError } from './errors.js';
import { checkCallback } from './host-oauth.js';
import {
  DEFAULT_LOGIN_TIMEOUT_MS,
  listenForCallback,
  loopbackTarget,
  type CallbackListener,
  type CallbackPage,
} from './loopback-listener.js';
import { openBrowser as openSystemBrowser } from './open-browser.js';
import type { OAuthLogin } from './types.js';

/** What {@link runInteractiveLogin} needs of the engine (`MashupEngine` has it). */
export interface InteractiveLoginEngine {
  startOAuthLogin(dataSource: DataSourceId): Promise<OAuthLogin>;
  finishOAuthLogin(
    dataSource: DataSourceId,
    login: OAuthLogin,
    callbackUrl: string,
  ): Promise<OAuthCredential>;
}

/** Options of {@link runInteractiveLogin}. */
export interface InteractiveLoginOptions {
  /** Writes one line for the user (never a token or a code). */
  readonly print: (line: string) => void;
  /**
   * Opens the sign-in page; resolves to whether a browser was started. Default: the system
   * browser (`openBrowser`). Pass `async () => false` to only print the address.
   */
  readonly openBrowser?: (url: string) => Promise<boolean>;
  /**
   * Reads the callback URL the user pastes, for a `CallbackUri` that is not a loopback address
   * (or when `loopback` is false). Without it such a sign-in fails with `PQSDK_OAUTH_NO_CALLBACK`.
   */
  readonly readPastedUrl?: () => Promise<string>;
  /** Whether to catch a loopback `CallbackUri` with a local listener. Default: true. */
  readonly loopback?: boolean;
  /** How long to wait for the callback, in milliseconds. Default: 5 minutes. */
  readonly timeoutMs?: number;
  /** Cancels the wait. */
  readonly signal?: AbortSignal;
}

/** What {@link runInteractiveLogin} resolves to. */
export interface InteractiveLoginResult {
  /** The stored credential (holds the tokens: print `setCredentialResult` of it). */
  readonly credential: OAuthCredential;
  /** How the callback arrived. */
  readonly callback: 'loopback' | 'pasted';
}

function timeoutError(timeoutMs: number): OAuthError {
  return new OAuthError(
    'PQSDK_OAUTH_TIMEOUT',
    `no sign-in callback arrived within ${String(Math.round(timeoutMs / 1000))} s; sign in again`,
  );
}

/** Waits for `promise`, or rejects when the time is up or the signal aborts. */
async function within<T>(
  promise: Promise<T>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(timeoutError(timeoutMs));
    }, timeoutMs);
    onAbort = () => {
      reject(new OAuthError('PQSDK_OAUTH_CANCELLED', 'the sign-in was cancelled'));
    };
    if (signal?.aborted === true) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, limits]);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
  }
}

function pageFor(login: OAuthLogin): (callbackUrl: string) => CallbackPage {
  return (callbackUrl) => {
    try {
      checkCallback(login, callbackUrl);
    } catch {
      return 'mismatch';
    }
    return new URL(callbackUrl).searchParams.has('error') ? 'refused' : 'signedIn';
  };
}

/**
 * Signs a user in to a data source with the connector's OAuth functions and stores the tokens:
 *
 * 1. `engine.startOAuthLogin` runs `StartLogin` with a fresh `state`;
 * 2. when the `CallbackUri` is a loopback address (`http://127.0.0.1:PORT/…`,
 *    `http://localhost:PORT/…`), a listener starts there first; it answers the browser with a
 *    page saying the window can be closed;
 * 3. the sign-in page is opened in the browser (and its address printed, in case it did not open);
 * 4. the callback URL comes from the listener, or else from `readPastedUrl`;
 * 5. `engine.finishOAuthLogin` checks the callback's address and `state`, runs `FinishLogin` and
 *    stores the credential.
 *
 * @throws {@link OAuthError}: `PQSDK_OAUTH_NO_CALLBACK`, `PQSDK_OAUTH_LOOPBACK_FAILED`,
 * `PQSDK_OAUTH_TIMEOUT`, `PQSDK_OAUTH_CANCELLED`, `PQSDK_OAUTH_STATE_MISMATCH`, and those of the
 * engine's methods.
 *
 * @example
 * ```ts
 * const engine = await MashupEngine.open('Fieldnotes.mez', { credentialStore: store });
 * const { credential } = await runInteractiveLogin(engine, { kind: 'Fieldnotes', path: 'Fieldnotes' }, {
 *   print: (line) => process.stderr.write(`${line}\n`),
 *   readPastedUrl: () => readLine('Callback URL: '),
 * });
 * console.log(JSON.stringify(setCredentialResult(credential), null, 2));
 * ```
 */
export async function runInteractiveLogin(
  engine: InteractiveLoginEngine,
  dataSource: DataSourceId,
  options: InteractiveLoginOptions,
): Promise<InteractiveLoginResult> {
  const { print } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;
  const login = await engine.startOAuthLogin(dataSource);
  const target = options.loopback === false ? undefined : loopbackTarget(login.callbackUri);
  if (target === undefined && options.readPastedUrl === undefined) {
    throw new OAuthError(
      'PQSDK_OAUTH_NO_CALLBACK',
      `the sign-in returns to ${login.callbackUri}, which is not a loopback address pqsdk can listen on, and there is no way to paste the callback URL; run the sign-in in an interactive terminal`,
    );
  }
  let listener: CallbackListener | undefined;
  if (target !== undefined) {
    listener = await listenForCallback(target, {
      page: pageFor(login),
      timeoutMs,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }
  try {
    print(`Signing in to the ${dataSource.kind} source at ${dataSource.path}.`);
    const opened = await (options.openBrowser ?? openSystemBrowser)(login.loginUri);
    print(
      opened
        ? 'The sign-in page is open in your browser. If it is not, open this address:'
        : 'Open this address in a browser to sign in:',
    );
    print(`  ${login.loginUri}`);
    let callbackUrl: string;
    let how: InteractiveLoginResult['callback'];
    if (listener !== undefined) {
      print(`Waiting for the browser to come back to ${login.callbackUri} …`);
      callbackUrl = await listener.callback;
      how = 'loopback';
    } else {
      const read = options.readPastedUrl;
      if (read === undefined) throw new Error('runInteractiveLogin: no way to read the callback');
      print(
        `After you sign in, the browser goes to ${login.callbackUri}. Copy the whole address from the address bar and paste it here.`,
      );
      callbackUrl = await within(read(), timeoutMs, options.signal);
      how = 'pasted';
    }
    const credential = await engine.finishOAuthLogin(dataSource, login, callbackUrl);
    print(
      `Signed in. The OAuth credential for ${dataSource.kind} at ${dataSource.path} is stored.`,
    );
    return { credential, callback: how };
  } finally {
    await listener?.close();
  }
}

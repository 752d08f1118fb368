/**
 * Opening a URL in the user's browser (host side), as PQTest's `--useSystemBrowser` does: `open`
 * on macOS, `start` through `cmd` on Windows, `xdg-open` elsewhere. The command runs detached;
 * opening never throws.
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Starts a process; `child_process.spawn` by default. */
export type Spawn = (
  command: string,
  args: readonly string[],
  options: SpawnOptions,
) => ChildProcess;

/** Options of {@link openBrowser}, for tests and unusual systems. */
export interface OpenBrowserOptions {
  /** The platform whose command to use. Default: `process.platform`. */
  readonly platform?: NodeJS.Platform;
  /** How to start the command. Default: `child_process.spawn`. */
  readonly spawn?: Spawn;
}

/** The command that opens a URL on a platform: the program and its arguments. */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
): { readonly command: string; readonly args: readonly string[]; readonly verbatim: boolean } {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url], verbatim: false };
    case 'win32':
      // `start` is built into cmd, which treats & | < > ^ as operators: escape them with ^. The
      // empty title keeps `start` from taking the URL as the window title.
      return {
        command: 'cmd',
        args: ['/d', '/s', '/c', `start "" ${url.replace(/[&|<>^]/gu, '^$&')}`],
        verbatim: true,
      };
    default:
      return { command: 'xdg-open', args: [url], verbatim: false };
  }
}

/**
 * Opens an http or https URL in the user's default browser.
 *
 * @returns Whether a browser command was started: false for another scheme (nothing is run), or
 * when no command exists (`ENOENT`) or it could not be started. It never throws, so a caller
 * prints the URL for the user to open when it gets false.
 */
export async function openBrowser(url: string, options: OpenBrowserOptions = {}): Promise<boolean> {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    href = parsed.href;
  } catch {
    return false;
  }
  const { command, args, verbatim } = browserCommand(href, options.platform ?? process.platform);
  const spawn = options.spawn ?? nodeSpawn;
  return new Promise<boolean>((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        detached: true,
        stdio: 'ignore',
        windowsHide: true,
        ...(verbatim ? { windowsVerbatimArguments: true } : {}),
      });
    } catch {
      resolve(false);
      return;
    }
    child.once('error', () => {
      resolve(false);
    });
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

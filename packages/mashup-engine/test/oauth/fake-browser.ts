/**
 * A stand-in for the user's browser in sign-in tests: it follows the sign-in page's redirects the
 * way a browser does (with `fetch`, one hop at a time) and loads only loopback addresses, so no
 * test reaches the network. An address on another host stays in the address bar, unloaded, as
 * the page a user would copy the callback URL from.
 */

/** The page the fake browser ended on. */
export interface LoadedPage {
  /** The address bar. */
  readonly url: string;
  /** The status, or 0 when the page was not loaded (not a loopback address). */
  readonly status: number;
  readonly text: string;
}

/** Options of {@link FakeBrowser}. */
export interface FakeBrowserOptions {
  /** Changes an address before the browser goes there (a forged callback, for one). */
  readonly rewrite?: (url: URL) => URL;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A browser that follows redirects over loopback. */
export class FakeBrowser {
  /** Every address the browser went to, in order. */
  readonly visited: string[] = [];
  #page: Promise<LoadedPage> | undefined;

  constructor(private readonly options: FakeBrowserOptions = {}) {}

  /** What `runInteractiveLogin` calls to open the sign-in page: starts the navigation. */
  readonly open = (url: string): Promise<boolean> => {
    const page = this.#navigate(url);
    page.catch(() => undefined);
    this.#page = page;
    return Promise.resolve(true);
  };

  /** The page the last navigation ended on. */
  async page(): Promise<LoadedPage> {
    if (this.#page === undefined) throw new Error('the browser was never opened');
    return this.#page;
  }

  /** The address bar once the last navigation has ended: what a user pastes. */
  readonly addressBar = async (): Promise<string> => (await this.page()).url;

  async #navigate(start: string): Promise<LoadedPage> {
    let next = start;
    for (let hop = 0; hop < 10; hop++) {
      const url = this.options.rewrite?.(new URL(next)) ?? new URL(next);
      this.visited.push(url.href);
      if (!LOOPBACK.has(url.hostname)) return { url: url.href, status: 0, text: '' };
      const response = await fetch(url, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.arrayBuffer();
        next = new URL(location, url).href;
        continue;
      }
      return { url: url.href, status: response.status, text: await response.text() };
    }
    throw new Error('too many redirects');
  }
}

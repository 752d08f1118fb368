import type { Sleep } from '../../src/http/client.js';

/** A `sleep` for the HTTP client that returns at once and remembers each wait, in order. */
export function instantSleep(): { readonly sleep: Sleep; readonly waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

/** The text of a body. */
export function text(body: Uint8Array): string {
  return new TextDecoder().decode(body);
}

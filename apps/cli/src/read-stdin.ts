import type { CliIo } from './cli-io.js';

/** The chunks of a byte or text stream, such as `process.stdin` or `Readable.from([...])`. */
export type TextSource = AsyncIterable<string | Uint8Array>;

/** The standard input of `io`: its own `stdin`, or the process's. */
export function standardInput(io: Pick<CliIo, 'stdin'>): NodeJS.ReadableStream {
  return io.stdin ?? process.stdin;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** Decodes UTF-8 bytes to text, dropping one leading byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string {
  return withoutByteOrderMark(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
}

/**
 * Reads a stream to its end as UTF-8 text, dropping one leading byte-order mark. Characters split
 * across chunks are decoded whole.
 *
 * @example
 * ```ts
 * const text = await readAllText(process.stdin);
 * ```
 */
export async function readAllText(input: TextSource): Promise<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return withoutByteOrderMark(text + decoder.decode());
}

/**
 * Reads a stream line by line as UTF-8 text, yielding each line as soon as its end arrives, so
 * input of any size is handled in constant memory (beyond the longest line). Lines end at `\n` or
 * `\r\n`, which are not part of the line; a last line without an end is yielded too, and one
 * leading byte-order mark is dropped.
 *
 * @example
 * ```ts
 * for await (const line of readLines(process.stdin)) console.log(line.length);
 * ```
 */
export async function* readLines(input: TextSource): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let pending = '';
  let atStart = true;
  for await (const chunk of input) {
    let searchFrom = pending.length;
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (atStart && pending !== '') {
      atStart = false;
      pending = withoutByteOrderMark(pending);
      searchFrom = 0;
    }
    let lineStart = 0;
    let newline = pending.indexOf('\n', searchFrom);
    while (newline !== -1) {
      yield withoutCarriageReturn(pending.slice(lineStart, newline));
      lineStart = newline + 1;
      newline = pending.indexOf('\n', lineStart);
    }
    pending = pending.slice(lineStart);
  }
  pending += decoder.decode();
  if (atStart) pending = withoutByteOrderMark(pending);
  if (pending !== '') yield withoutCarriageReturn(pending);
}

function withoutByteOrderMark(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

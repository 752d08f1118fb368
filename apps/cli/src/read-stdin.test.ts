import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, readAllText, readLines, standardInput } from './read-stdin.js';

async function linesOf(chunks: readonly (string | Uint8Array)[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

/** The bytes of `text`, one chunk per byte: every split a stream could make. */
function byteByByte(text: string): Buffer[] {
  return [...Buffer.from(text)].map((byte) => Buffer.from([byte]));
}

describe('readLines', () => {
  it.each([
    [[''], []],
    [['a'], ['a']],
    [['a\n'], ['a']],
    [['a\nb'], ['a', 'b']],
    [['a\r\nb\r\n'], ['a', 'b']],
    [['a\n\nb\n'], ['a', '', 'b']],
    [['a\rb\n'], ['a\rb']],
    [['\uFEFFa\n\uFEFFb'], ['a', '\uFEFFb']],
    [
      ['ab', 'c\nd', 'e\n', '', 'f'],
      ['abc', 'de', 'f'],
    ],
    [
      ['a\r', '\nb'],
      ['a', 'b'],
    ],
  ])('splits %j into %j', async (chunks, lines) => {
    expect(await linesOf(chunks)).toEqual(lines);
  });

  it('decodes UTF-8 split anywhere, and drops a byte-order mark split across chunks', async () => {
    expect(await linesOf(byteByByte('\uFEFFZoë\r\n😀 €\n'))).toEqual(['Zoë', '😀 €']);
  });

  it('yields a line as soon as it ends', async () => {
    const source = new Readable({ read: () => undefined });
    source.push('first\nsec');
    const lines = readLines(source);
    expect(await lines.next()).toEqual({ value: 'first', done: false });
    source.push('ond\n');
    source.push(null);
    expect(await lines.next()).toEqual({ value: 'second', done: false });
    expect(await lines.next()).toEqual({ value: undefined, done: true });
  });

  it('reads a long line arriving in many chunks', async () => {
    const line = 'x'.repeat(1_000_000);
    const chunks = Array.from({ length: 1000 }, (_, index) =>
      line.slice(index * 1000, index * 1000 + 1000),
    );
    expect(await linesOf([...chunks, '\n'])).toEqual([line]);
  });
});

describe('readAllText', () => {
  it('reads the whole stream as UTF-8, dropping one byte-order mark', async () => {
    expect(await readAllText(Readable.from(byteByByte('\uFEFF"Zoë" & "😀"\r\n')))).toBe(
      '"Zoë" & "😀"\r\n',
    );
    expect(await readAllText(Readable.from([]))).toBe('');
  });
});

describe('decodeUtf8', () => {
  it('decodes bytes, dropping one leading byte-order mark only', () => {
    expect(decodeUtf8(Buffer.from('\uFEFF\uFEFFa'))).toBe('\uFEFFa');
    expect(decodeUtf8(Buffer.from('é'))).toBe('é');
  });
});

describe('standardInput', () => {
  it('is the stream given, or the process’s standard input', () => {
    const stream = Readable.from([]);
    expect(standardInput({ stdin: stream })).toBe(stream);
    expect(standardInput({})).toBe(process.stdin);
  });
});

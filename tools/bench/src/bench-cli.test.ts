import { describe, expect, it } from 'vitest';
import {
  benchArgs,
  BenchUsageError,
  readCommandLine,
  readRunsOptions,
  wholeNumber,
  type BenchStreams,
} from './bench-cli.js';

const USAGE = 'Usage: node dist/demo-bench.js [options]';

/** Streams that keep what is written, in place of the process's own. */
function capture(): BenchStreams & { out: string; err: string } {
  const streams = {
    out: '',
    err: '',
    stdout: { write: (text: string) => (streams.out += text) },
    stderr: { write: (text: string) => (streams.err += text) },
  };
  return streams;
}

describe('readCommandLine', () => {
  it('prints the usage on --help and gives exit code 0', () => {
    const streams = capture();
    const result = readCommandLine(
      'demo-bench',
      USAGE,
      () => readRunsOptions(['--', '--help'], 5),
      streams,
    );
    expect(result).toBe(0);
    expect(streams.out).toBe(`${USAGE}\n`);
    expect(streams.err).toBe('');
  });

  it.each([
    [['--runs', 'x'], 'demo-bench: --runs needs a positive integer, not "x"\n'],
    [['--runs', '0'], 'demo-bench: --runs needs a positive integer, not "0"\n'],
    [['--nope'], "demo-bench: Unknown option '--nope'\n"],
  ])('turns the bad arguments %j into one line on stderr and exit code 2', (argv, line) => {
    const streams = capture();
    expect(readCommandLine('demo-bench', USAGE, () => readRunsOptions(argv, 5), streams)).toBe(2);
    expect(streams.err).toBe(line);
    expect(streams.out).toBe('');
  });

  it('returns the options when the arguments are good', () => {
    const streams = capture();
    const result = readCommandLine(
      'demo-bench',
      USAGE,
      () => readRunsOptions(['--', '--runs', '3', '--json'], 5),
      streams,
    );
    expect(result).toEqual({ runs: 3, json: true });
    expect(streams.out + streams.err).toBe('');
  });

  it('throws any other error again (a bug, not a usage error)', () => {
    const bug = new Error('an invariant failed');
    expect(() =>
      readCommandLine(
        'demo-bench',
        USAGE,
        () => {
          throw bug;
        },
        capture(),
      ),
    ).toThrow(bug);
  });
});

describe('wholeNumber', () => {
  it('accepts a whole number at the minimum', () => {
    expect(wholeNumber('--warmups', '0', 0)).toBe(0);
  });

  it.each(['-1', '1.5', 'x'])('refuses %j with a usage error', (text) => {
    expect(() => wholeNumber('--warmups', text, 0)).toThrow(
      new BenchUsageError(`--warmups needs a whole number of at least 0, not "${text}"`),
    );
  });
});

describe('benchArgs', () => {
  it('drops the -- that pnpm passes', () => {
    expect(benchArgs(['--', '--json', '--'])).toEqual(['--json']);
  });
});

import { describe, expect, it } from 'vitest';
import { readArguments } from './read-arguments.js';
import { UsageError } from './usage-error.js';

const SPECS = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  file: { type: 'string', short: 'f' },
} as const;

function read(argv: readonly string[]): ReturnType<typeof readArguments<typeof SPECS>> {
  return readArguments(argv, SPECS, 'pqsdk x --help');
}

function messageOf(argv: readonly string[]): string {
  try {
    read(argv);
  } catch (error) {
    if (error instanceof UsageError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('readArguments', () => {
  it('reads flags, short aliases, string options and positionals in order', () => {
    expect(read(['a.pq', '--json', '-q', '-f', 'x.pq', 'b.pq'])).toEqual({
      options: { json: true, quiet: true, file: 'x.pq' },
      positionals: ['a.pq', 'b.pq'],
    });
    expect(read(['--file=y.pq'])).toEqual({
      options: { json: false, quiet: false, file: 'y.pq' },
      positionals: [],
    });
  });

  it('takes everything after -- as positionals', () => {
    expect(read(['--', '--json', '-q']).positionals).toEqual(['--json', '-q']);
  });

  it.each([
    [['--nope'], 'PQSDK_UNKNOWN_OPTION: unknown option "--nope"; run pqsdk x --help'],
    [['-qz'], 'PQSDK_UNKNOWN_OPTION: unknown option "-z"; run pqsdk x --help'],
    [['--json=1'], 'PQSDK_BAD_OPTION_VALUE: option "--json" takes no value; run pqsdk x --help'],
    [['--file'], 'PQSDK_BAD_OPTION_VALUE: option "--file" needs a value; run pqsdk x --help'],
    [['--toString'], 'PQSDK_UNKNOWN_OPTION: unknown option "--toString"; run pqsdk x --help'],
  ])('rejects %j', (argv, message) => {
    expect(messageOf(argv)).toBe(message);
  });
});

import { Readable } from 'node:stream';
import {
  DateTimeValue,
  defineFunction,
  Engine,
  printValue,
  RecordValue,
  STANDARD_LIBRARY,
} from '@pqsdk/m-evaluator';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDirectory, removeTempDirectories } from '../../test/cli-harness.js';
import { runEvalCli } from '../../test/eval-harness.js';
import { EVAL_HELP } from './eval-help.js';

afterEach(removeTempDirectories);

const MS_PER_DAY = 86_400_000;
/** Days from 0001-01-01 (day 0 of the evaluator's calendar) to 1970-01-01. */
const UNIX_EPOCH_DAY = 719_162;

/**
 * An engine whose library has, besides the standard library, `Test.Context()`: what an evaluation
 * sees of its options. `LocalNow` is computed as `DateTime.LocalNow()` will be.
 */
function probeEngine(): Engine {
  return new Engine({
    library: [
      ...STANDARD_LIBRARY,
      defineFunction('Test.Context', '() as record', (ctx) => {
        const localMs = ctx.nowMs + ctx.timeZoneOffsetMinutes * 60_000;
        const days = Math.floor(localMs / MS_PER_DAY);
        return RecordValue.of([
          [
            'LocalNow',
            new DateTimeValue(UNIX_EPOCH_DAY + days, (localMs - days * MS_PER_DAY) * 10_000),
          ],
          ['UtcMs', ctx.nowMs],
          ['Offset', ctx.timeZoneOffsetMinutes],
          ['Culture', ctx.culture],
          ['Random', ctx.random()],
        ]);
      }),
      defineFunction('Test.Bug', '() as any', () => {
        throw new TypeError('the probe is broken');
      }),
    ],
  });
}

describe('pqsdk eval <expression>', () => {
  it.each([
    ['1 + 2', '3'],
    ['0.1 + 0.2', '0.30000000000000004'],
    ['-1.5e3', '-1500'],
    ['1 / 0', '#infinity'],
    ['-1 / 0', '-#infinity'],
    ['0 / 0', '#nan'],
    ['"plain"', '"plain"'],
    ['"say ""hi""#(tab)then#(cr,lf)next"', '"say ""hi""#(tab)then#(cr,lf)next"'],
    ['"é€😀"', '"é€😀"'],
    ['"a" & "b"', '"ab"'],
    ['null', 'null'],
    ['true and not false', 'true'],
    ['1 = 2', 'false'],
    ['{}', '{}'],
    ['{1, "x", null, {2}}', '{1, "x", null, {2}}'],
    ['{1..4}', '{1, 2, 3, 4}'],
    ['[]', '[]'],
    ['[a = 1, b = "x", #"c d" = [e = {true}]]', '[a = 1, b = "x", c d = [e = {true}]]'],
    ['[#"a""b" = 1]', '[#"a""b" = 1]'],
    ['[a = 1, b = a + 1][b]', '2'],
    [
      '#table(type table [A = number, B = text], {{1, "x"}, {2, "y"}})',
      '#table(type table [A = number, B = text], {{1, "x"}, {2, "y"}})',
    ],
    ['#table({"A"}, {{1}})', '#table(type table [A = any], {{1}})'],
    ['#date(2024, 1, 31)', '#date(2024, 1, 31)'],
    ['#datetime(2024, 1, 31, 13, 5, 0)', '#datetime(2024, 1, 31, 13, 5, 0)'],
    ['#datetimezone(2024, 1, 31, 13, 5, 0, -5, 0)', '#datetimezone(2024, 1, 31, 13, 5, 0, -5, 0)'],
    ['#time(23, 59, 59)', '#time(23, 59, 59)'],
    ['#duration(1, 2, 3, 4)', '#duration(1, 2, 3, 4)'],
    ['#date(2024, 3, 1) - #date(2024, 2, 1)', '#duration(29, 0, 0, 0)'],
    ['#binary({1, 2, 3})', '#binary("AQID")'],
    ['type table [A = number]', 'type table [A = number]'],
    ['let x = 2, y = x * x in y', '4'],
    ['try error "boom" otherwise "caught"', '"caught"'],
    ['(try 1 / "a")[HasError]', 'true'],
  ])('prints %s as %s and exits 0', async (expression, printed) => {
    const result = await runEvalCli([expression]);
    expect(result).toEqual({ code: 0, stdout: `${printed}\n`, stderr: '' });
  });

  it('prints fields and items that are errors as error records, and still exits 0', async () => {
    const result = await runEvalCli(['[a = 1, b = error "bad"]']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '[a = 1, b = error [Reason = "Expression.Error", Message = "bad", Detail = null, Message.Format = null, Message.Parameters = null]]\n',
    );
  });

  it('prints an M error as [Reason] Message on standard error, and exits 1', async () => {
    const result = await runEvalCli(['error "boom"']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '[Expression.Error] boom\n' });
  });

  it('prints the detail of an M error as an M literal on a second line', async () => {
    const result = await runEvalCli(['1 + "a"']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchInlineSnapshot(`
      "[Expression.Error] We cannot apply operator + to types Number and Text.
      [Operator = "+", Left = 1, Right = "a"]
      "
    `);
  });

  it('prints errors raised with a record: any reason, any detail', async () => {
    const result = await runEvalCli([
      'error [Reason = "My.Reason", Message = "It failed.", Detail = [At = #date(2024, 1, 31), Items = {1, 2}]]',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '[My.Reason] It failed.\n[At = #date(2024, 1, 31), Items = {1, 2}]\n',
    );
  });

  it('prints a text detail in quotes, as an M literal', async () => {
    const result = await runEvalCli(['Unknown.Name']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatchInlineSnapshot(`
      "[Expression.Error] The name 'Unknown.Name' wasn't recognized. Make sure it's spelled correctly.
      "Unknown.Name"
      "
    `);
  });

  it('prints only the reason of an error record without a message', async () => {
    const result = await runEvalCli(['error [Reason = "Silent.Failure"]']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: '[Silent.Failure]\n' });
  });

  it.each([
    ['1 +', '[Expression.SyntaxError] expected an expression, found the end of the input (1,4)\n'],
    ['let x = in x', '[Expression.SyntaxError] expected an expression, found `in` (1,9)\n'],
    ['', expect.stringMatching(/^\[Expression\.SyntaxError\] .+\n$/) as string],
  ])('reports the syntax error of %j as an M error, and exits 1', async (expression, stderr) => {
    const result = await runEvalCli([expression]);
    expect(result).toEqual({ code: 1, stdout: '', stderr });
  });

  it('reports a stack overflow as an M error, not a crash', async () => {
    const result = await runEvalCli(['let f = (n) => @f(n + 1) in f(0)']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: '[Expression.Error] Evaluation resulted in a stack overflow and cannot continue.\n',
    });
  });

  it('stops at --timeout-ms with one [PQSDK.Timeout] line, and exits 1', async () => {
    const started = performance.now();
    const result = await runEvalCli([
      '--timeout-ms',
      '50',
      'Value.Equals({1..100000000}, {1..100000000})',
    ]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: '[PQSDK.Timeout] The evaluation did not finish within 50 ms (--timeout-ms).\n',
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('applies the time limit while a lazy value is printed too', async () => {
    const result = await runEvalCli(['--timeout-ms=50', '{1..100000000}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\[PQSDK\.Timeout\] /);
  });

  it('sets no time limit unless asked, and takes --timeout-ms 0 as no limit', async () => {
    expect(await runEvalCli(['Value.Equals({1..200000}, {1..200000})'])).toMatchObject({
      code: 0,
      stdout: 'true\n',
    });
    expect(await runEvalCli(['--timeout-ms', '0', '1'])).toMatchObject({ code: 0, stdout: '1\n' });
  });

  it('prints with the multiline printer under --multiline', async () => {
    const expression = '[a = {1, 2}, b = #table({"A"}, {{1}})]';
    const engine = new Engine();
    const ctx = engine.createContext();
    const expected = printValue(ctx, engine.evaluateIn(ctx, expression), { multiline: true });
    const result = await runEvalCli(['--multiline', expression]);
    expect(result).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
  });

  it('takes an expression that starts with "-" and no letter as the expression, not an option', async () => {
    expect(await runEvalCli(['-1'])).toMatchObject({ code: 0, stdout: '-1\n' });
    expect(await runEvalCli(['-(2 * 3)', '--multiline'])).toMatchObject({
      code: 0,
      stdout: '-6\n',
    });
    expect(await runEvalCli(['--seed', '-1', '1'])).toMatchObject({ code: 2 });
  });

  it('takes any expression that starts with "-" after --', async () => {
    expect(await runEvalCli(['--', '-1 + 2'])).toMatchObject({ code: 0, stdout: '1\n' });
    expect(await runEvalCli(['--', '-[a = 2][a]'])).toMatchObject({ code: 0, stdout: '-2\n' });
    expect(await runEvalCli(['--', '-x'])).toMatchObject({ code: 1 });
  });

  it('surfaces a bug in the evaluation as an internal error, not as an M error', async () => {
    const result = await runEvalCli(['Test.Bug()'], { engine: probeEngine() });
    expect(result.code).toBe(70);
    expect(result.stderr).toBe('pqsdk: internal error: the probe is broken\n');
  });
});

describe('pqsdk eval --now, --seed, --culture', () => {
  it('sets the clock with --now: the local time is the time as written', async () => {
    const expression = 'Test.Context()[[LocalNow], [UtcMs], [Offset]]';
    const utc = await runEvalCli(['--now', '2024-01-31T13:05:00Z', expression], {
      engine: probeEngine(),
    });
    expect(utc).toEqual({
      code: 0,
      stdout: `[LocalNow = #datetime(2024, 1, 31, 13, 5, 0), UtcMs = ${String(Date.UTC(2024, 0, 31, 13, 5))}, Offset = 0]\n`,
      stderr: '',
    });
    const zoned = await runEvalCli(['--now', '2024-01-31T13:05:00+02:00', expression], {
      engine: probeEngine(),
    });
    expect(zoned.stdout).toBe(
      `[LocalNow = #datetime(2024, 1, 31, 13, 5, 0), UtcMs = ${String(Date.UTC(2024, 0, 31, 11, 5))}, Offset = 120]\n`,
    );
    const noOffset = await runEvalCli(['--now', '2024-02-29T23:59:59.5', expression], {
      engine: probeEngine(),
    });
    expect(noOffset.stdout).toMatch(/^\[LocalNow = #datetime\(2024, 2, 29, 23, 59, 59\.5\), /);
  });

  it('uses the system clock and time zone without --now', async () => {
    const before = Date.now();
    const result = await runEvalCli(['Test.Context()[[UtcMs], [Offset]]'], {
      engine: probeEngine(),
    });
    const match = /^\[UtcMs = (\d+), Offset = (-?\d+)\]\n$/.exec(result.stdout);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(before);
    expect(Number(match![1])).toBeLessThanOrEqual(Date.now());
    expect(Number(match![2])).toBe(-new Date().getTimezoneOffset() || 0);
  });

  it('seeds the random numbers with --seed: the same seed repeats, another differs', async () => {
    const random = async (...options: string[]): Promise<string> =>
      (await runEvalCli([...options, 'Test.Context()[Random]'], { engine: probeEngine() })).stdout;
    const seeded = await random('--seed', '42');
    expect(seeded).toMatch(/^0\.\d+\n$/);
    expect(await random('--seed', '42')).toBe(seeded);
    expect(await random('--seed', '7')).not.toBe(seeded);
    expect(await random()).toBe(await random('--seed', '0'));
  });

  it('sets the culture with --culture (canonical spelling), en-US by default', async () => {
    const culture = async (...options: string[]): Promise<string> =>
      (await runEvalCli([...options, 'Test.Context()[Culture]'], { engine: probeEngine() })).stdout;
    expect(await culture()).toBe('"en-US"\n');
    expect(await culture('--culture', 'de-DE')).toBe('"de-DE"\n');
    expect(await culture('--culture=fr-ca')).toBe('"fr-CA"\n');
  });
});

describe('pqsdk eval -f', () => {
  it('reads the expression from a file, with or without a byte-order mark', async () => {
    const cwd = makeTempDirectory({
      'plain.pq': 'let\r\n    Source = {1, 2}\r\nin\r\n    Source\r\n',
      'bom.pq': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('// a comment\n[Name = "Zoë"]\n'),
      ]),
    });
    expect(await runEvalCli(['-f', 'plain.pq'], { cwd })).toEqual({
      code: 0,
      stdout: '{1, 2}\n',
      stderr: '',
    });
    expect(await runEvalCli(['--file', 'bom.pq'], { cwd })).toEqual({
      code: 0,
      stdout: '[Name = "Zoë"]\n',
      stderr: '',
    });
  });

  it('reports the M error of a file, and exits 1', async () => {
    const cwd = makeTempDirectory({ 'broken.pq': 'let\n    a = 1 +\nin\n    a\n' });
    const result = await runEvalCli(['-f', 'broken.pq'], { cwd });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: '[Expression.SyntaxError] expected an expression, found `in` (3,1)\n',
    });
  });

  it('reads standard input with -f -, as a stream of bytes split anywhere', async () => {
    const text = Buffer.from('\uFEFF"Zoë" & "😀"');
    // Split inside the byte-order mark and inside the multi-byte characters.
    const chunks = [
      text.subarray(0, 2),
      text.subarray(2, 6),
      text.subarray(6, 14),
      text.subarray(14),
    ];
    expect(await runEvalCli(['-f', '-'], { stdin: chunks })).toEqual({
      code: 0,
      stdout: '"Zoë😀"\n',
      stderr: '',
    });
  });

  it('is a usage error when the file does not exist', async () => {
    const cwd = makeTempDirectory();
    expect(await runEvalCli(['-f', 'missing.pq'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pqsdk eval: no such file or directory: missing.pq\n',
    });
  });

  it('is a usage error when standard input cannot be read', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('input/output error'), { code: 'EIO' }));
      },
    });
    const result = await runEvalCli(['-f', '-'], { stdin: failing });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'pqsdk eval: cannot read standard input: input/output error (EIO)\n',
    );
  });
});

describe('pqsdk eval usage errors', () => {
  it.each([
    [[], 'no expression given: pass one, --file <path>, or --jsonl; run pqsdk eval --help'],
    [
      ['1', '+', '2'],
      "give the expression as one argument, in quotes: pqsdk eval '1 + 2'; run pqsdk eval --help",
    ],
    [
      ['-f', 'a.pq', '1'],
      'give the expression as an argument or with --file, not both; run pqsdk eval --help',
    ],
    [
      ['--jsonl', '1'],
      '--jsonl reads its requests from standard input and takes no expression or --file; run pqsdk eval --help',
    ],
    [['--frobnicate', '1'], 'unknown option "--frobnicate"; run pqsdk eval --help'],
    [['-x'], 'unknown option "-x"; run pqsdk eval --help'],
    [['--now'], 'option "--now" needs a value; run pqsdk eval --help'],
    [['--multiline=yes', '1'], 'option "--multiline" takes no value; run pqsdk eval --help'],
    [
      ['--now', 'yesterday', '1'],
      'option "--now" takes an ISO 8601 date and time, such as 2024-01-31T13:05:00 or 2024-01-31T13:05:00+02:00, not "yesterday"; run pqsdk eval --help',
    ],
    [
      ['--now', '2023-02-29', '1'],
      'option "--now" takes an ISO 8601 date and time, such as 2024-01-31T13:05:00 or 2024-01-31T13:05:00+02:00, not "2023-02-29"; run pqsdk eval --help',
    ],
    [
      ['--seed', 'abc', '1'],
      'option "--seed" takes a whole number from 0 to 4294967295, not "abc"; run pqsdk eval --help',
    ],
    [
      ['--seed', '-1', '1'],
      'option "--seed" takes a whole number from 0 to 4294967295, not "-1"; run pqsdk eval --help',
    ],
    [
      ['--culture', 'not a culture', '1'],
      'option "--culture" takes a culture name, such as en-US or de-DE, not "not a culture"; run pqsdk eval --help',
    ],
    [
      ['--timeout-ms', '1.5', '1'],
      'option "--timeout-ms" takes a whole number of milliseconds (0 for no limit), not "1.5"; run pqsdk eval --help',
    ],
  ])('%j: exits 2 with one line on standard error', async (argv, message) => {
    expect(await runEvalCli(argv)).toEqual({
      code: 2,
      stdout: '',
      stderr: `pqsdk eval: ${message}\n`,
    });
  });
});

describe('pqsdk eval --help', () => {
  it('prints the help with examples and exit codes, and exits 0', async () => {
    const result = await runEvalCli(['--help']);
    expect(result).toEqual({ code: 0, stdout: EVAL_HELP, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: pqsdk eval \[options\] <expression>\n/);
    expect(result.stdout).toContain("Examples:\n  pqsdk eval '1 + 2'\n");
    expect(result.stdout).toContain('Exit codes:\n  0   success\n  1   the expression raised');
    expect((await runEvalCli(['-h'])).stdout).toBe(result.stdout);
  });

  it('keeps every line of the help within 100 columns', () => {
    for (const line of EVAL_HELP.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});

import { PassThrough, Readable } from 'node:stream';
import { defineFunction, Engine, STANDARD_LIBRARY } from '@pqsdk/m-evaluator';
import { describe, expect, it, vi } from 'vitest';
import { jsonLines, runEvalCli } from '../../test/eval-harness.js';
import { runEval } from './eval.js';
import { readJsonlRequest } from './eval-jsonl.js';

/** One request line. */
function request(id: unknown, expression: string): string {
  return `${JSON.stringify({ id, expression })}\n`;
}

describe('pqsdk eval --jsonl', () => {
  it('answers each request with one line, in order', async () => {
    const stdin = [
      request('a', '1 + 2'),
      request('b', '"x" & "y"'),
      request('c', '#table(type table [A = number, B = text], {{1, "x"}})'),
      request('d', '[d = #date(2024, 1, 31), t = #duration(1, 2, 3, 4), n = null, l = true]'),
    ].join('');
    const result = await runEvalCli(['--jsonl'], { stdin });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatchInlineSnapshot(`
      "{"id":"a","ok":true,"value":"3"}
      {"id":"b","ok":true,"value":"\\"xy\\""}
      {"id":"c","ok":true,"value":"#table(type table [A = number, B = text], {{1, \\"x\\"}})"}
      {"id":"d","ok":true,"value":"[d = #date(2024, 1, 31), t = #duration(1, 2, 3, 4), n = null, l = true]"}
      "
    `);
  });

  it('answers a failing request with its error, and goes on with the batch (exit 0)', async () => {
    const stdin = [
      request(1, '1 + "a"'),
      request(2, 'error "plain"'),
      request(3, 'let x = in x'),
      request(4, 'error [Reason = "My.Reason", Message = "Nope.", Detail = {1, [a = "b"]}]'),
      request(5, 'error [Reason = "Silent.Failure"]'),
      request(6, '"still here"'),
    ].join('');
    const result = await runEvalCli(['--jsonl'], { stdin });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(jsonLines(result.stdout)).toEqual([
      {
        id: 1,
        ok: false,
        error: {
          reason: 'Expression.Error',
          message: 'We cannot apply operator + to types Number and Text.',
          detail: '[Operator = "+", Left = 1, Right = "a"]',
        },
      },
      { id: 2, ok: false, error: { reason: 'Expression.Error', message: 'plain', detail: null } },
      {
        id: 3,
        ok: false,
        error: {
          reason: 'Expression.SyntaxError',
          message: 'expected an expression, found `in` (1,9)',
          detail: null,
        },
      },
      {
        id: 4,
        ok: false,
        error: { reason: 'My.Reason', message: 'Nope.', detail: '{1, [a = "b"]}' },
      },
      { id: 5, ok: false, error: { reason: 'Silent.Failure', message: null, detail: null } },
      { id: 6, ok: true, value: '"still here"' },
    ]);
  });

  it('answers lines that are not requests with PQSDK.BadRequest, keeping the id, never crashing', async () => {
    const stdin = [
      'not json at all\n',
      '{"id": "cut", "expression": "1 +\n',
      '[1, 2]\n',
      '"just a string"\n',
      'null\n',
      '{"id": "no-expression"}\n',
      '{"id": "wrong-type", "expression": 42}\n',
      '{"expression": "1"}\n',
      '{"id": {"nested": [1]}, "expression": "2", "extra": true}\n',
    ].join('');
    const result = await runEvalCli(['--jsonl'], { stdin });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(9);
    const badRequest = (id: unknown, message: string | RegExp): unknown => ({
      id,
      ok: false,
      error: {
        reason: 'PQSDK.BadRequest',
        message:
          typeof message === 'string' ? message : (expect.stringMatching(message) as unknown),
        detail: null,
      },
    });
    expect(lines).toEqual([
      badRequest(null, /^Line 1 is not valid JSON: .+\.$/),
      badRequest(null, /^Line 2 is not valid JSON: .+\.$/),
      badRequest(null, 'Line 3 is not a JSON object such as {"id": "1", "expression": "1 + 1"}.'),
      badRequest(null, 'Line 4 is not a JSON object such as {"id": "1", "expression": "1 + 1"}.'),
      badRequest(null, 'Line 5 is not a JSON object such as {"id": "1", "expression": "1 + 1"}.'),
      badRequest('no-expression', 'Line 6 has no "expression".'),
      badRequest('wrong-type', 'Line 7: "expression" must be a JSON string.'),
      { id: null, ok: true, value: '1' },
      { id: { nested: [1] }, ok: true, value: '2' },
    ]);
  });

  it('skips blank lines, reads \\r\\n line ends and a byte-order mark, and a last line without an end', async () => {
    const stdin = [
      '\uFEFF',
      request('a', '1').replace('\n', '\r\n'),
      '\n   \r\n',
      request('b', '2').trimEnd(),
    ];
    const result = await runEvalCli(['--jsonl'], { stdin });
    expect(jsonLines(result.stdout)).toEqual([
      { id: 'a', ok: true, value: '1' },
      { id: 'b', ok: true, value: '2' },
    ]);
  });

  it('reads lines split anywhere across chunks, multi-byte characters included', async () => {
    const bytes = Buffer.from(request('ü', '"Zoë 😀"') + request('2', '{"é"}'));
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 3) chunks.push(bytes.subarray(at, at + 3));
    const result = await runEvalCli(['--jsonl'], { stdin: chunks });
    expect(jsonLines(result.stdout)).toEqual([
      { id: 'ü', ok: true, value: '"Zoë 😀"' },
      { id: '2', ok: true, value: '{"é"}' },
    ]);
  });

  it('answers a request that runs out of time with PQSDK.Timeout, and goes on', async () => {
    const stdin = [
      request('slow', 'Value.Equals({1..100000000}, {1..100000000})'),
      request('lazy', '{1..100000000}'),
      request('fast', '1 + 1'),
    ].join('');
    const started = performance.now();
    const result = await runEvalCli(['--jsonl', '--timeout-ms', '50'], { stdin });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.code).toBe(0);
    const timeout = {
      reason: 'PQSDK.Timeout',
      message: 'The evaluation did not finish within 50 ms (--timeout-ms).',
      detail: null,
    };
    expect(jsonLines(result.stdout)).toEqual([
      { id: 'slow', ok: false, error: timeout },
      { id: 'lazy', ok: false, error: timeout },
      { id: 'fast', ok: true, value: '2' },
    ]);
  });

  it('limits each request to 10000 ms by default, and not at all with --timeout-ms 0', async () => {
    const seen: (number | undefined)[] = [];
    class RecordingEngine extends Engine {
      override createContext(options: Parameters<Engine['createContext']>[0] = {}) {
        seen.push(options.timeoutMs);
        return super.createContext(options);
      }
    }
    await runEvalCli(['--jsonl'], { stdin: request(1, '1'), engine: new RecordingEngine() });
    await runEvalCli(['--jsonl', '--timeout-ms=0'], {
      stdin: request(2, '1'),
      engine: new RecordingEngine(),
    });
    await runEvalCli(['--jsonl', '--timeout-ms=250'], {
      stdin: request(3, '1'),
      engine: new RecordingEngine(),
    });
    expect(seen).toEqual([10_000, undefined, 250]);
  });

  it('evaluates every request in a fresh context of one engine', async () => {
    const contexts = new Set<unknown>();
    const engine = new Engine({
      library: [
        ...STANDARD_LIBRARY,
        defineFunction('Test.Random', '() as number', (ctx) => {
          contexts.add(ctx);
          return ctx.random();
        }),
      ],
    });
    const stdin = [1, 2, 3].map((id) => request(id, 'Test.Random()')).join('');
    const result = await runEvalCli(['--jsonl', '--seed', '9'], { stdin, engine });
    const values = jsonLines(result.stdout).map((line) => (line as { value: string }).value);
    // A fresh context per request: each starts the seeded generator again.
    expect(new Set(values).size).toBe(1);
    expect(contexts.size).toBe(3);
  });

  it('applies --now, --seed and --culture to every request', async () => {
    const engine = new Engine({
      library: [
        ...STANDARD_LIBRARY,
        defineFunction('Test.Settings', '() as text', (ctx) =>
          [ctx.nowMs, ctx.timeZoneOffsetMinutes, ctx.culture, ctx.random()].join(' '),
        ),
      ],
    });
    const stdin = request('x', 'Test.Settings()') + request('y', 'Test.Settings()');
    const argv = [
      '--jsonl',
      '--now',
      '2024-01-31T13:05:00-05:00',
      '--seed',
      '3',
      '--culture',
      'de-de',
    ];
    const result = await runEvalCli(argv, { stdin, engine });
    const [x, y] = jsonLines(result.stdout) as { value: string }[];
    expect(x!.value).toMatch(
      new RegExp(`^"${String(Date.UTC(2024, 0, 31, 18, 5))} -300 de-DE 0\\.\\d+"$`),
    );
    expect(y!.value).toBe(x!.value);
  });

  it('prints values with --multiline as JSON strings, still one line each', async () => {
    const result = await runEvalCli(['--jsonl', '--multiline'], {
      stdin: request('m', '[a = {1, 2}]'),
    });
    expect(jsonLines(result.stdout)).toEqual([{ id: 'm', ok: true, value: '[a = {1, 2}]' }]);
  });

  it('streams: answers each line before the next one arrives', async () => {
    const stdin = new PassThrough();
    let stdout = '';
    const done = runEval(['--jsonl'], {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => undefined,
      cwd: process.cwd(),
      isTTY: false,
      stdin,
    });
    stdin.write(request('first', '1'));
    await vi.waitFor(() => {
      expect(stdout).toBe('{"id":"first","ok":true,"value":"1"}\n');
    });
    stdin.end(request('second', '2'));
    expect(await done).toBe(0);
    expect(jsonLines(stdout)).toEqual([
      { id: 'first', ok: true, value: '1' },
      { id: 'second', ok: true, value: '2' },
    ]);
  });

  it('handles a large batch in order', async () => {
    const count = 5_000;
    function* lines(): Generator<Buffer> {
      for (let id = 0; id < count; id++) yield Buffer.from(request(id, `${String(id)} * 2`));
    }
    const result = await runEvalCli(['--jsonl'], { stdin: Readable.from(lines()) });
    expect(result.code).toBe(0);
    const answers = jsonLines(result.stdout) as { id: number; value: string }[];
    expect(answers).toHaveLength(count);
    answers.forEach((answer, index) => {
      expect(answer.id).toBe(index);
      expect(answer.value).toBe(String(index * 2));
    });
  });

  it('answers a request that hits a bug with PQSDK.InternalError, goes on, and exits 70', async () => {
    const engine = new Engine({
      library: [
        ...STANDARD_LIBRARY,
        defineFunction('Test.Bug', '() as any', () => {
          throw new TypeError('the probe is broken');
        }),
      ],
    });
    const stdin = request('bug', 'Test.Bug()') + request('ok', '1');
    const result = await runEvalCli(['--jsonl'], { stdin, engine });
    expect(result.code).toBe(70);
    expect(jsonLines(result.stdout)).toEqual([
      {
        id: 'bug',
        ok: false,
        error: {
          reason: 'PQSDK.InternalError',
          message: 'A bug in pqsdk: the probe is broken',
          detail: null,
        },
      },
      { id: 'ok', ok: true, value: '1' },
    ]);
    expect(result.stderr).toBe(
      'pqsdk eval: internal error on line 1: A bug in pqsdk: the probe is broken\n' +
        'pqsdk eval: this is a bug in pqsdk; rerun with PQSDK_DEBUG=1 to see the stack\n',
    );
    const debug = await runEvalCli(['--jsonl'], { stdin, engine, env: { PQSDK_DEBUG: '1' } });
    expect(debug.stderr).toMatch(
      /^pqsdk eval: internal error on line 1: .*\nTypeError: the probe is broken\n {4}at /,
    );
  });

  it('prints nothing and exits 0 for empty input', async () => {
    expect(await runEvalCli(['--jsonl'], { stdin: '' })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('is a usage error when standard input cannot be read', async () => {
    let sent = false;
    const failing = new Readable({
      read() {
        if (!sent) {
          sent = true;
          this.push(Buffer.from(request('before', '1')));
          return;
        }
        this.destroy(Object.assign(new Error('input/output error'), { code: 'EIO' }));
      },
    });
    const result = await runEvalCli(['--jsonl'], { stdin: failing });
    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout)).toEqual([{ id: 'before', ok: true, value: '1' }]);
    expect(result.stderr).toBe(
      'pqsdk eval: cannot read standard input: input/output error (EIO)\n',
    );
  });

  it.each([[['--jsonl', '1']], [['--jsonl', '-f', 'x.pq']], [['--jsonl', '--timeout-ms', 'soon']]])(
    '%j is a usage error: exit 2, and no input is read',
    async (argv) => {
      const result = await runEvalCli(argv, { stdin: request('a', '1') });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^pqsdk eval: .+; run pqsdk eval --help\n$/);
    },
  );
});

describe('readJsonlRequest', () => {
  it.each([
    ['{"id": "a", "expression": "1"}', { ok: true, id: 'a', expression: '1' }],
    ['{"expression": "1"}', { ok: true, id: null, expression: '1' }],
    ['{"id": 7, "expression": ""}', { ok: true, id: 7, expression: '' }],
    ['{"id": null, "expression": "x"}', { ok: true, id: null, expression: 'x' }],
    ['{"id": "a"}', { ok: false, id: 'a', message: 'Line 3 has no "expression".' }],
    [
      '{"id": "a", "expression": null}',
      { ok: false, id: 'a', message: 'Line 3: "expression" must be a JSON string.' },
    ],
  ])('reads %s', (line, expected) => {
    expect(readJsonlRequest(line, 3)).toEqual(expected);
  });

  it('ignores "expression" and "id" inherited from the prototype', () => {
    expect(readJsonlRequest('{"__proto__": {"expression": "1"}}', 1)).toMatchObject({ ok: false });
  });
});

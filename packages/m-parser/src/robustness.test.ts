import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../test/corpus.js';
import { spanProblems } from '../test/invariants.js';
import { lex } from './lexer.js';
import { parse } from './parse.js';
import { MAX_NESTING_DEPTH } from './grammar-base.js';

/** A small seeded generator (mulberry32), so every run mutates the same way. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  'section S;\r\n[DataSource.Kind = "S", Publish = "S.Publish"]\r\nshared S.Contents = (url as text, optional options as record) as table =>\r\n    let\r\n        source = Json.Document(Web.Contents(url, [Headers = [#"Content-Type" = "application/json"]])),\r\n        rows = Table.FromRecords(source[value]?),\r\n        typed = Table.TransformColumnTypes(rows, {{"Id", Int64.Type}})\r\n    in\r\n        try typed otherwise #table({"Id"}, {});\r\nS = [Authentication = [Key = [], OAuth = [StartLogin = StartLogin]], Label = "S"];',
  'let\n  f = (x as number, optional y as nullable text) as number => if x > 0 then @f(x - 1) else 0,\n  t = type table [A = number, optional B = nullable text],\n  l = {1..10, 20}{0}?,\n  r = [Content Type = "a", #"A B" = each [x] & _]\nin\n  try f(3) catch (e) => e[Message] ?? "none"',
  '[a = 1 meta [b = 2], c = not true and false or #nan < #infinity, d = ..., e = #!"v", f = #date(2020, 1, 1)]',
  'type function (x as (type text meta [Documentation.FieldCaption = "X"]), optional y as {number}) as [a = number, ...]',
];

/** Every text the mutations start from: the built-in seeds and the whole corpus. */
function sources(): string[] {
  return [...SEEDS, ...corpusFiles().map((file) => file.text)];
}

type Mutation = (text: string, next: () => number) => string;

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

function tokenRanges(text: string): [number, number][] {
  return lex(text).tokens.map((token) => [
    token.startOffset,
    token.startOffset + token.image.length,
  ]);
}

const MUTATIONS: Record<string, Mutation> = {
  'delete a token': (text, next) => {
    const ranges = tokenRanges(text);
    if (ranges.length === 0) return text;
    const [start, end] = pick(ranges, next);
    return text.slice(0, start) + text.slice(end);
  },
  'duplicate a token': (text, next) => {
    const ranges = tokenRanges(text);
    if (ranges.length === 0) return text;
    const [start, end] = pick(ranges, next);
    return text.slice(0, end) + ' ' + text.slice(start, end) + text.slice(end);
  },
  'swap two tokens': (text, next) => {
    const ranges = tokenRanges(text);
    if (ranges.length < 2) return text;
    let [a, b] = [pick(ranges, next), pick(ranges, next)];
    if (a[0] > b[0]) [a, b] = [b, a];
    if (a[1] > b[0]) return text;
    return (
      text.slice(0, a[0]) +
      text.slice(b[0], b[1]) +
      text.slice(a[1], b[0]) +
      text.slice(a[0], a[1]) +
      text.slice(b[1])
    );
  },
  'insert a token': (text, next) => {
    const inserted = pick(
      [
        '(',
        ')',
        '[',
        ']',
        '{',
        '}',
        ',',
        ';',
        '=',
        '=>',
        'let',
        'in',
        'if',
        'then',
        'else',
        'each',
        'try',
        'otherwise',
        'catch',
        'type',
        'as',
        'is',
        'meta',
        '...',
        '..',
        '?',
        '??',
        '@',
        '!',
        '"',
        '#"',
        '/*',
        '#(',
        'section',
        'shared',
        'optional',
        'nullable',
        'table',
        'function',
      ],
      next,
    );
    const at = Math.floor(next() * (text.length + 1));
    return `${text.slice(0, at)} ${inserted} ${text.slice(at)}`;
  },
  truncate: (text, next) => text.slice(0, Math.floor(next() * text.length)),
  'change a character': (text, next) => {
    const at = Math.floor(next() * text.length);
    const replacement = pick(
      ['"', '#', '(', ')', '\n', '\u0000', '\ud800', '\u2028', '$', '/', '*', '.', '0', 'x'],
      next,
    );
    return text.slice(0, at) + replacement + text.slice(at + 1);
  },
};

describe('robustness', () => {
  it('survives thousands of random mutations of the corpus', () => {
    const next = random(0x5eed);
    const texts = sources();
    const names = Object.keys(MUTATIONS);
    const failures: string[] = [];
    let slowest = 0;
    const count = 3000;
    for (let index = 0; index < count; index++) {
      const name = names[index % names.length] as string;
      const mutate = MUTATIONS[name] as Mutation;
      let text = pick(texts, next);
      // Apply one to three mutations, so that some texts break in several places.
      const times = 1 + Math.floor(next() * 3);
      for (let time = 0; time < times; time++) text = mutate(text, next);
      const started = performance.now();
      let result;
      try {
        result = parse(text);
      } catch (error) {
        failures.push(`${name}: threw ${String(error)}\n${text}`);
        continue;
      }
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      if (elapsed > 1000) failures.push(`${name}: took ${elapsed.toFixed(0)} ms\n${text}`);
      if (result.diagnostics.some((d) => d.code === 'PQSDK_PARSE_INTERNAL')) {
        failures.push(
          `${name}: internal error ${result.diagnostics.map((d) => d.message).join('; ')}\n${text}`,
        );
      }
      if (!result.ok && result.diagnostics.length === 0)
        failures.push(`${name}: failed without a diagnostic\n${text}`);
      const problems = spanProblems(text, result);
      if (problems.length > 0) failures.push(`${name}: ${problems.join('; ')}\n${text}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(slowest).toBeLessThan(1000);
  }, 120_000);

  it.each([
    ['parentheses', (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`],
    ['lists', (n: number) => `${'{'.repeat(n)}1${'}'.repeat(n)}`],
    ['records', (n: number) => `${'[a='.repeat(n)}1${']'.repeat(n)}`],
    ['calls', (n: number) => `${'f('.repeat(n)}1${')'.repeat(n)}`],
    ['unary operators', (n: number) => `${'-'.repeat(n)}1`],
    ['each', (n: number) => `${'each '.repeat(n)}1`],
    ['let', (n: number) => `${'let a = '.repeat(n)}1${' in a'.repeat(n)}`],
    ['if', (n: number) => `${'if a then '.repeat(n)}1${' else 2'.repeat(n)}`],
    ['list types', (n: number) => `type ${'{'.repeat(n)}number${'}'.repeat(n)}`],
    ['nullable types', (n: number) => `type ${'nullable '.repeat(n)}number`],
    ['field access', (n: number) => `x${'[a]'.repeat(n)}`],
    ['unclosed parentheses', (n: number) => '('.repeat(n)],
  ])('reports %s nested 100,000 deep as too deep, without throwing', (_name, make) => {
    const result = parse(make(100_000));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['PQSDK_PARSE_TOO_DEEP']);
  });

  it(`accepts trees up to ${String(MAX_NESTING_DEPTH)} levels deep`, () => {
    const depth = MAX_NESTING_DEPTH - 2;
    expect(parse(`${'('.repeat(depth)}1${')'.repeat(depth)}`).ok).toBe(true);
    // A call is two levels of the tree: the invocation and its argument.
    const calls = MAX_NESTING_DEPTH / 2 - 2;
    expect(parse(`${'f('.repeat(calls)}1${')'.repeat(calls)}`).ok).toBe(true);
    expect(parse(`x${'[a]'.repeat(depth)}`).ok).toBe(true);
  });

  it('parses long flat texts', () => {
    const chain = Array.from({ length: 100_000 }, (_, index) => String(index)).join(' + ');
    expect(parse(chain).ok).toBe(true);
    const list = `{${Array.from({ length: 100_000 }, (_, index) => `"${String(index)}"`).join(', ')}}`;
    expect(parse(list).ok).toBe(true);
  });
});

import { REDACTED } from '../http/secrets.js';
import type { WireRequest } from '../http/transport.js';
import { parseQuery } from '../http/url.js';
import type { BodyMatcher, JsonValue, RequestMatcher } from './fixture-format.js';

const UTF8 = new TextDecoder('utf-8', { fatal: false });
const ENCODED_REDACTED = /%3Credacted%3E/gi;

/**
 * Whether `actual` matches `expected`, where each `<redacted>` in `expected` stands for any text
 * (a recorded secret). Without `<redacted>`, the texts must be equal.
 */
export function matchesRedacted(expected: string, actual: string): boolean {
  if (!expected.includes(REDACTED)) return expected === actual;
  const pattern = expected
    .split(REDACTED)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(actual);
}

/**
 * Compares two multisets of name/value pairs in any order; `<redacted>` in an expected value
 * matches any text. Gives the names that differ, each once (`[]` when they match).
 */
export function pairDifferences(
  expected: readonly (readonly [string, string])[],
  actual: readonly (readonly [string, string])[],
): string[] {
  const left = [...actual];
  const differing = new Set<string>();
  const unmatched: (readonly [string, string])[] = [];
  for (const pair of expected) {
    const index = left.findIndex(([name, value]) => name === pair[0] && value === pair[1]);
    if (index >= 0) left.splice(index, 1);
    else unmatched.push(pair);
  }
  for (const pair of unmatched) {
    const index = left.findIndex(
      ([name, value]) => name === pair[0] && matchesRedacted(pair[1], value),
    );
    if (index >= 0) left.splice(index, 1);
    else differing.add(pair[0]);
  }
  for (const [name] of left) differing.add(name);
  return [...differing];
}

/**
 * Whether two JSON values are equal; an expected `"<redacted>"` matches any value, and
 * `<redacted>` inside an expected string matches any text.
 */
export function jsonMatches(expected: JsonValue, actual: unknown): boolean {
  if (expected === REDACTED) return true;
  if (typeof expected === 'string') {
    return typeof actual === 'string' && matchesRedacted(expected, actual);
  }
  if (expected === null || typeof expected !== 'object') return expected === actual;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => jsonMatches(item, actual[index]))
    );
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
  const actualObject = actual as Record<string, unknown>;
  const keys = Object.keys(expected);
  return (
    keys.length === Object.keys(actualObject).length &&
    keys.every(
      (key) => key in actualObject && jsonMatches(expected[key] as JsonValue, actualObject[key]),
    )
  );
}

/** Parses a form-encoded body into its fields, in order. */
export function formPairs(text: string): [string, string][] {
  return parseQuery(text).map((pair) => [pair.name, pair.value]);
}

function bodyDifference(matcher: BodyMatcher, body: Uint8Array | null): string | undefined {
  const bytes = body ?? new Uint8Array(0);
  switch (matcher.kind) {
    case 'text':
      return matchesRedacted(matcher.text, UTF8.decode(bytes)) ? undefined : 'the body differs';
    case 'json': {
      let actual: unknown;
      try {
        actual = JSON.parse(UTF8.decode(bytes));
      } catch {
        return 'the body is not JSON';
      }
      return jsonMatches(matcher.value, actual) ? undefined : 'the JSON body differs';
    }
    case 'form': {
      const fields = pairDifferences(matcher.pairs, formPairs(UTF8.decode(bytes)));
      return fields.length === 0 ? undefined : `form fields differ: ${fields.join(', ')}`;
    }
    case 'bytes':
      return Buffer.compare(Buffer.from(matcher.bytes), Buffer.from(bytes)) === 0
        ? undefined
        : 'the body bytes differ';
  }
}

function urlDifferences(expectedText: string, actualText: string): RequestDifference[] {
  const expected = new URL(expectedText);
  let actual: URL;
  try {
    actual = new URL(actualText);
  } catch {
    return [{ part: 'origin', text: 'the URL differs' }];
  }
  if (expected.protocol !== actual.protocol || expected.host !== actual.host) {
    return [{ part: 'origin', text: `the origin is ${actual.origin}, not ${expected.origin}` }];
  }
  const differences: RequestDifference[] = [];
  const expectedPath = expected.pathname.replace(ENCODED_REDACTED, REDACTED);
  if (!matchesRedacted(expectedPath, actual.pathname)) {
    differences.push({ part: 'path', text: `the path is ${actual.pathname}, not ${expectedPath}` });
  }
  const query = pairDifferences(
    parseQuery(expected.search.slice(1)).map((pair) => [pair.name, pair.value] as const),
    parseQuery(actual.search.slice(1)).map((pair) => [pair.name, pair.value] as const),
  );
  if (query.length > 0) {
    differences.push({ part: 'query', text: `query parameters differ: ${query.join(', ')}` });
  }
  return differences;
}

/** One way a request differs from a fixture: which part, and a reason without secret values. */
export interface RequestDifference {
  /** The part of the request that differs. */
  readonly part: 'method' | 'origin' | 'path' | 'query' | 'urlPattern' | 'header' | 'body';
  /** The reason, for messages. */
  readonly text: string;
}

/**
 * Why a request does not match a fixture's matcher: one short reason per part that differs
 * (method, URL, each missing or different header, body), or `[]` when it matches. Reasons name
 * parameters, headers and fields, never their values, so they can go in messages.
 */
export function requestDifferences(
  matcher: RequestMatcher,
  request: WireRequest,
): RequestDifference[] {
  const differences: RequestDifference[] = [];
  if (matcher.method !== undefined && matcher.method !== request.method) {
    differences.push({
      part: 'method',
      text: `the method is ${request.method}, not ${matcher.method}`,
    });
  }
  if (matcher.url !== undefined) differences.push(...urlDifferences(matcher.url, request.url));
  if (matcher.urlPattern !== undefined && !matcher.urlPattern.test(request.url)) {
    differences.push({ part: 'urlPattern', text: 'the URL does not match urlPattern' });
  }
  for (const [name, value] of matcher.headers) {
    const lower = name.toLowerCase();
    const values = request.headers
      .filter(([requestName]) => requestName.toLowerCase() === lower)
      .map(([, requestValue]) => requestValue);
    if (values.length === 0)
      differences.push({ part: 'header', text: `the header ${name} is missing` });
    else if (!values.some((requestValue) => matchesRedacted(value, requestValue))) {
      differences.push({ part: 'header', text: `the header ${name} differs` });
    }
  }
  if (matcher.body !== undefined) {
    const difference = bodyDifference(matcher.body, request.body);
    if (difference !== undefined) differences.push({ part: 'body', text: difference });
  }
  return differences;
}

import { createHash } from 'node:crypto';
import { parseQuery } from '../http/url.js';
import type { JsonValue, MockFixtureJson } from './fixture-format.js';

/** JSON with object keys sorted, for hashing: equal values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A file-name-safe slug: runs of other characters become `_`, at most `max` characters. */
function slug(text: string, max: number): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, max);
}

/**
 * The identity of a recorded request, as it is matched on replay: method, URL with its query
 * parameters sorted, and body. Headers are not part of it. Two recorded requests with the same
 * identity go to the same file.
 */
export function fixtureIdentity(fixture: MockFixtureJson): string {
  const { request } = fixture;
  let url = request.url ?? request.urlPattern ?? '';
  const questionAt = url.indexOf('?');
  if (questionAt >= 0) {
    const sorted = parseQuery(url.slice(questionAt + 1))
      .map((pair) => `${pair.rawName}=${pair.rawValue ?? ''}`)
      .sort();
    url = `${url.slice(0, questionAt)}?${sorted.join('&')}`;
  }
  const body: JsonValue | undefined =
    request.json ?? request.form ?? request.body ?? request.base64;
  return canonicalJson({
    method: request.method,
    url,
    body: body === undefined ? null : canonicalJson(body),
  });
}

/**
 * The file name of a recorded fixture: `<method>-<host>[_<port>]-<path>-<hash>.json`, such as
 * `get-api.example.com-v1-items-1a2b3c4d.json`. The hash (8 hex digits of SHA-256) is taken over
 * the redacted request identity, so names are stable across runs and never depend on a secret.
 */
export function fixtureFileName(fixture: MockFixtureJson): string {
  const method = (fixture.request.method ?? 'any').toLowerCase();
  let host = 'host';
  let path = '';
  try {
    const url = new URL(fixture.request.url ?? '');
    host = slug(url.port === '' ? url.hostname : `${url.hostname}_${url.port}`, 60);
    path = slug(
      url.pathname
        .split('/')
        .filter((segment) => segment !== '')
        .join('-'),
      60,
    );
  } catch {
    // A fixture without a URL keeps the default parts.
  }
  const hash = createHash('sha256').update(fixtureIdentity(fixture)).digest('hex').slice(0, 8);
  return `${[method, host, path === '' ? 'root' : path, hash].join('-')}.json`;
}

/** One exchange with `times` set, its fields in the documented order. */
function withTimes(fixture: MockFixtureJson, times: number | undefined): MockFixtureJson {
  return {
    pqsdkMock: fixture.pqsdkMock,
    ...(fixture.name === undefined ? {} : { name: fixture.name }),
    ...(times === undefined ? {} : { times }),
    request: fixture.request,
    response: fixture.response,
  };
}

/**
 * The text of a fixture file holding the exchanges recorded for one request identity, in the
 * order they happened: a single object for one exchange; an array for more, where every exchange
 * but the last answers once (`"times": 1`) and the last answers from then on. So a request that
 * was retried (503, then 200) or repeated with `IsRetry` replays the same sequence. Formatting is
 * deterministic: two-space indentation, fields in the documented order, a final newline.
 */
export function serializeFixtures(fixtures: readonly MockFixtureJson[]): string {
  const last = fixtures.length - 1;
  const items = fixtures.map((fixture, index) => withTimes(fixture, index < last ? 1 : undefined));
  const value = items.length === 1 ? items[0] : items;
  return `${JSON.stringify(value, null, 2)}\n`;
}

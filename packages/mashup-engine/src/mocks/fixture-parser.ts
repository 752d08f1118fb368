import { STATUS_CODES } from 'node:http';
import type { HttpHeader, HttpMethod } from '../http/types.js';
import { parseHttpUrl } from '../http/url.js';
import { MockError } from './errors.js';
import {
  MOCK_FORMAT_VERSION,
  type BodyMatcher,
  type JsonValue,
  type MockExchange,
  type RequestMatcher,
} from './fixture-format.js';

const UTF8 = new TextEncoder();
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'HEAD'];

/** A problem at a JSON path of the file being read. */
class Problem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function objectAt(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new Problem(path, `expected an object, found ${describe(value)}`);
  return value;
}

function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new Problem(path, `expected a string, found ${describe(value)}`);
  return value;
}

function allowOnly(object: JsonObject, path: string, fields: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!fields.includes(key)) {
      throw new Problem(`${path}.${key}`, `unknown field (expected one of ${fields.join(', ')})`);
    }
  }
}

function atMostOne(
  object: JsonObject,
  path: string,
  fields: readonly string[],
): string | undefined {
  const present = fields.filter((field) => object[field] !== undefined);
  if (present.length > 1) {
    throw new Problem(path, `give only one of ${present.join(', ')}`);
  }
  return present[0];
}

function base64At(value: unknown, path: string): Uint8Array {
  const text = stringAt(value, path).replace(/\s+/g, '');
  if (!BASE64.test(text)) throw new Problem(path, 'expected base64 text');
  return new Uint8Array(Buffer.from(text, 'base64'));
}

function headerName(name: string, path: string): string {
  if (!TOKEN.test(name))
    throw new Problem(path, `${JSON.stringify(name)} is not a valid header name`);
  return name;
}

function parseRequest(value: unknown, path: string): RequestMatcher {
  const object = objectAt(value, path);
  allowOnly(object, path, [
    'method',
    'url',
    'urlPattern',
    'headers',
    'body',
    'json',
    'form',
    'base64',
  ]);
  const matcher: {
    method?: HttpMethod;
    url?: string;
    urlPattern?: RegExp;
    headers: HttpHeader[];
    body?: BodyMatcher;
  } = { headers: [] };
  if (object['method'] !== undefined) {
    const method = stringAt(object['method'], `${path}.method`).toUpperCase();
    const known = METHODS.find((candidate) => candidate === method);
    if (known === undefined) throw new Problem(`${path}.method`, 'expected GET, POST or HEAD');
    matcher.method = known;
  }
  const urlField = atMostOne(object, path, ['url', 'urlPattern']);
  if (urlField === undefined) throw new Problem(path, 'give url or urlPattern');
  if (urlField === 'url') {
    const url = stringAt(object['url'], `${path}.url`);
    const parsed = parseHttpUrl(url);
    if ('problem' in parsed)
      throw new Problem(`${path}.url`, `${JSON.stringify(url)}: ${parsed.problem}`);
    matcher.url = url;
  } else {
    const pattern = stringAt(object['urlPattern'], `${path}.urlPattern`);
    try {
      matcher.urlPattern = new RegExp(`^(?:${pattern})$`, 'u');
    } catch (error) {
      throw new Problem(
        `${path}.urlPattern`,
        `not a valid regular expression (${(error as Error).message})`,
      );
    }
  }
  if (object['headers'] !== undefined) {
    const headers = objectAt(object['headers'], `${path}.headers`);
    for (const [name, headerValue] of Object.entries(headers)) {
      const at = `${path}.headers[${JSON.stringify(name)}]`;
      matcher.headers.push([headerName(name, at), stringAt(headerValue, at)]);
    }
  }
  const bodyField = atMostOne(object, path, ['body', 'json', 'form', 'base64']);
  switch (bodyField) {
    case 'body':
      matcher.body = { kind: 'text', text: stringAt(object['body'], `${path}.body`) };
      break;
    case 'json':
      matcher.body = { kind: 'json', value: object['json'] as JsonValue };
      break;
    case 'form': {
      const form = objectAt(object['form'], `${path}.form`);
      const pairs: [string, string][] = [];
      for (const [name, fieldValue] of Object.entries(form)) {
        const at = `${path}.form[${JSON.stringify(name)}]`;
        const values = Array.isArray(fieldValue) ? fieldValue : [fieldValue];
        values.forEach((item, index) => {
          pairs.push([
            name,
            stringAt(item, Array.isArray(fieldValue) ? `${at}[${String(index)}]` : at),
          ]);
        });
      }
      matcher.body = { kind: 'form', pairs };
      break;
    }
    case 'base64':
      matcher.body = { kind: 'bytes', bytes: base64At(object['base64'], `${path}.base64`) };
      break;
    default:
      break;
  }
  return matcher;
}

function parseResponse(value: unknown, path: string): MockExchange['response'] {
  const object = objectAt(value, path);
  allowOnly(object, path, ['status', 'statusText', 'headers', 'body', 'json', 'base64']);
  let status = 200;
  if (object['status'] !== undefined) {
    const raw = object['status'];
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 200 || raw > 599) {
      throw new Problem(
        `${path}.status`,
        `expected a status code from 200 to 599, found ${describe(raw)}`,
      );
    }
    status = raw;
  }
  const statusText =
    object['statusText'] === undefined
      ? (STATUS_CODES[status] ?? '')
      : stringAt(object['statusText'], `${path}.statusText`);
  const headers: HttpHeader[] = [];
  if (object['headers'] !== undefined) {
    const record = objectAt(object['headers'], `${path}.headers`);
    for (const [name, headerValue] of Object.entries(record)) {
      const at = `${path}.headers[${JSON.stringify(name)}]`;
      headerName(name, at);
      const values = Array.isArray(headerValue) ? headerValue : [headerValue];
      values.forEach((item, index) => {
        headers.push([
          name,
          stringAt(item, Array.isArray(headerValue) ? `${at}[${String(index)}]` : at),
        ]);
      });
    }
  }
  let body: Uint8Array = new Uint8Array(0);
  switch (atMostOne(object, path, ['body', 'json', 'base64'])) {
    case 'body':
      body = UTF8.encode(stringAt(object['body'], `${path}.body`));
      break;
    case 'json':
      body = UTF8.encode(JSON.stringify(object['json']));
      break;
    case 'base64':
      body = base64At(object['base64'], `${path}.base64`);
      break;
    default:
      break;
  }
  return { status, statusText, headers, body };
}

function parseExchange(value: unknown, path: string, origin: string): MockExchange {
  const object = objectAt(value, path);
  allowOnly(object, path, ['pqsdkMock', 'name', 'times', 'request', 'response']);
  if (object['pqsdkMock'] !== MOCK_FORMAT_VERSION) {
    throw new Problem(
      `${path}.pqsdkMock`,
      object['pqsdkMock'] === undefined
        ? `missing; a pqsdk mock fixture says "pqsdkMock": ${String(MOCK_FORMAT_VERSION)}`
        : `unsupported version ${describe(object['pqsdkMock'])} (this pqsdk reads version ${String(MOCK_FORMAT_VERSION)})`,
    );
  }
  if (object['request'] === undefined) throw new Problem(`${path}.request`, 'missing');
  if (object['response'] === undefined) throw new Problem(`${path}.response`, 'missing');
  const exchange: {
    origin: string;
    name?: string;
    times?: number;
    request: RequestMatcher;
    response: MockExchange['response'];
  } = {
    origin,
    request: parseRequest(object['request'], `${path}.request`),
    response: parseResponse(object['response'], `${path}.response`),
  };
  if (object['name'] !== undefined) exchange.name = stringAt(object['name'], `${path}.name`);
  if (object['times'] !== undefined) {
    const times = object['times'];
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
      throw new Problem(
        `${path}.times`,
        `expected a whole number of at least 1, found ${describe(times)}`,
      );
    }
    exchange.times = times;
  }
  return exchange;
}

/**
 * Reads the text of one fixture file: one exchange object, or an array of them.
 *
 * @param text - The file's text (UTF-8, a byte-order mark allowed).
 * @param file - The file's path, for messages and for each exchange's origin.
 * @throws {@link MockError} `PQSDK_MOCK_INVALID_FIXTURE`, naming the file and the JSON path of the
 * first problem (`$` is the whole file, `$[1].request.url` a field of the second exchange).
 */
export function parseFixtureFile(text: string, file: string): MockExchange[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MockError(
      'PQSDK_MOCK_INVALID_FIXTURE',
      `${file}: $: not valid JSON (${(error as Error).message})`,
      { file, jsonPath: '$', cause: error },
    );
  }
  try {
    if (Array.isArray(json)) {
      return json.map((item, index) =>
        parseExchange(item, `$[${String(index)}]`, `${file}[${String(index)}]`),
      );
    }
    return [parseExchange(json, '$', file)];
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    throw new MockError('PQSDK_MOCK_INVALID_FIXTURE', `${file}: ${error.path}: ${error.message}`, {
      file,
      jsonPath: error.path,
    });
  }
}

import { describe, expect, it } from 'vitest';
import { MockError } from './errors.js';
import { parseFixtureFile } from './fixture-parser.js';

function problemOf(json: unknown): MockError {
  try {
    parseFixtureFile(typeof json === 'string' ? json : JSON.stringify(json), 'mocks/x.json');
  } catch (error) {
    if (error instanceof MockError) return error;
    throw error;
  }
  throw new Error('expected the fixture to be refused');
}

const request = { url: 'https://h.example/a' };
const response = { status: 200 };

describe('parseFixtureFile', () => {
  it('reads one exchange with every field', () => {
    const [exchange, ...rest] = parseFixtureFile(
      `\uFEFF${JSON.stringify({
        pqsdkMock: 1,
        name: 'list items',
        times: 2,
        request: {
          method: 'post',
          url: 'https://h.example/items?a=1',
          headers: { Accept: 'application/json' },
          json: { q: 1 },
        },
        response: {
          status: 201,
          headers: { 'Set-Cookie': ['a=1', 'b=2'], 'Content-Type': 'application/json' },
          json: { id: 7 },
        },
      })}`,
      'mocks/x.json',
    );
    expect(rest).toEqual([]);
    expect(exchange).toEqual({
      origin: 'mocks/x.json',
      name: 'list items',
      times: 2,
      request: {
        method: 'POST',
        url: 'https://h.example/items?a=1',
        headers: [['Accept', 'application/json']],
        body: { kind: 'json', value: { q: 1 } },
      },
      response: {
        status: 201,
        statusText: 'Created',
        headers: [
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
          ['Content-Type', 'application/json'],
        ],
        body: new TextEncoder().encode('{"id":7}'),
      },
    });
  });

  it('reads an array of exchanges and names each by its index', () => {
    const exchanges = parseFixtureFile(
      JSON.stringify([
        {
          pqsdkMock: 1,
          request: { urlPattern: 'https://h\\.example/.*' },
          response: { body: 'text' },
        },
        {
          pqsdkMock: 1,
          request: { url: 'https://h.example/b', form: { a: ['1', '2'], b: 'x' } },
          response: { base64: 'AAEC' },
        },
      ]),
      'm.json',
    );
    expect(exchanges.map((exchange) => exchange.origin)).toEqual(['m.json[0]', 'm.json[1]']);
    expect(exchanges[0]?.request.urlPattern?.test('https://h.example/any/thing')).toBe(true);
    expect(exchanges[0]?.request.urlPattern?.test('xhttps://h.example/')).toBe(false);
    expect(exchanges[0]?.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      body: new TextEncoder().encode('text'),
    });
    expect(exchanges[1]?.request.body).toEqual({
      kind: 'form',
      pairs: [
        ['a', '1'],
        ['a', '2'],
        ['b', 'x'],
      ],
    });
    expect(exchanges[1]?.response.body).toEqual(new Uint8Array([0, 1, 2]));
  });

  it.each<[unknown, string, string]>([
    ['{"pqsdkMock": 1,', '$', 'not valid JSON'],
    [42, '$', 'expected an object, found number 42'],
    [{ request, response }, '$.pqsdkMock', 'missing; a pqsdk mock fixture says "pqsdkMock": 1'],
    [
      { pqsdkMock: 2, request, response },
      '$.pqsdkMock',
      'unsupported version number 2 (this pqsdk reads version 1)',
    ],
    [{ pqsdkMock: 1, response }, '$.request', 'missing'],
    [{ pqsdkMock: 1, request }, '$.response', 'missing'],
    [
      { pqsdkMock: 1, request, response, extra: true },
      '$.extra',
      'unknown field (expected one of pqsdkMock, name, times, request, response)',
    ],
    [{ pqsdkMock: 1, request: {}, response }, '$.request', 'give url or urlPattern'],
    [
      { pqsdkMock: 1, request: { url: 'a', urlPattern: 'b' }, response },
      '$.request',
      'give only one of url, urlPattern',
    ],
    [
      { pqsdkMock: 1, request: { url: 'ftp://h/x' }, response },
      '$.request.url',
      '"ftp://h/x": the scheme ftp is not supported (only http and https)',
    ],
    [
      { pqsdkMock: 1, request: { url: 7 }, response },
      '$.request.url',
      'expected a string, found number 7',
    ],
    [
      { pqsdkMock: 1, request: { urlPattern: '(' }, response },
      '$.request.urlPattern',
      'not a valid regular expression',
    ],
    [
      { pqsdkMock: 1, request: { ...request, method: 'PUT' }, response },
      '$.request.method',
      'expected GET, POST or HEAD',
    ],
    [
      { pqsdkMock: 1, request: { ...request, headers: { 'Bad Name': 'x' } }, response },
      '$.request.headers["Bad Name"]',
      '"Bad Name" is not a valid header name',
    ],
    [
      { pqsdkMock: 1, request: { ...request, headers: { Accept: 1 } }, response },
      '$.request.headers["Accept"]',
      'expected a string, found number 1',
    ],
    [
      { pqsdkMock: 1, request: { ...request, body: 'a', json: {} }, response },
      '$.request',
      'give only one of body, json',
    ],
    [
      { pqsdkMock: 1, request: { ...request, form: { a: [1] } }, response },
      '$.request.form["a"][0]',
      'expected a string, found number 1',
    ],
    [
      { pqsdkMock: 1, request: { ...request, base64: 'not base64!' }, response },
      '$.request.base64',
      'expected base64 text',
    ],
    [
      { pqsdkMock: 1, request, response: { status: 99 } },
      '$.response.status',
      'expected a status code from 200 to 599, found number 99',
    ],
    [
      { pqsdkMock: 1, request, response: { status: '200' } },
      '$.response.status',
      'expected a status code from 200 to 599, found string "200"',
    ],
    [
      { pqsdkMock: 1, request, response: { headers: { a: ['1', 2] } } },
      '$.response.headers["a"][1]',
      'expected a string, found number 2',
    ],
    [
      { pqsdkMock: 1, request, response: { body: 'a', base64: 'AA==' } },
      '$.response',
      'give only one of body, base64',
    ],
    [
      { pqsdkMock: 1, request, response: { text: 'a' } },
      '$.response.text',
      'unknown field (expected one of status, statusText, headers, body, json, base64)',
    ],
    [
      { pqsdkMock: 1, request, response, times: 0 },
      '$.times',
      'expected a whole number of at least 1, found number 0',
    ],
    [
      [
        { pqsdkMock: 1, request, response },
        { pqsdkMock: 1, request, response: [] },
      ],
      '$[1].response',
      'expected an object, found an array',
    ],
  ])('refuses %j at %s', (json, path, message) => {
    const error = problemOf(json);
    expect(error.code).toBe('PQSDK_MOCK_INVALID_FIXTURE');
    expect(error.file).toBe('mocks/x.json');
    expect(error.jsonPath).toBe(path);
    expect(error.message.startsWith(`mocks/x.json: ${path}: ${message}`)).toBe(true);
  });
});

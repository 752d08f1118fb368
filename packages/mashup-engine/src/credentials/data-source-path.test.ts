import { describe, expect, it } from 'vitest';
import {
  dataSourcePathCovers,
  normalizeDataSourcePath,
  parseDataSourcePath,
} from './data-source-path.js';

describe('normalizeDataSourcePath', () => {
  it.each([
    ['HTTPS://Api.Example.COM/v1', 'https://api.example.com/v1'],
    ['https://api.example.com:443/v1', 'https://api.example.com/v1'],
    ['http://api.example.com:80/', 'http://api.example.com'],
    ['http://api.example.com:8080/', 'http://api.example.com:8080'],
    ['https://api.example.com/', 'https://api.example.com'],
    ['https://api.example.com/v1/', 'https://api.example.com/v1'],
    ['https://api.example.com/v1//', 'https://api.example.com/v1'],
    ['https://api.example.com/a/./b/../c', 'https://api.example.com/a/c'],
    ['https://api.example.com/Items?Top=1', 'https://api.example.com/Items?Top=1'],
    ['https://api.example.com/a%2fb', 'https://api.example.com/a%2Fb'],
    ['https://api.example.com/v1#section', 'https://api.example.com/v1'],
    ['  https://api.example.com/v1  ', 'https://api.example.com/v1'],
  ])('normalizes the URL %j to %j', (path, normalized) => {
    expect(normalizeDataSourcePath(path)).toBe(normalized);
  });

  it('keeps the case of a URL path and query (RFC 3986 compares them exactly)', () => {
    expect(normalizeDataSourcePath('https://a.example/Data')).not.toBe(
      normalizeDataSourcePath('https://a.example/data'),
    );
  });

  it('reserializes a JSON path compactly, keeping the order of its fields', () => {
    expect(normalizeDataSourcePath('{ "server" : "db1",\n "database": "sales" }')).toBe(
      '{"server":"db1","database":"sales"}',
    );
  });

  it.each([['MyConnector'], ['odbc:dsn=x'], ['{not json'], ['file:///c:/data.csv']])(
    'keeps the other path %j as it is',
    (path) => {
      expect(normalizeDataSourcePath(path)).toBe(path);
    },
  );

  it('takes a URL apart into authority, path and query', () => {
    expect(parseDataSourcePath('https://u@Host.example:8443/a/b/?q=1')).toEqual({
      type: 'url',
      normalized: 'https://u@host.example:8443/a/b?q=1',
      authority: 'https://u@host.example:8443',
      pathname: '/a/b',
      search: '?q=1',
    });
  });
});

describe('dataSourcePathCovers', () => {
  it.each([
    ['https://api.example.com', 'https://api.example.com/v1/items', true],
    ['https://api.example.com/', 'https://api.example.com/v1', true],
    ['https://api.example.com/v1', 'https://api.example.com/v1/items?top=5', true],
    ['https://api.example.com/v1/', 'https://api.example.com/v1', true],
    ['HTTPS://API.example.com/v1', 'https://api.example.com/v1/x', true],
    ['https://api.example.com/v1', 'https://api.example.com/v10', false],
    ['https://api.example.com/v1', 'https://api.example.com/V1/items', false],
    ['https://api.example.com/v1/items', 'https://api.example.com/v1', false],
    ['https://api.example.com', 'http://api.example.com/v1', false],
    ['https://api.example.com', 'https://api.example.com:8443/v1', false],
    ['https://api.example.com', 'https://other.example.com/v1', false],
    ['https://api.example.com', 'https://api.example.com.evil.example/v1', false],
    ['https://api.example.com/v1?key=1', 'https://api.example.com/v1/items', false],
    ['https://api.example.com/v1?key=1', 'https://api.example.com/v1?key=1', true],
    ['MyConnector', 'MyConnector', true],
    ['MyConnector', 'MyConnector/x', false],
    ['{"a": 1}', '{"a":1}', true],
  ])('%j covers %j: %s', (base, path, covers) => {
    expect(dataSourcePathCovers(base, path)).toBe(covers);
  });
});

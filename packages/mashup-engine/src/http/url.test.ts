import { describe, expect, it } from 'vitest';
import {
  buildUrl,
  decodeQueryComponent,
  encodeQueryComponent,
  parseHttpUrl,
  parseQuery,
  type QueryParameters,
} from './url.js';

function built(base: string, relativePath?: string | null, query?: QueryParameters | null): string {
  const result = buildUrl(base, relativePath, query);
  if (!result.ok) throw new Error(result.message);
  return result.url;
}

describe('encodeQueryComponent', () => {
  it.each([
    ['Power Query', 'Power+Query'],
    ['+$', '%2B%24'],
    ['a&b=c', 'a%26b%3Dc'],
    ['unreserved-._~AZaz09', 'unreserved-._~AZaz09'],
    ['é', '%C3%A9'],
    ['日本', '%E6%97%A5%E6%9C%AC'],
    ['😀', '%F0%9F%98%80'],
    ["/?#[]@!'()*,;:", '%2F%3F%23%5B%5D%40%21%27%28%29%2A%2C%3B%3A'],
    ['', ''],
  ])('encodes %j as %j', (text, encoded) => {
    expect(encodeQueryComponent(text)).toBe(encoded);
    expect(decodeQueryComponent(encoded)).toBe(text);
  });

  it('keeps a malformed escape when decoding', () => {
    expect(decodeQueryComponent('100%+sure%zz%41')).toBe('100% sure%zzA');
  });
});

describe('buildUrl', () => {
  it.each<[string, string | null, QueryParameters | null, string]>([
    [
      'https://www.bing.com',
      'search',
      [['q', 'Power Query']],
      'https://www.bing.com/search?q=Power+Query',
    ],
    ['https://h.example/api', 'items', null, 'https://h.example/api/items'],
    ['https://h.example/api/', 'items', null, 'https://h.example/api/items'],
    ['https://h.example/api/', '/items', null, 'https://h.example/api/items'],
    ['https://h.example/api//', '//items/', null, 'https://h.example/api/items/'],
    ['https://h.example', '/items', null, 'https://h.example/items'],
    ['https://h.example/', '', null, 'https://h.example/'],
    ['https://h.example/api', null, null, 'https://h.example/api'],
    ['https://h.example/api', 'a b/c d', null, 'https://h.example/api/a%20b/c%20d'],
    ['https://h.example/api', 'caf%C3%A9', null, 'https://h.example/api/caf%C3%A9'],
    ['https://h.example/api', 'café', null, 'https://h.example/api/caf%C3%A9'],
    ['https://h.example/api', 'a#b', null, 'https://h.example/api/a%23b'],
    [
      'https://h.example/api',
      'items?top=5',
      [['skip', '10']],
      'https://h.example/api/items?top=5&skip=10',
    ],
    ['https://h.example/api?key=1', 'items', null, 'https://h.example/api/items?key=1'],
    ['https://h.example/api?b=2&a=1', null, [['c', '3']], 'https://h.example/api?b=2&a=1&c=3'],
    ['https://h.example/api?', null, [['c', '3']], 'https://h.example/api?c=3'],
    ['https://h.example/api#frag', 'x', [['c', '3']], 'https://h.example/api/x?c=3'],
    [
      'https://h.example/',
      null,
      [
        ['tag', ['a', 'b c']],
        ['n', '1'],
      ],
      'https://h.example/?tag=a&tag=b+c&n=1',
    ],
    ['https://h.example/', null, [['tag', []]], 'https://h.example/'],
    ['https://h.example/', null, [['empty', '']], 'https://h.example/?empty='],
    [
      'https://h.example/',
      null,
      [
        ['név', 'ünï cödé'],
        ['r', '&=+?/'],
      ],
      'https://h.example/?n%C3%A9v=%C3%BCn%C3%AF+c%C3%B6d%C3%A9&r=%26%3D%2B%3F%2F',
    ],
    ['HTTPS://H.Example:443/A', 'b', null, 'https://h.example/A/b'],
    ['http://h.example:8080/', 'x', [['q', 'x']], 'http://h.example:8080/x?q=x'],
  ])('builds %s + %j + %j', (base, relativePath, query, expected) => {
    expect(built(base, relativePath, query)).toBe(expected);
  });

  it('refuses a base that is not an absolute http or https URL', () => {
    expect(buildUrl('api/items')).toEqual({
      ok: false,
      message: 'The URL "api/items" cannot be used: it is not an absolute URL.',
    });
    expect(buildUrl('ftp://h.example/file')).toEqual({
      ok: false,
      message:
        'The URL "ftp://h.example/file" cannot be used: the scheme ftp is not supported (only http and https).',
    });
  });
});

describe('parseQuery', () => {
  it('splits a query into raw and decoded parts, in order', () => {
    expect(parseQuery('a=1&b=x+y&flag&&c=%26')).toEqual([
      { rawName: 'a', rawValue: '1', name: 'a', value: '1' },
      { rawName: 'b', rawValue: 'x+y', name: 'b', value: 'x y' },
      { rawName: 'flag', rawValue: null, name: 'flag', value: '' },
      { rawName: 'c', rawValue: '%26', name: 'c', value: '&' },
    ]);
  });
});

describe('parseHttpUrl', () => {
  it('accepts http and https URLs with a host', () => {
    expect('url' in parseHttpUrl('http://127.0.0.1:8080/x')).toBe(true);
    expect(parseHttpUrl('file:///etc/passwd')).toEqual({
      problem: 'the scheme file is not supported (only http and https)',
    });
  });
});

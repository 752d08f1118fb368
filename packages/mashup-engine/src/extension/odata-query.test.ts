import { describe, expect, it } from 'vitest';
import { odataQueryUrl, parseODataQuery } from './odata-query.js';

describe('parseODataQuery', () => {
  it('reads the system query options and keeps the other parameters as written', () => {
    expect(
      parseODataQuery(
        'https://h/odata/People?api-version=2&$select=A,%20B&$filter=Age%20gt%2030&$top=5&$skip=10&$orderby=A%20desc&$count=true#frag',
      ),
    ).toEqual({
      base: 'https://h/odata/People',
      other: ['api-version=2'],
      select: ['A', 'B'],
      filter: 'Age gt 30',
      top: 5,
      skip: 10,
      orderby: 'A desc',
      count: true,
    });
  });

  it('keeps a $top it cannot read as a plain parameter', () => {
    expect(parseODataQuery('https://h/People?$top=all')).toEqual({
      base: 'https://h/People',
      other: ['$top=all'],
    });
  });
});

describe('odataQueryUrl', () => {
  it.each([
    [{ base: 'https://h/People', other: [] }, 'https://h/People'],
    [
      { base: 'https://h/People', other: ['x=1'], select: ['A', 'B'], top: 3 },
      'https://h/People?x=1&$select=A%2CB&$top=3',
    ],
    [
      { base: 'https://h/People', other: [], filter: "Name eq 'O''Neil'", skip: 0, count: true },
      "https://h/People?$filter=Name%20eq%20'O''Neil'&$count=true",
    ],
  ])('writes %j as %s', (query, url) => {
    expect(odataQueryUrl(query)).toBe(url);
  });

  it('round-trips what it reads', () => {
    const url = 'https://h/People?$filter=A%20eq%201&$orderby=B%20asc&$select=A%2CB&$skip=2&$top=4';
    expect(odataQueryUrl(parseODataQuery(url))).toBe(url);
  });
});

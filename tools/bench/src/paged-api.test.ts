import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  book,
  cursorFor,
  pageCountSum,
  type PagedApi,
  renderPage,
  startPagedApi,
} from './paged-api.js';

const OPTIONS = { rows: 25, pageSize: 10, key: 'test-key' };

interface Page {
  items: { id: number; page_count: number }[];
  next_cursor: string | null;
}

describe('the paged API', () => {
  let api: PagedApi;

  beforeAll(async () => {
    api = await startPagedApi(OPTIONS);
  });

  afterAll(async () => {
    await api.close();
  });

  it('makes the same book for the same number', () => {
    expect(book(401)).toEqual({
      id: 401,
      title: 'Book 401',
      author: 'Alan Turing',
      page_count: 101,
      published: '2001-06-10',
    });
    expect(book(401)).toEqual(book(401));
  });

  it('adds up the page counts without making the books', () => {
    let sum = 0;
    for (let n = 1; n <= 1234; n++) sum += book(n).page_count;
    expect(pageCountSum(1234)).toBe(sum);
    // 100,000 books: 250 full cycles of 100..499.
    expect(pageCountSum(100_000)).toBe(250 * ((100 + 499) * 200));
  });

  it('renders a short last page with no next cursor', () => {
    const last = JSON.parse(renderPage(2, OPTIONS).toString()) as Page;
    expect(last.items.map((item) => item.id)).toEqual([21, 22, 23, 24, 25]);
    expect(last.next_cursor).toBeNull();
    const first = JSON.parse(renderPage(0, OPTIONS).toString()) as Page;
    expect(first.next_cursor).toBe(cursorFor(1));
  });

  it('serves every row once, page after page, with the key', async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const response = await fetch(`${api.origin}/books?limit=10${query}`, {
        headers: { 'X-Api-Key': 'test-key' },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      ids.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect(ids).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(api.pages).toBe(3);
    expect(api.served).toBe(3);
    expect(api.refused).toBe(0);
  });

  it.each([
    ['no key', '/books', {}, 401],
    ['a wrong key', '/books', { 'X-Api-Key': 'other' }, 401],
    ['another limit', '/books?limit=5', { 'X-Api-Key': 'test-key' }, 400],
    ['an unknown cursor', '/books?cursor=nope', { 'X-Api-Key': 'test-key' }, 400],
    ['another path', '/authors', { 'X-Api-Key': 'test-key' }, 404],
  ])('refuses a request with %s', async (_, path, headers, status) => {
    const refused = api.refused;
    const response = await fetch(`${api.origin}${path}`, { headers });
    await response.arrayBuffer();
    expect(response.status).toBe(status);
    expect(api.refused).toBe(refused + 1);
  });
});

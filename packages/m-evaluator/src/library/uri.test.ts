import { describe, expect, it } from 'vitest';
import { m } from '../../test/evaluate.js';

describe('Uri.EscapeDataString, Uri.BuildQueryString', () => {
  it.each([
    ['Uri.EscapeDataString("+money$")', '"%2Bmoney%24"'],
    ['Uri.EscapeDataString("a b/c?d=e&f")', '"a%20b%2Fc%3Fd%3De%26f"'],
    ['Uri.EscapeDataString("AZaz09-._~")', '"AZaz09-._~"'],
    ['Uri.EscapeDataString("!\'()*")', '"%21%27%28%29%2A"'],
    ['Uri.EscapeDataString("é😀")', '"%C3%A9%F0%9F%98%80"'],
    ['Uri.EscapeDataString("")', '""'],
    [
      'Uri.EscapeDataString(null)',
      'error [Expression.Error] We cannot convert the value null to type Text.',
    ],
    ['Uri.BuildQueryString([a = "1", b = "+$"])', '"a=1&b=%2B%24"'],
    ['Uri.BuildQueryString([#"a b" = "c d", e = {"1", "2"}])', '"a%20b=c%20d&e=1&e=2"'],
    ['Uri.BuildQueryString([])', '""'],
    [
      'Uri.BuildQueryString([a = 1])',
      "error [Expression.Error] The value of the query field 'a' must be a text or a list of texts.",
    ],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

describe('Uri.Combine, Uri.Parts', () => {
  it.each([
    [
      'Uri.Combine("https://contoso.com/api/v1/", "items?id=1")',
      '"https://contoso.com/api/v1/items?id=1"',
    ],
    ['Uri.Combine("https://contoso.com/api/v1", "items")', '"https://contoso.com/api/items"'],
    ['Uri.Combine("https://contoso.com/api/v1/", "/root")', '"https://contoso.com/root"'],
    ['Uri.Combine("https://contoso.com/a/b/", "../c")', '"https://contoso.com/a/c"'],
    ['Uri.Combine("https://contoso.com", "https://other.org/x")', '"https://other.org/x"'],
    [
      'Uri.Combine("not a uri", "x")',
      "error [Expression.Error] The text 'not a uri' is not an absolute URI.",
    ],
    [
      'Uri.Parts("www.adventure-works.com")',
      '[Scheme = "http", Host = "www.adventure-works.com", Port = 80, Path = "/", Query = [], Fragment = "", UserName = "", Password = ""]',
    ],
    [
      'Uri.Parts("https://user:p%40ss@contoso.com:8443/a/b?x=1&y=%2Bmoney%24&x=2#top")',
      '[Scheme = "https", Host = "contoso.com", Port = 8443, Path = "/a/b", Query = [x = {"1", "2"}, y = "+money$"], Fragment = "top", UserName = "user", Password = "p@ss"]',
    ],
    ['Uri.Parts("http://contoso?a=" & "%2Bmoney%24")[Query][a]', '"+money$"'],
    ['Uri.Parts("https://contoso.com")[Port]', '443'],
    ['Uri.Parts("ftp://files.contoso.com/x")[Port]', '21'],
    ['Uri.Parts("http://contoso.com/?flag")[Query]', '[flag = ""]'],
    ['Uri.Parts("http://")', "error [Expression.Error] The text 'http://' is not an absolute URI."],
  ])('%s = %s', (text, expected) => {
    expect(m(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { REDACTED, SecretNames, looksSecret, redactHeaders, redactUrl } from './secrets.js';

describe('looksSecret', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'Set-Cookie',
    'X-API-Key',
    'x-api-key',
    'apiKey',
    'APIKEY',
    'api_key',
    'key',
    'Ocp-Apim-Subscription-Key',
    'access_token',
    'X-Auth-Token',
    'authToken',
    'client_secret',
    'clientSecret',
    'password',
    'X-Auth',
    'sig',
    'X-Session-Id',
  ])('%s is secret', (name) => {
    expect(looksSecret(name)).toBe(true);
  });

  it.each(['author', 'keyword', 'Accept', 'Content-Type', 'q', 'page', 'monkey', 'signed', 'code'])(
    '%s is not secret',
    (name) => {
      expect(looksSecret(name)).toBe(false);
    },
  );
});

describe('SecretNames', () => {
  it('adds the names a request declares to the always-secret ones', () => {
    const names = new SecretNames({ headers: ['X-Tenant'], queryParameters: ['code'] });
    expect(names.isSecretHeader('x-tenant')).toBe(true);
    expect(names.isSecretHeader('Authorization')).toBe(true);
    expect(names.isSecretHeader('Accept')).toBe(false);
    expect(names.isSecretQueryParameter('code')).toBe(true);
    expect(names.isSecretQueryParameter('CODE')).toBe(false);
    expect(names.isDeclaredQueryParameter('api_key')).toBe(false);
  });
});

describe('redactUrl', () => {
  const names = new SecretNames({ headers: [], queryParameters: ['k'] });

  it.each([
    ['https://h.example/get?api_key=s3cret&q=1', 'https://h.example/get?api_key=***&q=1'],
    ['https://h.example/get?k=a%20b&k=c', 'https://h.example/get?k=***&k=***'],
    ['https://h.example/get?q=1#access_token=x', 'https://h.example/get?q=1#access_token=x'],
    ['https://user:pa55@h.example/', 'https://user:***@h.example/'],
    ['https://h.example/plain', 'https://h.example/plain'],
    ['not a url?token=abc', 'not a url?token=***'],
  ])('redacts %s', (url, redacted) => {
    expect(redactUrl(url, names)).toBe(redacted);
  });
});

describe('redactHeaders', () => {
  it('replaces secret values and keeps order and names', () => {
    const names = new SecretNames({ headers: ['X-Custom'], queryParameters: [] });
    expect(
      redactHeaders(
        [
          ['Accept', 'application/json'],
          ['Authorization', 'Bearer abc'],
          ['X-Custom', 'v'],
          ['X-Api-Key', 'k'],
        ],
        names,
      ),
    ).toEqual([
      ['Accept', 'application/json'],
      ['Authorization', REDACTED],
      ['X-Custom', REDACTED],
      ['X-Api-Key', REDACTED],
    ]);
  });
});

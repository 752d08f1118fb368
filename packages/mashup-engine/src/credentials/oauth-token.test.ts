import { describe, expect, it } from 'vitest';
import { formatCredentialInputProblem } from './input-problems.js';
import {
  isExpired,
  oauthTokenFields,
  parseOAuthToken,
  refreshedToken,
  tokenExpiresAt,
} from './oauth-token.js';
import type { Credential, OAuthToken } from './types.js';

const NOW = new Date('2024-01-31T12:00:00.000Z');
const NOW_MS = NOW.getTime();

function token(fields: Record<string, unknown>): OAuthToken {
  const result = parseOAuthToken(JSON.parse(JSON.stringify(fields)) as never, { now: NOW });
  if (!result.ok) throw new Error(result.problems.map(formatCredentialInputProblem).join('\n'));
  return result.value;
}

function oauth(fields: Record<string, unknown>): Credential {
  return {
    dataSource: { kind: 'K', path: 'K' },
    authenticationKind: 'OAuth',
    token: token(fields),
    privacySetting: 'None',
    permissions: [],
  };
}

describe('parseOAuthToken', () => {
  it('reads what FinishLogin returns, keeping further fields as properties', () => {
    expect(
      token({
        access_token: 'at',
        refresh_token: 'rt',
        token_type: 'Bearer',
        scope: 'a b',
        expires_in: 3600,
        id_token: 'it',
        ext_expires_in: 7200,
      }),
    ).toEqual({
      accessToken: 'at',
      refreshToken: 'rt',
      tokenType: 'Bearer',
      scope: 'a b',
      expiresIn: 3600,
      obtainedAt: '2024-01-31T12:00:00.000Z',
      properties: { id_token: 'it', ext_expires_in: 7200 },
    });
  });

  it('treats null fields as absent', () => {
    expect(token({ access_token: 'at', refresh_token: null, expires_in: null })).toEqual({
      accessToken: 'at',
      obtainedAt: NOW.toISOString(),
      properties: {},
    });
  });

  it('normalizes expires to UTC and keeps a stored obtained_at', () => {
    const read = token({
      access_token: 'at',
      expires: 'Wed, 31 Jan 2024 13:00:00 GMT',
      obtained_at: '2024-01-31T11:00:00+00:00',
    });
    expect(read.expires).toBe('2024-01-31T13:00:00.000Z');
    expect(read.obtainedAt).toBe('2024-01-31T11:00:00.000Z');
  });

  it('round-trips through oauthTokenFields', () => {
    const original = token({ access_token: 'at', refresh_token: 'rt', expires_in: '60', x: [1] });
    expect(parseOAuthToken(oauthTokenFields(original))).toEqual({ ok: true, value: original });
  });

  it('names the path of each problem under the given root', () => {
    const result = parseOAuthToken({ access_token: '', expires_in: 'soon' }, { path: '$.T' });
    expect(result.ok ? [] : result.problems.map(formatCredentialInputProblem)).toEqual([
      '$.T.access_token: is empty',
      '$.T.expires_in: must be a non-negative number of seconds, not a string',
    ]);
  });
});

describe('tokenExpiresAt', () => {
  it('prefers expires over expires_in', () => {
    expect(
      tokenExpiresAt(token({ access_token: 'a', expires: '2024-01-31T12:30:00Z', expires_in: 1 })),
    ).toBe(Date.parse('2024-01-31T12:30:00Z'));
  });

  it('counts expires_in from obtained_at', () => {
    expect(tokenExpiresAt(token({ access_token: 'a', expires_in: 600 }))).toBe(NOW_MS + 600_000);
  });

  it('is undefined for a token without an expiry', () => {
    expect(tokenExpiresAt(token({ access_token: 'a' }))).toBeUndefined();
  });
});

describe('isExpired', () => {
  const inAnHour = oauth({ access_token: 'a', expires_in: 3600 });

  it.each([
    ['well before expiry', NOW_MS, 60_000, false],
    ['just outside the default minute of skew', NOW_MS + 3600_000 - 60_001, 60_000, false],
    ['within the skew', NOW_MS + 3600_000 - 59_999, 60_000, true],
    ['at expiry without skew', NOW_MS + 3600_000, 0, true],
    ['just before expiry without skew', NOW_MS + 3600_000 - 1, 0, false],
    ['after expiry', NOW_MS + 7200_000, 60_000, true],
  ])('is %s: %s', (_case, now, skew, expired) => {
    expect(isExpired(inAnHour, now, skew)).toBe(expired);
  });

  it('uses a minute of skew by default', () => {
    expect(isExpired(inAnHour, NOW_MS + 3600_000 - 30_000)).toBe(true);
  });

  it('never expires a token without an expiry, or a credential of another kind', () => {
    expect(isExpired(oauth({ access_token: 'a' }), Number.MAX_SAFE_INTEGER)).toBe(false);
    const key: Credential = {
      dataSource: { kind: 'K', path: 'K' },
      authenticationKind: 'Key',
      key: 'k',
      privacySetting: 'None',
      permissions: [],
    };
    expect(isExpired(key, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('refreshedToken', () => {
  const previous = token({
    access_token: 'old',
    refresh_token: 'old-refresh',
    expires: '2024-01-31T12:30:00Z',
    tenant: 't',
  });

  it('replaces the access token and the expiry, keeping the refresh token when none came', () => {
    const next = parseOAuthToken(
      { access_token: 'new', expires_in: 600 },
      { now: new Date('2024-01-31T12:29:00Z') },
    );
    if (!next.ok) throw new Error('bad token');
    expect(refreshedToken(previous, next.value)).toEqual({
      accessToken: 'new',
      refreshToken: 'old-refresh',
      expiresIn: 600,
      obtainedAt: '2024-01-31T12:29:00.000Z',
      properties: { tenant: 't' },
    });
  });

  it('takes a rotated refresh token', () => {
    const next = token({ access_token: 'new', refresh_token: 'new-refresh' });
    expect(refreshedToken(previous, next).refreshToken).toBe('new-refresh');
  });
});

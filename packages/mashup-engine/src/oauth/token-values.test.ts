import { Engine, MError, STANDARD_LIBRARY } from '@pqsdk/m-evaluator';
import { describe, expect, it } from 'vitest';
import { engineErrorReport } from '../evaluation/plain-value.js';
import {
  callbackSecrets,
  credentialSecrets,
  oldCredentialRecord,
  refreshTokenOf,
  scrubReport,
  textsIn,
  tokenRecordFields,
} from './token-values.js';

const engine = new Engine({ library: STANDARD_LIBRARY });

describe('tokenRecordFields', () => {
  it('turns the token record into JSON', () => {
    const ctx = engine.createContext();
    const value = engine.evaluateIn(
      ctx,
      '[access_token = "a", expires_in = 3600, ok = true, none = null, scopes = {"x", "y"}, nested = [n = 1], at = #date(2024, 1, 2), raw = #binary({1, 2})]',
    );
    expect(tokenRecordFields(ctx, value, 'FinishLogin')).toEqual({
      access_token: 'a',
      expires_in: 3600,
      ok: true,
      none: null,
      scopes: ['x', 'y'],
      nested: { n: 1 },
      at: '#date(2024, 1, 2)',
      raw: 'AQI=',
    });
  });

  it('refuses a value that is not a record', () => {
    const ctx = engine.createContext();
    expect(() => tokenRecordFields(ctx, 'token', 'Refresh')).toThrow(
      'The OAuth Refresh function must return a record of token fields',
    );
  });

  it('raises the error of a field', () => {
    const ctx = engine.createContext();
    const value = engine.evaluateIn(ctx, '[access_token = error "no token"]');
    expect(() => tokenRecordFields(ctx, value, 'FinishLogin')).toThrow(MError);
  });
});

describe('the stored credential for Refresh', () => {
  const credential = {
    AuthenticationKind: 'OAuth',
    access_token: 'at-123456',
    Properties: { refresh_token: 'rt-123456', token_type: 'Bearer', id_token: 'id-123456' },
  } as const;

  it('gives the previous token record and the refresh token', () => {
    const ctx = engine.createContext();
    const record = oldCredentialRecord(credential);
    expect(record.names).toEqual(['access_token', 'refresh_token', 'token_type', 'id_token']);
    expect(tokenRecordFields(ctx, record, 'Refresh')['refresh_token']).toBe('rt-123456');
    expect(refreshTokenOf(credential)).toBe('rt-123456');
    expect(refreshTokenOf({ AuthenticationKind: 'OAuth', access_token: 'a' })).toBeUndefined();
  });

  it('knows its secrets', () => {
    expect(credentialSecrets(credential)).toEqual(['at-123456', 'rt-123456', 'id-123456']);
  });
});

describe('secrets of a sign-in', () => {
  it('takes the code and tokens of a callback URL', () => {
    expect(
      callbackSecrets('http://127.0.0.1:1/cb?code=c-1&state=s#access_token=t-1&expires_in=5'),
    ).toEqual(['c-1', 't-1']);
    expect(callbackSecrets('not a url')).toEqual([]);
  });

  it('takes the texts of a login context', () => {
    const ctx = engine.createContext();
    const context = engine.evaluateIn(
      ctx,
      '[CodeVerifier = "0123456789abcdef", Short = "abc", List = {"verifier-2"}, Bad = error "x"]',
    );
    expect(textsIn(ctx, context)).toEqual(['0123456789abcdef', 'verifier-2']);
  });

  it('scrubs every text of an error report', () => {
    const report = {
      ...engineErrorReport('DataSource.Error', 'token SECRET-1 refused', 'SECRET-1'),
      messageParameters: '{"SECRET-1"}',
    };
    const scrubbed = scrubReport(report, ['SECRET-1']);
    expect(JSON.stringify(scrubbed)).not.toContain('SECRET-1');
    expect(scrubbed.message).toBe('token <redacted> refused');
    expect(scrubReport(report, [])).toBe(report);
  });
});

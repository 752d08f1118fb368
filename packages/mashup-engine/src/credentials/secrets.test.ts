import { describe, expect, it } from 'vitest';
import { currentCredentialFields } from './current-credential.js';
import { REDACTED, redactCredential, scrubSecrets, secretValues } from './secrets.js';
import type { Credential } from './types.js';

const common = {
  dataSource: { kind: 'K', path: 'https://api.example.com' },
  privacySetting: 'None',
  permissions: [],
} as const;

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const OAUTH: Credential = {
  ...common,
  authenticationKind: 'OAuth',
  token: {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    tokenType: 'Bearer',
    scope: 'read',
    expiresIn: 3600,
    obtainedAt: '2024-01-31T12:00:00.000Z',
    properties: { id_token: 'id-1', tenant: 'contoso', nested: { client_secret: ['cs-1'] } },
  },
};

describe('secretValues', () => {
  it.each<[string, Credential, string[]]>([
    ['Anonymous', { ...common, authenticationKind: 'Anonymous' }, []],
    ['Key', { ...common, authenticationKind: 'Key', key: 'k-1' }, ['k-1', base64(':k-1')]],
    [
      'UsernamePassword',
      { ...common, authenticationKind: 'UsernamePassword', username: 'me', password: 'p-1' },
      ['p-1', base64('me:p-1')],
    ],
    ['Windows (current user)', { ...common, authenticationKind: 'Windows' }, []],
    [
      'Windows (an account)',
      { ...common, authenticationKind: 'Windows', username: 'me', password: 'p-2' },
      ['p-2', base64('me:p-2')],
    ],
    ['OAuth', OAUTH, ['access-1', 'refresh-1', 'id-1', 'cs-1']],
  ])('lists the secrets of %s and the forms they are sent in', (_kind, credential, secrets) => {
    expect(secretValues(credential)).toEqual(secrets);
  });

  it('leaves out empty strings', () => {
    const credential: Credential = {
      ...common,
      authenticationKind: 'UsernamePassword',
      username: '',
      password: '',
    };
    expect(secretValues(credential)).toEqual([base64(':')]);
  });
});

describe('redactCredential', () => {
  it('replaces every secret and keeps what identifies the credential', () => {
    const redacted = redactCredential(OAUTH);
    expect(redacted).toEqual({
      ...OAUTH,
      token: {
        ...(OAUTH.authenticationKind === 'OAuth' ? OAUTH.token : undefined),
        accessToken: REDACTED,
        refreshToken: REDACTED,
        properties: {
          id_token: REDACTED,
          tenant: 'contoso',
          nested: { client_secret: [REDACTED] },
        },
      },
    });
    const text = JSON.stringify(redacted);
    for (const secret of secretValues(OAUTH)) expect(text).not.toContain(secret);
  });

  it('redacts keys and passwords, keeping the user name', () => {
    const credential: Credential = {
      ...common,
      authenticationKind: 'UsernamePassword',
      username: 'me',
      password: 'p-1',
    };
    expect(redactCredential(credential)).toEqual({ ...credential, password: REDACTED });
    expect(redactCredential({ ...common, authenticationKind: 'Key', key: 'k-1' })).toMatchObject({
      key: REDACTED,
    });
  });
});

describe('scrubSecrets', () => {
  it('replaces each secret, its URL-encoded form and longer secrets first', () => {
    const secrets = ['a+b/c=', 'a+b'];
    expect(scrubSecrets('key=a%2Bb%2Fc%3D raw=a+b/c= short=a+b', secrets)).toBe(
      `key=${REDACTED} raw=${REDACTED} short=${REDACTED}`,
    );
  });

  it('scrubs a Basic authorization header built from the credential', () => {
    const credential: Credential = {
      ...common,
      authenticationKind: 'UsernamePassword',
      username: 'me',
      password: 'p-1',
    };
    const header = `Authorization: Basic ${base64('me:p-1')}`;
    expect(scrubSecrets(header, secretValues(credential), '***')).toBe('Authorization: Basic ***');
  });
});

describe('currentCredentialFields', () => {
  it.each<[string, Credential, Record<string, unknown>]>([
    [
      'Anonymous',
      { ...common, authenticationKind: 'Anonymous' },
      { AuthenticationKind: 'Anonymous' },
    ],
    [
      'Key, with the key also as Password',
      { ...common, authenticationKind: 'Key', key: 'k-1', encryptConnection: true },
      { AuthenticationKind: 'Key', Key: 'k-1', Password: 'k-1', EncryptConnection: true },
    ],
    [
      'UsernamePassword',
      { ...common, authenticationKind: 'UsernamePassword', username: 'me', password: 'p' },
      { AuthenticationKind: 'UsernamePassword', Username: 'me', Password: 'p' },
    ],
    ['Windows', { ...common, authenticationKind: 'Windows' }, { AuthenticationKind: 'Windows' }],
    [
      'OAuth, with the refresh token in Properties',
      OAUTH,
      {
        AuthenticationKind: 'OAuth',
        access_token: 'access-1',
        Properties: {
          refresh_token: 'refresh-1',
          token_type: 'Bearer',
          scope: 'read',
          expires_in: 3600,
          id_token: 'id-1',
          tenant: 'contoso',
          nested: { client_secret: ['cs-1'] },
        },
      },
    ],
  ])('gives Extension.CurrentCredential of %s', (_kind, credential, fields) => {
    expect(currentCredentialFields(credential)).toEqual(fields);
  });
});

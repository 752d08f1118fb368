import { describe, expect, it } from 'vitest';
import {
  credentialFailureResult,
  deleteAllCredentialsResult,
  deleteCredentialResult,
  listEntries,
  refreshCredentialResult,
  setCredentialResult,
} from './pqtest-output.js';
import { secretValues } from './secrets.js';
import type { Credential } from './types.js';

const SINGLETON = { kind: 'MyConnector', path: 'MyConnector' };
const API = { kind: 'Api', path: 'HTTPS://API.example.com/v1/' };

const STORED: readonly Credential[] = [
  {
    dataSource: SINGLETON,
    authenticationKind: 'Anonymous',
    privacySetting: 'None',
    permissions: [],
  },
  {
    dataSource: API,
    authenticationKind: 'Key',
    key: 'key-secret',
    privacySetting: 'Private',
    permissions: [],
    encryptConnection: false,
  },
  {
    dataSource: { kind: 'Db', path: '{"server":"db1"}' },
    authenticationKind: 'UsernamePassword',
    username: 'me',
    password: 'password-secret',
    privacySetting: 'Organizational',
    permissions: [],
  },
  {
    dataSource: { kind: 'Win', path: 'Win' },
    authenticationKind: 'Windows',
    privacySetting: 'None',
    permissions: [],
  },
  {
    dataSource: { kind: 'Graph', path: 'https://graph.example.com' },
    authenticationKind: 'Aad',
    token: {
      accessToken: 'access-secret',
      refreshToken: 'refresh-secret',
      tokenType: 'Bearer',
      scope: 'User.Read',
      expiresIn: 3600,
      obtainedAt: '2024-01-31T12:00:00.000Z',
      properties: { id_token: 'id-secret' },
    },
    privacySetting: 'None',
    permissions: [],
  },
];

describe('setCredentialResult', () => {
  it('has the shape of the PQTest docs', () => {
    const [anonymous] = STORED;
    expect(JSON.stringify(setCredentialResult(anonymous!), null, 2)).toMatchInlineSnapshot(`
      "{
        "Details": {
          "Kind": "MyConnector",
          "Path": "MyConnector",
          "NormalizedPath": "MyConnector",
          "IsDefaultForKind": false
        },
        "Message": "Successfully set credential",
        "Status": "Success"
      }"
    `);
  });

  it('gives the normalized form of a URL path', () => {
    expect(setCredentialResult(STORED[1]!).Details).toMatchObject({
      Path: 'HTTPS://API.example.com/v1/',
      NormalizedPath: 'https://api.example.com/v1',
    });
  });
});

describe('listEntries', () => {
  it('lists data sources, kinds and only the properties that are not secret', () => {
    expect(listEntries(STORED)).toMatchInlineSnapshot(`
      [
        {
          "AuthenticationKind": "Anonymous",
          "DataSource": {
            "kind": "MyConnector",
            "path": "MyConnector",
          },
          "PrivacySetting": "None",
          "Properties": {},
        },
        {
          "AuthenticationKind": "Key",
          "DataSource": {
            "kind": "Api",
            "path": "HTTPS://API.example.com/v1/",
          },
          "PrivacySetting": "Private",
          "Properties": {
            "EncryptConnection": false,
          },
        },
        {
          "AuthenticationKind": "UsernamePassword",
          "DataSource": {
            "kind": "Db",
            "path": "{"server":"db1"}",
          },
          "PrivacySetting": "Organizational",
          "Properties": {
            "Username": "me",
          },
        },
        {
          "AuthenticationKind": "Windows",
          "DataSource": {
            "kind": "Win",
            "path": "Win",
          },
          "PrivacySetting": "None",
          "Properties": {},
        },
        {
          "AuthenticationKind": "Aad",
          "DataSource": {
            "kind": "Graph",
            "path": "https://graph.example.com",
          },
          "PrivacySetting": "None",
          "Properties": {
            "HasRefreshToken": true,
            "expires": "2024-01-31T13:00:00.000Z",
            "scope": "User.Read",
            "token_type": "Bearer",
          },
        },
      ]
    `);
  });

  it('never holds a secret', () => {
    const text = JSON.stringify(listEntries(STORED));
    for (const credential of STORED) {
      for (const secret of secretValues(credential)) expect(text).not.toContain(secret);
    }
  });
});

describe('deleteCredentialResult', () => {
  it('reports a deleted credential', () => {
    expect(deleteCredentialResult(API, true)).toEqual({
      Details: { Kind: 'Api', Path: API.path, NormalizedPath: 'https://api.example.com/v1' },
      Message: 'Successfully deleted credential',
      Status: 'Success',
    });
  });

  it('fails when nothing was stored', () => {
    expect(deleteCredentialResult(SINGLETON, false)).toMatchObject({
      Message: 'No credential is stored for this data source',
      Status: 'Failure',
    });
  });

  it('counts the credentials deleted with --ALL', () => {
    expect(deleteAllCredentialsResult(3)).toEqual({
      Details: { Count: 3 },
      Message: 'Successfully deleted all credentials',
      Status: 'Success',
    });
  });
});

describe('refreshCredentialResult', () => {
  it('gives the new expiry and no token', () => {
    const aad = STORED[4]!;
    const result = refreshCredentialResult(aad);
    expect(result).toEqual({
      Details: {
        Kind: 'Graph',
        Path: 'https://graph.example.com',
        NormalizedPath: 'https://graph.example.com',
        Expires: '2024-01-31T13:00:00.000Z',
      },
      Message: 'Successfully refreshed credential',
      Status: 'Success',
    });
    for (const secret of secretValues(aad)) expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe('credentialFailureResult', () => {
  it('carries the message and the data source', () => {
    expect(credentialFailureResult('Refresh failed', SINGLETON)).toEqual({
      Details: { Kind: 'MyConnector', Path: 'MyConnector', NormalizedPath: 'MyConnector' },
      Message: 'Refresh failed',
      Status: 'Failure',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  automaticCredential,
  credentialToJson,
  parseCredentialJson,
  type ParseCredentialOptions,
  parseSetCredentialInput,
} from './credential-json.js';
import { formatCredentialInputProblem } from './input-problems.js';
import type { Credential } from './types.js';

const NOW = new Date('2024-01-31T13:05:00.000Z');
const DATA_SOURCE = { kind: 'MyConnector', path: 'https://api.example.com/v1' };
const SECRET = 'S3cret-Value-That-Must-Not-Leak';

/** Every problem of a failed parse, one line each. */
function problemsOf(
  input: unknown,
  options: ParseCredentialOptions = { dataSource: DATA_SOURCE, now: NOW },
): string[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const result = parseSetCredentialInput(text, options);
  if (result.ok) throw new Error('expected the input to be refused');
  return result.problems.map(formatCredentialInputProblem);
}

function parsed(input: unknown): Credential {
  const result = parseSetCredentialInput(JSON.stringify(input), {
    dataSource: DATA_SOURCE,
    now: NOW,
  });
  if (!result.ok) throw new Error(result.problems.map(formatCredentialInputProblem).join('\n'));
  return result.value;
}

const EVERY_KIND: readonly [string, unknown, Credential][] = [
  [
    'Anonymous',
    {
      AuthenticationKind: 'Anonymous',
      AuthenticationProperties: {},
      PrivacySetting: 'None',
      Permissions: [],
    },
    {
      dataSource: DATA_SOURCE,
      authenticationKind: 'Anonymous',
      privacySetting: 'None',
      permissions: [],
    },
  ],
  [
    'Key',
    {
      AuthenticationKind: 'Key',
      AuthenticationProperties: { Key: SECRET },
      PrivacySetting: 'Private',
      Permissions: [],
    },
    {
      dataSource: DATA_SOURCE,
      authenticationKind: 'Key',
      key: SECRET,
      privacySetting: 'Private',
      permissions: [],
    },
  ],
  [
    'UsernamePassword',
    {
      AuthenticationKind: 'UsernamePassword',
      AuthenticationProperties: { Username: 'me', Password: SECRET, EncryptConnection: true },
      PrivacySetting: 'Organizational',
      Permissions: [],
    },
    {
      dataSource: DATA_SOURCE,
      authenticationKind: 'UsernamePassword',
      username: 'me',
      password: SECRET,
      encryptConnection: true,
      privacySetting: 'Organizational',
      permissions: [],
    },
  ],
  [
    'Windows (current user)',
    { AuthenticationKind: 'Windows', AuthenticationProperties: {} },
    {
      dataSource: DATA_SOURCE,
      authenticationKind: 'Windows',
      privacySetting: 'None',
      permissions: [],
    },
  ],
  [
    'Windows (an account)',
    {
      AuthenticationKind: 'Windows',
      AuthenticationProperties: { Username: 'DOMAIN\\me', Password: SECRET },
    },
    {
      dataSource: DATA_SOURCE,
      authenticationKind: 'Windows',
      username: 'DOMAIN\\me',
      password: SECRET,
      privacySetting: 'None',
      permissions: [],
    },
  ],
  [
    'OAuth',
    {
      AuthenticationKind: 'OAuth',
      AuthenticationProperties: {
        access_token: SECRET,
        refresh_token: 'refresh-1',
        token_type: 'Bearer',
        scope: 'read write',
        expires_in: '3600',
        id_token: 'id-1',
      },
      PrivacySetting: 'None',
      Permissions: [],
    },
    {
      dataSource: DATA_SOURCE,
      authenticationKind: 'OAuth',
      token: {
        accessToken: SECRET,
        refreshToken: 'refresh-1',
        tokenType: 'Bearer',
        scope: 'read write',
        expiresIn: 3600,
        obtainedAt: NOW.toISOString(),
        properties: { id_token: 'id-1' },
      },
      privacySetting: 'None',
      permissions: [],
    },
  ],
  [
    'Aad',
    {
      AuthenticationKind: 'Aad',
      AuthenticationProperties: {
        access_token: SECRET,
        expires: '2024-01-31T15:05:00+01:00',
        Properties: { refresh_token: 'refresh-2', tenant: 'contoso' },
      },
    },
    {
      dataSource: DATA_SOURCE,
      authenticationKind: 'Aad',
      token: {
        accessToken: SECRET,
        refreshToken: 'refresh-2',
        expires: '2024-01-31T14:05:00.000Z',
        obtainedAt: NOW.toISOString(),
        properties: { tenant: 'contoso' },
      },
      privacySetting: 'None',
      permissions: [],
    },
  ],
];

describe('parseSetCredentialInput', () => {
  it.each(EVERY_KIND)('reads a %s credential', (_kind, input, expected) => {
    expect(parsed(input)).toEqual(expected);
  });

  it.each(EVERY_KIND)(
    'round-trips a %s credential through credentialToJson',
    (_kind, input, expected) => {
      const json = credentialToJson(parsed(input));
      expect(json.DataSource).toEqual(DATA_SOURCE);
      const again = parseCredentialJson(JSON.parse(JSON.stringify(json)), {
        now: new Date('2030-01-01T00:00:00Z'),
      });
      expect(again).toEqual({ ok: true, value: expected });
    },
  );

  it('reads authentication kinds in any case, and the aliases Implicit and OAuth2', () => {
    expect(
      parsed({
        AuthenticationKind: 'usernamepassword',
        AuthenticationProperties: { Username: 'a', Password: 'b' },
      }).authenticationKind,
    ).toBe('UsernamePassword');
    expect(parsed({ AuthenticationKind: 'Implicit' }).authenticationKind).toBe('Anonymous');
    expect(
      parsed({ AuthenticationKind: 'OAuth2', AuthenticationProperties: { access_token: 'x' } })
        .authenticationKind,
    ).toBe('OAuth');
    expect(
      parsed({ AuthenticationKind: 'AAD', AuthenticationProperties: { access_token: 'x' } })
        .authenticationKind,
    ).toBe('Aad');
  });

  it('defaults PrivacySetting to None and Permissions to [], and reads a privacy level in any case', () => {
    const credential = parsed({ AuthenticationKind: 'Anonymous', PrivacySetting: 'public' });
    expect(credential.privacySetting).toBe('Public');
    expect(credential.permissions).toEqual([]);
  });

  it('ignores a byte order mark', () => {
    const result = parseSetCredentialInput('\uFEFF{"AuthenticationKind":"Anonymous"}', {
      dataSource: DATA_SOURCE,
    });
    expect(result.ok).toBe(true);
  });

  it('takes the data source from the JSON when none is given otherwise', () => {
    const result = parseSetCredentialInput(
      JSON.stringify({ DataSource: { kind: 'K', path: 'K' }, AuthenticationKind: 'Anonymous' }),
    );
    expect(result.ok && result.value.dataSource).toEqual({ kind: 'K', path: 'K' });
  });

  it('accepts a DataSource that names the given data source in another spelling', () => {
    const result = parseSetCredentialInput(
      JSON.stringify({
        DataSource: { kind: 'MyConnector', path: 'HTTPS://API.example.com/v1/' },
        AuthenticationKind: 'Anonymous',
      }),
      { dataSource: DATA_SOURCE },
    );
    expect(result.ok && result.value.dataSource).toEqual(DATA_SOURCE);
  });

  it('makes Windows the current user with automaticCredential, and Anonymous too', () => {
    expect(automaticCredential(DATA_SOURCE, 'Windows')).toEqual(
      parsed({ AuthenticationKind: 'Windows' }),
    );
    expect(automaticCredential(DATA_SOURCE, 'Anonymous')).toEqual(
      parsed({ AuthenticationKind: 'Anonymous' }),
    );
  });
});

describe('parseSetCredentialInput problems', () => {
  it.each<[string, unknown, string[]]>([
    [
      'empty input',
      '  \n',
      ['$: is empty; pipe the JSON of credential-template into set-credential'],
    ],
    [
      'a syntax error, located',
      '{\n  "AuthenticationKind": "Key",\n  "AuthenticationProperties": { "Key": S3cret }\n}',
      ['$: is not valid JSON (line 3, column 40)'],
    ],
    [
      'a trailing comma, located',
      '{"AuthenticationKind": "Anonymous",}',
      ['$: is not valid JSON (line 1, column 36)'],
    ],
    ['JSON that is not an object', '["Anonymous"]', ['$: must be a JSON object, not an array']],
    [
      'an unknown field with a near name',
      { AuthenticationKind: 'Anonymous', privacysetting: 'None' },
      ['$.privacysetting: is not a field; did you mean PrivacySetting?'],
    ],
    [
      'an unknown field',
      { AuthenticationKind: 'Anonymous', Extra: 1 },
      [
        '$.Extra: is not a field; expected DataSource, AuthenticationKind, AuthenticationProperties, PrivacySetting, Permissions',
      ],
    ],
    [
      'a missing authentication kind',
      { AuthenticationProperties: {} },
      [
        '$.AuthenticationKind: is missing; use one of Anonymous, OAuth, Aad, UsernamePassword, Windows, Key',
      ],
    ],
    [
      'an unknown authentication kind',
      { AuthenticationKind: 'Basic' },
      [
        '$.AuthenticationKind: "Basic" is no authentication kind; use one of Anonymous, OAuth, Aad, UsernamePassword, Windows, Key',
      ],
    ],
    [
      'an authentication kind of the wrong type',
      { AuthenticationKind: 3 },
      ['$.AuthenticationKind: must be a string, not a number'],
    ],
    [
      'properties of the wrong type',
      { AuthenticationKind: 'Key', AuthenticationProperties: [SECRET] },
      ['$.AuthenticationProperties: must be an object, not an array'],
    ],
    [
      'a missing key',
      { AuthenticationKind: 'Key', AuthenticationProperties: {} },
      ['$.AuthenticationProperties.Key: is missing; a Key credential requires it'],
    ],
    [
      'an empty key',
      { AuthenticationKind: 'Key', AuthenticationProperties: { Key: '' } },
      ['$.AuthenticationProperties.Key: is empty'],
    ],
    [
      'a missing password',
      { AuthenticationKind: 'UsernamePassword', AuthenticationProperties: { Username: 'me' } },
      [
        '$.AuthenticationProperties.Password: is missing; a UsernamePassword credential requires it',
      ],
    ],
    [
      'a password of the wrong type',
      {
        AuthenticationKind: 'UsernamePassword',
        AuthenticationProperties: { Username: 'me', Password: 12345 },
      },
      ['$.AuthenticationProperties.Password: must be a string, not a number'],
    ],
    [
      'a misspelt property',
      {
        AuthenticationKind: 'UsernamePassword',
        AuthenticationProperties: { UserName: 'me', Password: SECRET },
      },
      [
        '$.AuthenticationProperties.UserName: is not a field of a UsernamePassword credential; did you mean Username?',
        '$.AuthenticationProperties.Username: is missing; a UsernamePassword credential requires it',
      ],
    ],
    [
      'a property of another kind',
      { AuthenticationKind: 'Key', AuthenticationProperties: { Key: SECRET, Password: SECRET } },
      [
        '$.AuthenticationProperties.Password: is not a field of a Key credential; expected Key, EncryptConnection',
      ],
    ],
    [
      'a property on Anonymous',
      { AuthenticationKind: 'Anonymous', AuthenticationProperties: { Key: SECRET } },
      [
        '$.AuthenticationProperties.Key: is not a field of an Anonymous credential; expected EncryptConnection',
      ],
    ],
    [
      'a Windows account without its password',
      { AuthenticationKind: 'Windows', AuthenticationProperties: { Username: 'me' } },
      ['$.AuthenticationProperties.Password: is missing; a Windows credential requires it'],
    ],
    [
      'a placeholder left in',
      {
        AuthenticationKind: 'UsernamePassword',
        AuthenticationProperties: { Username: 'me', Password: '$$PASSWORD$$' },
      },
      [
        '$.AuthenticationProperties.Password: still holds the template placeholder $$PASSWORD$$; replace it with the real value',
      ],
    ],
    [
      'an unknown privacy level',
      { AuthenticationKind: 'Anonymous', PrivacySetting: 'Secret' },
      [
        '$.PrivacySetting: "Secret" is no privacy level; use one of None, Public, Organizational, Private',
      ],
    ],
    [
      'permissions that are not an array',
      { AuthenticationKind: 'Anonymous', Permissions: {} },
      ['$.Permissions: must be an array, not an object'],
    ],
    [
      'EncryptConnection that is not a boolean',
      { AuthenticationKind: 'Anonymous', AuthenticationProperties: { EncryptConnection: 'yes' } },
      ['$.AuthenticationProperties.EncryptConnection: must be true or false, not a string'],
    ],
    [
      'a missing access token',
      { AuthenticationKind: 'OAuth', AuthenticationProperties: { refresh_token: SECRET } },
      ['$.AuthenticationProperties.access_token: is missing'],
    ],
    [
      'an access token of the wrong type',
      {
        AuthenticationKind: 'OAuth',
        AuthenticationProperties: { access_token: { value: SECRET } },
      },
      ['$.AuthenticationProperties.access_token: must be a string, not an object'],
    ],
    [
      'a negative lifetime',
      {
        AuthenticationKind: 'OAuth',
        AuthenticationProperties: { access_token: SECRET, expires_in: -5 },
      },
      ['$.AuthenticationProperties.expires_in: must be a non-negative number of seconds'],
    ],
    [
      'an expiry without a zone',
      {
        AuthenticationKind: 'OAuth',
        AuthenticationProperties: { access_token: SECRET, expires: '2024-01-31T13:05:00' },
      },
      [
        '$.AuthenticationProperties.expires: must be an ISO 8601 date-time with a zone, such as 2024-01-31T13:05:00Z',
      ],
    ],
    [
      'a refresh token given twice',
      {
        AuthenticationKind: 'Aad',
        AuthenticationProperties: {
          access_token: SECRET,
          refresh_token: SECRET,
          Properties: { refresh_token: SECRET },
        },
      },
      [
        '$.AuthenticationProperties.Properties.refresh_token: is also given as $.AuthenticationProperties.refresh_token; give it once',
      ],
    ],
    [
      'a DataSource of the wrong shape',
      { DataSource: { kind: '', path: 3 }, AuthenticationKind: 'Anonymous' },
      [
        '$.DataSource.kind: must be a non-empty string',
        '$.DataSource.path: must be a non-empty string',
      ],
    ],
    [
      'a DataSource that disagrees with the command',
      {
        DataSource: { kind: 'MyConnector', path: 'https://api.example.com/v2' },
        AuthenticationKind: 'Anonymous',
      },
      [
        '$.DataSource: names another data source than the one given with the command; remove it or make them agree',
      ],
    ],
  ])('reports %s', (_case, input, expected) => {
    const problems = problemsOf(input);
    expect(problems).toEqual(expected);
    for (const problem of problems) expect(problem).not.toContain(SECRET);
  });

  it('reports a missing data source when none is given at all', () => {
    expect(problemsOf({ AuthenticationKind: 'Anonymous' }, { now: NOW })).toEqual([
      '$.DataSource: is missing, and no data source was given otherwise (a kind and a path)',
    ]);
  });

  it('never echoes the input of a syntax error, even where JSON.parse would', () => {
    const text = `{"AuthenticationKind": "Key", "AuthenticationProperties": {"Key": ${SECRET}}}`;
    expect(() => JSON.parse(text) as unknown).toThrow(SECRET.slice(0, 6));
    expect(problemsOf(text).join('\n')).not.toContain(SECRET.slice(0, 6));
  });

  it('reports every problem, not only the first', () => {
    expect(
      problemsOf({ AuthenticationKind: 'Key', PrivacySetting: 1, Permissions: 'all', Other: true }),
    ).toHaveLength(4);
  });
});

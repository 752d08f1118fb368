import { describe, expect, it } from 'vitest';
import { parseAuthenticationKind, selectAuthenticationKind } from './authentication-kind.js';
import { formatCredentialInputProblem } from './input-problems.js';
import type { AuthenticationKind } from './types.js';

describe('parseAuthenticationKind', () => {
  it.each([
    ['Anonymous', 'Anonymous'],
    ['windows', 'Windows'],
    [' USERNAMEPASSWORD ', 'UsernamePassword'],
    ['aad', 'Aad'],
    ['Implicit', 'Anonymous'],
    ['OAuth2', 'OAuth'],
    ['Basic', undefined],
    ['', undefined],
  ])('reads %j as %s', (name, kind) => {
    expect(parseAuthenticationKind(name)).toBe(kind);
  });
});

describe('selectAuthenticationKind', () => {
  const select = (supported: AuthenticationKind[], requested?: string): string => {
    const result = selectAuthenticationKind(supported, requested);
    return result.ok ? result.value : result.problems.map(formatCredentialInputProblem).join('\n');
  };

  it.each<[AuthenticationKind[], string | undefined, string]>([
    [['Key'], undefined, 'Key'],
    [['Key', 'OAuth'], 'oauth', 'OAuth'],
    [
      ['Key', 'OAuth'],
      undefined,
      '--authenticationKind: is required: the data source supports Key, OAuth',
    ],
    [
      ['Key'],
      'Windows',
      '--authenticationKind: Windows is not supported by the data source; use Key',
    ],
    [
      ['Key'],
      'Basic',
      '--authenticationKind: names no authentication kind; use one of Anonymous, OAuth, Aad, UsernamePassword, Windows, Key',
    ],
    [[], undefined, '--authenticationKind: the data source declares no authentication kind'],
  ])('chooses from %j with %j: %s', (supported, requested, outcome) => {
    expect(select(supported, requested)).toBe(outcome);
  });
});

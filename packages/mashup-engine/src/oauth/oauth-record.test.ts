import { Engine, FunctionValue, MError, STANDARD_LIBRARY, strip } from '@pqsdk/m-evaluator';
import { describe, expect, it } from 'vitest';
import {
  invokeOAuthFunction,
  readOAuthRecord,
  signatureForm,
  type OAuthFunctionName,
} from './oauth-record.js';

const engine = new Engine({ library: STANDARD_LIBRARY });

function fn(text: string): FunctionValue {
  const value = strip(engine.evaluate(text));
  if (!(value instanceof FunctionValue)) throw new Error(`${text} is not a function`);
  return value;
}

describe('signatureForm', () => {
  it.each<[OAuthFunctionName, string, 'original' | 'advanced']>([
    ['StartLogin', '(dataSourcePath, state, display) => 0', 'original'],
    ['StartLogin', '(clientApplication, dataSourcePath, state, display) => 0', 'advanced'],
    ['FinishLogin', '(context, callbackUri, state) => 0', 'original'],
    ['FinishLogin', '(app, path, context, callbackUri, state) => 0', 'advanced'],
    ['Refresh', '(dataSourcePath, refreshToken) => 0', 'original'],
    ['Refresh', '(app, dataSourcePath, oldCredential as record) => 0', 'advanced'],
    ['Logout', '(accessToken) => 0', 'original'],
    ['Logout', '(app, path, accessToken) => 0', 'advanced'],
    // Not an exact count: the form the function accepts, the original first.
    ['StartLogin', '(a, b, c, optional d, optional e) => 0', 'original'],
    ['FinishLogin', '(a, b, c, d, optional e, optional f) => 0', 'advanced'],
    ['Refresh', '(a, optional b, optional c, optional d) => 0', 'original'],
  ])('%s %s is the %s signature', (name, text, form) => {
    expect(signatureForm(fn(text), name)).toBe(form);
  });

  it('names both signatures when neither fits', () => {
    expect(() => signatureForm(fn('(a, b) => 0'), 'FinishLogin')).toThrow(
      'The OAuth FinishLogin function takes 2 parameters; it must take 3 (context, callbackUri, state) or 5 (clientApplication, dataSourcePath, context, callbackUri, state).',
    );
  });

  it('passes an empty clientApplication record first in the advanced form', () => {
    const ctx = engine.createContext();
    const describe = fn(
      '(v) => Text.From(Record.FieldCount(v[App])) & "|" & v[Path] & "|" & v[State]',
    );
    const advanced = fn('(app, path, state, display) => [App = app, Path = path, State = state]');
    const original = fn('(path, state, display) => [App = [x = 1], Path = path, State = state]');
    for (const [start, expected] of [
      [advanced, '0|p|s'],
      [original, '1|p|s'],
    ] as const) {
      const value = invokeOAuthFunction(
        ctx,
        start,
        'StartLogin',
        ['p', 's', null],
        ['p', 's', null],
      );
      expect(describe.invoke(ctx, [value])).toBe(expected);
    }
  });
});

describe('readOAuthRecord', () => {
  const section = (authentication: string): ReturnType<Engine['loadSection']> =>
    engine.loadSection(`section S; K = [Authentication = ${authentication}];`);

  it('reads the functions and the label', () => {
    const ctx = engine.createContext();
    const record = readOAuthRecord(
      ctx,
      section(
        '[OAuth = [StartLogin = (a, b, c) => 1, FinishLogin = (a, b, c) => 2, Refresh = (a, b) => 3, Label = "Acme"]]',
      ),
      'K',
    );
    expect(record).toMatchObject({ kind: 'K', label: 'Acme' });
    expect(record?.refresh).toBeInstanceOf(FunctionValue);
    expect(record?.logout).toBeUndefined();
  });

  it('is undefined for a kind without OAuth', () => {
    const ctx = engine.createContext();
    expect(readOAuthRecord(ctx, section('[Anonymous = []]'), 'K')).toBeUndefined();
  });

  it.each([
    ['[OAuth = [StartLogin = (a, b, c) => 1]]', 'needs the functions StartLogin and FinishLogin'],
    ['[OAuth = "yes"]', 'The OAuth authentication of K must be a record.'],
    [
      '[OAuth = [StartLogin = 1, FinishLogin = (a, b, c) => 2]]',
      'The StartLogin field of the OAuth record of K must be a function.',
    ],
  ])('refuses %s', (authentication, message) => {
    const ctx = engine.createContext();
    expect(() => readOAuthRecord(ctx, section(authentication), 'K')).toThrow(message);
    try {
      readOAuthRecord(ctx, section(authentication), 'K');
    } catch (error) {
      expect(error).toBeInstanceOf(MError);
    }
  });

  it('refuses a kind without a data source record', () => {
    const ctx = engine.createContext();
    expect(() => readOAuthRecord(ctx, section('[]'), 'Other')).toThrow(
      "The data source kind 'Other' has no data source record in section S.",
    );
  });
});

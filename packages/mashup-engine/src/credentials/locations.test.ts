import { describe, expect, it } from 'vitest';
import { defaultCredentialsFolder, resolveCredentialsLocation } from './locations.js';

describe('defaultCredentialsFolder', () => {
  it.each<[NodeJS.Platform, Record<string, string>, string, string]>([
    ['linux', {}, '/home/me', '/home/me/.config/pqsdk'],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/me', '/xdg/pqsdk'],
    ['linux', { XDG_CONFIG_HOME: 'relative/xdg' }, '/home/me', '/home/me/.config/pqsdk'],
    ['freebsd', { XDG_CONFIG_HOME: '' }, '/home/me', '/home/me/.config/pqsdk'],
    [
      'darwin',
      { XDG_CONFIG_HOME: '/xdg' },
      '/Users/me',
      '/Users/me/Library/Application Support/pqsdk',
    ],
    [
      'win32',
      { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' },
      'C:\\Users\\me',
      'C:\\Users\\me\\AppData\\Roaming\\pqsdk',
    ],
    ['win32', {}, 'C:\\Users\\me', 'C:\\Users\\me\\AppData\\Roaming\\pqsdk'],
  ])('on %s with %j and home %s is %s', (platform, env, homedir, folder) => {
    expect(defaultCredentialsFolder({ platform, env, homedir })).toBe(folder);
  });
});

describe('resolveCredentialsLocation', () => {
  const base = { platform: 'linux' as const, homedir: '/home/me', cwd: '/work' };

  it('defaults to credentials.json in the configuration folder, with its key beside it', () => {
    expect(resolveCredentialsLocation({ ...base, env: {} })).toEqual({
      file: '/home/me/.config/pqsdk/credentials.json',
      keyFile: '/home/me/.config/pqsdk/credentials.json.key',
      source: 'default',
    });
  });

  it('takes PQSDK_CREDENTIALS_FILE over the default, resolved from the working folder', () => {
    expect(
      resolveCredentialsLocation({ ...base, env: { PQSDK_CREDENTIALS_FILE: 'ci/creds.json' } }),
    ).toEqual({
      file: '/work/ci/creds.json',
      keyFile: '/work/ci/creds.json.key',
      source: 'environment',
    });
  });

  it('takes --credentials-file over the environment', () => {
    expect(
      resolveCredentialsLocation({
        ...base,
        credentialsFile: '/tmp/x.json',
        env: { PQSDK_CREDENTIALS_FILE: '/ignored.json' },
      }),
    ).toMatchObject({ file: '/tmp/x.json', source: 'option' });
  });

  it('takes the key file from the option, then PQSDK_CREDENTIALS_KEY_FILE', () => {
    const env = { PQSDK_CREDENTIALS_KEY_FILE: '/keys/env.key' };
    expect(resolveCredentialsLocation({ ...base, env }).keyFile).toBe('/keys/env.key');
    expect(resolveCredentialsLocation({ ...base, env, keyFile: 'own.key' }).keyFile).toBe(
      '/work/own.key',
    );
  });

  it('uses Windows paths on Windows', () => {
    expect(
      resolveCredentialsLocation({
        platform: 'win32',
        homedir: 'C:\\Users\\me',
        cwd: 'C:\\work',
        env: { APPDATA: 'D:\\Roaming' },
      }),
    ).toEqual({
      file: 'D:\\Roaming\\pqsdk\\credentials.json',
      keyFile: 'D:\\Roaming\\pqsdk\\credentials.json.key',
      source: 'default',
    });
  });
});

import { EventEmitter } from 'node:events';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserCommand, openBrowser, type Spawn } from './open-browser.js';

interface Started {
  readonly command: string;
  readonly args: readonly string[];
  readonly options: SpawnOptions;
  unref: boolean;
}

/** A spawn that records what it was asked and then emits `outcome`. */
function fakeSpawn(outcome: 'spawn' | 'error' | 'throw'): { spawn: Spawn; started: Started[] } {
  const started: Started[] = [];
  const spawn: Spawn = (command, args, options) => {
    if (outcome === 'throw') throw new Error('spawn EPERM');
    const record: Started = { command, args, options, unref: false };
    started.push(record);
    const child = Object.assign(new EventEmitter(), {
      unref: () => {
        record.unref = true;
      },
    });
    setImmediate(() => {
      if (outcome === 'spawn') child.emit('spawn');
      else
        child.emit('error', Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' }));
    });
    return child as unknown as ChildProcess;
  };
  return { spawn, started };
}

describe('browserCommand', () => {
  const url = 'https://login.example/authorize?client_id=a&state=b%20c&x=^|<>';

  it.each<[NodeJS.Platform, string, readonly string[]]>([
    ['darwin', 'open', [url]],
    ['linux', 'xdg-open', [url]],
    ['freebsd', 'xdg-open', [url]],
    [
      'win32',
      'cmd',
      [
        '/d',
        '/s',
        '/c',
        'start "" https://login.example/authorize?client_id=a^&state=b%20c^&x=^^^|^<^>',
      ],
    ],
  ])('on %s runs %s', (platform, command, args) => {
    expect(browserCommand(url, platform)).toMatchObject({ command, args });
  });
});

describe('openBrowser', () => {
  it('starts the command detached, without a console, and lets it go', async () => {
    const { spawn, started } = fakeSpawn('spawn');
    expect(await openBrowser('https://login.example/a?b=1', { platform: 'linux', spawn })).toBe(
      true,
    );
    expect(started).toEqual([
      {
        command: 'xdg-open',
        args: ['https://login.example/a?b=1'],
        options: { detached: true, stdio: 'ignore', windowsHide: true },
        unref: true,
      },
    ]);
  });

  it('passes the cmd line verbatim on Windows', async () => {
    const { spawn, started } = fakeSpawn('spawn');
    expect(await openBrowser('http://127.0.0.1:1/x', { platform: 'win32', spawn })).toBe(true);
    expect(started[0]?.options).toMatchObject({ windowsVerbatimArguments: true });
  });

  it('is false when there is no such command, or it cannot start', async () => {
    expect(await openBrowser('https://a.example/', { spawn: fakeSpawn('error').spawn })).toBe(
      false,
    );
    expect(await openBrowser('https://a.example/', { spawn: fakeSpawn('throw').spawn })).toBe(
      false,
    );
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'ftp://a.example/'])(
    'opens nothing for %s',
    async (url) => {
      const { spawn, started } = fakeSpawn('spawn');
      expect(await openBrowser(url, { spawn })).toBe(false);
      expect(started).toEqual([]);
    },
  );
});

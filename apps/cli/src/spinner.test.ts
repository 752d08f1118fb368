import { describe, expect, it } from 'vitest';
import { steppingClock } from '../test/cli-harness.js';
import { formatElapsed, Spinner } from './spinner.js';

function recorder(): { written: string[]; write: (text: string) => void } {
  const written: string[] = [];
  return { written, write: (text) => written.push(text) };
}

describe('Spinner', () => {
  it('draws nothing while the work is younger than the delay', () => {
    const { written, write } = recorder();
    const spinner = new Spinner(write, { now: steppingClock(10), delayMs: 150 });
    for (let i = 0; i < 10; i++) spinner.update('working');
    spinner.stop();
    expect(written).toEqual([]);
  });

  it('draws the frame, the label and the elapsed time in place, at most once per frame', () => {
    const { written, write } = recorder();
    const spinner = new Spinner(write, { now: steppingClock(50), delayMs: 100, frameMs: 80 });
    for (let i = 1; i <= 6; i++) spinner.update(`${String(i)} files`);
    expect(written).toEqual([
      '\r\u001b[2K⠋ 2 files (0.1s)',
      '\r\u001b[2K⠙ 4 files (0.2s)',
      '\r\u001b[2K⠹ 6 files (0.3s)',
    ]);
  });

  it('erases its line on clear and stop, only when drawn, and draws nothing after stop', () => {
    const { written, write } = recorder();
    const spinner = new Spinner(write, { now: steppingClock(100), delayMs: 0, frameMs: 0 });
    spinner.clear();
    expect(written).toEqual([]);
    spinner.update('a');
    spinner.clear();
    spinner.clear();
    spinner.update('b');
    spinner.stop();
    spinner.update('c');
    spinner.stop();
    expect(written).toEqual([
      '\r\u001b[2K⠋ a (0.1s)',
      '\r\u001b[2K',
      '\r\u001b[2K⠙ b (0.2s)',
      '\r\u001b[2K',
    ]);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0.0s'],
    [449, '0.4s'],
    [12_000, '12.0s'],
    [59_940, '59.9s'],
    [60_000, '1m00s'],
    [125_400, '2m05s'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

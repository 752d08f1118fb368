import { describe, expect, it } from 'vitest';
import {
  MAX_RETRY_DELAY_MS,
  MIN_RETRY_DELAY_MS,
  parseRetryAfter,
  retryDelayMs,
} from './retry-delay.js';
import { statusAction } from './status-handling.js';

const NOW = Date.parse('2024-01-31T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string | null, boolean, number | undefined]>([
    [null, false, undefined],
    ['5', false, 5000],
    [' 0 ', false, 0],
    ['1.5', false, 1500],
    ['soon', true, undefined],
    ['-3', false, undefined],
    ['Wed, 31 Jan 2024 12:00:30 GMT', false, undefined],
    ['Wed, 31 Jan 2024 12:00:30 GMT', true, 30_000],
    ['Wed, 31 Jan 2024 11:00:00 GMT', true, 0],
  ])('reads %j (dates %s) as %j', (value, dates, expected) => {
    expect(parseRetryAfter(value, NOW, dates)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially from the base delay', () => {
    expect([1, 2, 3].map((retry) => retryDelayMs(retry, undefined))).toEqual([1000, 2000, 4000]);
    expect([1, 2, 3].map((retry) => retryDelayMs(retry, undefined, 100))).toEqual([500, 500, 500]);
  });

  it('waits what Retry-After says, kept within 0.5 s and 120 s', () => {
    expect(retryDelayMs(1, 3000)).toBe(3000);
    expect(retryDelayMs(1, 0)).toBe(MIN_RETRY_DELAY_MS);
    expect(retryDelayMs(3, 600_000)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe('statusAction', () => {
  it.each<[number, readonly number[], string]>([
    [200, [], 'return'],
    [204, [], 'return'],
    [304, [], 'return'],
    ...[408, 429, 503, 504, 509].map((status): [number, number[], string] => [status, [], 'retry']),
    ...[300, 301, 302, 303, 307, 308].map((status): [number, number[], string] => [
      status,
      [],
      'redirect',
    ]),
    [401, [], 'credential'],
    [403, [], 'credential'],
    [400, [], 'status'],
    [404, [], 'status'],
    [500, [], 'status'],
    [502, [], 'status'],
    [404, [404], 'return'],
    [401, [401, 403], 'return'],
    [503, [503], 'return'],
    [302, [302], 'return'],
  ])('handles %i (manual %j) as %s', (status, manual, action) => {
    expect(statusAction(status, manual)).toBe(action);
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import {
  evaluationOptions,
  readClock,
  readCulture,
  readEvalSettings,
  readSeed,
} from './eval-options.js';

const NO_OPTIONS = {
  'timeout-ms': undefined,
  now: undefined,
  seed: undefined,
  culture: undefined,
  multiline: false,
} as const;

describe('readClock', () => {
  it.each([
    ['2024-01-31', Date.UTC(2024, 0, 31), 0],
    ['2024-01-31T13:05', Date.UTC(2024, 0, 31, 13, 5), 0],
    ['2024-01-31T13:05:09', Date.UTC(2024, 0, 31, 13, 5, 9), 0],
    ['2024-01-31 13:05:09.5', Date.UTC(2024, 0, 31, 13, 5, 9, 500), 0],
    ['2024-01-31t13:05:09.123z', Date.UTC(2024, 0, 31, 13, 5, 9, 123), 0],
    ['2024-01-31T13:05:00Z', Date.UTC(2024, 0, 31, 13, 5), 0],
    ['2024-01-31T01:05:00+02:00', Date.UTC(2024, 0, 30, 23, 5), 120],
    ['2024-01-31T23:05:00-05:30', Date.UTC(2024, 1, 1, 4, 35), -330],
    ['2024-02-29T00:00:00+14:00', Date.UTC(2024, 1, 28, 10), 840],
    ['0099-12-31T00:00:00Z', Date.parse('0099-12-31T00:00:00Z'), 0],
    ['9999-12-31T23:59:59.999Z', Date.parse('9999-12-31T23:59:59.999Z'), 0],
  ])('reads %s', (text, utcMs, offset) => {
    const clock = readClock(text);
    expect(clock.now.getTime()).toBe(utcMs);
    expect(clock.timeZoneOffsetMinutes).toBe(offset);
  });

  it.each([
    'now',
    '',
    '2024-1-31',
    '2024-01-31T13',
    '2023-02-29',
    '2024-13-01',
    '2024-04-31',
    '0000-01-01',
    '2024-01-31T24:00:00',
    '2024-01-31T13:60:00',
    '2024-01-31T13:05:60',
    '2024-01-31T13:05:00.1234',
    '2024-01-31T13:05:00+15:00',
    '2024-01-31T13:05:00+02:60',
    '2024-01-31T13:05:00+0200',
    '2024-01-31Z',
    '1706706300000',
  ])('rejects %j with a usage error', (text) => {
    expect(() => readClock(text)).toThrow(UsageError);
  });
});

describe('readSeed', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['4294967295', 4_294_967_295],
  ])('reads %s', (text, seed) => {
    expect(readSeed(text)).toBe(seed);
  });

  it.each(['', 'x', '-1', '1.5', '1e3', '4294967296', '0x10'])('rejects %j', (text) => {
    expect(() => readSeed(text)).toThrow(UsageError);
  });
});

describe('readCulture', () => {
  it.each([
    ['en-US', 'en-US'],
    ['de-de', 'de-DE'],
    ['fr', 'fr'],
    ['zh-hant-tw', 'zh-Hant-TW'],
  ])('reads %s as %s', (text, culture) => {
    expect(readCulture(text)).toBe(culture);
  });

  it.each(['', 'en_US', 'not a culture', '12'])('rejects %j', (text) => {
    expect(() => readCulture(text)).toThrow(UsageError);
  });
});

describe('readEvalSettings', () => {
  it('has no time limit, no clock, no seed and en-US by default', () => {
    expect(readEvalSettings(NO_OPTIONS, undefined)).toEqual({
      timeoutMs: undefined,
      clock: undefined,
      seed: undefined,
      culture: 'en-US',
      multiline: false,
    });
  });

  it('uses the default time limit unless --timeout-ms is given; 0 is no limit', () => {
    expect(readEvalSettings(NO_OPTIONS, 10_000).timeoutMs).toBe(10_000);
    expect(readEvalSettings({ ...NO_OPTIONS, 'timeout-ms': '25' }, 10_000).timeoutMs).toBe(25);
    expect(readEvalSettings({ ...NO_OPTIONS, 'timeout-ms': '0' }, 10_000).timeoutMs).toBe(
      undefined,
    );
  });

  it.each(['-5', 'soon', '1.5', '99999999999999999999'])(
    'rejects --timeout-ms %j with a usage error',
    (text) => {
      expect(() => readEvalSettings({ ...NO_OPTIONS, 'timeout-ms': text }, undefined)).toThrow(
        UsageError,
      );
    },
  );
});

describe('evaluationOptions', () => {
  it('passes the settings through, with the clock of --now', () => {
    const settings = readEvalSettings(
      {
        'timeout-ms': '100',
        now: '2024-01-31T13:05:00+01:00',
        seed: '5',
        culture: 'nl-NL',
        multiline: true,
      },
      undefined,
    );
    expect(evaluationOptions(settings)).toEqual({
      culture: 'nl-NL',
      timeoutMs: 100,
      seed: 5,
      now: new Date(Date.UTC(2024, 0, 31, 12, 5)),
      timeZoneOffsetMinutes: 60,
    });
  });

  it('reads the system clock and time zone for each evaluation without --now', () => {
    const before = Date.now();
    const options = evaluationOptions(readEvalSettings(NO_OPTIONS, undefined));
    expect(Object.keys(options).sort()).toEqual(['culture', 'now', 'timeZoneOffsetMinutes']);
    expect(options.now!.getTime()).toBeGreaterThanOrEqual(before);
    expect(options.timeZoneOffsetMinutes).toBe(-new Date().getTimezoneOffset() || 0);
  });
});

import type { EvaluationOptions } from '@pqsdk/m-evaluator';
import { UsageError } from '../usage-error.js';

/** The clock of `--now`: an instant, and the offset of the local time it was written in. */
export interface EvalClock {
  readonly now: Date;
  /** Minutes east of UTC: 0 for `Z` or no offset, 120 for `+02:00`. */
  readonly timeZoneOffsetMinutes: number;
}

/** What `pqsdk eval` was asked to evaluate with, read and checked from its options. */
export interface EvalSettings {
  /** Stop each evaluation after this many milliseconds; undefined: no limit. */
  readonly timeoutMs: number | undefined;
  /** The fixed clock of `--now`; undefined: the system clock and time zone. */
  readonly clock: EvalClock | undefined;
  readonly seed: number | undefined;
  /** The canonical culture name, such as `de-DE`. */
  readonly culture: string;
  readonly multiline: boolean;
}

/** The option values `pqsdk eval` reads its settings from, as typed on the command line. */
export interface RawEvalOptions {
  readonly 'timeout-ms': string | undefined;
  readonly now: string | undefined;
  readonly seed: string | undefined;
  readonly culture: string | undefined;
  readonly multiline: boolean;
}

/** The per-request time limit of `--jsonl` when `--timeout-ms` is not given. */
export const JSONL_DEFAULT_TIMEOUT_MS = 10_000;

/** The culture when `--culture` is not given. */
export const DEFAULT_CULTURE = 'en-US';

const MAX_SEED = 0xffff_ffff;
const HELP_COMMAND = 'pqsdk eval --help';

/**
 * Reads and checks the evaluation options of `pqsdk eval`.
 *
 * @param defaultTimeoutMs - The limit when `--timeout-ms` is not given (undefined: none).
 * @param helpCommand - What the messages suggest, such as `pqsdk run-test --help`.
 * @throws {@link UsageError} for a value that cannot be read.
 */
export function readEvalSettings(
  options: RawEvalOptions,
  defaultTimeoutMs: number | undefined,
  helpCommand: string = HELP_COMMAND,
): EvalSettings {
  const timeout = options['timeout-ms'];
  let timeoutMs = defaultTimeoutMs;
  if (timeout !== undefined) {
    const value = wholeNumber(timeout);
    if (value === undefined) {
      throw badValue(
        '--timeout-ms',
        'a whole number of milliseconds (0 for no limit)',
        timeout,
        helpCommand,
      );
    }
    timeoutMs = value === 0 ? undefined : value;
  }
  return {
    timeoutMs,
    clock: options.now === undefined ? undefined : readClock(options.now, helpCommand),
    seed: options.seed === undefined ? undefined : readSeed(options.seed, helpCommand),
    culture:
      options.culture === undefined ? DEFAULT_CULTURE : readCulture(options.culture, helpCommand),
    multiline: options.multiline,
  };
}

/**
 * The options of one evaluation. Without `--now` the clock is the system's, in the system's time
 * zone, read when the evaluation starts.
 */
export function evaluationOptions(settings: EvalSettings): EvaluationOptions {
  return {
    culture: settings.culture,
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    ...(settings.clock === undefined
      ? systemClock()
      : { now: settings.clock.now, timeZoneOffsetMinutes: settings.clock.timeZoneOffsetMinutes }),
  };
}

function systemClock(): { now: Date; timeZoneOffsetMinutes: number } {
  const now = new Date();
  // getTimezoneOffset is minutes west of UTC; the evaluator counts east. `|| 0` avoids -0.
  return { now, timeZoneOffsetMinutes: -now.getTimezoneOffset() || 0 };
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads the `--now` value: an ISO 8601 date (`2024-01-31`, midnight), or a date and time with
 * optional seconds and milliseconds, and an optional `Z` or `±HH:MM` offset. Without an offset the
 * time is UTC. With one, the instant is that local time, and the evaluation's local time zone is
 * that offset, so `DateTime.LocalNow()` returns the time as written.
 *
 * @throws {@link UsageError} for anything else, including dates that do not exist.
 */
export function readClock(text: string, helpCommand: string = HELP_COMMAND): EvalClock {
  const match = ISO_DATE_TIME.exec(text.trim());
  const invalid = (): UsageError =>
    badValue(
      '--now',
      'an ISO 8601 date and time, such as 2024-01-31T13:05:00 or 2024-01-31T13:05:00+02:00',
      text,
      helpCommand,
    );
  if (match === null) throw invalid();
  const [, year, month, day, hour, minute, second, fraction, offset] = match.map(
    (part): string | undefined => part,
  );
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour ?? 0);
  const mi = Number(minute ?? 0);
  const s = Number(second ?? 0);
  const ms = Number((fraction ?? '0').padEnd(3, '0'));
  const offsetMinutes = readOffset(offset);
  const valid =
    y >= 1 &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, mo) &&
    h <= 23 &&
    mi <= 59 &&
    s <= 59 &&
    offsetMinutes !== undefined;
  if (!valid) throw invalid();
  // Only to build the Date the evaluator takes: setUTCFullYear keeps years below 100 as written.
  const instant = new Date(0);
  instant.setUTCFullYear(y, mo - 1, d);
  instant.setUTCHours(h, mi - offsetMinutes, s, ms);
  return { now: instant, timeZoneOffsetMinutes: offsetMinutes };
}

/** Minutes east of UTC for `Z`, `+02:00`, `-05:30` or no offset; undefined when out of range. */
function readOffset(offset: string | undefined): number | undefined {
  if (offset === undefined || offset === 'Z' || offset === 'z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > 14 * 60) return undefined;
  return offset.startsWith('-') ? -total : total;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `--seed`: a whole number from 0 to 4294967295. */
export function readSeed(text: string, helpCommand: string = HELP_COMMAND): number {
  const value = wholeNumber(text);
  if (value === undefined || value > MAX_SEED) {
    throw badValue('--seed', `a whole number from 0 to ${String(MAX_SEED)}`, text, helpCommand);
  }
  return value;
}

/** Reads `--culture`: a BCP 47 language tag, returned in its canonical spelling (`de-de` → `de-DE`). */
export function readCulture(text: string, helpCommand: string = HELP_COMMAND): string {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(text.trim());
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined) {
    throw badValue('--culture', 'a culture name, such as en-US or de-DE', text, helpCommand);
  }
  return canonical;
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}

function badValue(option: string, expected: string, text: string, helpCommand: string): UsageError {
  return new UsageError(
    'PQSDK_BAD_OPTION_VALUE',
    `option "${option}" takes ${expected}, not ${JSON.stringify(text)}; run ${helpCommand}`,
  );
}

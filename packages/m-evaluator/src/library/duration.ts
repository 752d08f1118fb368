import { MError } from '../errors.js';
import { RecordValue } from '../values/record.js';
import { TYPE } from '../values/type.js';
import { strip } from '../values/value.js';
import { asTextOrNull } from './arguments.js';
import { durationFrom } from './conversion.js';
import { durationFromText } from './conversion-parse.js';
import { asDuration } from './date-values.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';
import { formatDuration } from './format/duration-text.js';

/** `Duration.*`: the parts and totals of durations, conversion and formatting. */

const TICKS_PER_SECOND = 10_000_000n;
const TICKS_PER_MINUTE = 600_000_000n;
const TICKS_PER_HOUR = 36_000_000_000n;
const TICKS_PER_DAY = 864_000_000_000n;

/** A function of a nullable duration's ticks that returns a number (null stays null). */
function durationNumber(name: string, read: (ticks: bigint) => number): LibraryEntry {
  return defineFunction(
    name,
    '(duration as nullable duration) as nullable number',
    (_ctx, [duration]) => {
      const value = strip(duration);
      return value === null ? null : read(asDuration(value).ticks);
    },
  );
}

/** Whole units in a tick count, truncated toward zero (as .NET `TimeSpan` parts are). */
function whole(ticks: bigint, unit: bigint, modulo: bigint): number {
  const result = Number((ticks / unit) % modulo);
  return result === 0 ? 0 : result;
}

/** The seconds of a duration beyond its whole minutes, with their fraction and the sign. */
function secondsPart(ticks: bigint): number {
  const result = Number(ticks % TICKS_PER_MINUTE) / Number(TICKS_PER_SECOND);
  return result === 0 ? 0 : result;
}

/** A total in a unit, as a fraction. */
function total(ticks: bigint, unit: bigint): number {
  const wholeUnits = ticks / unit;
  return Number(wholeUnits) + Number(ticks - wholeUnits * unit) / Number(unit);
}

/** The `Duration` namespace. */
export const DURATION_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('Duration.Type', TYPE.duration),
  durationNumber('Duration.Days', (ticks) => whole(ticks, TICKS_PER_DAY, 1n << 62n)),
  durationNumber('Duration.Hours', (ticks) => whole(ticks, TICKS_PER_HOUR, 24n)),
  durationNumber('Duration.Minutes', (ticks) => whole(ticks, TICKS_PER_MINUTE, 60n)),
  durationNumber('Duration.Seconds', secondsPart),
  durationNumber('Duration.TotalDays', (ticks) => total(ticks, TICKS_PER_DAY)),
  durationNumber('Duration.TotalHours', (ticks) => total(ticks, TICKS_PER_HOUR)),
  durationNumber('Duration.TotalMinutes', (ticks) => total(ticks, TICKS_PER_MINUTE)),
  durationNumber('Duration.TotalSeconds', (ticks) => total(ticks, TICKS_PER_SECOND)),
  defineFunction('Duration.From', '(value as any) as nullable duration', (_ctx, [value]) =>
    durationFrom(value),
  ),
  defineFunction(
    'Duration.FromText',
    '(text as nullable text) as nullable duration',
    (_ctx, [text]) => {
      const value = asTextOrNull(text);
      return value === null ? null : durationFromText(value);
    },
  ),
  defineFunction(
    'Duration.ToText',
    '(duration as nullable duration, optional format as nullable text) as nullable text',
    (_ctx, [duration, format]) => {
      if (strip(format) !== null) {
        throw MError.expression(
          'The format parameter of Duration.ToText is not supported: it must be null.',
          format,
        );
      }
      const value = strip(duration);
      return value === null ? null : formatDuration(asDuration(value).ticks);
    },
  ),
  defineFunction('Duration.ToRecord', '(duration as duration) as record', (_ctx, [duration]) => {
    const ticks = asDuration(duration).ticks;
    return RecordValue.of([
      ['Days', whole(ticks, TICKS_PER_DAY, 1n << 62n)],
      ['Hours', whole(ticks, TICKS_PER_HOUR, 24n)],
      ['Minutes', whole(ticks, TICKS_PER_MINUTE, 60n)],
      ['Seconds', secondsPart(ticks)],
    ]);
  }),
];

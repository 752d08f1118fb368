import type { Context } from '../context.js';
import { RecordValue } from '../values/record.js';
import { DateTimeValue, DateTimeZoneValue } from '../values/temporal.js';
import { TYPE } from '../values/type.js';
import { strip } from '../values/value.js';
import { dateTimeZoneFrom } from './conversion.js';
import { dateTimeZoneFromText } from './conversion-parse.js';
import { temporalConversions } from './date-text.js';
import { asDateTimeZone, localNow, switchZone, utcNow } from './date-values.js';
import { dateTimeFields, fromFileTime, offsetOf } from './datetime.js';
import { defineConstant, defineContextValue, defineFunction, type LibraryEntry } from './define.js';

/** `DateTimeZone.*`: the clock with its offset, zone changes, parts, conversion and formatting. */

function localNowZone(ctx: Context): DateTimeZoneValue {
  const now = localNow(ctx);
  return new DateTimeZoneValue(now.days, now.ticks, ctx.timeZoneOffsetMinutes);
}

function utcNowZone(ctx: Context): DateTimeZoneValue {
  const now = utcNow(ctx);
  return new DateTimeZoneValue(now.days, now.ticks, 0);
}

/** A function of a nullable datetimezone (null stays null). */
function zoneFunction(
  name: string,
  returns: string,
  apply: (ctx: Context, value: DateTimeZoneValue) => DateTimeZoneValue | DateTimeValue | number,
): LibraryEntry {
  return defineFunction(
    name,
    `(dateTimeZone as nullable datetimezone) as nullable ${returns}`,
    (ctx, [dateTimeZone]) => {
      const value = strip(dateTimeZone);
      return value === null ? null : apply(ctx, asDateTimeZone(value));
    },
  );
}

/** The whole hours of an offset, and the minutes beyond them, both with the offset's sign. */
function zoneParts(offsetMinutes: number): { hours: number; minutes: number } {
  const hours = Math.trunc(offsetMinutes / 60);
  const minutes = offsetMinutes - hours * 60;
  return { hours: hours === 0 ? 0 : hours, minutes: minutes === 0 ? 0 : minutes };
}

/** The name `TimeZone.Current` gives the local time zone: `UTC`, or `UTC+hh:mm`. */
function zoneName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const magnitude = Math.abs(offsetMinutes);
  const hours = String(Math.floor(magnitude / 60)).padStart(2, '0');
  const minutes = String(magnitude % 60).padStart(2, '0');
  return `UTC${offsetMinutes < 0 ? '-' : '+'}${hours}:${minutes}`;
}

/** The `DateTimeZone` namespace, and `TimeZone.Current`. */
export const DATETIMEZONE_LIBRARY: readonly LibraryEntry[] = [
  defineConstant('DateTimeZone.Type', TYPE.datetimezone),
  defineFunction('DateTimeZone.LocalNow', '() as datetimezone', (ctx) => localNowZone(ctx)),
  defineFunction('DateTimeZone.FixedLocalNow', '() as datetimezone', (ctx) => localNowZone(ctx)),
  defineFunction('DateTimeZone.UtcNow', '() as datetimezone', (ctx) => utcNowZone(ctx)),
  defineFunction('DateTimeZone.FixedUtcNow', '() as datetimezone', (ctx) => utcNowZone(ctx)),
  defineContextValue('TimeZone.Current', (ctx) => zoneName(ctx.timeZoneOffsetMinutes)),
  zoneFunction(
    'DateTimeZone.RemoveZone',
    'datetime',
    (_ctx, value) => new DateTimeValue(value.days, value.ticks),
  ),
  zoneFunction('DateTimeZone.ToLocal', 'datetimezone', (ctx, value) =>
    switchZone(value, ctx.timeZoneOffsetMinutes),
  ),
  zoneFunction('DateTimeZone.ToUtc', 'datetimezone', (_ctx, value) => switchZone(value, 0)),
  zoneFunction(
    'DateTimeZone.ZoneHours',
    'number',
    (_ctx, value) => zoneParts(value.offsetMinutes).hours,
  ),
  zoneFunction(
    'DateTimeZone.ZoneMinutes',
    'number',
    (_ctx, value) => zoneParts(value.offsetMinutes).minutes,
  ),
  defineFunction(
    'DateTimeZone.SwitchZone',
    '(dateTimeZone as nullable datetimezone, timezoneHours as number, optional timezoneMinutes as nullable number) as nullable datetimezone',
    (_ctx, [dateTimeZone, hours, minutes]) => {
      const value = strip(dateTimeZone);
      if (value === null) return null;
      return switchZone(asDateTimeZone(value), offsetOf(hours, minutes));
    },
  ),
  defineFunction(
    'DateTimeZone.FromFileTime',
    '(fileTime as nullable number) as nullable datetimezone',
    (ctx, [fileTime]) => {
      const utc = fromFileTime(fileTime);
      if (utc === null) return null;
      return switchZone(new DateTimeZoneValue(utc.days, utc.ticks, 0), ctx.timeZoneOffsetMinutes);
    },
  ),
  ...temporalConversions(
    'DateTimeZone',
    'datetimezone',
    'dateTimeZone',
    dateTimeZoneFrom,
    dateTimeZoneFromText,
  ),
  defineFunction(
    'DateTimeZone.ToRecord',
    '(dateTimeZone as datetimezone) as record',
    (_ctx, [dateTimeZone]) => {
      const value = asDateTimeZone(dateTimeZone);
      const zone = zoneParts(value.offsetMinutes);
      return RecordValue.of([
        ...dateTimeFields(value.days, value.ticks),
        ['ZoneHours', zone.hours],
        ['ZoneMinutes', zone.minutes],
      ]);
    },
  ),
];

import {
  BIG_TICKS_PER_DAY,
  civilFromDays,
  MAX_DAY,
  MIN_DAY,
  splitTicks,
  TICKS_PER_DAY,
} from './calendar.js';
import type { RecordValue } from './record.js';

/**
 * The date and time values of M, all exact in 100-nanosecond ticks: a date is a day number, a time a
 * tick count within a day, a datetime both, a datetimezone a local datetime and an offset in
 * minutes, and a duration a signed tick count held as a bigint (its range exceeds 2^53 ticks).
 */

/** `#date(y, m, d)`. */
export class DateValue {
  readonly kind = 'date';
  constructor(
    /** Days since 0001-01-01. */
    readonly days: number,
    readonly meta: RecordValue | null = null,
  ) {}

  withMeta(meta: RecordValue | null): DateValue {
    return new DateValue(this.days, meta);
  }

  get civil(): { year: number; month: number; day: number } {
    return civilFromDays(this.days);
  }
}

/** `#time(h, m, s)`. */
export class TimeValue {
  readonly kind = 'time';
  constructor(
    /** Ticks since midnight, 0 to one day (inclusive: `#time(24, 0, 0)`). */
    readonly ticks: number,
    readonly meta: RecordValue | null = null,
  ) {}

  withMeta(meta: RecordValue | null): TimeValue {
    return new TimeValue(this.ticks, meta);
  }

  get parts(): { hour: number; minute: number; second: number; fraction: number } {
    return splitTicks(this.ticks);
  }
}

/** `#datetime(y, m, d, h, m, s)`. */
export class DateTimeValue {
  readonly kind = 'datetime';
  constructor(
    readonly days: number,
    /** Ticks since midnight, below one day. */
    readonly ticks: number,
    readonly meta: RecordValue | null = null,
  ) {}

  withMeta(meta: RecordValue | null): DateTimeValue {
    return new DateTimeValue(this.days, this.ticks, meta);
  }

  /** Ticks since 0001-01-01T00:00, exactly. */
  get totalTicks(): bigint {
    return BigInt(this.days) * BIG_TICKS_PER_DAY + BigInt(this.ticks);
  }
}

/** `#datetimezone(y, m, d, h, m, s, oh, om)`: a local datetime and its offset from UTC. */
export class DateTimeZoneValue {
  readonly kind = 'datetimezone';
  constructor(
    readonly days: number,
    readonly ticks: number,
    /** Minutes east of UTC, -840 to 840. */
    readonly offsetMinutes: number,
    readonly meta: RecordValue | null = null,
  ) {}

  withMeta(meta: RecordValue | null): DateTimeZoneValue {
    return new DateTimeZoneValue(this.days, this.ticks, this.offsetMinutes, meta);
  }

  /** Local ticks since 0001-01-01T00:00. */
  get localTicks(): bigint {
    return BigInt(this.days) * BIG_TICKS_PER_DAY + BigInt(this.ticks);
  }

  /** UTC ticks since 0001-01-01T00:00 (comparisons and equality use this instant). */
  get utcTicks(): bigint {
    return this.localTicks - BigInt(this.offsetMinutes) * 600_000_000n;
  }
}

/** `#duration(d, h, m, s)`. */
export class DurationValue {
  readonly kind = 'duration';
  constructor(
    readonly ticks: bigint,
    readonly meta: RecordValue | null = null,
  ) {}

  withMeta(meta: RecordValue | null): DurationValue {
    return new DurationValue(this.ticks, meta);
  }
}

/** Splits total ticks into whole days and the ticks of the day (always 0 to one day, exclusive). */
export function splitTotalTicks(total: bigint): { days: number; ticks: number } {
  let days = total / BIG_TICKS_PER_DAY;
  let rest = total - days * BIG_TICKS_PER_DAY;
  if (rest < 0n) {
    days -= 1n;
    rest += BIG_TICKS_PER_DAY;
  }
  return { days: Number(days), ticks: Number(rest) };
}

/** Whether a day number is within the range of M dates. */
export function isDayInRange(days: number): boolean {
  return days >= MIN_DAY && days <= MAX_DAY;
}

/** The largest duration M allows, in ticks (the range of a 64-bit tick count). */
export const MAX_DURATION_TICKS = 9_223_372_036_854_775_807n;

/** One day in ticks, as a number (re-exported for the library). */
export { TICKS_PER_DAY };

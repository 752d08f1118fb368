import {
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
} from '../../values/calendar.js';
import { fractionTicks } from './datetime-parse.js';

/** Durations as text: how the engine writes them, and the forms `Duration.FromText` reads. */

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A duration as the engine writes it (`[-][d.]hh:mm:ss[.fffffff]`): days only when there are any,
 * seven fraction digits only when there is a fraction.
 */
export function formatDuration(ticks: bigint): string {
  const negative = ticks < 0n;
  const magnitude = negative ? -ticks : ticks;
  const dayTicks = BigInt(TICKS_PER_DAY);
  const days = magnitude / dayTicks;
  const rest = Number(magnitude % dayTicks);
  const hour = Math.floor(rest / TICKS_PER_HOUR);
  const minute = Math.floor((rest % TICKS_PER_HOUR) / TICKS_PER_MINUTE);
  const second = Math.floor((rest % TICKS_PER_MINUTE) / TICKS_PER_SECOND);
  const fraction = rest % TICKS_PER_SECOND;
  return `${negative ? '-' : ''}${days > 0n ? `${days.toString()}.` : ''}${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${fraction > 0 ? `.${pad(fraction, 7)}` : ''}`;
}

/** `[-][d.]hh:mm[:ss[.fffffff]]` or `[-]d`. */
const DURATION_FORM = /^(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d{1,7}))?)?$/;
const DAYS_FORM = /^(-)?(\d+)$/;

/**
 * The ticks of a duration text (`2.05:55:20`, `-00:30`, `3`, `1.02:03:04.5`); undefined when the
 * text is not a duration or a part is out of range (hours to 23, minutes and seconds to 59).
 */
export function parseDuration(text: string): bigint | undefined {
  const trimmed = text.trim();
  const days = DAYS_FORM.exec(trimmed);
  if (days !== null) {
    const ticks = BigInt(days[2] as string) * BigInt(TICKS_PER_DAY);
    return days[1] === undefined ? ticks : -ticks;
  }
  const match = DURATION_FORM.exec(trimmed);
  if (match === null) return undefined;
  const [, minus, dayText, hourText, minuteText, secondText, fractionText] = match;
  const hours = Number(hourText);
  const minutes = Number(minuteText);
  const seconds = secondText === undefined ? 0 : Number(secondText);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const ticks =
    BigInt(dayText ?? 0) * BigInt(TICKS_PER_DAY) +
    BigInt(hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE + seconds * TICKS_PER_SECOND) +
    BigInt(fractionText === undefined ? 0 : fractionTicks(fractionText));
  return minus === undefined ? ticks : -ticks;
}

/**
 * The signing time of an OPC signature (`<mdssi:SignatureTime>`, ECMA-376 Part 2 §13.2.4.20):
 * a `Format` from W3C's "Date and Time Formats" note, and a `Value` in that format.
 */

/** The formats ECMA-376 allows, with the pattern each value must match. */
const FORMATS: ReadonlyMap<string, RegExp> = new Map([
  [
    'YYYY-MM-DDThh:mm:ss.sTZD',
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)(Z|[+-]\d{2}:\d{2})$/,
  ],
  [
    'YYYY-MM-DDThh:mm:ssTZD',
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})()(Z|[+-]\d{2}:\d{2})$/,
  ],
  ['YYYY-MM-DDThh:mmTZD', /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})()()(Z|[+-]\d{2}:\d{2})$/],
  ['YYYY-MM-DD', /^(\d{4})-(\d{2})-(\d{2})()()()()()$/],
  ['YYYY-MM', /^(\d{4})-(\d{2})()()()()()()$/],
  ['YYYY', /^(\d{4})()()()()()()()$/],
]);

/**
 * Writes a time as `YYYY-MM-DDThh:mm:ss.sTZD` in UTC, to a tenth of a second:
 * `2024-01-31T13:05:00.0Z` (.NET writes the local time and offset; both are valid).
 */
export function formatSigningTime(time: Date): string {
  const iso = time.toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 21)}Z`;
}

/**
 * Reads a signing time given in one of the six formats ECMA-376 allows; a value that does not
 * match its format, or a format it does not allow, gives undefined.
 */
export function parseSigningTime(format: string, value: string): Date | undefined {
  const match = FORMATS.get(format)?.exec(value.trim());
  if (match === null || match === undefined) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const number = (text: string | undefined, fallback: number): number =>
    text === undefined || text === '' ? fallback : Number(text);
  const milliseconds =
    fraction === undefined || fraction === '' ? 0 : Math.round(Number(`0${fraction}`) * 1000);
  let time = Date.UTC(
    number(year, 0),
    number(month, 1) - 1,
    number(day, 1),
    number(hour, 0),
    number(minute, 0),
    number(second, 0),
    milliseconds,
  );
  if (zone !== undefined && zone !== '' && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    time -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

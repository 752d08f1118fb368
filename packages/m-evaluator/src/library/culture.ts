/**
 * Culture data for formatting and parsing numbers, dates and times: separators, patterns, month and
 * day names, AM/PM designators. The tables follow the Windows (NLS) culture data the Power Query
 * engine formats with. `en-US`, `en-GB`, `de-DE`, `fr-FR` and the invariant culture (`""`) are
 * built in; any other culture is derived from `Intl` (names, separators and pattern order only —
 * never calendar arithmetic), and an unknown name falls back to the invariant culture.
 */

/** How numbers are written in a culture (the fields of .NET's `NumberFormatInfo` M needs). */
export interface NumberFormatData {
  readonly decimalSeparator: string;
  readonly groupSeparator: string;
  /** Other characters accepted as the group separator when parsing (a space for a no-break space). */
  readonly groupAlternatives: readonly string[];
  readonly negativeSign: string;
  readonly positiveSign: string;
  readonly percentSymbol: string;
  readonly perMilleSymbol: string;
  readonly currencySymbol: string;
  readonly nanSymbol: string;
  readonly positiveInfinitySymbol: string;
  readonly negativeInfinitySymbol: string;
  /** Default decimals of the `N` and `F` formats. */
  readonly numberDecimalDigits: number;
  readonly currencyDecimalDigits: number;
  readonly percentDecimalDigits: number;
  /** Patterns with `n` for the number and `$` for the currency symbol, `%` for the percent sign. */
  readonly currencyPositivePattern: string;
  readonly currencyNegativePattern: string;
  readonly percentPositivePattern: string;
  readonly percentNegativePattern: string;
}

/** How dates and times are written in a culture (the fields of `DateTimeFormatInfo` M needs). */
export interface DateTimeFormatData {
  readonly shortDatePattern: string;
  readonly longDatePattern: string;
  readonly shortTimePattern: string;
  readonly longTimePattern: string;
  readonly monthDayPattern: string;
  readonly yearMonthPattern: string;
  readonly dateSeparator: string;
  readonly timeSeparator: string;
  readonly amDesignator: string;
  readonly pmDesignator: string;
  /** January first. */
  readonly monthNames: readonly string[];
  readonly abbreviatedMonthNames: readonly string[];
  /** Month names as written after a day number (`d MMMM`); the same as `monthNames` in most cultures. */
  readonly monthGenitiveNames: readonly string[];
  readonly abbreviatedMonthGenitiveNames: readonly string[];
  /** Sunday first. */
  readonly dayNames: readonly string[];
  readonly abbreviatedDayNames: readonly string[];
  /** The era name (`g`). */
  readonly eraName: string;
  /** 0 = Sunday … 6 = Saturday. */
  readonly firstDayOfWeek: number;
}

/** A culture: its name (`""` for the invariant culture) and its number and date-time data. */
export interface CultureInfo {
  readonly name: string;
  readonly number: NumberFormatData;
  readonly dateTime: DateTimeFormatData;
  /** The order of day, month and year in the short date pattern, such as `MDY`. */
  readonly dateOrder: 'MDY' | 'DMY' | 'YMD';
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ENGLISH_MONTHS_SHORT = ENGLISH_MONTHS.map((name) => name.slice(0, 3));
const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ENGLISH_DAYS_SHORT = ENGLISH_DAYS.map((name) => name.slice(0, 3));

const ENGLISH_NUMBERS: NumberFormatData = {
  decimalSeparator: '.',
  groupSeparator: ',',
  groupAlternatives: [],
  negativeSign: '-',
  positiveSign: '+',
  percentSymbol: '%',
  perMilleSymbol: '‰',
  currencySymbol: '¤',
  nanSymbol: 'NaN',
  positiveInfinitySymbol: 'Infinity',
  negativeInfinitySymbol: '-Infinity',
  numberDecimalDigits: 2,
  currencyDecimalDigits: 2,
  percentDecimalDigits: 2,
  currencyPositivePattern: '$n',
  currencyNegativePattern: '($n)',
  percentPositivePattern: 'n %',
  percentNegativePattern: '-n %',
};

const ENGLISH_DATES: DateTimeFormatData = {
  shortDatePattern: 'MM/dd/yyyy',
  longDatePattern: 'dddd, dd MMMM yyyy',
  shortTimePattern: 'HH:mm',
  longTimePattern: 'HH:mm:ss',
  monthDayPattern: 'MMMM dd',
  yearMonthPattern: 'yyyy MMMM',
  dateSeparator: '/',
  timeSeparator: ':',
  amDesignator: 'AM',
  pmDesignator: 'PM',
  monthNames: ENGLISH_MONTHS,
  abbreviatedMonthNames: ENGLISH_MONTHS_SHORT,
  monthGenitiveNames: ENGLISH_MONTHS,
  abbreviatedMonthGenitiveNames: ENGLISH_MONTHS_SHORT,
  dayNames: ENGLISH_DAYS,
  abbreviatedDayNames: ENGLISH_DAYS_SHORT,
  eraName: 'A.D.',
  firstDayOfWeek: 0,
};

/** The invariant culture (`""`): English names, culture-independent patterns. */
export const INVARIANT_CULTURE: CultureInfo = {
  name: '',
  number: ENGLISH_NUMBERS,
  dateTime: ENGLISH_DATES,
  dateOrder: 'MDY',
};

const EN_US: CultureInfo = {
  name: 'en-US',
  number: { ...ENGLISH_NUMBERS, currencySymbol: '$' },
  dateTime: {
    ...ENGLISH_DATES,
    shortDatePattern: 'M/d/yyyy',
    longDatePattern: 'dddd, MMMM d, yyyy',
    shortTimePattern: 'h:mm tt',
    longTimePattern: 'h:mm:ss tt',
    monthDayPattern: 'MMMM d',
    yearMonthPattern: 'MMMM yyyy',
  },
  dateOrder: 'MDY',
};

const EN_GB: CultureInfo = {
  name: 'en-GB',
  number: {
    ...ENGLISH_NUMBERS,
    currencySymbol: '£',
    currencyNegativePattern: '-$n',
    percentPositivePattern: 'n%',
    percentNegativePattern: '-n%',
  },
  dateTime: {
    ...ENGLISH_DATES,
    shortDatePattern: 'dd/MM/yyyy',
    longDatePattern: 'dd MMMM yyyy',
    monthDayPattern: 'd MMMM',
    yearMonthPattern: 'MMMM yyyy',
    amDesignator: 'am',
    pmDesignator: 'pm',
    firstDayOfWeek: 1,
  },
  dateOrder: 'DMY',
};

const EURO_NUMBERS: NumberFormatData = {
  ...ENGLISH_NUMBERS,
  decimalSeparator: ',',
  groupSeparator: '.',
  currencySymbol: '€',
  currencyPositivePattern: 'n $',
  currencyNegativePattern: '-n $',
};

const GERMAN_MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const GERMAN_MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mär',
  'Apr',
  'Mai',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Okt',
  'Nov',
  'Dez',
];

const DE_DE: CultureInfo = {
  name: 'de-DE',
  number: EURO_NUMBERS,
  dateTime: {
    shortDatePattern: 'dd.MM.yyyy',
    longDatePattern: 'dddd, d. MMMM yyyy',
    shortTimePattern: 'HH:mm',
    longTimePattern: 'HH:mm:ss',
    monthDayPattern: 'd. MMMM',
    yearMonthPattern: 'MMMM yyyy',
    dateSeparator: '.',
    timeSeparator: ':',
    amDesignator: '',
    pmDesignator: '',
    monthNames: GERMAN_MONTHS,
    abbreviatedMonthNames: GERMAN_MONTHS_SHORT,
    monthGenitiveNames: GERMAN_MONTHS,
    abbreviatedMonthGenitiveNames: GERMAN_MONTHS_SHORT,
    dayNames: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    abbreviatedDayNames: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    eraName: 'n. Chr.',
    firstDayOfWeek: 1,
  },
  dateOrder: 'DMY',
};

const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const FRENCH_MONTHS_SHORT = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

const FR_FR: CultureInfo = {
  name: 'fr-FR',
  number: { ...EURO_NUMBERS, groupSeparator: '\u00a0', groupAlternatives: [' ', '\u202f'] },
  dateTime: {
    shortDatePattern: 'dd/MM/yyyy',
    longDatePattern: 'dddd d MMMM yyyy',
    shortTimePattern: 'HH:mm',
    longTimePattern: 'HH:mm:ss',
    monthDayPattern: 'd MMMM',
    yearMonthPattern: 'MMMM yyyy',
    dateSeparator: '/',
    timeSeparator: ':',
    amDesignator: '',
    pmDesignator: '',
    monthNames: FRENCH_MONTHS,
    abbreviatedMonthNames: FRENCH_MONTHS_SHORT,
    monthGenitiveNames: FRENCH_MONTHS,
    abbreviatedMonthGenitiveNames: FRENCH_MONTHS_SHORT,
    dayNames: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    abbreviatedDayNames: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
    eraName: 'ap. J.-C.',
    firstDayOfWeek: 1,
  },
  dateOrder: 'DMY',
};

/** The built-in cultures by lower-case name; a bare language maps to its main culture. */
const BUILT_IN = new Map<string, CultureInfo>([
  ['', INVARIANT_CULTURE],
  ['iv', INVARIANT_CULTURE],
  ['en-us', EN_US],
  ['en', EN_US],
  ['en-gb', EN_GB],
  ['de-de', DE_DE],
  ['de', DE_DE],
  ['fr-fr', FR_FR],
  ['fr', FR_FR],
]);

/**
 * Cultures derived from `Intl`, by lower-case name. Filling it is memoization of data that never
 * changes, so no evaluation can observe another through it.
 */
const DERIVED = new Map<string, CultureInfo>();
const DERIVED_LIMIT = 256;

/**
 * The culture of a name such as `en-US` (case-insensitive); `""` is the invariant culture. Cultures
 * other than the built-in ones are derived from `Intl`; a name `Intl` does not know gives the
 * invariant culture.
 */
export function getCulture(name: string): CultureInfo {
  const key = name.trim().toLowerCase();
  const known = BUILT_IN.get(key) ?? DERIVED.get(key);
  if (known !== undefined) return known;
  const derived = deriveCulture(name.trim());
  if (derived === undefined) return INVARIANT_CULTURE;
  // Names come from M code, so the memo is bounded: past the limit, cultures are derived each time.
  if (DERIVED.size < DERIVED_LIMIT) DERIVED.set(key, derived);
  return derived;
}

/** The culture of an optional culture argument, defaulting to the evaluation's culture. */
export function cultureOrDefault(name: string | null, defaultName: string): CultureInfo {
  return getCulture(name ?? defaultName);
}

/** The order of day, month and year in a date pattern. */
export function dateOrderOf(pattern: string): 'MDY' | 'DMY' | 'YMD' {
  const day = pattern.search(/d/);
  const month = pattern.search(/M/);
  const year = pattern.search(/y/);
  if (year >= 0 && year < month && year < day) return 'YMD';
  if (day >= 0 && day < month) return 'DMY';
  return 'MDY';
}

// ---------------------------------------------------------------------------------------------
// Cultures derived from Intl. JavaScript dates are used only to look up names and the order of
// pattern parts for fixed sample days; nothing here computes a calendar value.

const SAMPLE_YEAR = 2003;

function sample(month: number, day: number, hour = 0): Date {
  return new Date(Date.UTC(SAMPLE_YEAR, month, day, hour, 4, 5));
}

function deriveCulture(name: string): CultureInfo | undefined {
  let locale: string;
  try {
    const canonical = Intl.getCanonicalLocales(name)[0];
    if (canonical === undefined) return undefined;
    if (Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 0) return undefined;
    locale = canonical;
  } catch {
    return undefined;
  }
  const number = deriveNumbers(locale);
  const dateTime = deriveDates(locale);
  return { name, number, dateTime, dateOrder: dateOrderOf(dateTime.shortDatePattern) };
}

function deriveNumbers(locale: string): NumberFormatData {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(0.5);
  const percentPattern = percent.replace(/[\d\u0660-\u0669]+/, 'n').replace(/[%٪]/, '%');
  const spaces = group === '\u00a0' || group === '\u202f' ? [' ', '\u00a0', '\u202f'] : [];
  return {
    ...ENGLISH_NUMBERS,
    decimalSeparator: decimal,
    groupSeparator: group,
    groupAlternatives: spaces.filter((space) => space !== group),
    currencyPositivePattern: decimal === ',' ? 'n $' : '$n',
    currencyNegativePattern: decimal === ',' ? '-n $' : '-$n',
    percentPositivePattern: percentPattern,
    percentNegativePattern: `-${percentPattern}`,
  };
}

function names(locale: string, options: Intl.DateTimeFormatOptions, dates: Date[]): string[] {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return dates.map((date) => format.format(date));
}

function partNames(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  type: Intl.DateTimeFormatPartTypes,
  dates: Date[],
): string[] {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return dates.map(
    (date) => format.formatToParts(date).find((part) => part.type === type)?.value ?? '',
  );
}

/** A custom date format pattern from `Intl` parts: numbers padded or not, names long or short. */
function patternOf(parts: Intl.DateTimeFormatPart[], hour12: boolean): string {
  let pattern = '';
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        pattern += 'yyyy';
        break;
      case 'month':
        pattern += /^\d+$/.test(part.value)
          ? part.value.length > 1
            ? 'MM'
            : 'M'
          : part.value.length > 4
            ? 'MMMM'
            : 'MMM';
        break;
      case 'day':
        pattern += part.value.length > 1 ? 'dd' : 'd';
        break;
      case 'weekday':
        pattern += 'dddd';
        break;
      case 'hour':
        pattern += hour12
          ? part.value.length > 1
            ? 'hh'
            : 'h'
          : part.value.length > 1
            ? 'HH'
            : 'H';
        break;
      case 'minute':
        pattern += 'mm';
        break;
      case 'second':
        pattern += 'ss';
        break;
      case 'dayPeriod':
        pattern += 'tt';
        break;
      case 'literal':
        pattern += part.value.replace(/[A-Za-z]+/g, (word) => `'${word}'`);
        break;
      default:
        break;
    }
  }
  return pattern;
}

function deriveDates(locale: string): DateTimeFormatData {
  const months = Array.from({ length: 12 }, (_, month) => sample(month, 5));
  const days = Array.from({ length: 7 }, (_, day) => sample(0, 5 + day)); // 2003-01-05: Sunday
  const hour12 =
    new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' }).resolvedOptions()
      .hourCycle === 'h12';
  const early = sample(0, 5, 3);
  const late = sample(0, 5, 15);
  const format = (options: Intl.DateTimeFormatOptions, date: Date): Intl.DateTimeFormatPart[] =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(date);
  const period = (date: Date): string =>
    format({ hour: 'numeric', hour12: true }, date).find((part) => part.type === 'dayPeriod')
      ?.value ?? '';
  const shortDate = patternOf(
    format({ year: 'numeric', month: 'numeric', day: 'numeric' }, early),
    hour12,
  );
  const weekInfo = (new Intl.Locale(locale) as Intl.Locale & { weekInfo?: { firstDay: number } })
    .weekInfo;
  return {
    shortDatePattern: shortDate,
    longDatePattern: patternOf(format({ dateStyle: 'full' }, early), hour12),
    shortTimePattern: patternOf(format({ timeStyle: 'short' }, early), hour12),
    longTimePattern: patternOf(format({ timeStyle: 'medium' }, early), hour12),
    monthDayPattern: patternOf(format({ month: 'long', day: 'numeric' }, early), hour12),
    yearMonthPattern: patternOf(format({ month: 'long', year: 'numeric' }, early), hour12),
    dateSeparator: /[^\w\s]/.exec(shortDate.replace(/'[^']*'/g, ''))?.[0] ?? '/',
    timeSeparator:
      format({ timeStyle: 'short' }, early).find((part) => part.type === 'literal')?.value ?? ':',
    amDesignator: hour12 ? period(early) : '',
    pmDesignator: hour12 ? period(late) : '',
    monthNames: names(locale, { month: 'long' }, months),
    abbreviatedMonthNames: names(locale, { month: 'short' }, months),
    monthGenitiveNames: partNames(locale, { month: 'long', day: 'numeric' }, 'month', months),
    abbreviatedMonthGenitiveNames: partNames(
      locale,
      { month: 'short', day: 'numeric' },
      'month',
      months,
    ),
    dayNames: names(locale, { weekday: 'long' }, days),
    abbreviatedDayNames: names(locale, { weekday: 'short' }, days),
    eraName: partNames(locale, { era: 'short', year: 'numeric' }, 'era', [early])[0] ?? 'A.D.',
    firstDayOfWeek: weekInfo === undefined ? 1 : weekInfo.firstDay % 7,
  };
}

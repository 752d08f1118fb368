import { CULTURE_LIBRARY } from './culture-functions.js';
import { DATE_LIBRARY } from './date.js';
import { RELATIVE_DATE_LIBRARY } from './date-relative.js';
import { DATETIME_LIBRARY } from './datetime.js';
import { DATETIMEZONE_LIBRARY } from './datetimezone.js';
import { DAY_LIBRARY } from './day.js';
import type { LibraryEntry } from './define.js';
import { GUID_LIBRARY } from './guid.js';
import { DURATION_LIBRARY } from './duration.js';
import { NUMBER_LIBRARY } from './number.js';
import { NUMBER_TYPES_LIBRARY } from './number-types.js';
import { TEXT_FROM_LIBRARY } from './text-from.js';
import { TIME_LIBRARY } from './time.js';
import { VALUE_FROM_TEXT_LIBRARY } from './value-fromtext.js';

/** The temporal group of the standard library (see LIBRARY.md for which namespaces it holds). */
export const TEMPORAL_LIBRARY: readonly LibraryEntry[] = [
  ...NUMBER_LIBRARY,
  ...NUMBER_TYPES_LIBRARY,
  ...GUID_LIBRARY,
  ...DATE_LIBRARY,
  ...RELATIVE_DATE_LIBRARY,
  ...TIME_LIBRARY,
  ...DATETIME_LIBRARY,
  ...DATETIMEZONE_LIBRARY,
  ...DURATION_LIBRARY,
  ...DAY_LIBRARY,
  ...CULTURE_LIBRARY,
  ...TEXT_FROM_LIBRARY,
  ...VALUE_FROM_TEXT_LIBRARY,
];

import { TYPE } from '../../values/type.js';
import { defineConstant, type LibraryEntry } from '../define.js';
import { CSV_STYLE } from '../quote-style.js';
import { EXTRA_VALUES } from './csv-options.js';

/** `CsvStyle.*` (how quotes are read) and `ExtraValues.*` (what to do with fields beyond the last column). */
export const CSV_ENUMERATIONS: readonly LibraryEntry[] = [
  defineConstant('CsvStyle.Type', TYPE.number),
  defineConstant('CsvStyle.QuoteAfterDelimiter', CSV_STYLE.quoteAfterDelimiter),
  defineConstant('CsvStyle.QuoteAlways', CSV_STYLE.quoteAlways),
  defineConstant('ExtraValues.Type', TYPE.number),
  defineConstant('ExtraValues.List', EXTRA_VALUES.list),
  defineConstant('ExtraValues.Error', EXTRA_VALUES.error),
  defineConstant('ExtraValues.Ignore', EXTRA_VALUES.ignore),
];

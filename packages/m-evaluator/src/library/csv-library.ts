import { CSV_DOCUMENT_LIBRARY } from './csv/csv-document.js';
import { CSV_ENUMERATIONS } from './csv/enumerations.js';
import { HEADERS_LIBRARY } from './csv/headers.js';
import type { LibraryEntry } from './define.js';

/**
 * The CSV group of the standard library: `Csv.Document`, `CsvStyle`, `ExtraValues`, and the header
 * functions that CSV reading goes with (`Table.PromoteHeaders`, `Table.DemoteHeaders`).
 */
export const CSV_LIBRARY: readonly LibraryEntry[] = [
  ...CSV_DOCUMENT_LIBRARY,
  ...CSV_ENUMERATIONS,
  ...HEADERS_LIBRARY,
];

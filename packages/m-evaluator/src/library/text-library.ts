import { BINARY_LIBRARY } from './binary.js';
import { BINARY_FORMAT_LIBRARY } from './binary-format/namespace.js';
import { CHARACTER_LIBRARY } from './character.js';
import { COMBINER_LIBRARY } from './combiner.js';
import { COMPARER_LIBRARY } from './comparer.js';
import { COMPRESSION_LIBRARY } from './compression.js';
import { CRYPTO_LIBRARY } from './crypto.js';
import type { LibraryEntry } from './define.js';
import { ENCODING_LIBRARY } from './encoding.js';
import { JSON_LIBRARY } from './json.js';
import { LINES_LIBRARY } from './lines.js';
import { QUOTE_STYLE_LIBRARY } from './quote-style.js';
import { REPLACER_LIBRARY } from './replacer.js';
import { SPLITTER_LIBRARY } from './splitter.js';
import { TEXT_NAMESPACE } from './text/namespace.js';
import { URI_LIBRARY } from './uri.js';

/** The text group of the standard library (see LIBRARY.md for which namespaces it holds). */
export const TEXT_LIBRARY: readonly LibraryEntry[] = [
  ...TEXT_NAMESPACE,
  ...CHARACTER_LIBRARY,
  ...SPLITTER_LIBRARY,
  ...COMBINER_LIBRARY,
  ...REPLACER_LIBRARY,
  ...LINES_LIBRARY,
  ...COMPARER_LIBRARY,
  ...QUOTE_STYLE_LIBRARY,
  ...JSON_LIBRARY,
  ...URI_LIBRARY,
  ...BINARY_LIBRARY,
  ...BINARY_FORMAT_LIBRARY,
  ...COMPRESSION_LIBRARY,
  ...ENCODING_LIBRARY,
  ...CRYPTO_LIBRARY,
];

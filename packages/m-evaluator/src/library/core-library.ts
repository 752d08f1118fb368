import { ACCESSING_DATA_CONSTANTS } from './accessing-data.js';
import type { LibraryEntry } from './define.js';
import { DIAGNOSTICS_LIBRARY } from './diagnostics.js';
import { ERROR_LIBRARY } from './error.js';
import { EXPRESSION_LIBRARY } from './expression.js';
import { FUNCTION_LIBRARY } from './function.js';
import { LOGICAL_LIBRARY } from './logical.js';
import { RECORD_LIBRARY } from './record.js';
import { TYPE_LIBRARY } from './type.js';
import { TYPE_CONSTANTS_LIBRARY } from './type-constants.js';

/**
 * The core group of the standard library (see LIBRARY.md for which namespaces it holds): Type,
 * Record, Logical, Error, Function, Expression, Diagnostics and TraceLevel, and the enumerations of
 * the accessing-data functions (`accessing-data.ts`). (`Value.*` is its own group, `value.ts`.)
 */
export const CORE_LIBRARY: readonly LibraryEntry[] = [
  ...TYPE_LIBRARY,
  ...TYPE_CONSTANTS_LIBRARY,
  ...RECORD_LIBRARY,
  ...LOGICAL_LIBRARY,
  ...ERROR_LIBRARY,
  ...FUNCTION_LIBRARY,
  ...EXPRESSION_LIBRARY,
  ...DIAGNOSTICS_LIBRARY,
  ...ACCESSING_DATA_CONSTANTS,
];

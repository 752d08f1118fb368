import { MError } from '../../errors.js';
import { asTable, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';

/**
 * The `Table.*` functions the documentation marks as internal: declared with their types; the
 * ones with nothing to do offline return their value. (`Table.ViewError` and `Table.ViewFunction`
 * are in `view.ts`.)
 */

function internalOnly(name: string): MError {
  return MError.expression(
    `${name} is intended for internal use only and is not available in pqsdk.`,
  );
}

/** The internal table functions. */
export const TABLE_INTERNALS: readonly LibraryEntry[] = [
  defineFunction(
    'Table.WithErrorContext',
    '(value as any, context as text) as any',
    (_ctx, [value, context]) => {
      asText(context);
      return value;
    },
    { keepMetadata: true },
  ),
  defineFunction(
    'Table.ReplaceRelationshipIdentity',
    '(value as any, identity as text) as any',
    (_ctx, [value, identity]) => {
      asText(identity);
      return value;
    },
    { keepMetadata: true },
  ),
  defineFunction(
    'Table.ConformToPageReader',
    '(table as table, shapingFunction as function) as table',
    (_ctx, [table]) => {
      asTable(table);
      throw internalOnly('Table.ConformToPageReader');
    },
  ),
  defineFunction(
    'Table.FilterWithDataTable',
    '(table as table, dataTableIdentifier as text) as any',
    (_ctx, [table]) => {
      asTable(table);
      throw internalOnly('Table.FilterWithDataTable');
    },
  ),
];

import { MError } from '../../errors.js';
import { asFunction, asRecord, asTable, asText } from '../arguments.js';
import { defineFunction, type LibraryEntry } from '../define.js';
import { ViewFunctionValue } from '../value/internal.js';

/**
 * The `Table.*` functions the documentation marks as internal or as helpers of `Table.View`:
 * declared with their types; the ones with nothing to do offline return their value.
 */

function internalOnly(name: string): MError {
  return MError.expression(
    `${name} is intended for internal use only and is not available in pqsdk.`,
  );
}

/** The internal table functions. */
export const TABLE_INTERNALS: readonly LibraryEntry[] = [
  defineFunction('Table.ViewError', '(errorRecord as record) as record', (_ctx, [record]) =>
    asRecord(record),
  ),
  defineFunction(
    'Table.ViewFunction',
    '(function as function) as function',
    (_ctx, [fn]) => new ViewFunctionValue(asFunction(fn)),
  ),
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

import { formatMessage } from '../compile/error-values.js';
import { RecordValue } from '../values/record.js';
import { strip } from '../values/value.js';
import { asText, asTextOrNull } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/**
 * `Error.Record`: an error record, for `error` to raise. With `parameters`, the message is a
 * format: it becomes `Message.Format`, and `Message` is the format with `#{0}`, `#{1}`, … filled in
 * from the parameters.
 */
export const ERROR_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Error.Record',
    '(reason as text, optional message as nullable text, optional detail as any, optional parameters as nullable list, optional errorCode as nullable text) as record',
    (ctx, [reason, message, detail, parameters, errorCode]) => {
      const text = asTextOrNull(message);
      const hasParameters = strip(parameters) !== null;
      return RecordValue.of([
        ['Reason', asText(reason)],
        ['Message', hasParameters && text !== null ? formatMessage(ctx, text, parameters) : text],
        ['Detail', detail],
        ['Message.Format', hasParameters ? text : null],
        ['Message.Parameters', parameters],
        ['ErrorCode', asTextOrNull(errorCode)],
      ]);
    },
  ),
];

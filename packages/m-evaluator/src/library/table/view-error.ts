import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { errorFromValue } from '../../compile/error-values.js';
import { RecordValue } from '../../values/record.js';
import { strip, type Value } from '../../values/value.js';

/**
 * `Table.ViewError` (query-docs `table-viewerror.md`): an error record that, raised by a
 * `Table.View` handler, is not a refusal to fold. The error goes on to the caller instead of the
 * operation being evaluated locally.
 */

/**
 * An error record made by `Table.ViewError`. It has the fields of the record it was made from;
 * only its class tells it apart, so it reads, prints and compares like any other error record.
 */
export class ViewErrorRecord extends RecordValue {}

/** An M error raised from a {@link ViewErrorRecord}: `try` catches it like any other. */
export class ViewError extends MError {
  constructor(error: MError) {
    super({
      reason: error.reason,
      message: error.mMessage,
      detail: error.detail,
      messageFormat: error.messageFormat,
      messageParameters: error.messageParameters,
    });
  }
}

/** The record `Table.ViewError(errorRecord)` returns. */
export function viewErrorRecord(record: RecordValue): ViewErrorRecord {
  return new ViewErrorRecord(record.layout, record.slots, record.meta, record.declaredType);
}

/**
 * The error `error value` raises: as `errorFromValue`, and a {@link ViewError} when the value was
 * made by `Table.ViewError`.
 */
export function raisedError(ctx: Context, value: Value): MError {
  const error = errorFromValue(ctx, value);
  return strip(value) instanceof ViewErrorRecord ? new ViewError(error) : error;
}

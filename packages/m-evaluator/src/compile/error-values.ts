import { MError, REASON } from '../errors.js';
import { ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { strip, type Value } from '../values/value.js';
import type { Context } from '../context.js';

/** The record an M error is: `[Reason, Message, Detail, Message.Format, Message.Parameters]`. */
export function errorToRecord(error: MError): RecordValue {
  return RecordValue.of([
    ['Reason', error.reason],
    ['Message', error.mMessage],
    ['Detail', error.detail],
    ['Message.Format', error.messageFormat],
    ['Message.Parameters', error.messageParameters],
  ]);
}

/**
 * The error `error x` raises: `x` is a text (the message, with reason `Expression.Error`) or an error
 * record (`Reason` defaults to `Expression.Error`; a missing `Message` is made from `Message.Format`
 * and `Message.Parameters`).
 */
export function errorFromValue(ctx: Context, value: Value): MError {
  const plain = strip(value);
  if (typeof plain === 'string') return MError.of(REASON.expression, plain);
  if (plain instanceof RecordValue) {
    const reason = textField(plain, 'Reason');
    const format = textField(plain, 'Message.Format');
    const parameters = plain.fieldOrUndefined('Message.Parameters') ?? null;
    // A format makes the message (the spec: "the resulting output will become the raised error's
    // Message"), in place of any Message given.
    const message =
      format === null ? textField(plain, 'Message') : formatMessage(ctx, format, parameters);
    return new MError({
      reason,
      message,
      detail: plain.fieldOrUndefined('Detail') ?? null,
      messageFormat: format,
      messageParameters: parameters,
    });
  }
  return MError.expression('The value given to error must be a text or an error record.', value);
}

function textField(record: RecordValue, name: string): string | null {
  const value = record.fieldOrUndefined(name);
  if (value === undefined || value === null) return null;
  const plain = strip(value);
  if (typeof plain !== 'string') {
    throw MError.expression(`The field '${name}' of an error record must be a text.`, value);
  }
  return plain;
}

/** Fills `#{0}`, `#{1}` … in an error message format with the parameters' text forms. */
export function formatMessage(ctx: Context, format: string, parameters: Value): string {
  const list = strip(parameters);
  const items = list instanceof ListValue ? list.toArray(ctx) : [];
  return format.replace(/#\{(\d+)\}/g, (whole, digits: string) => {
    const item = items[Number(digits)];
    if (item === undefined) return whole;
    const plain = strip(item);
    return plain === null ? '' : typeof plain === 'object' ? whole : String(plain);
  });
}

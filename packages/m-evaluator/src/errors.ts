import type { Value } from './values/value.js';

/**
 * The reasons the library raises. Any text is a valid reason; these are the ones the real engine
 * uses for the same situations.
 */
export const REASON = {
  expression: 'Expression.Error',
  dataFormat: 'DataFormat.Error',
  dataSource: 'DataSource.Error',
  notFound: 'DataSource.NotFound',
  notImplemented: 'Expression.Error',
  syntax: 'Expression.SyntaxError',
  credential: 'Credential.Error',
  firewall: 'Formula.Firewall',
} as const;

/** The fields of an M error record. */
export interface ErrorRecordFields {
  /** The reason; null when the raised record has none (the spec allows every field to be null). */
  readonly reason: string | null;
  readonly message: string | null;
  readonly detail: Value;
  readonly messageFormat: string | null;
  /** A list value, or null. */
  readonly messageParameters: Value;
}

/**
 * An M error: the value of `error …`, raised through JavaScript as this one exception class. `try`
 * catches exactly this class; any other exception escaping an evaluation is a bug or an abort.
 */
export class MError extends Error {
  readonly reason: string | null;
  readonly mMessage: string | null;
  readonly detail: Value;
  readonly messageFormat: string | null;
  readonly messageParameters: Value;

  constructor(fields: ErrorRecordFields) {
    super(oneLine(fields.reason, fields.message));
    this.name = 'MError';
    this.reason = fields.reason;
    this.mMessage = fields.message;
    this.detail = fields.detail;
    this.messageFormat = fields.messageFormat;
    this.messageParameters = fields.messageParameters;
  }

  /** An `Expression.Error` with a message and an optional detail. */
  static expression(message: string, detail: Value = null): MError {
    return MError.of(REASON.expression, message, detail);
  }

  /** A `DataFormat.Error`: a text could not be read as the value asked for. */
  static dataFormat(message: string, detail: Value = null): MError {
    return MError.of(REASON.dataFormat, message, detail);
  }

  /** An error with any reason. */
  static of(reason: string | null, message: string, detail: Value = null): MError {
    return new MError({
      reason,
      message,
      detail,
      messageFormat: null,
      messageParameters: null,
    });
  }

  /** The one-line form used by the CLI: `[Reason] Message` (either part left out when null). */
  describe(): string {
    return oneLine(this.reason, this.mMessage);
  }
}

function oneLine(reason: string | null, message: string | null): string {
  if (reason === null) return message ?? 'error';
  return message === null ? `[${reason}]` : `[${reason}] ${message}`;
}

/** The error `...` raises. */
export function notImplemented(): MError {
  return MError.of(REASON.expression, 'Not Implemented');
}

/** Raised when evaluation is stopped by its signal or its time limit. */
export class EvaluationAbortedError extends Error {
  constructor(readonly why: 'aborted' | 'timeout') {
    super(why === 'timeout' ? 'the evaluation ran out of time' : 'the evaluation was cancelled');
    this.name = 'EvaluationAbortedError';
  }
}

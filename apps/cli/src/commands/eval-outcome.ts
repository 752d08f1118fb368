import {
  type Context,
  type Engine,
  errorToRecord,
  EvaluationAbortedError,
  type EvaluationOptions,
  guard,
  MError,
  type PrintValueOptions,
  printValue,
  strip,
  type Value,
} from '@pqsdk/m-evaluator';

/** The reason of an evaluation stopped by its time limit. */
export const TIMEOUT_REASON = 'PQSDK.Timeout';

/** The reason of an evaluation stopped by its abort signal. */
export const CANCELLED_REASON = 'PQSDK.Cancelled';

/** The reason of a `--jsonl` request that cannot be read. */
export const BAD_REQUEST_REASON = 'PQSDK.BadRequest';

/** The reason of a `--jsonl` request that hit a bug in pqsdk. */
export const INTERNAL_ERROR_REASON = 'PQSDK.InternalError';

/** Why an evaluation failed: the `error` object of `--jsonl`, and the lines of `pqsdk eval`. */
export interface EvalError {
  /** The M error's reason (`Expression.Error`, …), a `PQSDK.*` one, or null when its record has none. */
  readonly reason: string | null;
  /** The M error's message; null when its record has none. */
  readonly message: string | null;
  /** The M error's detail as an M literal, or null when it has none. */
  readonly detail: string | null;
}

/** What evaluating one expression gave: its value as an M literal, or why it failed. */
export type EvalOutcome =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: EvalError };

/**
 * Evaluates an expression document in a fresh context of `engine` and prints its value as an M
 * literal. The time limit covers the printing too, since lists and tables are lazy.
 *
 * @returns The printed value, or the M error (syntax errors included), timeout or cancellation.
 * @throws Anything else the evaluation throws: that is a bug.
 */
export function evaluateToOutcome(
  engine: Engine,
  text: string,
  options: EvaluationOptions,
  print: PrintValueOptions = {},
): EvalOutcome {
  const ctx = engine.createContext(options);
  let failure: unknown;
  try {
    const value = engine.evaluateIn(ctx, text);
    return { ok: true, value: guard(() => printValue(ctx, value, print)) };
  } catch (error) {
    failure = error;
  }
  try {
    if (failure instanceof MError) return { ok: false, error: describeMError(ctx, failure) };
  } catch (error) {
    // The time ran out while the detail was being printed.
    failure = error;
  }
  if (failure instanceof EvaluationAbortedError) {
    return { ok: false, error: describeAbort(failure, options.timeoutMs) };
  }
  throw failure;
}

/**
 * The reason, message and printed detail of an M error. A detail that itself raises an error when
 * printed is written as that error, `error [Reason = …]`.
 *
 * @throws {@link EvaluationAbortedError} when the time runs out while the detail is printed.
 */
export function describeMError(ctx: Context, error: MError): EvalError {
  return {
    reason: error.reason,
    message: error.mMessage,
    detail: strip(error.detail) === null ? null : printDetail(ctx, error.detail),
  };
}

function printDetail(ctx: Context, detail: Value): string {
  try {
    return guard(() => printValue(ctx, detail));
  } catch (error) {
    if (!(error instanceof MError)) throw error;
    return `error ${printValue(ctx, errorToRecord(error))}`;
  }
}

/** The error of an evaluation stopped by its time limit or its signal. */
export function describeAbort(error: EvaluationAbortedError, timeoutMs?: number): EvalError {
  if (error.why === 'timeout') {
    const limit = timeoutMs === undefined ? '' : ` within ${String(timeoutMs)} ms`;
    return {
      reason: TIMEOUT_REASON,
      message: `The evaluation did not finish${limit} (--timeout-ms).`,
      detail: null,
    };
  }
  return { reason: CANCELLED_REASON, message: 'The evaluation was cancelled.', detail: null };
}

/**
 * The human-readable form of an error, for standard error: `[Reason] Message`, then the detail on
 * a line of its own when there is one.
 */
export function formatEvalError(error: EvalError): string {
  const head = error.message === null ? `[${error.reason}]` : `[${error.reason}] ${error.message}`;
  return error.detail === null ? `${head}\n` : `${head}\n${error.detail}\n`;
}

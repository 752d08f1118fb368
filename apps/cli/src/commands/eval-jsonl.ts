import type { Engine } from '@pqsdk/m-evaluator';
import type { CliIo } from '../cli-io.js';
import { EXIT_INTERNAL, EXIT_OK } from '../exit-code.js';
import { readLines, type TextSource } from '../read-stdin.js';
import { UsageError } from '../usage-error.js';
import { evaluationOptions, type EvalSettings } from './eval-options.js';
import {
  BAD_REQUEST_REASON,
  type EvalError,
  evaluateToOutcome,
  INTERNAL_ERROR_REASON,
} from './eval-outcome.js';

/** One request of `pqsdk eval --jsonl`, as read from its line. */
export type JsonlRequest =
  | { readonly ok: true; readonly id: unknown; readonly expression: string }
  | { readonly ok: false; readonly id: unknown; readonly message: string };

/** One line of the output of `pqsdk eval --jsonl`. */
export type JsonlResponse =
  | { readonly id: unknown; readonly ok: true; readonly value: string }
  | { readonly id: unknown; readonly ok: false; readonly error: EvalError };

/**
 * Reads one line of `--jsonl` input: a JSON object with an `expression` text and, optionally, an
 * `id` (any JSON value, echoed as is; null when absent). Other fields are ignored.
 *
 * @param line - The line, without its end.
 * @param lineNumber - Its 1-based number, for the messages.
 */
export function readJsonlRequest(line: string, lineNumber: number): JsonlRequest {
  const where = `Line ${String(lineNumber)}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, id: null, message: `${where} is not valid JSON: ${reason}.` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      id: null,
      message: `${where} is not a JSON object such as {"id": "1", "expression": "1 + 1"}.`,
    };
  }
  const id: unknown = Object.hasOwn(parsed, 'id') ? (parsed as { id: unknown }).id : null;
  const expression: unknown = Object.hasOwn(parsed, 'expression')
    ? (parsed as { expression: unknown }).expression
    : undefined;
  if (expression === undefined) {
    return { ok: false, id, message: `${where} has no "expression".` };
  }
  if (typeof expression !== 'string') {
    return { ok: false, id, message: `${where}: "expression" must be a JSON string.` };
  }
  return { ok: true, id, expression };
}

/**
 * Runs `pqsdk eval --jsonl`: reads requests from `input` line by line and writes one response line
 * per request, in order, as soon as it is known. Blank lines are skipped. Every request is
 * evaluated in a fresh context of the same engine, with the same settings. A request that fails,
 * cannot be read, or runs out of time gets an `ok: false` line, and the batch goes on.
 *
 * @returns 0 once every line was answered; 70 when some request hit a bug in pqsdk (it was answered
 *   with reason `PQSDK.InternalError`, and the bug reported on standard error).
 * @throws {@link UsageError} when standard input cannot be read.
 */
export async function runJsonl(
  engine: Engine,
  input: TextSource,
  io: CliIo,
  settings: EvalSettings,
): Promise<number> {
  let lineNumber = 0;
  let bugs = 0;
  try {
    for await (const line of readLines(input)) {
      lineNumber++;
      if (line.trim() === '') continue;
      const request = readJsonlRequest(line, lineNumber);
      let response: JsonlResponse;
      if (request.ok) {
        try {
          const outcome = evaluateToOutcome(
            engine,
            request.expression,
            evaluationOptions(settings),
            { multiline: settings.multiline },
          );
          response = { id: request.id, ...outcome };
        } catch (error) {
          bugs++;
          reportBug(error, lineNumber, io);
          response = failure(request.id, INTERNAL_ERROR_REASON, bugMessage(error));
        }
      } else {
        response = failure(request.id, BAD_REQUEST_REASON, request.message);
      }
      io.stdout(`${JSON.stringify(response)}\n`);
    }
  } catch (error) {
    throw readError(error);
  }
  return bugs > 0 ? EXIT_INTERNAL : EXIT_OK;
}

function failure(id: unknown, reason: string, message: string): JsonlResponse {
  return { id, ok: false, error: { reason, message, detail: null } };
}

function bugMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const newline = message.indexOf('\n');
  return `A bug in pqsdk: ${newline === -1 ? message : message.slice(0, newline)}`;
}

function reportBug(error: unknown, lineNumber: number, io: CliIo): void {
  io.stderr(`pqsdk eval: internal error on line ${String(lineNumber)}: ${bugMessage(error)}\n`);
  const debug = io.env?.['PQSDK_DEBUG'];
  if (debug !== undefined && debug !== '' && debug !== '0' && error instanceof Error) {
    io.stderr(`${error.stack ?? error.message}\n`);
  } else {
    io.stderr('pqsdk eval: this is a bug in pqsdk; rerun with PQSDK_DEBUG=1 to see the stack\n');
  }
}

/** A failure to read standard input becomes a usage error; anything else is a bug. */
function readError(error: unknown): unknown {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return new UsageError(
      'PQSDK_UNREADABLE_PATH',
      `cannot read standard input: ${error.message} (${error.code})`,
    );
  }
  return error;
}

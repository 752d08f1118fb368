import type { Context, TraceLevel } from '../context.js';
import { MError } from '../errors.js';
import { printValue } from '../print/print-value.js';
import { FunctionValue } from '../values/function.js';
import { ArrayList } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { TYPE } from '../values/type.js';
import { describeKind, strip, type Value } from '../values/value.js';
import { asLogical, asNumber } from './arguments.js';
import { defineConstant, defineFunction, type LibraryEntry } from './define.js';

/** `Diagnostics.*` and the `TraceLevel.*` constants. */

/** The `TraceLevel.*` constants and the level each one names. */
const TRACE_LEVELS: readonly (readonly [TraceLevel, number])[] = [
  ['Critical', 1],
  ['Error', 2],
  ['Warning', 4],
  ['Information', 8],
  ['Verbose', 16],
];

function traceLevel(value: Value): TraceLevel {
  const number = asNumber(value);
  const level = TRACE_LEVELS.find(([, code]) => code === number);
  if (level === undefined) {
    throw MError.expression(
      'The trace level must be one of the TraceLevel values (TraceLevel.Critical, TraceLevel.Error, TraceLevel.Warning, TraceLevel.Information, TraceLevel.Verbose).',
      number,
    );
  }
  return level[0];
}

/** The longest trace text written; longer texts are cut, ending with an ellipsis. */
const MAX_TRACE_TEXT = 10_000;

/** A value as trace text: a text as it is, any other value printed as an M literal. */
function traceText(ctx: Context, value: Value): string {
  const plain = strip(value);
  let text: string;
  if (typeof plain === 'string') {
    text = plain;
  } else {
    try {
      text = printValue(ctx, plain);
    } catch (error) {
      if (!(error instanceof MError)) throw error;
      text = `${describeKind(plain)} (${error.describe()})`;
    }
  }
  return text.length > MAX_TRACE_TEXT ? `${text.slice(0, MAX_TRACE_TEXT - 1)}…` : text;
}

/**
 * A deterministic GUID for an evaluation: the same clock gives the same identifier, so a run can
 * be repeated exactly (FNV-1a over the purpose and the clock, four times with different seeds).
 */
function evaluationGuid(ctx: Context, purpose: string): string {
  const input = `${purpose}:${String(ctx.nowMs)}`;
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let hash = seed >>> 0;
    for (let index = 0; index < input.length; index++) {
      hash ^= input.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The `Diagnostics.*` functions and the `TraceLevel.*` constants. */
export const DIAGNOSTICS_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Diagnostics.Trace',
    '(traceLevel as number, message as anynonnull, value as any, optional delayed as nullable logical) as any',
    (ctx, [level, message, value, delayed]) => {
      const name = traceLevel(level);
      const isDelayed = strip(delayed) !== null && asLogical(delayed);
      if (isDelayed) {
        if (ctx.tracer !== undefined) ctx.trace(name, traceText(ctx, message));
        const plain = strip(value);
        return plain instanceof FunctionValue ? plain.invoke(ctx, []) : value;
      }
      if (ctx.tracer !== undefined) {
        ctx.trace(name, traceText(ctx, message), traceText(ctx, value));
      }
      return value;
    },
    { keepMetadata: true },
  ),
  defineFunction('Diagnostics.ActivityId', '() as nullable text', (ctx) =>
    evaluationGuid(ctx, 'activity'),
  ),
  defineFunction('Diagnostics.CorrelationId', '() as nullable text', (ctx) =>
    evaluationGuid(ctx, 'correlation'),
  ),
  ...TRACE_LEVELS.map(([name, code]) => defineConstant(`TraceLevel.${name}`, code)),
  defineConstant('TraceLevel.Type', () =>
    TYPE.number.withMeta(
      RecordValue.of([
        ['Documentation.Name', 'TraceLevel.Type'],
        ['Documentation.AllowedValues', ArrayList.of(TRACE_LEVELS.map(([, code]) => code))],
      ]),
    ),
  ),
];

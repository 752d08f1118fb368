import { formatIdentifier } from '@pqsdk/m-ast';
import type { Context } from '../context.js';
import { MError } from '../errors.js';
import { mergeRecords } from '../operators/combine.js';
import { printValue } from '../print/print-value.js';
import { FunctionValue } from '../values/function.js';
import { RecordLayout, RecordValue } from '../values/record.js';
import type { Slot } from '../values/thunk.js';
import { strip } from '../values/value.js';
import { asRecord, asText } from './arguments.js';
import { defineFunction, type LibraryEntry } from './define.js';

/** `Expression.*`: M source text from values and names, and evaluation of M text. */

/** The key of the intrinsics record in an evaluation's cache. */
const INTRINSICS_KEY: object = Object.freeze({});

/**
 * The `#`-constructors (`#date`, `#table`, …), which belong to the language rather than to the
 * standard library: they are available in every environment `Expression.Evaluate` is given.
 */
function intrinsics(ctx: Context): RecordValue {
  const cached = ctx.cache.get(INTRINSICS_KEY);
  if (cached instanceof RecordValue) return cached;
  const shared = ctx.host?.sharedRecord(ctx) ?? RecordValue.EMPTY;
  const names: string[] = [];
  const slots: Slot[] = [];
  shared.names.forEach((name, index) => {
    if (!name.startsWith('#')) return;
    names.push(name);
    slots.push(shared.slot(index));
  });
  const record = new RecordValue(RecordLayout.of(names), slots);
  ctx.cache.set(INTRINSICS_KEY, record);
  return record;
}

/** The `Expression.*` functions. */
export const EXPRESSION_LIBRARY: readonly LibraryEntry[] = [
  defineFunction(
    'Expression.Evaluate',
    '(document as text, optional environment as nullable record) as any',
    (ctx, [document, environment]) => {
      const host = ctx.host;
      if (host === undefined) {
        throw MError.expression('Expression.Evaluate needs an engine to evaluate in.');
      }
      const names = strip(environment) === null ? RecordValue.EMPTY : asRecord(environment);
      return host.evaluateText(ctx, asText(document), mergeRecords(intrinsics(ctx), names));
    },
  ),
  defineFunction('Expression.Constant', '(value as any) as text', (ctx, [value]) => {
    if (value instanceof FunctionValue) {
      throw MError.expression(
        'A function has no constant form: Expression.Constant cannot write it.',
      );
    }
    return printValue(ctx, value);
  }),
  defineFunction('Expression.Identifier', '(name as text) as text', (_ctx, [name]) =>
    formatIdentifier(asText(name)),
  ),
];

import { ArrayList, RecordValue, type Value } from '@pqsdk/m-evaluator';
import type { Json } from '../evaluation/protocol.js';

/** A JSON value as an M value: objects become records, arrays lists. */
export function valueOfJson(json: Json): Value {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return ArrayList.of((json as readonly Json[]).map(valueOfJson));
  return RecordValue.of(
    Object.entries(json as { readonly [name: string]: Json }).map(
      ([name, value]): [string, Value] => [name, valueOfJson(value)],
    ),
  );
}

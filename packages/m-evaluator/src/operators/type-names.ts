import { primitiveTypeOf, type Value } from '../values/value.js';
import type { PrimitiveTypeName } from '../values/type.js';

const DISPLAY: Readonly<Record<PrimitiveTypeName, string>> = {
  any: 'Any',
  anynonnull: 'AnyNonNull',
  none: 'None',
  null: 'Null',
  logical: 'Logical',
  number: 'Number',
  text: 'Text',
  date: 'Date',
  time: 'Time',
  datetime: 'DateTime',
  datetimezone: 'DateTimeZone',
  duration: 'Duration',
  binary: 'Binary',
  list: 'List',
  record: 'Record',
  table: 'Table',
  function: 'Function',
  type: 'Type',
  action: 'Action',
};

/** The name of a primitive type as the engine writes it in messages: `Number`, `DateTime`, … */
export function displayTypeName(name: PrimitiveTypeName): string {
  return DISPLAY[name];
}

/** The message name of a value's type. */
export function displayTypeOf(value: Value): string {
  return DISPLAY[primitiveTypeOf(value)];
}

import { BinaryValue } from '../values/binary.js';
import { FunctionValue } from '../values/function.js';
import { ListValue } from '../values/list.js';
import { RecordValue } from '../values/record.js';
import { TableValue } from '../values/table.js';
import { listType, recordType, TYPE, type TypeValue } from '../values/type.js';
import { strip, type Value } from '../values/value.js';

/**
 * The type of a value (`Value.Type`): the primitive type for scalars; for lists, records, tables and
 * functions the type they were given (`Value.ReplaceType`), or the one they are built with.
 */
export function typeOfValue(value: Value): TypeValue {
  const plain = strip(value);
  if (plain === null) return TYPE.null;
  switch (typeof plain) {
    case 'boolean':
      return TYPE.logical;
    case 'number':
      return TYPE.number;
    case 'string':
      return TYPE.text;
    default:
      break;
  }
  if (plain instanceof ListValue) return plain.declaredType ?? listType(TYPE.any);
  if (plain instanceof RecordValue) {
    return (
      plain.declaredType ??
      recordType(plain.names.map((name) => ({ name, type: TYPE.any, optional: false })))
    );
  }
  if (plain instanceof TableValue) return plain.type;
  if (plain instanceof FunctionValue) return plain.type;
  if (plain instanceof BinaryValue) return TYPE.binary;
  switch (plain.kind) {
    case 'date':
      return TYPE.date;
    case 'time':
      return TYPE.time;
    case 'datetime':
      return TYPE.datetime;
    case 'datetimezone':
      return TYPE.datetimezone;
    case 'duration':
      return TYPE.duration;
    case 'type':
      return TYPE.type;
    default:
      return TYPE.any;
  }
}

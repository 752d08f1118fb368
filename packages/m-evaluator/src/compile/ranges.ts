import { MError } from '../errors.js';
import { displayTypeOf } from '../operators/type-names.js';
import { ArrayList, NumberRangeList, type ListValue } from '../values/list.js';
import { strip, type Value } from '../values/value.js';

/** The largest count of a range list (a range is never materialized, but counts stay exact). */
const MAX_RANGE = Number.MAX_SAFE_INTEGER;

/**
 * The items of `start..end` in a list expression: the whole numbers from `start` to `end` (none
 * when `end` is smaller), or the characters from one single-character text to another. A numeric
 * range streams, so `{1..1000000000}` never allocates its items.
 */
export function rangeList(startValue: Value, endValue: Value): ListValue {
  const start = strip(startValue);
  const end = strip(endValue);
  if (typeof start === 'number' && typeof end === 'number') {
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw MError.expression(
        'The bounds of a range must be whole numbers.',
        Number.isInteger(start) ? end : start,
      );
    }
    if (end < start) return ArrayList.EMPTY;
    const count = end - start + 1;
    if (count > MAX_RANGE) throw MError.expression('The range has too many items.', count);
    return new NumberRangeList(start, count);
  }
  if (typeof start === 'string' && typeof end === 'string') {
    if (start.length !== 1 || end.length !== 1) {
      throw MError.expression('The bounds of a character range must be single characters.');
    }
    const first = start.charCodeAt(0);
    const last = end.charCodeAt(0);
    const items: Value[] = [];
    for (let code = first; code <= last; code++) items.push(String.fromCharCode(code));
    return ArrayList.of(items);
  }
  throw MError.expression(
    `We cannot make a range from ${displayTypeOf(start)} to ${displayTypeOf(end)}: the bounds must be numbers or single characters.`,
  );
}

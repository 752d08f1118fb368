import type { Context } from '../../context.js';
import { MError } from '../../errors.js';
import { FunctionValue } from '../../values/function.js';
import { strip, type Value } from '../../values/value.js';
import { asCount } from '../arguments.js';
import { NativeFunction } from '../native-function.js';
import { ComputedFunction } from '../text/computed-function.js';
import { PRIMITIVE_READERS } from './primitives.js';
import { BinaryFormatData, type BinaryReader, type ReadFormat } from './reader.js';

/**
 * Recognising binary format values among arguments, and the lengths and counts that are either a
 * number or a binary format that reads them from the data.
 */

/**
 * How a value reads as a binary format: a primitive format of the library, or a format a
 * BinaryFormat function made (behind any metadata or replaced type); undefined for anything else,
 * other functions included.
 */
export function formatOf(value: Value): ReadFormat | undefined {
  const plain = strip(value);
  if (!(plain instanceof FunctionValue)) return undefined;
  const base = plain.base;
  if (base instanceof ComputedFunction && base.data instanceof BinaryFormatData) {
    return base.data.read;
  }
  if (base instanceof NativeFunction) return PRIMITIVE_READERS.get(base.definition);
  return undefined;
}

/** A value that must be a binary format; `what` names it in the error. */
export function asFormat(value: Value, what: string): ReadFormat {
  const read = formatOf(value);
  if (read !== undefined) return read;
  throw MError.expression(
    `${what} must be a binary format, such as BinaryFormat.Byte or a format that another BinaryFormat function returns.`,
    strip(value),
  );
}

/** A length or count: a number known now, or the format of a number that precedes the data. */
export type CountSource = number | ReadFormat;

/** A `length` or `count` argument: a whole number that is not negative, or a binary format. */
export function countSource(value: Value, what: string): CountSource {
  const plain = strip(value);
  if (typeof plain === 'number') return asCount(plain, what);
  if (plain instanceof FunctionValue) return asFormat(plain, what);
  throw MError.expression(`${what} must be a number or a binary format.`, plain);
}

/** The count itself: the number, or the number its format reads at the reader's position. */
export function readCount(
  ctx: Context,
  reader: BinaryReader,
  littleEndian: boolean,
  source: CountSource,
  what: string,
): number {
  if (typeof source === 'number') return source;
  const value = strip(source(ctx, reader, littleEndian));
  if (typeof value !== 'number') {
    throw MError.expression(`${what} read from the data must be a number.`, value);
  }
  return asCount(value, what);
}

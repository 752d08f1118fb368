import { MError } from '../../errors.js';
import { RecordValue } from '../../values/record.js';
import { defineFunction, type LibraryFunction } from '../define.js';
import { readBinary, take, type BinaryReader, type ReadFormat } from './reader.js';

/**
 * The binary formats that are library functions themselves (`BinaryFormat.Byte`, the integers, the
 * floating point numbers, `.NET` decimals, 7-bit encoded integers and `BinaryFormat.Null`): each
 * reads a fixed layout. 64-bit integers and decimals become the nearest number (M numbers are
 * doubles here).
 */

/** The next `size` bytes as a DataView. */
function view(reader: BinaryReader, size: number): DataView {
  const bytes = take(reader, size);
  return new DataView(bytes.buffer, bytes.byteOffset, size);
}

const readByte: ReadFormat = (_ctx, reader) => take(reader, 1)[0] as number;

const readInt16: ReadFormat = (_ctx, reader, little) => view(reader, 2).getInt16(0, little);
const readInt32: ReadFormat = (_ctx, reader, little) => view(reader, 4).getInt32(0, little);
const readInt64: ReadFormat = (_ctx, reader, little) =>
  Number(view(reader, 8).getBigInt64(0, little));
const readUInt16: ReadFormat = (_ctx, reader, little) => view(reader, 2).getUint16(0, little);
const readUInt32: ReadFormat = (_ctx, reader, little) => view(reader, 4).getUint32(0, little);
const readUInt64: ReadFormat = (_ctx, reader, little) =>
  Number(view(reader, 8).getBigUint64(0, little));
const readSingle: ReadFormat = (_ctx, reader, little) => view(reader, 4).getFloat32(0, little);
const readDouble: ReadFormat = (_ctx, reader, little) => view(reader, 8).getFloat64(0, little);
const readNull: ReadFormat = () => null;

/** The largest scale (digits after the decimal point) of a .NET decimal. */
const MAX_DECIMAL_SCALE = 28;

function invalidDecimal(flags: number): MError {
  return MError.dataFormat(
    'The 16 bytes are not a valid .NET decimal: the scale must be at most 28 and only the sign and scale bits of the flags may be set.',
    RecordValue.of([['Flags', flags]]),
  );
}

/**
 * A .NET decimal: four 32-bit integers in the format's byte order, the low, middle and high parts
 * of the 96-bit magnitude, then the flags (the scale in bits 16 to 23, the sign in bit 31).
 */
const readDecimal: ReadFormat = (_ctx, reader, little) => {
  const data = view(reader, 16);
  const low = data.getUint32(0, little);
  const middle = data.getUint32(4, little);
  const high = data.getUint32(8, little);
  const flags = data.getUint32(12, little);
  const scale = (flags >>> 16) & 0xff;
  if ((flags & 0x7f00ffff) !== 0 || scale > MAX_DECIMAL_SCALE) throw invalidDecimal(flags);
  const magnitude = (BigInt(high) << 64n) | (BigInt(middle) << 32n) | BigInt(low);
  if (magnitude === 0n) return 0;
  const digits = magnitude.toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  const value = Number(text);
  return flags >>> 31 === 1 ? -value : value;
};

/** The most bytes a 7-bit encoded 64-bit integer takes (ten groups of seven bits). */
const MAX_7BIT_BYTES = 10;

/**
 * A 64-bit integer written seven bits a byte, the lowest group first; the high bit of a byte says
 * another byte follows (the encoding of .NET's `BinaryWriter.Write7BitEncodedInt64`).
 */
function read7BitEncoded(reader: BinaryReader): bigint {
  let value = 0n;
  for (let index = 0; index < MAX_7BIT_BYTES; index++) {
    const byte = take(reader, 1)[0] as number;
    value |= BigInt(byte & 0x7f) << BigInt(7 * index);
    if ((byte & 0x80) === 0) {
      if (index === MAX_7BIT_BYTES - 1 && byte > 1) break;
      return value;
    }
  }
  throw MError.dataFormat(
    'The 7-bit encoded integer is too long: a 64-bit integer takes at most ten bytes.',
  );
}

const readUInt7Bit: ReadFormat = (_ctx, reader) => Number(read7BitEncoded(reader));
const readInt7Bit: ReadFormat = (_ctx, reader) =>
  Number(BigInt.asIntN(64, read7BitEncoded(reader)));

function primitive(name: string, read: ReadFormat): readonly [LibraryFunction, ReadFormat] {
  const definition = defineFunction(
    `BinaryFormat.${name}`,
    '(binary as binary) as any',
    (ctx, [b]) => readBinary(ctx, b, read),
  );
  return [definition, read];
}

const PRIMITIVES = [
  primitive('Byte', readByte),
  primitive('SignedInteger16', readInt16),
  primitive('SignedInteger32', readInt32),
  primitive('SignedInteger64', readInt64),
  primitive('UnsignedInteger16', readUInt16),
  primitive('UnsignedInteger32', readUInt32),
  primitive('UnsignedInteger64', readUInt64),
  primitive('Single', readSingle),
  primitive('Double', readDouble),
  primitive('Decimal', readDecimal),
  primitive('7BitEncodedSignedInteger', readInt7Bit),
  primitive('7BitEncodedUnsignedInteger', readUInt7Bit),
  primitive('Null', readNull),
] as const;

/** How each primitive format reads, by its library declaration (to read it inside other formats). */
export const PRIMITIVE_READERS: ReadonlyMap<LibraryFunction, ReadFormat> = new Map(PRIMITIVES);

/** The primitive formats of the BinaryFormat namespace. */
export const BINARY_FORMAT_PRIMITIVES: readonly LibraryFunction[] = PRIMITIVES.map(
  ([definition]) => definition,
);

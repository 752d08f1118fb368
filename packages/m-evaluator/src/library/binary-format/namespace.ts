import { TYPE } from '../../values/type.js';
import { defineConstant, type LibraryEntry } from '../define.js';
import { BINARY_FORMAT_COMPOSITES } from './composite.js';
import { BINARY_FORMAT_GROUP } from './group.js';
import { BINARY_FORMAT_PRIMITIVES } from './primitives.js';
import { BINARY_OCCURRENCE, BYTE_ORDER } from './reader.js';

/**
 * The BinaryFormat namespace (binary formats: functions that read a value from a binary), with the
 * enumerations its functions take: `BinaryOccurrence.*` and `ByteOrder.*` (each `.Type` is
 * `type number`).
 */
export const BINARY_FORMAT_LIBRARY: readonly LibraryEntry[] = [
  ...BINARY_FORMAT_PRIMITIVES,
  ...BINARY_FORMAT_COMPOSITES,
  ...BINARY_FORMAT_GROUP,
  defineConstant('BinaryOccurrence.Optional', BINARY_OCCURRENCE.optional),
  defineConstant('BinaryOccurrence.Required', BINARY_OCCURRENCE.required),
  defineConstant('BinaryOccurrence.Repeating', BINARY_OCCURRENCE.repeating),
  defineConstant('BinaryOccurrence.Type', TYPE.number),
  defineConstant('ByteOrder.LittleEndian', BYTE_ORDER.littleEndian),
  defineConstant('ByteOrder.BigEndian', BYTE_ORDER.bigEndian),
  defineConstant('ByteOrder.Type', TYPE.number),
];

import type { RecordValue } from './record.js';

/**
 * A binary value: bytes in memory. (Streams from `Web.Contents` and `File.Contents` are read into
 * memory when the value is made; `Binary.Buffer` is then a no-op.)
 */
export class BinaryValue {
  readonly kind = 'binary';

  constructor(
    readonly bytes: Uint8Array,
    readonly meta: RecordValue | null = null,
  ) {}

  static readonly EMPTY = new BinaryValue(new Uint8Array(0));

  withMeta(meta: RecordValue | null): BinaryValue {
    return new BinaryValue(this.bytes, meta);
  }

  get length(): number {
    return this.bytes.length;
  }
}

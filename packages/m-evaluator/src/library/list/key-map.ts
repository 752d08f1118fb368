import { BinaryValue } from '../../values/binary.js';
import { ListValue } from '../../values/list.js';
import { RecordValue } from '../../values/record.js';
import { TableValue } from '../../values/table.js';
import {
  DateTimeValue,
  DateTimeZoneValue,
  DateValue,
  DurationValue,
  TimeValue,
} from '../../values/temporal.js';
import { strip, type Value } from '../../values/value.js';
import type { Equation } from '../criteria.js';

/**
 * Hashing and keyed collections for equation criteria (re-exported by `criteria.ts`): a hash
 * consistent with `=`, and a map from keys to values that hashes, binary-searches or scans
 * depending on what the criteria allow.
 */

/**
 * A hash of a value consistent with `=`: equal values have equal hashes. Scalars hash to
 * themselves or to a short text; lists, records and tables hash coarsely (their items are not
 * computed), so equal-looking structures are told apart by `equals`.
 */
export function hashKey(value: Value): unknown {
  const plain = strip(value);
  if (plain === null || typeof plain !== 'object') return plain;
  return hashObject(plain);
}

/** A hash of one part of a composite key, as text (parts are joined into one hash). */
export function hashPart(value: Value): string {
  const plain = strip(value);
  switch (typeof plain) {
    case 'number':
      return `n${String(plain === 0 ? 0 : plain)}`;
    case 'string':
      return `s${plain}`;
    case 'boolean':
      return plain ? 'T' : 'F';
    default:
      return plain === null ? 'N' : hashObject(plain);
  }
}

function hashObject(value: Exclude<Value, null | boolean | number | string>): string {
  if (value instanceof DateValue) return `D${String(value.days)}`;
  if (value instanceof DateTimeValue) return `d${String(value.days)}:${String(value.ticks)}`;
  if (value instanceof DateTimeZoneValue) return `z${String(value.utcTicks)}`;
  if (value instanceof TimeValue) return `t${String(value.ticks)}`;
  if (value instanceof DurationValue) return `u${String(value.ticks)}`;
  if (value instanceof BinaryValue) {
    const bytes = value.bytes;
    return `b${String(bytes.length)}:${String(bytes[0] ?? -1)}:${String(bytes[bytes.length - 1] ?? -1)}`;
  }
  if (value instanceof ListValue) return 'L';
  if (value instanceof RecordValue) return `R${String(value.size)}`;
  if (value instanceof TableValue) return `B${String(value.columnCount)}`;
  return value.kind;
}

interface Entry<V> {
  readonly key: Value;
  value: V;
}

/**
 * A map from keys to values under an equation: hashed where the equation has a hash, kept in
 * order and binary-searched where it has an order, and searched linearly otherwise (a custom
 * comparer). Insertion order is kept in `entries`.
 */
export class KeyMap<V> {
  readonly #equation: Equation<never>;
  /** Hash to its entry, or to several entries when hashes collide. */
  readonly #table = new Map<unknown, Entry<V> | Entry<V>[]>();
  readonly #sorted: Entry<V>[] = [];
  readonly #entries: Entry<V>[] = [];

  constructor(equation: Equation<never>) {
    this.#equation = equation;
  }

  /** The entries, in the order their keys were first set. */
  get entries(): readonly { readonly key: Value; readonly value: V }[] {
    return this.#entries;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The entry of a key with a known hash, if any. */
  #findHashed(key: Value, hash: unknown): Entry<V> | undefined {
    const slot = this.#table.get(hash);
    if (slot === undefined) return undefined;
    const equals = this.#equation.equals;
    if (!Array.isArray(slot)) return equals(slot.key, key) ? slot : undefined;
    for (const entry of slot) if (equals(entry.key, key)) return entry;
    return undefined;
  }

  /** The entry of a key, if any. */
  #find(key: Value): Entry<V> | undefined {
    const equation = this.#equation;
    if (equation.hash !== undefined) return this.#findHashed(key, equation.hash(key));
    if (equation.order !== undefined) {
      const index = this.#search(key, equation.order);
      const entry = this.#sorted[index];
      return entry !== undefined && equation.order(entry.key, key) === 0 ? entry : undefined;
    }
    for (const entry of this.#entries) if (equation.equals(entry.key, key)) return entry;
    return undefined;
  }

  /** The first position whose key is not below `key`. */
  #search(key: Value, order: (left: Value, right: Value) => number): number {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order((this.#sorted[middle] as Entry<V>).key, key) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  has(key: Value): boolean {
    return this.#find(key) !== undefined;
  }

  get(key: Value): V | undefined {
    return this.#find(key)?.value;
  }

  /** Sets the value of a key (a new key is added at the end of `entries`). */
  set(key: Value, value: V): void {
    const entry = this.#entry(key, value);
    entry.value = value;
  }

  /**
   * The value of a key; when the key is new, `value` is stored for it and returned. One lookup,
   * for the loops of `List.Distinct`, `List.Union` and `List.Mode`.
   */
  getOrAdd(key: Value, value: V): V {
    return this.#entry(key, value).value;
  }

  /** The entry of a key, added with `value` when missing. */
  #entry(key: Value, value: V): Entry<V> {
    const equation = this.#equation;
    if (equation.hash !== undefined) {
      const hash = equation.hash(key);
      const found = this.#findHashed(key, hash);
      if (found !== undefined) return found;
      const entry: Entry<V> = { key, value };
      this.#entries.push(entry);
      const slot = this.#table.get(hash);
      if (slot === undefined) this.#table.set(hash, entry);
      else if (Array.isArray(slot)) slot.push(entry);
      else this.#table.set(hash, [slot, entry]);
      return entry;
    }
    const found = this.#find(key);
    if (found !== undefined) return found;
    const entry: Entry<V> = { key, value };
    this.#entries.push(entry);
    if (equation.order !== undefined) {
      this.#sorted.splice(this.#search(key, equation.order), 0, entry);
    }
    return entry;
  }
}

import { MError } from '../errors.js';
import { forceSlot, type Slot } from './thunk.js';
import type { TypeValue } from './type.js';
import type { Value } from './value.js';

/**
 * The field names of records, in order, and where each one is: a "hidden class" shared by every
 * record built the same way (all the rows of a table, every value of one record expression), so a
 * field name resolves to an index once per layout rather than once per record.
 */
export class RecordLayout {
  readonly names: readonly string[];
  readonly #index: Map<string, number>;

  private constructor(names: readonly string[], index: Map<string, number>) {
    this.names = names;
    this.#index = index;
  }

  /** A layout of distinct names. Throws an `Expression.Error` naming a repeated field. */
  static of(names: readonly string[]): RecordLayout {
    const index = new Map<string, number>();
    names.forEach((name, position) => {
      if (index.has(name)) {
        throw MError.expression(`The field '${name}' already exists in the record.`, name);
      }
      index.set(name, position);
    });
    return new RecordLayout(names, index);
  }

  /** The position of a field, or -1. */
  indexOf(name: string): number {
    return this.#index.get(name) ?? -1;
  }

  has(name: string): boolean {
    return this.#index.has(name);
  }

  get size(): number {
    return this.names.length;
  }
}

const EMPTY_LAYOUT = RecordLayout.of([]);

/**
 * A record: an ordered set of named fields. Fields are lazy: a field's expression runs when the field
 * is first read, and an error in it is raised only by reading that field.
 */
export class RecordValue {
  readonly kind = 'record';

  constructor(
    readonly layout: RecordLayout,
    readonly slots: Slot[],
    readonly meta: RecordValue | null = null,
    /** A type given with `Value.ReplaceType`; otherwise the record's type is derived. */
    readonly declaredType: TypeValue | null = null,
  ) {}

  /** The empty record, `[]`. */
  static readonly EMPTY = new RecordValue(EMPTY_LAYOUT, []);

  /** A record of already computed field values. */
  static of(fields: Iterable<readonly [string, Value]>): RecordValue {
    const names: string[] = [];
    const slots: Slot[] = [];
    for (const [name, value] of fields) {
      names.push(name);
      slots.push(value);
    }
    return new RecordValue(RecordLayout.of(names), slots);
  }

  get size(): number {
    return this.slots.length;
  }

  get names(): readonly string[] {
    return this.layout.names;
  }

  /** The value of the field at `index`, computing it on first use. */
  at(index: number): Value {
    return forceSlot(this.slots, index);
  }

  /** The value of a field; an `Expression.Error` when there is no such field. */
  field(name: string): Value {
    const index = this.layout.indexOf(name);
    if (index < 0) {
      throw MError.expression(`The field '${name}' of the record wasn't found.`, this);
    }
    return this.at(index);
  }

  /** The value of a field, or undefined when there is no such field. */
  fieldOrUndefined(name: string): Value | undefined {
    const index = this.layout.indexOf(name);
    return index < 0 ? undefined : this.at(index);
  }

  has(name: string): boolean {
    return this.layout.has(name);
  }

  /** The slot of a field (unevaluated when it is still a thunk), for copying fields lazily. */
  slot(index: number): Slot {
    return this.slots[index] as Slot;
  }

  withMeta(meta: RecordValue | null): RecordValue {
    return new RecordValue(this.layout, this.slots, meta, this.declaredType);
  }

  withType(type: TypeValue): RecordValue {
    return new RecordValue(this.layout, this.slots, this.meta, type);
  }
}

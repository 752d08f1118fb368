import { MError } from '../errors.js';
import type { Value } from './value.js';

const PENDING = 0;
const RUNNING = 1;
const DONE = 2;
const FAILED = 3;

/**
 * A lazy binding: a `let` variable, a record field, a section member or a list item. It is evaluated
 * at most once; an error is kept and raised again on every later use; a binding that needs its own
 * value while it is being evaluated raises the cyclic-reference error.
 */
export class Thunk {
  #state = PENDING;
  #value: Value = null;
  #error: unknown;
  #compute: (() => Value) | undefined;

  constructor(compute: () => Value) {
    this.#compute = compute;
  }

  /** The value, evaluating it on first use. */
  force(): Value {
    if (this.#state === DONE) return this.#value;
    return this.#slow();
  }

  /** Whether the value has been computed without error. */
  get isDone(): boolean {
    return this.#state === DONE;
  }

  #slow(): Value {
    if (this.#state === FAILED) throw this.#error;
    if (this.#state === RUNNING) {
      throw MError.expression('A cyclic reference was encountered during evaluation.');
    }
    this.#state = RUNNING;
    const compute = this.#compute as () => Value;
    try {
      const value = compute();
      this.#value = value;
      this.#state = DONE;
      this.#compute = undefined;
      return value;
    } catch (error) {
      if (error instanceof MError) {
        this.#state = FAILED;
        this.#error = error;
        this.#compute = undefined;
      } else {
        // Not an M error (an abort, a stack overflow, a bug): leave the binding as it was, so that
        // nothing records a JavaScript failure as the binding's value.
        this.#state = PENDING;
      }
      throw error;
    }
  }
}

/** A binding slot: a value, or a thunk that computes it. */
export type Slot = Value | Thunk;

/** The value of a slot, forcing it if it is a thunk. */
export function force(slot: Slot): Value {
  return slot instanceof Thunk ? slot.force() : slot;
}

/** The value of `slots[index]`, computing a thunk once and keeping its value in its place. */
export function forceSlot(slots: Slot[], index: number): Value {
  const slot = slots[index] as Slot;
  if (!(slot instanceof Thunk)) return slot;
  const value = slot.force();
  slots[index] = value;
  return value;
}

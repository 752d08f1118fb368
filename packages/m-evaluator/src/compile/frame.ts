import type { Context } from '../context.js';
import { Thunk, type Slot } from '../values/thunk.js';
import type { Value } from '../values/value.js';

/**
 * A frame of bindings at run time: index 0 holds the enclosing frame, the other indexes the slots of
 * the scope (let variables, record fields, section members, function parameters). Identifiers are
 * resolved to (depth, index) pairs when compiling, so no name is looked up at run time.
 */
export type Frame = unknown[];

/** A compiled expression: evaluates in a frame. */
export type Compiled = (frame: Frame, ctx: Context) => Value;

/** The frame above all others. */
export function rootFrame(): Frame {
  return [null];
}

/** The value of a slot of a frame, computing a lazy binding once and keeping its value. */
export function readSlot(frame: Frame, index: number): Value {
  const slot = frame[index] as Slot;
  if (!(slot instanceof Thunk)) return slot;
  const value = slot.force();
  frame[index] = value;
  return value;
}

/** The frame `depth` levels up. */
export function frameAt(frame: Frame, depth: number): Frame {
  let current = frame;
  for (let level = 0; level < depth; level++) current = current[0] as Frame;
  return current;
}

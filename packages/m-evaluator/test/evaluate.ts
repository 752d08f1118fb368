import { Engine } from '../src/engine.js';
import type { EvaluationOptions } from '../src/context.js';
import { MError } from '../src/errors.js';
import { printValue } from '../src/print/print-value.js';

const engine = new Engine();

/** The fixed clock, seed and culture of tests (ARCHITECTURE §6: every run can be repeated exactly). */
export const TEST_OPTIONS: EvaluationOptions = {
  now: new Date('2024-01-31T13:05:00Z'),
  seed: 42,
  culture: 'en-US',
};

/**
 * Evaluates M and returns the printed result (an M literal), or `error [Reason] Message` when the
 * evaluation raises an M error. Printing forces the whole value, so errors in fields show as
 * `error [...]` inside it.
 */
export function m(text: string, options: EvaluationOptions = {}): string {
  const ctx = engine.createContext({ ...TEST_OPTIONS, ...options });
  try {
    return printValue(ctx, engine.evaluateIn(ctx, text));
  } catch (error) {
    if (error instanceof MError) return `error ${error.describe()}`;
    throw error;
  }
}

/** The engine tests share (a fresh one per call would load the library each time). */
export function testEngine(): Engine {
  return engine;
}

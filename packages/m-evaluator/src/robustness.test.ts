import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from './context.js';
import { EvaluationAbortedError, MError } from './errors.js';
import { testEngine } from '../test/evaluate.js';

/** Evaluates `text`, returning what was thrown (undefined when it has a value). */
function thrownBy(
  text: string,
  options: Parameters<ReturnType<typeof testEngine>['createContext']>[0],
): unknown {
  const engine = testEngine();
  const ctx = engine.createContext(options);
  try {
    engine.evaluateIn(ctx, text);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('stopping an evaluation', () => {
  it('stops an endless generator at the time limit', () => {
    const started = Date.now();
    const error = thrownBy('List.Count(List.Generate(() => 0, each true, each _ + 1))', {
      timeoutMs: 100,
    });
    expect(error).toBeInstanceOf(EvaluationAbortedError);
    expect((error as EvaluationAbortedError).why).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops when the abort signal fires, even from inside the evaluation', () => {
    const controller = new AbortController();
    let traces = 0;
    const trace = {
      trace: (entry: TraceEntry) => {
        if (entry.message === 'item') traces += 1;
        if (traces === 3) controller.abort();
      },
    };
    const error = thrownBy(
      'List.Sum(List.Transform({1..10000000}, each Diagnostics.Trace(TraceLevel.Verbose, "item", _)))',
      { signal: controller.signal, trace },
    );
    expect(error).toBeInstanceOf(EvaluationAbortedError);
    expect((error as EvaluationAbortedError).why).toBe('aborted');
    expect(traces).toBeLessThan(10_000);
  });

  it('does not start when the signal has already fired', () => {
    const controller = new AbortController();
    controller.abort();
    const error = thrownBy('List.Sum({1..100000000})', { signal: controller.signal });
    expect(error).toBeInstanceOf(EvaluationAbortedError);
  });

  it('raises an M error, not a crash, when memory runs past the limit', () => {
    const limit = getHeapStatistics().used_heap_size + 64 * 1024 * 1024;
    const error = thrownBy(
      'List.Count(List.Buffer(List.Transform({1..50000000}, each Text.Repeat("x", 64) & Text.From(_))))',
      { memoryLimitBytes: limit },
    );
    expect(error).toBeInstanceOf(MError);
    expect((error as MError).message).toMatch(/ran out of memory/);
  });

  it('turns 100,000-deep recursion into the engine stack overflow error', () => {
    const error = thrownBy('let f = (n) => if n = 0 then 0 else 1 + @f(n - 1) in f(100000)', {});
    expect(error).toBeInstanceOf(MError);
    expect((error as MError).describe()).toBe(
      '[Expression.Error] Evaluation resulted in a stack overflow and cannot continue.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ChildOutput } from './evaluator-isolated.js';
import {
  allTargetsMet,
  caseFigures,
  duration,
  renderEvaluatorReport,
  targetText,
  type CaseMeasurement,
  type EvaluatorBenchReport,
} from './evaluator-report.js';

function done(runs: number[], digest = 'same', peak = 200): ChildOutput {
  return {
    status: 'done',
    warmupMilliseconds: [runs[0] ?? 0],
    runsMilliseconds: runs,
    digest,
    baselineRssMib: 90,
    peakRssMib: peak,
  };
}

const base = { ours: 'M', anchor: 'TypeScript' };

const ratioCase = (ours: number[], anchor: number[], oursDigest = 'same'): CaseMeasurement => ({
  ...base,
  name: 'ratio-case',
  target: { kind: 'ratio', max: 30 },
  oursOutput: done(ours, oursDigest),
  anchorOutput: done(anchor),
});

describe('caseFigures', () => {
  it('compares the medians with a ratio target', () => {
    expect(caseFigures(ratioCase([20, 10, 30], [1, 1, 2]))).toEqual({
      verdict: 'pass',
      oursMedian: 20,
      anchorMedian: 1,
      ratio: 20,
    });
    expect(caseFigures(ratioCase([40, 40, 40], [1, 1, 1])).verdict).toBe('MISSED');
  });

  it('compares our median with a time target, whatever the ratio', () => {
    const measurement: CaseMeasurement = {
      ...base,
      name: 'time-case',
      target: { kind: 'time', milliseconds: 500 },
      oursOutput: done([450, 460, 470]),
      anchorOutput: done([1, 1, 1]),
    };
    expect(caseFigures(measurement).verdict).toBe('pass');
    expect(caseFigures({ ...measurement, oursOutput: done([500, 510, 520]) }).verdict).toBe(
      'MISSED',
    );
  });

  it('fails a case whose results differ, however fast', () => {
    const figures = caseFigures(ratioCase([1], [1], 'other'));
    expect(figures.verdict).toBe('WRONG');
    expect(figures.note).toBe('the results differ: ours "other", anchor "same"');
  });

  it('fails a case whose side failed, keeping the other side’s time', () => {
    const measurement: CaseMeasurement = {
      ...ratioCase([1], [4]),
      oursOutput: { status: 'failed', message: 'M error [Expression.Error] nope' },
    };
    expect(caseFigures(measurement)).toEqual({
      verdict: 'FAILED',
      anchorMedian: 4,
      note: 'ours: M error [Expression.Error] nope',
    });
  });

  it('does not count a skipped case against the targets', () => {
    const skipped: CaseMeasurement = {
      ...base,
      name: 'skipped',
      target: { kind: 'time', milliseconds: 1 },
      skipped: 'no data',
    };
    const report = (cases: CaseMeasurement[]): EvaluatorBenchReport => ({
      machine: { node: 'v20', platform: 'linux x64', cpus: 2, cpuModel: 'CPU' },
      warmups: 1,
      rounds: 3,
      cases,
    });
    expect(allTargetsMet(report([skipped, ratioCase([2], [1])]))).toBe(true);
    expect(allTargetsMet(report([skipped, ratioCase([200], [1])]))).toBe(false);
  });
});

describe('renderEvaluatorReport', () => {
  it('prints a table with times, ratio, target, result and peak RSS', () => {
    const report: EvaluatorBenchReport = {
      machine: { node: 'v20.0.0', platform: 'linux x64', cpus: 2, cpuModel: 'Test CPU' },
      warmups: 1,
      rounds: 3,
      cases: [
        ratioCase([20, 21, 22], [1, 1, 1]),
        {
          ...base,
          name: 'slow-case',
          target: { kind: 'time', milliseconds: 1000 },
          oursOutput: done([1500, 1600, 1700], 'same', 512),
          anchorOutput: done([100, 100, 100]),
        },
      ],
    };
    expect(renderEvaluatorReport(report)).toMatchInlineSnapshot(`
      "pqsdk evaluator benchmark
      machine:  Node v20.0.0, linux x64, 2 × Test CPU
      method:   each side of each case in its own child process: 1 untimed run(s), then
                3 timed runs; times are medians, ratio = ours / anchor; RSS is the child's peak
                (maxRSS) with, in parentheses, its RSS before the first run (Node and the loaded modules)

      case          anchor     ours  ratio  target  result    RSS anchor      RSS ours
      ----------  --------  -------  -----  ------  ------  ------------  ------------
      ratio-case   1.00 ms  21.0 ms  21.0×  ≤ 30×   pass    200 MiB (90)  200 MiB (90)
      slow-case   100.0 ms  1.600 s  16.0×  < 1 s   MISSED  200 MiB (90)  512 MiB (90)

      ratio-case:
        ours:   M
        anchor: TypeScript
      slow-case:
        ours:   M
        anchor: TypeScript

      Result: a target was MISSED (see the result column).
      "
    `);
  });
});

describe('formatting', () => {
  it.each([
    [1.234, '1.23 ms'],
    [123.45, '123.5 ms'],
    [1234.5, '1.234 s'],
    [undefined, '—'],
  ])('duration(%s) = %s', (milliseconds, expected) => {
    expect(duration(milliseconds)).toBe(expected);
  });

  it('writes targets', () => {
    expect(targetText({ kind: 'ratio', max: 30 })).toBe('≤ 30×');
    expect(targetText({ kind: 'time', milliseconds: 500 })).toBe('< 0.5 s');
  });
});
